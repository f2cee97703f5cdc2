/**
 * core/i18n — words as data: messages (`Msg`: an id and values) that the core returns, the
 * catalogs that render them in English and 简体中文 (ICU MessageFormat through FormatJS), the
 * choice of language, and the normalisation of what a person types with a Chinese IME.
 * See core/i18n/README.md for how to add and translate a message.
 */
export { defineMessages } from '@formatjs/intl';
export {
  msg,
  msgOptional,
  isMsg,
  type Msg,
  type MsgValue,
  type Text,
  type MessageDescriptor,
} from './msg.ts';
export {
  LOCALES,
  DEFAULT_LOCALE,
  parseLocale,
  matchLocale,
  pickLocale,
  type Locale,
  type LocaleSources,
} from './locale.ts';
export {
  formatMsg,
  formatMsgParts,
  joinParts,
  renderText,
  renderTextParts,
  addTextFields,
  type CodeStyle,
  type FormatOptions,
  type TextPart,
} from './format.ts';
export {
  CATALOGS,
  hasCatalog,
  hasCatalogPart,
  loadCatalog,
  loadCatalogPart,
  type Catalog,
} from './catalogs.ts';
export { normalizeInput, MAX_INPUT } from './input.ts';
