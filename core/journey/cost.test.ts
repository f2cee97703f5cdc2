/**
 * The Journey's cost (issue 19, fuzz journey #9801: 2.6 s at load, ~90 ms of CPU alone): every
 * datagram of a Journey is the same send, so the same arrival list is reassembled once, not once
 * per datagram. Counted, not timed: the count does not depend on the machine's load.
 */
import { describe, expect, it } from 'vitest';
import { journey, type JourneyInput } from './index.ts';
import { kernelDefrag } from './defrag-kernel.ts';
import type { DefragFn } from './defrag-verdict.ts';
import { inputSeed, mulberry32 } from '../fuzz/random.ts';
import { journeyInput } from '../fuzz/pipelines.ts';

function counting(): { fn: DefragFn; calls: () => number } {
  let calls = 0;
  return {
    fn: (arrivals, o) => {
      calls++;
      return kernelDefrag(arrivals, o);
    },
    calls: () => calls,
  };
}

// `npm run fuzz -- --only journey --seed 1 --input 9801`, as journeyInput draws it.
const FUZZ_9801: JourneyInput = {
  send: {
    family: 'inet',
    sock: 'udp',
    protocol: 253,
    mtu: 68,
    pmtu: 'omit',
    sends: [60942],
    options: [],
    sg: true,
    sndbuf: 212992,
    sndbufCheck: false,
    df: true,
  },
  datagrams: 2,
  fault: { kind: 'none' },
  rcvbuf: 212992,
  read: 'each',
  bufsize: 513,
} as unknown as JourneyInput;

describe('journey cost: one reassembly per distinct arrival list', () => {
  it('the fuzz campaign draws #9801 as this input', () => {
    expect(journeyInput(mulberry32(inputSeed(1, 9801)))).toEqual(FUZZ_9801);
  });

  it('fuzz journey #9801: 2 datagrams of 1,270 fragments, one ip_defrag run', () => {
    const c = counting();
    const r = journey(FUZZ_9801, { defrag: c.fn });
    expect(r.packetsPerDatagram).toBe(1270);
    // bufsize 513: each read is cut (MSG_TRUNC).
    expect(r.outcomes.map((o) => o.fate)).toEqual(['truncated', 'truncated']);
    expect(c.calls()).toBe(1);
  });

  it('8 datagrams, one of them losing a fragment: two runs (the whole list, the list without it)', () => {
    const c = counting();
    const r = journey(
      { ...FUZZ_9801, datagrams: 8, fault: { kind: 'lose', fragment: 3, datagram: 2 } },
      { defrag: c.fn },
    );
    expect(r.outcomes.map((o) => o.fate)).toEqual([
      'truncated',
      'truncated',
      'expired',
      'truncated',
      'truncated',
      'truncated',
      'truncated',
      'truncated',
    ]);
    expect(c.calls()).toBe(2);
  });

  it('the shared reassembly changes nothing: the same stops as a reassembly per datagram', () => {
    const input = { ...FUZZ_9801, send: { ...FUZZ_9801.send, mtu: 1500, sends: [6000] }, datagrams: 3 };
    let calls = 0;
    // A defrag that is a fresh function object with its own counter still sees the same lists.
    const r = journey(input as JourneyInput, {
      defrag: (a, o) => {
        calls++;
        return kernelDefrag(a, o);
      },
    });
    const plain = journey(input as JourneyInput);
    expect(calls).toBe(1);
    expect(JSON.stringify(r.stops)).toBe(JSON.stringify(plain.stops));
    expect(r.outcomes).toEqual(plain.outcomes);
  });
});
