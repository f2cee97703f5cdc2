/**
 * One parameter of an input language (a send, a fragment list, a netlink buffer): its key, its label,
 * how its text parses and formats, its default and its limits — written once and used by the CLI
 * (`--mtu 1500`), the URL (`mtu=1500`) and the form (the "MTU" field) alike. The helpers follow
 * Observable Plot's `src/options.js` (`keyword(input, name, allowed)`, `number(...)`).
 *
 * Parsers never throw, for any text. A failure is data: a stable `code`, the `values` it names and
 * the English `message`, made from one table (MESSAGES) with the parameter called as the caller
 * calls it (`--mtu`, `mtu=`, `MTU`), so message catalogs can take the table over.
 */
import { normalizeInput } from '../i18n/input.ts';
import { defineMessages, msg, renderText, type Msg, type MsgValue } from '../i18n/index.ts';
import { labelMsg } from './labels.ts';

/** How a parameter is called in a message: `--mtu` on the CLI, `mtu=` in a URL, `MTU` in the form. */
export type ParamName = string;

export type ParamCode =
  | 'empty'
  | 'not-whole'
  | 'range'
  | 'not-keyword'
  | 'not-bit'
  | 'list-empty'
  | 'list-item'
  | 'list-range'
  | 'list-long'
  | 'not-hex'
  | 'hex-odd'
  | 'hex-long'
  | 'rule'
  | 'not-text';

export interface ParamIssue {
  /** The parameter's key (`mtu`), whatever the caller calls it. */
  key: string;
  code: ParamCode;
  /** What the message names: the value as given (bounded), the limits, the allowed words… */
  values: Record<string, string | number>;
  /** The English sentence (MESSAGES[code] with the parameter's name). */
  message: string;
  /** The same sentence as a message, for any language (ISSUE_MESSAGES[code]). */
  msg: Msg;
}

export type ParamResult<T> = { ok: true; value: T } | { ok: false; issue: ParamIssue };

export interface Limits {
  min?: number;
  max?: number;
  /** Lists: the most items. */
  maxItems?: number;
}

export interface Param<T> {
  key: string;
  /** The form's name for it (English; catalogs key on `key`). */
  label: string;
  parse(text: string, name?: ParamName): ParamResult<T>;
  format(value: T): string;
  default: T;
  limits: Limits;
}

/** The longest piece of a bad value a message repeats (the rest becomes "…"). */
export const ECHO_MAX = 40;

/** A value as a message may repeat it: at most ECHO_MAX characters. */
export function echo(text: string): string {
  const chars = [...text];
  return chars.length <= ECHO_MAX ? text : `${chars.slice(0, ECHO_MAX).join('')}…`;
}

const n = (v: string | number | undefined) =>
  typeof v === 'number' ? v.toLocaleString('en-US') : String(v ?? '');

/** The English of every code: `name` is the parameter as the reader knows it. */
const MESSAGES: Record<ParamCode, (name: string, v: Record<string, string | number>) => string> = {
  empty: (name) => `${name} is empty: enter a value.`,
  'not-whole': (name, v) =>
    `${name} must be a whole number${v.unit ? ` of ${v.unit}` : ''}; got “${v.value}”.`,
  range: (name, v) => `${name} must be from ${n(v.min)} to ${n(v.max)}; got ${n(v.value)}.`,
  'not-keyword': (name, v) => `${name} must be one of ${v.allowed}; got “${v.value}”.`,
  'not-bit': (name, v) => `${name} must be 0 or 1; got “${v.value}”.`,
  'list-empty': (name, v) => `${name}: give numbers separated by commas, e.g. ${v.example}.`,
  'list-item': (name, v) => `${name}: item ${n(v.item)}, “${v.value}”, is not a whole number.`,
  'list-range': (name, v) =>
    `${name}: item ${n(v.item)} must be from ${n(v.min)} to ${n(v.max)}; got ${n(v.value)}.`,
  'list-long': (name, v) => `${name}: at most ${n(v.max)} items; got ${n(v.count)}.`,
  'not-hex': (name, v) => `${name}: “${v.value}” is not a hex digit (use 0–9 and a–f).`,
  'hex-odd': (name, v) => `${name}: odd number of hex digits (${n(v.count)}); a byte is two.`,
  'hex-long': (name, v) => `${name}: at most ${n(v.max)} bytes; got ${n(v.count)}.`,
  // A rule of the model (validateSendInput…) already says which parameter in its own words.
  rule: (_name, v) => String(v.why),
  'not-text': (name) => `${name} must be given as text.`,
};

/**
 * The same sentences in the catalogs (en.json is extracted from these; zh-CN.json translates
 * them). Numbers come formatted (65,535) and a long value echoed cut, as MESSAGES writes them;
 * core/params/params.test.ts checks that both say the same in English.
 */
export const ISSUE_MESSAGES = defineMessages({
  empty: { id: 'params.issue.empty', defaultMessage: '{name} is empty: enter a value.' },
  'not-whole': {
    id: 'params.issue.notWhole',
    defaultMessage:
      '{name} must be a whole number{unit, select, bytes { of bytes} ms { of ms} other {}}; got “{value}”.',
    description: 'unit: bytes, ms or empty.',
  },
  range: { id: 'params.issue.range', defaultMessage: '{name} must be from {min} to {max}; got {value}.' },
  'not-keyword': {
    id: 'params.issue.notKeyword',
    defaultMessage: '{name} must be one of {allowed}; got “{value}”.',
    description: 'allowed: the words, separated by commas.',
  },
  'not-bit': { id: 'params.issue.notBit', defaultMessage: '{name} must be 0 or 1; got “{value}”.' },
  'list-empty': {
    id: 'params.issue.listEmpty',
    defaultMessage: '{name}: give numbers separated by commas, e.g. {example}.',
  },
  'list-item': {
    id: 'params.issue.listItem',
    defaultMessage: '{name}: item {item}, “{value}”, is not a whole number.',
  },
  'list-range': {
    id: 'params.issue.listRange',
    defaultMessage: '{name}: item {item} must be from {min} to {max}; got {value}.',
  },
  'list-long': { id: 'params.issue.listLong', defaultMessage: '{name}: at most {max} items; got {count}.' },
  'not-hex': {
    id: 'params.issue.notHex',
    defaultMessage: '{name}: “{value}” is not a hex digit (use 0–9 and a–f).',
  },
  'hex-odd': {
    id: 'params.issue.hexOdd',
    defaultMessage: '{name}: odd number of hex digits ({count}); a byte is two.',
  },
  'hex-long': { id: 'params.issue.hexLong', defaultMessage: '{name}: at most {max} bytes; got {count}.' },
  rule: {
    id: 'params.issue.rule',
    defaultMessage: '{why}',
    description:
      'A rule of the model, already a sentence naming the parameter (English until core/ip is converted).',
  },
  'not-text': { id: 'params.issue.notText', defaultMessage: '{name} must be given as text.' },
});

/** The issue's message: its values as MESSAGES writes them (numbers grouped, the unit a word). */
function issueMsg(code: ParamCode, name: string, v: Record<string, string | number>): Msg {
  const values: Record<string, MsgValue> = { name: labelMsg(name) };
  for (const [k, x] of Object.entries(v)) values[k] = k === 'value' ? String(x) : n(x);
  if (typeof v.value === 'number') values.value = n(v.value);
  if (code === 'not-whole') values.unit = String(v.unit ?? '') || 'none';
  return msg(ISSUE_MESSAGES[code], values);
}

/** An issue of `key`, its message naming the parameter as `name`. */
export function paramIssue(
  key: string,
  code: ParamCode,
  values: Record<string, string | number>,
  name: ParamName = key,
): ParamIssue {
  return { key, code, values, message: MESSAGES[code](name, values), msg: issueMsg(code, name, values) };
}

/**
 * A rule of the model as an issue, its reason a message: `values.why` keeps the English (what
 * `message` says), `msg` the reason itself, for any language.
 */
export function ruleIssue(key: string, why: Msg, values: Record<string, string | number> = {}): ParamIssue {
  const english = renderText(why, 'en');
  return {
    key,
    code: 'rule',
    values: { ...values, why: english },
    message: english,
    msg: msg(ISSUE_MESSAGES.rule, { why }),
  };
}

/** The same issue, its message naming the parameter another way (the CLI's `--mtu`). */
export function renameIssue(i: ParamIssue, name: ParamName): ParamIssue {
  // A rule says which parameter in its own words, already.
  if (i.code === 'rule') return i;
  return { ...i, message: MESSAGES[i.code](name, i.values), msg: issueMsg(i.code, name, i.values) };
}

const fail = <T>(i: ParamIssue): ParamResult<T> => ({ ok: false, issue: i });

/**
 * Parsers take any JavaScript value at run time (a caller in plain JavaScript, a fuzzer): anything
 * but a string is this issue, never a TypeError.
 */
export function notText(key: string, text: unknown, name: ParamName): ParamIssue | null {
  return typeof text === 'string' ? null : paramIssue(key, 'not-text', {}, name);
}

/** A number as a range message repeats it: a 400-digit value is echoed, not spelt out in full. */
const shown = (t: string, v: number): string | number => (t.length > 15 ? echo(t) : v);

/** A whole number in [min, max] (decimal digits; surrounding spaces allowed). */
export function whole(
  key: string,
  label: string,
  limits: { min: number; max: number; unit?: string },
  dflt: number,
): Param<number> {
  return {
    key,
    label,
    default: dflt,
    limits,
    format: String,
    parse(raw, name = label) {
      const bad = notText(key, raw, name);
      if (bad) return fail(bad);
      const text = normalizeInput(raw);
      const t = text.trim();
      if (t === '') return fail(paramIssue(key, 'empty', {}, name));
      if (!/^\d+$/.test(t))
        return fail(paramIssue(key, 'not-whole', { value: echo(t), unit: limits.unit ?? '' }, name));
      const v = Number(t);
      if (v < limits.min || v > limits.max)
        return fail(paramIssue(key, 'range', { value: shown(t, v), min: limits.min, max: limits.max }, name));
      return { ok: true, value: v };
    },
  };
}

/** Whole numbers separated by commas (`1000,1000`), each in [min, max], at most maxItems of them. */
export function wholeList(
  key: string,
  label: string,
  limits: { min: number; max: number; maxItems: number; example: string },
  dflt: number[],
): Param<number[]> {
  return {
    key,
    label,
    default: dflt,
    limits,
    format: (v) => v.join(','),
    parse(raw, name = label) {
      const bad = notText(key, raw, name);
      if (bad) return fail(bad);
      const text = normalizeInput(raw);
      const parts = text.split(',').map((p) => p.trim());
      if (parts.every((p) => p === ''))
        return fail(paramIssue(key, 'list-empty', { example: limits.example }, name));
      if (parts.length > limits.maxItems)
        return fail(paramIssue(key, 'list-long', { max: limits.maxItems, count: parts.length }, name));
      const out: number[] = [];
      for (const [i, p] of parts.entries()) {
        if (!/^\d+$/.test(p))
          return fail(paramIssue(key, 'list-item', { item: i + 1, value: echo(p) }, name));
        const v = Number(p);
        if (v < limits.min || v > limits.max)
          return fail(
            paramIssue(
              key,
              'list-range',
              { item: i + 1, value: shown(p, v), min: limits.min, max: limits.max },
              name,
            ),
          );
        out.push(v);
      }
      return { ok: true, value: out };
    },
  };
}

/** One word of `allowed` (exactly as written). */
export function keyword<K extends string>(
  key: string,
  label: string,
  allowed: readonly K[],
  dflt: K,
): Param<K> {
  return {
    key,
    label,
    default: dflt,
    limits: {},
    format: (v) => v,
    parse(raw, name = label) {
      const bad = notText(key, raw, name);
      if (bad) return fail(bad);
      const text = normalizeInput(raw);
      const hit = allowed.find((a) => a === text.trim());
      return hit !== undefined
        ? { ok: true, value: hit }
        : fail(paramIssue(key, 'not-keyword', { value: echo(text), allowed: allowed.join(', ') }, name));
    },
  };
}

/** `1` or `0`: a checkbox, or a switch of the kernel model. */
export function bit(key: string, label: string, dflt: boolean): Param<boolean> {
  return {
    key,
    label,
    default: dflt,
    limits: {},
    format: (v) => (v ? '1' : '0'),
    parse(raw, name = label) {
      const bad = notText(key, raw, name);
      if (bad) return fail(bad);
      const text = normalizeInput(raw);
      const t = text.trim();
      if (t === '1' || t === '0') return { ok: true, value: t === '1' };
      return fail(paramIssue(key, 'not-bit', { value: echo(text) }, name));
    },
  };
}

/** The text a parameter shows for its default (what a form starts with). */
export const defaultText = <T>(p: Param<T>): string => p.format(p.default);
