/** Module-level selectors (stable identities); derived objects go through useShallow at the call site. */
import type { AppState } from './index.ts';

export const selectFields = (s: AppState) => s.fragment.fields;
export const selectIssues = (s: AppState) => s.fragment.issues;
export const selectResult = (s: AppState) => s.fragment.result;
export const selectStep = (s: AppState) => s.fragment.step;
export const selectModelError = (s: AppState) => s.fragment.modelError;
export const selectFragmentActions = (s: AppState) => ({
  setField: s.fragment.setField,
  setFields: s.fragment.setFields,
  selectStep: s.fragment.selectStep,
});
/** The trace step on show and the one before it (to tell reused sk_buffs from new ones). */
export const selectStepView = (s: AppState) => {
  const trace = s.fragment.result?.trace ?? [];
  return {
    trace,
    index: s.fragment.step,
    current: trace[s.fragment.step],
    previous: trace[s.fragment.step - 1],
  };
};
/** Is the result on show out of date (the form has errors, so the last good result is kept)? */
export const selectIsStale = (s: AppState) => s.fragment.issues.some((i) => i.field !== 'step');
