import { useId } from 'react';
import { useIntl } from 'react-intl';
import { defineMessages } from '../../core/i18n/index.ts';
import { LOCALES } from '../../core/i18n/index.ts';
import type { Locale } from '../../core/i18n/index.ts';
import { switchLocale, useLocale } from './locale.ts';

const M = defineMessages({
  label: { id: 'app.lang.label', defaultMessage: 'Language', description: 'Label of the language switch.' },
});

/** Each language named in itself, as language menus do (never translated). */
const NATIVE: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

/** The language switch: a labelled native select (keyboard-operable as it is). */
export function LanguageSwitch({ className = 'lang-switch' }: { className?: string }) {
  const intl = useIntl();
  const locale = useLocale();
  const id = useId();
  return (
    <span className={className}>
      <label htmlFor={id}>{intl.formatMessage(M.label)}</label>
      <select
        id={id}
        value={locale}
        onChange={(e) => {
          const l = LOCALES.find((x) => x === e.target.value);
          if (l) switchLocale(l);
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {NATIVE[l]}
          </option>
        ))}
      </select>
    </span>
  );
}
