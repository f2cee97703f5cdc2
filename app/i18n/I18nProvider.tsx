import { IntlProvider } from 'react-intl';
import type { ReactNode } from 'react';
import { CATALOGS } from '../../core/i18n/index.ts';
import { useLocale } from './locale.ts';

/**
 * react-intl over the app, with the catalogs the core renders from (the same ids and ICU text).
 * Both catalogs are in the bundle: the core's renderer (formatMsgParts, also used by the CLI)
 * imports them statically, so a dynamic import here would not make the page lighter.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const locale = useLocale();
  return (
    <IntlProvider locale={locale} messages={CATALOGS[locale]} defaultLocale="en" textComponent="span">
      {children}
    </IntlProvider>
  );
}
