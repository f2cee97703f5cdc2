/**
 * The sk_buffs of one step (SkbPanel): either the selected step of a trace, with those an earlier
 * step held marked as reused (the Fragmentation lab's send), or one snapshot on its own, drawn as
 * a first step (the Reassembly lab's delivered datagram). A chunk of its own with the panel, its
 * geometry and fields table (LazySkbPanel.tsx fetches it when wanted).
 */
import { useMemo } from 'react';
import { idsBefore } from './geometry.ts';
import { SkbPanel } from './SkbPanel.tsx';
import type { SkbStepSnapshot } from './SkbPanel.tsx';

export type SkbStepProps = {
  /** The panel's width when known before it is drawn (its placeholder's): its first layout is its last. */
  initialWidth?: number | undefined;
} & (
  | {
      trace: readonly { snapshot: SkbStepSnapshot }[];
      /** The step shown (inside the trace). */
      index: number;
      snapshot?: undefined;
    }
  | {
      /** One step's sk_buffs on their own: nothing before them. */
      snapshot: SkbStepSnapshot;
      trace?: undefined;
      index?: undefined;
    }
);

export function SkbStep(props: SkbStepProps) {
  const { trace, index = 0 } = props;
  const seenBefore = useMemo(() => (trace ? idsBefore(trace, index) : new Set<number>()), [trace, index]);
  const snapshot = trace ? trace[index]?.snapshot : props.snapshot;
  return snapshot ? (
    <SkbPanel
      snapshot={snapshot}
      seenBefore={seenBefore}
      first={index === 0}
      initialWidth={props.initialWidth}
    />
  ) : null;
}
