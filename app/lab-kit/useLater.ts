import { useEffect, useLayoutEffect, useRef, useState } from 'react';

/**
 * A value as the heavy parts of a lab see it: the one before an edit until the edit has been
 * painted (issue 17). The page runs on Preact (vite.config.ts), whose `useDeferredValue` and
 * `startTransition` hand the new value over at once; this hook really defers it:
 *
 * - the render of an edit returns the previous value, so what takes it as a prop (memo) is
 *   passed by and the edit paints at the cost of the light parts only;
 * - once that render is committed, the new value is handed over in a task after the next frame:
 *   a requestAnimationFrame callback runs just before the frame is painted and queues a task
 *   (setTimeout 0), which runs after the paint;
 * - edits that come before that task are coalesced: it hands over the latest value, once;
 * - every useLater waiting for the same frame is handed its value in that one task, so a
 *   component that defers two values (the Netlink lab: a decode and its length) renders them
 *   together, never one new and one old;
 * - unmounted, its hand-over is cancelled.
 *
 * A hidden tab paints no frames: after LATER_FALLBACK_MS without one, the task is queued anyway.
 * The first render returns the value itself (React's useDeferredValue without an initial value),
 * or `initial` when one is given (React 19's `useDeferredValue(value, initialValue)`): then the
 * first render is light too and the value follows in a task after the first paint.
 */
export function useLater<T>(value: T): T;
export function useLater<T, I>(value: T, initial: I): T | I;
export function useLater<T, I>(value: T, ...initial: [I?]): T | I {
  const [later, setLater] = useState<T | I>(() => (initial.length > 0 ? (initial[0] as I) : value));
  const latest = useRef(value);
  const handOver = useRef<(() => void) | null>(null);
  useLayoutEffect(() => {
    latest.current = value;
    if (Object.is(value, later) || handOver.current) return;
    const give = () => {
      handOver.current = null;
      // The functional form: T may itself be a function.
      setLater(() => latest.current);
    };
    handOver.current = give;
    afterPaint(give);
  }, [value, later]);
  // Cancelled on unmount only: an edit while one is waiting joins it (coalesced), not restarts it.
  useEffect(
    () => () => {
      if (handOver.current) waiting.delete(handOver.current);
      handOver.current = null;
    },
    [],
  );
  return later;
}

/** How long to wait for a frame before handing values over without one (a hidden tab). */
export const LATER_FALLBACK_MS = 100;

/** Hand-overs waiting for the next painted frame, run together in one task after it. */
const waiting = new Set<() => void>();
/** The frame, the fallback and the task awaited for them (0 / undefined when none). */
let frame = 0;
let fallback: ReturnType<typeof setTimeout> | undefined;
let task: ReturnType<typeof setTimeout> | undefined;
let scheduled = false;

/**
 * Run `give` in the task after the next painted frame, with every other hand-over waiting for that
 * frame (or after LATER_FALLBACK_MS without one); returns what cancels it. For the kit's own
 * deferred mounting (InTurns.tsx): `flushLater` runs it too.
 */
export function afterNextPaint(give: () => void): () => void {
  afterPaint(give);
  return () => {
    waiting.delete(give);
  };
}

function afterPaint(give: () => void): void {
  waiting.add(give);
  if (scheduled) return;
  scheduled = true;
  fallback = setTimeout(painted, LATER_FALLBACK_MS);
  if (typeof requestAnimationFrame === 'function') frame = requestAnimationFrame(painted);
}

/** The frame is painted (or none came in time): hand over in the next task. */
function painted(): void {
  cancelTimers();
  task = setTimeout(flushLater, 0);
}

function cancelTimers(): void {
  if (frame && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
  clearTimeout(fallback);
  clearTimeout(task);
  frame = 0;
  fallback = task = undefined;
}

/**
 * Hand every waiting value over now, without waiting for a frame: what the task after the frame
 * does. Tests call it (in act) to see the heavy parts follow an edit.
 */
export function flushLater(): void {
  cancelTimers();
  scheduled = false;
  const now = [...waiting];
  waiting.clear();
  for (const give of now) give();
}

/** For tests: how many hand-overs are waiting. */
export function laterWaiting(): number {
  return waiting.size;
}
