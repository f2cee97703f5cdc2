/** Seeded randomness for the fuzzers: small, fast and repeatable (never Math.random). */

export type Random = () => number;

/** mulberry32: a small seeded PRNG, so a run is repeatable from its seed. */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The seed of input `index` of a run seeded `seed`: each input has its own stream, so input
 * 123,456 is made without making the 123,455 before it. (murmur3's finaliser over a Weyl step.)
 */
export function inputSeed(seed: number, index: number): number {
  let h = ((seed >>> 0) ^ Math.imul(index >>> 0, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** An integer in [0, n). */
export const randomInt = (rnd: Random, n: number): number => Math.floor(rnd() * n);

/** One element of a non-empty list. */
export const pick = <T>(rnd: Random, list: readonly T[]): T => list[randomInt(rnd, list.length)] as T;

/** `length` random bytes. */
export function randomBytes(rnd: Random, length: number): Uint8Array {
  const b = new Uint8Array(length);
  for (let i = 0; i < length; i++) b[i] = randomInt(rnd, 256);
  return b;
}
