import { describe, expect, it } from 'vitest';
import { createIntl } from 'react-intl';
import { CATALOGS } from '../../../core/i18n/index.ts';
import { num } from '../../format.ts';
import { fmt } from '../../i18n/format.tsx';
import { lanesOf, openMessage } from './QueueDiagram.tsx';
import { W } from './words.ts';

/** The packing as first written: the first row none of whose ranges overlaps. */
function naiveLanes(ranges: readonly { from: number; to: number }[]): number[] {
  const rows: { from: number; to: number }[][] = [];
  return ranges.map((r) => {
    let l = rows.findIndex((row) => !row.some((b) => r.from < b.to && b.from < r.to));
    if (l < 0) l = rows.push([]) - 1;
    rows[l]!.push(r);
    return l;
  });
}

/** A deterministic pseudo-random sequence (mulberry32). */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('lanesOf', () => {
  const cuts = (n: number, size: number) =>
    Array.from({ length: n }, (_, i) => ({ from: i * size, to: (i + 1) * size }));

  it('puts in-order and reversed fragments in one row, and a repeat in a second', () => {
    expect(lanesOf(cuts(1365, 48)).count).toBe(1);
    expect(lanesOf(cuts(1365, 48).reverse()).count).toBe(1);
    const twice = [...cuts(20, 48), { from: 96, to: 144 }];
    expect(lanesOf(twice).lane.at(-1)).toBe(1);
  });

  it('packs exactly as a check of every range in the row does (shuffled, overlapping, repeated)', () => {
    const r = rng(17);
    for (let trial = 0; trial < 200; trial++) {
      const n = 15 + Math.floor(r() * 80);
      const ranges = Array.from({ length: n }, () => {
        const from = Math.floor(r() * 2000);
        return { from, to: from + 1 + Math.floor(r() * 300) };
      });
      expect(lanesOf(ranges).lane).toEqual(naiveLanes(ranges));
    }
  });
});

describe('openMessage', () => {
  it('gives the text formatting each bar would, in both languages', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const intl = createIntl({ locale, messages: CATALOGS[locale], defaultLocale: 'en' });
      for (const last of ['yes', 'no'] as const) {
        const range = openMessage(intl, W.svgRange, ['from', 'to'], { last });
        const short = openMessage(intl, W.svgBytesShort, ['n'], { last });
        for (const [from, to] of [
          [0, 48],
          [1480, 2960],
          [65480, 65507],
        ] as const) {
          expect(range([num(from), num(to)])).toBe(
            fmt(intl, W.svgRange, { from: num(from), to: num(to), last }),
          );
          expect(short([num(to - from)])).toBe(fmt(intl, W.svgBytesShort, { n: num(to - from), last }));
        }
      }
    }
  });
});
