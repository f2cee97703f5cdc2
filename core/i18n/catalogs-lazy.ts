/**
 * The browser build's catalogs (vite.config.ts resolves ./catalogs.ts to this module): the same
 * exports as ./catalogs.ts, but a page fetches only its language, in parts (issue 17,
 * core/i18n/tools/catalog-parts.ts): the `base` part (shell, kit, core, glossary names, lab names)
 * when the language is first shown; a lab's words (`lab.<lab>`: its own and the core's it alone
 * uses) with the lab's code; the home and capture pages' and the capture export's (`page.<name>`)
 * with theirs; challenge mode's (`challenge`, the kit's panel, and `challenge.<lab>`, a lab's
 * questions) with its code, when it is first turned on; the glossary's explanations when a term's
 * popover first opens. The page renders a language only once its parts are here (app/main.tsx,
 * app/i18n/locale.ts, lazyLab's load, Term, ChallengeRoot), so no message is ever shown as its id
 * or in the wrong language.
 */
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Locale } from './locale.ts';

export type { Catalog } from './catalogs.ts';

/** One language's messages, each compiled to its ICU AST. */
export type CompiledCatalog = Readonly<Record<string, MessageFormatElement[]>>;

// Each message compiled to its ICU AST at build time (vite.config.ts): no parser at run time.
const en: Record<string, MessageFormatElement[]> = {};
const zhCN: Record<string, MessageFormatElement[]> = {};

/** Filled in place as parts arrive: renderers keep the object they were given. */
export const CATALOGS: Readonly<Record<Locale, CompiledCatalog>> = { en, 'zh-CN': zhCN };

type Loader = () => Promise<{ default: Record<string, MessageFormatElement[]> }>;
// One chunk per language and part: virtual modules cut from locales/*.json at build time
// (vite.config.ts, lazyCatalogs). Written out so the bundler sees each dynamic import.
const LOADERS: Record<Locale, Record<string, Loader>> = {
  en: {
    base: () => import('virtual:sockscope-catalog/en/base'),
    'lab.socket': () => import('virtual:sockscope-catalog/en/lab.socket'),
    'lab.netlink': () => import('virtual:sockscope-catalog/en/lab.netlink'),
    'lab.skb': () => import('virtual:sockscope-catalog/en/lab.skb'),
    'lab.fragment': () => import('virtual:sockscope-catalog/en/lab.fragment'),
    'lab.reassemble': () => import('virtual:sockscope-catalog/en/lab.reassemble'),
    'lab.journey': () => import('virtual:sockscope-catalog/en/lab.journey'),
    glossary: () => import('virtual:sockscope-catalog/en/glossary'),
    'page.home': () => import('virtual:sockscope-catalog/en/page.home'),
    'page.capture': () => import('virtual:sockscope-catalog/en/page.capture'),
    'page.export': () => import('virtual:sockscope-catalog/en/page.export'),
    challenge: () => import('virtual:sockscope-catalog/en/challenge'),
    'challenge.socket': () => import('virtual:sockscope-catalog/en/challenge.socket'),
    'challenge.netlink': () => import('virtual:sockscope-catalog/en/challenge.netlink'),
    'challenge.skb': () => import('virtual:sockscope-catalog/en/challenge.skb'),
    'challenge.fragment': () => import('virtual:sockscope-catalog/en/challenge.fragment'),
    'challenge.reassemble': () => import('virtual:sockscope-catalog/en/challenge.reassemble'),
    'challenge.journey': () => import('virtual:sockscope-catalog/en/challenge.journey'),
  },
  'zh-CN': {
    base: () => import('virtual:sockscope-catalog/zh-CN/base'),
    'lab.socket': () => import('virtual:sockscope-catalog/zh-CN/lab.socket'),
    'lab.netlink': () => import('virtual:sockscope-catalog/zh-CN/lab.netlink'),
    'lab.skb': () => import('virtual:sockscope-catalog/zh-CN/lab.skb'),
    'lab.fragment': () => import('virtual:sockscope-catalog/zh-CN/lab.fragment'),
    'lab.reassemble': () => import('virtual:sockscope-catalog/zh-CN/lab.reassemble'),
    'lab.journey': () => import('virtual:sockscope-catalog/zh-CN/lab.journey'),
    glossary: () => import('virtual:sockscope-catalog/zh-CN/glossary'),
    'page.home': () => import('virtual:sockscope-catalog/zh-CN/page.home'),
    'page.capture': () => import('virtual:sockscope-catalog/zh-CN/page.capture'),
    'page.export': () => import('virtual:sockscope-catalog/zh-CN/page.export'),
    challenge: () => import('virtual:sockscope-catalog/zh-CN/challenge'),
    'challenge.socket': () => import('virtual:sockscope-catalog/zh-CN/challenge.socket'),
    'challenge.netlink': () => import('virtual:sockscope-catalog/zh-CN/challenge.netlink'),
    'challenge.skb': () => import('virtual:sockscope-catalog/zh-CN/challenge.skb'),
    'challenge.fragment': () => import('virtual:sockscope-catalog/zh-CN/challenge.fragment'),
    'challenge.reassemble': () => import('virtual:sockscope-catalog/zh-CN/challenge.reassemble'),
    'challenge.journey': () => import('virtual:sockscope-catalog/zh-CN/challenge.journey'),
  },
};

/** Parts the page needs in every language it shows (base, and each lab shown so far). */
const needed = new Set<string>(['base']);
/** Languages shown or being loaded: a newly needed part is fetched in each. */
const languages = new Set<Locale>();
const loaded = new Set<string>();
const loading = new Map<string, Promise<void>>();

function fetchPart(locale: Locale, part: string): Promise<void> {
  const key = `${locale}/${part}`;
  if (loaded.has(key)) return Promise.resolve();
  let p = loading.get(key);
  if (!p) {
    const load = LOADERS[locale][part];
    p = (load ? load() : Promise.resolve({ default: {} })).then(
      (m) => {
        Object.assign(locale === 'en' ? en : zhCN, m.default);
        loaded.add(key);
        loading.delete(key);
      },
      (e: unknown) => {
        loading.delete(key);
        throw e;
      },
    );
    loading.set(key, p);
  }
  return p;
}

/** Whether `locale`'s messages, every part the page needs, can be rendered now. */
export function hasCatalog(locale: Locale): boolean {
  for (const part of needed) if (!loaded.has(`${locale}/${part}`)) return false;
  return true;
}

/** Whether `part` of `locale`'s messages is here (a part the page fetches on demand, e.g. `glossary`). */
export function hasCatalogPart(locale: Locale, part: string): boolean {
  return loaded.has(`${locale}/${part}`);
}

/** Fetches every part the page needs in `locale` (once each; a failed fetch may be retried). */
export function loadCatalog(locale: Locale): Promise<void> {
  languages.add(locale);
  return Promise.all([...needed].map((part) => fetchPart(locale, part))).then(() => {});
}

/**
 * The page needs `part` from now on: fetched in every language it shows or is loading; resolves
 * when every part it needs is here in those languages.
 */
export function loadCatalogPart(part: string): Promise<void> {
  needed.add(part);
  return Promise.all([...languages].flatMap((l) => [...needed].map((p) => fetchPart(l, p)))).then(() => {});
}
