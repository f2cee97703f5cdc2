/**
 * Test helpers for the labs' URL grammars (imported by tests only). The URL contract's fixed
 * point, `serialise(parse(q)) === q`, written once for every lab's `it.each` table.
 */
import { expect } from 'vitest';

/** A test body: the query `q` comes back from parse → serialise to the letter. */
export const roundTrips =
  <F, S>(parse: (q: string) => { fields: F; step: S }, serialise: (fields: F, step: S) => string) =>
  (q: string) => {
    const { fields, step } = parse(q);
    expect(serialise(fields, step)).toBe(q);
  };
