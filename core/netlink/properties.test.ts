import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeNetlink, encodeNetlink, RTM_TYPES, type NlFamily } from './index.ts';

const families: NlFamily[] = ['route', 'generic', 'raw'];

describe('netlink properties', () => {
  it('the decoder never throws on random bytes, and every diagnostic names bytes inside the buffer', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 400 }),
        fc.constantFrom(...families),
        fc.constantFrom<'le' | 'be'>('le', 'be'),
        fc.boolean(),
        (bytes, family, endian, truncated) => {
          const r = decodeNetlink(bytes, { family, endian, truncated });
          for (const d of [...r.diagnostics, ...r.messages.flatMap((m) => m.diagnostics)]) {
            expect(d.offset).toBeGreaterThanOrEqual(0);
            expect(d.offset + Math.max(0, d.length)).toBeLessThanOrEqual(bytes.length);
          }
          for (const m of r.messages) expect(m.offset + 16).toBeLessThanOrEqual(bytes.length);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('decode(encode(m)) gives back m: type, flags, seq, pid and the attributes in order', () => {
    const attr = fc.oneof(
      fc.record({
        type: fc.constant('IFLA_MTU'),
        kind: fc.constant('u32' as const),
        v: fc.integer({ min: 0, max: 0xffffffff }),
      }),
      fc.record({
        type: fc.constant('IFLA_IFNAME'),
        kind: fc.constant('strz' as const),
        v: fc.stringMatching(/^[a-z0-9]{1,15}$/),
      }),
      fc.record({
        type: fc.constant('IFLA_TXQLEN'),
        kind: fc.constant('u32' as const),
        v: fc.integer({ min: 0, max: 0xffff }),
      }),
    );
    const msg = fc.record({
      type: fc.constantFrom(...RTM_TYPES.filter((t) => /LINK$/.test(t.name)).map((t) => t.name)),
      flags: fc.subarray(['NLM_F_REQUEST', 'NLM_F_ACK', 'NLM_F_ECHO']),
      seq: fc.nat({ max: 0xffffffff }),
      pid: fc.nat({ max: 0xffffffff }),
      attributes: fc.array(attr, { maxLength: 5 }),
    });
    fc.assert(
      fc.property(
        fc.array(msg, { minLength: 1, maxLength: 4 }),
        fc.constantFrom<'le' | 'be'>('le', 'be'),
        (msgs, endian) => {
          const specs = msgs.map((m) => ({
            ...m,
            attributes: m.attributes.map((a) => ({ type: a.type, value: { kind: a.kind, v: a.v } })),
          }));
          const enc = encodeNetlink(specs, { family: 'route', endian });
          expect(enc.ok).toBe(true);
          if (!enc.ok) return;
          const dec = decodeNetlink(enc.bytes, { family: 'route', endian });
          expect(dec.messages.length).toBe(msgs.length);
          dec.messages.forEach((d, i) => {
            const m = msgs[i]!;
            expect(d.typeName).toBe(m.type);
            expect(d.seq).toBe(m.seq);
            expect(d.pid).toBe(m.pid);
            for (const f of m.flags) expect(d.flagNames).toContain(f);
            expect(d.attributes.map((a) => [a.name, a.value])).toEqual(
              m.attributes.map((a) => [a.type, a.v]),
            );
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
