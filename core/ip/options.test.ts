import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ipOptionsFragment, ipOptionsGet, parseOptionsHex } from './options.ts';

const env = { capNetRaw: true, isUnicast: () => false };

describe('ip_options_compile (setsockopt IP_OPTIONS)', () => {
  it('pads to a multiple of 4 with END and advances the RR pointer', () => {
    const r = ipOptionsGet([7, 7, 4, 0, 0, 0, 0], env);
    expect(r.ok && r.opt.bytes).toEqual([7, 7, 8, 0, 0, 0, 0, 0]);
  });
  it('blames the byte that is wrong', () => {
    expect(ipOptionsGet([7, 3, 3, 0], env)).toMatchObject({ ok: false, errno: 'EINVAL', offset: 2 });
    expect(ipOptionsGet([7, 9, 4, 0], env)).toMatchObject({ ok: false, offset: 0 });
    expect(
      ipOptionsGet([0x82, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], { ...env, capNetRaw: false }),
    ).toMatchObject({ ok: false });
  });
  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 44 }),
        (b) => void ipOptionsGet(b, env),
      ),
    );
  });
});

describe('ip_options_fragment', () => {
  it('NOPs non-copied options, keeps copied ones and stops at END', () => {
    expect(ipOptionsFragment([0x44, 8, 5, 0, 1, 2, 3, 4, 0x94, 4, 0, 0, 0, 7, 3, 4])).toEqual([
      1, 1, 1, 1, 1, 1, 1, 1, 0x94, 4, 0, 0, 0, 7, 3, 4,
    ]);
  });
  it('keeps the length of the options area', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 40 }), (b) => {
        expect(ipOptionsFragment(b)).toHaveLength(b.length);
      }),
    );
  });
});

describe('parseOptionsHex', () => {
  it('accepts spaced hex and refuses odd digits or more than 40 bytes', () => {
    expect(parseOptionsHex('94 04 00 00')).toEqual({ ok: true, bytes: [0x94, 4, 0, 0] });
    expect(parseOptionsHex('940')).toMatchObject({ ok: false });
    expect(parseOptionsHex('00'.repeat(41))).toMatchObject({ ok: false });
    expect(parseOptionsHex('zz')).toMatchObject({ ok: false });
  });
});
