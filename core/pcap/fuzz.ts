/**
 * A seeded fuzz run of the capture reader: random files, and valid exports with bytes
 * flipped, cut, inserted and repeated, each pushed in random chunks, then dissected, grouped
 * and replayed. It counts what must never happen — an exception, a diagnostic or a packet
 * outside the file, a chunked read that differs from a one-shot read, an export that does
 * not read back — and the slowest input. `npm run fuzz` (issue 19) calls it.
 */
import { count, fuzzLoop } from '../fuzz/harness.ts';
import type { FuzzFinding } from '../fuzz/harness.ts';
import { mulberry32 } from '../fuzz/random.ts';
import type { FuzzResult } from '../fuzz/types.ts';
import { DEFAULT_SEND_INPUT, ipSend, reassemble } from '../ip/index.ts';
import { analyzeCapture } from './analyze.ts';
import { exportNetlink, exportReassembly, exportSend } from './export.ts';
import { createPcapReader, readPcap } from './reader.ts';
import type { PcapCapture } from './types.ts';

/** fuzzPcap's result: the runner's shape, with packets and diagnostics read in `figures`. */
export type FuzzCounts = FuzzResult;

export { mulberry32 };

/** Valid captures to mutate: the exports of a few model cases, in both byte orders. */
export function seedCaptures(): Uint8Array[] {
  const out: Uint8Array[] = [];
  const s4 = ipSend({ ...DEFAULT_SEND_INPUT, sends: [3000], mtu: 1000, options: [0x94, 4, 0, 0] });
  const s6 = ipSend({ ...DEFAULT_SEND_INPUT, family: 'inet6', sends: [3000], mtu: 1280 });
  const r = reassemble({
    family: 'inet',
    len: 592,
    fragments: [
      { offset: 400, length: 200, mf: false },
      { offset: 0, length: 200, mf: true, at: 1 },
      { offset: 192, length: 208, mf: true, fill: 'other', at: 2 },
    ],
  });
  for (const endian of ['le', 'be'] as const) {
    for (const e of [
      exportSend(s4, { endian }),
      exportSend(s6, { endian, vlan: 7 }),
      exportSend(s4, { endian, link: 'raw' }),
      r.ok ? exportReassembly(r, { endian }) : null,
      exportNetlink(
        [
          {
            bytes: Uint8Array.of(20, 0, 0, 0, 3, 0, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
            family: 'route',
          },
        ],
        {
          endian,
        },
      ),
    ])
      if (e?.ok) out.push(e.bytes);
  }
  return out;
}

function mutate(b: Uint8Array, rnd: () => number): Uint8Array {
  const n = 1 + Math.floor(rnd() * 4);
  let cur = b.slice();
  for (let k = 0; k < n; k++) {
    const at = Math.floor(rnd() * (cur.length + 1));
    const op = Math.floor(rnd() * 5);
    if (op === 0 && cur.length) cur[Math.min(at, cur.length - 1)] = Math.floor(rnd() * 256);
    else if (op === 1) cur = cur.slice(0, at);
    else if (op === 2) {
      const ins = Uint8Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => Math.floor(rnd() * 256));
      cur = Uint8Array.from([...cur.subarray(0, at), ...ins, ...cur.subarray(at)]);
    } else if (op === 3 && cur.length >= 4) {
      // a plausible length field: small or huge, in either byte order
      const v = rnd() < 0.5 ? Math.floor(rnd() * 64) : 0xffffffff - Math.floor(rnd() * 16);
      const o = Math.min(at, cur.length - 4);
      for (let i = 0; i < 4; i++) cur[o + i] = (v >>> (8 * (rnd() < 0.5 ? i : 3 - i))) & 0xff;
    } else if (cur.length) {
      const from = Math.floor(rnd() * cur.length);
      const piece = cur.subarray(from, from + Math.floor(rnd() * 64));
      cur = Uint8Array.from([...cur.subarray(0, at), ...piece, ...cur.subarray(at)]);
    }
  }
  return cur;
}

const MAGICS = [
  [0xd4, 0xc3, 0xb2, 0xa1],
  [0xa1, 0xb2, 0xc3, 0xd4],
  [0x4d, 0x3c, 0xb2, 0xa1],
  [0x0a, 0x0d, 0x0d, 0x0a],
];

/** One random input: pure noise, noise behind a magic, or a mutated valid capture. */
export function fuzzInput(rnd: () => number, seeds: readonly Uint8Array[]): Uint8Array {
  const kind = rnd();
  if (kind < 0.15) return Uint8Array.from({ length: Math.floor(rnd() * 200) }, () => Math.floor(rnd() * 256));
  if (kind < 0.35) {
    const m = MAGICS[Math.floor(rnd() * MAGICS.length)] as number[];
    const rest = Array.from({ length: Math.floor(rnd() * 300) }, () => Math.floor(rnd() * 256));
    return Uint8Array.from([...m, ...rest]);
  }
  const base = seeds[Math.floor(rnd() * seeds.length)] ?? new Uint8Array(0);
  return mutate(base, rnd);
}

/** Read `bytes` pushed in random chunks. */
export function readChunked(bytes: Uint8Array, rnd: () => number): PcapCapture {
  const r = createPcapReader();
  for (let o = 0; o < bytes.length;) {
    const n = 1 + Math.floor(rnd() * Math.max(1, bytes.length / 3));
    r.push(bytes.subarray(o, o + n));
    o += n;
  }
  r.end();
  return r.capture();
}

const signature = (c: PcapCapture): string =>
  JSON.stringify([
    c.format,
    c.packets.map((p) => [p.offset, p.caplen, p.origlen, p.time.sec, p.time.nsec, p.interface]),
    c.diagnostics.map((d) => [d.code, d.offset]),
  ]);

/** Check one input: what went wrong (or null), and what the one-shot read found. */
export function inspectInput(
  bytes: Uint8Array,
  rnd: () => number,
): { why: string | null; packets: number; diagnostics: number } {
  const whole = readPcap(bytes);
  const found = { packets: whole.packets.length, diagnostics: whole.diagnostics.length };
  for (const d of whole.diagnostics)
    if (!(d.offset >= 0 && d.offset <= bytes.length))
      return { why: `diagnostic ${d.code} at ${d.offset} outside ${bytes.length}`, ...found };
  for (const p of whole.packets)
    if (p.dataOffset < 0 || p.dataOffset + p.caplen > bytes.length)
      return { why: `packet ${p.index} outside the file`, ...found };
  const chunked = readChunked(bytes, rnd);
  if (signature(chunked) !== signature(whole))
    return { why: 'chunked read differs from one-shot read', ...found };
  const a = analyzeCapture(whole, { maxReplays: 20 });
  for (const v of a.views)
    for (const d of v.diagnostics)
      if (!(d.offset >= 0 && d.offset <= bytes.length))
        return { why: `packet diagnostic ${d.code} outside the file`, ...found };
  return { why: null, ...found };
}

/** Check one input; returns what went wrong, or null. */
export const checkInput = (bytes: Uint8Array, rnd: () => number): string | null =>
  inspectInput(bytes, rnd).why;

/**
 * The capture reader's fuzzer (`npm run fuzz -- --only pcap`): inputs `start` … `start + n − 1`
 * of `seed`, each from its own stream (core/fuzz/harness.ts).
 */
export function fuzzPcap(seed: number, n: number, start = 0): FuzzCounts {
  const seeds = seedCaptures();
  return fuzzLoop(
    seed,
    n,
    {
      // Every seed capture must read back whole: the writer and the reader agree.
      setup: () =>
        seeds.flatMap((s, k): FuzzFinding[] => {
          const c = readPcap(s);
          return c.diagnostics.some((d) => d.severity === 'error') || !c.packets.length
            ? [{ kind: 'mismatch', what: `export ${k} does not read back` }]
            : [];
        }),
      input: (rnd) => fuzzInput(rnd, seeds),
      check: (bytes, rnd, figures) => {
        const { why, packets, diagnostics } = inspectInput(bytes, rnd);
        count(figures, 'packets', packets);
        count(figures, 'diagnostics', diagnostics);
        return why ? { kind: why.includes('outside') ? 'outside' : 'mismatch', what: why } : null;
      },
    },
    { start },
  );
}
