/**
 * The page's language: `lang=en|zh-CN` in the address (hash query, or the page's own query, like
 * `embed`), else the reader's last choice (localStorage), else `navigator.languages` — the order
 * core's pickLocale implements. Switching writes the choice to storage and to the hash query, so
 * Copy link, the embed code and a reload keep it; the lab's state is untouched (only `lang=` changes).
 */
import { create } from 'zustand';
import { DEFAULT_LOCALE, hasCatalog, loadCatalog, matchLocale, pickLocale } from '../../core/i18n/index.ts';
import type { Locale } from '../../core/i18n/index.ts';

export const LANG_PARAM = 'lang';
export const STORAGE_KEY = 'sockscope:lang';

function split(href: string): { search: string; query: string } {
  const h = href.indexOf('#');
  const before = h < 0 ? href : href.slice(0, h);
  const hash = h < 0 ? '' : href.slice(h + 1);
  const s = before.indexOf('?');
  const q = hash.indexOf('?');
  return { search: s < 0 ? '' : before.slice(s + 1), query: q < 0 ? '' : hash.slice(q + 1) };
}

/** The `lang=` an address carries (the hash query wins over the page's query), or null. */
export function langOfHref(href: string): string | null {
  const p = split(href);
  return new URLSearchParams(p.query).get(LANG_PARAM) ?? new URLSearchParams(p.search).get(LANG_PARAM);
}

/** The hash `#/lab?…` with `lang=<locale>` set (replacing any), every other parameter as written. */
export function hashWithLang(hash: string, locale: Locale): string {
  const h = hash.replace(/^#/, '');
  const q = h.indexOf('?');
  const path = q < 0 ? h : h.slice(0, q);
  const rest = (q < 0 ? '' : h.slice(q + 1))
    .split('&')
    .filter((kv) => kv !== '' && kv.split('=')[0] !== LANG_PARAM);
  return `#${path}?${[...rest, `${LANG_PARAM}=${locale}`].join('&')}`;
}

function readStored(win: Window): string | null {
  try {
    return win.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage blocked (privacy mode, sandboxed iframe)
  }
}

/** The language the page starts in. */
export function initialLocale(win: Window = window): Locale {
  return pickLocale({
    url: langOfHref(win.location.href),
    stored: readStored(win),
    navigatorLanguages: win.navigator.languages,
  });
}

interface LocaleState {
  locale: Locale;
}

export const useLocaleStore = create<LocaleState>(() => ({ locale: DEFAULT_LOCALE }));

export const useLocale = (): Locale => useLocaleStore((s) => s.locale);

/** The language asked for last (it may still be loading). */
let wanted: Locale | null = null;
/** Settles when the language asked for last can be rendered (or failed to load). */
let ready: Promise<void> = Promise.resolve();

/**
 * Show `locale`: at once when its catalog is here, else once it has been fetched (the browser
 * build loads one language at a time), so the page never shows ids or half its words in the other
 * language; the page stays in its current language meanwhile. A fetch that fails leaves it there.
 */
function apply(locale: Locale, win: Window): void {
  wanted = locale;
  const show = () => {
    if (wanted !== locale) return; // another language was asked for meanwhile
    win.document.documentElement.lang = locale;
    if (useLocaleStore.getState().locale !== locale) useLocaleStore.setState({ locale });
  };
  if (hasCatalog(locale)) {
    show();
    ready = Promise.resolve();
  } else
    ready = loadCatalog(locale).then(show, () => {
      // Offline, say: stay in the language on show, fetching it if even that one is not here.
      const current = useLocaleStore.getState().locale;
      return hasCatalog(current) ? undefined : loadCatalog(current).catch(() => {});
    });
}

/** Resolves once the language asked for last is on show (or could not be loaded): render after it. */
export function localeReady(): Promise<void> {
  return ready;
}

/** The reader picks a language: remembered, written into the address, applied. */
export function switchLocale(locale: Locale, win: Window = window): void {
  try {
    win.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // storage blocked: the URL still carries the choice
  }
  const hash = hashWithLang(win.location.hash || '#/', locale);
  if (win.location.hash !== hash) win.history.replaceState(win.history.state, '', hash);
  apply(locale, win);
}

/** Choose the start language and follow `lang=` when the address changes (a pasted link, back). */
export function startLocale(win: Window = window): () => void {
  apply(initialLocale(win), win);
  const onHash = () => {
    const l = matchLocale(langOfHref(win.location.href));
    if (l) apply(l, win);
  };
  win.addEventListener('hashchange', onHash);
  return () => win.removeEventListener('hashchange', onHash);
}
