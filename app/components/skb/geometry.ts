/**
 * The geometry of the sk_buff drawings, as pure functions of the snapshots (no React, no DOM), so
 * it is unit-tested on its own: which label fits a region, where the pointer labels go so none
 * overlaps, which bytes of data no region covers, how far a buffer reaches (skb_shared_info and its
 * page frags after `end`), which sk_buffs a step reuses, and the magnified window around data.
 */
import { SHINFO_SIZE } from '../../../core/skb/index.ts';
import type { Region, RegionKind, SkbSnapshot } from '../../../core/skb/index.ts';
import { num } from '../../format.ts';

/** A position function: byte offset → pixels (a d3 linear scale in the views). */
export type X = (n: number) => number;

/** Names that fit inside a region, longest first. */
export const SHORT: Record<RegionKind, readonly string[]> = {
  eth: ['Ethernet', 'Eth', 'E'],
  ip: ['IPv4', 'IP'],
  ipopt: ['IP options', 'opts', 'o'],
  ip6: ['IPv6', 'v6'],
  frag6: ['Frag hdr', 'Frag', 'F'],
  udp: ['UDP', 'U'],
  payload: ['payload', 'data', 'p'],
};

/** Mono 10.5–11 px text: about 6.6 px a character. */
export const textWidth = (s: string, px = 6.6) => s.length * px;

/** The longest label (optionally with its byte count) that fits in `w` pixels, or null. */
export function fitLabel(names: readonly string[], bytes: number | null, w: number): string | null {
  for (const n of names) {
    const withBytes = bytes === null ? null : `${n} ${num(bytes)}`;
    if (withBytes && textWidth(withBytes) + 8 <= w) return withBytes;
    if (textWidth(n) + 6 <= w) return n;
  }
  return null;
}

export function flatten(skbs: readonly SkbSnapshot[]): SkbSnapshot[] {
  return skbs.flatMap((s) => [s, ...flatten(s.frag_list)]);
}

export const fragBytes = (s: SkbSnapshot) => s.frags.reduce((a, f) => a + f.size, 0);

/** Is the region (partly) behind data or past tail: bytes still in memory but not in the packet? */
export const isStale = (r: Region, s: SkbSnapshot) => r.end <= s.data || r.start >= s.tail;

/** The ids of every sk_buff held at the steps before this one (to tell new sk_buffs from reused ones). */
export function idsBefore(
  trace: readonly { snapshot: { skbs: readonly SkbSnapshot[] } }[],
  index: number,
): Set<number> {
  const ids = new Set<number>();
  for (const step of trace.slice(0, index)) for (const s of flatten(step.snapshot.skbs)) ids.add(s.id);
  return ids;
}

export interface Mark {
  name: string;
  at: number;
  moved?: boolean;
}

/** Lay pointer labels out in rows so that none overlaps its neighbour. */
export function placeMarks(marks: readonly Mark[], x: X, maxRows: number) {
  const ends: number[] = [];
  return marks
    .map((m) => ({ ...m, px: x(m.at), text: `${m.name} ${num(m.at)}` }))
    .sort((a, b) => a.px - b.px)
    .map((m) => {
      const w = textWidth(m.text, 6.3);
      const left = m.px - w / 2;
      let row = ends.findIndex((e) => e + 6 < left);
      if (row < 0) row = Math.min(ends.length, maxRows - 1);
      ends[row] = m.px + w / 2;
      return { ...m, row, w };
    });
}

/** The linear data not covered by a labelled region (e.g. a push without a kind). */
export function gaps(s: SkbSnapshot): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let at = s.data;
  for (const r of s.regions) {
    if (r.end <= at || r.start >= s.tail) continue;
    if (r.start > at) out.push({ start: at, end: Math.min(r.start, s.tail) });
    at = Math.max(at, r.end);
  }
  if (at < s.tail) out.push({ start: at, end: s.tail });
  return out;
}

/** Everything after `end`: skb_shared_info, then the page frags it points to. */
export const extent = (s: SkbSnapshot) => s.end + SHINFO_SIZE + fragBytes(s);

/** The large buffer's rows (px): the magnified strip, the gap, the bar, the pointer labels. */
export const BIG = { zoomTop: 18, zoomH: 34, gap: 26, barH: 40, rowH: 14 };
/** A compact buffer's rows (px) in a step's list. */
export const ROW = { bar: 30, rowH: 12 };

/** The magnified window: every byte between the first region (pulled headers too) and tail. */
export function zoomWindow(skb: SkbSnapshot): { from: number; to: number; any: boolean } {
  const from = Math.min(skb.data, ...skb.regions.map((r) => r.start));
  const to = Math.max(skb.tail, ...skb.regions.map((r) => r.end));
  return { from, to, any: to > from };
}

/**
 * The offsets written above the magnified strip (where each region and data/tail begin and end),
 * thinned so neighbours do not overlap; the window's end is always kept.
 */
export function zoomTicks(skb: SkbSnapshot, z: X): number[] {
  const { from, to } = zoomWindow(skb);
  const all = [
    ...new Set([
      from,
      to,
      skb.data,
      skb.tail,
      ...skb.regions.map((r) => r.start),
      ...skb.regions.map((r) => r.end),
    ]),
  ]
    .filter((v) => v >= from && v <= to)
    .sort((a, b) => a - b);
  let last = -Infinity;
  return all.filter((v) => {
    const px = z(v);
    if (px - last < textWidth(num(v), 6) + 6 && v !== to) return false;
    last = px;
    return true;
  });
}

/** How many rows the pointer labels of these marks take. */
export const markRows = (marks: readonly Mark[], x: X, maxRows: number) =>
  Math.max(...placeMarks(marks, x, maxRows).map((m) => m.row)) + 1;
