import { format } from 'd3-format';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { num } from './format.ts';

/** What `num` was: d3-format's thousands format. */
const d3num = format(',');

describe('num (issue 17: d3-format’s `format(",")` without d3-format)', () => {
  it('writes what d3-format writes for the numbers people read: counts, bytes, offsets', () => {
    for (const n of [0, 1, 12, 123, 1234, 12345, 65507, 65535, 1e6, 123456789, 2 ** 32, 2 ** 53 - 1])
      for (const x of [n, -n]) expect(num(x)).toBe(d3num(x));
    expect(num(1365)).toBe('1,365');
    expect(num(-4000)).toBe('\u22124,000');
  });

  it('and for any number at all: fractions, exponents, −0, tiny negatives, NaN, infinities', () => {
    for (const x of [
      -0,
      0.5,
      -0.5,
      1e-7,
      -1e-13,
      1e21,
      1.5e300,
      123456789012345,
      0.1 + 0.2,
      NaN,
      Infinity,
      -Infinity,
    ])
      expect(num(x)).toBe(d3num(x));
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer(), fc.maxSafeInteger()), (x) => num(x) === d3num(x)),
      { numRuns: 20_000 },
    );
  });
});
