/**
 * A running count of drops and counters while a pipeline runs. Pipelines add to a Tally at the
 * kernel step that frees or counts; `tallyResult` turns it into the oracle's shapes.
 */
import { counterOrder } from './counters.ts';
import { SNMP_SECTIONS, type DropReason, type MibResult, type SnmpDelta, type SnmpSection } from './types.ts';

export interface Tally {
  /** `reason\u0000function` → count. */
  drops: Map<string, number>;
  /** `section\u0000counter` → delta. */
  counters: Map<string, number>;
}

export function newTally(): Tally {
  return { drops: new Map(), counters: new Map() };
}

const SEP = '\u0000';

/** kfree_skb_reason(skb, SKB_DROP_REASON_<reason>) in `fn`, `n` skbs. */
export function countDrop(t: Tally, reason: string, fn: string, n = 1): void {
  if (n <= 0) return;
  const k = reason + SEP + fn;
  t.drops.set(k, (t.drops.get(k) ?? 0) + n);
}

/** A MIB counter moves by `n` (SNMP_INC_STATS / SNMP_ADD_STATS). */
export function countMib(t: Tally, section: SnmpSection, counter: string, n = 1): void {
  if (n === 0) return;
  const k = section + SEP + counter;
  t.counters.set(k, (t.counters.get(k) ?? 0) + n);
}

/** Add `from` into `into`, `times` times (a repeated send moves the same counters each time). */
export function mergeTally(into: Tally, from: Tally, times = 1): void {
  if (times <= 0) return;
  for (const [k, n] of from.drops) into.drops.set(k, (into.drops.get(k) ?? 0) + n * times);
  for (const [k, n] of from.counters) into.counters.set(k, (into.counters.get(k) ?? 0) + n * times);
}

/** The drops of one step, for its trace entry. */
export function dropList(t: Tally): DropReason[] {
  return sortDrops(
    [...t.drops].map(([k, count]) => {
      const [reason, fn] = k.split(SEP) as [string, string];
      return { reason, function: fn, count };
    }),
  );
}

/** Sorted as the oracle sorts them: by reason, then by function (plain code-unit order). */
export function sortDrops(d: DropReason[]): DropReason[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return d.filter((x) => x.count > 0).sort((a, b) => cmp(a.reason, b.reason) || cmp(a.function, b.function));
}

/** The oracle's two fields: sorted drops, and the counters that moved by section in file order. */
export function tallyResult(t: Tally): MibResult {
  const delta: SnmpDelta = {};
  const bySection = new Map<string, [string, number][]>();
  for (const [k, n] of t.counters) {
    if (!n) continue;
    const [section, counter] = k.split(SEP) as [string, string];
    const list = bySection.get(section) ?? [];
    list.push([counter, n]);
    bySection.set(section, list);
  }
  for (const s of SNMP_SECTIONS) {
    const list = bySection.get(s);
    if (!list) continue;
    list.sort((a, b) => counterOrder(s, a[0]) - counterOrder(s, b[0]) || (a[0] < b[0] ? -1 : 1));
    delta[s] = Object.fromEntries(list);
  }
  return { drop_reasons: dropList(t), snmp_delta: delta };
}

/** Sum of one counter (0 when it never moved). */
export function counterValue(t: Tally, section: SnmpSection, counter: string): number {
  return t.counters.get(section + SEP + counter) ?? 0;
}

/** Total skbs dropped (every reason, every function). */
export function dropTotal(t: Tally): number {
  let n = 0;
  for (const v of t.drops.values()) n += v;
  return n;
}

/** A tally holding what a MibResult says (to add a finished pipeline's counts into another). */
export function tallyFrom(m: MibResult): Tally {
  const t = newTally();
  for (const d of m.drop_reasons) countDrop(t, d.reason, d.function, d.count);
  for (const [section, counters] of Object.entries(m.snmp_delta))
    for (const [counter, n] of Object.entries(counters ?? {}))
      countMib(t, section as SnmpSection, counter, n);
  return t;
}
