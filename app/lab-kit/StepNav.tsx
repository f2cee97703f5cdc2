import type { ReactNode } from 'react';
import { useKitWords } from './words.ts';

/**
 * ← Previous · "Step i of n" · Next →, for every trace a lab steps through. A lab may step by
 * something else than single steps (arrivals, messages): it gives `prev`/`next` targets (null:
 * disabled), its own words, and its own count text.
 */
export function StepNav({
  index,
  count,
  onSelect,
  label,
  prev = index > 0 ? index - 1 : null,
  next = index < count - 1 ? index + 1 : null,
  previousWord,
  nextWord,
  status,
  live = true,
}: {
  index: number;
  count: number;
  onSelect: (i: number) => void;
  label?: string;
  prev?: number | null;
  next?: number | null;
  previousWord?: ReactNode;
  nextWord?: ReactNode;
  /** The text between the buttons (null: none). */
  status?: ReactNode;
  /** Announce the status as it changes. */
  live?: boolean;
}) {
  const w = useKitWords();
  const shown = status === undefined ? w.stepOf(Math.min(index + 1, count), count) : status;
  return (
    <div className="step-nav" role="group" aria-label={label ?? w.stepThrough}>
      <button
        type="button"
        className="btn-quiet"
        onClick={() => prev !== null && onSelect(prev)}
        disabled={prev === null}
      >
        {previousWord ?? w.previousStep}
      </button>
      {shown !== null && (
        <span className="step-count" aria-live={live ? 'polite' : undefined}>
          {shown}
        </span>
      )}
      <button
        type="button"
        className="btn-quiet"
        onClick={() => next !== null && onSelect(next)}
        disabled={next === null}
      >
        {nextWord ?? w.nextStep}
      </button>
    </div>
  );
}
