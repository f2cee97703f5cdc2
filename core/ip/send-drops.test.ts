import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SEND_INPUT, fragmentsFromWire, ipSend, reassemble, type SendInput } from './index.ts';
import { journey, DEFAULT_JOURNEY_INPUT } from '../journey/index.ts';

const send = (over: Partial<SendInput>, socket?: 'fresh' | 'none' | 'external') =>
  ipSend({ ...DEFAULT_SEND_INPUT, ...over }, socket);
const stepDrops = (r: ReturnType<typeof send>) => r.trace.flatMap((s) => s.drops ?? []);

describe('ipSend: what a failed send frees and counts', () => {
  it('ENOBUFS at MTU 68: the 512 skbs already built are freed in __ip_flush_pending_frames; OutDiscards, SndbufErrors', () => {
    const r = send({ sends: [65507], mtu: 68 });
    expect(r).toMatchObject({ ok: false, errno: 'ENOBUFS' });
    expect(r.drop_reasons).toEqual([
      { reason: 'NOT_SPECIFIED', function: '__ip_flush_pending_frames', count: 512 },
    ]);
    expect(r.snmp_delta).toEqual({ Ip: { OutDiscards: 1 }, Udp: { SndbufErrors: 1 } });
    // the drop is on the step that frees them
    expect(stepDrops(r)).toEqual(r.drop_reasons);
    expect(r.trace.find((s) => s.drops)?.fn).toBe('__ip_flush_pending_frames');
  });
  it('a raw socket counts OutDiscards only', () => {
    const r = send({ sock: 'raw', sends: [30000], mtu: 68 });
    expect(r.snmp_delta).toEqual({ Ip: { OutDiscards: 1 } });
  });
  it('MSG_MORE then EMSGSIZE: the earlier sends’ skbs are freed (40,008 bytes: 28 skbs), no counter moves', () => {
    const r = send({ sends: [40000, 30000], mtu: 1500 });
    expect(r.drop_reasons).toEqual([
      { reason: 'NOT_SPECIFIED', function: '__ip_flush_pending_frames', count: 28 },
    ]);
    expect(r.snmp_delta).toEqual({});
    const v6 = send({ family: 'inet6', sends: [40000, 30000], mtu: 1280 });
    // 40,008 / 1,232 bytes a fragment: 33 skbs, freed by the IPv6 flush
    expect(v6.drop_reasons).toEqual([
      { reason: 'NOT_SPECIFIED', function: '__ip6_flush_pending_frames', count: 33 },
    ]);
  });
  it('a single send refused by a size check frees nothing and counts nothing', () => {
    for (const r of [
      send({ sends: [65508] }),
      send({ sends: [4000], pmtu: 'do' }),
      send({ sock: 'raw-hdrincl', sends: [1481] }),
    ]) {
      expect(r.ok).toBe(false);
      expect([r.drop_reasons, r.snmp_delta]).toEqual([[], {}]);
    }
  });
  it('a raw IPv6 send of 65,536 bytes is EMSGSIZE from the append check, not an input error', () => {
    expect(send({ family: 'inet6', sock: 'raw', sends: [65536] })).toMatchObject({
      ok: false,
      errno: 'EMSGSIZE',
      fn: '__ip6_append_data',
    });
  });
  it('PROBE at MTU 65,536 with 65,508 bytes: ip_fragment refuses DF — FragFails, ICMP to ourselves, OutDiscards', () => {
    const r = send({ sends: [65508], mtu: 65536, pmtu: 'probe' });
    expect(r).toMatchObject({ ok: false, errno: 'EMSGSIZE', fn: 'ip_fragment' });
    expect(r.drop_reasons).toEqual([{ reason: 'NOT_SPECIFIED', function: 'ip_fragment', count: 1 }]);
    expect(r.snmp_delta.Ip).toMatchObject({ FragFails: 1, OutDiscards: 1, OutRequests: 2, OutTransmits: 1 });
    expect(r.snmp_delta.IcmpMsg).toEqual({ InType3: 1, OutType3: 1 });
  });
});

describe('ipSend: what the receiver drops', () => {
  it('IP_HDRINCL protocol 253: IP_NOPROTO in ip_local_deliver_finish, ICMP protocol unreachable (20 + 8 + 120 bytes)', () => {
    const r = send({ sock: 'raw-hdrincl', sends: [100], mtu: 576 });
    expect(r.drop_reasons).toEqual([{ reason: 'IP_NOPROTO', function: 'ip_local_deliver_finish', count: 1 }]);
    expect(r.snmp_delta.Ip).toEqual({
      InReceives: 2,
      InUnknownProtos: 1,
      InDelivers: 1,
      OutRequests: 1,
      OutTransmits: 2,
    });
    expect(r.snmp_delta.IpExt).toMatchObject({ InOctets: 120 + 148, OutOctets: 120 + 148 });
  });
  it('a source route: each fragment refused in ip_rcv_finish_core before reassembly', () => {
    const r = send({ sends: [1000], mtu: 576, options: [0x83, 0x07, 0x04, 127, 0, 0, 1] });
    expect(r.drop_reasons).toEqual([{ reason: 'NOT_SPECIFIED', function: 'ip_rcv_finish_core', count: 2 }]);
    expect(r.received_length).toBeNull();
  });
  it('a port without a socket: NO_SOCKET, the chained fragments freed at skb_release_data, ICMP port unreachable', () => {
    const r = send({ sends: [4000], mtu: 1500 }, 'none');
    expect(r.drop_reasons).toEqual([
      { reason: 'NOT_SPECIFIED', function: 'skb_release_data', count: 2 },
      { reason: 'NO_SOCKET', function: '__udp4_lib_rcv', count: 1 },
    ]);
    expect(r.snmp_delta.Udp).toEqual({ NoPorts: 1, OutDatagrams: 1 });
    expect(r.icmp.map((m) => [m.type, m.code])).toEqual([[3, 3]]);
  });
  it('a raw socket of protocol 17: udp_rcv reads the payload as a header and drops its copy (PKT_TOO_SMALL)', () => {
    const r = send({ sock: 'raw', protocol: 17, sends: [3000] });
    expect(r.drop_reasons).toEqual([{ reason: 'PKT_TOO_SMALL', function: '__udp4_lib_rcv', count: 1 }]);
    expect(r.snmp_delta.Udp).toEqual({ InErrors: 1 });
  });
});

describe('one truesize model', () => {
  it('4,000 bytes over MTU 1,500: 6,912 (3 × 2,304) in the Fragmentation receive steps, the Journey and the reassembly core', () => {
    const r = send({ sends: [4000], mtu: 1500 });
    const reasm = r.trace.find((s) => s.fn === 'ip_frag_reasm');
    expect(reasm?.snapshot.vars.truesize).toBe(6912);
    expect(r.ok && r.arrival?.truesize).toBe(6912);
    expect(journey(DEFAULT_JOURNEY_INPUT).outcomes[0]?.truesize).toBe(6912);
    const d = reassemble({ family: 'inet', len: 4000, fragments: fragmentsFromWire(r.wire) });
    expect(d.ok && d.datagrams[0]?.truesize).toBe(6912);
  });
  it('a second fragment that fits the first skb’s tailroom is copied in: 1,473 bytes over MTU 1,500 cost one skb', () => {
    // the head skb: 1,531 bytes asked, kmalloc-2048, end 1,728, tail 16 + 1,500: 212 bytes of tailroom
    expect(send({ sends: [1473] }, 'external')).toMatchObject({ arrival: { truesize: 2304, chained: 0 } });
    expect(send({ sends: [1700] }, 'external')).toMatchObject({
      arrival: { truesize: 2304 + 1280, chained: 1 },
    });
  });
  it('property (IPv4, no options, MTU ≤ 9,000): the send’s receiver and the reassembly core charge the same truesize', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 65507 }), fc.integer({ min: 68, max: 9000 }), (len, mtu) => {
        const r = send({ sends: [len], mtu, sndbufCheck: false }, 'external');
        if (!r.ok || !r.arrival) return true;
        const d = reassemble({
          family: 'inet',
          len,
          fragments: fragmentsFromWire(r.wire),
          socket: 'external',
        });
        return (
          d.ok &&
          d.datagrams[0]?.truesize === r.arrival.truesize &&
          d.datagrams[0]?.chained === r.arrival.chained
        );
      }),
      { numRuns: 150 },
    );
  });
});

describe('the ICMP error a raw send draws back (icmp_send, icmp_unreach, icmp_socket_deliver)', () => {
  const hdrincl = (mtu: number, size: number) =>
    send({ sock: 'raw-hdrincl', protocol: 253, mtu, sends: [size] });
  it('quotes at most min(576, MTU) − 28 bytes: over MTU 69 the error is 69 bytes, not 97', () => {
    const r = hdrincl(69, 49);
    // 69 bytes out and in, then the 69-byte Protocol Unreachable out and in
    expect(r.snmp_delta.IpExt).toMatchObject({ OutOctets: 138, InOctets: 138 });
    expect(hdrincl(1500, 49).snmp_delta.IpExt).toMatchObject({ OutOctets: 69 + 97 });
    // a 290-byte packet over MTU 300: 272 bytes of it quoted, a 300-byte error
    expect(hdrincl(300, 270).snmp_delta.IpExt?.OutOctets).toBe(290 + 300);
  });
  it('a quote shorter than the IP header and 8 bytes counts Icmp InErrors once', () => {
    for (const size of [0, 1, 7]) expect(hdrincl(1500, size).snmp_delta.Icmp?.InErrors).toBe(1);
    for (const size of [8, 9, 100]) expect(hdrincl(1500, size).snmp_delta.Icmp?.InErrors).toBeUndefined();
    // the MTU's cap counts: 28 bytes quoted (MTU 56 is under IPv4's minimum, so 68 → 40) is enough
    expect(hdrincl(68, 60).snmp_delta.Icmp?.InErrors).toBeUndefined();
  });
});
