import type { ReactNode } from 'react';
import type { DropReason } from '../../core/drops/index.ts';
import { bootlinUrl } from '../../core/trace/index.ts';
import { DropBadge } from '../components/drops/DropBadge.tsx';
import { useStepList } from './useStepList.ts';
import { useKitWords } from './words.ts';
import type { Text } from '../../core/i18n/index.ts';
import { MsgText } from '../i18n/MsgText.tsx';

/** What one step shows: the kernel function, why it runs, its source file, and any slot of the lab's. */
export interface StepView {
  fn: string;
  why: Text;
  file: string;
  /** After the function's name (an errno, a "refused" badge). */
  fnExtra?: ReactNode;
  /** The skbs this step frees as drops (core/trace's `drops`): drawn as a labelled badge. */
  drops?: readonly DropReason[];
  /** Before the step's button (a group heading). */
  before?: ReactNode;
  /** Extra classes of the `<li>`. */
  className?: string;
  /** `data-*` attributes of the `<li>` (CSS draws notes from them). */
  data?: Record<string, string | undefined>;
}

/**
 * Every lab's kernel steps as one ordered list: one step is selected (aria-current="step") and is
 * the list's one tab stop (roving tabindex); ↑/↓ (or ←/→), Home and End move the selection and the
 * focus; each function links to its file at v6.18. A lab
 * gives only what differs (`view`), as Plot's TickX overrides only `_x1` of AbstractTick.
 */
export function StepList<T>({
  steps,
  selected,
  onSelect,
  view,
  label,
  className = '',
  start = 0,
  onKeyDown,
  listRef: externalRef,
  variant = 'full',
  keyOf = (i: number) => i,
}: {
  steps: readonly T[];
  selected: number;
  onSelect: (i: number) => void;
  view: (step: T, i: number) => StepView;
  label?: string;
  className?: string;
  /** The index of the first step shown (a window over a long trace). */
  start?: number;
  /** A lab's own keys before the list's (Home/End over a window). */
  onKeyDown?: (e: React.KeyboardEvent, fallback: (e: React.KeyboardEvent) => void) => void;
  listRef?: React.RefObject<HTMLOListElement | null>;
  /**
   * `full`: number, function, why, and a link to the source (every lab's trace); `compact`: number,
   * function and `why` as a short place, one line each (the Journey's stops beside its animation).
   */
  variant?: 'full' | 'compact';
  /**
   * Each step's React key (default its index). A window over a long trace may recycle keys
   * (`i % size`): a window that slides by one then moves one item, and one that jumps (a new
   * trace) updates its items in place instead of making them all again.
   */
  keyOf?: (i: number) => number;
}) {
  const w = useKitWords();
  const { listRef, onKeyDown: onListKey } = useStepList(selected - start, steps.length, (i) =>
    onSelect(start + i),
  );
  return (
    <ol
      className={variant === 'full' ? `steps${className ? ` ${className}` : ''}` : className}
      ref={(el) => {
        listRef.current = el;
        if (externalRef) externalRef.current = el;
      }}
      onKeyDown={onKeyDown ? (e) => onKeyDown(e, onListKey) : onListKey}
      aria-label={label ?? w.kernelSteps}
      start={start > 0 ? start + 1 : undefined}
    >
      {steps.map((s, j) => {
        const i = start + j;
        const on = i === selected;
        const v = view(s, i);
        if (variant === 'compact')
          return (
            <li key={keyOf(i)} className={`${on ? 'is-current' : ''} ${v.className ?? ''}`}>
              <SelectStep on={on} onClick={() => onSelect(i)}>
                <span className="cstep-no">{i + 1}</span>
                <code>{v.fn}</code>
                <span className="cstep-place">
                  <MsgText msg={v.why} />
                </span>
                <DropBadge drops={v.drops} />
              </SelectStep>
            </li>
          );
        return (
          <li
            key={keyOf(i)}
            className={`step${on ? ' step--on' : ''}${v.drops?.length ? ' step--drop' : ''}${v.className ? ` ${v.className}` : ''}`}
            {...dataAttrs(v.data)}
          >
            {v.before}
            <SelectStep on={on} onClick={() => onSelect(i)}>
              <span className="round-mark step-no" aria-hidden="true">
                {i + 1}
              </span>
              <span className="step-body">
                <span className="step-fn mono">
                  {v.fn}
                  {v.fnExtra}
                  <DropBadge drops={v.drops} />
                </span>
                <span className="step-why">
                  <MsgText msg={v.why} />
                </span>
              </span>
            </SelectStep>
            <a
              className="step-file mono"
              href={bootlinUrl(v.file)}
              target="_blank"
              rel="noreferrer"
              tabIndex={on ? undefined : -1}
            >
              {v.file}
              <span className="visually-hidden"> {w.sourceOf(v.fn)}</span>
            </a>
          </li>
        );
      })}
    </ol>
  );
}

/** A step's button: the selected one is the list's one tab stop (roving tabindex), marked current. */
function SelectStep({ on, onClick, children }: { on: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      className="step-select"
      aria-current={on ? 'step' : undefined}
      tabIndex={on ? 0 : -1}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

function dataAttrs(data: StepView['data']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(data ?? {})) if (v !== undefined) out[`data-${k}`] = v;
  return out;
}
