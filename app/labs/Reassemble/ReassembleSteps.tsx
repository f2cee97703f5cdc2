import { useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useStepList } from '../../hooks/useStepList.ts';
import type { DefragOk } from '../../../core/ip/index.ts';
import { bootlinUrl } from '../../../core/trace/index.ts';
import { num } from '../../format.ts';

const STEPS_UNWINDOWED = 160;
const STEP_WINDOW = 100;

/**
 * The kernel steps of the run, grouped under the arrival (or timer) they belong to. One step is
 * selected (aria-current="step"); ↑/↓, Home and End move it; each step's file links to bootlin.
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
  const trace = result.trace;
  // A 64 KiB datagram at MTU 68 has over 1,300 steps: the list shows a window around the selected
  // one (recentred as it moves, so ↑/↓ walk the whole trace) instead of laying them all out.
  const windowed = trace.length > STEPS_UNWINDOWED;
  const start = windowed ? Math.max(0, Math.min(selected - STEP_WINDOW / 2, trace.length - STEP_WINDOW)) : 0;
  const end = windowed ? start + STEP_WINDOW : trace.length;
  const { listRef, onKeyDown: onListKey } = useStepList(selected - start, end - start, (i) =>
    onSelect(start + i),
  );
  // Home and End reach the trace's ends, not only the window's.
  const onKeyDown = (e: KeyboardEvent) => {
    if (windowed && (e.key === 'Home' || e.key === 'End')) {
      if (!(e.target as HTMLElement).classList.contains('step-select')) return;
      e.preventDefault();
      focusAfter.current = true;
      onSelect(e.key === 'Home' ? 0 : trace.length - 1);
      return;
    }
    onListKey(e);
  };
  const focusAfter = useRef(false);
  useEffect(() => {
    if (!focusAfter.current) return;
    focusAfter.current = false;
    listRef.current?.querySelector<HTMLButtonElement>('button.step-select[aria-current="step"]')?.focus();
  });

  return (
    <>
      {windowed && start > 0 && (
        <p className="rq-steps-more">Steps 1–{num(start)} are above: ↑, Home or the stepper reach them.</p>
      )}
      <ol
        className="steps rq-steps"
        ref={listRef}
        onKeyDown={onKeyDown}
        aria-label="Kernel steps"
        start={start + 1}
      >
        {trace.slice(start, end).map((s, j) => {
          const i = start + j;
          const on = i === selected;
          const a = s.snapshot.arrival;
          const prev = trace[i - 1]?.snapshot.arrival;
          const arrival = a === null ? null : result.arrivals[a];
          const group =
            j === 0 || a !== prev
              ? arrival
                ? `Arrival ${arrival.index + 1}: [${num(arrival.offset)}, ${num(arrival.offset + arrival.length)})${arrival.mf ? ' MF' : ''}${arrival.at ? ` at ${num(arrival.at)} ms` : ''}`
                : `Timer at ${num(s.snapshot.at)} ms`
              : null;
          return (
            <li key={i} className={`step${on ? ' step--on' : ''}`} data-group={group ?? undefined}>
              {group && <p className="rq-step-group">{group}</p>}
              <button
                type="button"
                className="step-select"
                aria-current={on ? 'step' : undefined}
                tabIndex={on ? 0 : -1}
                onClick={() => onSelect(i)}
              >
                <span className="step-no" aria-hidden="true">
                  {i + 1}
                </span>
                <span className="step-body">
                  <span className="step-fn mono">{s.fn}</span>
                  <span className="step-why">{s.why}</span>
                </span>
              </button>
              <a className="step-file mono" href={bootlinUrl(s.file)} target="_blank" rel="noreferrer">
                {s.file}
                <span className="visually-hidden"> (source of {s.fn} on elixir.bootlin.com)</span>
              </a>
            </li>
          );
        })}
      </ol>
      {windowed && end < trace.length && (
        <p className="rq-steps-more">
          Steps {num(end + 1)}–{num(trace.length)} are below: ↓, End or the stepper reach them.
        </p>
      )}
    </>
  );
}
