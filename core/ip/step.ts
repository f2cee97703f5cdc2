/** Recording one step of the output (or receive) path: its kernel function, file, why, and the skbs it holds. */
import { skbSnapshot, type SkBuff } from '../skb/skb.ts';
import type { SkbSnapshot } from '../skb/types.ts';
import type { DropReason } from '../drops/index.ts';
import type { Msg } from '../i18n/index.ts';
import type { TraceStep } from '../trace/index.ts';
import type { Text } from '../i18n/msg.ts';
import type { OutputSnapshot } from './types.ts';

export type OutputTrace = TraceStep<OutputSnapshot, Msg>[];

/**
 * The last list of snapshots taken of each live list of skbs: a step showing the same list with
 * no skb changed since (ip_defrag after eth_type_trans: 7,000 fragments) shares that array
 * instead of building another (snapshots are immutable).
 */
const lastLists = new WeakMap<readonly SkBuff[], SkbSnapshot[]>();

function snapshots(skbs: readonly SkBuff[]): SkbSnapshot[] {
  const n = skbs.length;
  if (n === 0) return NO_SKBS;
  // Only lists of more than 16 are remembered (below): a shorter one is not looked up.
  const old = n > 16 ? lastLists.get(skbs) : undefined;
  let i = 0;
  if (old && old.length === n) while (i < n && skbSnapshot(skbs[i] as SkBuff) === old[i]) i++;
  if (old && i === n) return old;
  const out: SkbSnapshot[] = new Array<SkbSnapshot>(n);
  for (let k = 0; k < i; k++) out[k] = (old as SkbSnapshot[])[k] as SkbSnapshot;
  for (let k = i; k < n; k++) out[k] = skbSnapshot(skbs[k] as SkBuff);
  if (n > 16) lastLists.set(skbs, out);
  return out;
}

/**
 * The skbs and vars of every step that shows none (snapshots are read, never written): shared,
 * frozen, not two fresh objects a step.
 */
const NO_SKBS: SkbSnapshot[] = Object.freeze([]) as unknown as SkbSnapshot[];
const NO_VARS: OutputSnapshot['vars'] = Object.freeze({});

/**
 * The trace of a send whose steps nobody reads (ipSendWire: the Reassembly lab cuts up to 1,365
 * cards from the sender's wire and shows the receiver's trace, not the sender's). pushStep and
 * the append path's steps record nothing into it and take no sk_buff snapshots, which are most
 * of a send's work. One shared instance: its `push` does nothing, so a step recorded any other
 * way is dropped as well, never kept from one send to the next.
 */
export const NO_TRACE: OutputTrace = Object.defineProperty([] as OutputTrace, 'push', { value: () => 0 });

/**
 * What records a trace step (pushStep going down, pushUpStep going up): its kernel function, file
 * and why; the skbs it holds (snapshotted now), its named numbers, the skbs it freed as drops, and
 * how many packets are on the wire by its end. Positional arguments, not an options object: each call site's
 * object had a shape of its own, and reading five fields from a dozen shapes was a megamorphic
 * load each (issue 17: a 3-fragment send took 4.5 µs in Chromium with the object, 4.2 without).
 */
export type StepRecorder = (
  trace: OutputTrace,
  fn: string,
  file: string,
  why: Msg,
  skbs?: readonly SkBuff[],
  vars?: OutputSnapshot['vars'],
  drops?: readonly DropReason[],
  wireCount?: number,
) => void;

/** A step of the send path, going down. */
export const pushStep: StepRecorder = (trace, fn, file, why, skbs, vars, drops, wireCount = 0) =>
  record(trace, fn, file, why, 'down', skbs, vars, drops, wireCount);

/** pushStep for a step of the receive path, going up. */
export const pushUpStep: StepRecorder = (trace, fn, file, why, skbs, vars, drops, wireCount = 0) =>
  record(trace, fn, file, why, 'up', skbs, vars, drops, wireCount);

function record(
  trace: OutputTrace,
  fn: string,
  file: string,
  why: Msg,
  dir: 'down' | 'up',
  skbs: readonly SkBuff[] | undefined,
  vars: OutputSnapshot['vars'] | undefined,
  drops: readonly DropReason[] | undefined,
  wireCount: number,
): void {
  if (trace === NO_TRACE) return;
  const snapshot: OutputSnapshot = {
    skbs: skbs ? snapshots(skbs) : NO_SKBS,
    vars: vars ?? NO_VARS,
    wireCount,
  };
  if (drops !== undefined && drops.length) trace.push({ fn, file, why, dir, snapshot, drops });
  else trace.push({ fn, file, why, dir, snapshot });
}

/**
 * Read every step's skbs, frag_lists included, as a reader of the whole trace does (the app's
 * geometry, `sockscope trace --json`): steps whose skbs are gathered when first read
 * (append.ts's whole-queue steps) are built here. Returns how many skb snapshots it visited.
 * For benchmarks (the cost of producing a trace and reading it all) and tests.
 */
export function materialiseOutputTrace(trace: readonly TraceStep<OutputSnapshot, Text>[]): number {
  let n = 0;
  const visit = (skbs: readonly SkbSnapshot[]): void => {
    for (const s of skbs) {
      n++;
      if (s.frag_list.length) visit(s.frag_list);
    }
  };
  for (const step of trace) visit(step.snapshot.skbs);
  return n;
}
