import { describe, expect, it } from 'vitest';
import { editorRows, pastedLines } from './HexEditor.tsx';
import { formatHex, readHex } from './store.ts';

describe('the hex editor (issue 17)', () => {
  it('a pasted dump with a long line goes in as the editor’s lines; short or unreadable pastes as they came', () => {
    const digits = '28000000120001030100000000000000'.repeat(8); // 128 bytes on one line
    const lines = pastedLines(digits);
    const r = readHex(digits);
    expect(r.ok && lines).toBe(r.ok && formatHex(r.bytes));
    expect(lines!.split('\n')).toHaveLength(16);
    expect(pastedLines(`0x${digits.replace(/(..)/g, '$1 0x').slice(0, -3)}`)).toBe(lines);
    expect(pastedLines('28 00 00 00')).toBeNull();
    expect(pastedLines(`${digits}zz`)).toBeNull();
    expect(pastedLines(`${digits}0`)).toBeNull();
  });

  it('is a line taller than its text, 4 to 12 lines, counted without splitting the text', () => {
    expect(editorRows('')).toBe(4);
    expect(editorRows('a\nb\nc\nd\ne')).toBe(6);
    expect(editorRows('a\n'.repeat(8000))).toBe(12);
  });
});
