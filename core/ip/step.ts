/**
 * Recording one step of the output (or receive) path: its kernel function, file, why, and the skbs
 * it holds. The skbs are captured into the trace's log (core/skb/capture.ts) and built as
 * `SkbSnapshot`s when a reader first asks for `snapshot.skbs` (issue 17): producing a trace no
 * longer builds an object per skb per step. `materialiseOutputTrace` builds them all at once.
 */
import { skbSnapshot, type SkBuff } from '../skb/skb.ts';
import { SkbLog, skbCapture } from '../skb/capture.ts';
import type { SkbSnapshot } from '../skb/types.ts';
import type { DropReason } from '../drops/index.ts';
import type { Msg } from '../i18n/index.ts';
import type { Trace, TraceStep } from '../trace/index.ts';
import type { Text } from '../i18n/msg.ts';
import type { OutputSnapshot } from './types.ts';

export type OutputTrace = TraceStep<OutputSnapshot, Msg>[];

export interface StepDetail {
  skbs?: SkBuff[];
  vars?: OutputSnapshot['vars'];
  /** Wire packets emitted by the end of this step. */
  wireCount?: number;
  dir?: 'down' | 'up';
  /** The skbs this step freed as drops. */
  drops?: readonly DropReason[];
}

/**
 * The last list of snapshots taken of each live list of skbs: a step showing the same list with
 * no skb changed since (ip_defrag after eth_type_trans: 7,000 fragments) shares that array
 * instead of building another (snapshots are immutable).
 */
const lastLists = new WeakMap<readonly SkBuff[], SkbSnapshot[]>();

function snapshots(skbs: readonly SkBuff[]): SkbSnapshot[] {
  const n = skbs.length;
  if (n === 0) return [];
  const old = lastLists.get(skbs);
  let i = 0;
  if (old && old.length === n)
    while (i < n && skbSnapshot(skbs[i] as SkBuff) === old[i]) i++;
  if (old && i === n) return old;
  const out: SkbSnapshot[] = new Array<SkbSnapshot>(n);
  for (let k = 0; k < i; k++) out[k] = (old as SkbSnapshot[])[k] as SkbSnapshot;
  for (let k = i; k < n; k++) out[k] = skbSnapshot(skbs[k] as SkBuff);
  if (n > 16) lastLists.set(skbs, out);
  return out;
}

const NO_DETAIL: StepDetail = {};

/**
 * Each trace's log of skb states, kept on the trace array under a symbol, not enumerable (JSON,
 * copies and comparisons do not see it). Not in a module-level WeakMap: the collector's quick
 * young-generation passes treat such a map's entries as live, so every trace's log was promoted
 * and needed a full collection to go.
 */
const LOG = Symbol('skb log');

/** The log `trace`'s steps capture their skbs into. */
export function traceLog(trace: OutputTrace): SkbLog {
  const t = trace as OutputTrace & { [LOG]?: SkbLog };
  let log = t[LOG];
  if (log === undefined) {
    log = new SkbLog();
    Object.defineProperty(t, LOG, { value: log });
  }
  return log;
}


/**
 * The list block of `skbs` as they are now. A step showing a long live list that a step showed
 * before with no skb changed since (ip_defrag after eth_type_trans) gets the same block, so the
 * same array when read (log.lastLists).
 */
function captureList(log: SkbLog, skbs: readonly SkBuff[]): number {
  const n = skbs.length;
  const versions = new Array<number>(n);
  for (let i = 0; i < n; i++) versions[i] = skbCapture(log, skbs[i] as SkBuff);
  if (n <= 16) return log.writeList(versions);
  const last = log.lastLists.get(skbs);
  if (last !== undefined && log.listLength(last) === n) {
    let i = 0;
    while (i < n && log.listAt(last, i) === versions[i]) i++;
    if (i === n) return last;
  }
  const block = log.writeList(versions);
  log.lastLists.set(skbs, block);
  return block;
}

/**
 * The snapshot of a step: its vars and wire count as given, its skbs (captured now) built when
 * first read.
 */
export function lazySnapshot(
  log: SkbLog,
  block: number,
  vars: OutputSnapshot['vars'],
  wireCount: number,
): OutputSnapshot {
  return {
    get skbs(): SkbSnapshot[] {
      return log.list(block);
    },
    vars,
    wireCount,
  };
}

/** Test switch: build every step's skbs at once, as before the logs (to compare the two). */
export const eagerSnapshots = { on: false };
export function pushStep(
  trace: OutputTrace,
  fn: string,
  file: string,
  why: Msg,
  d: StepDetail = NO_DETAIL,
): void {
  const skbs = d.skbs;
  const drops = d.drops;
  const snapshot: OutputSnapshot =
    skbs === undefined || skbs.length === 0
      ? { skbs: [], vars: d.vars ?? {}, wireCount: d.wireCount ?? 0 }
      : eagerSnapshots.on
        ? { skbs: snapshots(skbs), vars: d.vars ?? {}, wireCount: d.wireCount ?? 0 }
        : lazySnapshot(traceLog(trace), captureList(traceLog(trace), skbs), d.vars ?? {}, d.wireCount ?? 0);
  if (drops !== undefined && drops.length)
    trace.push({ fn, file, why, dir: d.dir ?? 'down', snapshot, drops });
  else trace.push({ fn, file, why, dir: d.dir ?? 'down', snapshot });
}

/** Build every step's skbs now (what a reader of the whole trace does): for benchmarks and tests. */
export function materialiseOutputTrace(trace: Trace<OutputSnapshot, Text>): number {
  let n = 0;
  for (const s of trace) n += s.snapshot.skbs.length;
  return n;
}
