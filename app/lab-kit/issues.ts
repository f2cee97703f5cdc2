/**
 * What a lab says about its inputs: one issue per field (shown next to the field and in the
 * banner). Two kinds concern the URL only and leave the result on show current: a bad `step=`
 * and a parameter the lab does not have (`field: 'url'`, the parameter in `param`).
 */
import type { Msg } from '../../core/i18n/index.ts';

export interface Issue {
  field: string;
  /** The issue in English (tests, logs, and labs whose words are not in the catalogs yet). */
  message: string;
  /** The same issue as a catalog message: shown in the page's language when present. */
  msg?: Msg;
  /** For `field: 'url'`: the parameter the lab does not know (`foo` of `foo=1`). */
  param?: string;
}

export const STEP_FIELD = 'step';
export const URL_FIELD = 'url';

/** Is the result on show out of date (an input does not parse, so the last good result is kept)? */
export const isStale = (issues: readonly Issue[]): boolean =>
  issues.some((i) => i.field !== STEP_FIELD && i.field !== URL_FIELD);

/** The issue of one field as text to show: its catalog message if it has one, else its English. */
export const issueTextOf = (issues: readonly Issue[], field: string): Msg | string | undefined => {
  const i = issues.find((x) => x.field === field);
  return i && (i.msg ?? i.message);
};

/** A step issue no longer applies once a step is chosen. */
export const withoutStepIssue = <I extends Issue>(issues: readonly I[]): I[] =>
  issues.filter((i) => i.field !== STEP_FIELD);
