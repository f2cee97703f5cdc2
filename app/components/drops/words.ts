/**
 * The words of the Counters panel and the drop badges, in the message catalogs (ids
 * `app.drops.*`): `useDropsWords()` in the page's language, `DROPS_WORDS` in English. Kernel
 * identifiers (reasons, functions, nstat names) are never translated.
 */
import { useLocale } from '../../i18n/locale.ts';
import { defineMessages, formatMsg, msg } from '../../../core/i18n/index.ts';
import type { Locale, Msg, MsgValue } from '../../../core/i18n/index.ts';
import { counterMsg, dropFunctionMsg, dropReasonMsg } from '../../../core/drops/index.ts';
import type { SnmpSection } from '../../../core/drops/index.ts';
import { lazyWords } from '../../i18n/lazy-words.ts';

const M = defineMessages({
  title: { id: 'app.drops.title', defaultMessage: 'Counters and drops', description: 'Panel title.' },
  countersCaption: {
    id: 'app.drops.countersCaption',
    defaultMessage: 'SNMP counters that moved (as nstat names them)',
    description: 'Caption of the counters table.',
  },
  counterCol: { id: 'app.drops.col.counter', defaultMessage: 'Counter', description: 'Column heading.' },
  deltaCol: {
    id: 'app.drops.col.delta',
    defaultMessage: 'Change',
    description: 'Column heading: by how much.',
  },
  meaningCol: {
    id: 'app.drops.col.meaning',
    defaultMessage: 'What it counts',
    description: 'Column heading: what the counter counts.',
  },
  noCounters: {
    id: 'app.drops.noCounters',
    defaultMessage: 'No counter moved.',
    description: 'Empty table.',
  },
  dropsHeading: {
    id: 'app.drops.heading',
    defaultMessage: 'Drops (<code>skb:kfree_skb</code>)',
    description: 'Heading of the list of drops (the tracepoint that reports them).',
  },
  noDrops: { id: 'app.drops.none', defaultMessage: 'Nothing was dropped.', description: 'Empty drop list.' },
  dropCount: {
    id: 'app.drops.count',
    defaultMessage: '{n, number} ×',
    description: 'How many skbs, before a reason.',
  },
  freedBy: {
    id: 'app.drops.freedBy',
    defaultMessage: 'freed by',
    description: 'Between a drop reason and the function that freed the skb.',
  },
  sourceOf: {
    id: 'app.drops.source',
    defaultMessage: '(source of <code>{fn}</code> on elixir.bootlin.com)',
    description: 'Screen-reader text after a source link.',
  },
  unknownCounter: {
    id: 'app.drops.unknownCounter',
    defaultMessage: 'a counter the model does not describe',
    description: 'Meaning of a counter without a description.',
  },
  badge: { id: 'app.drops.badge', defaultMessage: 'drop', description: 'Short badge word.' },
  droppedHere: { id: 'app.drops.here', defaultMessage: 'Dropped here', description: 'Label of a drop note.' },
  flushHere: {
    id: 'app.drops.flush',
    defaultMessage: 'The send failed: the skbs already queued were flushed',
    description: 'Label of a drop note where a failed send flushes its queue.',
  },
  stepDrops: {
    id: 'app.drops.step',
    defaultMessage: 'Dropped at this step',
    description: 'Label of a drop note.',
  },
  dropsWhere: {
    id: 'app.drops.where',
    defaultMessage: 'Where the drops happen',
    description: 'Heading of the steps that drop.',
  },
  atStep: {
    id: 'app.drops.atStep',
    defaultMessage: 'step {i, number} (<code>{fn}</code>, t = {at, number} ms)',
    description: 'A step that drops: its number, function and time.',
  },
  whyBoth: {
    id: 'app.drops.whyBoth',
    defaultMessage: ': {how} ({what}).',
    description: 'After a drop: what the freeing function did, then what the reason means.',
  },
  whyOne: {
    id: 'app.drops.whyOne',
    defaultMessage: ': {text}.',
    description: 'After a drop: what the reason (or the freeing function) means.',
  },
  badgeLabel: {
    id: 'app.drops.badgeLabel',
    defaultMessage: 'Drop here: {n, number} × <code>{reason}</code>',
    description: 'Screen-reader text of a drop badge.',
  },
});

export interface DropsWords {
  title: string;
  countersCaption: string;
  counterCol: string;
  deltaCol: string;
  meaningCol: string;
  noCounters: string;
  dropsHeading: string;
  noDrops: string;
  dropCount: (n: number) => string;
  freedBy: string;
  sourceOf: (fn: string) => string;
  unknownCounter: string;
  badge: string;
  droppedHere: string;
  flushHere: string;
  stepDrops: string;
  dropsWhere: string;
  atStep: (i: number, fn: string, at: number) => string;
  badgeLabel: (reason: string, n: number) => string;
  delta: (n: number) => string;
  /** The sentence after a drop: what the function did and what the reason means, punctuated. */
  why: (how: string | null, what: string | null) => string;
  /** SKB_DROP_REASON_<reason> in plain words (null: not described). */
  reasonText: (reason: string) => string | null;
  /** What the freeing function was doing (null: nothing to add). */
  functionText: (fn: string) => string | null;
  /** What a counter counts (null: not described). */
  counterText: (section: SnmpSection, counter: string) => string | null;
}

const cache = new Map<Locale, DropsWords>();

const maybe = (m: Msg | null, locale: Locale): string | null => (m ? formatMsg(m, locale) : null);

/** The panel's words in `locale` (kernel identifiers as plain text). */
export function dropsWords(locale: Locale): DropsWords {
  const hit = cache.get(locale);
  if (hit) return hit;
  const t = (d: { id: string }, values?: Record<string, MsgValue>) => formatMsg(msg(d, values), locale);
  const n = new Intl.NumberFormat(locale);
  const w: DropsWords = {
    title: t(M.title),
    countersCaption: t(M.countersCaption),
    counterCol: t(M.counterCol),
    deltaCol: t(M.deltaCol),
    meaningCol: t(M.meaningCol),
    noCounters: t(M.noCounters),
    dropsHeading: t(M.dropsHeading),
    noDrops: t(M.noDrops),
    dropCount: (c) => t(M.dropCount, { n: c }),
    freedBy: t(M.freedBy),
    sourceOf: (fn) => ` ${t(M.sourceOf, { fn })}`,
    unknownCounter: t(M.unknownCounter),
    badge: t(M.badge),
    droppedHere: t(M.droppedHere),
    flushHere: t(M.flushHere),
    stepDrops: t(M.stepDrops),
    dropsWhere: t(M.dropsWhere),
    atStep: (i, fn, at) => t(M.atStep, { i: i + 1, fn, at }),
    badgeLabel: (reason, c) => t(M.badgeLabel, { reason, n: c }),
    // a signed number: no words, only the locale's digits grouping
    delta: (d) => `${d > 0 ? '+' : ''}${n.format(d)}`,
    why: (how, what) =>
      how && what ? t(M.whyBoth, { how, what }) : how || what ? t(M.whyOne, { text: how || what || '' }) : '',
    reasonText: (reason) => maybe(dropReasonMsg(reason), locale),
    functionText: (fn) => maybe(dropFunctionMsg(fn), locale),
    counterText: (section, counter) => maybe(counterMsg(section, counter), locale),
  };
  cache.set(locale, w);
  return w;
}

/** The panel's words in English. */
export const DROPS_WORDS: DropsWords = lazyWords(() => dropsWords('en'));

/** The panel's words in the page's language. */
export function useDropsWords(): DropsWords {
  return dropsWords(useLocale());
}
