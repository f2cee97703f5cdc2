/** Recording one step of the output (or receive) path: its kernel function, file, why, and the skbs it holds. */
import { skbSnapshot, type SkBuff } from '../skb/index.ts';
import type { DropReason } from '../drops/index.ts';
import type { TraceStep } from '../trace/index.ts';
import type { OutputSnapshot } from './types.ts';

export type OutputTrace = TraceStep<OutputSnapshot>[];

export interface StepDetail {
  skbs?: SkBuff[];
  vars?: OutputSnapshot['vars'];
  /** Wire packets emitted by the end of this step. */
  wireCount?: number;
  dir?: 'down' | 'up';
  /** The skbs this step freed as drops. */
  drops?: readonly DropReason[];
}

export function pushStep(
  trace: OutputTrace,
  fn: string,
  file: string,
  why: string,
  d: StepDetail = {},
): void {
  trace.push({
    fn,
    file,
    why,
    dir: d.dir ?? 'down',
    snapshot: {
      skbs: (d.skbs ?? []).map((s) => skbSnapshot(s)),
      vars: d.vars ?? {},
      wireCount: d.wireCount ?? 0,
    },
    ...(d.drops?.length ? { drops: d.drops } : {}),
  });
}
