/**
 * What a person types with a Chinese input method, read as the ASCII the parsers expect:
 * full-width digits and letters (`４０００`, `ＡＦ＿ＩＮＥＴ`), the ideographic space, and the
 * Chinese punctuation an IME produces where a numeric, hex or list field wants ASCII
 * (`，` `、` `；` `：` `（）` `【】` `《》` `。` `－` `——` `“”` `‘’` `～`). For numeric, hex and
 * list fields only: free text (names, payload strings) keeps what was typed.
 */

// After NFKC (which already folds the full-width forms U+FF01–FF5E, U+3000 and the small
// forms U+FE50–FE6B), these are still non-ASCII. `——` (two em dashes) is what the IME gives
// for Shift+minus; a lone dash of any kind is a minus or a range dash.
const AFTER_NFKC: readonly [RegExp, string][] = [
  [/[、]/g, ','],
  [/[。]/g, '.'],
  [/[【〔［]/g, '['],
  [/[】〕］]/g, ']'],
  [/[《〈]/g, '<'],
  [/[》〉]/g, '>'],
  [/[“”„‟〝〞]/g, '"'],
  [/[‘’‚‛]/g, "'"],
  [/[〜～]/g, '~'],
  [/[—―]+/g, '-'],
  [/[‐‑‒–−]/g, '-'],
];

/** Longest input normalised; a field is never this long (the rest is cut, so the field says it is bad). */
export const MAX_INPUT = 1 << 16;

/**
 * `s` as ASCII where an IME typed a full-width or Chinese form of an ASCII character. Anything
 * not a string is read as '' (numbers as their decimal text). Idempotent; ASCII is unchanged.
 */
export function normalizeInput(s: unknown): string {
  let t: string;
  if (typeof s === 'string') t = s;
  else if (typeof s === 'number' || typeof s === 'bigint') t = String(s);
  else return '';
  if (t.length > MAX_INPUT) t = t.slice(0, MAX_INPUT);
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(t)) return t;
  t = t.normalize('NFKC');
  for (const [re, to] of AFTER_NFKC) t = t.replace(re, to);
  // Once more: an ASCII character we produced may compose with a combining mark after it (`<` + U+0338 is `≮`).
  return t.normalize('NFKC');
}
