import { useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import type { DefragOk } from '../../../core/ip/index.ts';
import { bootlinUrl } from '../../../core/trace/index.ts';
import { num } from '../../format.ts';

const KEYS: Record<string, (s: number, n: number) => number> = {
  ArrowDown: (s) => s + 1,
  ArrowRight: (s) => s + 1,
  ArrowUp: (s) => s - 1,
  ArrowLeft: (s) => s - 1,
  Home: () => 0,
  End: (_, n) => n - 1,
};

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
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const list = listRef.current;
    const item = list?.children[selected] as HTMLElement | undefined;
    if (!list || !item) return;
    const top = item.offsetTop - list.offsetTop;
    if (top < list.scrollTop) list.scrollTop = top - 8;
    else if (top + item.offsetHeight > list.scrollTop + list.clientHeight)
      list.scrollTop = top + item.offsetHeight - list.clientHeight + 8;
  }, [selected, trace]);
  const onKeyDown = (e: KeyboardEvent) => {
    const move = KEYS[e.key];
    if (!move || !(e.target as HTMLElement).classList.contains('step-select')) return;
    e.preventDefault();
    const next = Math.max(0, Math.min(trace.length - 1, move(selected, trace.length)));
    onSelect(next);
    listRef.current?.querySelectorAll<HTMLButtonElement>('button.step-select')[next]?.focus();
  };

  return (
    <ol className="steps rq-steps" ref={listRef} onKeyDown={onKeyDown} aria-label="Kernel steps">
      {trace.map((s, i) => {
        const on = i === selected;
        const a = s.snapshot.arrival;
        const prev = trace[i - 1]?.snapshot.arrival;
        const arrival = a === null ? null : result.arrivals[a];
        const group =
          i === 0 || a !== prev
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
  );
}
