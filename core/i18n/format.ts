/**
 * Rendering messages, framework-free: `formatMsg` for plain text (the CLI), `formatMsgParts` for
 * text and code spans (a UI maps code parts to its code font). Built on @formatjs/intl's
 * createIntl over the catalogs. Never throws: an unknown id, a missing value or a bad input
 * renders as well as it can and is reported to `onError`.
 */
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { CATALOGS } from './catalogs.ts';
import { DEFAULT_LOCALE, LOCALES, parseLocale, type Locale } from './locale.ts';
import { isMsg, type Msg, type Text } from './msg.ts';

/** How code spans look in plain text: as they are, or in `backticks`. */
export type CodeStyle = 'plain' | 'backticks';

export interface FormatOptions {
  code?: CodeStyle;
  /** Told about anything that could not be rendered as the catalog says (tests fail on it). */
  onError?: (error: Error) => void;
}

/** A run of prose, or a kernel identifier / code fragment (shown in code font, never translated). */
export type TextPart = { kind: 'text'; text: string } | { kind: 'code'; text: string };

/** How deep messages may nest inside each other's values. */
const MAX_DEPTH = 8;

let sink: ((e: Error) => void) | undefined;
const cache = createIntlCache();
const intls = new Map<Locale, IntlShape>();

function intlFor(locale: Locale): IntlShape {
  let intl = intls.get(locale);
  if (!intl) {
    intl = createIntl(
      { locale, defaultLocale: DEFAULT_LOCALE, messages: CATALOGS[locale], onError: (e) => sink?.(e) },
      cache,
    );
    intls.set(locale, intl);
  }
  return intl;
}

// Markers the rich-text callbacks return, flattened into parts afterwards.
interface CodeMark {
  readonly code: readonly unknown[];
}
interface PartsMark {
  readonly parts: readonly TextPart[];
}

function flatten(out: TextPart[], x: unknown, kind: TextPart['kind']): void {
  if (typeof x === 'string') push(out, kind, x);
  else if (Array.isArray(x)) for (const y of x) flatten(out, y, kind);
  else if (x && typeof x === 'object' && 'code' in x)
    for (const y of (x as CodeMark).code) flatten(out, y, 'code');
  else if (x && typeof x === 'object' && 'parts' in x)
    for (const p of (x as PartsMark).parts) push(out, kind === 'code' ? 'code' : p.kind, p.text);
  else if (x !== undefined && x !== null) push(out, kind, String(x));
}

function push(out: TextPart[], kind: TextPart['kind'], text: string): void {
  if (text === '') return;
  const last = out[out.length - 1];
  if (last && last.kind === kind) out[out.length - 1] = { kind, text: last.text + text };
  else out.push({ kind, text });
}

function parts(m: Msg, locale: Locale, depth: number, report: (e: Error) => void): TextPart[] {
  if (depth > MAX_DEPTH) {
    report(new Error(`message ${m.id}: nested deeper than ${MAX_DEPTH}`));
    return [{ kind: 'text', text: '…' }];
  }
  // The asked language, else English, else any language that has it: the browser build loads
  // only the page's language (catalogs-lazy.ts), where English text asked for by name (an issue's
  // English `message`) is shown in the page's language rather than as an id.
  const where: Locale | null = Object.hasOwn(CATALOGS[locale], m.id)
    ? locale
    : Object.hasOwn(CATALOGS[DEFAULT_LOCALE], m.id)
      ? DEFAULT_LOCALE
      : (LOCALES.find((l) => Object.hasOwn(CATALOGS[l], m.id)) ?? null);
  if (!where) {
    report(new Error(`message ${m.id}: not in the ${locale} catalog`));
    return [{ kind: 'text', text: m.id }];
  }
  if (where !== locale) report(new Error(`message ${m.id}: not in the ${locale} catalog, ${where} shown`));
  const values: Record<string, unknown> = { code: (chunks: unknown[]): CodeMark => ({ code: chunks }) };
  for (const [k, v] of Object.entries(m.values ?? {})) {
    // An undefined value is an absent one, as msgOptional leaves it out (msg keeps what it is given).
    if (v === undefined) continue;
    if (typeof v === 'string' || typeof v === 'number') values[k] = v;
    else if (isMsg(v)) values[k] = { parts: parts(v, locale, depth + 1, report) } satisfies PartsMark;
    else {
      report(new Error(`message ${m.id}: value ${k} is neither text, a number nor a message`));
      values[k] = '';
    }
  }
  const prev = sink;
  sink = report;
  let r: unknown;
  try {
    // Called under another name: the extractor reads every `formatMessage(` call as a declaration.
    const { formatMessage: render } = intlFor(where);
    r = render({ id: m.id }, values as Record<string, string>);
  } catch (e) {
    report(e instanceof Error ? e : new Error(String(e)));
    // The text as written; the browser build's catalogs hold compiled ASTs (catalogs-lazy.ts).
    const raw: unknown = CATALOGS[where][m.id];
    r = typeof raw === 'string' ? raw : m.id;
  } finally {
    sink = prev;
  }
  const out: TextPart[] = [];
  flatten(out, r, 'text');
  return out;
}

const ignore = () => {};

/** A message as runs of prose and code, in `locale` (English for anything unknown). */
export function formatMsgParts(m: unknown, locale: unknown, opts: FormatOptions = {}): TextPart[] {
  const report = opts.onError ?? ignore;
  const loc = parseLocale(locale) ?? DEFAULT_LOCALE;
  if (!isMsg(m)) {
    report(new Error('not a message'));
    return [];
  }
  return parts(m, loc, 0, report);
}

/** Parts as one line of plain text, code spans as they are or in backticks. */
export function joinParts(ps: readonly TextPart[], code: CodeStyle = 'plain'): string {
  return ps.map((p) => (p.kind === 'code' && code === 'backticks' ? `\`${p.text}\`` : p.text)).join('');
}

/** A message as plain text in `locale` (the CLI's rendering). */
export function formatMsg(m: unknown, locale: unknown, opts: FormatOptions = {}): string {
  return joinParts(formatMsgParts(m, locale, opts), opts.code);
}

/** Transitional: a Text (an English string not converted yet, or a Msg) as parts. */
export function renderTextParts(t: unknown, locale: unknown, opts: FormatOptions = {}): TextPart[] {
  if (typeof t === 'string') return t === '' ? [] : [{ kind: 'text', text: t }];
  return formatMsgParts(t, locale, opts);
}

/** Transitional: a Text (an English string not converted yet, or a Msg) as plain text. */
export function renderText(t: Text | unknown, locale: unknown, opts: FormatOptions = {}): string {
  return joinParts(renderTextParts(t, locale, opts), opts.code);
}

/** How deep addTextFields walks. */
const MAX_WALK = 64;

/**
 * For JSON output: a deep copy of `value` where every Msg-valued field `x` keeps its machine
 * shape (`{ id, values }`) and gains a sibling `x_text` with the sentence in `locale`.
 * Msg elements of arrays are left as they are (an array has no room for a sibling).
 */
export function addTextFields(value: unknown, locale: Locale, opts: FormatOptions = {}): unknown {
  const walk = (v: unknown, depth: number): unknown => {
    if (depth > MAX_WALK || v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    if (isMsg(v)) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      out[k] = walk(x, depth + 1);
      if (isMsg(x)) out[`${k}_text`] = formatMsg(x, locale, opts);
    }
    return out;
  };
  return walk(value, 0);
}
