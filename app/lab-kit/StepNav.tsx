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
      <QuietButton onClick={prev !== null ? () => onSelect(prev) : null}>
        {previousWord ?? w.previousStep}
      </QuietButton>
      {shown !== null && (
        <span className="step-count" aria-live={live ? 'polite' : undefined}>
          {shown}
        </span>
      )}
      <QuietButton onClick={next !== null ? () => onSelect(next) : null}>
        {nextWord ?? w.nextStep}
      </QuietButton>
    </div>
  );
}

/** A quiet button; without an action (null) it is disabled. */
function QuietButton({
  onClick,
  title,
  children,
}: {
  onClick: (() => void) | null;
  title?: string | undefined;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="btn-quiet"
      onClick={onClick ?? undefined}
      disabled={onClick === null}
      title={title}
    >
      {children}
    </button>
  );
}

/**
 * ↶ Undo · ↷ Redo, for every lab that keeps a history of its inputs (the keys are undoKeys'), with
 * the lab's words; `keys` gives each button the keys as its title; `children` follow the buttons.
 */
export function UndoRedo({
  className,
  label,
  undo,
  redo,
  keys,
  children,
}: {
  className: string;
  label: string;
  /** Each action with its button's words; a null action disables its button. */
  undo: { run: (() => void) | null; word: ReactNode };
  redo: { run: (() => void) | null; word: ReactNode };
  keys?: { undo: string; redo: string };
  children?: ReactNode;
}) {
  return (
    <div className={className} role="group" aria-label={label}>
      <QuietButton onClick={undo.run} title={keys?.undo}>
        {undo.word}
      </QuietButton>
      <QuietButton onClick={redo.run} title={keys?.redo}>
        {redo.word}
      </QuietButton>
      {children}
    </div>
  );
}
