/**
 * sockscope's netlink decoder next to its peers on the same real bytes: the 204-link
 * RTM_GETLINK dump recorded on Linux 6.18 (core/conformance/fixtures/linux-6.18/
 * netlink-link-dump.json, 12 recvmsg() buffers). Peers, when installed:
 *
 * - pyroute2 (Debian python3-pyroute2, under /usr/bin/python3): MarshalRtnl.parse of each
 *   buffer, timed inside Python (peers/pyroute2_decode.py), so interpreter start-up is not counted;
 * - Wireshark's `tshark -V` on the same buffers written as a LINKTYPE_NETLINK pcap: the time for
 *   11 copies of the dump minus the time for 1 copy, over 10 (start-up not counted).
 *
 * Rounds alternate (sockscope, pyroute2, tshark, and again), each a median of runs; the table
 * gives the median over rounds and the best round, and ratios per byte. A peer that is missing
 * is named as missing. Nothing here fails on a number. Also: the decoder's cost per byte on
 * inputs of every shape (many tiny messages, one huge one), and the memory a decoded result keeps.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  decodeNetlink,
  encodeNetlink,
  parseHex,
  type NlAttr,
  type NlDecodeResult,
} from '../netlink/index.ts';

export const DUMP_FIXTURE = join(
  import.meta.dirname,
  '../conformance/fixtures/linux-6.18/netlink-link-dump.json',
);
const PY = '/usr/bin/python3';
const PYROUTE2 = join(import.meta.dirname, 'peers/pyroute2_decode.py');

interface Fixture {
  meta: { links: number; kernel: string };
  conversations: { replies: { hex: string }[] }[];
}

/** The dump's recvmsg() buffers, and all of them back to back (one buffer of messages). */
export function loadDump(): { buffers: Uint8Array[]; all: Uint8Array; links: number; kernel: string } {
  const doc = JSON.parse(readFileSync(DUMP_FIXTURE, 'utf8')) as Fixture;
  const buffers = (doc.conversations[0]?.replies ?? []).map((r) => {
    const p = parseHex(r.hex);
    if (!p.ok) throw new Error(p.why);
    return p.bytes;
  });
  const all = new Uint8Array(buffers.reduce((n, b) => n + b.length, 0));
  buffers.reduce((at, b) => (all.set(b, at), at + b.length), 0);
  return { buffers, all, links: doc.meta.links, kernel: doc.meta.kernel };
}

/** Read every attribute's value (what pyroute2 hands back). */
export function readValues(r: NlDecodeResult): number {
  let n = 0;
  const visit = (a: NlAttr): void => {
    if (a.value !== undefined) n++;
    a.children?.forEach(visit);
  };
  for (const m of r.messages) m.attributes.forEach(visit);
  return n;
}

/** Read every field's value and display (what tshark -V prints). */
export function readDisplays(r: NlDecodeResult): number {
  let n = 0;
  const visit = (a: NlAttr): void => {
    for (const f of a.fields) n += f.display.length + (f.value === undefined ? 0 : 1);
    if (a.display) n += a.display.length;
    a.children?.forEach(visit);
  };
  for (const m of r.messages) {
    for (const f of m.header) n += f.display.length;
    for (const f of m.familyHeader?.fields ?? []) n += f.display.length;
    n += m.diagnostics.length;
    m.attributes.forEach(visit);
  }
  return n;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor(s.length / 2)] as number) : NaN;
};

/** Median of `runs` timings of `f` in milliseconds (after a warm-up). */
export function timeMs(f: () => unknown, runs = 15): number {
  for (let i = 0; i < 3; i++) f();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    t.push(performance.now() - t0);
  }
  return median(t);
}

function pyroute2Ms(): number | string {
  const probe = spawnSync(PY, ['-c', 'import pyroute2'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0)
    return `not installed (${PY} cannot import pyroute2: apt install python3-pyroute2)`;
  const r = spawnSync(PY, [PYROUTE2, DUMP_FIXTURE, '15'], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) return `failed: ${(r.stderr || String(r.error)).trim().split('\n').at(-1) ?? ''}`;
  return (JSON.parse(r.stdout) as { median_ms: number }).median_ms;
}

/** A pcap of LINKTYPE_NETLINK (253) packets: the Linux cooked header, then the netlink bytes. */
function writePcap(path: string, buffers: Uint8Array[], copies: number): void {
  const parts: Uint8Array[] = [];
  const head = new DataView(new ArrayBuffer(24));
  head.setUint32(0, 0xa1b2c3d4, true);
  head.setUint16(4, 2, true);
  head.setUint16(6, 4, true);
  head.setUint32(16, 1 << 20, true);
  head.setUint32(20, 253, true);
  parts.push(new Uint8Array(head.buffer));
  let i = 0;
  for (let c = 0; c < copies; c++)
    for (const b of buffers) {
      const rec = new DataView(new ArrayBuffer(16 + 16));
      const len = 16 + b.length;
      rec.setUint32(0, i++, true);
      rec.setUint32(8, len, true);
      rec.setUint32(12, len, true);
      rec.setUint16(16 + 2, 824); // sll_hatype = ARPHRD_NETLINK, big-endian
      rec.setUint16(16 + 14, 0); // sll_protocol = NETLINK_ROUTE
      parts.push(new Uint8Array(rec.buffer), b);
    }
  writeFileSync(path, Buffer.concat(parts));
}

function tsharkRun(pcap: string): number {
  const t0 = performance.now();
  spawnSync('tshark', ['-r', pcap, '-V'], { stdio: 'ignore', timeout: 120_000 });
  return performance.now() - t0;
}

/**
 * tshark -V's time for one more copy of the dump: 11 copies minus 1, over 10, each the fastest
 * of three runs taken in turn (so a busy machine inflates both alike). Not measurable when the
 * difference drowns in noise.
 */
function tsharkMs(dir: string, buffers: Uint8Array[]): number | string {
  const probe = spawnSync('tshark', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return 'not installed (apt install tshark)';
  const one = join(dir, 'dump-1.pcap');
  const eleven = join(dir, 'dump-11.pcap');
  writePcap(one, buffers, 1);
  writePcap(eleven, buffers, 11);
  let t1 = Infinity;
  let t11 = Infinity;
  for (let i = 0; i < 3; i++) {
    t1 = Math.min(t1, tsharkRun(one));
    t11 = Math.min(t11, tsharkRun(eleven));
  }
  const ms = (t11 - t1) / 10;
  return ms > 0 ? ms : 'too noisy to measure this round';
}

/** Bytes a decoded result keeps alive (a child process with --expose-gc measures it). */
function keptAlive(): number | string {
  const script = join(import.meta.dirname, 'netlink-memory.ts');
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', script], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.status !== 0)
    return `not measured (${(r.stderr || String(r.error)).trim().split('\n').at(-1) ?? ''})`;
  return Number(r.stdout.trim());
}

/** Inputs of other shapes, for the cost per byte: many tiny messages, one big one. */
export function shapes(): { name: string; bytes: Uint8Array; opts: Parameters<typeof decodeNetlink>[1] }[] {
  const noop = parseHex('10000000010000000000000000000000');
  if (!noop.ok) throw new Error(noop.why);
  const noops = (k: number) => {
    const b = new Uint8Array(16 * k);
    for (let i = 0; i < k; i++) b.set(noop.bytes, 16 * i);
    return b;
  };
  const big = new Uint8Array(1 << 20);
  new DataView(big.buffer).setUint32(0, big.length, true);
  new DataView(big.buffer).setUint16(4, 0x20, true);
  const attrs = encodeNetlink(
    [
      {
        type: 0x20,
        flags: 0,
        seq: 0,
        pid: 0,
        attributes: Array.from({ length: 16 }, (_, i) => ({
          type: i + 1,
          value: { kind: 'bytes' as const, v: '00'.repeat(65000) },
        })),
      },
    ],
    { family: 'raw' },
  );
  return [
    { name: '10,000 NLMSG_NOOP', bytes: noops(10_000), opts: { family: 'route' } },
    { name: '100,000 NLMSG_NOOP', bytes: noops(100_000), opts: { family: 'route' } },
    {
      name: '1,000,000 NLMSG_NOOP (limit raised)',
      bytes: noops(1_000_000),
      opts: { family: 'route', limits: { messages: 1_000_000 } },
    },
    { name: 'one 1 MiB message (opaque payload)', bytes: big, opts: { family: 'raw' } },
    { name: 'one 1 MiB message, its payload hex read', bytes: big, opts: { family: 'raw' } },
    {
      name: 'one 1 MiB message of 16 attributes',
      bytes: attrs.ok ? attrs.bytes : new Uint8Array(0),
      opts: { family: 'raw', rawAttrs: true },
    },
  ];
}

const f = (n: number, d = 2) => n.toFixed(d);
const cell = (v: number | string, unit = ' ms') => (typeof v === 'number' ? `${f(v)}${unit}` : v);

/** The side-by-side table, as text. */
export function comparePeers(rounds = 3): string {
  const { buffers, all, links, kernel } = loadDump();
  const dir = mkdtempSync(join(tmpdir(), 'sockscope-bench-'));
  const ours = { decode: [] as number[], values: [] as number[], displays: [] as number[] };
  const py: (number | string)[] = [];
  const ts: (number | string)[] = [];
  try {
    for (let r = 0; r < rounds; r++) {
      ours.decode.push(timeMs(() => decodeNetlink(all, { family: 'route' })));
      ours.values.push(timeMs(() => readValues(decodeNetlink(all, { family: 'route' }))));
      ours.displays.push(timeMs(() => readDisplays(decodeNetlink(all, { family: 'route' })), 7));
      py.push(pyroute2Ms());
      ts.push(tsharkMs(dir, buffers));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const peer = (xs: (number | string)[]) => {
    const nums = xs.filter((x): x is number => typeof x === 'number');
    return nums.length ? { median: median(nums), best: Math.min(...nums) } : (xs[0] as string);
  };
  const p = peer(py);
  const t = peer(ts);
  const kb = all.length / 1024;
  const lines = [
    `netlink decode, side by side: a real RTM_GETLINK dump of ${links} links, ${all.length} bytes in ${buffers.length} recvmsg() buffers (Linux ${kernel}); medians of ${rounds} alternating rounds, best round in brackets`,
    `machine: ${cpus().length} CPUs × ${cpus()[0]?.model ?? '?'}, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ')} (1 / 5 / 15 min) when the table was printed`,
    '',
    '| decoder | what it does | ms (best) | MB/s | vs pyroute2 (best) | vs tshark -V (best) |',
    '|---|---|---|---|---|---|',
  ];
  const row = (name: string, what: string, xs: number[]) => {
    const m = median(xs);
    const best = Math.min(...xs);
    // Medians over rounds, and in brackets the best round of each side.
    const ratio = (peerMs: typeof p) =>
      typeof peerMs === 'string'
        ? '—'
        : `${f(peerMs.median / m, 1)}× ${peerMs.median > m ? 'faster' : 'slower'} (${f(peerMs.best / best, 1)}×)`;
    lines.push(
      `| ${name} | ${what} | ${f(m)} (${f(Math.min(...xs))}) | ${f(kb / 1024 / (m / 1000), 1)} | ${ratio(p)} | ${ratio(t)} |`,
    );
  };
  row('sockscope decodeNetlink', 'walk, every header and attribute, every diagnostic', ours.decode);
  row('sockscope + values', 'the above, then every attribute value read', ours.values);
  row('sockscope + every field', 'the above, then every field value and display rendered', ours.displays);
  const peerRow = (name: string, what: string, v: typeof p) =>
    lines.push(
      typeof v === 'string'
        ? `| ${name} | ${what} | ${v} | | | |`
        : `| ${name} | ${what} | ${f(v.median)} (${f(v.best)}) | ${f(kb / 1024 / (v.median / 1000), 1)} | | |`,
    );
  peerRow('pyroute2 MarshalRtnl.parse', 'every message and attribute into Python objects', p);
  peerRow('tshark -V (per dump, start-up excluded)', 'dissect and print every field', t);
  const mem = keptAlive();
  lines.push(
    '',
    typeof mem === 'number'
      ? `memory a decoded result keeps alive: ${f(mem / 1024, 0)} KiB for ${f(kb, 0)} KiB of input (${f(mem / all.length)}× the input; the goal is ≤ 3×)`
      : `memory a decoded result keeps alive: ${mem}`,
    '',
    'cost per byte by shape (linear in the input whatever its shape):',
    '',
    '| input | bytes | ms | ns/byte |',
    '|---|---|---|---|',
  );
  lines.push(
    `| the ${links}-link dump | ${all.length} | ${f(median(ours.decode))} | ${f((median(ours.decode) * 1e6) / all.length)} |`,
  );
  for (const s of shapes()) {
    const read = s.name.includes('hex read');
    const ms = timeMs(() => {
      const r = decodeNetlink(s.bytes, s.opts);
      if (read) void r.messages[0]?.familyHeader?.fields[0]?.value;
    }, 5);
    lines.push(`| ${s.name} | ${s.bytes.length} | ${f(ms)} | ${f((ms * 1e6) / s.bytes.length)} |`);
  }
  return lines.join('\n');
}

export { cell };
