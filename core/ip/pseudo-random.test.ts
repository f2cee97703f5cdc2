/**
 * pseudoRandom: the ids a real kernel draws at random, drawn from what the send reads — equal
 * sends, equal ids; another send, almost always another id; any value in, never a throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inputHash, pseudoRandom } from './send-context.ts';
import { DEFAULT_SEND_INPUT, type SendInput } from './types.ts';

const outcome = (f: () => number): number | 'throws' => {
  try {
    return f();
  } catch {
    return 'throws';
  }
};

const num = fc.oneof(
  fc.integer({ min: 0, max: 70000 }),
  fc.integer({ min: -(2 ** 31), max: 2 ** 32 - 1 }),
  fc.double(),
  fc.constantFrom(-0, NaN, Infinity, -Infinity, 1e21, 1e-7, 2 ** 32, 2 ** 53),
);
const sendInput = fc.record({
  family: fc.constantFrom('inet', 'inet6', 'in"et', 'x\u0001'),
  sock: fc.constantFrom('udp', 'raw', 'raw-hdrincl'),
  protocol: num,
  mtu: num,
  pmtu: fc.constantFrom('want', 'do', 'dont', 'probe', 'omit'),
  sends: fc.array(num, { maxLength: 5 }),
  iov: fc.option(fc.array(num, { maxLength: 4 }), { nil: undefined }),
  options: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 8 }),
  sg: fc.boolean(),
  sndbuf: num,
  sndbufCheck: fc.boolean(),
  df: fc.boolean(),
});

/** The same fields, in the reverse key order (a copy the way a reader of a URL might build it). */
const reversed = (o: object): object => Object.fromEntries(Object.entries(o).reverse());

describe('pseudoRandom', () => {
  it('takes any JavaScript value without a throw, and answers in 1 … 2^bits − 1', () => {
    const getterThrows = Object.defineProperty({ ...DEFAULT_SEND_INPUT }, 'mtu', {
      get: () => {
        throw new Error('no');
      },
      enumerable: true,
    });
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    fc.assert(
      fc.property(fc.oneof(fc.anything(), sendInput, fc.bigInt()), fc.constantFrom(16, 32), (i, bits) => {
        const id = outcome(() => pseudoRandom(i as SendInput, bits));
        expect(id).toBeTypeOf('number');
        expect(Number.isInteger(id)).toBe(true);
        expect(id).toBeGreaterThanOrEqual(1);
        expect(id).toBeLessThan(2 ** bits);
      }),
      { numRuns: 3000 },
    );
    for (const odd of [getterThrows, revoked.proxy, Symbol('s'), () => 1])
      for (const bits of [16, 32]) {
        const id = pseudoRandom(odd as unknown as SendInput, bits);
        expect(id >= 1 && id < 2 ** bits && Number.isInteger(id)).toBe(true);
      }
  });

  it('gives equal sends equal ids however their objects were built (a copy, key order, extra keys)', () => {
    fc.assert(
      fc.property(sendInput, fc.dictionary(fc.string(), fc.anything(), { maxKeys: 3 }), (i, extra) => {
        const h = inputHash(i);
        expect(inputHash(structuredClone(i))).toBe(h);
        expect(inputHash(reversed(i))).toBe(h);
        const withExtra = { ...extra, ...i };
        expect(inputHash(withExtra)).toBe(h);
        expect(inputHash(Object.assign(Object.create({ inherited: 1 }), i))).toBe(h);
      }),
      { numRuns: 1000 },
    );
  });

  it('tells apart sends that differ in any field the send reads (no two of 2,000 share a 32-bit hash)', () => {
    const seen = new Map<number, string>();
    let distinct = 0;
    fc.assert(
      fc.property(sendInput, (i) => {
        const key = JSON.stringify(i, (_k, v: unknown) =>
          typeof v === 'number' && !Number.isFinite(v) ? String(v) : v,
        );
        const h = inputHash(i);
        const before = seen.get(h);
        if (before === undefined) {
          seen.set(h, key);
          distinct++;
        } else expect(before).toBe(key);
      }),
      { numRuns: 2000 },
    );
    expect(distinct).toBeGreaterThan(1000);
  });

  it('moves the low 16 bits (an IPv4 id) for a one-step change of any number the send reads', () => {
    const base = { ...DEFAULT_SEND_INPUT, sends: [4000] };
    const ids = new Set<number>([pseudoRandom(base, 16)]);
    const variants: SendInput[] = [];
    for (let d = 1; d <= 50; d++) {
      variants.push({ ...base, mtu: base.mtu + d });
      variants.push({ ...base, sends: [4000 + d] });
      variants.push({ ...base, sndbuf: base.sndbuf + d });
      variants.push({ ...base, protocol: base.protocol - d });
      variants.push({ ...base, sends: [4000, d] });
    }
    for (const v of variants) ids.add(pseudoRandom(v, 16));
    // 251 inputs into 65,535 ids: a handful of birthday collisions at most.
    expect(ids.size).toBeGreaterThan(240);
    for (const flag of ['sg', 'sndbufCheck', 'df'] as const)
      expect(inputHash({ ...base, [flag]: !base[flag] })).not.toBe(inputHash(base));
    expect(inputHash({ ...base, family: 'inet6' })).not.toBe(inputHash(base));
    expect(inputHash({ ...base, iov: [4000] })).not.toBe(inputHash(base));
    expect(inputHash({ ...base, sends: [40, 0] })).not.toBe(inputHash({ ...base, sends: [4000] }));
    expect(inputHash({ ...base, mtu: 1500.5 })).not.toBe(inputHash(base));
  });
});
