import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SEND_INPUT, ipSend, wireFacts, type SendInput } from './index.ts';

/**
 * A raw IPv6 socket of protocol 44: the receiver's ipv6_frag_rcv reads the payload's first 8
 * bytes as a fragment header (raw-rcv.ts ipv6FragHeaderRcv). With the recording tools' fills:
 * 'p' (one sendto) is next header 112, offset 0x7070 & ~7 = 28,784, the last fragment; 'i' (an
 * iovec) is offset 0x6968 = 26,984 with more fragments to come.
 */
const p44 = (over: Partial<SendInput>) =>
  ipSend({ ...DEFAULT_SEND_INPUT, family: 'inet6', sock: 'raw', protocol: 44, mtu: 65536, ...over });
const FREED = { reason: 'NOT_SPECIFIED', function: 'ipv6_frag_rcv', count: 1 };

describe('raw IPv6 protocol 44: the payload is read as a fragment header', () => {
  it('one unfragmented sendto of p: fail_hdr under 8 bytes, an empty fragment at 8, a param problem past 65,535, else it waits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 65496 }), (len) => {
        const r = p44({ sends: [len] });
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.wire).toHaveLength(1);
        const ip6 = r.snmp_delta.Ip6 ?? {};
        const end = 28784 + len - 8;
        if (len >= 8) {
          // A capture reads the same 8 bytes.
          expect(wireFacts(r.wire[0]!)).toMatchObject({ frag_next_header: 0x70, offset: 28784, mf: false });
        }
        expect(ip6.ReasmReqds).toBe(1);
        if (len < 8) {
          const notify =
            len < 4
              ? { reason: 'IPV6_BAD_EXTHDR', function: 'icmpv6_rcv', count: 1 }
              : { reason: 'PKT_TOO_SMALL', function: 'icmpv6_rcv', count: 1 };
          expect(r.drop_reasons).toEqual(len < 4 ? [notify, FREED] : [FREED, notify]);
          expect(ip6.InHdrErrors).toBe(1);
          expect(r.snmp_delta.Icmp6).toMatchObject({ OutParmProblems: 1, InParmProblems: 1, InErrors: 1 });
        } else if (len === 8) {
          expect(r.drop_reasons).toEqual([FREED]);
          expect(ip6.ReasmFails).toBe(1);
          expect(r.icmp).toEqual([]);
        } else if (end > 65535) {
          expect(r.drop_reasons).toEqual([FREED]);
          expect(ip6.InHdrErrors).toBe(1);
          expect(r.icmp).toHaveLength(1);
          expect(r.snmp_delta.Icmp6?.InErrors).toBeUndefined();
        } else {
          expect(r.drop_reasons).toEqual([]);
          expect(r.icmp).toEqual([]);
          expect(ip6.InDelivers).toBeUndefined();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reassembled from the sender’s own fragments, a second fragment header is refused before ReasmReqds', () => {
    const r = p44({ mtu: 1280, sends: [6743] });
    expect(r.wire).toHaveLength(6);
    expect(r.drop_reasons).toEqual([FREED]);
    expect(r.snmp_delta.Ip6).toMatchObject({ ReasmReqds: 6, ReasmOKs: 1, InHdrErrors: 1, InDelivers: 1 });
    expect(r.icmp).toHaveLength(1);
  });

  it('an iovec of i (more fragments): its data must end on a multiple of 8, and an empty one kills the queue', () => {
    expect(p44({ mtu: 1500, iov: [8, 8], sends: [16] }).drop_reasons).toEqual([]);
    const empty = p44({ mtu: 1500, iov: [1, 7], sends: [8] });
    expect(empty.drop_reasons).toEqual([FREED]);
    expect(empty.snmp_delta.Ip6?.ReasmFails).toBe(1);
    const odd = p44({ mtu: 1500, iov: [8, 9], sends: [17] });
    expect(odd.drop_reasons).toEqual([FREED]);
    expect(odd.snmp_delta.Ip6?.InHdrErrors).toBe(1);
    expect(odd.icmp).toHaveLength(1);
  });
});
