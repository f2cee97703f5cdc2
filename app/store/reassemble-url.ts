/**
 * The Reassembly lab's state as a hash query:
 *
 *   #/reassemble?len=2992&family=inet&frags=0:1480:1,1480:1480:1,2960:40:0&order=2,0,1
 *
 * - `len`: the UDP payload length the sender sent (the datagram is len + 8 bytes); `mtu`: the MTU
 *   the cards were cut at (written when not 1500); `family=inet|inet6`.
 * - `frags`: the cards, as `sockscope reassemble --frags` takes them: `offset:length:mf`, then
 *   optionally `:other` (the same range with different bytes) and `:idN` (an IP id of its own).
 *   Without `frags`, the cards are cut from len, mtu and family as the sender cuts them
 *   (`#/reassemble?len=65507&mtu=68` is the 1,365-fragment worst case).
 * - `order`: arrival order as indexes into `frags` (one left out is lost, one repeated arrives
 *   twice); always written, so `order=` (empty) means nothing arrives.
 * - `at`: arrival times in ms, one per arrival (empty = with the previous one), written when any is set;
 *   `until`: watch the clock until this time (ms); `source=remote`: the fragments come from another
 *   host (ip_expire may then send ICMP).
 * - `step=N`: the selected trace step, counting from 1 like the step list; omitted for the outcome.
 *
 * Card values are kept as typed, so a bad one reaches its card and is reported there. An order or
 * time list that cannot be read is reported and replaced by every card once, in order.
 */
import { DEFAULT_MTU, DEFAULT_REASSEMBLE_FIELDS, blankCard, cutFragments } from './reassemble-slice.ts';
import type { ArrivalSlot, FragCard, ReassembleFields, ReassembleIssue } from './reassemble-slice.ts';
import type { LabUrlAdapter } from './url-sync.ts';

export interface ReassembleUrlState {
  fields: ReassembleFields;
  step: number | null;
  /** Problems with parameters that have no field of their own (order, at, step). */
  issues: ReassembleIssue[];
}

/** `0:1480:1:other:id7` → a card; parts that mean nothing are kept in `extra`. */
export function parseCard(item: string): FragCard {
  const [offset = '', length = '', mf = '', ...rest] = item.split(':');
  const card = blankCard({ offset, length, mf });
  const extra: string[] = [];
  for (const r of rest) {
    if (r === 'other' || r === 'same') card.fill = r;
    else if (/^id\d*$/.test(r)) card.id = r.slice(2);
    else extra.push(r);
  }
  card.extra = extra.join(':');
  return card;
}

export function serialiseCard(c: FragCard): string {
  const parts = [c.offset, c.length, c.mf];
  if (c.fill !== 'same') parts.push(c.fill);
  if (c.id !== '') parts.push(`id${c.id}`);
  if (c.extra !== '') parts.push(c.extra);
  return parts.join(':');
}

/** Parse the query part of `#/reassemble?...` (without the `?`). Missing parameters take defaults. */
export function parseReassembleQuery(query: string): ReassembleUrlState {
  const q = new URLSearchParams(query);
  const d = DEFAULT_REASSEMBLE_FIELDS;
  const issues: ReassembleIssue[] = [];
  const fields: ReassembleFields = {
    len: q.get('len') ?? d.len,
    mtu: q.get('mtu') ?? d.mtu,
    family: q.get('family') ?? d.family,
    source: q.get('source') ?? d.source,
    until: q.get('until') ?? d.until,
    frags: d.frags,
    arrivals: d.arrivals,
  };
  const fragsText = q.get('frags');
  let ownCards = fragsText !== null;
  if (fragsText !== null) fields.frags = fragsText === '' ? [] : fragsText.split(',').map(parseCard);
  else if (q.has('len') || q.has('mtu') || q.has('family')) {
    // A datagram without cards: cut it. One that cannot be cut keeps the default cards, and the bad
    // length, MTU or family is reported on its own field.
    const cut = cutFragments(fields.len, fields.mtu, fields.family);
    if (cut.ok) {
      fields.frags = cut.frags;
      ownCards = true;
    }
  }
  const everyCard = (): ArrivalSlot[] => fields.frags.map((_, i) => ({ frag: i, at: '' }));

  const order = q.get('order');
  if (order === null) fields.arrivals = ownCards ? everyCard() : d.arrivals;
  else if (order.trim() === '') fields.arrivals = [];
  else if (!/^\s*\d+(\s*,\s*\d+)*\s*$/.test(order)) {
    issues.push({
      field: 'order',
      message: `order=${order} is not a list of fragment numbers (from 0, e.g. 2,0,1); every fragment arrives once, in order.`,
    });
    fields.arrivals = everyCard();
  } else {
    const idx = order.split(',').map((s) => Number(s.trim()));
    const bad = idx.find((i) => i >= fields.frags.length);
    if (bad !== undefined) {
      issues.push({
        field: 'order',
        message: `order= names fragment ${bad}, but there ${fields.frags.length === 1 ? 'is 1 fragment' : `are ${fields.frags.length} fragments`} (numbered from 0); every fragment arrives once, in order.`,
      });
      fields.arrivals = everyCard();
    } else fields.arrivals = idx.map((frag) => ({ frag, at: '' }));
  }

  const at = q.get('at');
  if (at !== null && at !== '') {
    const times = at.split(',').map((s) => s.trim());
    if (times.length !== fields.arrivals.length)
      issues.push({
        field: 'at',
        message: `at= gives ${times.length} time${times.length === 1 ? '' : 's'} for ${fields.arrivals.length} arrival${fields.arrivals.length === 1 ? '' : 's'}; the times were left out.`,
      });
    else fields.arrivals = fields.arrivals.map((a, k) => ({ ...a, at: times[k] ?? '' }));
  }

  let step: number | null = null;
  const s = q.get('step');
  if (s !== null) {
    if (/^\d+$/.test(s.trim()) && Number(s.trim()) >= 1) step = Number(s.trim()) - 1;
    else
      issues.push({
        field: 'step',
        message: `step=${s} is not a step number (they count from 1); showing the outcome.`,
      });
  }
  return { fields, step, issues };
}

/** Commas and colons stay readable in the lists (frags=0:1480:1,1480:1480:1): they are legal in a fragment. */
const enc = (v: string) => encodeURIComponent(v).replace(/%2C/gi, ',').replace(/%3A/gi, ':');

/** The canonical query: the datagram, the cards and their order, then what is not default. */
export function serialiseReassembleQuery(f: ReassembleFields, step: number | null): string {
  const parts: [string, string][] = [['len', f.len]];
  if (f.mtu !== DEFAULT_MTU) parts.push(['mtu', f.mtu]);
  parts.push(['family', f.family]);
  parts.push(['frags', f.frags.map(serialiseCard).join(',')]);
  parts.push(['order', f.arrivals.map((a) => a.frag).join(',')]);
  if (f.arrivals.some((a) => a.at !== '')) parts.push(['at', f.arrivals.map((a) => a.at).join(',')]);
  if (f.until !== '') parts.push(['until', f.until]);
  if (f.source !== 'self') parts.push(['source', f.source]);
  if (step !== null) parts.push(['step', String(step + 1)]);
  return parts.map(([k, v]) => `${k}=${enc(v)}`).join('&');
}

/** How the Reassembly lab plugs into URL sync (registered in url-adapters.ts). */
export const reassembleUrl: LabUrlAdapter = {
  path: 'reassemble',
  write: (s) => serialiseReassembleQuery(s.reassemble.fields, s.reassemble.step),
  read: (store, query) => {
    const p = parseReassembleQuery(query);
    store.getState().reassemble.load(p.fields, p.step, p.issues);
  },
  changed: (s, prev) =>
    s.reassemble.fields !== prev.reassemble.fields || s.reassemble.step !== prev.reassemble.step,
};
