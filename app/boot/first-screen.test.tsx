import { readFileSync } from 'node:fs';
import { act } from 'preact/test-utils';
import { createRoot } from 'react-dom/client';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { App } from '../App.tsx';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { langOfHref, STORAGE_KEY, useLocaleStore } from '../i18n/locale.ts';
import { catalogText } from '../i18n/testing.ts';
import { DEFAULT_LAB, LABS } from '../labs/index.ts';
import { LOCALES, pickLocale } from '../../core/i18n/index.ts';
import type { Locale } from '../../core/i18n/index.ts';
import { bootCss, bootMarkup } from '../../vite/first-screen.ts';
import { firstScreen, firstScreens, markupOf, withoutIds } from './first-screen.tsx';
import { keepShownFirstScreen, shownFirstScreen } from './shown.ts';
import { dropFirstScreen, introKeysOf, setIntroValues } from '../lab-kit/LabLoading.tsx';

const THEME_JS = readFileSync('public/theme.js', 'utf8');
const root = document.documentElement;

/** `#root` as the page's app draws it on `#/<path>` in `locale` while the lab's code loads. */
/** Labs the app was shown on: it starts fetching their code, which must be in before the file ends. */
const shown = new Set<string>();

function appWhileLoading(path: string, locale: Locale): string {
  shown.add(path);
  window.location.hash = `#/${path}`;
  useLocaleStore.setState({ locale });
  const el = document.createElement('div');
  const r = createRoot(el);
  act(() => {
    r.render(
      <I18nProvider>
        <App labs={LABS.map((l) => l.instantiate())} defaultPath={DEFAULT_LAB} />
      </I18nProvider>,
    );
  });
  const html = markupOf(el);
  r.unmount();
  return html;
}

const text = catalogText;

afterEach(() => {
  window.location.hash = '';
  useLocaleStore.setState({ locale: 'en' });
});

// The app fetches a shown lab's code (and its view's chunk) as it renders its loading screen:
// let those imports finish while the test environment is still here.
afterAll(() => Promise.allSettled(LABS.filter((l) => shown.has(l.path)).map((l) => l.load())), 120_000);

describe('the first screens index.html carries (vite/first-screen.ts)', () => {
  it.each(LABS.flatMap((l) => LOCALES.map((locale) => [l.path, locale] as const)))(
    '#/%s in %s: the markup the app draws while the lab’s code loads, to the character',
    (path, locale) => {
      const screen = firstScreen(path, locale);
      expect(screen.html).toBe(appWhileLoading(path, locale));
      const el = document.createElement('div');
      el.innerHTML = screen.html;
      // Its intro, in its language: the eyebrow, the title and the opening paragraph.
      expect(el.querySelector('.lab-intro .eyebrow')?.textContent).toBe(
        text(locale, `lab.${path}.intro.eyebrow`),
      );
      expect(el.querySelector('.lab-intro h1')?.textContent).toBe(text(locale, `lab.${path}.title`));
      const values: Record<string, string> = path === 'reassemble' ? { fn: 'ip_defrag' } : {};
      expect(el.querySelector('.lab-intro .lede')?.textContent).toBe(
        text(locale, `lab.${path}.intro.lede`, values),
      );
      expect(el.querySelector('.lab-loading')).not.toBeNull();
      // The language switch shows the page's language (a select's choice is written as markup).
      expect(el.querySelector('select option[selected]')?.getAttribute('value')).toBe(locale);
      expect(el.querySelector('[aria-current="page"]')?.getAttribute('href')).toBe(`#/${path}`);
    },
    20_000,
  );

  it('an intro that reads its whole address cannot be drawn from the HTML: the build stops', () => {
    setIntroValues('test-whole-query', (q) => ({ all: q.toString() }));
    expect(() => introKeysOf('test-whole-query')).toThrow(/reads its address by toString/);
    setIntroValues('test-keys', (q) => ({ a: q.get('a') ?? '', b: String(q.has('b')) }));
    expect(introKeysOf('test-keys')).toEqual({ keys: ['a', 'b'], values: { a: '', b: 'false' } });
  });

  it('names the address keys a lab’s intro reads: the Reassembly lab’s family', () => {
    const all = firstScreens();
    expect(all).toHaveLength(LABS.length * LOCALES.length);
    for (const s of all) expect(s.introKeys).toEqual(s.path === 'reassemble' ? ['family'] : []);
    // No ids: index.html carries them all beside the app's own (`#main`, the language select's).
    for (const s of all) {
      expect(firstScreen(s.path, s.locale).html).toMatch(/ id="main"/);
      expect(s.html).not.toMatch(/ (id|for|aria-controls)="/);
      expect(s.html).toBe(withoutIds(firstScreen(s.path, s.locale).html));
    }
  });
});

/** Run theme.js on an address, as the page does before its first paint. */
function boot(url: string, opts: { stored?: string; languages?: string[] } = {}) {
  window.history.replaceState(null, '', url);
  localStorage.clear();
  if (opts.stored) localStorage.setItem(STORAGE_KEY, opts.stored);
  Object.defineProperty(window.navigator, 'languages', {
    value: opts.languages ?? ['en-US'],
    configurable: true,
  });
  for (const k of ['boot', 'bootKeys', 'lang', 'theme', 'bg']) delete root.dataset[k];
  root.lang = 'en';
  new Function(THEME_JS)();
  return {
    boot: root.dataset.boot ?? null,
    keys: root.dataset.bootKeys ?? null,
    lang: root.dataset.lang,
    htmlLang: root.lang,
  };
}

describe('theme.js picks the address’s first screen before the first paint', () => {
  afterEach(() => {
    window.history.replaceState(null, '', '/');
    localStorage.clear();
    for (const k of ['boot', 'bootKeys', 'lang', 'theme', 'bg']) delete root.dataset[k];
    root.lang = 'en';
  });

  it('the route is the hash’s path (parseHash), the language pickLocale’s, none in an embed', () => {
    expect(boot('/#/fragment?len=4000')).toEqual({
      boot: 'fragment en',
      keys: 'len',
      lang: 'en',
      htmlLang: 'en',
    });
    expect(boot('/#//reassemble/?family=inet6&lang=zh-CN')).toEqual({
      boot: 'reassemble zh-CN',
      keys: 'family lang',
      lang: 'zh-CN',
      htmlLang: 'zh-CN',
    });
    expect(boot('/#/skb', { stored: 'zh-CN' }).boot).toBe('skb zh-CN');
    expect(boot('/#/skb', { languages: ['zh-TW', 'en'] }).boot).toBe('skb en');
    expect(boot('/?lang=zh-CN#/socket').boot).toBe('socket zh-CN');
    expect(boot('/#/socket?embed=1').boot).toBeNull();
    expect(boot('/?embed=1#/socket').boot).toBeNull();
    expect(boot('/#/socket?embed=0').boot).toBe('socket en');
    expect(boot('/').boot).toBe(' en'); // the home page: no screen of its own (the CSS shows none)
  });

  it.each<[string, { stored?: string; languages?: string[] }]>([
    ['/#/fragment?lang=zh-cn', { stored: 'en' }],
    ['/#/fragment?lang=zh-TW', { stored: 'zh-CN' }],
    ['/#/fragment?lang=fr', { languages: ['zh-SG'] }],
    ['/#/fragment', { stored: 'garbage', languages: ['zh-Hant-TW', 'zh'] }],
    ['/#/fragment', { languages: ['zh_CN.UTF-8'] }],
    ['/#/fragment', { languages: ['zh-HK', 'zh-MO', 'fr-FR', 'EN-gb'] }],
    ['/#/fragment', { languages: ['ZH-tw', 'zh-SG'] }],
    ['/#/fragment', { languages: ['zh-Hans-HK'] }],
    ['/#/fragment', { languages: ['yue', 'zh-x-1', 'en-US-x-y'] }],
    ['/#/fragment', { languages: ['de', 'zh'] }],
    ['/?lang=zh-CN#/fragment?lang=en', {}],
    ['/?lang=zh-CN#/fragment?lang=', { languages: ['zh'] }],
  ])('%s %j: the language the app starts in', (url, opts) => {
    const got = boot(url, opts);
    expect(got.lang).toBe(
      pickLocale({
        url: langOfHref(window.location.href),
        stored: opts.stored ?? null,
        navigatorLanguages: opts.languages ?? ['en-US'],
      }),
    );
  });
});

describe('the style sheet shows the one screen <html data-boot> names', () => {
  const screens = [
    { path: 'fragment', locale: 'en', html: '<p class="x">f en</p>', introKeys: [] },
    { path: 'fragment', locale: 'zh-CN', html: '<p class="x">f zh</p>', introKeys: [] },
    { path: 'reassemble', locale: 'en', html: '<p class="x">r en</p>', introKeys: ['family'] },
  ];
  let style: HTMLStyleElement | null = null;
  afterEach(() => {
    style?.remove();
    document.getElementById('boot')?.remove();
    delete root.dataset.boot;
    delete root.dataset.bootKeys;
  });
  const shown = (key: string, keys = '') => {
    style ??= document.head.appendChild(document.createElement('style'));
    style.textContent = bootCss(screens);
    document.getElementById('boot')?.remove();
    document.body.insertAdjacentHTML('afterbegin', bootMarkup(screens));
    root.dataset.boot = key;
    root.dataset.bootKeys = keys;
    return [...document.querySelectorAll('#boot > [data-boot]')]
      .filter((e) => getComputedStyle(e).display !== 'none')
      .map((e) => e.textContent);
  };

  it('one screen, or none', () => {
    expect(shown('fragment en')).toEqual(['f en']);
    expect(shown('fragment zh-CN', 'len mtu')).toEqual(['f zh']);
    expect(shown('reassemble en', 'len')).toEqual(['r en']);
    expect(shown('reassemble en', 'len family')).toEqual([]); // its intro reads family=
    expect(shown('journey en')).toEqual([]);
    expect(shown(' en')).toEqual([]);
    expect(shownFirstScreen(document)).toBeNull();
    shown('fragment zh-CN');
    expect(shownFirstScreen(document)).toBe('fragment');
    // Out of the accessibility tree, inert, in its own language.
    const boot = document.getElementById('boot')!;
    expect(boot).toHaveAttribute('aria-hidden', 'true');
    expect(boot).toHaveAttribute('inert');
    expect(boot.querySelector('[data-boot="fragment zh-CN"]')).toHaveAttribute('lang', 'zh-CN');
    expect(keepShownFirstScreen(document)).toBe('fragment');
    expect([...boot.children].map((c) => c.textContent)).toEqual(['f zh']);
    dropFirstScreen();
    expect(document.getElementById('boot')).toBeNull();
    shown('reassemble en', 'family');
    expect(keepShownFirstScreen(document)).toBeNull();
    expect(document.getElementById('boot')).toBeNull();
  });
});
