/**
 * Random well-formed sends (fast-check arbitraries) for the send path's property tests: every
 * family, socket kind and PMTU mode, one to three sends. Used by tests only; nothing in the app
 * imports it.
 */
import fc from 'fast-check';
import { DEFAULT_SEND_INPUT, PMTU_MODES, type SendInput } from './types.ts';

/** IP options as a socket may be given them: none, a Router Alert, a Timestamp, a malformed one. */
const OPTIONS: number[][] = [[], [0x94, 4, 0, 0], [0x44, 12, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0], [7, 3]];

/**
 * Sends of up to 30,000 bytes each over an MTU from `minMtu` to 20,000; with `optionsAndDf`, IP
 * options and IP_PMTUDISC's DF choice vary too (else the defaults').
 */
export function sendInputArb({ minMtu = 0, optionsAndDf = false } = {}): fc.Arbitrary<SendInput> {
  return fc
    .record({
      family: fc.constantFrom<'inet' | 'inet6'>('inet', 'inet6'),
      sock: fc.constantFrom<'udp' | 'raw' | 'raw-hdrincl'>('udp', 'raw', 'raw-hdrincl'),
      mtu: fc.integer({ min: minMtu, max: 20000 }),
      pmtu: fc.constantFrom(...PMTU_MODES),
      sends: fc.array(fc.integer({ min: 0, max: 30000 }), { minLength: 1, maxLength: 3 }),
      sg: fc.boolean(),
      sndbufCheck: fc.boolean(),
      options: optionsAndDf ? fc.constantFrom(...OPTIONS) : fc.constant(DEFAULT_SEND_INPUT.options),
      df: optionsAndDf ? fc.boolean() : fc.constant(DEFAULT_SEND_INPUT.df),
    })
    .map((r): SendInput => ({ ...DEFAULT_SEND_INPUT, ...r }));
}
