/**
 * The two languages and how one is chosen: an explicit `lang=` (URL), else the reader's last
 * choice (stored), else the browser's language list, else English.
 */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Longest tag looked at (BCP 47 tags in practice stay far below this). */
const MAX_TAG = 64;
/** Most navigator languages looked at. */
const MAX_LANGUAGES = 32;

/** One of LOCALES exactly (any letter case), or null: what `--lang` and a stored choice accept. */
export function parseLocale(tag: unknown): Locale | null {
  if (typeof tag !== 'string') return null;
  const t = tag.trim().toLowerCase();
  return LOCALES.find((l) => l.toLowerCase() === t) ?? null;
}

/**
 * The locale a BCP 47 tag (or a POSIX one such as `zh_CN.UTF-8`) asks for, or null when we have
 * no good match. Any English is `en`. Chinese in Simplified script (`zh`, `zh-CN`, `zh-Hans`,
 * `zh-SG`, `zh-MY`…) is `zh-CN`. Chinese in Traditional script (`zh-TW`, `zh-HK`, `zh-MO`,
 * `zh-Hant`) is not matched: our Chinese is Simplified with mainland terms (套接字, 数据报, 首部),
 * which Taiwan and Hong Kong courses write differently (通訊端, 資料包, 標頭), so the next language
 * the reader lists is tried, then English; the switch in the header is one click away.
 */
export function matchLocale(tag: unknown): Locale | null {
  if (typeof tag !== 'string' || tag.length > MAX_TAG) return null;
  const t = tag.trim().split(/[.@]/)[0]!.replace(/_/g, '-');
  if (t === '') return null;
  let loc: Intl.Locale;
  try {
    loc = new Intl.Locale(t);
  } catch {
    return null;
  }
  if (loc.language === 'en') return 'en';
  if (loc.language !== 'zh') return null;
  let script = loc.script;
  if (!script) {
    try {
      script = loc.maximize().script;
    } catch {
      script = undefined;
    }
  }
  return script === 'Hant' ? null : 'zh-CN';
}

export interface LocaleSources {
  /** The `lang` query parameter, if any. */
  url?: unknown;
  /** The reader's last choice (localStorage), if any. */
  stored?: unknown;
  /** `navigator.languages`, most preferred first. */
  navigatorLanguages?: unknown;
}

/** The language to show: URL, else stored choice, else the first browser language we have, else English. */
export function pickLocale({ url, stored, navigatorLanguages }: LocaleSources = {}): Locale {
  const explicit = matchLocale(url) ?? matchLocale(stored);
  if (explicit) return explicit;
  if (Array.isArray(navigatorLanguages))
    for (const tag of navigatorLanguages.slice(0, MAX_LANGUAGES)) {
      const l = matchLocale(tag);
      if (l) return l;
    }
  return DEFAULT_LOCALE;
}
