/**
 * The labs' x axes: d3-scale's `scaleLinear().domain([d0, d1]).range([r0, r1])` computed as it
 * computes it (d3-interpolate's a·(1 − t) + b·t over the normalised value, its inverse the same
 * way back, d3-array's `ticks`, which its `.ticks` calls), and d3-zoom's `rescaleX` of one, without
 * bringing d3-scale's interpolators, colours and number formats (≈ 9 KB gzip) to a lab's first
 * screen (issue 17): the diagrams need nothing else of it. linear-axis.test.ts checks every pixel,
 * inverse and tick against d3-scale and d3-zoom, to the last bit.
 */
import { ticks as roundTicks } from 'd3-array';

export interface LinearAxis {
  (v: number): number;
  domain(): [number, number];
  range(): [number, number];
  invert(px: number): number;
  ticks(count: number): number[];
}

/** [d0, d1] onto [r0, r1] (d0 ≠ d1 and r0 ≠ r1: the diagrams' axes are never empty). */
export function linearAxis(d0: number, d1: number, r0: number, r1: number): LinearAxis {
  const x = (v: number) => {
    const t = (v - d0) / (d1 - d0);
    return r0 * (1 - t) + r1 * t;
  };
  return Object.assign(x, {
    domain: (): [number, number] => [d0, d1],
    range: (): [number, number] => [r0, r1],
    invert: (px: number) => {
      const t = (px - r0) / (r1 - r0);
      return d0 * (1 - t) + d1 * t;
    },
    ticks: (count: number) => roundTicks(d0, d1, count),
  });
}

/** Bytes [0, extent] onto pixels [from, to]. */
export const byteAxis = (extent: number, from: number, to: number): LinearAxis =>
  linearAxis(0, extent, from, to);

/**
 * `t.rescaleX(axis)` of a d3-zoom transform `t` (scale k, then translate x): the axis whose domain
 * is what the zoomed view shows, its range unchanged.
 */
export function rescaled(axis: LinearAxis, t: { readonly k: number; readonly x: number }): LinearAxis {
  const [r0, r1] = axis.range();
  return linearAxis(axis.invert((r0 - t.x) / t.k), axis.invert((r1 - t.x) / t.k), r0, r1);
}
