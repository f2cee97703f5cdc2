/** pseudoRandom hashes a send input's JSON text without building it: the same ids as before. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonHash, pseudoRandom } from './send-context.ts';
import { DEFAULT_SEND_INPUT, type SendInput } from './types.ts';

/** The implementation before jsonHash (FNV-1a over JSON.stringify's text). */
function oldPseudoRandom(input: SendInput, bits: number): number {
  let s: string;
  try {
    s = JSON.stringify(input);
  } catch {
    s = JSON.stringify(input, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
  }
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  const v = (h >>> 0) % 2 ** bits;
  return v === 0 ? 1 : v;
}

const outcome = (f: () => number): number | 'throws' => {
  try {
    return f();
  } catch {
    return 'throws';
  }
};

const num = fc.oneof(
  fc.integer({ min: 0, max: 70000 }),
  fc.double(),
  fc.constantFrom(-0, NaN, Infinity, -Infinity, 1e21, 1e-7),
);
const value = fc.oneof(
  num,
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.string({ unit: 'binary' }),
  fc.array(num, { maxLength: 6 }),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.anything(),
  fc.bigInt(),
);
const input = fc.oneof(
  fc.record({
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
  }),
  fc.dictionary(fc.string({ unit: 'binary' }), value, { maxKeys: 6 }),
  fc.anything(),
);

describe('pseudoRandom', () => {
  it('gives the ids JSON.stringify + FNV-1a gave, on send inputs and on any value', () => {
    fc.assert(
      fc.property(input, fc.constantFrom(16, 32), (i, bits) => {
        // Both throw where JSON.stringify gives no text (undefined, a function): the send validates first.
        expect(outcome(() => pseudoRandom(i as SendInput, bits))).toBe(
          outcome(() => oldPseudoRandom(i as SendInput, bits)),
        );
      }),
      { numRuns: 3000 },
    );
  });
  it('takes the walk (no string built) for a plain send input, and leaves the rest to JSON.stringify', () => {
    expect(jsonHash({ ...DEFAULT_SEND_INPUT, iov: [1, 2] })).toBeTypeOf('number');
    expect(jsonHash({ ...DEFAULT_SEND_INPUT, iov: undefined })).toBeTypeOf('number');
    expect(jsonHash({ a: { b: 1 } })).toBeUndefined();
    expect(jsonHash({ a: 1n })).toBeUndefined();
    expect(jsonHash({ 'a"': 1 })).toBeUndefined();
    expect(jsonHash({ toJSON: () => 1 })).toBeUndefined();
    expect(jsonHash(Object.create({ x: 1 }))).toBeUndefined();
    expect(jsonHash([1])).toBeUndefined();
  });
});
