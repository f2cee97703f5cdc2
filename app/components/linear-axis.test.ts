import { describe, expect, it } from 'vitest';
import { scaleLinear } from 'd3-scale';
import { zoomIdentity } from 'd3-zoom';
import { byteAxis, rescaled } from './linear-axis.ts';

const EXTENTS = [8, 48, 1500, 2992, 3000, 4028, 65535, 65543, 65_535 + 8 * 1365];
const WIDTHS = [360, 375, 479, 480, 720, 1024, 1440, 2560];

describe('byteAxis: d3-scale’s linear scale, without d3-scale on the first screen', () => {
  it('puts every byte and every tick where scaleLinear does, and inverts as it does, to the last bit', () => {
    let checked = 0;
    for (const extent of EXTENTS)
      for (const width of WIDTHS)
        for (const from of [0, 12, 56]) {
          const to = Math.max(from + 120, width - 12);
          const d3 = scaleLinear().domain([0, extent]).range([from, to]);
          const x = byteAxis(extent, from, to);
          expect(x.domain()).toEqual(d3.domain());
          expect(x.range()).toEqual(d3.range());
          for (const count of [3, 6, 10]) expect(x.ticks(count)).toEqual(d3.ticks(count));
          for (const v of [0, 1, 7, extent / 3, extent - 1, extent, extent + 40, -8]) {
            expect(x(v)).toBe(d3(v));
            checked++;
          }
          for (const px of [from, to, (from + to) / 2, from - 3, to + 0.5, 100.25])
            expect(x.invert(px)).toBe(d3.invert(px));
        }
    expect(checked).toBe(EXTENTS.length * WIDTHS.length * 3 * 8);
  });
});

describe('rescaled: d3-zoom’s rescaleX of the axis', () => {
  it('gives the domain and every pixel rescaleX gives, to the last bit, at any zoom and pan', () => {
    let checked = 0;
    for (const extent of EXTENTS)
      for (const width of [360, 1440])
        for (const [k, at] of [
          [1, 0],
          [2, -300],
          [4096, -1234567.5],
          [37.5, -812.25],
          [1.000001, 0.5],
        ] as const) {
          const from = 12;
          const to = width - 12;
          const t = zoomIdentity.translate(at, 0).scale(k);
          const d3 = t.rescaleX(scaleLinear().domain([0, extent]).range([from, to]));
          const x = rescaled(byteAxis(extent, from, to), t);
          expect(x.domain()).toEqual(d3.domain());
          for (const v of [0, 1, extent / 7, extent / 2, extent]) {
            expect(x(v)).toBe(d3(v));
            checked++;
          }
        }
    expect(checked).toBe(EXTENTS.length * 2 * 5 * 5);
  });
});
