/** Challenge mode (issue 14): predict, then reveal — the kit's half; each lab's questions are in its `challenge.ts`. */
export type {
  BoundChallenge,
  ChallengeAnswer,
  ChallengeAsk,
  ChallengeOption,
  ChallengeQuestion,
  LabChallenge,
} from './types.ts';
export { asksOf, isRight, readAnswer, readNumberAnswer, readOffsetsAnswer, MAX_OFFSETS } from './check.ts';
export { CHALLENGE_PARAM, hrefWithChallenge, isChallengeHref } from './url.ts';
