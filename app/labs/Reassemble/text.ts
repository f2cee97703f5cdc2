import type { IntlShape, MessageDescriptor } from 'react-intl';
import { fmt, fmtNode } from '../../i18n/format.tsx';
import { num } from '../../format.ts';

/**
 * A message as one plain string, its `<code>` spans kept as their text: for SVG `<text>`, which
 * cannot hold a code element, and for attributes.
 */
export function plainText(
  intl: IntlShape,
  d: MessageDescriptor,
  values: Record<string, string | number> = {},
): string {
  const r = fmtNode(intl, d, { ...values, code: (chunks) => chunks.join('') });
  return Array.isArray(r) ? r.join('') : String(r);
}

/**
 * Marks, kernel names and numbers the lab prints the same in every language (the catalogs hold
 * words; these are not): the lint asks that no literal text sits in JSX, so they are named here.
 */
export const MARK = {
  none: '–',
  grip: '⠿',
  up: '↑',
  down: '↓',
  cross: '✕',
  MF: 'MF',
  undoKeys: 'Ctrl+Z',
  redoKeys: 'Ctrl+Shift+Z',
} as const;

/** `#3`: a queue's or an arrival's number. */
export const hashNo = (n: number): string => `#${n}`;
/** `udp_recvmsg()`: a kernel function as called. */
export const callOf = (fn: string): string => `${fn}()`;
/** `FIRST_IN ✓` / `FIRST_IN –`: a queue flag, set or not. */
export const flagMark = (name: string, on: boolean): string => `${name} ${on ? '✓' : MARK.none}`;
/** `1480–2960, 2960–3000`: byte ranges as the kernel's runs and holes list them (plain numbers). */
export const spans = (xs: readonly { from: number; to: number }[]): string =>
  xs.map((r) => `${r.from}–${r.to}`).join(', ') || MARK.none;
/** `[2,960, 3,000)`: a fragment's byte range. */
export const rangeOf = (from: number, to: number): string => `[${num(from)}, ${num(to)})`;

/**
 * A message formatted once with the `open` arguments left as marks (characters of Unicode's
 * private use area, which no message or number holds); the function it returns puts values in
 * their place. For plain `{arg}` arguments the text is what formatting each time would give.
 */
export function openMessage(
  intl: IntlShape,
  d: MessageDescriptor,
  open: readonly string[],
  fixed: Record<string, string>,
): (values: readonly string[]) => string {
  const marks = Object.fromEntries(open.map((k, i) => [k, `\uE000${i}\uE001`]));
  const parts = fmt(intl, d, { ...fixed, ...marks }).split(/\uE000(\d+)\uE001/);
  return (values) => parts.map((p, i) => (i % 2 ? (values[Number(p)] ?? '') : p)).join('');
}
