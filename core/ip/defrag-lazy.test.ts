/**
 * reassemble records its trace compactly and makes `trace` and `queues` when first read
 * (defrag.ts, frag-net.ts; issue 17). Whatever is read first, and in whatever order the steps are
 * read, the result serialises to the same JSON, keeps its keys in order, and the lazy fields
 * become plain data properties once read.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defragStepCount, reassemble, type FragmentSpec } from './defrag.ts';

const input = fc
  .record({
    len: fc.integer({ min: 1, max: 3000 }),
    unit: fc.integer({ min: 1, max: 60 }),
    family: fc.constantFrom<'inet' | 'inet6'>('inet', 'inet6'),
    socket: fc.constantFrom<'bound' | 'none' | 'external'>('bound', 'none', 'external'),
  })
  .chain(({ len, unit, family, socket }) => {
    const total = len + 8;
    const frags: FragmentSpec[] = [];
    for (let o = 0; o < total; o += unit * 8)
      frags.push({ offset: o, length: Math.min(unit * 8, total - o), mf: o + unit * 8 < total });
    return fc
      .tuple(fc.shuffledSubarray(frags), fc.array(fc.nat(frags.length - 1), { maxLength: 3 }))
      .map(([order, again]) => ({
        family,
        len,
        socket,
        fragments: [...order, ...again.map((i) => frags[i] as FragmentSpec)],
      }));
  });

describe('a lazily built reassembly result reads as an eager one', () => {
  it('same JSON whatever is read first, keys in order, plain data once read', () => {
    fc.assert(
      fc.property(input, (inp) => {
        const a = reassemble(inp);
        const b = reassemble(inp);
        const c = reassemble(inp);
        if (!a.ok || !b.ok || !c.ok) return;
        const whole = JSON.stringify(a);
        // b: the steps read last to first, deep, then the queues
        for (let i = b.trace.length - 1; i >= 0; i--)
          for (const q of b.trace[i]!.snapshot.queues) void [q.holes, q.runs.map((r) => r.frags)];
        void b.queues.map((q) => q.last.runs);
        expect(JSON.stringify(b)).toBe(whole);
        // c: the queues first, then a spread copy
        void c.queues;
        expect(JSON.stringify({ ...c })).toBe(whole);
        expect(Object.keys(c)).toEqual(Object.keys(JSON.parse(whole)));
        for (const k of ['trace', 'queues'] as const) {
          const d = Object.getOwnPropertyDescriptor(c, k);
          expect(d && 'value' in d && d.enumerable).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});

describe('defragStepCount', () => {
  it('counts the steps without building them, and agrees with the trace however it was read or replaced', () => {
    fc.assert(
      fc.property(input, (inp) => {
        const a = reassemble(inp);
        if (!a.ok) return;
        const n = defragStepCount(a);
        // Not built by counting: `trace` is still the accessor.
        const d = Object.getOwnPropertyDescriptor(a, 'trace');
        expect(d && 'get' in d && typeof d.get).toBe('function');
        expect(n).toBe(a.trace.length);
        expect(defragStepCount(a)).toBe(n);
        // A trace written over the record counts as written.
        const b = reassemble(inp);
        if (!b.ok) return;
        b.trace = b.trace.length > 1 ? [b.trace[0]!] : [];
        expect(defragStepCount(b)).toBe(Math.min(1, n));
        // A spread copy is plain data.
        expect(defragStepCount({ ...a })).toBe(n);
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it('is 0 for anything that is not a result, never a throw', () => {
    for (const v of [undefined, null, 0, 'x', [], {}, { trace: 'no' }, { trace: null }, Symbol('s'), () => 1])
      expect(defragStepCount(v)).toBe(0);
    expect(defragStepCount({ trace: [1, 2, 3] })).toBe(3);
    const hostile = Object.defineProperty(Object.create(null), 'trace', {
      get() {
        throw new Error('boom');
      },
    });
    expect(defragStepCount(hostile)).toBe(0);
  });
});
