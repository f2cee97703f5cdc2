/**
 * Layout of the home page's small pictures: byte counts and byte ranges from the core's results
 * laid across a fixed width. Pure (no DOM, no React): the pictures draw what these return.
 */
import { scaleLinear } from 'd3-scale';

export interface Bar {
  x: number;
  w: number;
}

/**
 * Runs of bytes laid end to end across `width`: each at least `min` wide (a 14-byte Ethernet
 * header must stay visible beside 1,472 bytes of payload), the rest shared in proportion.
 */
export function runBars(sizes: readonly number[], width: number, min = 0): Bar[] {
  const n = sizes.length;
  if (n === 0 || !(width > 0)) return [];
  const floor = Math.max(0, Math.min(min, width / n));
  const clean = sizes.map((s) => (Number.isFinite(s) && s > 0 ? s : 0));
  const total = clean.reduce((a, b) => a + b, 0);
  const free = width - floor * n;
  let x = 0;
  return clean.map((s) => {
    const w = floor + (total > 0 ? (free * s) / total : free / n);
    const bar = { x, w };
    x += w;
    return bar;
  });
}

/** Byte ranges [from, to) of a whole of `total` bytes, placed at their offsets across `width`. */
export function rangeBars(
  ranges: readonly { from: number; to: number }[],
  total: number,
  width: number,
): Bar[] {
  if (!(width > 0)) return [];
  const end = Math.max(total, ...ranges.map((r) => r.to), 1);
  const x = scaleLinear().domain([0, end]).range([0, width]).clamp(true);
  return ranges.map((r) => {
    const a = x(Math.max(0, r.from));
    return { x: a, w: Math.max(0, x(Math.max(r.from, r.to)) - a) };
  });
}
