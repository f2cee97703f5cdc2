import { useMemo, type ReactNode } from 'react';
import { createIntl, createIntlCache, RawIntlProvider } from 'react-intl';
import { CATALOGS, formatByIdentity } from '../../core/i18n/index.ts';
import { useLocale } from './locale.ts';

/** One FormatJS cache for the page (number and date formatters, compiled messages). */
const cache = createIntlCache();

/**
 * react-intl over the app, with the catalogs the core renders from (the same ids and ICU text).
 * In the browser build only the page's language is loaded (core/i18n/catalogs-lazy.ts); the
 * locale store changes language only once its catalog is here (./locale.ts). The intl is made
 * here rather than by react-intl's IntlProvider so that its message formatters are found by the
 * message itself, not by serialising its AST on every call (core/i18n/message-formats.ts).
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const locale = useLocale();
  const messages = CATALOGS[locale];
  const intl = useMemo(
    () =>
      formatByIdentity(createIntl({ locale, messages, defaultLocale: 'en', textComponent: 'span' }, cache)),
    [locale, messages],
  );
  return <RawIntlProvider value={intl}>{children}</RawIntlProvider>;
}
