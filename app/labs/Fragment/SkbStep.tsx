/**
 * The sk_buffs at the selected step of a send's trace (SkbPanel), with those an earlier step held
 * marked as reused. A chunk of its own with the panel (LazySkbPanel.tsx fetches it when wanted).
 */
import { useMemo } from 'react';
import type { OutputSnapshot } from '../../../core/ip/index.ts';
import type { Msg } from '../../../core/i18n/index.ts';
import type { TraceStep } from '../../../core/trace/index.ts';
import { idsBefore } from '../../components/skb/geometry.ts';
import { SkbPanel } from '../../components/skb/SkbPanel.tsx';

export interface SkbStepProps {
  trace: readonly TraceStep<OutputSnapshot, Msg>[];
  /** The step shown (inside the trace). */
  index: number;
}

export function SkbStep({ trace, index }: SkbStepProps) {
  const seenBefore = useMemo(() => idsBefore(trace, index), [trace, index]);
  const current = trace[index];
  return current ? (
    <SkbPanel snapshot={current.snapshot} seenBefore={seenBefore} first={index === 0} />
  ) : null;
}
