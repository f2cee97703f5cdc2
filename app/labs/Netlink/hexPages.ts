/**
 * The hex editor's pages (issue 17). A browser lays a textarea's text out again on every
 * keystroke, and a 64 KiB buffer is 8,192 lines of 8 bytes: 20–40 ms a key in Chromium. So a
 * text longer than one page is edited a page at a time: the editor holds the lines of one page
 * (PAGE_LINES, 4 KiB of the editor's 8-byte lines) and the lab's text is the text before the page,
 * the page as typed and the text after it. A buffer of one page (every sample, anything up to
 * 4 KiB) is one page: the editor holds all of it, as it always did.
 *
 * Pure functions over the text: the component keeps which page is open.
 */

/** Lines a page holds: 512 of the editor's lines of 8 bytes, 4 KiB. */
export const PAGE_LINES = 512;

/** The text cut around one page: `before + page + after` is the whole text. */
export interface HexSlice {
  /** The whole text this slice was cut from (or made by `joinPage`). */
  text: string;
  /** The page open (0-based), clamped to the pages the text has. */
  index: number;
  /** How many pages the text has (1 when it fits one). */
  pages: number;
  /** The lines before the page, each with its newline ('' on the first page). */
  before: string;
  /** The page's lines, as the editor shows them (no newline at either end). */
  page: string;
  /** The newline that ends the page and the lines after it ('' on the last page). */
  after: string;
  /** The byte at which each page starts (hex digits before it, halved), and the text's total. */
  starts: number[];
  total: number;
  /** Hex digits before the page, in it and after it. */
  beforeDigits: number;
  pageDigits: number;
  afterDigits: number;
}

const NOT_DIGITS = /[^0-9a-fA-F]+/g;

/** Hex digits in `text` (everything else — spaces, separators — skipped). In the regex engine: a page is 12,000 characters. */
export function digitsIn(text: string): number {
  return text.replace(NOT_DIGITS, '').length;
}

/**
 * Cut `text` around page `index` (clamped): every PAGE_LINES lines a page. Made when the text
 * comes from elsewhere or another page is opened, not on a keystroke in the page.
 */
export function slicePage(text: string, index: number): HexSlice {
  // Where each page's first line starts.
  const lineStarts = [0];
  let lines = 0;
  // (A newline that ends the text starts no page: a text of 512 lines and a newline is one.)
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
    if (++lines % PAGE_LINES === 0 && i + 1 < text.length) lineStarts.push(i + 1);
  const pages = lineStarts.length;
  const k = Math.max(0, Math.min(index, pages - 1));
  // The digits before each page, and in all.
  const digitStarts = [0];
  for (let i = 1; i <= pages; i++)
    digitStarts.push(
      digitStarts[i - 1]! +
        digitsIn(text.slice(lineStarts[i - 1]!, i < pages ? lineStarts[i]! : text.length)),
    );
  const from = lineStarts[k]!;
  // The page ends before the newline that starts the next page.
  const to = k + 1 < pages ? lineStarts[k + 1]! - 1 : text.length;
  return {
    text,
    index: k,
    pages,
    before: text.slice(0, from),
    page: text.slice(from, to),
    after: text.slice(to),
    starts: digitStarts.slice(0, pages).map((d) => Math.floor(d / 2)),
    total: Math.floor(digitStarts[pages]! / 2),
    beforeDigits: digitStarts[k]!,
    pageDigits: digitStarts[k + 1]! - digitStarts[k]!,
    afterDigits: digitStarts[pages]! - digitStarts[k + 1]!,
  };
}

/**
 * The slice after the page is typed in: the same text around it, the page as typed. The pages
 * after this one start where they did, moved by the bytes the page gained or lost.
 */
export function joinPage(s: HexSlice, page: string): HexSlice {
  const now = page === s.page ? s.pageDigits : digitsIn(page);
  const moved = Math.floor(now / 2) - Math.floor(s.pageDigits / 2);
  // Rounded as slicePage rounds: bytes are counted from the digits before each page.
  const starts = s.starts.map((b, i) => (i > s.index ? b + moved : b));
  return {
    ...s,
    text: s.before + page + s.after,
    page,
    pageDigits: now,
    starts,
    total: s.total + moved,
  };
}

/** The bytes page `i` of a slice shows: from its start to the byte before the next page's. */
export function pageBytes(s: HexSlice, i: number): { from: number; to: number } {
  const from = s.starts[i] ?? 0;
  const end = i + 1 < s.pages ? (s.starts[i + 1] ?? s.total) : s.total;
  return { from, to: Math.max(from, end - 1) };
}

/** Lines in `text`, counted up to `max` (a page's text, to see whether it outgrew its page). */
export function linesUpTo(text: string, max: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && n <= max; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
