import { useEffect, useRef } from 'react';
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
  const go = (i: number) => {
    const next = Math.max(0, Math.min(trace.length - 1, i));
    onSelect(next);
    listRef.current?.querySelectorAll<HTMLButtonElement>('button.step-select')[next]?.focus();
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const keys: Record<string, number> = {
      ArrowDown: selected + 1,
      ArrowRight: selected + 1,
      ArrowUp: selected - 1,
      ArrowLeft: selected - 1,
      Home: 0,
      End: trace.length - 1,
    };
    if (!(e.key in keys) || !(e.target as HTMLElement).classList.contains('step-select')) return;
    e.preventDefault();
    go(keys[e.key]!);
  };

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
