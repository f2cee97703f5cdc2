/**
 * The fragmentation benchmark's peer and tables (issue 17): scapy's fragment() and defragment()
 * on the inputs sockscope's send and reassembly take (core/bench/peers/scapy_fragment.py, under
 * Debian's /usr/bin/python3, timed inside Python so start-up is not counted), and the text
 * tables that put them beside sockscope's timings (fragment-timing.ts, run by
 * e2e/bench/core-peers.ts in each runtime). When scapy is missing the tables say so.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CASES, median, type CaseTiming, type GrowthTiming } from './fragment-timing.ts';

export { median };

const PY = '/usr/bin/python3';
const SCAPY = join(import.meta.dirname, 'peers/scapy_fragment.py');

export interface ScapyCase {
  case: string;
  fragments: number;
  fragment_ms: number;
  fragment_min_ms: number;
  defragment_ms: number;
  defragment_min_ms: number;
}

/** One run of scapy over CASES (`runs` calls each), or why there is none. */
export function scapy(runs: number): { version: string; cases: ScapyCase[] } | string {
  const probe = spawnSync(PY, ['-c', 'import scapy.all'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0)
    return `scapy not installed (${PY} cannot import scapy: apt install python3-scapy)`;
  const args = [SCAPY, String(runs), ...CASES.map((c) => `${c.size}:${c.mtu}`)];
  const r = spawnSync(PY, args, { encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) return `scapy failed: ${(r.stderr || String(r.error)).trim().split('\n').at(-1) ?? ''}`;
  return scapyAnswer(r.stdout);
}

const isScapyCase = (v: unknown): v is ScapyCase =>
  typeof v === 'object' &&
  v !== null &&
  ['fragment_ms', 'fragment_min_ms', 'defragment_ms', 'defragment_min_ms'].every(
    (k) => typeof (v as Record<string, unknown>)[k] === 'number',
  );

/** scapy_fragment.py's output read, or why it cannot be: one case per input of CASES. */
export function scapyAnswer(stdout: string): { version: string; cases: ScapyCase[] } | string {
  let v: unknown;
  try {
    v = JSON.parse(stdout);
  } catch {
    return `scapy printed no JSON: ${stdout.trim().slice(0, 80)}`;
  }
  const o = v as { version?: unknown; cases?: unknown };
  if (typeof o !== 'object' || o === null || !Array.isArray(o.cases) || !o.cases.every(isScapyCase))
    return 'scapy printed JSON of another shape';
  if (o.cases.length !== CASES.length) return `scapy timed ${o.cases.length} inputs, not ${CASES.length}`;
  return { version: String(o.version ?? '?'), cases: o.cases };
}

/** A time in ms as read best: µs below 1 ms (three figures: the 3-fragment send's 3.1 µs is not "0.003 ms"). */
const ms = (n: number) =>
  !Number.isFinite(n)
    ? '—'
    : n >= 1
      ? `${n.toFixed(2)} ms`
      : `${(n * 1000).toFixed(n >= 0.1 ? 0 : n >= 0.01 ? 1 : 2)} µs`;
const ratio = (peer: number, ours: number) =>
  Number.isFinite(peer) && ours > 0 ? `${(peer / ours).toFixed(0)}× faster` : '—';
const both = (med: number, min: number) => `${ms(med)} (${ms(min)})`;
const ratios = (peer: [number, number], us: [number, number]) =>
  `${ratio(peer[0], us[0])} (${ratio(peer[1], us[1]).replace(' faster', '')})`;

/** Medians over rounds of the medians, and the fastest of the fastest. */
function over(rounds: { med: number; min: number }[]): [number, number] {
  return [median(rounds.map((s) => s.med)), Math.min(...rounds.map((s) => s.min))];
}

/**
 * The side-by-side table of one runtime: sockscope's rounds (one CaseTiming[] a round) next to
 * scapy's (one ScapyCase[] a round; none when scapy is missing). Two sends: down to the wire
 * (sendToWire with its trace: what fragment() does), and ipSend, which also loops the fragments
 * back through the receiver and ip_defrag (what fragment() and then defragment() do) — its ratio
 * is given to both.
 */
export function casesTable(ours: CaseTiming[][], theirs: ScapyCase[][]): string[] {
  const lines = [
    '| input | fragments | to the wire | scapy fragment() | ratio | ipSend (to the wire and back) | ratio to fragment() | ratio to fragment() + defragment() | ipSend + read | ratio with read | reassemble | scapy defragment() | ratio |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  CASES.forEach((c, i) => {
    const o = ours.map((r) => r[i] as CaseTiming);
    const t = theirs.map((r) => r[i] as ScapyCase);
    const ow = over(o.map((x) => x.wire));
    const os = over(o.map((x) => x.send));
    const om = over(o.map((x) => x.read));
    const or = over(o.map((x) => x.reassemble));
    const ts = over(t.map((x) => ({ med: x.fragment_ms, min: x.fragment_min_ms })));
    const tr = over(t.map((x) => ({ med: x.defragment_ms, min: x.defragment_min_ms })));
    const tb = over(
      t.map((x) => ({ med: x.fragment_ms + x.defragment_ms, min: x.fragment_min_ms + x.defragment_min_ms })),
    );
    lines.push(
      `| ${c.size.toLocaleString('en')} B / MTU ${c.mtu} | ${o[0]?.fragments ?? '—'} | ${both(...ow)} | ${both(...ts)} | ${ratios(ts, ow)} | ${both(...os)} | ${ratios(ts, os)} | ${ratios(tb, os)} | ${both(...om)} | ${ratios(ts, om)} | ${both(...or)} | ${both(...tr)} | ${ratios(tr, or)} |`,
    );
  });
  return lines;
}

/** The trace's growth in one runtime: time per fragment stays flat when the trace is linear. */
export function growthTable(g: GrowthTiming[]): string[] {
  const lines = [
    '| fragments | ipSend | per fragment | ipSend CPU | reassemble | per fragment | reassemble CPU |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of g) {
    const per = (t: number) => `${((t * 1000) / r.fragments).toFixed(1)} µs`;
    lines.push(
      `| ${r.fragments} | ${both(r.send.med, r.send.min)} | ${per(r.send.min)} (${per(r.send.med)}) | ${ms(r.send.cpu)} | ${both(r.reassemble.med, r.reassemble.min)} | ${per(r.reassemble.min)} (${per(r.reassemble.med)}) | ${ms(r.reassemble.cpu)} |`,
    );
  }
  return lines;
}
