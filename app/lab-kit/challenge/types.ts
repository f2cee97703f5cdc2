/**
 * Challenge mode (issue 14, "predict, then reveal"): a lab declares its questions as functions of
 * its current core result; the kit asks one, hides what would give the answer away, checks the
 * student's answer against the value the question computed from the result, and reveals.
 *
 * No answer is written down anywhere: each `ask` reads it from the core's own result for the case
 * on show, so a teacher's URL (`challenge=1` plus the lab's parameters) makes a new question.
 */
import type { StoreApi } from 'zustand';
import type { Msg } from '../../../core/i18n/index.ts';

/** An option of a choice question: its value (compared) and its label (shown). */
export interface ChallengeOption {
  value: string;
  label: Msg;
}

/** What kind of answer a question wants, and the right one for this case. */
export type ChallengeAnswer =
  /** A whole number (bytes, a count, an offset). */
  | { kind: 'number'; value: number }
  /** One of the options (built from core data: errnos, tables, places, fates). */
  | { kind: 'choice'; value: string; options: readonly ChallengeOption[] }
  /** A list of whole numbers (fragment offsets), compared in order. */
  | { kind: 'offsets'; value: readonly number[] };

/** One question as asked about one case. */
export interface ChallengeAsk {
  /** Stable within the lab (the score counts each question once per case). */
  id: string;
  /** The question, with this case's values. */
  prompt: Msg;
  answer: ChallengeAnswer;
  /** Shown after the reveal: why the answer is what it is, with the values from the result. */
  explain: Msg;
}

/** A lab's question: asked of the case on show, or null when it does not fit this case. */
export interface ChallengeQuestion<C> {
  id: string;
  ask(c: C): Omit<ChallengeAsk, 'id'> | null;
}

/**
 * A lab's challenge. `caseOf` picks from the lab's state what the questions read (its result,
 * and the step where a question is about a step); it is compared shallowly, so it returns an
 * object of store values (no new arrays), or null when there is no result to ask about.
 */
export interface LabChallenge<S, C extends object> {
  caseOf(s: S): C | null;
  questions: readonly ChallengeQuestion<C>[];
}

/**
 * A challenge bound to a lab's store: what the kit's root renders with. `load` fetches the lab's
 * questions (its challenge.ts, a chunk of its own) the first time challenge mode is turned on.
 */
export interface BoundChallenge {
  path: string;
  store: StoreApi<unknown>;
  load: () => Promise<LabChallenge<unknown, object>>;
}
