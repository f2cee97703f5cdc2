import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SEND_INPUT, ipSend, ipSendWire, type SendInput, type WirePacket } from './index.ts';
import { NO_TRACE } from './step.ts';
import { sendInputArb } from './arbitraries.ts';

/** The wire as data; `optionsTimeBytes` is what sendFinish notes for the receiver (ipSendWire stops before it). */
const wireJson = (wire: readonly WirePacket[]) =>
  JSON.stringify(wire, (k, v: unknown) => (k === 'optionsTimeBytes' ? undefined : v));

const inputs = sendInputArb({ optionsAndDf: true });

describe('ipSendWire: ipSend stopped at the wire', () => {
  it('puts the same packets on the wire as ipSend, or fails as ipSend does', () => {
    let ok = 0;
    let failed = 0;
    fc.assert(
      fc.property(inputs, (input) => {
        const full = ipSend(input);
        const wire = ipSendWire(input);
        expect(wire.ok).toBe(full.ok);
        if (full.ok && wire.ok) {
          ok++;
          expect(wireJson(wire.wire)).toBe(wireJson(full.wire));
        } else if (!full.ok && !wire.ok) {
          failed++;
          expect(JSON.stringify(wire)).toBe(JSON.stringify(full));
        }
        expect(NO_TRACE).toHaveLength(0);
      }),
      { numRuns: 600 },
    );
    // Both kinds of outcome were compared (the property is not vacuous).
    expect(ok).toBeGreaterThan(40);
    expect(failed).toBeGreaterThan(50);
  });

  it('cuts the 1,365-fragment worst case (65,507 bytes over MTU 68, send-buffer check off) as ipSend', () => {
    const input: SendInput = { ...DEFAULT_SEND_INPUT, mtu: 68, sends: [65507], sndbufCheck: false };
    const full = ipSend(input);
    const wire = ipSendWire(input);
    expect(full.ok && wire.ok).toBe(true);
    if (!full.ok || !wire.ok) return;
    expect(wire.wire).toHaveLength(1365);
    expect(wireJson(wire.wire)).toBe(wireJson(full.wire));
  });

  it('keeps no step of its send (ipSend’s trace of the same send has them)', () => {
    for (const sg of [false, true]) {
      const input: SendInput = { ...DEFAULT_SEND_INPUT, mtu: 68, sends: [65507], sndbufCheck: false, sg };
      const wire = ipSendWire(input);
      expect(wire.ok && wire.wire.length).toBe(1365);
      expect(NO_TRACE).toHaveLength(0);
      expect(ipSend(input).trace.length).toBeGreaterThan(10);
    }
  });

  it('gives a failure its trace, as ipSend does', () => {
    const input: SendInput = { ...DEFAULT_SEND_INPUT, mtu: 68, sends: [65507] };
    const wire = ipSendWire(input);
    expect(wire.ok).toBe(false);
    if (wire.ok) return;
    expect(wire.trace.length).toBeGreaterThan(0);
    expect(NO_TRACE).toHaveLength(0);
  });

  it('gives back bad input as a failure, never a throw', () => {
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        const r = ipSendWire(junk as SendInput);
        expect(r.ok).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});
