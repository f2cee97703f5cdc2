/**
 * The message catalogs: id → ICU MessageFormat. en.json is extracted from the code
 * (`npm run i18n:extract`); zh-CN.json holds the same ids, translated.
 *
 * This module holds both, loaded with the code: what the CLI, the tests and the capture worker
 * use. The browser build swaps in ./catalogs-lazy.ts instead (vite.config.ts, issue 17), which
 * has the same exports and fetches one language's messages, in parts, as the page needs them.
 */
import en from './locales/en.json' with { type: 'json' };
import zhCN from './locales/zh-CN.json' with { type: 'json' };
import type { Locale } from './locale.ts';

/**
 * One language's messages, as ICU text. (The browser build's catalogs-lazy.ts holds each one
 * compiled to its ICU AST, which FormatJS formats without a parser: see vite.config.ts.)
 */
export type Catalog = Readonly<Record<string, string>>;

export const CATALOGS: Readonly<Record<Locale, Catalog>> = { en, 'zh-CN': zhCN };

/** Whether `locale`'s messages can be rendered now (here: always). */
export function hasCatalog(locale: Locale): boolean {
  return Object.hasOwn(CATALOGS, locale);
}

/** Whether a part of `locale`'s messages is here (./catalogs-lazy.ts; here: always). */
export function hasCatalogPart(locale: Locale, part: string): boolean {
  void part;
  return hasCatalog(locale);
}

/** The page needs a part of the catalogs (./catalogs-lazy.ts); here every part is loaded. */
export function loadCatalogPart(part: string): Promise<void> {
  void part;
  return Promise.resolve();
}

/** Resolves once `locale`'s messages can be rendered (here: at once). */
export function loadCatalog(locale: Locale): Promise<void> {
  void locale;
  return Promise.resolve();
}
