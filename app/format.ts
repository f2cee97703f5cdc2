/**
 * d3-format's `format(',')`, which this was (issue 17: d3-format is 2.2 KB gzip of every lab's
 * first screen for this one use): up to 12 significant digits (`toPrecision`, insignificant zeros
 * trimmed as its formatTrim does), the digits before any point or exponent in groups of three, a
 * minus sign U+2212 unless the value rounds to zero. format.test.ts compares it with d3-format.
 */
function trimZeros(s: string): string {
  let i0 = -1;
  let i1 = -1;
  out: for (let i = 1; i < s.length; ++i) {
    switch (s[i]) {
      case '.':
        i0 = i1 = i;
        break;
      case '0':
        if (i0 === 0) i0 = i;
        i1 = i;
        break;
      default:
        if (!+s[i]!) break out;
        if (i0 > 0) i0 = 0;
    }
  }
  return i0 > 0 ? s.slice(0, i0) + s.slice(i1 + 1) : s;
}

/** 1,366 — thousands separators for every count and byte number people read. */
export function num(x: number): string {
  const v = Number.isNaN(x) ? 'NaN' : trimZeros(Math.abs(x).toPrecision(12));
  const negative = (x < 0 || 1 / x < 0) && +v !== 0;
  const digits = /^\d*/.exec(v)![0];
  return (negative ? '\u2212' : '') + digits.replace(/\B(?=(\d{3})+$)/g, ',') + v.slice(digits.length);
}
export const bytes = (n: number) => `${num(n)} B`;
export const hex = (bytes: readonly number[]) => bytes.map((b) => b.toString(16).padStart(2, '0')).join(' ');
export const plural = (n: number, one: string, many = `${one}s`) => `${num(n)} ${n === 1 ? one : many}`;
