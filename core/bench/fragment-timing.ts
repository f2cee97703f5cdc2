/**
 * sockscope's side of the fragmentation benchmark (issue 17), runnable in any JavaScript runtime:
 * `npm run bench:peers` (e2e/bench/core-peers.ts) builds this file with Vite as a library (the
 * app's target and minifier) and calls it in Chromium, the runtime of the page, and in Node, one
 * input per fresh page or process; scapy's side is core/bench/peers/scapy_fragment.py. Nothing
 * here reads a file, spawns a process or prints: it times, and returns numbers.
 */
import { DEFAULT_SEND_INPUT, ipSend, reassemble, type FragmentSpec, type SendInput } from '../ip/index.ts';
import { sendToWire } from '../ip/send-wire.ts';
import { materialiseOutputTrace } from '../ip/step.ts';

/** The four inputs of the issue: 65,507 B over MTU 68 (1,365 fragments), then the usual sizes. */
export const CASES = [
  { size: 65507, mtu: 68 },
  { size: 4000, mtu: 1500 },
  { size: 30000, mtu: 576 },
  { size: 65507, mtu: 1500 },
] as const;

/** The trace's growth: these many fragments over MTU 68 (48 B a fragment). */
export const GROWTH = [10, 100, 341, 682, 1365] as const;

export const sendInput = (size: number, mtu: number) => ({
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

export interface TimingOptions {
  /** How long a function is called before it is timed. */
  warmMs: number;
  /** The shortest stretch timed as one sample: calls shorter than this are timed in batches. */
  sampleMs: number;
}

/**
 * Median and fastest time per call over `runs` samples, in ms; `cpu`, the median process CPU
 * time per call, where the runtime tells it (Node's process.cpuUsage; NaN in a browser).
 */
export interface Stats {
  med: number;
  min: number;
  cpu: number;
}

type CpuUsage = (prev?: { user: number; system: number }) => { user: number; system: number };

/** process.cpuUsage where there is one (Node), looked up without naming `process` (a page has none). */
function cpuUsage(): CpuUsage | undefined {
  const p = (globalThis as { process?: { cpuUsage?: CpuUsage } }).process;
  return typeof p?.cpuUsage === 'function' ? p.cpuUsage.bind(p) : undefined;
}

/** The median of the finite values (the mean of the middle two when their number is even). */
export const median = (xs: number[]): number => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/**
 * V8 compiles a function in tiers as it is called (interpreter, baseline, optimising compiler);
 * CPython, scapy's side, does not. So `f` is called for warmMs first (three calls at least), and
 * what is timed is the optimised code, as in any run longer than a moment (the CLI on a batch,
 * the app after a few edits; `bench:interaction` times the first edits of a fresh page). A sample
 * is one call, or as many calls as last sampleMs, divided: a 10 µs call is timed in hundreds, and
 * garbage collection is shared among the calls of a sample. A page's clock is coarse (Chromium
 * rounds performance.now() to 100 µs outside cross-origin isolation): samples of 10 ms or more
 * keep that below 1 %.
 */
export function timeStats(f: () => unknown, runs: number, o: TimingOptions): Stats {
  const w0 = performance.now();
  let calls = 0;
  while (calls < 3 || performance.now() - w0 < o.warmMs) {
    f();
    calls++;
  }
  // A coarse clock may see the warm-up take no time at all: then one call a sample is the floor.
  const perCall = (performance.now() - w0) / calls;
  const batch = perCall > 0 ? Math.max(1, Math.ceil(o.sampleMs / perCall)) : 1;
  const cpu = cpuUsage();
  const t: number[] = [];
  const c: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = cpu?.();
    const t0 = performance.now();
    for (let k = 0; k < batch; k++) f();
    t.push((performance.now() - t0) / batch);
    if (cpu && c0) {
      const dc = cpu(c0);
      c.push((dc.user + dc.system) / 1000 / batch);
    }
  }
  return { med: median(t), min: Math.min(...t), cpu: c.length ? median(c) : NaN };
}

/**
 * The send path alone, with its full trace, down to the wire (dev_queue_xmit on loopback): what
 * scapy's fragment() does — cut one datagram into fragments — and no more. ipSend goes on to
 * loop them back: the receiver's steps, ip_defrag's reassembly, the UDP socket's queue, what
 * scapy's defragment() does (next to it in the table: fragment() + defragment()). The steps it
 * records are ipSend's first (send.ts runs exactly this, then the finish); returns their number.
 */
export function sendWireTraced(input: SendInput): number {
  const w = sendToWire(input, 'fresh');
  return 'ok' in w ? -1 : w.ctx.trace.length;
}

/**
 * One input's timings: sent down to the wire (sendToWire, traced), sent and looped back
 * (ipSend), sent and read, and put back (reassemble).
 */
export interface CaseTiming {
  size: number;
  mtu: number;
  fragments: number;
  wire: Stats;
  send: Stats;
  read: Stats;
  reassemble: Stats;
}

/** CASES[i]: sent to the wire, sent and looped back, sent and read, and put back. */
export function timeCase(i: number, o: TimingOptions): CaseTiming {
  const c = CASES[i];
  if (!c) throw new Error(`no case ${i}`);
  const frags = wireFragments(c.size, c.mtu);
  const runs = frags.length > 100 ? 15 : 41;
  // The send's input is built once, outside the timed calls, as scapy's side builds its packet
  // once and times fragment(pkt) (the sends never write to their input).
  const input = sendInput(c.size, c.mtu);
  const defrag = { family: 'inet' as const, len: c.size, fragments: frags };
  return {
    size: c.size,
    mtu: c.mtu,
    fragments: frags.length,
    wire: timeStats(() => sendWireTraced(input), runs, o),
    send: timeStats(() => ipSend(input), runs, o),
    read: timeStats(() => materialiseOutputTrace(ipSend(input).trace), runs, o),
    reassemble: timeStats(() => reassemble(defrag), runs, o),
  };
}

/** The trace's growth: ipSend and reassemble of 10 to 1,365 fragments over MTU 68. */
export interface GrowthTiming {
  fragments: number;
  send: Stats;
  reassemble: Stats;
}

/** GROWTH[i] fragments over MTU 68: sent, and put back. */
export function timeGrowth(i: number, o: TimingOptions): GrowthTiming {
  const n = GROWTH[i];
  if (n === undefined) throw new Error(`no growth step ${i}`);
  const size = Math.min(65507, n * 48 - 8);
  const frags = wireFragments(size, 68);
  const runs = n > 300 ? 15 : 41;
  const input = sendInput(size, 68);
  const defrag = { family: 'inet' as const, len: size, fragments: frags };
  return {
    fragments: frags.length,
    send: timeStats(() => ipSend(input), runs, o),
    reassemble: timeStats(() => reassemble(defrag), runs, o),
  };
}
