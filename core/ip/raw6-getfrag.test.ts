import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SEND_INPUT, ipSend, type SendInput } from './index.ts';
import { getfragMisparity } from './append.ts';
import { rawv6ChecksumSlips } from './sendmsg.ts';
import type { ByteRange } from './types.ts';

/**
 * raw6_getfrag (net/ipv6/raw.c) sums a send's first rfv->hlen bytes at the copy's parity, then
 * sets odd = 0 for the rest of the copy: a send that starts at an odd offset has the rest of its
 * first copy summed byte-swapped, and rawv6_push_pending_frames writes a wrong checksum.
 */
const icmp6 = (over: Partial<SendInput>) =>
  ipSend({ ...DEFAULT_SEND_INPUT, family: 'inet6', sock: 'raw', protocol: 58, mtu: 65536, ...over });

/** A 16-bit one's-complement sum of bytes, as csum_partial leaves it folded (0..0xffff). */
function csum(bytes: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < bytes.length; i += 2) s += ((bytes[i] as number) << 8) | (bytes[i + 1] ?? 0);
  while (s > 0xffff) s = (s & 0xffff) + (s >>> 16);
  return s;
}
/** csum_block_add: a block summed on its own, added at an odd offset, is byte-swapped. */
const blockAdd = (sum: number, block: number, odd: boolean): number => {
  let s = sum + (odd ? ((block & 0xff) << 8) | (block >> 8) : block);
  while (s > 0xffff) s = (s & 0xffff) + (s >>> 16);
  return s;
};

/**
 * The kernel's sum written out byte for byte for sends that each land in one copy (one skb, no
 * page boundary): each send's fill ('A', 'B', …), its first `hlen` bytes at their parity, the rest
 * at parity 0 — against the true sum of the same bytes. Whether they differ (mod 0xffff).
 */
function kernelSumSlips(sends: number[], hlen: number): boolean {
  let kernel = 0;
  let truth = 0;
  let at = 0;
  sends.forEach((n, i) => {
    const bytes = new Array<number>(n).fill(0x41 + i);
    const head = bytes.slice(0, hlen);
    const rest = bytes.slice(hlen);
    kernel = blockAdd(kernel, csum(head), at % 2 === 1);
    if (rest.length) kernel = blockAdd(kernel, csum(rest), false);
    truth = blockAdd(truth, csum(bytes), at % 2 === 1);
    at += n;
  });
  return kernel % 0xffff !== truth % 0xffff;
}

describe('raw6_getfrag: the parity it forgets', () => {
  it('notes the rest of a copy that holds a send’s first bytes, when that rest starts odd', () => {
    const m: ByteRange[] = [];
    getfragMisparity(3, 5, 3, 2, m); // a send at 3: bytes 3–4 its header part, 5–7 summed as even
    expect(m).toEqual([{ from: 5, to: 8 }]);
    getfragMisparity(4, 5, 4, 2, m); // at an even offset nothing slips
    getfragMisparity(10, 100, 3, 2, m); // a later copy of the same send: ip_generic_getfrag's own parity
    getfragMisparity(7, 1, 7, 2, m); // only header bytes in this copy
    expect(m).toEqual([{ from: 5, to: 8 }]);
    getfragMisparity(8, 9, 7, 2, m); // the header split over two copies: its second byte, then the rest
    expect(m).toEqual([
      { from: 5, to: 8 },
      { from: 9, to: 17 },
    ]);
  });

  it('the verdict equals the byte-for-byte sum, for MSG_MORE lists of ICMPv6 sends in one skb', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 2, max: 40 }), { minLength: 2, maxLength: 6 }), (sends) => {
        const r = icmp6({ sends });
        const total = sends.reduce((a, b) => a + b, 0);
        expect(r.ok && r.sent).toBe(total);
        const slips = kernelSumSlips(sends, 2);
        const csumDrops = r.drop_reasons.filter((d) => d.reason === 'ICMP_CSUM' || d.reason === 'SKB_CSUM');
        expect(csumDrops.length > 0).toBe(slips);
        if (slips) {
          expect(r.snmp_delta.Icmp6).toMatchObject({ InMsgs: 1, InCsumErrors: 1, InErrors: 1 });
          expect(Object.keys(r.snmp_delta.Icmp6 ?? {}).some((k) => k.startsWith('InType'))).toBe(false);
        } else expect(r.snmp_delta.Icmp6?.InCsumErrors).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('3 + 5: the second send starts at 3, its last 3 bytes slip; 5 + 4: 2 bytes of B slip, which is symmetric', () => {
    const bad = icmp6({ sends: [3, 5] });
    expect(bad.drop_reasons).toEqual([
      { reason: 'ICMP_CSUM', function: 'icmpv6_rcv', count: 1 },
      { reason: 'SKB_CSUM', function: 'rawv6_rcv', count: 1 },
    ]);
    expect(bad.trace.some((s) => s.fn === 'rawv6_push_pending_frames')).toBe(true);
    // The checksum holds; type 65 is an error type whose 1-byte quote is too short.
    expect(icmp6({ sends: [5, 4] }).drop_reasons).toEqual([
      { reason: 'PKT_TOO_SMALL', function: 'icmpv6_rcv', count: 1 },
    ]);
  });

  it('fragmented: the chained fragment is freed with the original; the Mobility Header has only the raw socket', () => {
    const r = icmp6({ sends: [1001, 1001], mtu: 1280 });
    expect(r.wire).toHaveLength(2);
    expect(r.drop_reasons).toEqual([
      { reason: 'ICMP_CSUM', function: 'icmpv6_rcv', count: 1 },
      { reason: 'NOT_SPECIFIED', function: 'skb_release_data', count: 1 },
      { reason: 'SKB_CSUM', function: 'rawv6_rcv', count: 1 },
    ]);
    const mh = icmp6({ protocol: 135, sends: [9, 2865, 971, 878, 144] });
    expect(mh.drop_reasons).toEqual([{ reason: 'SKB_CSUM', function: 'rawv6_rcv', count: 1 }]);
  });

  it('rawv6ChecksumSlips: even blocks never, odd blocks of one byte value always, and blocks can cancel', () => {
    const runs = [
      { byte: 0x41, count: 10 },
      { byte: 0x42, count: 10 },
    ];
    expect(rawv6ChecksumSlips([{ from: 11, to: 15 }], runs)).toBe(false);
    expect(rawv6ChecksumSlips([{ from: 11, to: 14 }], runs)).toBe(true);
    // b·256 + (257 − b)·256 ≡ 0 (mod 257): two odd blocks of bytes that add up to 257 cancel.
    const pair = [
      { byte: 100, count: 3 },
      { byte: 157, count: 3 },
    ];
    expect(
      rawv6ChecksumSlips(
        [
          { from: 0, to: 3 },
          { from: 3, to: 6 },
        ],
        pair,
      ),
    ).toBe(false);
  });
});
