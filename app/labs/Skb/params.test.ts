import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SKB_OP_NAMES } from '../../../core/skb/index.ts';
import type { SkbOp } from '../../../core/skb/index.ts';
import { DEFAULT_ALLOC, REGION_KINDS, parseSequence, parseSkbQuery, serialiseSkbQuery } from './params.ts';
import { skbParams } from './lab.ts';
import { createSkbStore } from './store.ts';

const serialise = (q: string) => {
  const store = createSkbStore();
  skbParams.read(store, q, []);
  return skbParams.write(store.getState());
};

describe('sk_buff URL', () => {
  it('parses the DESIGN.md example (alloc_skb(1024) assumed)', () => {
    const p = parseSkbQuery('ops=reserve:32,put:100,push:8,push:20');
    expect(p).toEqual({
      alloc: DEFAULT_ALLOC,
      ops: [
        { op: 'reserve', n: 32 },
        { op: 'put', n: 100 },
        { op: 'push', n: 8 },
        { op: 'push', n: 20 },
      ],
      step: null,
      replay: null,
      issues: [],
    });
  });

  it.each([
    'ops=reserve:32,put:100,push:8,push:20',
    'alloc=159&ops=reserve:44,put:100:payload,push:8:udp,push:20:ip,push:14:eth',
    'alloc=159&ops=reserve:44,put:100:payload,push:8:udp&step=2',
    'alloc=128&ops=put:64:payload,push:8:udp',
    'ops=',
    'alloc=0&ops=put:1',
    'preset=fragmented',
    'preset=fragmented&step=6',
  ])('round-trips %s through the store', (q) => {
    expect(serialise(q)).toBe(q);
  });

  it('an alloc:N first op becomes alloc=', () => {
    expect(serialise('ops=alloc:200,reserve:16')).toBe('alloc=200&ops=reserve:16');
    expect(parseSequence('alloc:64,put:8')).toEqual({ ok: true, alloc: 64, ops: [{ op: 'put', n: 8 }] });
  });

  it('a step past the end is clamped to the last step, which is the canonical default', () => {
    expect(serialise('ops=reserve:32,put:100&step=99')).toBe('ops=reserve:32,put:100');
  });

  it('invalid ops are explained and the last good sequence stays', () => {
    const store = createSkbStore();
    skbParams.read(store, 'ops=reserve:32,put:100', []);
    const good = store.getState().run;
    skbParams.read(store, 'ops=reserve:32,shove:5', []);
    const s = store.getState();
    expect(s.issues).toEqual([
      {
        field: 'ops',
        message: expect.stringContaining('"shove:5" is not an operation'),
        // The same sentence for the page, in any language: the core's reason inside the lab's.
        msg: expect.objectContaining({ id: 'lab.skb.issue.opsKept' }),
      },
    ]);
    expect(s.run).toBe(good);
    expect(skbParams.write(store.getState())).toBe('ops=reserve:32,put:100');
  });

  it('unknown region kinds, bad sizes, steps and presets are issues, never throws', () => {
    expect(parseSkbQuery('ops=push:8:tcp').issues[0]).toMatchObject({
      field: 'ops',
      message: expect.stringContaining('“tcp”'),
    });
    const a = parseSkbQuery('alloc=lots&ops=put:1');
    expect(a.alloc).toBeNull();
    expect(a.ops).toBeNull();
    expect(a.issues[0]?.field).toBe('alloc');
    expect(parseSkbQuery('ops=put:1&step=0').issues[0]?.field).toBe('step');
    expect(parseSkbQuery('preset=jumbo').issues[0]?.field).toBe('preset');
    for (const q of ['%', 'ops=%%', 'ops=,,,', 'alloc=99999999999', 'step=-1', 'ops=put:1:'])
      expect(() => serialise(q)).not.toThrow();
  });

  it('property: any sequence of ops survives parse(serialise(...))', () => {
    const op: fc.Arbitrary<SkbOp> = fc.record(
      {
        op: fc.constantFrom(...SKB_OP_NAMES.filter((o) => o !== 'alloc')),
        n: fc.integer({ min: 0, max: 5000 }),
        kind: fc.constantFrom(...REGION_KINDS),
      },
      { requiredKeys: ['op', 'n'] },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 70000 }), fc.array(op, { maxLength: 12 }), (alloc, ops) => {
        const q = serialiseSkbQuery({ alloc, ops, step: ops.length, replay: null, lastStep: ops.length });
        const p = parseSkbQuery(q);
        expect(p.issues).toEqual([]);
        expect(p.alloc).toBe(alloc);
        expect(p.ops).toEqual(ops);
      }),
    );
  });
});
