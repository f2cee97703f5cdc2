import { IntlProvider } from 'react-intl';
import type { ReactNode } from 'react';
import { CATALOGS } from '../../core/i18n/index.ts';
import { useLocale } from './locale.ts';

/**
 * react-intl over the app, with the catalogs the core renders from (the same ids and ICU text).
 * In the browser build only the page's language is loaded (core/i18n/catalogs-lazy.ts); the
 * locale store changes language only once its catalog is here (./locale.ts).
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const locale = useLocale();
  return (
    <IntlProvider locale={locale} messages={CATALOGS[locale]} defaultLocale="en" textComponent="span">
      {children}
    </IntlProvider>
  );
}
