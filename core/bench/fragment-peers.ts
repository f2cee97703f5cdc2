/**
 * sockscope's send pipeline (ipSend, with its full trace and sk_buff snapshots) and its
 * reassembly (reassemble, with its trace) next to scapy's fragment() and defragment() on the same
 * inputs (issue 17): 65,507 B over MTU 68 with the send-buffer check off (1,365 fragments),
 * 4,000 B / 1,500, 30,000 B / 576, 65,507 B / 1,500. scapy (Debian python3-scapy, under
 * /usr/bin/python3) is timed inside Python (peers/scapy_fragment.py), so start-up is not counted;
 * when it is missing the table says so. Rounds alternate (sockscope, scapy, and again); the table
 * gives medians over rounds and ratios. Then the trace's growth with the number of fragments, from
 * 10 to 1,365 (time per fragment stays flat when the trace is linear). Nothing fails on a number.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DEFAULT_SEND_INPUT, ipSend, reassemble, type FragmentSpec } from '../ip/index.ts';
import { timeMs } from './netlink-peers.ts';

const PY = '/usr/bin/python3';
const SCAPY = join(import.meta.dirname, 'peers/scapy_fragment.py');

export const CASES = [
  { size: 65507, mtu: 68 },
  { size: 4000, mtu: 1500 },
  { size: 30000, mtu: 576 },
  { size: 65507, mtu: 1500 },
] as const;

const sendInput = (size: number, mtu: number) => ({
  ...DEFAULT_SEND_INPUT,
  sends: [size],
  mtu,
  sndbufCheck: false,
});

/** The fragments ipSend put on the wire, as reassemble() takes them. */
export function wireFragments(size: number, mtu: number): FragmentSpec[] {
  const r = ipSend(sendInput(size, mtu));
  if (!r.ok) throw new Error(`ipSend failed on ${size} B / MTU ${mtu}`);
  return r.wire.flatMap((p) =>
    p.family === 'inet' ? [{ offset: p.offset, length: p.total_length - p.ihl, mf: p.mf }] : [],
  );
}

interface ScapyCase {
  case: string;
  fragments: number;
  fragment_ms: number;
  defragment_ms: number;
}

function scapy(runs: number): { version: string; cases: ScapyCase[] } | string {
  const probe = spawnSync(PY, ['-c', 'import scapy.all'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0)
    return `scapy not installed (${PY} cannot import scapy: apt install python3-scapy)`;
  const args = [SCAPY, String(runs), ...CASES.map((c) => `${c.size}:${c.mtu}`)];
  const r = spawnSync(PY, args, { encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) return `scapy failed: ${(r.stderr || String(r.error)).trim().split('\n').at(-1) ?? ''}`;
  return JSON.parse(r.stdout) as { version: string; cases: ScapyCase[] };
}

const median = (xs: number[]): number => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? (s[Math.floor(s.length / 2)] as number) : NaN;
};
const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(n < 1 ? 3 : 2)} ms` : '—');
const ratio = (peer: number, ours: number) =>
  Number.isFinite(peer) && ours > 0 ? `${(peer / ours).toFixed(0)}× faster` : '—';

/** The side-by-side table and the growth table, as text. */
export function compareFragmentPeers(rounds = 3): string {
  const inputs = CASES.map((c) => ({ ...c, frags: wireFragments(c.size, c.mtu) }));
  const ours = inputs.map(() => ({ send: [] as number[], re: [] as number[] }));
  const theirs = inputs.map(() => ({ send: [] as number[], re: [] as number[] }));
  let note = '';
  for (let r = 0; r < rounds; r++) {
    inputs.forEach((c, i) => {
      const runs = c.frags.length > 100 ? 7 : 25;
      ours[i]!.send.push(timeMs(() => ipSend(sendInput(c.size, c.mtu)), runs));
      ours[i]!.re.push(timeMs(() => reassemble({ family: 'inet', len: c.size, fragments: c.frags }), runs));
    });
    const s = scapy(3);
    if (typeof s === 'string') note = s;
    else {
      note = `scapy ${s.version}`;
      s.cases.forEach((c, i) => {
        theirs[i]?.send.push(c.fragment_ms);
        theirs[i]?.re.push(c.defragment_ms);
      });
    }
  }
  const lines = [
    `IPv4 fragmentation and reassembly, sockscope (full trace) vs ${note}; medians of ${rounds} alternating rounds`,
    '| input | fragments | ipSend | scapy fragment() | ratio | reassemble | scapy defragment() | ratio |',
    '|---|---|---|---|---|---|---|---|',
  ];
  inputs.forEach((c, i) => {
    const o = ours[i]!;
    const t = theirs[i]!;
    const [os, or, ts, tr] = [median(o.send), median(o.re), median(t.send), median(t.re)];
    lines.push(
      `| ${c.size.toLocaleString('en')} B / MTU ${c.mtu} | ${c.frags.length} | ${ms(os)} | ${ms(ts)} | ${ratio(ts, os)} | ${ms(or)} | ${ms(tr)} | ${ratio(tr, or)} |`,
    );
  });
  lines.push(
    '',
    'Trace growth (MTU 68, 48 B a fragment): time per fragment stays flat when the trace is linear',
  );
  lines.push('| fragments | ipSend | per fragment | reassemble | per fragment |', '|---|---|---|---|---|');
  for (const n of [10, 100, 341, 682, 1365]) {
    const size = Math.min(65507, n * 48 - 8);
    const frags = wireFragments(size, 68);
    const runs = n > 300 ? 5 : 15;
    const s = timeMs(() => ipSend(sendInput(size, 68)), runs);
    const r = timeMs(() => reassemble({ family: 'inet', len: size, fragments: frags }), runs);
    const per = (t: number) => `${((t * 1000) / frags.length).toFixed(1)} µs`;
    lines.push(`| ${frags.length} | ${ms(s)} | ${per(s)} | ${ms(r)} | ${per(r)} |`);
  }
  return lines.join('\n');
}
