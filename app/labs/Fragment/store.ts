/**
 * The Fragmentation lab's store: the form as typed, its issues, the last good core result and the
 * selected step (the kit's form store over core/ip's ipSend). Nothing here models the kernel.
 */
import { ipSend } from '../../../core/ip/send.ts';
import type { SendInput, SendResult } from '../../../core/ip/index.ts';
import { createFormStore, createLabContext, isStale, selectFormActions } from '../../lab-kit/index.ts';
import type { FormState } from '../../lab-kit/index.ts';
import { DEFAULT_FIELDS, fieldsToInput } from './params.ts';
import type { FragmentFields } from './params.ts';

export type FragmentState = FormState<FragmentFields, SendInput, SendResult>;

export const createFragmentStore = () =>
  createFormStore<FragmentFields, SendInput, SendResult>({
    defaults: DEFAULT_FIELDS,
    parse: fieldsToInput,
    run: (input) => ipSend(input),
    steps: (r) => r.trace.length,
    initialStep: 0,
  });

export const { Provider: FragmentProvider, useLabStore: useFragment } =
  createLabContext<FragmentState>('Fragment');

// ---- selectors (module-level, stable identities); derived objects go through useShallow ----

export const selectFields = (s: FragmentState) => s.fields;
export const selectIssues = (s: FragmentState) => s.issues;
export const selectResult = (s: FragmentState) => s.result;
export const selectModelError = (s: FragmentState) => s.modelError;
export const selectActions = selectFormActions<FragmentState>;
/** The selected step (an index into the newest result's trace). */
export const selectStepIndex = (s: FragmentState) => s.step ?? 0;
/** Is the result on show out of date (the form has errors, so the last good result is kept)? */
export const selectIsStale = (s: FragmentState) => isStale(s.issues);
