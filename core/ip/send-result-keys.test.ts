/**
 * sendFinish writes a successful send's keys out (no spread of the context's common fields, no
 * Object.assign of the counters): every result still has them in withMib's order, whatever
 * SendCommonFields holds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ipSend } from './index.ts';
import { sendInputArb } from './arbitraries.ts';
import { sendContext } from './send-context.ts';

const inputs = sendInputArb({ minMtu: 60 });

describe("a send's result keys", () => {
  it("are ok, the context's common fields in their order, the send's own, then the counters (sides when apart)", () => {
    let oks = 0;
    fc.assert(
      fc.property(inputs, fc.constantFrom('fresh', 'none', 'external' as const), (input, socket) => {
        const r = ipSend(input, socket);
        const common = Object.keys(sendContext(input).common);
        const keys = Object.keys(r);
        expect(keys.slice(0, 1 + common.length)).toEqual(['ok', ...common]);
        if (!r.ok || input.sock === 'raw-hdrincl') return;
        oks++;
        expect(keys.slice(1 + common.length)).toEqual([
          'sent',
          'received_length',
          'arrival',
          'wire',
          'fragPath',
          'fragPathWhy',
          'trace',
          'drop_reasons',
          'snmp_delta',
          ...(socket === 'external' ? ['sides'] : []),
        ]);
      }),
      { numRuns: 300 },
    );
    expect(oks).toBeGreaterThan(50);
  });
});
