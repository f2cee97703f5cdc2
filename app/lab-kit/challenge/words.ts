/**
 * The words of the kit's Challenge panel (ids `app.kit.challenge.*`: a catalog part of their own,
 * fetched with the panel when challenge mode is first turned on); each lab's questions live in its
 * folder. CT: what the page shows before that — the toggle, the veil over the results, and the
 * line that stands in for the panel while it loads (ids `app.kit.challengeOn.*`, in the base).
 */
import { defineMessages } from '../../../core/i18n/index.ts';

export const CT = defineMessages({
  toggle: {
    id: 'app.kit.challengeOn.toggle',
    defaultMessage: 'Challenge me',
    description: 'Toggle button: turn challenge mode (predict, then reveal) on or off.',
  },
  hidden: {
    id: 'app.kit.challengeOn.hidden',
    defaultMessage: 'Results hidden until you answer the challenge.',
    description: 'Stands in for the lab’s results while a challenge question is open.',
  },
  loading: {
    id: 'app.kit.challengeOn.loading',
    defaultMessage: 'Loading the questions…',
    description: 'Stands in for the Challenge panel while its questions are fetched (the first time challenge mode is turned on).',
  },
  failed: {
    id: 'app.kit.challengeOn.failed',
    defaultMessage:
      'The questions could not be loaded. Turn challenge mode off and on again to retry; the results are shown meanwhile.',
    description: 'The Challenge panel’s code or words failed to arrive (offline after the page loaded, say).',
  },
});

export const CW = defineMessages({
  title: {
    id: 'app.kit.challenge.title',
    defaultMessage: 'Challenge: predict, then reveal',
    description: 'Heading of the Challenge panel.',
  },
  hint: {
    id: 'app.kit.challenge.hint',
    defaultMessage:
      'The results are hidden until you answer. Read the inputs, predict what the kernel does, then check.',
    description: 'Under the Challenge heading while a question is open.',
  },
  questionOf: {
    id: 'app.kit.challenge.questionOf',
    defaultMessage: 'Question {i, number} of {n, number}',
    description: 'Which question of the lab is asked.',
  },
  yourAnswer: {
    id: 'app.kit.challenge.yourAnswer',
    defaultMessage: 'Your answer',
    description: 'Label of the answer field.',
  },
  numberHint: {
    id: 'app.kit.challenge.numberHint',
    defaultMessage: 'A whole number, e.g. 1480',
    description: 'Hint under a number answer field.',
  },
  offsetsHint: {
    id: 'app.kit.challenge.offsetsHint',
    defaultMessage: 'Whole numbers separated by commas, in order, e.g. 0, 1480, 2960',
    description: 'Hint under a list-of-offsets answer field.',
  },
  check: {
    id: 'app.kit.challenge.check',
    defaultMessage: 'Check',
    description: 'Button: check the answer and reveal the results.',
  },
  giveUp: {
    id: 'app.kit.challenge.giveUp',
    defaultMessage: 'Show me',
    description: 'Button: reveal the answer without answering (counts as wrong).',
  },
  next: {
    id: 'app.kit.challenge.next',
    defaultMessage: 'Next question',
    description: 'Button: ask the next question of the lab.',
  },
  right: {
    id: 'app.kit.challenge.right',
    defaultMessage: 'Right!',
    description: 'Verdict after checking: the answer was right.',
  },
  wrong: {
    id: 'app.kit.challenge.wrong',
    defaultMessage: 'Not quite. You said {given}; the kernel’s answer is {answer}.',
    description: 'Verdict after checking: the answer was wrong.',
  },
  tryAgain: {
    id: 'app.kit.challenge.tryAgain',
    defaultMessage: 'Not quite: {given} is not the kernel’s answer. Try again, or press “Show me”.',
    description: 'Feedback after a wrong answer; the question stays open and the answer is not shown.',
  },
  rightLater: {
    id: 'app.kit.challenge.rightLater',
    defaultMessage: 'Right, on try {n, number}. Only a first-try answer counts in the score.',
    description: 'Verdict: right after one or more wrong tries.',
  },
  shown: {
    id: 'app.kit.challenge.shown',
    defaultMessage: 'The kernel’s answer is {answer}.',
    description: 'Verdict after “Show me”.',
  },
  why: {
    id: 'app.kit.challenge.why',
    defaultMessage: 'Why',
    description: 'Heading of the explanation after the reveal.',
  },
  score: {
    id: 'app.kit.challenge.score',
    defaultMessage: 'Score this session: {right, number} of {asked, number}',
    description: 'The student’s score in this lab, kept for the browser session only.',
  },
  resetScore: {
    id: 'app.kit.challenge.resetScore',
    defaultMessage: 'Reset score',
    description: 'Button: set the session score back to zero.',
  },
  noQuestion: {
    id: 'app.kit.challenge.noQuestion',
    defaultMessage: 'No question fits this case. Fix the inputs or pick a preset, and a question appears.',
    description: 'Challenge panel when the lab has no valid result to ask about.',
  },
  empty: {
    id: 'app.kit.challenge.empty',
    defaultMessage: 'Type an answer first.',
    description: 'Answer field error: nothing typed.',
  },
  notNumber: {
    id: 'app.kit.challenge.notNumber',
    defaultMessage: '“{text}” is not a whole number.',
    description: 'Answer field error.',
  },
  tooMany: {
    id: 'app.kit.challenge.tooMany',
    defaultMessage: 'At most {max, number} numbers.',
    description: 'Answer field error: an offsets list is too long.',
  },
  pickOne: {
    id: 'app.kit.challenge.pickOne',
    defaultMessage: 'Pick one of the options.',
    description: 'Answer error: no option chosen.',
  },
  none: {
    id: 'app.kit.challenge.none',
    defaultMessage: '(none)',
    description: 'An empty list of numbers, as an answer.',
  },
  broken: {
    id: 'app.kit.challenge.broken',
    defaultMessage: 'A question could not be asked ({why}); the others still can.',
    description: 'A lab’s question threw (a bug); the panel stays up.',
  },
});
