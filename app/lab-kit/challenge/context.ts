/** The Challenge panel's state, given by the lab's root (ChallengeRoot) to the shell and the panel. */
import { createContext, useContext } from 'react';
import type { ComponentType } from 'react';
import type { Msg } from '../../../core/i18n/index.ts';
import type { Given } from './check.ts';
import type { Score } from './score.ts';
import type { ChallengeAsk } from './types.ts';

/** How a question ended: the student's answer (null: "Show me") and whether it was right. */
export interface Reveal {
  given: Given | null;
  right: boolean;
  /** Wrong answers checked before this one (only a first-try right answer scores). */
  tries: number;
}

/** A wrong answer checked while the question stays open ("try again"). */
export interface WrongTry {
  given: Given;
  /** How many wrong answers so far. */
  count: number;
}

export interface ChallengeContextValue {
  path: string;
  /** `challenge=1` is in the address. */
  on: boolean;
  /**
   * The Challenge panel, once its code, its words and the lab's questions have come (fetched when
   * challenge mode is first turned on); null before, or when they could not be fetched (`failed`).
   */
  Panel: ComponentType | null;
  /** The panel or the lab's questions could not be fetched: the results stay shown. */
  failed: boolean;
  /** The questions that fit the case on show. */
  asks: readonly ChallengeAsk[];
  /** A question that threw (a bug of the lab's questions), said once. */
  broken: Msg | null;
  /** Index of the question asked, within `asks`. */
  index: number;
  ask: ChallengeAsk | null;
  revealed: Reveal | null;
  /** The last wrong answer, while the question is still open. */
  wrong: WrongTry | null;
  score: Score;
  /**
   * A question is open, or its panel is on its way: the answer-revealing parts of the lab are
   * hidden (a teacher's `challenge=1` link never shows the answer while the questions load).
   */
  veiled: boolean;
  toggle: () => void;
  /**
   * Check a typed (or chosen) answer: right reveals; wrong leaves the question open to try again
   * (`wrong`); returns why it cannot be read, or null.
   */
  submit: (typed: string) => Msg | null;
  giveUp: () => void;
  next: () => void;
  resetScore: () => void;
}

const Context = createContext<ChallengeContextValue | null>(null);
Context.displayName = 'Challenge';
export const ChallengeProvider = Context.Provider;

/** The lab's challenge, or null for a lab that declares none. */
export function useChallenge(): ChallengeContextValue | null {
  return useContext(Context);
}
