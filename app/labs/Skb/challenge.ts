/**
 * The sk_buff lab's challenge (issue 14): for the op at the step on show, where `data` points after
 * it, what skb->len becomes, and whether the kernel does it at all. Every answer is read from the
 * core's own run (runSkbOps: the step's snapshot and outcome), never written down here.
 */
import { defineMessages, msg } from '../../../core/i18n/index.ts';
import type { Msg } from '../../../core/i18n/index.ts';
import type { SkbLabSnapshot, SkbOpOutcome, SkbRun } from '../../../core/skb/index.ts';
import type { LabChallenge } from '../../lab-kit/challenge/index.ts';
import type { SkbState } from './store.ts';

const M = defineMessages({
  before: {
    id: 'lab.skb.challenge.before',
    defaultMessage:
      'Before <code>{fn}(skb, {n, number})</code>: head at 0, <code>data</code> at {data, number}, <code>tail</code> at {tail, number}, <code>end</code> at {end, number}; <code>skb->len</code> is {len, number}.',
    description: 'Challenge: the buffer before the op (byte offsets from head). Kernel identifiers stay.',
  },
  dataQ: {
    id: 'lab.skb.challenge.data.q',
    defaultMessage:
      '{before} After the call, at which byte (counted from head) does <code>data</code> point?',
    description: 'Challenge question: where data points after the op.',
  },
  dataWhy: {
    id: 'lab.skb.challenge.data.why',
    defaultMessage:
      '{op, select, push {<code>skb_push</code> makes room for a header in front: it moves <code>data</code> back by {n, number} bytes, from {from, number} to {to, number}, and the headroom shrinks to {headroom, number}.} pull {<code>skb_pull</code> moves past a header that has been read: it moves <code>data</code> forward by {n, number} bytes, from {from, number} to {to, number}.} reserve {<code>skb_reserve</code> keeps room for headers in an empty buffer: it moves <code>data</code> and <code>tail</code> forward together by {n, number} bytes, so <code>data</code> is at {to, number}.} other {<code>{fn}</code> works at the tail end of the data: <code>data</code> does not move and stays at {to, number}.}}',
    description: 'Challenge explanation: why data is where it is.',
  },
  lenQ: {
    id: 'lab.skb.challenge.len.q',
    defaultMessage: '{before} After the call, what is <code>skb->len</code>?',
    description: 'Challenge question: skb->len after the op.',
  },
  lenWhy: {
    id: 'lab.skb.challenge.len.why',
    defaultMessage:
      '<code>skb->len</code> counts the bytes between <code>data</code> and <code>tail</code> (plus any paged data). {op, select, push {<code>skb_push</code> adds {n, number} bytes in front,} put {<code>skb_put</code> adds {n, number} bytes at the end,} pull {<code>skb_pull</code> takes {n, number} bytes off the front,} trim {<code>skb_trim</code> cuts the data down to {n, number} bytes,} other {<code>{fn}</code> adds no data,}} so it goes from {from, number} to {to, number}.',
    description: 'Challenge explanation: why skb->len is what it is.',
  },
  fateQ: {
    id: 'lab.skb.challenge.fate.q',
    defaultMessage: '{before} What does the kernel do with this call?',
    description: 'Challenge question: does the op succeed, or how is it refused.',
  },
  fateOk: {
    id: 'lab.skb.challenge.fate.ok',
    defaultMessage: 'It does it: the pointers move',
    description: 'Challenge option: the op succeeds.',
  },
  fateOver: {
    id: 'lab.skb.challenge.fate.over',
    defaultMessage: 'Kernel panic: <code>skb_over_panic</code> (past <code>end</code>)',
    description: 'Challenge option.',
  },
  fateUnder: {
    id: 'lab.skb.challenge.fate.under',
    defaultMessage: 'Kernel panic: <code>skb_under_panic</code> (before head)',
    description: 'Challenge option.',
  },
  fateLinear: {
    id: 'lab.skb.challenge.fate.linear',
    defaultMessage: 'Kernel BUG: <code>SKB_LINEAR_ASSERT</code> (the buffer has paged data)',
    description: 'Challenge option.',
  },
  fateNull: {
    id: 'lab.skb.challenge.fate.null',
    defaultMessage: 'It refuses quietly (returns NULL); nothing moves',
    description: 'Challenge option.',
  },
  fateWarn: {
    id: 'lab.skb.challenge.fate.warn',
    defaultMessage: 'It warns and leaves the buffer as it is',
    description: 'Challenge option.',
  },
  fateWhyOk: {
    id: 'lab.skb.challenge.fate.whyOk',
    defaultMessage:
      'There is room: {n, number} bytes fit {op, select, push {in the headroom ({room, number} bytes free in front of <code>data</code>)} put {in the tailroom ({room, number} bytes free after <code>tail</code>)} other {within the buffer}}, so <code>{fn}</code> just moves the pointers.',
    description: 'Challenge explanation: the op succeeds.',
  },
  fateWhyNo: {
    id: 'lab.skb.challenge.fate.whyNo',
    defaultMessage: 'The kernel checks before it moves anything: {why}',
    description: 'Challenge explanation: the op is refused; why is the core’s own reason.',
  },
});

/** The kernel's possible reactions to one op, in a fixed order (the options; the answer comes from the run). */
const FATES: readonly { value: string; label: Msg }[] = [
  { value: 'ok', label: msg(M.fateOk) },
  { value: 'skb_over_panic', label: msg(M.fateOver) },
  { value: 'skb_under_panic', label: msg(M.fateUnder) },
  { value: 'SKB_LINEAR_ASSERT', label: msg(M.fateLinear) },
  { value: 'null', label: msg(M.fateNull) },
  { value: 'warn', label: msg(M.fateWarn) },
];

export interface SkbCase {
  run: SkbRun;
  step: number;
}

interface At {
  fn: string;
  op: string;
  n: number;
  before: SkbLabSnapshot;
  after: SkbLabSnapshot;
  outcome: SkbOpOutcome;
}

/** The op at the step on show, with the buffer before and after it (null: alloc_skb, or no such step). */
function at({ run, step }: SkbCase): At | null {
  // One outcome per trace step, unless the input held something that is not an op.
  if (step < 1 || run.outcomes.length !== run.trace.length) return null;
  const t = run.trace[step];
  const prev = run.trace[step - 1];
  const outcome = run.outcomes[step];
  if (!t || !prev || !outcome) return null;
  return { fn: t.fn, op: outcome.op.op, n: outcome.op.n, before: prev.snapshot, after: t.snapshot, outcome };
}

const beforeMsg = (a: At) =>
  msg(M.before, {
    fn: a.fn,
    n: a.n,
    data: a.before.skb.data,
    tail: a.before.skb.tail,
    end: a.before.skb.end,
    len: a.before.skb.len,
  });

/** A question on one number of the buffer after an op that went through: its value now, and why. */
const afterOp = (
  id: 'data' | 'len',
  question: { id: string },
  why: { id: string },
  more: (a: At) => Record<string, number> = () => ({}),
) => ({
  id,
  ask: (c: SkbCase) => {
    const a = at(c);
    if (!a || !a.outcome.ok) return null;
    return {
      prompt: msg(question, { before: beforeMsg(a) }),
      answer: { kind: 'number' as const, value: a.after.skb[id] },
      explain: msg(why, {
        op: a.op,
        fn: a.fn,
        n: a.n,
        from: a.before.skb[id],
        to: a.after.skb[id],
        ...more(a),
      }),
    };
  },
});

export const skbChallenge: LabChallenge<SkbState, SkbCase> = {
  caseOf: (s) => (s.replay ? null : { run: s.run, step: s.step }),
  questions: [
    afterOp('data', M.dataQ, M.dataWhy, (a) => ({ headroom: a.after.headroom })),
    afterOp('len', M.lenQ, M.lenWhy),
    {
      id: 'fate',
      ask: (c) => {
        const a = at(c);
        if (!a) return null;
        const value = a.outcome.ok ? 'ok' : (a.outcome.error?.kind ?? 'invalid');
        if (!FATES.some((f) => f.value === value)) return null;
        return {
          prompt: msg(M.fateQ, { before: beforeMsg(a) }),
          answer: { kind: 'choice', value, options: FATES },
          explain: a.outcome.ok
            ? msg(M.fateWhyOk, {
                op: a.op,
                fn: a.fn,
                n: a.n,
                room: a.op === 'push' ? a.before.headroom : a.before.tailroom,
              })
            : msg(M.fateWhyNo, { why: a.outcome.error?.message ?? '' }),
        };
      },
    },
  ],
};
