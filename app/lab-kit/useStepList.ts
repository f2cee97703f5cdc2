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

/**
 * The behaviour every lab's step list shares: the selected item stays visible inside the list's
 * own scroll box (the page itself never scrolls), and ↑/↓ (or ←/→), Home and End move the
 * selection and the focus between the list's `button.step-select`s.
 */
export function useStepList(selected: number, count: number, onSelect: (i: number) => void) {
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const list = listRef.current;
    const item = list?.children[selected] as HTMLElement | undefined;
    if (!list || !item) return;
    const top = item.offsetTop - list.offsetTop;
    if (top < list.scrollTop) list.scrollTop = top - 8;
    else if (top + item.offsetHeight > list.scrollTop + list.clientHeight)
      list.scrollTop = top + item.offsetHeight - list.clientHeight + 8;
  }, [selected, count]);

  const onKeyDown = (e: KeyboardEvent) => {
    const move = KEYS[e.key];
    if (!move || !(e.target as HTMLElement).classList.contains('step-select')) return;
    e.preventDefault();
    const next = Math.max(0, Math.min(count - 1, move(selected, count)));
    onSelect(next);
    listRef.current?.querySelectorAll<HTMLButtonElement>('button.step-select')[next]?.focus();
  };

  return { listRef, onKeyDown };
}
