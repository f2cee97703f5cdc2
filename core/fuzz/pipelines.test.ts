/**
 * The pipeline fuzzers: a few inputs of each pass, and the defects they found stay fixed.
 */
import { describe, expect, it } from 'vitest';
import { renderText } from '../i18n/index.ts';
import { DEFAULT_SEND_INPUT, ipSend } from '../ip/index.ts';
import { DEFAULT_JOURNEY_INPUT, journey } from '../journey/index.ts';
import { parseSkbOps } from '../skb/index.ts';
import { UDP_RECEIVE_LIMITS, udpReceive, wirePacketsOf } from '../receive/index.ts';
import { fuzzJourney, fuzzReassemble, fuzzReceive, fuzzSends, fuzzSkb, fuzzSocket } from './pipelines.ts';

describe('the pipeline fuzzers', () => {
  it.each([
    ['sends', fuzzSends],
    ['reassemble', fuzzReassemble],
    ['socket', fuzzSocket],
    ['skb', fuzzSkb],
    ['receive', fuzzReceive],
    ['journey', fuzzJourney],
  ] as const)('%s: 60 inputs, no exception, nothing outside, no mismatch', (_name, run) => {
    const r = run(7, 60);
    expect(r.inputs).toBe(60);
    expect(r.failures).toEqual([]);
    expect(r.exceptions + r.outside + r.mismatches).toBe(0);
  });

  it('one input runs alone and makes the same result as in the run', () => {
    const all = fuzzSends(3, 5);
    const alone = fuzzSends(3, 1, 4);
    expect(alone.inputs).toBe(1);
    expect(all.figures?.sent ?? 0).toBeGreaterThanOrEqual(alone.figures?.sent ?? 0);
  });
});

describe('defects the pipeline fuzzers found', () => {
  it('ipSend answers, never throws, for a BigInt switch (fuzz sends, seed 1, input 5067)', () => {
    for (const k of ['sg', 'df', 'sndbufCheck'])
      expect(typeof ipSend({ ...DEFAULT_SEND_INPUT, [k]: 10n } as never).ok).toBe('boolean');
  });

  it('ipSend refuses an empty sends list beside an iovec, as its texts do (fuzz sends, seed 1, input 36986)', () => {
    // The model took `sends: []` with `iov` (the payload is the iovec's), but `sends=` (empty) has
    // no text form: the CLI and the URL refuse it. One grammar: the model refuses it too.
    const iov = { ...DEFAULT_SEND_INPUT, sock: 'raw' as const, sends: [], iov: [3202, 15, 2] };
    const r = ipSend(iov);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(renderText(r.why, 'en')).toMatch(/Give at least one length/);
    expect(ipSend({ ...iov, sends: [3219] }).ok).toBe(true);
    expect(fuzzSends(1, 1, 36986).mismatches).toBe(0);
  });

  it('parseSkbOps refuses a byte count past 2^53 instead of writing 1e+43 (fuzz params, seed 1, input 30666)', () => {
    const r = parseSkbOps(`reserve:32,put:1${'0'.repeat(43)}:payload,push:8`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(renderText(r.why, 'en')).toMatch(/too large/);
    expect(parseSkbOps('put:9007199254740991').ok).toBe(true);
  });

  it('journey refuses a datagram count outside 1…8 instead of clamping it (fuzz journey, seed 1, input 71)', () => {
    for (const datagrams of [-1, 0, 9, 15]) {
      const r = journey({ ...DEFAULT_JOURNEY_INPUT, datagrams });
      expect(r.send.ok).toBe(false);
      if (!r.send.ok) expect(renderText(r.send.why, 'en')).toMatch(/1 to 8/);
      expect(r.outcomes).toHaveLength(0);
    }
    expect(journey({ ...DEFAULT_JOURNEY_INPUT, datagrams: 8 }).outcomes).toHaveLength(8);
  });

  it('udpReceive bounds its cost: packets on the wire and different sizes (fuzz receive, seed 1, input 207)', () => {
    // 295 sizes up to 69,709 bytes at MTU 68 took 630 ms: now refused with the bound named.
    const many = udpReceive({
      family: 'inet',
      mtu: 68,
      rcvbuf: null,
      datagrams: [65507, 65000, 64000, 63000],
      read_buffer: 65536,
    });
    expect(many.ok).toBe(false);
    if (!many.ok) expect(many.why).toMatch(/packets on the wire at MTU 68; at most 4,096/);
    const sizes = udpReceive({
      family: 'inet',
      rcvbuf: null,
      datagrams: Array.from({ length: UDP_RECEIVE_LIMITS.distinctSizesMax + 1 }, (_, i) => i),
      read_buffer: 100,
    });
    expect(sizes.ok).toBe(false);
    if (!sizes.ok)
      expect(sizes.why).toMatch(
        /at most 128 different datagram sizes \(each goes down the stack once\); got 129/,
      );
    // At the bound it runs; the same size many times is one size.
    expect(
      udpReceive({ family: 'inet', mtu: 68, rcvbuf: null, datagrams: [65507, 65507, 1000], read_buffer: 10 })
        .ok,
    ).toBe(true);
    expect(
      udpReceive({
        family: 'inet',
        rcvbuf: null,
        datagrams: Array.from({ length: 4096 }, () => 1),
        read_buffer: 10,
      }).ok,
    ).toBe(true);
  });

  it('wirePacketsOf counts ip_fragment’s packets', () => {
    expect(wirePacketsOf(1472, 1500, false)).toBe(1);
    expect(wirePacketsOf(1473, 1500, false)).toBe(2);
    expect(wirePacketsOf(4000, 1500, false)).toBe(3);
    expect(wirePacketsOf(65507, 68, false)).toBe(1365);
    expect(wirePacketsOf(65508, 1500, false)).toBe(0);
    expect(wirePacketsOf(1452, 1500, true)).toBe(1);
    expect(wirePacketsOf(4000, 1500, true)).toBe(3);
  });
});
