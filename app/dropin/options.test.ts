import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LABS } from '../labs/index.ts';
import {
  ATTRIBUTES,
  LAB_TITLES,
  MAX_CONTROLS,
  baseFromScriptSrc,
  buildSrc,
  normaliseLang,
  originOf,
  pageDefaults,
  parseAttributes,
  parseTarget,
  type AttributeReader,
} from './options.ts';

const reader =
  (attrs: Record<string, string>): AttributeReader =>
  (name) =>
    attrs[name] ?? null;

const parse = (attrs: Record<string, string>, defaults = {}) => {
  const r = parseAttributes(reader(attrs), defaults);
  if (!r.ok) throw new Error(r.error);
  return r;
};

describe('parseTarget', () => {
  it.each([
    ['#/fragment?len=4000&mtu=1500', 'fragment', 'len=4000&mtu=1500'],
    ['/fragment?len=4000', 'fragment', 'len=4000'],
    ['fragment?len=4000', 'fragment', 'len=4000'],
    ['#fragment', 'fragment', ''],
    ['  #/journey/  ', 'journey', ''],
  ])('%s → %s ? %s', (raw, lab, query) => {
    expect(parseTarget(raw)).toEqual({ ok: true, lab, query });
  });

  it('a full address names its own sockscope', () => {
    expect(parseTarget('https://example.org/course/sockscope/?x=1#/skb?ops=put:10')).toEqual({
      ok: true,
      lab: 'skb',
      query: 'ops=put:10',
      base: 'https://example.org/course/sockscope/?x=1',
    });
  });

  it.each([
    '',
    '   ',
    '#/',
    '#/Frag ment',
    '#/../etc',
    'javascript:alert(1)',
    'https://',
    '#/' + 'a'.repeat(40),
  ])('refuses %j with a message', (raw) => {
    const r = parseTarget(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/data-sockscope/);
  });

  it('refuses a very long value and does not echo it whole', () => {
    const r = parseTarget('#/fragment?' + 'x'.repeat(5000));
    expect(r).toEqual({ ok: false, error: expect.stringContaining('longer than') });
    const bad = parseAttributes(reader({ 'data-sockscope': '#/' + 'Z'.repeat(3000) }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.length).toBeLessThan(200);
  });
});

describe('parseAttributes', () => {
  it('reads every attribute of the issue example', () => {
    const r = parse({
      'data-sockscope': '#/fragment?len=4000&mtu=1500',
      'data-view': 'diagram',
      'data-controls': 'len, mtu',
      'data-theme': 'light',
      'data-lang': 'zh-cn',
      'data-bg': 'transparent',
      'data-autoplay': '',
      'data-loop': '',
      'data-step': '3',
    });
    expect(r.warnings).toEqual([]);
    expect(r.options).toEqual({
      lab: 'fragment',
      query: 'len=4000&mtu=1500',
      view: 'diagram',
      controls: ['len', 'mtu'],
      theme: 'light',
      lang: 'zh-CN',
      bg: 'transparent',
      autoplay: true,
      loop: true,
      step: 3,
      title: 'sockscope: Fragmentation',
    });
  });

  it('turns bad values into warnings, keeps the embed, and falls back to the page defaults', () => {
    const r = parse(
      {
        'data-sockscope': '#/socket',
        'data-view': 'huge',
        'data-controls': 'len,<script>,mtu',
        'data-theme': 'purple',
        'data-lang': 'not a language',
        'data-bg': 'red',
        'data-step': '-1',
      },
      { theme: 'dark', lang: 'en' },
    );
    expect(r.options).toMatchObject({ lab: 'socket', controls: ['len', 'mtu'], theme: 'dark', lang: 'en' });
    expect(r.options.view).toBeUndefined();
    expect(r.options.bg).toBeUndefined();
    expect(r.options.step).toBeUndefined();
    expect(r.warnings.map((w) => w.split(' ')[0])).toEqual([
      'data-view',
      'data-controls',
      'data-theme',
      'data-lang',
      'data-bg',
      'data-step',
    ]);
  });

  it('boolean attributes: present is on, "0"/"false" off', () => {
    expect(parse({ 'data-sockscope': '#/journey', 'data-autoplay': 'true' }).options.autoplay).toBe(true);
    expect(
      parse({ 'data-sockscope': '#/journey', 'data-autoplay': 'false' }).options.autoplay,
    ).toBeUndefined();
    expect(parse({ 'data-sockscope': '#/journey', 'data-loop': '0' }).options.loop).toBeUndefined();
  });

  it('caps the controls list', () => {
    const many = Array.from({ length: 30 }, (_, i) => `p${i}`).join(',');
    const r = parse({ 'data-sockscope': '#/fragment', 'data-controls': many });
    expect(r.options.controls).toHaveLength(MAX_CONTROLS);
    expect(r.warnings).toHaveLength(1);
  });

  it('a data-title overrides the lab name; an unknown lab is titled by its route', () => {
    expect(parse({ 'data-sockscope': '#/skb', 'data-title': ' Week 2 ' }).options.title).toBe('Week 2');
    expect(parse({ 'data-sockscope': '#/tcp' }).options.title).toBe('sockscope: tcp');
  });

  it('never throws, whatever the reader returns or throws', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...ATTRIBUTES), fc.anything()),
        fc.boolean(),
        (attrs, throws) => {
          const read = ((name: string) => {
            if (throws && name === 'data-view') throw new Error('boom');
            return (attrs as Record<string, unknown>)[name] ?? null;
          }) as AttributeReader;
          const r = parseAttributes(read);
          expect(typeof r.ok).toBe('boolean');
        },
      ),
    );
  });

  it('knows every lab of the app by its title', () => {
    for (const lab of LABS) expect(LAB_TITLES[lab.path]).toBe(lab.title);
  });
});

describe('buildSrc', () => {
  const base = 'https://notes.example/sockscope/';

  it('merges the drop-in parameters into the lab query, embed=1 last, theme=auto by default', () => {
    const { options } = parse({ 'data-sockscope': '#/fragment?len=4000&mtu=1500' });
    expect(buildSrc(base, options)).toBe(
      'https://notes.example/sockscope/#/fragment?len=4000&mtu=1500&theme=auto&embed=1',
    );
  });

  it('writes every parameter in a fixed order', () => {
    const { options } = parse({
      'data-sockscope': '#/journey?len=3000',
      'data-view': 'compact',
      'data-controls': 'len,mtu',
      'data-theme': 'dark',
      'data-lang': 'zh-CN',
      'data-bg': 'transparent',
      'data-autoplay': '',
      'data-loop': '',
      'data-step': '7',
    });
    expect(buildSrc(base, options)).toBe(
      `${base}#/journey?len=3000&view=compact&controls=len,mtu&theme=dark&lang=zh-CN&bg=transparent&autoplay=1&loop=1&step=7&embed=1`,
    );
  });

  it('attributes win over the same keys written in data-sockscope; other keys are kept as written', () => {
    const { options } = parse({
      'data-sockscope': '#/fragment?embed=0&theme=dark&len=4000&opts=rr%3A1&view=full',
      'data-theme': 'light',
    });
    expect(buildSrc(base, options)).toBe(
      `${base}#/fragment?len=4000&opts=rr%3A1&view=full&theme=light&embed=1`,
    );
  });

  it('a step, view or controls copied from the lab address stays when no attribute names it', () => {
    const copied = '#/journey?len=4000&fault=lose&frag=2&step=20&view=diagram&controls=mtu';
    expect(buildSrc(base, parse({ 'data-sockscope': copied }).options)).toBe(
      `${base}#/journey?len=4000&fault=lose&frag=2&step=20&view=diagram&controls=mtu&theme=auto&embed=1`,
    );
    const { options } = parse({ 'data-sockscope': copied, 'data-step': '3', 'data-view': 'compact' });
    expect(buildSrc(base, options)).toBe(
      `${base}#/journey?len=4000&fault=lose&frag=2&controls=mtu&view=compact&theme=auto&step=3&embed=1`,
    );
  });

  it('view=full is the default and is not written', () => {
    const { options } = parse({ 'data-sockscope': '#/skb', 'data-view': 'full' });
    expect(buildSrc(base, options)).toBe(`${base}#/skb?theme=auto&embed=1`);
  });

  it('a full address in data-sockscope replaces the script base (its hash dropped)', () => {
    const { options } = parse({ 'data-sockscope': 'https://other.example/s/#/skb?ops=put:4' });
    expect(buildSrc(base, options)).toBe('https://other.example/s/#/skb?ops=put:4&theme=auto&embed=1');
  });

  it('exactly one embed=1, whatever the lab query holds', () => {
    fc.assert(
      fc.property(fc.string(), (q) => {
        const r = parseAttributes(reader({ 'data-sockscope': `#/fragment?${q}` }));
        if (!r.ok) return;
        const src = buildSrc(base, r.options);
        expect(src.startsWith(`${base}#/fragment?`)).toBe(true);
        const query = src.slice(src.indexOf('?') + 1).split('&');
        expect(query.at(-1)).toBe('embed=1');
        expect(query.filter((kv) => kv.split('=')[0] === 'embed')).toHaveLength(1);
        expect(query.filter((kv) => kv.split('=')[0] === 'theme')).toHaveLength(1);
      }),
    );
  });
});

describe('baseFromScriptSrc and originOf', () => {
  it.each([
    ['https://site.example/docs/sockscope/embed.js', 'https://site.example/docs/sockscope/'],
    ['https://site.example/embed.js?v=3#x', 'https://site.example/'],
    ['/sockscope/embed.js', 'https://notes.example/sockscope/'],
    ['embed.js', 'https://notes.example/course/'],
  ])('%s → %s', (src, base) => {
    expect(baseFromScriptSrc(src, 'https://notes.example/course/week3.html')).toBe(base);
  });

  it.each([null, undefined, '', 'data:text/javascript,1', 'javascript:1', 'http://[bad'])(
    '%j gives no base',
    (src) => {
      expect(baseFromScriptSrc(src, 'https://notes.example/')).toBeUndefined();
    },
  );

  it('origins', () => {
    expect(originOf('http://127.0.0.1:4308/#/skb')).toBe('http://127.0.0.1:4308');
    expect(originOf('not a url')).toBeUndefined();
  });
});

describe('pageDefaults', () => {
  it('theme: explicit, then the docs framework, then a single color-scheme, else auto', () => {
    expect(pageDefaults({}).theme).toBe('auto');
    expect(pageDefaults({ colorScheme: 'light dark' }).theme).toBe('auto');
    expect(pageDefaults({ colorScheme: 'normal' }).theme).toBe('auto');
    expect(pageDefaults({ colorScheme: 'light' }).theme).toBe('light');
    expect(pageDefaults({ colorScheme: 'only dark' }).theme).toBe('dark');
    expect(pageDefaults({ colorScheme: 'light', mkdocsScheme: 'slate' }).theme).toBe('dark');
    expect(pageDefaults({ mkdocsScheme: 'slate', siteTheme: 'light' }).theme).toBe('light');
    expect(pageDefaults({ siteTheme: 'dark', explicitTheme: 'light' }).theme).toBe('light');
    expect(pageDefaults({ siteTheme: 'sepia', colorScheme: 'dark' }).theme).toBe('dark');
  });

  it('language: data-sockscope-lang, then the page lang, normalised; junk is dropped', () => {
    expect(pageDefaults({ documentLang: 'zh-cn' }).lang).toBe('zh-CN');
    expect(pageDefaults({ documentLang: 'zh-CN', explicitLang: 'en' }).lang).toBe('en');
    expect(pageDefaults({ documentLang: '' }).lang).toBeUndefined();
    expect(pageDefaults({ documentLang: 'x"><script>' }).lang).toBeUndefined();
    expect(normaliseLang('zh_hant_tw')).toBe('zh-Hant-TW');
  });
});
