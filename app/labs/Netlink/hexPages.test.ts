import { describe, expect, it } from 'vitest';
import { PAGE_LINES, digitsIn, joinPage, pageBytes, slicePage } from './hexPages.ts';
import { formatHex, readHex, readHexSpliced, rememberHexParts } from './buffer.ts';

/** `n` bytes counting up, as the editor shows them (8 a line). */
const bytesOf = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7) & 0xff);

describe('the hex editor’s pages (issue 17)', () => {
  it('a text of one page is the page, nothing around it', () => {
    const text = formatHex(bytesOf(4096)); // 512 lines: one page
    const s = slicePage(text, 3);
    expect(s).toMatchObject({
      index: 0,
      pages: 1,
      before: '',
      page: text,
      after: '',
      starts: [0],
      total: 4096,
    });
    expect(slicePage(`${text}\n`, 1)).toMatchObject({ index: 0, pages: 1, page: `${text}\n` });
  });

  it('cuts 64 KiB into 16 pages of 512 lines; each page with what is around it is the text', () => {
    const text = formatHex(bytesOf(65536));
    for (const i of [0, 1, 7, 15]) {
      const s = slicePage(text, i);
      expect(s.pages).toBe(16);
      expect(s.before + s.page + s.after).toBe(text);
      expect(s.page.split('\n')).toHaveLength(PAGE_LINES);
      expect(s.before === '' || s.before.endsWith('\n')).toBe(true);
      expect(s.after === '' || s.after.startsWith('\n')).toBe(true);
      expect(pageBytes(s, i)).toEqual({ from: i * 4096, to: i * 4096 + 4095 });
      expect(digitsIn(s.page)).toBe(s.pageDigits);
    }
    expect(slicePage(text, 99).index).toBe(15);
    expect(slicePage(text, -1).index).toBe(0);
    // The last page holds what is left.
    expect(pageBytes(slicePage(formatHex(bytesOf(5000)), 1), 1)).toEqual({ from: 4096, to: 4999 });
  });

  it('a page typed in moves the pages after it by the bytes it gained', () => {
    const s = slicePage(formatHex(bytesOf(3 * 4096)), 1);
    const typed = joinPage(s, `${s.page} ab cd`);
    expect(typed.text).toBe(s.before + typed.page + s.after);
    expect(typed.starts).toEqual([0, 4096, 8194]);
    expect(typed.total).toBe(3 * 4096 + 2);
    expect(pageBytes(typed, 1)).toEqual({ from: 4096, to: 8193 });
    // Cut again from its text, the pages are where joinPage said.
    expect(slicePage(typed.text, 1).starts).toEqual(typed.starts);
  });

  it('reads a page’s text as the whole text reads, with the same messages when it does not', () => {
    const bytes = bytesOf(3 * 4096);
    const s = slicePage(formatHex(bytes), 1);
    const cases = [s.page, `${s.page} 7`, `${s.page} zz`, `${s.page}\n0x12`, '', s.page.replace(/^../, 'ff')];
    for (const page of cases) {
      const text = s.before + page + s.after;
      const spliced = readHexSpliced({ before: s.before, page, after: s.after }, text);
      readHex('00'); // readHex remembers its last text: another first, so it reads this one whole.
      const whole = readHex(text);
      expect(spliced).toEqual(whole);
    }
  });

  it('reads only the page on a keystroke: the bytes around it are remembered, not read again', () => {
    const s = slicePage(formatHex(bytesOf(3 * 4096)), 1);
    // Remembered bytes that are not the text's: only a read that skips the text around the page gives them.
    const marked = (n: number, v: number) => new Uint8Array(n).fill(v);
    rememberHexParts([s.before, marked(4096, 0xee)], [s.after, marked(4096, 0xdd)]);
    const page = s.page.replace(/^../, '00');
    const r = readHexSpliced({ before: s.before, page, after: s.after }, s.before + page + s.after);
    expect(r.ok && [r.bytes[0], r.bytes[4095], r.bytes[4096], r.bytes[8192], r.bytes.length]).toEqual([
      0xee,
      0xee,
      0,
      0xdd,
      3 * 4096,
    ]);
  });
});
