import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SEND_INPUT, ipSend, wireFacts, type SendInput } from './index.ts';
import { ipFastCsum } from '../pcap/checksum.ts';
import { exportSend, userHeaderBytes } from '../pcap/export.ts';
import { readPcap } from '../pcap/reader.ts';

/**
 * A raw socket of protocol 255 over IPv4 (IPPROTO_RAW: IP_HDRINCL): the payload's own first bytes
 * are the header (send-hdrincl.ts rawSendUserHeader). The recording tools' fills decide it:
 * 'p' (0x70, ihl 0) for one sendto, 'A' (0x41, ihl 1) for the first of a MSG_MORE list, 'i'
 * (0x69: version 6, ihl 9, a 36-byte header) for an iovec.
 */
const raw255 = (over: Partial<SendInput>) =>
  ipSend({ ...DEFAULT_SEND_INPUT, sock: 'raw', protocol: 255, ...over });
const ERROR_FREE = [{ reason: 'NOT_SPECIFIED', function: 'raw_sendmsg', count: 1 }];
const mtus = fc.constantFrom(68, 576, 1500, 9000, 65536);

describe('raw socket of protocol 255: the payload is the IPv4 header', () => {
  it('one sendto of p (ihl 0): EMSGSIZE past the MTU or 0xFFFF, EINVAL under 20 bytes with nothing built, else EINVAL with the skb freed', () => {
    fc.assert(
      fc.property(mtus, fc.integer({ min: 0, max: 70000 }), (mtu, len) => {
        const r = raw255({ mtu, sends: [len] });
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.wire).toEqual([]);
        if (len > 0xffff || len > mtu) {
          expect(r.errno).toBe('EMSGSIZE');
          expect(r.drop_reasons).toEqual([]);
          expect(r.snmp_delta).toEqual({});
        } else if (len < 20) {
          expect(r.errno).toBe('EINVAL');
          expect(r.drop_reasons).toEqual([]);
          expect(r.snmp_delta).toEqual({});
        } else {
          expect(r.errno).toBe('EINVAL');
          expect(r.fn).toBe('raw_send_hdrinc');
          expect(r.drop_reasons).toEqual(ERROR_FREE);
          expect(r.snmp_delta).toEqual({ Ip: { OutDiscards: 1 } });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a MSG_MORE list ends at its first sendto: A is ihl 1', () => {
    expect(raw255({ mtu: 1500, sends: [10, 20] })).toMatchObject({
      ok: false,
      errno: 'EINVAL',
      drop_reasons: [],
    });
    expect(raw255({ mtu: 1500, sends: [100, 200, 300] })).toMatchObject({
      ok: false,
      errno: 'EINVAL',
      drop_reasons: ERROR_FREE,
    });
    expect(raw255({ mtu: 576, sends: [3000, 10] })).toMatchObject({ ok: false, errno: 'EMSGSIZE' });
  });

  it('IP options with IP_HDRINCL: EINVAL before anything is built', () => {
    const r = raw255({ mtu: 1500, sends: [100], options: [0x94, 0x04, 0x00, 0x00] });
    expect(r).toMatchObject({ ok: false, errno: 'EINVAL', drop_reasons: [], snmp_delta: {} });
  });

  it('an iovec of i: a 36-byte header; shorter buffers are freed, longer ones leave as version 6 and ip_rcv_core drops them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 1500 }), fc.integer({ min: 0, max: 100 }), (total, cut) => {
        const a = Math.min(cut, total);
        const r = raw255({ mtu: 1500, iov: [a, total - a], sends: [total] });
        if (total < 36) {
          expect(r).toMatchObject({ ok: false, errno: 'EINVAL', drop_reasons: ERROR_FREE });
          return;
        }
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.sent).toBe(total);
        expect(r.wire).toHaveLength(1);
        const p = r.wire[0]!;
        // As a capture reads it: version 6, its payload length the id field (ii), next header 'i'.
        expect(wireFacts(p)).toEqual({
          v: 6,
          payload_length: 0x6969,
          total_length: 0x6969 + 40,
          next_header: 0x69,
        });
        if (p.family !== 'inet' || !p.userHeader) throw new Error('not a user header');
        const lead = userHeaderBytes(p.userHeader, total);
        // raw_send_hdrinc's fix-ups: tot_len, a valid checksum over the 36 bytes, the rest as written.
        expect((lead[2]! << 8) | lead[3]!).toBe(total);
        expect(p.userHeader.csum).toBe(36);
        expect(ipFastCsum(lead, 0, 36)).toBe(0);
        expect(lead[0]).toBe(0x69);
        expect(lead[9]).toBe(0x69);
        expect(r.drop_reasons).toEqual([{ reason: 'IP_INHDR', function: 'ip_rcv_core', count: 1 }]);
        // No OutRequests (raw_send_hdrinc goes straight to LOCAL_OUT), no InNoECTPkts (counted past the check).
        expect(r.snmp_delta).toEqual({
          Ip: { InReceives: 1, InHdrErrors: 1, OutTransmits: 1 },
          IpExt: { InOctets: total, OutOctets: total },
        });
        expect(r.trace.at(-1)?.fn).toBe('ip_rcv_core');
      }),
      { numRuns: 200 },
    );
  });

  it('a capture export writes the header as it left, then the fill', () => {
    const r = raw255({ mtu: 1500, iov: [30, 70], sends: [100] });
    const e = exportSend(r);
    if (!e.ok || !r.ok) throw new Error('no export');
    const frame = readPcap(e.bytes).packets[0]!.data;
    const ip = frame.subarray(14);
    expect(ip.length).toBe(100);
    const p = r.wire[0]!;
    if (p.family !== 'inet' || !p.userHeader) throw new Error('not a user header');
    expect([...ip.subarray(0, 60)]).toEqual([...userHeaderBytes(p.userHeader, 60)]);
    expect(ipFastCsum(ip, 0, 36)).toBe(0);
    expect(ip.subarray(60).every((b) => b === 0x69)).toBe(true);
  });

  it('IPv6: a capture export writes each packet as it left', () => {
    const r = raw255({ family: 'inet6', mtu: 1280, sends: [100, 200] });
    const e = exportSend(r);
    if (!e.ok) throw new Error('no export');
    const frames = readPcap(e.bytes).packets.map((p) => p.data.subarray(14));
    expect(frames.map((f) => f.length)).toEqual([100, 200]);
    expect(frames[0]!.every((b) => b === 0x41) && frames[1]!.every((b) => b === 0x42)).toBe(true);
  });

  it('IPv6: each sendto() is a packet as written; ip6_rcv_core reads each header', () => {
    // One sendto of p: version 7.
    const p = raw255({ family: 'inet6', mtu: 1500, sends: [100] });
    expect(p).toMatchObject({ ok: true, sent: 100 });
    expect(p.wire.map(wireFacts)).toEqual([{ v: 7, total_length: 100, payload_length: 100 }]);
    expect(p.drop_reasons).toEqual([{ reason: 'UNHANDLED_PROTO', function: 'ip6_rcv_core', count: 1 }]);
    expect(p.snmp_delta).toEqual({
      Ip6: { InReceives: 1, InHdrErrors: 1, OutRequests: 1, InOctets: 100, OutOctets: 100, OutTransmits: 1 },
    });
    // A, B, C: three packets that a capture reads as IPv4 (version 4, ihl 1).
    const abc = raw255({ family: 'inet6', mtu: 1280, sends: [100, 200, 300] });
    expect(abc).toMatchObject({ ok: true, sent: 600 });
    expect(abc.wire.map((w) => wireFacts(w).v)).toEqual([4, 4, 4]);
    expect(wireFacts(abc.wire[0]!)).toMatchObject({ ihl: 4, total_length: 0x4141, protocol: 0x41, df: true });
    expect(abc.drop_reasons).toEqual([{ reason: 'UNHANDLED_PROTO', function: 'ip6_rcv_core', count: 3 }]);
    // A later sendto over the MTU: the earlier packet left, the list ends in EMSGSIZE.
    const late = raw255({ family: 'inet6', mtu: 1280, sends: [50, 70000] });
    expect(late).toMatchObject({ ok: false, errno: 'EMSGSIZE' });
    expect(late.wire).toHaveLength(1);
    expect(raw255({ family: 'inet6', mtu: 1280, sends: [39] })).toMatchObject({
      ok: false,
      errno: 'EINVAL',
      wire: [],
    });
  });

  it('IPv6 iovec of i: version 6 with payload length 0x6969, truncated below 27,025 bytes, an unknown next header from there', () => {
    fc.assert(
      fc.property(fc.integer({ min: 40, max: 65536 }), (len) => {
        const r = raw255({ family: 'inet6', mtu: 65536, iov: [len], sends: [len] });
        expect(r).toMatchObject({ ok: true, sent: len });
        const ip6 = r.snmp_delta.Ip6 ?? {};
        // 'i' twice is traffic class 0x96: ECN bits 10, ECT(0).
        expect(ip6.InECT0Pkts).toBe(1);
        if (0x6969 + 40 > len) {
          expect(r.drop_reasons).toEqual([{ reason: 'PKT_TOO_SMALL', function: 'ip6_rcv_core', count: 1 }]);
          expect(ip6.InTruncatedPkts).toBe(1);
        } else {
          expect(r.drop_reasons).toEqual([{ reason: 'IP_NOPROTO', function: 'ip6_input_finish', count: 1 }]);
          expect(ip6).toMatchObject({ InUnknownProtos: 1, OutNoRoutes: 1 });
        }
      }),
      { numRuns: 100 },
    );
  });
});
