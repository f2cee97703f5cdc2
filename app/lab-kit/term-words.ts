/**
 * The words of the glossary popover (`Term`), in the message catalogs (ids `app.kit.term.*`).
 * The entries' own words (plain, detail, name) are core/glossary's messages.
 */
import { useLocale } from '../i18n/locale.ts';
import { defineMessages, formatMsg, msg } from '../../core/i18n/index.ts';
import type { Locale } from '../../core/i18n/index.ts';

export const TERM = defineMessages({
  kernel: {
    id: 'app.kit.term.kernel',
    defaultMessage: 'In the kernel',
    description: 'Glossary popover: heading before the kernel detail of a term.',
  },
  source: {
    id: 'app.kit.term.source',
    defaultMessage: 'Source',
    description:
      'Glossary popover: label before the links to the term’s kernel source on elixir.bootlin.com.',
  },
  newTab: {
    id: 'app.kit.term.newTab',
    defaultMessage: '(opens in a new tab)',
    description: 'Screen-reader text after a link that opens in a new tab.',
  },
  related: {
    id: 'app.kit.term.related',
    defaultMessage: 'Related',
    description: 'Glossary popover: label before the buttons that show related terms.',
  },
  close: {
    id: 'app.kit.term.close',
    defaultMessage: 'Close',
    description: 'Glossary popover: accessible name of its close button (×).',
  },
  inPicture: {
    id: 'app.kit.term.inPicture',
    defaultMessage: 'Terms in the picture:',
    description:
      'Label before a row of glossary terms under a diagram (SVG text cannot open a popover; this row does).',
  },
  region: {
    id: 'app.kit.term.region',
    defaultMessage: 'Glossary: {term}',
    description: 'Accessible name of a glossary popover; {term} is the kernel term, never translated.',
  },
});

/** The popover's words in one language. */
export interface TermWords {
  kernel: string;
  source: string;
  newTab: string;
  related: string;
  close: string;
  inPicture: string;
  region: (term: string) => string;
}

const cache = new Map<Locale, TermWords>();

/** The popover's words in `locale`. */
export function termWords(locale: Locale): TermWords {
  const hit = cache.get(locale);
  if (hit) return hit;
  const t = (d: { id: string }) => formatMsg(msg(d), locale);
  const w: TermWords = {
    kernel: t(TERM.kernel),
    source: t(TERM.source),
    newTab: t(TERM.newTab),
    related: t(TERM.related),
    close: t(TERM.close),
    inPicture: t(TERM.inPicture),
    region: (term) => formatMsg(msg(TERM.region, { term }), locale),
  };
  cache.set(locale, w);
  return w;
}

/** The popover's words in the page's language. */
export const useTermWords = (): TermWords => termWords(useLocale());
