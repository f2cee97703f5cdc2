/**
 * What every lab store shares: its React context (one store per lab, given by the lab's root),
 * and the pipeline of the form labs — fields as typed → parse → core → keep the last good result
 * → clamp the step → issues — written once (`runForm`, `createFormStore`). Store actions stay thin
 * glue over core functions, as xyflow's store calls `@xyflow/system` and `set`s what it returns.
 */
import { createContext, useContext } from 'react';
import { createStore, useStore } from 'zustand';
import type { StoreApi } from 'zustand';
import { withoutStepIssue } from './issues.ts';
import type { Issue } from './issues.ts';

/** A lab's store context: the lab's root provides it, the lab's components select from it. */
export function createLabContext<S>(name: string) {
  const Context = createContext<StoreApi<S> | null>(null);
  Context.displayName = `${name}Store`;
  function useLabStoreApi(): StoreApi<S> {
    const store = useContext(Context);
    if (!store) throw new Error(`The ${name} lab's components need its store (<${name}Store.Provider>)`);
    return store;
  }
  function useLabStore<T>(selector: (s: S) => T): T {
    return useStore(useLabStoreApi(), selector);
  }
  return { Provider: Context.Provider, useLabStore, useLabStoreApi };
}

/** The issues of any lab state (every lab state has `issues`). */
export const issueListOf = (s: unknown): Issue[] =>
  s !== null && typeof s === 'object' && Array.isArray((s as { issues?: unknown }).issues)
    ? (s as { issues: Issue[] }).issues
    : [];

/** A step index kept inside the trace; null (follow the last step) stays null. */
export function clampStep(step: number, count: number): number;
export function clampStep(step: number | null, count: number): number | null;
export function clampStep(step: number | null, count: number): number | null {
  if (step === null) return null;
  return Math.max(0, Math.min(step, count - 1));
}

export type Parsed<I> = { ok: true; input: I } | { ok: false; issues: Issue[] };

/** A form lab's pipeline: how fields parse, what the core makes of the input, how many steps it has. */
export interface FormSpec<F, I, R> {
  defaults: F;
  parse: (fields: F) => Parsed<I>;
  /** The core's answer; `before` is the last good one (a lab may reuse it when the input did not change). */
  run: (input: I, before: { input: I | null; result: R | null }) => R;
  steps: (result: R) => number;
  /** Where a missing step points: the first step, or null (the last: the outcome). */
  initialStep: number | null;
}

export interface FormComputed<I, R> {
  issues: Issue[];
  /** The last input the core accepted, and its result: kept while the form does not parse. */
  input: I | null;
  result: R | null;
  /** The selected step: an index into the trace, or null for the last one. */
  step: number | null;
  /** When the core itself threw (a bug, never bad input): the message, so the page stays up. */
  modelError: string | null;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Run fields through a form spec. A form that does not parse (or a `blocking` URL issue) keeps the
 * last good input and result; a core that throws keeps them too and reports `modelError`.
 */
export function runForm<F, I, R>(
  spec: FormSpec<F, I, R>,
  fields: F,
  before: FormComputed<I, R>,
  step: number | null,
  extra: Issue[] = [],
  blocking = false,
): FormComputed<I, R> {
  const prev = { input: before.input, result: before.result, modelError: before.modelError };
  const count = (r: R | null) => (r === null ? 0 : spec.steps(r));
  const clamp = (r: R | null) => (count(r) === 0 ? (step === null ? null : 0) : clampStep(step, count(r)));
  try {
    const parsed = spec.parse(fields);
    if (!parsed.ok || blocking)
      return { ...prev, issues: [...(parsed.ok ? [] : parsed.issues), ...extra], step: clamp(prev.result) };
    const result = spec.run(parsed.input, before);
    return { issues: extra, input: parsed.input, result, modelError: null, step: clamp(result) };
  } catch (e) {
    return { ...prev, issues: extra, modelError: messageOf(e), step: clamp(prev.result) };
  }
}

export const EMPTY_FORM: FormComputed<never, never> = {
  issues: [],
  input: null,
  result: null,
  step: null,
  modelError: null,
};

export interface FormState<F, I, R> extends FormComputed<I, R> {
  fields: F;
  setField: <K extends keyof F>(field: K, value: F[K]) => void;
  /** Several fields at once (a preset). */
  setFields: (patch: Partial<F>) => void;
  /** Replace the whole form (a pasted URL), with the URL's own issues. */
  load: (fields: F, step: number | null, issues?: Issue[]) => void;
  selectStep: (step: number | null) => void;
}

export interface FormStoreOptions<F> {
  /** The step after an edit: keep the selected one, go to the spec's initial step… (default: keep for one field, initial for several). */
  stepAfter?: (
    patch: Partial<F>,
    state: { fields: F; step: number | null },
    several: boolean,
  ) => number | null;
}

/** A store for a form lab: one per lab instance (and per test). */
export function createFormStore<F, I, R>(
  spec: FormSpec<F, I, R>,
  options: FormStoreOptions<F> = {},
): StoreApi<FormState<F, I, R>> {
  const stepAfter =
    options.stepAfter ??
    ((_p: Partial<F>, s: { step: number | null }, several: boolean) => (several ? spec.initialStep : s.step));
  return createStore<FormState<F, I, R>>()((set, get) => {
    const update = (fields: F, step: number | null, extra: Issue[] = []) =>
      set((s) => ({ fields, ...runForm(spec, fields, s, step, extra) }));
    const edit = (patch: Partial<F>, several: boolean) => {
      const s = get();
      update({ ...s.fields, ...patch }, stepAfter(patch, s, several));
    };
    return {
      fields: spec.defaults,
      ...runForm(spec, spec.defaults, EMPTY_FORM, spec.initialStep),
      setField: (field, value) => edit({ [field]: value } as unknown as Partial<F>, false),
      setFields: (patch) => edit(patch, true),
      load: (fields, step, issues = []) => update(fields, step ?? spec.initialStep, issues),
      selectStep: (step) =>
        set((s) => {
          const n = s.result === null ? 0 : spec.steps(s.result);
          const next = n === 0 ? s.step : clampStep(step, n);
          const issues = withoutStepIssue(s.issues);
          return next === s.step && issues.length === s.issues.length ? s : { step: next, issues };
        }),
    };
  });
}

/** Undo/redo over immutable snapshots (the sk_buff and Reassembly labs), bounded. */
export interface History<T> {
  past: readonly T[];
  future: readonly T[];
}
export const HISTORY_MAX = 100;
export const pushHistory = <T>(h: History<T>, current: T): History<T> => ({
  past: [...h.past, current].slice(-HISTORY_MAX),
  future: [],
});
export function undoHistory<T>(h: History<T>, current: T): { to: T; history: History<T> } | null {
  const to = h.past[h.past.length - 1];
  if (to === undefined) return null;
  return { to, history: { past: h.past.slice(0, -1), future: [current, ...h.future] } };
}
export function redoHistory<T>(h: History<T>, current: T): { to: T; history: History<T> } | null {
  const to = h.future[0];
  if (to === undefined) return null;
  return { to, history: { past: [...h.past, current].slice(-HISTORY_MAX), future: h.future.slice(1) } };
}

/** The actions a form lab's inputs use, in one object (for `useShallow`): every form lab picks the same three. */
export const selectFormActions = <
  S extends Pick<FormState<never, unknown, unknown>, 'setFields' | 'selectStep'> & { setField: unknown },
>(
  s: S,
): Pick<S, 'setField' | 'setFields' | 'selectStep'> => ({
  setField: s.setField,
  setFields: s.setFields,
  selectStep: s.selectStep,
});
