/**
 * A running count of drops and counters while a pipeline runs. Pipelines add to a Tally at the
 * kernel step that frees or counts; `tallyResult` turns it into the oracle's shapes.
 *
 * A send moves a dozen counters and reports them once: a tally is two short packed arrays
 * (registry index, delta), the registry keeps every counter's place in its file, and the report
 * orders the dozen by that place — no maps, no keys split, so counting stays cheap next to the
 * pipeline it counts for.
 */
import { counterOrder, knownCounters } from './counters.ts';
import { SNMP_SECTIONS, type DropReason, type MibResult, type SnmpDelta, type SnmpSection } from './types.ts';

export interface Tally {
  /** reason → function → count. */
  drops: Record<string, Record<string, number>>;
  /** The registry index of each counter counted so far (see counterIndex), in the order first counted… */
  ids: number[];
  /** …and its delta. */
  vals: number[];
}

interface Registered {
  section: SnmpSection;
  counter: string;
}
const REGISTRY: Registered[] = [];
const INDEX: { [S in SnmpSection]?: Record<string, number> } = {};
/** rank[i]: registry index i's place in file order (sections as the oracle lists them, counters as their file does). */
let rank: number[] | null = null;
/**
 * The last few id sequences and their file order: a pipeline moves the same counters in the same
 * order each run (a counter registered later sorts among the others without reordering them, so
 * these stay valid).
 */
const ORDERS: { ids: number[]; order: number[] }[] = [];

/** The registry index of a counter (registered on first use). */
function counterIndex(section: SnmpSection, counter: string): number {
  const s = (INDEX[section] ??= {});
  let i = s[counter];
  if (i === undefined) {
    i = REGISTRY.length;
    REGISTRY.push({ section, counter });
    s[counter] = i;
    rank = null;
  }
  return i;
}
for (const s of SNMP_SECTIONS) for (const c of knownCounters(s)) counterIndex(s, c);

function ranks(): number[] {
  if (rank) return rank;
  const sec = (x: SnmpSection) => SNMP_SECTIONS.indexOf(x);
  const order = REGISTRY.map((_, i) => i).sort((a, b) => {
    const x = REGISTRY[a] as Registered;
    const y = REGISTRY[b] as Registered;
    return (
      sec(x.section) - sec(y.section) ||
      counterOrder(x.section, x.counter) - counterOrder(y.section, y.counter) ||
      (x.counter < y.counter ? -1 : x.counter > y.counter ? 1 : 0)
    );
  });
  const r = new Array<number>(order.length).fill(0);
  order.forEach((i, pos) => (r[i] = pos));
  rank = r;
  return r;
}

/** Positions of `ids` in file order (a dozen at most: insertion sort), remembered per sequence. */
function orderOf(ids: readonly number[]): number[] {
  search: for (const o of ORDERS) {
    if (o.ids.length !== ids.length) continue;
    for (let k = 0; k < ids.length; k++) if (o.ids[k] !== ids[k]) continue search;
    return o.order;
  }
  const r = ranks();
  const order: number[] = [];
  for (let k = 0; k < ids.length; k++) {
    const rk = r[ids[k] as number] as number;
    let at = order.length;
    while (at > 0 && (r[ids[order[at - 1] as number] as number] as number) > rk) at--;
    order.splice(at, 0, k);
  }
  if (ORDERS.length >= 16) ORDERS.pop();
  ORDERS.unshift({ ids: ids.slice(), order });
  return order;
}

export function newTally(): Tally {
  return { drops: {}, ids: [], vals: [] };
}

function add(t: Tally, i: number, n: number): void {
  const k = t.ids.indexOf(i);
  if (k < 0) {
    t.ids.push(i);
    t.vals.push(n);
  } else t.vals[k] = (t.vals[k] as number) + n;
}

/** kfree_skb_reason(skb, SKB_DROP_REASON_<reason>) in `fn`, `n` skbs. */
export function countDrop(t: Tally, reason: string, fn: string, n = 1): void {
  if (n <= 0) return;
  const m = (t.drops[reason] ??= {});
  m[fn] = (m[fn] ?? 0) + n;
}

/** A MIB counter moves by `n` (SNMP_INC_STATS / SNMP_ADD_STATS). */
export function countMib(t: Tally, section: SnmpSection, counter: string, n = 1): void {
  if (n !== 0) add(t, counterIndex(section, counter), n);
}

/** A counter's id, for countMibId: a caller counting the same counter per packet looks it up once. */
export const counterId = (section: SnmpSection, counter: string): number => counterIndex(section, counter);

/** countMib by the id counterId gave (no look-up by name). */
export function countMibId(t: Tally, id: number, n = 1): void {
  if (n !== 0) add(t, id, n);
}

/** Add `from` into `into`, `times` times (a repeated send moves the same counters each time). */
export function mergeTally(into: Tally, from: Tally, times = 1): void {
  if (times <= 0) return;
  for (const r in from.drops) {
    const m = from.drops[r] ?? {};
    for (const f in m) countDrop(into, r, f, (m[f] ?? 0) * times);
  }
  for (let k = 0; k < from.ids.length; k++)
    add(into, from.ids[k] as number, (from.vals[k] as number) * times);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Sorted as the oracle sorts them: by reason, then by function (plain code-unit order). */
export function sortDrops(d: DropReason[]): DropReason[] {
  return d.filter((x) => x.count > 0).sort((a, b) => cmp(a.reason, b.reason) || cmp(a.function, b.function));
}

/** The drops of one or more tallies together, sorted by reason, then by function. */
export function dropList(...ts: Tally[]): DropReason[] {
  const sum: Record<string, Record<string, number>> = {};
  for (const t of ts)
    for (const r in t.drops) {
      const m = t.drops[r] ?? {};
      const into = (sum[r] ??= {});
      for (const f in m) into[f] = (into[f] ?? 0) + (m[f] ?? 0);
    }
  const out: DropReason[] = [];
  for (const reason in sum) {
    const m = sum[reason] ?? {};
    for (const fn in m) out.push({ reason, function: fn, count: m[fn] ?? 0 });
  }
  return sortDrops(out);
}

/**
 * The oracle's two fields for one or more tallies added together: sorted drops, and the
 * counters that moved, non-zero only, by section and counter in file order.
 */
export function tallyResult(...ts: Tally[]): MibResult {
  let sum: Tally;
  if (ts.length === 1) sum = ts[0] as Tally;
  else {
    sum = newTally();
    for (const t of ts)
      for (let k = 0; k < t.ids.length; k++) add(sum, t.ids[k] as number, t.vals[k] as number);
  }
  const { ids, vals } = sum;
  const order = orderOf(ids);
  const delta: SnmpDelta = {};
  let section: SnmpSection | null = null;
  let into: Record<string, number> = {};
  for (let j = 0; j < order.length; j++) {
    const k = order[j] as number;
    const n = vals[k] as number;
    if (!n) continue;
    const reg = REGISTRY[ids[k] as number] as Registered;
    if (reg.section !== section) {
      section = reg.section;
      into = delta[section] ??= {};
    }
    into[reg.counter] = n;
  }
  let drops = false;
  for (const t of ts) for (const _ in t.drops) drops = true;
  return { drop_reasons: drops ? dropList(...ts) : [], snmp_delta: delta };
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
