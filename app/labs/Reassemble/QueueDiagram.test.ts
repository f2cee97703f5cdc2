import { describe, expect, it } from 'vitest';
import { createIntl } from 'react-intl';
import { CATALOGS } from '../../../core/i18n/index.ts';
import { num } from '../../format.ts';
import { fmt } from '../../i18n/format.tsx';
import { lanesOf, openMessage, splitThinBars } from './QueueDiagram.tsx';
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

describe('splitThinBars: 1,365 thin bars of a packed row are a few paths, not 1,365 elements', () => {
  const bar = (k: number, w: number, tone: 'ok' | 'future', alone = false) => ({
    k,
    b: { x: 58 + k * 0.7, w },
    y: 48,
    h: 7,
    tone,
    alone,
  });
  it('merges the thin bars by colour and keeps the current, the wide and the lone ones', () => {
    const all = Array.from({ length: 1365 }, (_, k) => bar(k, 1.5, k < 700 ? 'ok' : 'future'));
    all[5] = bar(5, 12, 'ok'); // wide: its own element (stroke, corners, maybe a label)
    all[9] = bar(9, 1.5, 'ok', true); // alone in its row: may be labelled beside it
    const { bars, thin } = splitThinBars(all, { packed: true, current: 700 });
    expect(bars.map((b) => b.k)).toEqual([5, 9, 700]);
    expect(thin.map(([tone]) => tone)).toEqual(['ok', 'future']);
    // One rectangle a bar: every thin bar is drawn once.
    const rects = thin.reduce((n, [, d]) => n + (d.match(/M/g)?.length ?? 0), 0);
    expect(rects).toBe(1365 - 3);
    expect(thin[0]![1].startsWith('M58 48h1.5v7h-1.5z')).toBe(true);
  });
  it('draws every bar on its own while the rows are not packed', () => {
    const all = Array.from({ length: 10 }, (_, k) => bar(k, 1.5, 'ok'));
    const { bars, thin } = splitThinBars(all, { packed: false, current: null });
    expect(bars).toHaveLength(10);
    expect(thin).toEqual([]);
  });
});
