import { useStepList } from '../../hooks/useStepList.ts';
import { renderText } from '../../../core/i18n/index.ts';
import type { SocketStep } from '../../../core/socket/index.ts';
import { bootlinUrl } from '../../../core/trace/index.ts';

/**
 * The socket() trace as an ordered list of steps, as in the Fragmentation lab: one step is
 * selected (aria-current="step"); ↑/↓ (or ←/→), Home and End move the selection; each function
 * links to its file at v6.18. The step that returns the errno is marked.
 */
export function SocketSteps({
  trace,
  selected,
  failedAt,
  onSelect,
}: {
  trace: readonly SocketStep[];
  selected: number;
  /** The index of the step that returns the errno, if socket() failed. */
  failedAt: number | null;
  onSelect: (i: number) => void;
}) {
  const { listRef, onKeyDown } = useStepList(selected, trace.length, onSelect);

  return (
    <ol className="steps sk-steps" ref={listRef} onKeyDown={onKeyDown} aria-label="Kernel steps">
      {trace.map((s, i) => {
        const on = i === selected;
        const failed = i === failedAt;
        return (
          <li key={i} className={`step${on ? ' step--on' : ''}${failed ? ' sk-step--errno' : ''}`}>
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
                  {failed && s.snapshot.errno && (
                    <span className="sk-step-errno"> → -{s.snapshot.errno}</span>
                  )}
                </span>
                <span className="step-why">{renderText(s.why, 'en')}</span>
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
