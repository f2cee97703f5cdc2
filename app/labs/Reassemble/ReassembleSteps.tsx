import { useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useIntl } from 'react-intl';
import type { IntlShape } from 'react-intl';
import { fmt } from '../../i18n/format.tsx';
import { W } from './words.ts';
import type { DefragOk, DefragStep } from '../../../core/ip/defrag-types.ts';
import { num } from '../../format.ts';
import { StepList } from '../../lab-kit/index.ts';
import type { StepView } from '../../lab-kit/index.ts';

const STEPS_UNWINDOWED = 160;
const STEP_WINDOW = 100;
/** The window's keys are recycled: a new result (an edit) updates the 100 items in place. */
const recycled = (i: number) => i % STEP_WINDOW;

/** The heading of a step that starts an arrival (or a timer) of its own. */
function groupOf(intl: IntlShape, result: DefragOk, s: DefragStep, i: number, first: boolean): string | null {
  const a = s.snapshot.arrival;
  if (!first && a === result.trace[i - 1]?.snapshot.arrival) return null;
  const arrival = a === null ? null : result.arrivals[a];
  return arrival
    ? fmt(intl, W.groupArrival, {
        i: arrival.index + 1,
        from: num(arrival.offset),
        to: num(arrival.offset + arrival.length),
        mf: arrival.mf ? 'yes' : 'no',
        at: arrival.at ? num(arrival.at) : 'none',
      })
    : fmt(intl, W.groupTimer, { at: num(s.snapshot.at) });
}

/**
 * The kernel steps of the run (the kit's StepList), grouped under the arrival (or timer) they
 * belong to. A 64 KiB datagram at MTU 68 has over 1,300 steps: the list then shows a window around
 * the selected one (recentred as it moves, so ↑/↓ walk the whole trace) instead of all of them.
 */
export function ReassembleSteps({
  result,
  selected,
  onSelect,
}: {
  result: DefragOk;
  selected: number;
  onSelect: (i: number) => void;
}) {
  const intl = useIntl();
  const trace = result.trace;
  const windowed = trace.length > STEPS_UNWINDOWED;
  const start = windowed ? Math.max(0, Math.min(selected - STEP_WINDOW / 2, trace.length - STEP_WINDOW)) : 0;
  const end = windowed ? start + STEP_WINDOW : trace.length;
  const listRef = useRef<HTMLOListElement | null>(null);
  const focusAfter = useRef(false);
  // Home and End reach the trace's ends, not only the window's.
  const onKeyDown = (e: KeyboardEvent, fallback: (e: KeyboardEvent) => void) => {
    if (windowed && (e.key === 'Home' || e.key === 'End')) {
      if (!(e.target as HTMLElement).classList.contains('step-select')) return;
      e.preventDefault();
      focusAfter.current = true;
      onSelect(e.key === 'Home' ? 0 : trace.length - 1);
      return;
    }
    fallback(e);
  };
  useEffect(() => {
    if (!focusAfter.current) return;
    focusAfter.current = false;
    listRef.current?.querySelector<HTMLButtonElement>('button.step-select[aria-current="step"]')?.focus();
  });
  const view = (s: DefragStep, i: number): StepView => {
    const group = groupOf(intl, result, s, i, i === start);
    return {
      fn: s.fn,
      why: s.why,
      file: s.file,
      drops: s.drops,
      data: { group: group ?? undefined },
      before: group && <p className="rq-step-group">{group}</p>,
    };
  };

  return (
    <>
      {windowed && start > 0 && <p className="rq-steps-more">{fmt(intl, W.stepsAbove, { n: num(start) })}</p>}
      <StepList
        className="rq-steps"
        steps={trace.slice(start, end)}
        start={start}
        selected={selected}
        onSelect={onSelect}
        view={view}
        onKeyDown={onKeyDown}
        listRef={listRef}
        keyOf={windowed ? recycled : undefined}
      />
      {windowed && end < trace.length && (
        <p className="rq-steps-more">
          {fmt(intl, W.stepsBelow, { from: num(end + 1), to: num(trace.length) })}
        </p>
      )}
    </>
  );
}
