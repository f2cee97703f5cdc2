/** Recording one step of the output (or receive) path: its kernel function, file, why, and the skbs it holds. */
import { skbSnapshot, type SkBuff } from '../skb/skb.ts';
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

function snapshots(skbs: readonly SkBuff[]): SkbSnapshot[] {
  const out: SkbSnapshot[] = new Array<SkbSnapshot>(skbs.length);
  for (let i = 0; i < skbs.length; i++) out[i] = skbSnapshot(skbs[i] as SkBuff);
  return out;
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
    snapshot: {
      skbs: d.skbs ? snapshots(d.skbs) : [],
      vars: d.vars ?? {},
      wireCount: d.wireCount ?? 0,
    },
  };
  if (d.drops?.length) step.drops = d.drops;
  trace.push(step);
}
