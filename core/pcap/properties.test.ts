/**
 * Property and mutation tests of the reader: random bytes and mutated real captures never
 * throw and never hang (each input is bounded work: no loop without progress), every
 * diagnostic and packet lies inside the file, and any chunking reads the same as one push.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeCapture } from './analyze.ts';
import { dissectPacket } from './dissect.ts';
import { checkInput, fuzzPcap, mulberry32 } from './fuzz.ts';
import { createPcapReader, readPcap } from './reader.ts';
import { FIXTURE_FILES, fixtureBytes } from './fixtures.test-helper.ts';
import { LINKTYPE } from './link.ts';

const fixtures = FIXTURE_FILES.map(fixtureBytes);

const mutation = fc.record({
  file: fc.integer({ min: 0, max: fixtures.length - 1 }),
  edits: fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
      fc.record({
        kind: fc.constant('insert' as const),
        at: fc.nat(),
        bytes: fc.uint8Array({ maxLength: 16 }),
      }),
      fc.record({
        kind: fc.constant('u32' as const),
        at: fc.nat(),
        v: fc.oneof(fc.nat(64), fc.constant(0xffffffff), fc.nat()),
      }),
    ),
    { minLength: 1, maxLength: 6 },
  ),
});

interface Mutation {
  file: number;
  edits: { kind: string; at: number; byte?: number; bytes?: Uint8Array; v?: number }[];
}

function apply(m: Mutation): Uint8Array {
  let b = (fixtures[m.file] as Uint8Array).slice();
  for (const e of m.edits) {
    const at = b.length ? e.at % (b.length + 1) : 0;
    if (e.kind === 'flip' && b.length) b[Math.min(at, b.length - 1)] = e.byte!;
    else if (e.kind === 'cut') b = b.slice(0, at);
    else if (e.kind === 'insert') b = Uint8Array.from([...b.subarray(0, at), ...e.bytes!, ...b.subarray(at)]);
    else if (e.kind === 'u32' && b.length >= 4) {
      const o = Math.min(at, b.length - 4);
      for (let i = 0; i < 4; i++) b[o + i] = (e.v! >>> (8 * i)) & 0xff;
    }
  }
  return b;
}

describe('the reader never throws, never hangs, never points outside the file', () => {
  it('random bytes, with and without a capture magic', () => {
    const magic = fc.constantFrom(
      [],
      [0xd4, 0xc3, 0xb2, 0xa1],
      [0xa1, 0xb2, 0x3c, 0x4d],
      [0x0a, 0x0d, 0x0d, 0x0a],
    );
    fc.assert(
      fc.property(
        magic,
        fc.uint8Array({ maxLength: 600 }),
        fc.integer({ min: 1, max: 2 ** 31 }),
        (m, rest, seed) => {
          const bytes = Uint8Array.from([...m, ...rest]);
          expect(checkInput(bytes, mulberry32(seed))).toBeNull();
        },
      ),
      { numRuns: 400 },
    );
  });

  it('real captures with bytes flipped, cut, inserted and lengths rewritten', () => {
    fc.assert(
      fc.property(mutation, fc.integer({ min: 1, max: 2 ** 31 }), (m, seed) => {
        expect(checkInput(apply(m), mulberry32(seed))).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('the dissector takes any bytes under any link type', () => {
    const link = fc.constantFrom(...Object.values(LINKTYPE), 9999);
    fc.assert(
      fc.property(link, fc.uint8Array({ maxLength: 200 }), (lt, data) => {
        const v = dissectPacket({
          index: 0,
          offset: 0,
          block: 'EPB',
          interface: 0,
          linkType: lt,
          time: { sec: 0, nsec: 0 },
          caplen: data.length,
          origlen: data.length,
          data,
          dataOffset: 0,
        });
        for (const d of v.diagnostics) expect(d.offset).toBeLessThanOrEqual(data.length);
      }),
      { numRuns: 500 },
    );
  });

  it('any chunking of a capture reads the same as one push', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: fixtures.length - 1 }),
        fc.array(fc.integer({ min: 1, max: 4000 }), { minLength: 1, maxLength: 50 }),
        (f, sizes) => {
          const bytes = fixtures[f] as Uint8Array;
          const r = createPcapReader();
          let o = 0;
          for (let i = 0; o < bytes.length; i++) {
            const n = sizes[i % sizes.length] as number;
            r.push(bytes.subarray(o, o + n));
            o += n;
          }
          r.end();
          const whole = readPcap(bytes);
          expect(r.capture().packets.map((p) => [p.offset, p.caplen])).toEqual(
            whole.packets.map((p) => [p.offset, p.caplen]),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('whole-capture analysis survives mutated captures', () => {
    fc.assert(
      fc.property(mutation, (m) => {
        const a = analyzeCapture(readPcap(apply(m)));
        expect(a.views).toHaveLength(a.capture.packets.length);
      }),
      { numRuns: 150 },
    );
  });
});

describe('fuzzPcap', () => {
  it('a seeded run counts nothing that must never happen, and repeats from its seed', () => {
    const a = fuzzPcap(7, 300);
    expect(a).toMatchObject({ seed: 7, inputs: 300, exceptions: 0, outside: 0, mismatches: 0, failures: [] });
    expect(a.figures?.packets).toBeGreaterThan(0);
    const b = fuzzPcap(7, 300);
    expect(b.figures).toEqual(a.figures);
    expect(fuzzPcap(8, 300).figures).not.toEqual(a.figures);
  });

  it('runs any one input alone, as it ran in the whole run', () => {
    const whole = fuzzPcap(11, 12);
    const alone = Array.from({ length: 12 }, (_, i) => fuzzPcap(11, 1, i));
    const sum = (k: string) => alone.reduce((n, r) => n + (r.figures?.[k] ?? 0), 0);
    expect(sum('packets')).toBe(whole.figures?.packets);
    expect(sum('diagnostics')).toBe(whole.figures?.diagnostics);
    expect(alone.map((r) => r.slowestInput)).toEqual([...Array(12).keys()]);
  });
});
