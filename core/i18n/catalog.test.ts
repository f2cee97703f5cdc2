/**
 * The catalog checks: the English catalog is what the code declares (extraction), both catalogs
 * hold the same ids, every message is valid ICU, both languages use the same arguments, select
 * keys and <code> spans (kernel identifiers are never translated), and every message renders in
 * both languages without an error.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from './catalogs.ts';
import { formatMsg } from './format.ts';
import { EN_JSON, ZH_JSON, extractMessages } from './tools/extract.ts';
import { messageFacts, sampleValues } from './tools/icu.ts';

const en = CATALOGS.en;
const zh = CATALOGS['zh-CN'];
const ids = Object.keys(en);

// A CJK character next to an ASCII , ; : ( ) ! ? — Chinese prose takes the full-width forms.
const HALF_WIDTH_NEXT_TO_CJK = /[\u4e00-\u9fff][,;:()!?]|[,;:()!?][\u4e00-\u9fff]/;

describe('the catalogs', () => {
  it('en.json is what the code declares (npm run i18n:extract writes it)', async () => {
    const { catalog } = await extractMessages();
    expect(Object.keys(catalog).length).toBeGreaterThan(100);
    expect(JSON.parse(readFileSync(EN_JSON, 'utf8'))).toEqual(catalog);
    // Sorted by id, so a diff of en.json reads like a diff of the code.
    expect(Object.keys(en)).toEqual([...Object.keys(en)].sort());
  });

  it('zh-CN.json has exactly the ids of en.json, sorted the same way', () => {
    const zhIds = Object.keys(JSON.parse(readFileSync(ZH_JSON, 'utf8')) as object);
    expect(zhIds).toEqual(ids);
  });

  it.each(ids)('%s: valid ICU, same arguments, select keys and code in both languages', (id) => {
    const e = messageFacts(en[id]!);
    const z = messageFacts(zh[id]!);
    expect([...z.args.keys()].sort(), 'arguments').toEqual([...e.args.keys()].sort());
    for (const [name, kind] of e.args) {
      expect(z.args.get(name), `how {${name}} is used`).toBe(kind);
      if (kind === 'select') expect(z.selects.get(name), `keys of {${name}}`).toEqual(e.selects.get(name));
    }
    expect(new Set([...e.tags, ...z.tags]), 'only <code> tags').toEqual(
      e.tags.length + z.tags.length ? new Set(['code']) : new Set(),
    );
    expect([...z.code].sort(), 'the <code> spans, untranslated').toEqual([...e.code].sort());
    for (const [lang, m] of [
      ['en', en[id]!],
      ['zh-CN', zh[id]!],
    ] as const) {
      expect(m, `${lang}: no surrounding whitespace or line breaks (layout is the code's job)`).toBe(
        m.trim(),
      );
      expect(m).not.toMatch(/\n/);
    }
    for (const run of z.prose)
      expect(run, 'Chinese punctuation in Chinese prose').not.toMatch(HALF_WIDTH_NEXT_TO_CJK);
    expect(
      z.prose.some((r) => /[\u4e00-\u9fff]/.test(r)) || e.prose.every((r) => !/[a-z]{3}/i.test(r)),
      'the Chinese is Chinese wherever the English has words',
    ).toBe(true);
  });

  it.each(ids)('%s renders in both languages for every branch', (id) => {
    for (const values of sampleValues(messageFacts(en[id]!)))
      for (const locale of ['en', 'zh-CN'] as const) {
        const errors: Error[] = [];
        const text = formatMsg({ id, values }, locale, { onError: (e) => errors.push(e) });
        expect(errors, `${locale} ${JSON.stringify(values)}`).toEqual([]);
        expect(text).not.toMatch(/[{}]|<\/?code>/);
      }
  });
});
