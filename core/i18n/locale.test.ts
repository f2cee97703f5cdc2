import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LOCALES, matchLocale, parseLocale, pickLocale } from './index.ts';

describe('choosing the language', () => {
  it('reads the tags browsers and systems send', () => {
    for (const t of ['en', 'en-US', 'en-GB', 'EN', 'en_US.UTF-8']) expect(matchLocale(t), t).toBe('en');
    for (const t of [
      'zh',
      'zh-CN',
      'zh-cn',
      'zh-Hans',
      'zh-Hans-CN',
      'zh-SG',
      'zh-MY',
      'zh_CN.UTF-8',
      'zh-Hans-HK',
    ])
      expect(matchLocale(t), t).toBe('zh-CN');
  });

  it('does not answer Traditional Chinese with Simplified', () => {
    for (const t of ['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-Hant-CN'])
      expect(matchLocale(t), t).toBeNull();
    expect(pickLocale({ navigatorLanguages: ['zh-TW', 'zh-CN', 'en'] })).toBe('zh-CN');
    expect(pickLocale({ navigatorLanguages: ['zh-TW', 'en'] })).toBe('en');
    expect(pickLocale({ navigatorLanguages: ['zh-HK'] })).toBe('en');
  });

  it('prefers the URL, then the stored choice, then the browser, then English', () => {
    expect(pickLocale({ url: 'zh-CN', stored: 'en', navigatorLanguages: ['en'] })).toBe('zh-CN');
    expect(pickLocale({ url: 'en', stored: 'zh-CN', navigatorLanguages: ['zh-CN'] })).toBe('en');
    expect(pickLocale({ url: 'klingon', stored: 'zh-CN' })).toBe('zh-CN');
    expect(pickLocale({ url: null, stored: null, navigatorLanguages: ['fr-FR', 'zh-Hans', 'en'] })).toBe(
      'zh-CN',
    );
    expect(pickLocale({ navigatorLanguages: ['fr', 'de'] })).toBe('en');
    expect(pickLocale({})).toBe('en');
    expect(pickLocale()).toBe('en');
  });

  it('parseLocale takes exactly our locales (the CLI flag)', () => {
    expect(parseLocale('zh-CN')).toBe('zh-CN');
    expect(parseLocale('ZH-cn')).toBe('zh-CN');
    expect(parseLocale(' en ')).toBe('en');
    for (const bad of ['zh', 'en-US', 'fr', '', undefined, 3]) expect(parseLocale(bad)).toBeNull();
  });

  it('never throws and always answers one of our locales', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (url, stored, nav) => {
        expect(LOCALES).toContain(pickLocale({ url, stored, navigatorLanguages: nav }));
        const m = matchLocale(url);
        expect(m === null || LOCALES.includes(m)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 40 }), (nav) => {
        expect(LOCALES).toContain(pickLocale({ navigatorLanguages: nav }));
      }),
    );
  });
});
