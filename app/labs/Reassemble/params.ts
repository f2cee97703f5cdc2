/**
 * The Reassembly lab's inputs: the datagram and its fragment cards as typed (strings, so a bad value
 * can be shown, shared in a URL and corrected), cut by core/ip's send path as the Fragmentation lab
 * computes the wire (ipSendWire: ipSend up to the wire, without the loopback receiver), parsed
 * with the core's fragment-list grammar (core/params/frags.ts, which the CLI's `--frags` uses
 * too), and the lab's URL:
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
 *   to the microsecond (`0.011`), as a capture gives them (app/capture opens a captured group here);
 *   `until`: watch the clock until this time (ms); `source=remote`: the fragments come from another
 *   host (ip_expire may then send ICMP).
 * - `step=N`: the selected trace step, counting from 1 like the step list; omitted for the outcome.
 *
 * Card values are kept as typed, so a bad one reaches its card and is reported there. An order or
 * time list that cannot be read is reported and replaced by every card once, in order.
 */
import { fragmentsFromWire, validateDefragInput } from '../../../core/ip/defrag.ts';
import { ipSendWire } from '../../../core/ip/send-wire.ts';
import { DEFAULT_SEND_INPUT } from '../../../core/ip/types.ts';
import { LIMITS, validateSendInput } from '../../../core/ip/validate.ts';
import { RMEM_DEFAULT, SOCK_MIN_RCVBUF } from '../../../core/udp/rcvqueue.ts';
import type { DefragInput, FragmentSpec } from '../../../core/ip/defrag-types.ts';
import { echo, paramIssue } from '../../../core/params/param.ts';
import { FAMILIES } from '../../../core/params/send.ts';
import {
  DEFRAG_PARAMS,
  formatFragItem,
  fragItemOfSpec,
  fragItemSpec,
  parseIndexList,
  splitFragItem,
  splitFrags,
  splitTimes,
} from '../../../core/params/frags.ts';
import type { FragItemText, FragPart } from '../../../core/params/frags.ts';
import { encodeQuery, parseStep } from '../../lab-kit/index.ts';
import { defineMessages, msg, normalizeInput, renderText, type Msg } from '../../../core/i18n/index.ts';

const PW = defineMessages({
  cannotSend: {
    id: 'lab.reassemble.issue.cannotSend',
    defaultMessage: 'The sender cannot send this: <code>{fn}</code> returns -<code>{errno}</code> ({why}).',
    description: 'The fragments are cut by the send model; why is the send path’s reason.',
  },
});
import type { Issue, Parsed } from '../../lab-kit/index.ts';

/** An issue's English and its message, from one declaration. */
function own(d: { id: string }, values?: Record<string, string | number>): { message: string; msg: Msg } {
  const m = msg(d, values);
  return { message: renderText(m, 'en'), msg: m };
}

/** One fragment as typed on its card: a byte range of the UDP datagram (its 8-byte header included). */

/** The lab's own input issues, in the catalogs (the English `message` stays for tests and logs). */
const M = defineMessages({
  family: {
    id: 'lab.reassemble.issue.family',
    defaultMessage: 'Family must be inet (IPv4) or inet6 (IPv6).',
  },
  len: {
    id: 'lab.reassemble.issue.len',
    defaultMessage: 'The payload length is a whole number of bytes from 0 to {max}.',
    description: 'max: the largest, written with its thousands separator (65,535).',
  },
  mtu: {
    id: 'lab.reassemble.issue.mtu',
    defaultMessage: 'The MTU is a whole number of bytes from {min} to {max} for {family}.',
    description: 'min, max with thousands separators; family: IPv4 or IPv6.',
  },
  source: {
    id: 'lab.reassemble.issue.source',
    defaultMessage: 'The sender is self (this host, loopback) or remote (another host).',
  },
  until: {
    id: 'lab.reassemble.issue.until',
    defaultMessage:
      'A whole number of milliseconds from 0 to {max}, or empty (100 ms after the last arrival).',
    description: 'max: 2,147,483,647, written with its thousands separators.',
  },
  maxDist: {
    id: 'lab.reassemble.issue.maxDist',
    defaultMessage:
      '<code>ipfrag_max_dist</code> is a whole number of fragments from 0 (the check off) to {max}, or empty for 64.',
    description: 'max: 1,000,000, written with its thousands separators.',
  },
  rcvbuf: {
    id: 'lab.reassemble.issue.rcvbuf',
    defaultMessage:
      '<code>sk_rcvbuf</code> is a whole number of bytes from {min} to {max}, or empty for {dflt}.',
    description: 'min, max, dflt: written with their thousands separators (2,304; 2,147,483,647; 212,992).',
  },
  arrivalTime: {
    id: 'lab.reassemble.issue.arrivalTime',
    defaultMessage: 'The arrival time is in milliseconds, to the microsecond at most (or empty).',
  },
  arrivalMissing: {
    id: 'lab.reassemble.issue.arrivalMissing',
    defaultMessage: 'Arrival {k} names fragment {frag}, which does not exist.',
  },
  orderNotList: {
    id: 'lab.reassemble.issue.orderNotList',
    defaultMessage:
      'order={value} is not a list of fragment numbers (from 0, e.g. 2,0,1); every fragment arrives once, in order.',
  },
  orderOut: {
    id: 'lab.reassemble.issue.orderOut',
    defaultMessage:
      'order= names fragment {bad}, but there {n, plural, one {is # fragment} other {are # fragments}} (numbered from 0); every fragment arrives once, in order.',
  },
  atCount: {
    id: 'lab.reassemble.issue.atCount',
    defaultMessage:
      'at= gives {times, plural, one {# time} other {# times}} for {arrivals, plural, one {# arrival} other {# arrivals}}; the times were left out.',
  },
});

export type FragCard = FragItemText;

/** One arrival: which card arrives, and when ('' = with the previous one). */
export interface ArrivalSlot {
  frag: number;
  at: string;
}

export interface ReassembleFields {
  /** The UDP payload length the sender sent (the datagram is len + 8 bytes). */
  len: string;
  /** The MTU the cards were cut at (the Fragmentation lab's ipSend). */
  mtu: string;
  family: string;
  /** 'self' (loopback, as recorded) or 'remote' (another host: ip_expire may send ICMP). */
  source: string;
  /** Watch the clock until this time, ms ('' = 100 ms after the last arrival). */
  until: string;
  /** net.ipv4.ipfrag_max_dist ('' = the kernel's 64; 0 switches the too-far check off). */
  maxDist: string;
  /** sk_rcvbuf of the receiving socket ('' = net.core.rmem_default, 212,992). */
  rcvbuf: string;
  frags: readonly FragCard[];
  /** Arrival order: indexes into frags (a card left out is lost on the way; one listed twice arrives twice). */
  arrivals: readonly ArrivalSlot[];
}

export type CardField = FragPart;

/**
 * Where an issue shows: a datagram field, the arrival order, one card field (`frags.2.offset`), one
 * arrival's time (`arrivals.0.at`), or the URL's step.
 */
export type ReassembleIssueField =
  | 'len'
  | 'mtu'
  | 'family'
  | 'source'
  | 'until'
  | 'maxDist'
  | 'rcvbuf'
  | 'frags'
  | 'order'
  | 'at'
  | 'step'
  | `frags.${number}.${CardField}`
  | `arrivals.${number}.at`;

/** An issue of the form; its field is a ReassembleIssueField (or the kit's `url`). */
export type ReassembleIssue = Issue;

export { FAMILIES };
export const SOURCES = ['self', 'remote'] as const;
export const DEFAULT_MTU = '1500';

/** A number field as typed, read as ASCII (a Chinese IME's full-width ４０００ is 4000). */
const read = (s: string): string => normalizeInput(s).trim();
const whole = (s: string) => /^\d+$/.test(read(s));
/** A whole number from lo to hi, as typed (a 400-digit value is simply out of range). */
const wholeIn = (s: string, lo: number, hi: number) =>
  whole(s) && Number(read(s)) >= lo && Number(read(s)) <= hi;
/** Milliseconds to the microsecond, as a capture's times are (`0.011`). */
const millis = (s: string) => /^\d+(\.\d{1,3})?$/.test(read(s));
const grouped = (n: number) => n.toLocaleString('en-US');

/**
 * The limits of the lab's own fields, each said once, in the field's words (and the same as its
 * hint): the payload a UDP send can name (DEFRAG_PARAMS.len, the CLI's --len), the device MTU the
 * sender accepts (validateSendInput's LIMITS), the clock and the receiver's sysctls as
 * validateDefragInput takes them.
 */
export const FIELD_LIMITS = {
  len: { min: 0, max: DEFRAG_PARAMS.len.limits.max ?? 65535 },
  mtu: (family: string) => ({
    min: family === 'inet6' ? LIMITS.mtuMin6 : LIMITS.mtuMin4,
    max: LIMITS.mtuMax,
  }),
  until: { min: 0, max: 2 ** 31 - 1 },
  // validateDefragInput's bound (the sysctl itself takes any int; a million fragments is plenty).
  maxDist: { min: 0, max: 1_000_000 },
  rcvbuf: { min: SOCK_MIN_RCVBUF, max: 2 ** 31 - 1, dflt: RMEM_DEFAULT },
} as const;

/**
 * The datagram's fields, one issue at most for each: the sender's cut (cutFragments) and the form
 * (fieldsToDefragInput) ask the same questions and get the same answer, so a bad length is one
 * message with one range, wherever it is found.
 */
export function datagramIssues(len: string, mtu: string, family: string): ReassembleIssue[] {
  const issues: ReassembleIssue[] = [];
  if (!FAMILIES.some((x) => x === family)) issues.push({ field: 'family', ...own(M.family) });
  const L = FIELD_LIMITS.len;
  if (!wholeIn(len, L.min, L.max)) issues.push({ field: 'len', ...own(M.len, { max: grouped(L.max) }) });
  const m = FIELD_LIMITS.mtu(family);
  if (!wholeIn(mtu, m.min, m.max))
    issues.push({
      field: 'mtu',
      ...own(M.mtu, {
        min: grouped(m.min),
        max: grouped(m.max),
        family: family === 'inet6' ? 'IPv6' : 'IPv4',
      }),
    });
  return issues;
}

/** The receiver's optional fields (empty takes the kernel's default), one issue at most for each. */
function receiverIssues(f: ReassembleFields): ReassembleIssue[] {
  const issues: ReassembleIssue[] = [];
  const given = (s: string) => s.trim() !== '';
  const { until, maxDist, rcvbuf } = FIELD_LIMITS;
  if (given(f.until) && !wholeIn(f.until, until.min, until.max))
    issues.push({ field: 'until', ...own(M.until, { max: grouped(until.max) }) });
  if (given(f.maxDist) && !wholeIn(f.maxDist, maxDist.min, maxDist.max))
    issues.push({ field: 'maxDist', ...own(M.maxDist, { max: grouped(maxDist.max) }) });
  if (given(f.rcvbuf) && !wholeIn(f.rcvbuf, rcvbuf.min, rcvbuf.max))
    issues.push({
      field: 'rcvbuf',
      ...own(M.rcvbuf, { min: grouped(rcvbuf.min), max: grouped(rcvbuf.max), dflt: grouped(rcvbuf.dflt) }),
    });
  return issues;
}

/** One issue a field: the first said about it (the form's own check before the sender's or the model's). */
export function oneIssueEach<I extends { field: string; param?: string }>(issues: readonly I[]): I[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.field}:${i.param ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const blankCard = (patch: Partial<FragCard> = {}): FragCard => ({
  offset: '0',
  length: '8',
  mf: '1',
  fill: 'same',
  id: '',
  extra: '',
  ...patch,
});

/** A card as the sender cut it (ids left to the lab's default, shared by every card). */
const cardOf = (f: FragmentSpec): FragCard => fragItemOfSpec({ ...f, id: undefined } as FragmentSpec);

export type CutResult = { ok: true; frags: FragCard[] } | { ok: false; issues: ReassembleIssue[] };

/**
 * The cards a UDP send of `len` bytes at `mtu` puts on the wire: core/ip's ipSendWire (ipSend up
 * to the wire: the lab needs the fragments, not the sender's loopback receive), then
 * fragmentsFromWire. The ids are left to the lab's default (every fragment of one send shares one).
 */
export function cutFragments(len: string, mtu: string, family: string): CutResult {
  const issues = datagramIssues(len, mtu, family);
  const fam = FAMILIES.find((x) => x === family);
  if (issues.length || !fam) return { ok: false, issues };
  // The lab is about the receiver: the sender's 2 × sk_sndbuf check (which stops a 65,507-byte
  // send at MTU 68 after 512 skbs) is switched off so every fragment of the train becomes a card.
  const input = {
    ...DEFAULT_SEND_INPUT,
    family: fam,
    mtu: Number(read(mtu)),
    sends: [Number(read(len))],
    sndbufCheck: false,
  };
  const core = validateSendInput(input);
  if (core.length)
    return {
      ok: false,
      issues: oneIssueEach(
        core.map((i) => ({ field: i.field === 'mtu' ? 'mtu' : 'len', message: i.message, msg: i.msg })),
      ),
    };
  const sent = ipSendWire(input);
  if (!sent.ok)
    return {
      ok: false,
      issues: [
        {
          field: 'len',
          message: renderText(msg(PW.cannotSend, { fn: sent.fn, errno: sent.errno, why: sent.why }), 'en'),
          msg: msg(PW.cannotSend, { fn: sent.fn, errno: sent.errno, why: sent.why }),
        },
      ],
    };
  return { ok: true, frags: fragmentsFromWire(sent.wire).map(cardOf) };
}

const identity = (n: number): ArrivalSlot[] => Array.from({ length: n }, (_, i) => ({ frag: i, at: '' }));

function defaultFields(): ReassembleFields {
  const cut = cutFragments('2992', DEFAULT_MTU, 'inet');
  const frags = cut.ok ? cut.frags : [];
  return {
    len: '2992',
    mtu: DEFAULT_MTU,
    family: 'inet',
    source: 'self',
    until: '',
    maxDist: '',
    rcvbuf: '',
    frags,
    // The issue's example: the last fragment first, so the queue holds two runs before it completes.
    arrivals: frags.length === 3 ? [2, 0, 1].map((frag) => ({ frag, at: '' })) : identity(frags.length),
  };
}

/** The default lab: a 2,992-byte UDP payload cut at MTU 1500 (three fragments), arriving 2, 0, 1. */
export const DEFAULT_REASSEMBLE_FIELDS: ReassembleFields = defaultFields();

/** The same datagram re-cut (after a length, MTU or family change): every card arrives once, in order. */
export function withCut(fields: ReassembleFields, frags: FragCard[]): ReassembleFields {
  return { ...fields, frags, arrivals: identity(frags.length) };
}

/** Parse the form (cards through the core's fragment grammar), then ask the core whether it takes the input. */
export function fieldsToDefragInput(f: ReassembleFields): Parsed<DefragInput> {
  const issues: ReassembleIssue[] = datagramIssues(f.len, f.mtu, f.family);
  const family = FAMILIES.find((x) => x === f.family);
  if (f.frags.length === 0) {
    // As `--frags ''`: a fragment list holds at least one fragment (nothing is silently taken).
    const empty = paramIssue('frags', 'empty', {}, 'frags');
    issues.push({ field: 'frags', message: empty.message, msg: empty.msg });
  }
  const source = SOURCES.find((x) => x === f.source);
  if (!source) issues.push({ field: 'source', ...own(M.source) });
  issues.push(...receiverIssues(f));

  const specs = f.frags.map((c, i) => {
    const r = fragItemSpec(c);
    if (!r.ok)
      for (const p of r.issues)
        issues.push({ field: `frags.${i}.${p.part}`, message: p.message, msg: p.msg });
    return r.ok ? r.spec : null;
  });
  f.arrivals.forEach((a, k) => {
    if (a.at.trim() !== '' && !millis(a.at))
      issues.push({
        field: `arrivals.${k}.at`,
        message: 'The arrival time is in milliseconds, to the microsecond at most (or empty).',
        msg: msg(M.arrivalTime),
      });
    if (!f.frags[a.frag])
      issues.push({
        field: 'order',
        message: `Arrival ${k + 1} names fragment ${a.frag}, which does not exist.`,
        msg: msg(M.arrivalMissing, { k: String(k + 1), frag: String(a.frag) }),
      });
  });
  if (issues.length || !family || !source) return { ok: false, issues };

  const input: DefragInput = {
    family,
    len: Number(read(f.len)),
    fragments: f.arrivals.map((a) => {
      const spec: FragmentSpec = { ...(specs[a.frag] as FragmentSpec) };
      if (a.at.trim() !== '') spec.at = Number(read(a.at));
      return spec;
    }),
  };
  if (f.until.trim() !== '') input.until = Number(read(f.until));
  if (source === 'remote') input.source = 'remote';
  if (f.maxDist.trim() !== '') input.ipfrag_max_dist = Number(read(f.maxDist));
  if (f.rcvbuf.trim() !== '') input.rcvbuf = Number(read(f.rcvbuf));

  const core = validateDefragInput(input);
  if (core.length > 0)
    return {
      ok: false,
      issues: oneIssueEach(
        core.map((i) => ({ field: fieldOfCoreIssue(i.field, f), message: i.message, msg: i.msg })),
      ),
    };
  return { ok: true, input };
}

/** Map the core's `fragments[k].offset` (k in arrival order) onto the card that shows it. */
export function fieldOfCoreIssue(field: string, f: ReassembleFields): ReassembleIssueField {
  const m = /^fragments\[(\d+)\](?:\.(\w+))?$/.exec(field);
  if (m) {
    const k = Number(m[1]);
    const part = m[2];
    if (part === 'at') return `arrivals.${k}.at`;
    const frag = f.arrivals[k]?.frag ?? 0;
    if (part === 'offset' || part === 'length' || part === 'mf' || part === 'fill' || part === 'id')
      return `frags.${frag}.${part}`;
    return `frags.${frag}.offset`;
  }
  if (field === 'fragments') return 'order';
  if (field === 'len' || field === 'family') return field;
  if (field === 'ipfrag_max_dist') return 'maxDist';
  if (field === 'rcvbuf' || field === 'until' || field === 'source') return field;
  return 'frags';
}

export interface ReassembleUrlState {
  fields: ReassembleFields;
  step: number | null;
  /** Problems with parameters that have no field of their own (order, at, step). */
  issues: ReassembleIssue[];
}

/** `0:1480:1:other:id7` → a card; parts that mean nothing are kept in `extra`. */
export const parseCard = splitFragItem;
export const serialiseCard = formatFragItem;

export const REASSEMBLE_KEYS: readonly string[] = [
  'len',
  'mtu',
  'family',
  'source',
  'until',
  'max-dist',
  'rcvbuf',
  'frags',
  'order',
  'at',
  'step',
];

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
    maxDist: q.get('max-dist') ?? d.maxDist,
    rcvbuf: q.get('rcvbuf') ?? d.rcvbuf,
    frags: d.frags,
    arrivals: d.arrivals,
  };
  const fragsText = q.get('frags');
  let ownCards = fragsText !== null;
  if (fragsText !== null) fields.frags = splitFrags(fragsText);
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
  else {
    const idx = parseIndexList(order, fields.frags.length);
    if (idx.ok) fields.arrivals = idx.value.map((frag) => ({ frag, at: '' }));
    else {
      const n = fields.frags.length;
      issues.push({
        field: 'order',
        message:
          idx.code === 'not-list'
            ? `order=${echo(order)} is not a list of fragment numbers (from 0, e.g. 2,0,1); every fragment arrives once, in order.`
            : `order= names fragment ${idx.bad}, but there ${n === 1 ? 'is 1 fragment' : `are ${n} fragments`} (numbered from 0); every fragment arrives once, in order.`,
        msg:
          idx.code === 'not-list'
            ? msg(M.orderNotList, { value: echo(order) })
            : msg(M.orderOut, { bad: String(idx.bad), n }),
      });
      fields.arrivals = everyCard();
    }
  }

  const at = q.get('at');
  if (at !== null && at !== '') {
    const times = splitTimes(at);
    if (times.length !== fields.arrivals.length)
      issues.push({
        field: 'at',
        message: `at= gives ${times.length} time${times.length === 1 ? '' : 's'} for ${fields.arrivals.length} arrival${fields.arrivals.length === 1 ? '' : 's'}; the times were left out.`,
        msg: msg(M.atCount, { times: times.length, arrivals: fields.arrivals.length }),
      });
    else fields.arrivals = fields.arrivals.map((a, k) => ({ ...a, at: times[k] ?? '' }));
  }

  const st = parseStep(q, 'the outcome');
  issues.push(...st.issues);
  const step = st.step;
  return { fields, step, issues };
}

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
  if (f.maxDist !== '') parts.push(['max-dist', f.maxDist]);
  if (f.rcvbuf !== '') parts.push(['rcvbuf', f.rcvbuf]);
  if (step !== null) parts.push(['step', String(step + 1)]);
  // Commas and colons stay readable in the lists (frags=0:1480:1,1480:1480:1).
  return encodeQuery(parts, ',:');
}
