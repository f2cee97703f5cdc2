/**
 * Property tests of the codec: decode(encode(m)) = m for random messages of every family in both
 * byte orders (nested attributes included), and the decoder's robustness on random and mutated
 * bytes (it never throws, every diagnostic and every field lies inside the buffer).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  STRUCTURAL,
  allDiagnostics as diagsOf,
  familyArb,
  messageMismatches,
  messagesArb,
} from './arbitraries.ts';
import { decodeNetlink, encodeNetlink, type Endian, type NlAttr, type NlFamily } from './index.ts';

describe('codec properties', () => {
  it('decode(encode(m)) = m: random messages, families, nested attributes, both byte orders', () => {
    fc.assert(
      fc.property(messagesArb, fc.constantFrom<Endian>('le', 'be'), ([family, msgs], endian) => {
        const enc = encodeNetlink(msgs, { family, endian });
        expect(enc.ok).toBe(true);
        if (!enc.ok) return;
        const dec = decodeNetlink(enc.bytes, { family, endian, rawAttrs: true });
        expect(dec.messages).toHaveLength(msgs.length);
        msgs.forEach((s, i) =>
          expect(messageMismatches(s, dec.messages[i], enc.bytes, endian === 'le'), `message ${i}`).toEqual(
            [],
          ),
        );
        expect(diagsOf(dec).filter((d) => STRUCTURAL.has(d.code))).toEqual([]);
        expect(dec.walk.at(-1)).toMatchObject({ offset: enc.bytes.length, remaining: 0 });
      }),
      { numRuns: 300 },
    );
  });

  const robust = (bytes: Uint8Array, family: NlFamily, endian: Endian, truncated: boolean) => {
    const r = decodeNetlink(bytes, { family, endian, truncated });
    const n = bytes.length;
    for (const d of diagsOf(r)) {
      expect(d.code).not.toBe('internal');
      expect(d.offset, d.code).toBeGreaterThanOrEqual(0);
      expect(d.length, d.code).toBeGreaterThanOrEqual(0);
      expect(d.offset + d.length, `${d.code} @${d.offset}+${d.length} in ${n}`).toBeLessThanOrEqual(n);
    }
    const fields = (attrs: NlAttr[]): void => {
      for (const a of attrs) {
        for (const f of a.fields) expect(f.offset + f.size, `${a.name}.${f.name}`).toBeLessThanOrEqual(n);
        fields(a.children ?? []);
      }
    };
    for (const m of r.messages) {
      for (const f of m.header) expect(f.offset + f.size).toBeLessThanOrEqual(n);
      fields(m.attributes);
    }
    // NLMSG_NEXT may step past an unpadded last message (len goes negative); NLMSG_OK then fails.
    for (const w of r.walk)
      if (w.offset > n) expect([w.offset - n < 4, w.remaining < 0, w.nlmsgOk]).toEqual([true, true, false]);
  };

  it('never throws on random bytes; every diagnostic names bytes inside the buffer', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        familyArb,
        fc.constantFrom<Endian>('le', 'be'),
        fc.boolean(),
        (bytes, family, endian, truncated) => robust(bytes, family, endian, truncated),
      ),
      { numRuns: 2000 },
    );
  });

  it('never throws on mutated and truncated real messages', () => {
    fc.assert(
      fc.property(
        messagesArb,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
        fc.nat(),
        ([family, msgs], edits, cut) => {
          const enc = encodeNetlink(msgs, { family });
          if (!enc.ok) return;
          const b = enc.bytes.slice();
          for (const [at, v] of edits) if (b.length) b[at % b.length] = v;
          robust(b.subarray(0, b.length ? cut % (b.length + 1) : 0), family, 'le', cut % 2 === 0);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
