import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byteHex, hexDump, hexNumber, hexPreview, hexSpaced, parseHex, toHex } from './index.ts';
import { formatMsg } from '../i18n/index.ts';
import { hexFailMsg } from './messages.ts';

describe('core/hex', () => {
  it('toHex and parseHex are inverse on any bytes, small or large (table + TextDecoder path)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (b) => {
        const h = toHex(b);
        expect(h).toHaveLength(b.length * 2);
        expect(h).toBe(Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(''));
        const back = parseHex(h);
        expect(back.ok && Array.from(back.bytes)).toEqual(Array.from(b));
        const spaced = parseHex(hexSpaced(b, ':'));
        expect(spaced.ok && Array.from(spaced.bytes)).toEqual(Array.from(b));
      }),
      { numRuns: 300 },
    );
  });

  it('reads what people paste: 0x / \\x prefixes, spaces, colons, commas, newlines', () => {
    const want = [0x0a, 0x00, 0xff, 0x10];
    for (const s of [
      '0a00ff10',
      '0a 00 ff 10',
      '0x0a,0x00,0xFF,0x10',
      '\\x0a\\x00\\xff\\x10',
      '0a:00:ff:10\n',
      '0A-00-FF-10',
    ])
      expect(parseHex(s), s).toEqual({ ok: true, bytes: new Uint8Array(want) });
    expect(parseHex('')).toEqual({ ok: true, bytes: new Uint8Array(0) });
  });

  it('explains what is wrong, for any value', () => {
    expect(parseHex('0g')).toEqual({
      ok: false,
      why: 'not hex: unexpected character "g"',
      code: 'char',
      at: 'g',
    });
    expect(parseHex('abc')).toEqual({
      ok: false,
      why: 'odd number of hex digits (3): a byte needs two',
      code: 'odd',
      at: 3,
    });
    for (const v of [undefined, null, 12, {}, [], Symbol('x'), 10n])
      expect(parseHex(v as unknown as string).ok).toBe(false);
    expect(toHex(null as unknown as Uint8Array)).toBe('');
    expect(hexDump('x' as unknown as Uint8Array)).toBe('');
  });

  it('ranges, previews, numbers and dumps', () => {
    const b = new Uint8Array([1, 2, 3, 4, 5]);
    expect(toHex(b, 1, 3)).toBe('0203');
    expect(toHex(b, -5, 99)).toBe('0102030405');
    expect(hexPreview(b, 0, 5, 2)).toBe('0102…');
    expect(hexPreview(b, 0, 2, 2)).toBe('0102');
    expect(byteHex(0x1ab)).toBe('ab');
    expect(hexNumber(0x300)).toBe('0x300');
    expect(hexNumber(10, 4)).toBe('0x000a');
    expect(hexNumber(2n ** 64n - 1n)).toBe('0xffffffffffffffff');
    expect(hexDump(new Uint8Array([0x41, 0x00]))).toBe(`00000000  41 00${' '.repeat(42)}  |A.|`);
  });
});

describe('parseHex failures as messages', () => {
  it.each(['0g', 'abc', 'é0', '0 1 2'])('%s: the message says the English why, and Chinese', (s) => {
    const r = parseHex(s);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(formatMsg(hexFailMsg(r), 'en')).toBe(r.why);
    const zh = formatMsg(hexFailMsg(r), 'zh-CN');
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(zh).toContain(String(r.at));
  });
  it('not text', () => {
    const r = parseHex(42 as unknown as string);
    expect(!r.ok && formatMsg(hexFailMsg(r), 'en')).toBe('not hex: expected text');
  });
});
