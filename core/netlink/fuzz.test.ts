/**
 * The seeded fuzz campaign at about 1 % of `npm run fuzz` (10^4 of 10^6 inputs): nothing thrown
 * or reported as an internal failure, no diagnostic or field outside its buffer, every round
 * trip exact. The same seed always runs the same inputs, so a failure here reproduces.
 */
import { describe, expect, it } from 'vitest';
import { fuzzNetlink } from './fuzz.ts';

describe('fuzzNetlink (seeded)', () => {
  it('10,000 inputs: 0 exceptions, 0 out-of-buffer diagnostics, 0 round-trip mismatches', () => {
    const r = fuzzNetlink(20261201, 10_000);
    expect(r.failures).toEqual([]);
    expect(r).toMatchObject({ inputs: 10_000, exceptions: 0, outOfBuffer: 0, roundTripMismatches: 0 });
    // Every kind of input ran.
    expect(Object.keys(r.byKind).sort()).toEqual(['echo', 'junk', 'mutated', 'random', 'roundtrip']);
  }, 120_000);

  it('is deterministic and counts what it is given', () => {
    expect(fuzzNetlink(5, 50).byKind).toEqual(fuzzNetlink(5, 50).byKind);
    expect(fuzzNetlink(5, 0)).toMatchObject({ inputs: 0, exceptions: 0 });
    expect(fuzzNetlink(Number.NaN, -3).inputs).toBe(0);
  });
});
