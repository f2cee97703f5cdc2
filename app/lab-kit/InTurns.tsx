import { Fragment, isValidElement, useLayoutEffect, useRef, useState } from 'react';
import type { ReactElement, ReactNode } from 'react';
import { afterNextPaint } from './useLater.ts';

/**
 * A page's parts below its first screen, mounted one per task after the first paint (issue 17:
 * Lighthouse's total blocking time). A lab's first render was one long task: its intro, diagram
 * and inputs, then every results panel (tables, step lists, counters), then their layout. Inside
 * InTurns, the first render mounts none of its parts; each painted frame after it mounts one more
 * (in the task after the frame: useLater.ts `afterNextPaint`), so the first screen paints at the
 * cost of what it shows, and no task carries more than one part. Once every part is in, it renders
 * its children as they come, like a fragment: an edit is never held back.
 *
 * Its parts are its children with fragments opened (`<>…</>` from a lab's conditional counts as
 * its parts, not as one): the part at each position keeps that position whether an earlier one is
 * there or not (`cond && <X/>` leaves a hole), so a part never remounts when another comes or goes.
 * An array (a list rendered with keys) is one part. Until a part mounts, nothing stands in for it:
 * InTurns is for what comes after the first screen. Until the last is in, an empty element of class
 * `pending` follows them (the lab's results: `lab-results-pending`, base.css, a screen tall on the
 * page, nothing in an embed or in print), so what follows stays out of view and nothing on the
 * screen moves when the parts come.
 *
 * The unit tests of a lab's content see every part at once (app/test-setup.ts calls
 * `mountPartsAtOnce(true)`); InTurns.test.tsx and the e2e specs see the turns.
 */
export function InTurns({
  children,
  pending,
  after = 0,
}: {
  children?: ReactNode;
  pending?: string;
  /** Painted frames to let by before the first part's turn (the turns of something mounted beside it: useTurn). */
  after?: number;
}) {
  const parts = partsOf(children);
  // How many parts are mounted (below zero: frames still to let by); Infinity once all were (then
  // parts that come later mount at once).
  const [shown, setShown] = useState(() => (atOnce ? Infinity : -Math.max(0, Math.floor(after))));
  const count = useRef(parts.length);
  count.current = parts.length;
  const all = shown === Infinity;
  useLayoutEffect(() => {
    if (all) return undefined;
    return afterNextPaint(() => setShown((n) => (n + 1 >= count.current ? Infinity : n + 1)));
  }, [shown, all]);
  // Unmounted before the last turn: the effect's cleanup cancels the hand-over waiting.
  // One array, as long as the parts, holes kept: a part keeps its place (and its state) whatever
  // comes before it. No keyed wrapper per part: on Preact one cost an edit of the Netlink lab
  // ≈ 5–10 ms (bench:interaction); the array's positions already match part to part.
  const placed = all ? parts : parts.map((part, i) => (i < shown ? part : null));
  return (
    <>
      {placed}
      {!all && pending !== undefined && <div aria-hidden="true" className={pending} />}
    </>
  );
}

/**
 * One thing mounted in the first turn after the first paint, not in the first render: true from
 * then on (at once in the unit tests, as InTurns' parts). For a part of the first screen that may
 * come a frame late (the lab's inputs below its diagram, LabShell.tsx); an InTurns rendered beside
 * it waits that turn out (`after={1}`), so no task carries both.
 */
export function useTurn(): boolean {
  const [come, setCome] = useState(atOnce);
  useLayoutEffect(() => {
    if (come) return undefined;
    return afterNextPaint(() => setCome(true));
  }, [come]);
  return come;
}

let atOnce = false;
/** Mount every InTurns' parts in its first render (for unit tests of what the parts show). */
export function mountPartsAtOnce(on: boolean): void {
  atOnce = on;
}

/** A node's parts: its children, fragments opened (recursively), holes kept, arrays as one. */
function partsOf(children: ReactNode): ReactNode[] {
  const out: ReactNode[] = [];
  const open = (node: ReactNode): void => {
    if (isValidElement(node) && node.type === Fragment && node.key == null) {
      const inner = (node as ReactElement<{ children?: ReactNode }>).props.children;
      if (Array.isArray(inner)) inner.forEach(open);
      else open(inner);
      return;
    }
    out.push(node);
  };
  if (Array.isArray(children)) children.forEach(open);
  else open(children);
  return out;
}

/** For tests: the parts InTurns would mount one by one (fragments opened, holes kept). */
export const partsForTest = partsOf;
