/**
 * The words of the lab kit's shared components, in the message catalogs (ids `app.kit.*`; each
 * lab keeps its own words in its folder). `useKitWords()` gives them in the page's language;
 * `kitWords(locale)` outside React (URL issues carry a `Msg` as well as the English text).
 * A component takes them as props with these as defaults, so a lab can say something of its own.
 */
import { useLocale } from '../i18n/locale.ts';
import { defineMessages, formatMsg, msg } from '../../core/i18n/index.ts';
import type { Locale, Msg, MsgValue } from '../../core/i18n/index.ts';
import { lazyWords } from '../i18n/lazy-words.ts';

export const KIT = defineMessages({
  previousStep: {
    id: 'app.kit.step.previous',
    defaultMessage: '← Previous step',
    description: 'Button: select the previous step of a trace.',
  },
  nextStep: {
    id: 'app.kit.step.next',
    defaultMessage: 'Next step →',
    description: 'Button: select the next step of a trace.',
  },
  stepOf: {
    id: 'app.kit.step.of',
    defaultMessage: 'Step {i, number} of {n, number}',
    description: 'Between the previous/next buttons: which step is selected.',
  },
  stepThrough: {
    id: 'app.kit.step.through',
    defaultMessage: 'Step through the trace',
    description: 'Accessible name of the previous/next button group.',
  },
  kernelSteps: {
    id: 'app.kit.step.list',
    defaultMessage: 'Kernel steps',
    description: 'Accessible name of a lab’s list of kernel steps.',
  },
  sourceOf: {
    id: 'app.kit.step.source',
    defaultMessage: '(source of <code>{fn}</code> on elixir.bootlin.com)',
    description: 'Screen-reader text after a source file link: whose source it is.',
  },
  presets: {
    id: 'app.kit.presets',
    defaultMessage: 'Presets',
    description: 'Accessible name of a lab’s preset chips.',
  },
  inputs: {
    id: 'app.kit.inputs',
    defaultMessage: 'Inputs',
    description: 'Accessible name of a lab’s inputs column.',
  },
  dismiss: {
    id: 'app.kit.banner.dismiss',
    defaultMessage: 'Dismiss',
    description: 'Button: close the issues banner.',
  },
  bannerModel: {
    id: 'app.kit.banner.model',
    defaultMessage: 'The model stopped on this input; showing the last good result.',
    description: 'Banner title when the model itself failed (a bug, never bad input).',
  },
  bannerStale: {
    id: 'app.kit.banner.stale',
    defaultMessage:
      '{n, plural, one {One input needs} other {# inputs need}} fixing — showing the last good result.',
    description: 'Banner title: some inputs do not parse, the last good result stays on show.',
  },
  bannerUrl: {
    id: 'app.kit.banner.url',
    defaultMessage:
      '{n, plural, one {A URL parameter was} other {# URL parameters were}} not used — showing the last good state.',
    description: 'Banner title: some URL parameters were not used.',
  },
  unknownParam: {
    id: 'app.kit.url.unknown',
    defaultMessage: 'is not a parameter of this lab; it was left out of the URL.',
    description: 'After a URL parameter name (shown as foo=) the lab does not have.',
  },
  moreUnknown: {
    id: 'app.kit.url.moreUnknown',
    defaultMessage: 'and {n, number} more parameters this lab does not have were left out.',
    description: 'After the first few unknown URL parameters: how many more.',
  },
  badStep: {
    id: 'app.kit.url.badStep',
    defaultMessage: '<code>step={text}</code> is not a step number (they count from 1); showing {fallback}.',
    description:
      'A bad step= in the URL; {fallback} says which step is shown instead (e.g. “the first step”).',
  },
  firstStep: {
    id: 'app.kit.url.firstStep',
    defaultMessage: 'the first step',
    description: 'The {fallback} of app.kit.url.badStep for most labs.',
  },
  lastStep: {
    id: 'app.kit.url.lastStep',
    defaultMessage: 'the last step',
    description: 'The {fallback} of app.kit.url.badStep for labs that open at their last step.',
  },
  labLoading: {
    id: 'app.kit.loading',
    defaultMessage: 'Loading the lab…',
    description: 'Status while a lab’s code loads.',
  },
  urlFailed: {
    id: 'app.kit.url.failed',
    defaultMessage: 'The URL could not be read ({why}); showing the last good state.',
    description: 'A bug in a lab’s URL reader; {why} is the error’s text as thrown (English).',
  },
});

/** The kit's words in one language: text for labels and attributes, functions for sentences with values. */
export interface KitWords {
  previousStep: string;
  nextStep: string;
  stepOf: (i: number, n: number) => string;
  stepThrough: string;
  kernelSteps: string;
  sourceOf: (fn: string) => string;
  presets: string;
  inputs: string;
  dismiss: string;
  bannerModel: string;
  bannerStale: (n: number) => string;
  bannerUrl: (n: number) => string;
  unknownParam: string;
  moreUnknown: (n: number) => string;
  badStep: (text: string, fallback: MsgValue) => string;
  labLoading: string;
  urlFailed: (why: string) => string;
}

const cache = new Map<Locale, KitWords>();

/** The kit's words in `locale` (kernel identifiers as plain text: these go into labels and attributes). */
export function kitWords(locale: Locale): KitWords {
  const hit = cache.get(locale);
  if (hit) return hit;
  const t = (d: { id: string }, values?: Record<string, MsgValue>) => formatMsg(msg(d, values), locale);
  const w: KitWords = {
    previousStep: t(KIT.previousStep),
    nextStep: t(KIT.nextStep),
    stepOf: (i, n) => t(KIT.stepOf, { i, n }),
    stepThrough: t(KIT.stepThrough),
    kernelSteps: t(KIT.kernelSteps),
    sourceOf: (fn) => t(KIT.sourceOf, { fn }),
    presets: t(KIT.presets),
    inputs: t(KIT.inputs),
    dismiss: t(KIT.dismiss),
    bannerModel: t(KIT.bannerModel),
    bannerStale: (n) => t(KIT.bannerStale, { n }),
    bannerUrl: (n) => t(KIT.bannerUrl, { n }),
    unknownParam: t(KIT.unknownParam),
    moreUnknown: (n) => t(KIT.moreUnknown, { n }),
    badStep: (text, fallback) => t(KIT.badStep, { text, fallback }),
    labLoading: t(KIT.labLoading),
    urlFailed: (why) => t(KIT.urlFailed, { why }),
  };
  cache.set(locale, w);
  return w;
}

/** The kit's words in English (what code outside React and the English tests read). */
export const KIT_WORDS: KitWords = lazyWords(() => kitWords('en'));

/** The kit's words in the page's language. */
export function useKitWords(): KitWords {
  return kitWords(useLocale());
}

/** The messages behind the URL issues (the banner renders them in the page's language). */
export const kitMsg = {
  unknownParam: (): Msg => msg(KIT.unknownParam),
  moreUnknown: (n: number): Msg => msg(KIT.moreUnknown, { n }),
  badStep: (text: string, fallback: MsgValue): Msg => msg(KIT.badStep, { text, fallback }),
  urlFailed: (why: string): Msg => msg(KIT.urlFailed, { why }),
};
