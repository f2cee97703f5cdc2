import { useStepList } from '../../hooks/useStepList.ts';
import { bootlinUrl } from '../../../core/trace/index.ts';

export interface SkbStepItem {
  fn: string;
  file: string;
  why: string;
  dir: 'down' | 'up';
  /** For a refused op: what the kernel does instead (skb_under_panic, NULL…). */
  refused?: string | undefined;
}

/**
 * The steps as an ordered list: one selected (aria-current="step"); ↑/↓ (or ←/→), Home and End
 * move the selection; each function links to its file at v6.18.
 */
export function SkbSteps({
  steps,
  selected,
  onSelect,
  label,
  upNote,
}: {
  steps: readonly SkbStepItem[];
  selected: number;
  onSelect: (i: number) => void;
  label: string;
  /** Shown where the steps turn from going down to going up. */
  upNote?: string;
}) {
  const { listRef, onKeyDown } = useStepList(selected, steps.length, onSelect);

  return (
    <ol className="steps skb-steps" ref={listRef} onKeyDown={onKeyDown} aria-label={label}>
      {steps.map((s, i) => {
        const on = i === selected;
        const firstUp = upNote !== undefined && s.dir === 'up' && steps[i - 1]?.dir !== 'up';
        return (
          <li
            key={i}
            className={`step${on ? ' step--on' : ''}${s.refused ? ' step--refused' : ''}`}
            data-up-note={firstUp ? upNote : undefined}
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
                <span className="step-fn mono">
                  {s.fn}
                  {s.refused && <span className="refused-badge">{s.refused}</span>}
                </span>
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
