/**
 * The part of the sk_buff drawings' geometry the panel's placeholder needs too (panel-height.ts:
 * a drawing's height is its pointer label rows), apart from geometry.ts so the first screen carries
 * only these; geometry.ts re-exports them.
 */
import { SHINFO_SIZE } from '../../../core/skb/alloc.ts';
import type { SkbSnapshot } from '../../../core/skb/index.ts';
import { num } from '../../format.ts';

/** A position function: byte offset → pixels (a d3 linear scale in the views). */
export type X = (n: number) => number;

/** Mono 10.5–11 px text: about 6.6 px a character; a Chinese character is about twice as wide. */
export const textWidth = (s: string, px = 6.6) => {
  let n = 0;
  for (const ch of s) n += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1.7 : 1;
  return n * px;
};

/** Every sk_buff of a step, each followed by its frag_list's (depth first). */
export function flatten(skbs: readonly SkbSnapshot[]): SkbSnapshot[] {
  const out: SkbSnapshot[] = [];
  const walk = (list: readonly SkbSnapshot[]): void => {
    for (const s of list) {
      out.push(s);
      if (s.frag_list.length) walk(s.frag_list);
    }
  };
  walk(skbs);
  return out;
}

export const fragBytes = (s: SkbSnapshot) => s.frags.reduce((a, f) => a + f.size, 0);

/** The ids of every sk_buff held at the steps before this one (to tell new sk_buffs from reused ones). */
export function idsBefore(
  trace: readonly { snapshot: { skbs: readonly SkbSnapshot[] } }[],
  index: number,
): Set<number> {
  // A walk, no arrays built: the Reassembly lab's last step reads 1,368 steps (4,089 sk_buffs).
  const ids = new Set<number>();
  const add = (list: readonly SkbSnapshot[]): void => {
    for (const s of list) {
      ids.add(s.id);
      if (s.frag_list.length) add(s.frag_list);
    }
  };
  const end = Math.min(index, trace.length);
  for (let i = 0; i < end; i++) add((trace[i] as (typeof trace)[number]).snapshot.skbs);
  return ids;
}

export interface Mark {
  name: string;
  at: number;
  moved?: boolean;
  /** The label when it is not `name offset` (a region's name and size under a tiny region). */
  text?: string;
  /** Where the mark points, when not at `at` (the middle of a tiny region). */
  kind?: 'pointer' | 'region';
}

/**
 * An sk_buff's four pointers as marks; `moved` says which of data, tail and end moved since the
 * previous step (they are drawn marked).
 */
export const pointerMarks = (
  s: Pick<SkbSnapshot, 'head' | 'data' | 'tail' | 'end'>,
  moved?: (k: 'data' | 'tail' | 'end') => boolean,
): Mark[] => [
  { name: 'head', at: s.head },
  ...(['data', 'tail', 'end'] as const).map((k) => ({
    name: k,
    at: s[k],
    ...(moved ? { moved: moved(k) } : {}),
  })),
];

/** The gap kept between two labels on one row (px). */
export const LABEL_GAP = 6;

/**
 * Lay pointer labels out in rows so that none overlaps another. A label is centred under its mark
 * and kept inside [0, width] (so it may sit off-centre at an edge); it takes the first row where it
 * overlaps no label of that row, else a new row — never a label over another (a drawing's height
 * comes from `markRows`). Lines are drawn under the labels' backgrounds, so a deeper mark's line
 * never runs through a label.
 */
export function placeMarks(marks: readonly Mark[], x: X, width = Infinity, px = 6.3) {
  const ends: number[] = [];
  return marks
    .map((m) => ({ ...m, px: x(m.at), text: m.text ?? `${m.name} ${num(m.at)}` }))
    .sort((a, b) => a.px - b.px)
    .map((m) => {
      const w = textWidth(m.text, px);
      const left = Math.max(0, Math.min(m.px - w / 2, width - w));
      let row = ends.findIndex((e) => e + LABEL_GAP <= left);
      if (row < 0) row = ends.length;
      ends[row] = left + w;
      return { ...m, row, w, left, cx: left + w / 2 };
    });
}

/** Everything after `end`: skb_shared_info, then the page frags it points to. */
export const extent = (s: SkbSnapshot) => s.end + SHINFO_SIZE + fragBytes(s);

/** A compact buffer's rows (px) in a step's list. */
export const ROW = { bar: 30, rowH: 12 };

/** How many rows the pointer labels of these marks take. */
export const markRows = (marks: readonly Mark[], x: X, width = Infinity, px = 6.3) =>
  Math.max(...placeMarks(marks, x, width, px).map((m) => m.row)) + 1;
