/**
 * The Reassembly lab's slice: the datagram and its fragment cards as typed (strings, so a bad
 * value can be shown, shared in a URL and corrected), the arrival order, the selected trace step,
 * undo/redo of card edits, and the last good core result. The cards are cut by core/ip's ipSend
 * (as the Fragmentation lab computes the wire) and replayed by core/ip's reassemble; nothing here
 * models the kernel.
 */
import type { StateCreator } from 'zustand';
import {
  DEFAULT_SEND_INPUT,
  fragmentsFromWire,
  ipSend,
  reassemble,
  validateSendInput,
} from '../../core/ip/index.ts';
import type { DefragInput, DefragOk, Family, FragmentSpec } from '../../core/ip/index.ts';
import type { AppState } from './index.ts';

/** One fragment as typed on its card: a byte range of the UDP datagram (its 8-byte header included). */
export interface FragCard {
  offset: string;
  length: string;
  /** '1' (More Fragments) or '0'. */
  mf: string;
  /** 'same' (the sender's bytes) or 'other' (the same range with different bytes). */
  fill: string;
  /** IP id ('' = the lab's default id, shared by every card). */
  id: string;
  /** Parts of a URL item that mean nothing (kept so they can be reported and corrected). */
  extra: string;
}

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
  frags: readonly FragCard[];
  /** Arrival order: indexes into frags (a card left out is lost on the way; one listed twice arrives twice). */
  arrivals: readonly ArrivalSlot[];
}

export type CardField = 'offset' | 'length' | 'mf' | 'fill' | 'id' | 'extra';

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
  | 'frags'
  | 'order'
  | 'at'
  | 'step'
  | `frags.${number}.${CardField}`
  | `arrivals.${number}.at`;

export interface ReassembleIssue {
  field: ReassembleIssueField;
  message: string;
}

export const FAMILIES: readonly Family[] = ['inet', 'inet6'];
export const SOURCES = ['self', 'remote'] as const;
export const DEFAULT_MTU = '1500';

export const blankCard = (patch: Partial<FragCard> = {}): FragCard => ({
  offset: '0',
  length: '8',
  mf: '1',
  fill: 'same',
  id: '',
  extra: '',
  ...patch,
});

function cardOf(f: FragmentSpec): FragCard {
  return blankCard({
    offset: String(f.offset),
    length: String(f.length),
    mf: f.mf ? '1' : '0',
    fill: f.fill ?? 'same',
  });
}

export type CutResult = { ok: true; frags: FragCard[] } | { ok: false; issues: ReassembleIssue[] };

/**
 * The cards a UDP send of `len` bytes at `mtu` puts on the wire: core/ip's ipSend, then
 * fragmentsFromWire. The ids are left to the lab's default (every fragment of one send shares one).
 */
export function cutFragments(len: string, mtu: string, family: string): CutResult {
  const issues: ReassembleIssue[] = [];
  const fam = FAMILIES.find((x) => x === family);
  if (!fam) issues.push({ field: 'family', message: 'Family must be inet (IPv4) or inet6 (IPv6).' });
  if (!/^\d+$/.test(len.trim()))
    issues.push({ field: 'len', message: 'The payload length must be a whole number of bytes.' });
  if (!/^\d+$/.test(mtu.trim()))
    issues.push({ field: 'mtu', message: 'The MTU must be a whole number of bytes.' });
  if (issues.length || !fam) return { ok: false, issues };
  // The lab is about the receiver: the sender's 2 × sk_sndbuf check (which stops a 65,507-byte
  // send at MTU 68 after 512 skbs) is switched off so every fragment of the train becomes a card.
  const input = {
    ...DEFAULT_SEND_INPUT,
    family: fam,
    mtu: Number(mtu),
    sends: [Number(len)],
    sndbufCheck: false,
  };
  const core = validateSendInput(input);
  if (core.length)
    return {
      ok: false,
      issues: core.map((i) => ({ field: i.field === 'mtu' ? 'mtu' : 'len', message: i.message })),
    };
  const sent = ipSend(input);
  if (!sent.ok)
    return {
      ok: false,
      issues: [
        {
          field: 'len',
          message: `The sender cannot send this: ${sent.fn} returns -${sent.errno} (${sent.why}).`,
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

export type FieldsToInput =
  { ok: true; input: DefragInput; result: DefragOk } | { ok: false; issues: ReassembleIssue[] };

const whole = (s: string) => /^\d+$/.test(s.trim());

/** Parse the form; when it parses, ask the core whether it can take the input. */
export function fieldsToDefragInput(f: ReassembleFields): FieldsToInput {
  const issues: ReassembleIssue[] = [];
  const family = FAMILIES.find((x) => x === f.family);
  if (!family) issues.push({ field: 'family', message: 'Family must be inet (IPv4) or inet6 (IPv6).' });
  if (!whole(f.len))
    issues.push({ field: 'len', message: 'The payload length must be a whole number of bytes.' });
  if (!whole(f.mtu)) issues.push({ field: 'mtu', message: 'The MTU must be a whole number of bytes.' });
  const source = SOURCES.find((x) => x === f.source);
  if (!source)
    issues.push({
      field: 'source',
      message: 'The sender is self (this host, loopback) or remote (another host).',
    });
  if (f.until.trim() !== '' && !whole(f.until))
    issues.push({ field: 'until', message: 'Wait until a time in whole milliseconds, or leave it empty.' });

  f.frags.forEach((c, i) => {
    const at = (k: CardField) => `frags.${i}.${k}` as const;
    if (!whole(c.offset))
      issues.push({ field: at('offset'), message: 'The offset is a whole number of bytes.' });
    if (!whole(c.length))
      issues.push({ field: at('length'), message: 'The length is a whole number of bytes.' });
    if (c.mf !== '1' && c.mf !== '0') issues.push({ field: at('mf'), message: 'MF must be 1 or 0.' });
    if (c.fill !== 'same' && c.fill !== 'other')
      issues.push({ field: at('fill'), message: 'The bytes are “same” (the sender’s) or “other”.' });
    if (c.id.trim() !== '' && !whole(c.id))
      issues.push({ field: at('id'), message: 'The id is a whole number (or empty for the default).' });
    if (c.extra !== '')
      issues.push({
        field: at('extra'),
        message: `“${c.extra}” means nothing here: a fragment is offset:length:mf, optionally :other and :idN.`,
      });
  });
  f.arrivals.forEach((a, k) => {
    if (a.at.trim() !== '' && !whole(a.at))
      issues.push({
        field: `arrivals.${k}.at`,
        message: 'The arrival time is whole milliseconds (or empty).',
      });
    if (!f.frags[a.frag])
      issues.push({
        field: 'order',
        message: `Arrival ${k + 1} names fragment ${a.frag}, which does not exist.`,
      });
  });
  if (issues.length || !family || !source) return { ok: false, issues };

  const input: DefragInput = {
    family,
    len: Number(f.len),
    fragments: f.arrivals.map((a) => {
      const c = f.frags[a.frag] as FragCard;
      const spec: FragmentSpec = { offset: Number(c.offset), length: Number(c.length), mf: c.mf === '1' };
      if (c.fill === 'other') spec.fill = 'other';
      if (c.id.trim() !== '') spec.id = Number(c.id);
      if (a.at.trim() !== '') spec.at = Number(a.at);
      return spec;
    }),
  };
  if (f.until.trim() !== '') input.until = Number(f.until);
  if (source === 'remote') input.source = 'remote';

  const r = reassemble(input);
  if (!r.ok)
    return {
      ok: false,
      issues: r.issues.map((i) => ({ field: fieldOfCoreIssue(i.field, f), message: i.message })),
    };
  return { ok: true, input, result: r };
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
  return 'frags';
}

export interface ReassembleState {
  fields: ReassembleFields;
  /** What is wrong with the fields (and the URL), shown next to each field and in a banner. */
  issues: ReassembleIssue[];
  /** The last input the core accepted, and its result: kept while the form is invalid. */
  input: DefragInput | null;
  result: DefragOk | null;
  /** The selected trace step; null follows the last step (the outcome). */
  step: number | null;
  /** When the core itself threw (a bug, not a user error): the message, so the page stays up. */
  modelError: string | null;
  /** Earlier field states (undo) and undone ones (redo). */
  past: readonly ReassembleFields[];
  future: readonly ReassembleFields[];
  /** What the last change was, so typing into one field makes one undo step. */
  lastEdit: string | null;
  /** Length, MTU or family: the cards are cut again when the datagram fields parse. */
  setDatagram: (patch: Partial<Pick<ReassembleFields, 'len' | 'mtu' | 'family'>>) => void;
  setField: (field: 'source' | 'until', value: string) => void;
  editCard: (index: number, patch: Partial<FragCard>) => void;
  setArrivalAt: (arrival: number, at: string) => void;
  /** Move arrival `from` to position `to` (both in arrival order). */
  moveArrival: (from: number, to: number) => void;
  /** Lose one arrival on the way (its card stays, listed as lost, to bring back). */
  dropArrival: (arrival: number) => void;
  /** A copy of the arrival's card arrives right after it (edit the copy to overlap on purpose). */
  duplicateArrival: (arrival: number) => void;
  /** A lost card arrives after all the others. */
  restoreCard: (index: number) => void;
  /** Remove a lost card altogether. */
  forgetCard: (index: number) => void;
  /** A new card typed in, arriving last. */
  addCard: (card?: Partial<FragCard>) => void;
  /** Cut the datagram again: every card as the sender made it, in order. */
  recut: () => void;
  applyPreset: (fields: ReassembleFields) => void;
  undo: () => void;
  redo: () => void;
  /** Replace the whole lab state (a pasted URL); history is kept, so a bad paste can be undone. */
  load: (fields: ReassembleFields, step: number | null, issues?: ReassembleIssue[]) => void;
  selectStep: (step: number | null) => void;
}

export interface ReassembleSlice {
  reassemble: ReassembleState;
}

type Computed = Pick<ReassembleState, 'issues' | 'input' | 'result' | 'modelError' | 'step'>;

function clampStep(step: number | null, result: DefragOk | null): number | null {
  if (step === null) return null;
  const n = result?.trace.length ?? 0;
  if (n === 0) return null;
  return Math.max(0, Math.min(step, n - 1));
}

function compute(
  fields: ReassembleFields,
  before: Computed,
  step: number | null,
  extra: ReassembleIssue[] = [],
): Computed {
  const prev = { input: before.input, result: before.result, modelError: before.modelError };
  try {
    const parsed = fieldsToDefragInput(fields);
    // Any problem but a bad step keeps the last good result on show.
    const blocking = extra.some((i) => i.field !== 'step');
    if (!parsed.ok || blocking)
      return {
        ...prev,
        issues: [...(parsed.ok ? [] : parsed.issues), ...extra],
        step: clampStep(step, prev.result),
      };
    const r = parsed.result;
    return { issues: extra, input: parsed.input, result: r, modelError: null, step: clampStep(step, r) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ...prev, issues: extra, modelError: message, step: clampStep(step, prev.result) };
  }
}

const sameFields = (a: ReassembleFields, b: ReassembleFields) =>
  a === b || JSON.stringify(a) === JSON.stringify(b);

const EMPTY: Computed = { issues: [], input: null, result: null, modelError: null, step: null };
const HISTORY = 100;

export const createReassembleSlice: StateCreator<AppState, [], [], ReassembleSlice> = (set, get) => {
  /** A user edit: recorded for undo (consecutive edits of one field coalesce), the trace shows the outcome. */
  const edit = (fields: ReassembleFields, key: string | null = null, extra: ReassembleIssue[] = []) =>
    set((s) => {
      const r = s.reassemble;
      if (fields === r.fields && extra.length === 0) return s;
      const coalesce = key !== null && key === r.lastEdit;
      const past = coalesce ? r.past : [...r.past, r.fields].slice(-HISTORY);
      return {
        reassemble: {
          ...r,
          fields,
          past,
          future: [],
          lastEdit: key,
          ...compute(fields, r, null, extra),
        },
      };
    });
  const fields = () => get().reassemble.fields;
  const arrivals = (f: (a: ArrivalSlot[]) => ArrivalSlot[] | null) => {
    const cur = fields();
    const next = f([...cur.arrivals]);
    if (next) edit({ ...cur, arrivals: next });
  };

  const initial = DEFAULT_REASSEMBLE_FIELDS;
  return {
    reassemble: {
      fields: initial,
      ...compute(initial, EMPTY, null),
      past: [],
      future: [],
      lastEdit: null,
      setDatagram: (patch) => {
        const next = { ...fields(), ...patch };
        const cut = cutFragments(next.len, next.mtu, next.family);
        if (cut.ok) edit(withCut(next, cut.frags), null);
        // A datagram the sender cannot cut: keep the cards and the last good result, say why.
        else edit(next, `datagram:${Object.keys(patch).join(',')}`, cut.issues);
      },
      setField: (field, value) => edit({ ...fields(), [field]: value }, `field:${field}`),
      editCard: (index, patch) => {
        const cur = fields();
        const card = cur.frags[index];
        if (!card) return;
        const frags = cur.frags.map((c, i) => (i === index ? { ...c, ...patch } : c));
        edit({ ...cur, frags }, `card:${index}:${Object.keys(patch).join(',')}`);
      },
      setArrivalAt: (arrival, at) =>
        arrivals((a) => {
          const slot = a[arrival];
          if (!slot) return null;
          a[arrival] = { ...slot, at };
          return a;
        }),
      moveArrival: (from, to) =>
        arrivals((a) => {
          if (from === to || !a[from] || to < 0 || to >= a.length) return null;
          const [moved] = a.splice(from, 1);
          a.splice(to, 0, moved as ArrivalSlot);
          return a;
        }),
      dropArrival: (arrival) => arrivals((a) => (a[arrival] ? a.filter((_, k) => k !== arrival) : null)),
      duplicateArrival: (arrival) => {
        const cur = fields();
        const slot = cur.arrivals[arrival];
        const card = slot && cur.frags[slot.frag];
        if (!slot || !card) return;
        const frags = [...cur.frags, { ...card }];
        const next = [...cur.arrivals];
        next.splice(arrival + 1, 0, { frag: frags.length - 1, at: slot.at });
        edit({ ...cur, frags, arrivals: next });
      },
      restoreCard: (index) =>
        arrivals((a) => (fields().frags[index] ? [...a, { frag: index, at: '' }] : null)),
      forgetCard: (index) => {
        const cur = fields();
        if (!cur.frags[index] || cur.arrivals.some((a) => a.frag === index)) return;
        edit({
          ...cur,
          frags: cur.frags.filter((_, i) => i !== index),
          arrivals: cur.arrivals.map((a) => (a.frag > index ? { ...a, frag: a.frag - 1 } : a)),
        });
      },
      addCard: (card) => {
        const cur = fields();
        const frags = [...cur.frags, blankCard(card)];
        edit({ ...cur, frags, arrivals: [...cur.arrivals, { frag: frags.length - 1, at: '' }] });
      },
      recut: () => {
        const cur = fields();
        const cut = cutFragments(cur.len, cur.mtu, cur.family);
        if (cut.ok) edit(withCut(cur, cut.frags));
        else edit(cur, null, cut.issues);
      },
      applyPreset: (f) => edit(f),
      undo: () =>
        set((s) => {
          const r = s.reassemble;
          const prev = r.past[r.past.length - 1];
          if (!prev) return s;
          return {
            reassemble: {
              ...r,
              fields: prev,
              past: r.past.slice(0, -1),
              future: [r.fields, ...r.future],
              lastEdit: null,
              ...compute(prev, r, null),
            },
          };
        }),
      redo: () =>
        set((s) => {
          const r = s.reassemble;
          const next = r.future[0];
          if (!next) return s;
          return {
            reassemble: {
              ...r,
              fields: next,
              past: [...r.past, r.fields],
              future: r.future.slice(1),
              lastEdit: null,
              ...compute(next, r, null),
            },
          };
        }),
      load: (f, step, issues = []) =>
        set((s) => ({
          reassemble: {
            ...s.reassemble,
            fields: f,
            // Opening a URL of the state on show (the first load, a reload) is no edit to undo.
            past: sameFields(f, s.reassemble.fields)
              ? s.reassemble.past
              : [...s.reassemble.past, s.reassemble.fields],
            future: [],
            lastEdit: null,
            ...compute(f, s.reassemble, step, issues),
          },
        })),
      selectStep: (step) =>
        set((s) => ({
          reassemble: {
            ...s.reassemble,
            step: clampStep(step, s.reassemble.result),
            issues: s.reassemble.issues.filter((i) => i.field !== 'step'),
          },
        })),
    },
  };
};

// ---- selectors (module-level: stable identities; objects go through useShallow) ----

export const selectReassembleFields = (s: AppState) => s.reassemble.fields;
export const selectReassembleIssues = (s: AppState) => s.reassemble.issues;
export const selectReassembleResult = (s: AppState) => s.reassemble.result;
export const selectReassembleModelError = (s: AppState) => s.reassemble.modelError;
/** The step on show: the selected one, or the last (the outcome) when none is. */
export const selectReassembleStep = (s: AppState) => {
  const n = s.reassemble.result?.trace.length ?? 0;
  return s.reassemble.step ?? Math.max(0, n - 1);
};
/** The result on show is out of date when the form has errors (the last good result is kept). */
export const selectReassembleIsStale = (s: AppState) => s.reassemble.issues.some((i) => i.field !== 'step');
export const selectReassembleHistory = (s: AppState) => ({
  canUndo: s.reassemble.past.length > 0,
  canRedo: s.reassemble.future.length > 0,
});
export const selectReassembleActions = (s: AppState) => ({
  setDatagram: s.reassemble.setDatagram,
  setField: s.reassemble.setField,
  editCard: s.reassemble.editCard,
  setArrivalAt: s.reassemble.setArrivalAt,
  moveArrival: s.reassemble.moveArrival,
  dropArrival: s.reassemble.dropArrival,
  duplicateArrival: s.reassemble.duplicateArrival,
  restoreCard: s.reassemble.restoreCard,
  forgetCard: s.reassemble.forgetCard,
  addCard: s.reassemble.addCard,
  recut: s.reassemble.recut,
  applyPreset: s.reassemble.applyPreset,
  undo: s.reassemble.undo,
  redo: s.reassemble.redo,
  selectStep: s.reassemble.selectStep,
});
