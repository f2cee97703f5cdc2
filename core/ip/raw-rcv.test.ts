import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checksumHolds } from './raw-rcv.ts';
import { payloadRuns, wordAt, type ByteRun } from './payload-runs.ts';
import { ip6Find1stFragopt } from './fragment.ts';
import { DEFAULT_SEND_INPUT, ipSend, type SendInput } from './index.ts';

/** RFC 1071 byte by byte: the plain model the closed form must agree with. */
function checksumByBytes(runs: readonly ByteRun[]): boolean {
  const bytes = runs.flatMap((r) => Array<number>(r.count).fill(r.byte));
  let sum = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    sum += ((bytes[i] as number) << 8) | (bytes[i + 1] ?? 0);
    sum = (sum & 0xffff) + (sum >>> 16);
  }
  return sum === 0xffff;
}

const send = (over: Partial<SendInput>) => ipSend({ ...DEFAULT_SEND_INPUT, sock: 'raw', ...over });

describe('the bytes a raw send carries (payloadRuns) and their checksum', () => {
  it('follows the recording tools: one send of p, MSG_MORE sends of A, B, …, an iovec of i', () => {
    expect(payloadRuns({ sends: [5] })).toEqual([{ byte: 0x70, count: 5 }]);
    expect(payloadRuns({ sends: [1, 0, 2] })).toEqual([
      { byte: 0x41, count: 1 },
      { byte: 0x42, count: 0 },
      { byte: 0x43, count: 2 },
    ]);
    expect(payloadRuns({ sends: [9], iov: [3, 4] })).toEqual([{ byte: 0x69, count: 7 }]);
    // uh->len of a raw UDP "header" of p: 0x7070 = 28,784; spanning two sends: 'A' then 'B'
    expect(wordAt(payloadRuns({ sends: [100] }), 4)).toBe(28784);
    expect(wordAt(payloadRuns({ sends: [5, 5] }), 4)).toBe(0x4142);
  });
  it('checksumHolds agrees with a byte-by-byte RFC 1071 sum', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ byte: fc.integer({ min: 0, max: 255 }), count: fc.integer({ min: 0, max: 1200 }) }),
          {
            maxLength: 4,
          },
        ),
        (runs) => checksumHolds(runs) === checksumByBytes(runs),
      ),
    );
    // 255 words of 0x7070 sum to 0 mod 65,535: 510 bytes of p hold, 509 and 511 do not
    expect([509, 510, 511, 1020, 1530].map((n) => checksumHolds([{ byte: 0x70, count: n }]))).toEqual([
      false,
      true,
      false,
      true,
      true,
    ]);
  });
});

describe('a raw ICMP / IGMP / UDP-Lite / no-next-header send back up the stack', () => {
  it('ICMP: under 2 bytes EFAULT; a wrong checksum ICMP_CSUM; a right one, type 112, UNHANDLED_PROTO', () => {
    expect(send({ protocol: 1, sends: [1] })).toMatchObject({
      ok: false,
      errno: 'EFAULT',
      fn: 'raw_probe_proto_opt',
    });
    const bad = send({ protocol: 1, sends: [100] });
    expect(bad.drop_reasons).toEqual([{ reason: 'ICMP_CSUM', function: 'icmp_rcv', count: 1 }]);
    expect(bad.snmp_delta.Icmp).toEqual({ InMsgs: 1, InErrors: 1, InCsumErrors: 1, OutMsgs: 1 });
    expect(bad.snmp_delta.IcmpMsg).toEqual({ OutType112: 1 });
    const good = send({ protocol: 1, sends: [510] });
    expect(good.drop_reasons).toEqual([{ reason: 'UNHANDLED_PROTO', function: 'icmp_rcv', count: 1 }]);
    expect(good.snmp_delta.IcmpMsg).toEqual({ InType112: 1, OutType112: 1 });
    // IPv4 counts the type of the send that pushes the datagram (the last): C
    expect(send({ protocol: 1, sends: [3, 4, 5] }).snmp_delta.IcmpMsg).toEqual({ OutType67: 1 });
  });
  it('a later send too short for the probe leaves the earlier ones to close(): flushed as drops', () => {
    const r = send({ protocol: 1, sends: [5, 0] });
    expect(r).toMatchObject({ ok: false, errno: 'EFAULT' });
    expect(r.drop_reasons).toEqual([
      { reason: 'NOT_SPECIFIED', function: '__ip_flush_pending_frames', count: 1 },
    ]);
  });
  it('ICMPv6: the kernel writes the checksum at byte 2, so 2–3 bytes are EINVAL; short quotes PKT_TOO_SMALL', () => {
    const v6 = (n: number) => send({ family: 'inet6', protocol: 58, sends: [n] });
    expect(v6(1)).toMatchObject({ ok: false, errno: 'EFAULT' });
    expect(v6(3)).toMatchObject({ ok: false, errno: 'EINVAL', fn: 'rawv6_push_pending_frames' });
    expect(v6(3).drop_reasons).toEqual([
      { reason: 'NOT_SPECIFIED', function: '__ip6_flush_pending_frames', count: 1 },
    ]);
    expect(v6(7).drop_reasons).toEqual([{ reason: 'NOT_SPECIFIED', function: 'icmpv6_rcv', count: 1 }]);
    expect(v6(55).drop_reasons).toEqual([{ reason: 'PKT_TOO_SMALL', function: 'icmpv6_rcv', count: 1 }]);
    expect(v6(56).drop_reasons).toEqual([]);
    expect(v6(56).snmp_delta.Icmp6).toEqual({ InMsgs: 1, OutMsgs: 1, InType112: 1, OutType112: 1 });
    // Mobility Header: 4 bytes probed, the checksum at byte 4
    expect(send({ family: 'inet6', protocol: 135, sends: [3] })).toMatchObject({ errno: 'EFAULT' });
    expect(send({ family: 'inet6', protocol: 135, sends: [5] })).toMatchObject({ errno: 'EINVAL' });
  });
  it('IGMP frees it in igmp_rcv; protocol 59 in dst_discard_out; UDP-Lite counts in UdpLite', () => {
    expect(send({ protocol: 2, sends: [3000] }).drop_reasons).toEqual([
      { reason: 'NOT_SPECIFIED', function: 'igmp_rcv', count: 1 },
    ]);
    expect(send({ family: 'inet6', protocol: 59, sends: [3000], mtu: 1280 }).drop_reasons).toEqual([
      { reason: 'NOT_SPECIFIED', function: 'dst_discard_out', count: 1 },
    ]);
    const lite = (n: number, family: 'inet' | 'inet6' = 'inet') =>
      send({ family, protocol: 136, sends: [n] });
    expect(lite(7).drop_reasons).toEqual([{ reason: 'NOT_SPECIFIED', function: '__udp4_lib_rcv', count: 1 }]);
    expect(lite(100).drop_reasons).toEqual([
      { reason: 'PKT_TOO_SMALL', function: '__udp4_lib_rcv', count: 1 },
    ]);
    expect(lite(100).snmp_delta.UdpLite).toEqual({ InErrors: 1 });
    expect(lite(100, 'inet6').snmp_delta.UdpLite6).toEqual({ InErrors: 1 });
  });
  it('raw UDP past uh->len (28,784): the chained skbs cloned for the trim are freed with it', () => {
    // 30,000 bytes over MTU 1,500: skbs start every 1,480 bytes after the head's; those before
    // 28,784 are cloned for udp_rcv's copy and freed with it
    const r = send({ protocol: 17, sends: [30000] });
    expect(r.drop_reasons).toEqual([
      { reason: 'NOT_SPECIFIED', function: 'skb_release_data', count: 19 },
      { reason: 'UDP_CSUM', function: '__udp4_lib_rcv', count: 1 },
    ]);
    // IPv6 keeps NO_SOCKET as its reason (csum_error replaces only NOT_SPECIFIED)
    const v6 = send({ family: 'inet6', protocol: 17, sends: [30000] });
    expect(v6.drop_reasons.find((d) => d.function === '__udp6_lib_rcv')?.reason).toBe('NO_SOCKET');
    expect(v6.snmp_delta.Udp6).toEqual({ InCsumErrors: 1, InErrors: 1 });
  });
});

describe('raw IPv6 routing (43) and destination-options (60) payloads: an extension header made of the fill', () => {
  it('ip6_find_1stfragopt keeps the header in front of the fragment header, or runs past the linear bytes', () => {
    const p = (at: number) => (at < 0 ? 0 : 0x70);
    // 'p' fill: next header 112, length (112 + 1) × 8 = 904: 944 bytes stay unfragmented
    expect(ip6Find1stFragopt(43, 1280, p)).toBe(944);
    expect(ip6Find1stFragopt(60, 1280, p)).toBe(944);
    expect(ip6Find1stFragopt(17, 1280, p)).toBe(40);
    // the walk needs the whole header in the linear bytes: a paged head (IPv6 MTU ≥ 16,384) has 40
    expect(ip6Find1stFragopt(43, 943, p)).toBe(-1);
    expect(ip6Find1stFragopt(60, 40, p)).toBe(-1);
  });
  it('each fragment carries the 904 bytes, then the fragment header; on receive each draws a Parameter Problem', () => {
    const r = send({ family: 'inet6', protocol: 43, mtu: 1280, sends: [3000] });
    // (1,280 − 944 − 8) & ~7 = 328 bytes a fragment: 2,096 bytes in 7 packets
    expect(r.wire.map((w) => (w.family === 'inet6' ? [w.next_header, w.payload_length] : []))).toEqual([
      ...Array.from({ length: 6 }, () => [43, 1240]),
      [43, 1040],
    ]);
    expect(r.drop_reasons).toEqual([
      { reason: 'NOT_SPECIFIED', function: 'ipv6_rthdr_rcv', count: 7 },
      { reason: 'NOT_SPECIFIED', function: 'skb_release_data', count: 2 },
    ]);
    expect(r.snmp_delta.Icmp6).toMatchObject({ OutParmProblems: 7, InParmProblems: 7 });
    const dest = send({ family: 'inet6', protocol: 60, mtu: 1280, sends: [3000] });
    expect(dest.drop_reasons).toEqual([
      { reason: 'NOT_SPECIFIED', function: 'skb_release_data', count: 2 },
      { reason: 'UNHANDLED_PROTO', function: 'ip6_tlvopt_unknown', count: 7 },
    ]);
    expect(dest.snmp_delta.Ip6).toMatchObject({ InHdrErrors: 7 });
  });
  it('a header longer than the packet is freed at once; a paged head fails the send with EINVAL', () => {
    expect(send({ family: 'inet6', protocol: 60, sends: [100] }).drop_reasons).toEqual([
      { reason: 'NOT_SPECIFIED', function: 'ipv6_destopt_rcv', count: 1 },
    ]);
    const paged = send({ family: 'inet6', protocol: 43, mtu: 16384, sends: [48000] });
    expect(paged).toMatchObject({ ok: false, errno: 'EINVAL', fn: 'ip6_fragment' });
    expect(paged.snmp_delta.Ip6).toEqual({ OutRequests: 1, OutDiscards: 1, FragFails: 1 });
  });
});
