/**
 * sockscope's send pipeline (ipSend, with its full trace and sk_buff snapshots) and its
 * reassembly (reassemble, with its trace) next to scapy's fragment() and defragment() on the same
 * inputs (issue 17): 65,507 B over MTU 68 with the send-buffer check off (1,365 fragments),
 * 4,000 B / 1,500, 30,000 B / 576, 65,507 B / 1,500. scapy (Debian python3-scapy, under
 * /usr/bin/python3) is timed inside Python (peers/scapy_fragment.py), so start-up is not counted;
 * when it is missing the table says so. sockscope's side is timed once V8 has optimised it (see
 * timeStats). Rounds alternate (sockscope, scapy, and again); the table
 * gives medians over rounds and ratios. Then the trace's growth with the number of fragments, from
 * 10 to 1,365 (time per fragment stays flat when the trace is linear). Nothing fails on a number.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DEFAULT_SEND_INPUT, ipSend, reassemble, type FragmentSpec } from '../ip/index.ts';
import { materialiseOutputTrace } from '../ip/step.ts';
import { cpus, loadavg } from 'node:os';

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
  fragment_min_ms: number;
  defragment_ms: number;
  defragment_min_ms: number;
}

/** How long a function is called before it is timed (see timeStats). */
const WARM_MS = 250;
/** The shortest stretch timed as one sample: calls shorter than this are timed in batches. */
const SAMPLE_MS = 1;

/**
 * Median and fastest of `runs` samples of the time per call, and the median of the process CPU
 * time (process.cpuUsage) per call, which another process holding the core does not inflate as
 * it does the wall clock. V8 compiles a function in tiers as it is called (interpreter, baseline,
 * optimising compiler); CPython, scapy's side, does not. So `f` is called for WARM_MS first (three
 * calls at least), and what is timed is the optimised code, as in any run longer than a moment
 * (the CLI on a batch, the app after a few edits; the browser benchmarks time the first edits).
 * A sample is one call, or as many calls as last SAMPLE_MS, divided: a 10 µs call is timed
 * 100 at a time, and garbage collection is shared among the calls of a sample.
 */
function timeStats(f: () => unknown, runs: number): { med: number; min: number; cpu: number } {
  const w0 = performance.now();
  let calls = 0;
  while (calls < 3 || performance.now() - w0 < WARM_MS) {
    f();
    calls++;
  }
  const batch = Math.max(1, Math.ceil(SAMPLE_MS / ((performance.now() - w0) / calls)));
  const t: number[] = [];
  const c: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let k = 0; k < batch; k++) f();
    t.push((performance.now() - t0) / batch);
    const dc = process.cpuUsage(c0);
    c.push((dc.user + dc.system) / 1000 / batch);
  }
  return { med: median(t), min: Math.min(...t), cpu: median(c) };
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
  type Side = {
    send: number[];
    re: number[];
    sendMin: number[];
    reMin: number[];
    read: number[];
    readMin: number[];
  };
  const side = (): Side => ({ send: [], re: [], sendMin: [], reMin: [], read: [], readMin: [] });
  const ours = inputs.map(side);
  const theirs = inputs.map(side);
  const load = loadavg()[0] ?? NaN;
  let note = '';
  for (let r = 0; r < rounds; r++) {
    inputs.forEach((c, i) => {
      const runs = c.frags.length > 100 ? 15 : 41;
      const s = timeStats(() => ipSend(sendInput(c.size, c.mtu)), runs);
      const m = timeStats(() => materialiseOutputTrace(ipSend(sendInput(c.size, c.mtu)).trace), runs);
      const q = timeStats(() => reassemble({ family: 'inet', len: c.size, fragments: c.frags }), runs);
      const o = ours[i]!;
      o.send.push(s.med);
      o.sendMin.push(s.min);
      o.read.push(m.med);
      o.readMin.push(m.min);
      o.re.push(q.med);
      o.reMin.push(q.min);
    });
    const s = scapy(5);
    if (typeof s === 'string') note = s;
    else {
      note = `scapy ${s.version}`;
      s.cases.forEach((c, i) => {
        const t = theirs[i]!;
        t.send.push(c.fragment_ms);
        t.sendMin.push(c.fragment_min_ms);
        t.re.push(c.defragment_ms);
        t.reMin.push(c.defragment_min_ms);
      });
    }
  }
  const lines = [
    `IPv4 fragmentation and reassembly, sockscope (full trace) vs ${note}; median (fastest) over ${rounds} alternating rounds`,
    `${cpus().length} CPUs × ${cpus()[0]?.model ?? 'unknown'}, load average ${load.toFixed(2)} at start: on a busy machine read the fastest runs and the ratios`,
    `sockscope: time per call once optimised (called for ${WARM_MS} ms first; samples of ≥ ${SAMPLE_MS} ms, short calls in batches); scapy: per call, after two calls (CPython has no JIT to warm)`,
    "ipSend: producing the result and its trace; + read: the same, then every step's sk_buffs read (what the app or `sockscope trace --json` does; steps that gather their skbs when first read build them then)",
    '| input | fragments | ipSend | ipSend + read | scapy fragment() | ratio | ratio with read | reassemble | scapy defragment() | ratio |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  const both = (med: number, min: number) => `${ms(med)} (${ms(min)})`;
  const ratios = (peer: [number, number], us: [number, number]) =>
    `${ratio(peer[0], us[0])} (${ratio(peer[1], us[1]).replace(' faster', '')})`;
  inputs.forEach((c, i) => {
    const o = ours[i]!;
    const t = theirs[i]!;
    const os: [number, number] = [median(o.send), Math.min(...o.sendMin)];
    const om: [number, number] = [median(o.read), Math.min(...o.readMin)];
    const or: [number, number] = [median(o.re), Math.min(...o.reMin)];
    const ts: [number, number] = [median(t.send), Math.min(...t.sendMin)];
    const tr: [number, number] = [median(t.re), Math.min(...t.reMin)];
    lines.push(
      `| ${c.size.toLocaleString('en')} B / MTU ${c.mtu} | ${c.frags.length} | ${both(...os)} | ${both(...om)} | ${both(...ts)} | ${ratios(ts, os)} | ${ratios(ts, om)} | ${both(...or)} | ${both(...tr)} | ${ratios(tr, or)} |`,
    );
  });
  lines.push(
    '',
    'Trace growth (MTU 68, 48 B a fragment): time per fragment stays flat when the trace is linear (fastest of the runs, then median; CPU: median process CPU time per call)',
  );
  lines.push(
    '| fragments | ipSend | per fragment | ipSend CPU | reassemble | per fragment | reassemble CPU |',
    '|---|---|---|---|---|---|---|',
  );
  for (const n of [10, 100, 341, 682, 1365]) {
    const size = Math.min(65507, n * 48 - 8);
    const frags = wireFragments(size, 68);
    const runs = n > 300 ? 15 : 41;
    const s = timeStats(() => ipSend(sendInput(size, 68)), runs);
    const r = timeStats(() => reassemble({ family: 'inet', len: size, fragments: frags }), runs);
    const per = (t: number) => `${((t * 1000) / frags.length).toFixed(1)} µs`;
    lines.push(
      `| ${frags.length} | ${both(s.med, s.min)} | ${per(s.min)} (${per(s.med)}) | ${ms(s.cpu)} | ${both(r.med, r.min)} | ${per(r.min)} (${per(r.med)}) | ${ms(r.cpu)} |`,
    );
  }
  return lines.join('\n');
}
