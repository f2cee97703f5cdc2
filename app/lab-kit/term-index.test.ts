import { describe, expect, it } from 'vitest';
import { GLOSSARY, glossaryEntry } from '../../core/glossary/index.ts';
import { TERM_INDEX, hasTerm, termKeyOf, termName } from './term-index.ts';

/** The index as core/glossary's entries give it (each identifier of `match`: case, `_`, `->`, `()`; no prefix `*`). */
const derived = GLOSSARY.map((e) => [
  e.key,
  e.name ? 1 : 0,
  ...e.match.filter((m) => /[_>()A-Z]/.test(m) && !m.endsWith('*') && m !== e.key),
]);

describe('term-index: what the page knows of the glossary before its entries come (issue 17)', () => {
  it('is core/glossary’s keys, names and identifiers, in its order (else: copy `derived` here into TERM_INDEX)', () => {
    expect(TERM_INDEX).toEqual(derived);
  });

  it('names each entry by its key, and nothing else', () => {
    for (const e of GLOSSARY) expect(hasTerm(e.key), e.key).toBe(true);
    for (const k of ['', 'maxfraglen ', 'skb->data', 'constructor', '__proto__'])
      expect(hasTerm(k), k).toBe(false);
  });

  it('gives each name the entry’s own message', () => {
    for (const e of GLOSSARY) expect(termName(e.key), e.key).toEqual(e.name);
  });

  it('finds the entry a `<code>` identifier names, the first entry listing it winning', () => {
    const first = new Map<string, string>();
    for (const e of GLOSSARY)
      for (const m of [e.key, ...e.match.filter((x) => /[_>()A-Z]/.test(x) && !x.endsWith('*'))])
        if (!first.has(m)) first.set(m, e.key);
    for (const [ident, key] of first)
      expect(termKeyOf(ident), ident).toBe(glossaryEntry(ident) ? ident : key);
    expect(termKeyOf('skb->data')).toBe('data');
    expect(termKeyOf('fragments')).toBeUndefined(); // a word, not an identifier
  });
});
