import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_INPUT, normalizeInput } from './index.ts';

/** The full-width form of a printable ASCII character (space → the ideographic space). */
const fullWidth = (s: string) =>
  [...s].map((c) => (c === ' ' ? '\u3000' : String.fromCharCode(c.charCodeAt(0) + 0xfee0))).join('');

const printableAscii = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
});

describe('normalizeInput', () => {
  it('reads what a Chinese IME types', () => {
    expect(normalizeInput('４０００')).toBe('4000');
    expect(normalizeInput('０ｘ１Ａ')).toBe('0x1A');
    expect(normalizeInput('ＡＦ＿ＩＮＥＴ')).toBe('AF_INET');
    expect(normalizeInput('SOCK_DGRAM｜SOCK_CLOEXEC')).toBe('SOCK_DGRAM|SOCK_CLOEXEC');
    expect(normalizeInput('1000，1000、500')).toBe('1000,1000,500');
    expect(normalizeInput('0：1480：1；1480：40：0')).toBe('0:1480:1;1480:40:0');
    expect(normalizeInput('htons（ETH_P_ALL）')).toBe('htons(ETH_P_ALL)');
    expect(normalizeInput('－１')).toBe('-1');
    expect(normalizeInput('−1')).toBe('-1');
    expect(normalizeInput('——1')).toBe('-1');
    expect(normalizeInput('1.5')).toBe('1.5');
    expect(normalizeInput('1。5')).toBe('1.5');
    expect(normalizeInput('【0a 00】')).toBe('[0a 00]');
    expect(normalizeInput('《x》')).toBe('<x>');
    expect(normalizeInput('“a”‘b’')).toBe('"a"\'b\'');
    expect(normalizeInput('1～5')).toBe('1~5');
    expect(normalizeInput('4000\u30001500')).toBe('4000 1500');
    expect(normalizeInput('ﾃ')).toBe('テ');
  });

  it('leaves ASCII alone and takes anything', () => {
    fc.assert(
      fc.property(printableAscii, (s) => {
        expect(normalizeInput(s)).toBe(s);
      }),
    );
    expect(normalizeInput(4000)).toBe('4000');
    expect(normalizeInput(10n)).toBe('10');
    for (const x of [undefined, null, {}, [], () => 1, Symbol('s')]) expect(normalizeInput(x)).toBe('');
    expect(normalizeInput('x'.repeat(MAX_INPUT + 10))).toHaveLength(MAX_INPUT);
  });

  it('maps every full-width ASCII form to ASCII', () => {
    fc.assert(
      fc.property(printableAscii, (s) => {
        expect(normalizeInput(fullWidth(s))).toBe(s);
      }),
    );
  });

  it('reads full-width numbers as the numbers they are', () => {
    fc.assert(
      fc.property(fc.integer(), (n) => {
        const typed = fullWidth(String(n));
        expect(Number(normalizeInput(typed))).toBe(n);
        expect(normalizeInput(typed.replace('－', '−'))).toBe(String(n));
      }),
    );
    fc.assert(
      fc.property(fc.nat({ max: 0xffffffff }), (n) => {
        expect(parseInt(normalizeInput(fullWidth(`0x${n.toString(16)}`)), 16)).toBe(n);
      }),
    );
  });

  it('reads lists separated by Chinese commas as comma lists', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { minLength: 1, maxLength: 20 }),
        fc.array(fc.constantFrom('，', '、', ',', '﹐', '﹑'), { minLength: 20, maxLength: 20 }),
        (ns, seps) => {
          const typed = ns.map((n, i) => (i ? seps[i]! : '') + fullWidth(String(n))).join('');
          expect(normalizeInput(typed)).toBe(ns.join(','));
        },
      ),
    );
  });

  it('is idempotent and leaves no Chinese punctuation it knows', () => {
    const chinese = fc.string({
      unit: fc.constantFrom(
        ...'，、；：（）【】《》。－——“”‘’～〜０９ａｚＡＺ　＿｜﹐﹑'.split(''),
        'a',
        '1',
        ' ',
        '<',
        '\u0338',
      ),
    });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), chinese), (s) => {
        const once = normalizeInput(s);
        expect(normalizeInput(once)).toBe(once);
      }),
    );
    fc.assert(
      fc.property(chinese, (s) => {
        expect(normalizeInput(s)).not.toMatch(/[，、；：（）【】《》。－—“”‘’～〜\u3000]/);
      }),
    );
  });
});
