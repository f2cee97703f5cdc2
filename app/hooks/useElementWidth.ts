import { useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * Width of an element (its border box), following resizes; `fallback` before layout and in jsdom.
 *
 * Read from ResizeObserver only, never from getBoundingClientRect in an effect (issue 17): the
 * observer's first report comes after the browser's own layout of the frame the element appears
 * in, so a component mounted by an edit (an MTU change that adds panels) no longer forces a
 * synchronous layout of the whole page. The width is applied with flushSync inside that report,
 * before the frame is painted: the element is never seen at the fallback width.
 */
export function useElementWidth<T extends HTMLElement>(fallback = 720): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (typeof ResizeObserver === 'undefined') {
      const w = el.getBoundingClientRect().width;
      if (w > 0) setWidth(Math.round(w));
      return;
    }
    const ro = new ResizeObserver((entries) => {
      const w = reportedWidth(entries);
      if (w > 0) flushSync(() => setWidth(w));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}

/** A ResizeObserver report's width of its element (its border box, rounded); 0 when there is none. */
export function reportedWidth(entries: readonly ResizeObserverEntry[]): number {
  const e = entries[entries.length - 1];
  if (!e) return 0;
  const box = e.borderBoxSize?.[0];
  return Math.round(box ? box.inlineSize : e.contentRect.width);
}
