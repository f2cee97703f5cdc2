/**
 * The Reassembly lab's store: the datagram and its cards as typed, the arrival order, the selected
 * trace step, undo/redo of card edits, and the last good core result. The cards are cut by core/ip's
 * ipSend and replayed by core/ip's reassemble; nothing here models the kernel.
 */
import { createStore } from 'zustand';
import type { StoreApi } from 'zustand';
import { defragStepCount, reassemble } from '../../../core/ip/defrag.ts';
import type { DefragInput, DefragOk } from '../../../core/ip/defrag-types.ts';
import {
  EMPTY_FORM,
  clampStep,
  createLabContext,
  isStale,
  pushHistory,
  redoHistory,
  runForm,
  undoHistory,
  withoutStepIssue,
} from '../../lab-kit/index.ts';
import type { FormComputed, FormSpec, History } from '../../lab-kit/index.ts';
import {
  DEFAULT_REASSEMBLE_FIELDS,
  blankCard,
  cutFragments,
  fieldsToDefragInput,
  oneIssueEach,
  withCut,
} from './params.ts';
import type { ArrivalSlot, FragCard, ReassembleFields, ReassembleIssue } from './params.ts';

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
  setField: (field: 'source' | 'until' | 'maxDist' | 'rcvbuf', value: string) => void;
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

/** The form's pipeline: parse with the core's grammar and rules, run ip_defrag, step through its trace. */
const SPEC: FormSpec<ReassembleFields, DefragInput, DefragOk> = {
  defaults: DEFAULT_REASSEMBLE_FIELDS,
  parse: fieldsToDefragInput,
  run: (input) => {
    const r = reassemble(input);
    // fieldsToDefragInput asked validateDefragInput first: a refusal here is a bug of the model.
    if (!r.ok) throw new Error(r.issues.map((i) => `${i.field}: ${i.message}`).join('; '));
    return r;
  },
  // The count without building the steps (defragStepCount): the panels that show them build them
  // after the edit is painted.
  steps: defragStepCount,
  initialStep: null,
};

/** URL problems the lab recovers from on the spot (a bad order= or at= is read as every card, in
 * order, without times): the result is the new one, so they do not keep the last good result. */
const RECOVERED = new Set(['order', 'at']);

/** Any other problem but a bad step (or an unknown URL parameter) keeps the last good result on show. */
const compute = (
  fields: ReassembleFields,
  before: FormComputed<DefragInput, DefragOk>,
  step: number | null,
  extra: ReassembleIssue[] = [],
) => {
  const out = runForm(
    SPEC,
    fields,
    before,
    step,
    extra,
    isStale(extra.filter((i) => !RECOVERED.has(i.field))),
  );
  // The sender's cut and the form ask about the same fields: one message a field, never two.
  return { ...out, issues: oneIssueEach(out.issues) };
};

const sameFields = (a: ReassembleFields, b: ReassembleFields) =>
  a === b || JSON.stringify(a) === JSON.stringify(b);

export const createReassembleStore = (): StoreApi<ReassembleState> =>
  createStore<ReassembleState>()((set, get) => {
    /** A user edit: recorded for undo (consecutive edits of one field coalesce), the trace shows the outcome. */
    const edit = (fields: ReassembleFields, key: string | null = null, extra: ReassembleIssue[] = []) =>
      set((s) => {
        if (fields === s.fields && extra.length === 0) return s;
        const coalesce = key !== null && key === s.lastEdit;
        return {
          fields,
          ...(coalesce ? { future: [] } : pushHistory(s, s.fields)),
          lastEdit: key,
          ...compute(fields, s, null, extra),
        };
      });
    const fields = () => get().fields;
    const arrivals = (f: (a: ArrivalSlot[]) => ArrivalSlot[] | null) => {
      const cur = fields();
      const next = f([...cur.arrivals]);
      if (next) edit({ ...cur, arrivals: next });
    };

    /** Undo or redo: the other fields, on their outcome. */
    const travel = (
      move: (
        h: History<ReassembleFields>,
        current: ReassembleFields,
      ) => { to: ReassembleFields; history: History<ReassembleFields> } | null,
    ) =>
      set((s) => {
        const m = move(s, s.fields);
        return m ? { fields: m.to, ...m.history, lastEdit: null, ...compute(m.to, s, null) } : s;
      });

    const initial = DEFAULT_REASSEMBLE_FIELDS;
    return {
      fields: initial,
      ...compute(initial, EMPTY_FORM, null),
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
      undo: () => travel(undoHistory),
      redo: () => travel(redoHistory),
      load: (f, step, issues = []) =>
        set((s) => ({
          fields: f,
          // Opening a URL of the state on show (the first load, a reload) is no edit to undo.
          ...(sameFields(f, s.fields) ? { future: [] } : pushHistory(s, s.fields)),
          lastEdit: null,
          ...compute(f, s, step, issues),
        })),
      selectStep: (step) =>
        set((s) => ({
          step: s.result ? clampStep(step, s.result.trace.length) : null,
          issues: withoutStepIssue(s.issues),
        })),
    };
  });

export const {
  Provider: ReassembleProvider,
  useLabStore: useReassemble,
  useLabStoreApi: useReassembleApi,
} = createLabContext<ReassembleState>('Reassemble');

// ---- selectors (module-level: stable identities; objects go through useShallow) ----

export const selectReassembleFields = (s: ReassembleState) => s.fields;
export const selectReassembleIssues = (s: ReassembleState) => s.issues;
export const selectReassembleResult = (s: ReassembleState) => s.result;
export const selectReassembleModelError = (s: ReassembleState) => s.modelError;
/** The step on show: the selected one, or the last (the outcome) when none is. */
export const selectReassembleStep = (s: ReassembleState) => {
  const n = s.result?.trace.length ?? 0;
  return s.step ?? Math.max(0, n - 1);
};
/** The result on show is out of date when the form has errors (the last good result is kept). */
export const selectReassembleIsStale = (s: ReassembleState) => isStale(s.issues);
export const selectReassembleHistory = (s: ReassembleState) => ({
  canUndo: s.past.length > 0,
  canRedo: s.future.length > 0,
});
export const selectReassembleActions = (s: ReassembleState) => ({
  setDatagram: s.setDatagram,
  setField: s.setField,
  editCard: s.editCard,
  setArrivalAt: s.setArrivalAt,
  moveArrival: s.moveArrival,
  dropArrival: s.dropArrival,
  duplicateArrival: s.duplicateArrival,
  restoreCard: s.restoreCard,
  forgetCard: s.forgetCard,
  addCard: s.addCard,
  recut: s.recut,
  applyPreset: s.applyPreset,
  undo: s.undo,
  redo: s.redo,
  selectStep: s.selectStep,
});
