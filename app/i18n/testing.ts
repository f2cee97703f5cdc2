/**
 * Test helpers for what the page shows in each language (imported by tests only).
 */
import { CATALOGS, type Locale } from '../../core/i18n/index.ts';

/**
 * A catalog message as plain text: its tags dropped (`<code>ip_defrag</code>` → `ip_defrag`) and
 * each simple `{name}` argument replaced by `values[name]` (empty when not given).
 */
export const catalogText = (locale: Locale, id: string, values: Record<string, string> = {}): string =>
  (CATALOGS[locale][id] ?? '')
    .replace(/<\/?code>/g, '')
    .replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
