/**
 * The words of the Counters panel and the drop badges, in one place so a message catalog can take
 * them over. Kernel identifiers (reasons, functions, nstat names) are never translated.
 */
import { num } from '../../format.ts';

export const DROPS_WORDS = {
  title: 'Counters and drops',
  countersCaption: 'SNMP counters that moved (as nstat names them)',
  counterCol: 'Counter',
  deltaCol: 'Change',
  meaningCol: 'What it counts',
  noCounters: 'No counter moved.',
  dropsHeading: 'Drops (skb:kfree_skb)',
  noDrops: 'Nothing was dropped.',
  dropCount: (n: number) => `${num(n)} ×`,
  freedBy: 'freed by',
  sourceOf: (fn: string) => ` (source of ${fn} on elixir.bootlin.com)`,
  unknownCounter: 'a counter the model does not describe',
  badge: 'drop',
  droppedHere: 'Dropped here',
  flushHere: 'The send failed: the skbs already queued were flushed',
  stepDrops: 'Dropped at this step',
  dropsWhere: 'Where the drops happen',
  atStep: (i: number, fn: string, at: number) => `step ${num(i + 1)} (${fn}, t = ${num(at)} ms)`,
  badgeLabel: (reason: string, n: number) => `Drop here: ${num(n)} × ${reason}`,
  delta: (n: number) => `${n > 0 ? '+' : ''}${num(n)}`,
};

export type DropsWords = typeof DROPS_WORDS;
