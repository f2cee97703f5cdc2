/**
 * The fragment-list language: what `sockscope reassemble` takes as flags and the Reassembly lab as
 * URL parameters and cards — `frags` (items `offset:length:mf[:other][:idN]`, byte ranges of the UDP
 * datagram), `order` (arrival order as indexes into frags), `at` (arrival times, ms), `until`, `id`,
 * `len`, `family`, `source` — each once. The lab keeps a card's parts as typed (so a bad one can be
 * shown and fixed); `fragItemSpec` is the one place they become a FragmentSpec.
 */
import { normalizeInput } from '../i18n/input.ts';
import { defineMessages, msg, msgOptional, renderText, type Msg } from '../i18n/index.ts';
import type { FragmentSpec } from '../ip/index.ts';
import { echo, keyword, notText, paramIssue, ruleIssue, whole } from './param.ts';
import type { ParamIssue, ParamName } from './param.ts';
import { FAMILIES } from './send.ts';

/** One fragment item as typed: every part a string, parts that mean nothing kept in `extra`. */
export interface FragItemText {
  offset: string;
  length: string;
  /** '1' (More Fragments) or '0'. */
  mf: string;
  /** 'same' (the sender's bytes) or 'other' (the same range with different bytes). */
  fill: string;
  /** IP id ('' = the run's default id). */
  id: string;
  extra: string;
}

export type FragPart = keyof FragItemText;

/** `0:1480:1:other:id7` → its parts; never fails (what means nothing goes to `extra`). */
export function splitFragItem(item: string): FragItemText {
  const [offset = '', length = '', mf = '', ...rest] = item.split(':');
  const out: FragItemText = { offset, length, mf, fill: 'same', id: '', extra: '' };
  const extra: string[] = [];
  for (const r of rest) {
    if (r === 'other' || r === 'same') out.fill = r;
    else if (/^id\d*$/.test(r)) out.id = r.slice(2);
    else extra.push(r);
  }
  out.extra = extra.join(':');
  return out;
}

/** The item's text: `offset:length:mf`, then `:other` and `:idN` when set. */
export function formatFragItem(c: FragItemText): string {
  const parts = [c.offset, c.length, c.mf];
  if (c.fill !== 'same') parts.push(c.fill);
  if (c.id !== '') parts.push(`id${c.id}`);
  if (c.extra !== '') parts.push(c.extra);
  return parts.join(':');
}

export function fragItemOfSpec(f: FragmentSpec): FragItemText {
  return {
    offset: String(f.offset),
    length: String(f.length),
    mf: f.mf ? '1' : '0',
    fill: f.fill ?? 'same',
    id: f.id === undefined ? '' : String(f.id),
    extra: '',
  };
}

/** What is wrong with one part of an item (the card shows it next to that part). */
export interface FragPartIssue {
  part: FragPart;
  code: 'offset' | 'length' | 'mf' | 'fill' | 'id' | 'extra';
  /** The English sentence (`msg` in English). */
  message: string;
  /** The same sentence as a message, for any language. */
  msg: Msg;
}

/** The fragment-list grammar's sentences (the cards, the banner and `--frags`). */
export const PART_MESSAGES = defineMessages({
  offset: { id: 'params.frags.part.offset', defaultMessage: 'The offset is a whole number of bytes.' },
  length: { id: 'params.frags.part.length', defaultMessage: 'The length is a whole number of bytes.' },
  mf: { id: 'params.frags.part.mf', defaultMessage: 'MF must be 1 or 0.' },
  fill: { id: 'params.frags.part.fill', defaultMessage: 'The bytes are “same” (the sender’s) or “other”.' },
  id: { id: 'params.frags.part.id', defaultMessage: 'The id is a whole number (or empty for the default).' },
  extra: {
    id: 'params.frags.part.extra',
    defaultMessage:
      '“{value}” means nothing here: a fragment is <code>offset:length:mf</code>, optionally <code>:other</code> and <code>:idN</code>.',
  },
});

const FM = defineMessages({
  item: {
    id: 'params.frags.item',
    defaultMessage: '{name} item {item} (“{text}”): {why}',
    description: 'name: the parameter (--frags, frags=); why: one of params.frags.part.*.',
  },
  orderRange: {
    id: 'params.frags.order.range',
    defaultMessage: '{name} indexes run from 0 to {last}; got {bad}.',
  },
  orderNotList: {
    id: 'params.frags.order.notList',
    defaultMessage: '{name} takes indexes separated by commas, e.g. 2,0,1; got “{value}”.',
  },
});

const isWhole = (s: string) => /^\d+$/.test(s.trim());

/** One item's FragmentSpec, or every part that stops it. The core's own rules (multiples of 8…) come later. */
export function fragItemSpec(
  c: FragItemText,
): { ok: true; spec: FragmentSpec } | { ok: false; issues: FragPartIssue[] } {
  const issues: FragPartIssue[] = [];
  const bad = (part: FragPart, value = '') => {
    const m = msg(PART_MESSAGES[part], part === 'extra' ? { value: echo(value) } : undefined);
    issues.push({ part, code: part, message: renderText(m, 'en'), msg: m });
  };
  if (!isWhole(c.offset)) bad('offset');
  if (!isWhole(c.length)) bad('length');
  if (c.mf !== '1' && c.mf !== '0') bad('mf');
  if (c.fill !== 'same' && c.fill !== 'other') bad('fill');
  if (c.id.trim() !== '' && !isWhole(c.id)) bad('id');
  if (c.extra !== '') bad('extra', c.extra);
  if (issues.length > 0) return { ok: false, issues };
  const spec: FragmentSpec = { offset: Number(c.offset), length: Number(c.length), mf: c.mf === '1' };
  if (c.fill === 'other') spec.fill = 'other';
  if (c.id.trim() !== '') spec.id = Number(c.id);
  return { ok: true, spec };
}

/** The most fragment items a list may hold: a 64 KiB datagram at MTU 68 is 1,366 fragments, duplicates aside. */
export const MAX_FRAGS = 4096;

/** `frags=`: every item as typed (`''` is no fragment at all). */
export function splitFrags(raw: string): FragItemText[] {
  if (typeof raw !== 'string') return [];
  const text = normalizeInput(raw);
  return text === '' ? [] : text.split(',').map(splitFragItem);
}

/** `frags` for the CLI: every item strict, or the first problems, each naming its item. */
export function parseFrags(
  text: string,
  name: ParamName = 'frags',
): { ok: true; frags: FragmentSpec[] } | { ok: false; issues: ParamIssue[] } {
  const bad = notText('frags', text, name);
  if (bad) return { ok: false, issues: [bad] };
  const items = splitFrags(text.trim());
  if (items.length === 0) return { ok: false, issues: [paramIssue('frags', 'empty', {}, name)] };
  if (items.length > MAX_FRAGS)
    return {
      ok: false,
      issues: [paramIssue('frags', 'list-long', { max: MAX_FRAGS, count: items.length }, name)],
    };
  const frags: FragmentSpec[] = [];
  const issues: ParamIssue[] = [];
  items.forEach((it, i) => {
    const r = fragItemSpec(it);
    if (r.ok) frags.push(r.spec);
    else
      for (const p of r.issues)
        issues.push(
          ruleIssue('frags', msg(FM.item, { name, item: i + 1, text: echo(formatFragItem(it)), why: p.msg })),
        );
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, frags };
}

export type IndexList =
  { ok: true; value: number[] } | { ok: false; code: 'not-list' | 'range'; bad?: number };

/** `order=`: indexes into `count` items, separated by commas; `''` is an empty list. */
export function parseIndexList(raw: string, count: number): IndexList {
  if (typeof raw !== 'string' || !Number.isInteger(count) || count < 0)
    return { ok: false, code: 'not-list' };
  const text = normalizeInput(raw);
  if (text.trim() === '') return { ok: true, value: [] };
  if (!/^\s*\d+(\s*,\s*\d+)*\s*$/.test(text)) return { ok: false, code: 'not-list' };
  const idx = text.split(',').map((s) => Number(s.trim()));
  if (idx.length > MAX_FRAGS) return { ok: false, code: 'not-list' };
  const bad = idx.find((i) => i >= count);
  return bad === undefined ? { ok: true, value: idx } : { ok: false, code: 'range', bad };
}

/** `order` as the CLI reports it. */
export function orderIssue(
  r: Extract<IndexList, { ok: false }>,
  count: number,
  text: string,
  name: ParamName,
): ParamIssue {
  return r.code === 'range'
    ? ruleIssue('order', msgOptional(FM.orderRange, { name, last: count - 1, bad: r.bad }))
    : ruleIssue('order', msg(FM.orderNotList, { name, value: echo(text) }));
}

/** `at=`: one time (ms) per arrival, empty for "with the previous one". */
export function splitTimes(text: string): string[] {
  if (typeof text !== 'string') return [];
  return text.split(',').map((s) => s.trim());
}

export const DEFRAG_PARAMS = {
  len: whole('len', 'Payload length', { min: 0, max: 65535, unit: 'bytes' }, 2992),
  family: keyword('family', 'Family', FAMILIES, 'inet'),
  source: keyword('source', 'Sender', ['self', 'remote'] as const, 'self'),
  until: whole('until', 'Clock', { min: 0, max: 2 ** 31 - 1, unit: 'ms' }, 0),
  id: whole('id', 'IP id', { min: 0, max: 0xffffffff }, 0),
  at: whole('at', 'Arrival time', { min: 0, max: 2 ** 31 - 1, unit: 'ms' }, 0),
  /** net.ipv4.ipfrag_max_dist: the kernel's default is 64; 0 switches ip_frag_too_far off. */
  maxDist: whole('max-dist', 'ipfrag_max_dist', { min: 0, max: 2 ** 31 - 1 }, 64),
  /** sk_rcvbuf of the bound socket, as SO_RCVBUF reads it back: net.core.rmem_default 212,992 by default. */
  rcvbuf: whole('rcvbuf', 'sk_rcvbuf', { min: 2304, max: 2 ** 31 - 1, unit: 'bytes' }, 212992),
} as const;
