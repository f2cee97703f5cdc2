import { useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';

const KEYS: Record<string, (selected: number, count: number) => number> = {
  ArrowDown: (s) => s + 1,
  ArrowRight: (s) => s + 1,
  ArrowUp: (s) => s - 1,
  ArrowLeft: (s) => s - 1,
  Home: () => 0,
  End: (_, n) => n - 1,
};

/** The step buttons of a list (both variants carry the class). */
export const STEP_BUTTON = 'button.step-select';

/** The nearest box that scrolls `el`'s content vertically: the list itself or an ancestor (never the page). */
function scrollerOf(el: HTMLElement): HTMLElement | null {
  for (let n: HTMLElement | null = el; n && n !== document.body && n !== document.documentElement;) {
    if (n.scrollHeight > n.clientHeight) {
      const oy = getComputedStyle(n).overflowY;
      if (oy === 'auto' || oy === 'scroll') return n;
    }
    n = n.parentElement;
  }
  return null;
}

/**
 * Scroll `item` into its list's scroll box, by the least amount (a margin of 8 px), reading the
 * geometry of that one item and its box only — never the page's scroll, never every item's offsets.
 */
export function keepInView(item: HTMLElement, margin = 8): void {
  const box = scrollerOf(item.parentElement ?? item);
  if (!box) return;
  const b = box.getBoundingClientRect();
  const r = item.getBoundingClientRect();
  if (r.top < b.top) box.scrollTop += r.top - b.top - margin;
  else if (r.bottom > b.bottom)
    box.scrollTop += Math.min(r.bottom - b.bottom + margin, r.top - b.top - margin);
}

/**
 * The behaviour every lab's step list shares: one tab stop (roving tabindex: only the selected
 * step's button is in the tab order), ↑/↓ (or ←/→), Home and End move the selection and the focus,
 * and the selected item stays visible inside the list's own scroll box (the page never scrolls).
 */
export function useStepList(selected: number, count: number, onSelect: (i: number) => void) {
  const listRef = useRef<HTMLOListElement>(null);
  /** The step a key moved the selection to: the focus follows once a render shows it selected. */
  const focusAfter = useRef<number | null>(null);
  // The geometry is read once the frame is laid out and painted: read in the effect, right after
  // the commit, it forced a layout of the whole new list first (issue 17: 1,365 fragments).
  const kept = useRef(false);
  useEffect(() => {
    // A list just mounted shows its top: with the first step selected there is nothing to scroll,
    // and reading the geometry would force a layout of its page in a task of its own (issue 17: a
    // lab's step list comes in a turn of InTurns, and that layout was one more long task).
    const first = !kept.current;
    kept.current = true;
    if (first && selected === 0) return;
    const keep = () => {
      const item = listRef.current?.children[selected];
      if (item instanceof HTMLElement) keepInView(item);
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame =
      typeof requestAnimationFrame === 'function'
        ? requestAnimationFrame(() => (timer = setTimeout(keep, 0)))
        : undefined;
    if (frame === undefined) timer = setTimeout(keep, 0);
    return () => {
      if (frame !== undefined) cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [selected, count]);
  // After a key moved the selection, the focus follows it (once the list has re-rendered: a
  // windowed list may have moved its window).
  // An effect still pending from an earlier render (Preact runs them after the paint, and flushes
  // a component's pending ones before it renders again) has the old selection: it waits.
  useEffect(() => {
    if (focusAfter.current === null || focusAfter.current !== selected) return;
    focusAfter.current = null;
    listRef.current?.querySelector<HTMLButtonElement>(`${STEP_BUTTON}[aria-current="step"]`)?.focus();
  });

  const onKeyDown = (e: KeyboardEvent) => {
    const move = KEYS[e.key];
    if (!move || e.altKey || e.ctrlKey || e.metaKey) return;
    if (!(e.target as HTMLElement).matches(STEP_BUTTON)) return;
    e.preventDefault();
    // The list's keys are the list's: a lab's page-wide keys (useGlobalKeys) must not act twice.
    e.stopPropagation();
    const next = Math.max(0, Math.min(count - 1, move(selected, count)));
    if (next !== selected) {
      focusAfter.current = next;
      onSelect(next);
    } else listRef.current?.querySelector<HTMLButtonElement>(`${STEP_BUTTON}[aria-current="step"]`)?.focus();
  };

  return { listRef, onKeyDown };
}
