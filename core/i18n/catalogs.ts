/**
 * The message catalogs: id → ICU MessageFormat. en.json is extracted from the code
 * (`npm run i18n:extract`); zh-CN.json holds the same ids, translated.
 */
import en from './locales/en.json' with { type: 'json' };
import zhCN from './locales/zh-CN.json' with { type: 'json' };
import type { Locale } from './locale.ts';

export type Catalog = Readonly<Record<string, string>>;

export const CATALOGS: Readonly<Record<Locale, Catalog>> = { en, 'zh-CN': zhCN };
