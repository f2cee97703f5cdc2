/** Recording one step of the output (or receive) path: its kernel function, file, why, and the skbs it holds. */
import type { SkBuff } from '../skb/skb.ts';
import { captureSkbs, materialize } from '../skb/capture.ts';
import type { SkbSnapshot } from '../skb/types.ts';
import type { DropReason } from '../drops/index.ts';
import type { Msg } from '../i18n/index.ts';
import type { TraceStep } from '../trace/index.ts';
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
 * A step's snapshot with its skbs captured now and built the first time they are read
 * (core/skb/capture.ts): `skbs` is an own enumerable getter, so the step reads, compares and
 * serialises (JSON) exactly as a plain array would.
 */
export function outputSnapshot(
  skbs: readonly SkBuff[] | undefined,
  vars: OutputSnapshot['vars'],
  wireCount: number,
): OutputSnapshot {
  if (!skbs || skbs.length === 0) return { skbs: [], vars, wireCount };
  const c = captureSkbs(skbs);
  let built: SkbSnapshot[] | undefined;
  return {
    get skbs(): SkbSnapshot[] {
      return (built ??= materialize(c));
    },
    vars,
    wireCount,
  };
}

export function pushStep(
  trace: OutputTrace,
  fn: string,
  file: string,
  why: Msg,
  d: StepDetail = {},
): void {
  const step: TraceStep<OutputSnapshot, Msg> = {
    fn,
    file,
    why,
    dir: d.dir ?? 'down',
    snapshot: outputSnapshot(d.skbs, d.vars ?? {}, d.wireCount ?? 0),
  };
  if (d.drops?.length) step.drops = d.drops;
  trace.push(step);
}
