/** pairsOf: the few page parameters of a query, read as URLSearchParams reads them, without parsing the rest. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairsOf } from './href.ts';
import { PAGE_PARAMS, pageParams } from './url.ts';

const KEYS = ['view', 'embed', 'lang'] as const;

describe('pairsOf', () => {
  it('keeps the pairs of the keys asked for, as written and in order', () => {
    expect(pairsOf('len=4000&view=compact&embed=1&mtu=1500&view=diagram', KEYS)).toBe(
      'view=compact&embed=1&view=diagram',
    );
    expect(pairsOf('', KEYS)).toBe('');
    expect(pairsOf('embed&x=1', KEYS)).toBe('embed');
    // Keys are read as URLSearchParams reads them: escapes decoded, + a space.
    expect(pairsOf('vi%65w=compact&la+ng=x', ['view', 'la ng'])).toBe('vi%65w=compact&la+ng=x');
  });

  it('reads every key asked for as URLSearchParams over the whole query does', () => {
    const part = fc.oneof(
      fc.constantFrom(...PAGE_PARAMS, 'hex', 'len', 'vi%65w', 'embed+', '%zz', ''),
      fc.string({ maxLength: 6 }),
    );
    const pair = fc
      .tuple(part, fc.option(fc.oneof(part, fc.constantFrom('=', '1', 'a%3Db', '+x')), { nil: undefined }))
      .map(([k, v]) => (v === undefined ? k : `${k}=${v}`));
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 8 }), (pairs) => {
        const q = pairs.join('&');
        const all = new URLSearchParams(q);
        const few = new URLSearchParams(pairsOf(q, PAGE_PARAMS));
        for (const k of PAGE_PARAMS) expect(few.getAll(k)).toEqual(all.getAll(k));
      }),
      { numRuns: 500 },
    );
  });

  it('pageParams of a 130 KB lab query reads only the page parameters (and stays what it was)', () => {
    const q = `hex=${'6f'.repeat(65_000)}&family=route&lang=zh-CN&embed=1`;
    expect(pageParams(q)).toBe('embed=1&lang=zh-CN');
  });
});
