import { useStepList } from '../../hooks/useStepList.ts';
import type { DefragOk } from '../../../core/ip/index.ts';
import { bootlinUrl } from '../../../core/trace/index.ts';
import { num } from '../../format.ts';

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
  const { listRef, onKeyDown } = useStepList(selected, trace.length, onSelect);

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
