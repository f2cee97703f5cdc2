/**
 * The Fragmentation lab's slice: the form as typed, its issues, and the last good core result.
 * Actions parse the form, call core/ip, and `set` what it returns; nothing here models the kernel.
 */
import type { StateCreator } from 'zustand';
import { ipSend } from '../../core/ip/index.ts';
import type { SendInput, SendResult } from '../../core/ip/index.ts';
import { DEFAULT_FIELDS, fieldsToInput } from './fragment-fields.ts';
import type { FieldIssue, FragmentFields } from './fragment-fields.ts';
import type { AppState } from './index.ts';

export interface FragmentState {
  fields: FragmentFields;
  /** What is wrong with the fields (and the URL's step), shown next to each field and in a banner. */
  issues: FieldIssue[];
  /** The last input the core accepted, and its result: kept while the form is invalid. */
  input: SendInput | null;
  result: SendResult | null;
  /** The selected trace step (an index into result.trace). */
  step: number;
  /** When the core itself threw (a bug, not a user error): the message, so the page stays up. */
  modelError: string | null;
  setField: <K extends keyof FragmentFields>(field: K, value: FragmentFields[K]) => void;
  setFields: (patch: Partial<FragmentFields>) => void;
  /** Replace the whole lab state (a pasted URL). */
  load: (fields: FragmentFields, step: number, issues?: FieldIssue[]) => void;
  selectStep: (step: number) => void;
}

export interface FragmentSlice {
  fragment: FragmentState;
}

type Computed = Pick<FragmentState, 'issues' | 'input' | 'result' | 'modelError' | 'step'>;

function clampStep(step: number, result: SendResult | null): number {
  const n = result?.trace.length ?? 0;
  return Math.max(0, Math.min(step, n - 1));
}

/** Run the form through the core; keep the previous result when the form does not parse. */
function compute(fields: FragmentFields, before: Computed, step: number, extra: FieldIssue[] = []): Computed {
  // Only the computed keys: `before` may be the whole lab state.
  const prev = { input: before.input, result: before.result, modelError: before.modelError };
  const parsed = fieldsToInput(fields);
  if (!parsed.ok)
    return { ...prev, issues: [...parsed.issues, ...extra], step: clampStep(step, prev.result) };
  try {
    const result = ipSend(parsed.input);
    return { issues: extra, input: parsed.input, result, modelError: null, step: clampStep(step, result) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ...prev, issues: extra, modelError: message, step: clampStep(step, prev.result) };
  }
}

const EMPTY: Computed = { issues: [], input: null, result: null, modelError: null, step: 0 };

export const createFragmentSlice: StateCreator<AppState, [], [], FragmentSlice> = (set, get) => {
  const update = (fields: FragmentFields, step: number, extra: FieldIssue[] = []) =>
    set((s) => ({ fragment: { ...s.fragment, fields, ...compute(fields, s.fragment, step, extra) } }));
  return {
    fragment: {
      fields: DEFAULT_FIELDS,
      ...compute(DEFAULT_FIELDS, EMPTY, 0),
      setField: (field, value) => {
        const f = get().fragment;
        update({ ...f.fields, [field]: value }, f.step);
      },
      setFields: (patch) => {
        const f = get().fragment;
        update({ ...f.fields, ...patch }, 0);
      },
      load: (fields, step, issues = []) => update(fields, step, issues),
      selectStep: (step) =>
        set((s) => ({
          fragment: {
            ...s.fragment,
            step: clampStep(step, s.fragment.result),
            issues: s.fragment.issues.filter((i) => i.field !== 'step'),
          },
        })),
    },
  };
};
