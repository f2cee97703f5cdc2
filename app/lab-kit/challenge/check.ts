/**
 * The pure half of challenge mode: which questions fit a case, how a typed answer reads (full-width
 * digits and Chinese commas too, via normalizeInput), and whether it is the core's answer. Nothing
 * here throws, for any JavaScript value.
 */
import { msg, normalizeInput } from '../../../core/i18n/index.ts';
import type { Msg, MsgValue } from '../../../core/i18n/index.ts';
import type { ChallengeAnswer, ChallengeAsk, LabChallenge } from './types.ts';
import { CW } from './words.ts';

/** The most numbers an offsets answer may hold (a 64 KiB datagram at MTU 68 is 1,366 fragments… and more). */
export const MAX_OFFSETS = 8192;
/** The longest answer read (the rest is cut, so it does not parse). */
export const MAX_ANSWER = 65536;
/** The most digits of one number. */
const MAX_DIGITS = 12;
/** The longest piece of a bad answer echoed back. */
const MAX_ECHO = 24;

export type Read<T> = { ok: true; value: T } | { ok: false; why: Msg };

const echo = (s: string) => (s.length > MAX_ECHO ? `${s.slice(0, MAX_ECHO)}…` : s);

/** One whole number as typed: `1480`, `１４８０`, `1,480`, ` 1 480 `. */
export function readNumberAnswer(typed: unknown): Read<number> {
  if (typeof typed !== 'string') return { ok: false, why: msg(CW.empty) };
  const t = normalizeInput(typed.slice(0, MAX_ANSWER)).trim();
  if (t === '') return { ok: false, why: msg(CW.empty) };
  // Thousands separators (`1,480`, `1 480`) are read as such only in groups of three.
  const plain = /^\d{1,3}([, _]\d{3})+$/.test(t) ? t.replace(/[, _]/g, '') : t;
  if (!new RegExp(`^\\d{1,${MAX_DIGITS}}$`).test(plain))
    return { ok: false, why: msg(CW.notNumber, { text: echo(t) }) };
  return { ok: true, value: Number(plain) };
}

/** A list of whole numbers as typed: `0, 1480, 2960`, `0 1480 2960`, `０、１４８０`. */
export function readOffsetsAnswer(typed: unknown): Read<number[]> {
  if (typeof typed !== 'string') return { ok: false, why: msg(CW.empty) };
  const t = normalizeInput(typed.slice(0, MAX_ANSWER)).trim();
  if (t === '') return { ok: false, why: msg(CW.empty) };
  const parts = t.split(/[\s,;]+/).filter(Boolean);
  if (parts.length > MAX_OFFSETS) return { ok: false, why: msg(CW.tooMany, { max: MAX_OFFSETS }) };
  const out: number[] = [];
  for (const p of parts) {
    if (!new RegExp(`^\\d{1,${MAX_DIGITS}}$`).test(p))
      return { ok: false, why: msg(CW.notNumber, { text: echo(p) }) };
    out.push(Number(p));
  }
  return { ok: true, value: out };
}

/** A chosen option: one of the answer's option values. */
export function readChoiceAnswer(answer: ChallengeAnswer, typed: unknown): Read<string> {
  if (answer.kind !== 'choice' || typeof typed !== 'string' || !answer.options.some((o) => o.value === typed))
    return { ok: false, why: msg(CW.pickOne) };
  return { ok: true, value: typed };
}

/** What the student gave, read for the answer's kind. */
export type Given =
  | { kind: 'number'; value: number }
  | { kind: 'choice'; value: string }
  | { kind: 'offsets'; value: number[] };

/** Read a typed (or chosen) answer for the question's kind. */
export function readAnswer(answer: ChallengeAnswer, typed: unknown): Read<Given> {
  switch (answer.kind) {
    case 'number': {
      const r = readNumberAnswer(typed);
      return r.ok ? { ok: true, value: { kind: 'number', value: r.value } } : r;
    }
    case 'offsets': {
      const r = readOffsetsAnswer(typed);
      return r.ok ? { ok: true, value: { kind: 'offsets', value: r.value } } : r;
    }
    case 'choice': {
      const r = readChoiceAnswer(answer, typed);
      return r.ok ? { ok: true, value: { kind: 'choice', value: r.value } } : r;
    }
  }
}

/** Whether what the student gave is the core's answer (offsets: the same numbers in the same order). */
export function isRight(answer: ChallengeAnswer, given: Given): boolean {
  if (answer.kind === 'number' && given.kind === 'number') return answer.value === given.value;
  if (answer.kind === 'choice' && given.kind === 'choice') return answer.value === given.value;
  if (answer.kind === 'offsets' && given.kind === 'offsets')
    return answer.value.length === given.value.length && answer.value.every((v, i) => v === given.value[i]);
  return false;
}

/** An answer (the core's or the student's) as a message value, for the verdict. */
export function answerValue(answer: ChallengeAnswer, v: Given | ChallengeAnswer): MsgValue {
  if (v.kind === 'number') return v.value;
  if (v.kind === 'offsets') return v.value.length ? v.value.join(', ') : msg(CW.none);
  const chosen = answer.kind === 'choice' ? answer.options.find((o) => o.value === v.value) : undefined;
  return chosen ? chosen.label : v.value;
}

/** The questions of a lab that fit a case, in the lab's order; a question that throws is reported, not fatal. */
export function asksOf<C extends object>(
  challenge: LabChallenge<unknown, C>,
  c: C | null,
): { asks: ChallengeAsk[]; broken: Msg | null } {
  const asks: ChallengeAsk[] = [];
  let broken: Msg | null = null;
  if (c === null) return { asks, broken };
  for (const q of challenge.questions) {
    try {
      const a = q.ask(c);
      if (a && validAnswer(a.answer)) asks.push({ id: q.id, ...a });
    } catch (e) {
      broken ??= msg(CW.broken, { why: echo(e instanceof Error ? e.message : String(e)) });
    }
  }
  return { asks, broken };
}

/** An answer a student could give: finite whole numbers, a choice among its options. */
function validAnswer(a: ChallengeAnswer): boolean {
  const whole = (n: number) => Number.isSafeInteger(n) && n >= 0;
  if (a.kind === 'number') return whole(a.value);
  if (a.kind === 'offsets') return a.value.length <= MAX_OFFSETS && a.value.every(whole);
  return a.options.length > 1 && a.options.some((o) => o.value === a.value);
}
