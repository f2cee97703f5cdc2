import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SHINFO_SIZE, runSkbOps } from '../../../core/skb/index.ts';
import type { SkbOp, SkbSnapshot } from '../../../core/skb/index.ts';
import {
  extent,
  fitLabel,
  flatten,
  gaps,
  idsBefore,
  isStale,
  LABEL_GAP,
  MIN_PX,
  markRows,
  minWidthScale,
  placeMarks,
  pointerMarks,
  textWidth,
  zoomTicks,
  zoomWindow,
} from './geometry.ts';

/** The sk_buff after a sequence of ops, as the core computes it. */
const skbAfter = (ops: SkbOp[]): SkbSnapshot => runSkbOps([{ op: 'alloc', n: 256 }, ...ops]).final.skb;
const scale = (k: number) => (n: number) => n * k;

describe('sk_buff geometry', () => {
  it('fitLabel takes the longest name that fits, with its bytes when they fit too', () => {
    expect(fitLabel(['Ethernet', 'Eth', 'E'], 14, 200)).toBe('Ethernet 14');
    expect(fitLabel(['Ethernet', 'Eth', 'E'], 14, textWidth('Ethernet') + 6)).toBe('Ethernet');
    expect(fitLabel(['Ethernet', 'Eth', 'E'], 14, textWidth('Eth') + 6)).toBe('Eth');
    expect(fitLabel(['Ethernet', 'Eth', 'E'], 14, 3)).toBeNull();
  });

  it('placeMarks puts overlapping pointer labels on separate rows', () => {
    const marks = pointerMarks({ head: 0, data: 1, tail: 2, end: 400 });
    const placed = placeMarks(marks, scale(1));
    const row = (n: string) => placed.find((m) => m.name === n)!.row;
    expect(new Set([row('head'), row('data'), row('tail')]).size).toBe(3);
    expect(row('end')).toBe(0);
    expect(markRows(marks, scale(1))).toBe(3);
    expect(markRows(marks, scale(100))).toBe(1);
  });

  it('a label kept inside the drawing at an edge still overlaps no other (tail 76 / end 256 at 360 px)', () => {
    // The Reassembly lab's small drawing at 360 px: tail and end near the right edge.
    const marks = pointerMarks({ head: 0, data: 36, tail: 76, end: 256 });
    const x = (n: number) => (n / (256 + 320)) * 300;
    const placed = placeMarks(marks, x, 300);
    for (const a of placed) {
      expect(a.left).toBeGreaterThanOrEqual(0);
      expect(a.left + a.w).toBeLessThanOrEqual(300);
      for (const b of placed)
        if (a !== b && a.row === b.row)
          expect(a.left + a.w + LABEL_GAP <= b.left || b.left + b.w + LABEL_GAP <= a.left).toBe(true);
    }
  });

  it('property: labels on one row never overlap, kept inside the width, whatever the marks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(2000), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 120, max: 1400 }),
        (ats, width) => {
          const placed = placeMarks(
            ats.map((at, i) => ({ name: `m${i}`, at })),
            (n) => (n / 2000) * width,
            width,
          );
          for (const a of placed) {
            expect(a.left).toBeGreaterThanOrEqual(0);
            expect(a.left + a.w).toBeLessThanOrEqual(Math.max(width, a.w));
            for (const b of placed)
              if (a !== b && a.row === b.row)
                expect(a.left + a.w + LABEL_GAP <= b.left || b.left + b.w + LABEL_GAP <= a.left).toBe(true);
          }
        },
      ),
    );
  });

  it('minWidthScale: a 2-byte headroom gets the minimum width; the scale is monotone and spans the range', () => {
    const x = minWidthScale([0, 2, 102, 1728, 2048], 6, 894, MIN_PX);
    expect(x(0)).toBe(6);
    expect(x(2048)).toBeCloseTo(894);
    expect(x(2) - x(0)).toBeCloseTo(MIN_PX);
    expect(x(102) - x(2)).toBeGreaterThan(MIN_PX);
    fc.assert(
      fc.property(
        fc.array(fc.nat(5000), { minLength: 2, maxLength: 12 }),
        fc.integer({ min: 200, max: 1400 }),
        (bs, w) => {
          const s = minWidthScale(bs, 0, w, MIN_PX);
          const sorted = [...new Set(bs)].sort((a, b) => a - b);
          fc.pre(sorted.length >= 2 && (sorted.length - 1) * MIN_PX <= w);
          expect(s(sorted[0]!)).toBeCloseTo(0);
          expect(s(sorted.at(-1)!)).toBeCloseTo(w);
          for (let i = 1; i < sorted.length; i++)
            expect(s(sorted[i]!) - s(sorted[i - 1]!)).toBeGreaterThanOrEqual(MIN_PX - 1e-6);
        },
      ),
    );
  });

  it('gaps are the bytes of data no region covers; isStale marks regions outside data…tail', () => {
    const s = skbAfter([
      { op: 'reserve', n: 64 },
      { op: 'put', n: 100, kind: 'payload' },
      { op: 'push', n: 8 },
      { op: 'push', n: 20, kind: 'ip' },
    ]);
    // The 8 bytes pushed without a kind are the one gap.
    expect(gaps(s)).toEqual([{ start: 56, end: 64 }]);
    const pulled = skbAfter([
      { op: 'reserve', n: 64 },
      { op: 'put', n: 100, kind: 'payload' },
      { op: 'push', n: 20, kind: 'ip' },
      { op: 'pull', n: 20 },
    ]);
    const ip = pulled.regions.find((r) => r.kind === 'ip')!;
    expect(isStale(ip, pulled)).toBe(true);
    expect(
      isStale(
        pulled.regions.find((r) => r.kind === 'payload')!,
        pulled,
      ),
    ).toBe(false);
  });

  it('extent reaches past skb_shared_info to the page frags; the zoom window spans every region and data…tail', () => {
    const s = skbAfter([
      { op: 'reserve', n: 32 },
      { op: 'put', n: 50, kind: 'payload' },
    ]);
    expect(extent(s)).toBe(s.end + SHINFO_SIZE);
    expect(zoomWindow(s)).toEqual({ from: 32, to: 82, any: true });
    const h = skbAfter([
      { op: 'reserve', n: 32 },
      { op: 'put', n: 50, kind: 'payload' },
      { op: 'push', n: 8, kind: 'udp' },
      { op: 'push', n: 20, kind: 'ip' },
    ]);
    expect(zoomTicks(h, scale(10))).toEqual([4, 24, 32, 82]);
    // Too close to write them all: the first and the window's end stay.
    expect(zoomTicks(h, scale(0.01))).toEqual([4, 82]);
  });

  it('idsBefore collects every sk_buff held before a step, frag_lists included', () => {
    const a = { id: 1, frag_list: [{ id: 2, frag_list: [] }] } as unknown as SkbSnapshot;
    const b = { id: 3, frag_list: [] } as unknown as SkbSnapshot;
    const trace = [{ snapshot: { skbs: [a] } }, { snapshot: { skbs: [b] } }, { snapshot: { skbs: [] } }];
    expect([...idsBefore(trace, 0)]).toEqual([]);
    expect([...idsBefore(trace, 1)].sort()).toEqual([1, 2]);
    expect([...idsBefore(trace, 3)].sort()).toEqual([1, 2, 3]);
    expect(flatten([a, b]).map((s) => s.id)).toEqual([1, 2, 3]);
    expect([...idsBefore(trace, 10)].sort()).toEqual([1, 2, 3]);
    // Depth first, each frag_list right after its owner, however deep.
    const deep = { id: 4, frag_list: [a, { id: 5, frag_list: [] }] } as unknown as SkbSnapshot;
    expect(flatten([deep, b]).map((s) => s.id)).toEqual([4, 1, 2, 5, 3]);
    expect([...idsBefore([{ snapshot: { skbs: [deep] } }], 1)].sort()).toEqual([1, 2, 4, 5]);
  });
});
