/**
 * sendFinish writes a successful send's keys out (no spread of the context's common fields, no
 * Object.assign of the counters): every result still has them in withMib's order, whatever
 * SendCommonFields holds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEND_INPUT, PMTU_MODES, ipSend, type SendInput } from './index.ts';
import { sendContext } from './send-context.ts';

const inputs = fc
  .record({
    family: fc.constantFrom<'inet' | 'inet6'>('inet', 'inet6'),
    sock: fc.constantFrom<'udp' | 'raw' | 'raw-hdrincl'>('udp', 'raw', 'raw-hdrincl'),
    mtu: fc.integer({ min: 60, max: 20000 }),
    pmtu: fc.constantFrom(...PMTU_MODES),
    sends: fc.array(fc.integer({ min: 0, max: 30000 }), { minLength: 1, maxLength: 3 }),
    sg: fc.boolean(),
    sndbufCheck: fc.boolean(),
  })
  .map((r): SendInput => ({ ...DEFAULT_SEND_INPUT, ...r }));

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
