import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rangeBars, runBars } from './layout.ts';

const sizes = fc.array(fc.integer({ min: 0, max: 70000 }), { minLength: 1, maxLength: 40 });
const widths = fc.integer({ min: 1, max: 2000 });

describe('runBars', () => {
  it('tiles the width: each bar starts where the one before ends, the last ends at the width', () => {
    fc.assert(
      fc.property(sizes, widths, fc.integer({ min: 0, max: 60 }), (s, width, min) => {
        const bars = runBars(s, width, min);
        expect(bars).toHaveLength(s.length);
        bars.forEach((b, i) => {
          if (i > 0) expect(b.x).toBeCloseTo(bars[i - 1]!.x + bars[i - 1]!.w, 6);
          expect(b.w).toBeGreaterThanOrEqual(0);
        });
        const last = bars[bars.length - 1]!;
        expect(last.x + last.w).toBeCloseTo(width, 6);
      }),
    );
  });

  it('keeps every run at least `min` wide when the width allows, and bigger runs never narrower', () => {
    fc.assert(
      fc.property(sizes, fc.integer({ min: 0, max: 20 }), (s, min) => {
        const width = 2000;
        const bars = runBars(s, width, min);
        bars.forEach((b) => expect(b.w).toBeGreaterThanOrEqual(Math.min(min, width / s.length) - 1e-9));
        for (let i = 0; i < s.length; i++)
          for (let j = 0; j < s.length; j++)
            if (s[i]! > s[j]!) expect(bars[i]!.w).toBeGreaterThanOrEqual(bars[j]!.w);
      }),
    );
  });

  it('draws an Ethernet, IP, UDP and payload packet in proportion above the floor', () => {
    const [eth, ip, udp, payload] = runBars([14, 20, 8, 1458], 300, 20);
    expect(eth!.w).toBeGreaterThanOrEqual(20);
    expect(ip!.w).toBeGreaterThan(eth!.w);
    expect(udp!.w).toBeLessThan(eth!.w);
    expect(payload!.w).toBeGreaterThan(200);
  });

  it('gives nothing for no runs or no width, and bad sizes no share', () => {
    expect(runBars([], 100)).toEqual([]);
    expect(runBars([1], 0)).toEqual([]);
    const [a, b] = runBars([Number.NaN, 10], 100);
    expect(a!.w).toBe(0);
    expect(b!.w).toBe(100);
  });
});

describe('rangeBars', () => {
  it('places byte ranges at their offsets, in proportion to the whole', () => {
    // 4,008 bytes (UDP header + 4,000) cut at MTU 1500: 1480 + 1480 + 1048.
    const bars = rangeBars(
      [
        { from: 0, to: 1480 },
        { from: 1480, to: 2960 },
        { from: 2960, to: 4008 },
      ],
      4008,
      400.8,
    );
    expect(bars.map((b) => Math.round(b.x))).toEqual([0, 148, 296]);
    expect(bars.map((b) => Math.round(b.w))).toEqual([148, 148, 105]);
  });

  it('stays inside the width whatever the ranges', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -10, max: 70000 }), fc.integer({ min: -10, max: 70000 })), {
          maxLength: 30,
        }),
        fc.integer({ min: 0, max: 70000 }),
        widths,
        (pairs, total, width) => {
          const bars = rangeBars(
            pairs.map(([from, to]) => ({ from, to })),
            total,
            width,
          );
          bars.forEach((b) => {
            expect(b.x).toBeGreaterThanOrEqual(0);
            expect(b.w).toBeGreaterThanOrEqual(0);
            expect(b.x + b.w).toBeLessThanOrEqual(width + 1e-9);
          });
        },
      ),
    );
  });
});
