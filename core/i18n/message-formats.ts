/**
 * FormatJS keeps one compiled formatter per message, memoised under `JSON.stringify` of the
 * arguments it was built from: the message, the locale, the formats and the options. The page's
 * catalogs hold precompiled ICU ASTs (catalogs-lazy.ts), so every `formatMessage` serialised the
 * message's whole AST (and the formats) only to find the formatter it already had: half the cost
 * of a call in Node (11 → 5 µs warm), and in the browser a tenth of an edit's frame in the
 * Fragmentation lab (`serializerDefault`, 3 ms of 20 ms in a Chromium profile).
 *
 * `formatByIdentity` puts a cache keyed by the message object itself in front of FormatJS's own
 * `getMessageFormat` (the formatter is built by FormatJS as before, once per message): an AST
 * message formatted again in the same locale with the same formats and no extra options gets the
 * same formatter without serialising anything. Text messages (the Node catalogs) and any other
 * call go to FormatJS unchanged. It changes `intl.formatters` in place, which every bound
 * `formatMessage` of that intl reads at call time (@formatjs/intl and react-intl alike).
 */
import type { Formatters } from '@formatjs/intl';

type GetMessageFormat = Formatters['getMessageFormat'];
type MessageFormat = ReturnType<GetMessageFormat>;

interface Entry {
  locales: unknown;
  formats: unknown;
  mf: MessageFormat;
}

/** The options formatMessage passes when its caller gave none: `{ formatters }` and nothing else. */
function onlyFormatters(opts: unknown, formatters: Formatters): boolean {
  if (typeof opts !== 'object' || opts === null) return false;
  let n = 0;
  for (const k in opts) {
    if (k !== 'formatters' || ++n > 1) return false;
  }
  return n === 1 && (opts as { formatters?: unknown }).formatters === formatters;
}

/** `intl` with its message formatters cached by message identity (see above); returns `intl`. */
export function formatByIdentity<T extends { formatters: Formatters }>(intl: T): T {
  const formatters = intl.formatters;
  const stock: GetMessageFormat = formatters.getMessageFormat;
  const seen = new WeakMap<object, Entry>();
  const byIdentity = (...args: Parameters<GetMessageFormat>): MessageFormat => {
    const [message, locales, formats, opts] = args;
    if (typeof message !== 'object' || message === null || !onlyFormatters(opts, formatters))
      return stock(...args);
    const e = seen.get(message);
    if (e !== undefined && e.locales === locales && e.formats === formats) return e.mf;
    const mf = stock(...args);
    seen.set(message, { locales, formats, mf });
    return mf;
  };
  formatters.getMessageFormat = byIdentity as GetMessageFormat;
  return intl;
}
