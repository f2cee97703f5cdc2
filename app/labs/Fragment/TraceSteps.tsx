import { useStepList } from '../../hooks/useStepList.ts';
import type { OutputSnapshot } from '../../../core/ip/index.ts';
import { bootlinUrl } from '../../../core/trace/index.ts';
import type { TraceStep } from '../../../core/trace/index.ts';

/**
 * The kernel pipeline as an ordered list of steps. One step is selected (aria-current="step");
 * ↑/↓ (or ←/→), Home and End move the selection; each function links to its file at v6.18.
 */
export function TraceSteps({
  trace,
  selected,
  onSelect,
}: {
  trace: readonly TraceStep<OutputSnapshot>[];
  selected: number;
  onSelect: (i: number) => void;
}) {
  const { listRef, onKeyDown } = useStepList(selected, trace.length, onSelect);

  return (
    <ol className="steps" ref={listRef} onKeyDown={onKeyDown} aria-label="Kernel steps">
      {trace.map((s, i) => {
        const on = i === selected;
        const firstUp = s.dir === 'up' && trace[i - 1]?.dir !== 'up';
        return (
          <li
            key={i}
            className={`step${on ? ' step--on' : ''}${s.dir === 'up' ? ' step--up' : ''}${firstUp ? ' step--first-up' : ''}`}
          >
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
