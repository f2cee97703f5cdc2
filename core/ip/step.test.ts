/**
 * materialiseOutputTrace reads every step's sk_buffs as the app and `sockscope trace --json` do:
 * reading changes nothing a reader sees (the JSON is the same before and after), it visits every
 * skb of every step with its frag_list, and a step's skbs are built once (a second read gives the
 * same array).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { queueLogWork } from './append.ts';
import { DEFAULT_SEND_INPUT, ipSend, type SendInput } from './index.ts';
import { materialiseOutputTrace } from './step.ts';
import type { SkbSnapshot } from '../skb/types.ts';

const count = (skbs: readonly SkbSnapshot[]): number => skbs.reduce((n, s) => n + 1 + count(s.frag_list), 0);

const inputArb: fc.Arbitrary<SendInput> = fc
  .record({
    family: fc.constantFrom('inet' as const, 'inet6' as const),
    sends: fc.array(fc.integer({ min: 0, max: 9000 }), { minLength: 1, maxLength: 4 }),
    mtu: fc.integer({ min: 68, max: 9000 }),
    sg: fc.boolean(),
    sndbufCheck: fc.boolean(),
  })
  .map((x) => ({ ...DEFAULT_SEND_INPUT, ...x, mtu: x.family === 'inet6' ? Math.max(x.mtu, 1280) : x.mtu }));

describe('materialiseOutputTrace', () => {
  it('reads every skb of every step; the trace serialises the same before and after', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const read = ipSend(input);
        const unread = ipSend(input);
        const visited = materialiseOutputTrace(read.trace);
        expect(visited).toBe(read.trace.reduce((n, s) => n + count(s.snapshot.skbs), 0));
        expect(JSON.stringify(read)).toBe(JSON.stringify(unread));
      }),
      { numRuns: 60 },
    );
  });

  it('builds a whole-queue step once: a second read gives the same array and gathers nothing', () => {
    const r = ipSend({ ...DEFAULT_SEND_INPUT, sends: [300, 300, 300], mtu: 68, sndbufCheck: false });
    materialiseOutputTrace(r.trace);
    const gathered = queueLogWork.gathered;
    const first = r.trace.map((s) => s.snapshot.skbs);
    expect(materialiseOutputTrace(r.trace)).toBeGreaterThan(0);
    expect(queueLogWork.gathered).toBe(gathered);
    r.trace.forEach((s, i) => expect(s.snapshot.skbs).toBe(first[i]));
  });
});
