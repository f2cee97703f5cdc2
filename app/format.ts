/**
 * 1,366 — thousands separators for every count and byte number people read, the same on every
 * page's language: the platform's number format (Intl, en-US grouping, up to 12 significant digits),
 * with the minus sign U+2212 as d3-format's `format(',')` wrote it (issue 17: d3-format was 2.2 KB
 * gzip of every lab's first screen for this one use). Made on first use, not when the module loads
 * (a first Intl object loads the locale's data).
 */
let grouped: Intl.NumberFormat | undefined;
export function num(x: number): string {
  grouped ??= new Intl.NumberFormat('en-US', { maximumSignificantDigits: 12, signDisplay: 'negative' });
  return grouped.format(x).replace('-', '\u2212');
}
export const bytes = (n: number) => `${num(n)} B`;
export const hex = (bytes: readonly number[]) => bytes.map((b) => b.toString(16).padStart(2, '0')).join(' ');
export const plural = (n: number, one: string, many = `${one}s`) => `${num(n)} ${n === 1 ? one : many}`;
