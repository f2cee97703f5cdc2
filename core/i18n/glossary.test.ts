/**
 * The glossary rule over every message: an English term in the prose means its Chinese in the
 * Chinese prose (code spans do not count: identifiers are not terms). Exceptions are listed with
 * a reason in glossary.json, and each one must still be needed.
 */
import { describe, expect, it } from 'vitest';
import { CATALOGS } from './catalogs.ts';
import { GLOSSARY, termsIn, usesTerm } from './glossary.ts';
import { messageFacts } from './tools/icu.ts';

const en = CATALOGS.en;
const zh = CATALOGS['zh-CN'];
const prose = (m: string) => messageFacts(m).prose.join(' ¦ ');

describe('the glossary', () => {
  it('has a Chinese term and a note for every entry, each English form once', () => {
    const seen = new Set<string>();
    for (const t of GLOSSARY.terms) {
      expect(t.term.trim() && t.zh.trim() && t.note.trim(), t.term).toBeTruthy();
      for (const f of [t.term, ...t.forms]) {
        expect(seen.has(f.toLowerCase()), `${f} twice`).toBe(false);
        seen.add(f.toLowerCase());
      }
    }
    expect(GLOSSARY.terms.length).toBeGreaterThanOrEqual(40);
    for (const must of [
      'fragment',
      'reassembly',
      'socket',
      'datagram',
      'header',
      'payload',
      'headroom',
      'tailroom',
    ])
      expect(GLOSSARY.terms.some((t) => t.term === must)).toBe(true);
  });

  it('finds the longest term first and does not count a phrase twice', () => {
    const socket = GLOSSARY.terms.find((t) => t.term === 'socket')!;
    const raw = GLOSSARY.terms.find((t) => t.term === 'raw socket')!;
    expect(termsIn('a raw socket needs a protocol')).toContain(raw);
    expect(termsIn('a raw socket needs a protocol')).not.toContain(socket);
    expect(termsIn('the fragment offset field').map((t) => t.term)).toEqual(['fragment offset']);
    expect(termsIn('Sockets and SOCKETS')).toEqual([socket]);
    expect(termsIn('sockscope, websocket')).toEqual([]);
  });

  it.each(Object.keys(en))('%s follows the glossary', (id) => {
    const missing = termsIn(prose(en[id]!))
      .filter((t) => !usesTerm(prose(zh[id]!), t))
      .filter((t) => !GLOSSARY.exceptions.some((x) => x.id === id && x.term === t.term))
      .map((t) => `${t.term} → ${t.zh}`);
    expect(missing, zh[id]).toEqual([]);
  });

  it('lists only exceptions that are still needed, each with a reason', () => {
    for (const x of GLOSSARY.exceptions) {
      expect(x.reason.trim(), `${x.id}/${x.term}`).not.toBe('');
      const t = GLOSSARY.terms.find((g) => g.term === x.term);
      expect(t, `${x.term} is a glossary term`).toBeDefined();
      expect(en[x.id], `${x.id} is a message`).toBeDefined();
      expect(
        termsIn(prose(en[x.id]!)).includes(t!) && !usesTerm(prose(zh[x.id]!), t!),
        `${x.id}/${x.term}`,
      ).toBe(true);
    }
  });
});
