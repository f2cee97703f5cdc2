import { format } from 'd3-format';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { num } from './format.ts';

/** What `num` was: d3-format's thousands format. */
const d3num = format(',');

describe('num (issue 17: Intl in place of d3-format’s `format(",")`)', () => {
  it('writes what d3-format wrote for the numbers people read: counts, bytes, offsets', () => {
    for (const n of [0, 1, 12, 123, 1234, 12345, 65507, 65535, 1e6, 123456789, 2 ** 32, 999_999_999_999])
      for (const x of [n, -n]) expect(num(x)).toBe(d3num(x));
    expect(num(1365)).toBe('1,365');
    expect(num(-4000)).toBe('\u22124,000');
    expect(num(-0)).toBe('0');
    expect(num(0.1 + 0.2)).toBe('0.3');
    expect(num(NaN)).toBe('NaN');
  });

  it('and for any integer of up to 12 digits, any fraction under 10¹¹', () => {
    const within = (x: number) => x === 0 || (Math.abs(x) >= 1e-6 && Math.abs(x) < 1e11);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -999_999_999_999, max: 999_999_999_999 }),
          fc.double({ min: -1e11, max: 1e11, noNaN: true }).filter(within),
          fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000),
        ),
        (x) => num(x) === d3num(x),
      ),
      { numRuns: 20_000 },
    );
  });
});
