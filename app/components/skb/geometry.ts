/**
 * The geometry of the sk_buff drawings, as pure functions of the snapshots (no React, no DOM), so
 * it is unit-tested on its own: which label fits a region, where the pointer labels go so none
 * overlaps, which bytes of data no region covers, how far a buffer reaches (skb_shared_info and its
 * page frags after `end`), which sk_buffs a step reuses, and the magnified window around data.
 */
import type { Region, RegionKind, SkbSnapshot } from '../../../core/skb/index.ts';
import { num } from '../../format.ts';

import { textWidth } from './marks.ts';
import type { X } from './marks.ts';

export {
  LABEL_GAP,
  ROW,
  extent,
  flatten,
  fragBytes,
  idsBefore,
  markRows,
  placeMarks,
  pointerMarks,
  textWidth,
} from './marks.ts';
export type { Mark, X } from './marks.ts';

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

/** Mono 12 px text (the large drawing, a lab's main diagram: diagram text is at least 12 px). */
export const BIG_CHAR_PX = 7.4;

/** The longest label (optionally with its byte count) that fits in `w` pixels, or null. */
export function fitLabel(names: readonly string[], bytes: number | null, w: number, px = 6.6): string | null {
  for (const n of names) {
    const withBytes = bytes === null ? null : `${n} ${num(bytes)}`;
    if (withBytes && textWidth(withBytes, px) + 8 <= w) return withBytes;
    if (textWidth(n, px) + 6 <= w) return n;
  }
  return null;
}

/** Is the region (partly) behind data or past tail: bytes still in memory but not in the packet? */
export const isStale = (r: Region, s: SkbSnapshot) => r.end <= s.data || r.start >= s.tail;

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

/** The narrowest a non-empty stretch of a large buffer is drawn (px): a 2-byte headroom stays visible. */
export const MIN_PX = 10;

/** The large buffer's rows (px): the magnified strip, the gap, the bar, the pointer labels. */
export const BIG = { zoomTop: 18, zoomH: 34, gap: 26, barH: 40, rowH: 16 };

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
export function zoomTicks(skb: SkbSnapshot, z: X, px = 6): number[] {
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
  // A tick is kept when it clears the last one kept; the window's end takes the place of a tick
  // too close before it.
  const kept: number[] = [];
  const clear = (a: number, b: number) => z(b) - z(a) >= textWidth(num(b), px) + 6;
  for (const v of all) {
    const prev = kept[kept.length - 1];
    if (prev === undefined || clear(prev, v)) kept.push(v);
    else if (v === to) {
      // the one before `prev` clears `prev`, so it clears `to` too (the start and the end always
      // stay: the magnified window spans the drawing, so they are never close there)
      if (prev !== from) kept.pop();
      kept.push(v);
    }
  }
  return kept;
}

/**
 * A position function that gives every non-empty stretch between `breaks` (byte offsets, e.g.
 * head, data, each region's ends, tail, end) at least `minPx` pixels, taking the room from the
 * larger ones, so a 2-byte headroom next to 1,600 bytes of tailroom is still drawn. Monotone and
 * linear between breaks; `[from, to]` maps onto `[r0, r1]` exactly.
 */
export function minWidthScale(breaks: readonly number[], r0: number, r1: number, minPx: number) {
  const bs = [...new Set(breaks)].sort((a, b) => a - b);
  const from = bs[0] ?? 0;
  const to = bs[bs.length - 1] ?? 1;
  const span = Math.max(1, to - from);
  const total = r1 - r0;
  const sizes = bs.slice(1).map((b, i) => b - bs[i]!);
  // Stretches under the minimum at the plain scale get it; the rest share what is left in proportion.
  let small = sizes.map((n) => n > 0 && (n / span) * total < minPx);
  for (let k = 0; k < sizes.length; k++) {
    const fixed = small.filter(Boolean).length * minPx;
    const rest = sizes.reduce((a, n, i) => (small[i] ? a : a + n), 0);
    const k2 = rest > 0 ? (total - fixed) / rest : 0;
    const next = sizes.map((n, i) => small[i] || (n > 0 && n * k2 < minPx));
    if (next.every((v, i) => v === small[i])) break;
    small = next;
  }
  const fixed = small.filter(Boolean).length * minPx;
  const rest = sizes.reduce((a, n, i) => (small[i] ? a : a + n), 0);
  const k = rest > 0 ? Math.max(0, total - fixed) / rest : 0;
  const px = [r0];
  sizes.forEach((n, i) => px.push(px[i]! + (small[i] ? minPx : n * k)));
  return (n: number): number => {
    if (!(n > from)) return r0 + (n - from) * (total / span);
    if (n >= to) return px[px.length - 1]! + (n - to) * (total / span);
    let i = 0;
    while (bs[i + 1]! < n) i++;
    const a = bs[i]!;
    const b = bs[i + 1]!;
    return px[i]! + ((n - a) / (b - a)) * (px[i + 1]! - px[i]!);
  };
}
