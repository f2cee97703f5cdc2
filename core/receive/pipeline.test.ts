import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { udpReceive, type UdpReceiveOk } from './pipeline.ts';

const ok = (r: ReturnType<typeof udpReceive>): UdpReceiveOk => {
  if (!r.ok) throw new Error(r.why);
  return r;
};

describe('udpReceive (the receive queue of udp-receive.json)', () => {
  it('400 × 1,000 bytes into the default buffer: 92 fit (92 × 2,304 ≤ 212,992), 308 are SOCKET_RCVBUFF', () => {
    const r = ok(
      udpReceive({ family: 'inet', rcvbuf: null, datagrams: Array(400).fill(1000), read_buffer: 65536 }),
    );
    expect(r.received).toHaveLength(92);
    expect(r.drop_reasons).toEqual([
      { reason: 'SOCKET_RCVBUFF', function: 'udp_queue_rcv_one_skb', count: 308 },
    ]);
    expect(r.snmp_delta.Udp).toEqual({
      InDatagrams: 92,
      InErrors: 308,
      OutDatagrams: 400,
      RcvbufErrors: 308,
    });
  });
  it('SO_RCVBUF is doubled; an empty queue takes one datagram larger than the buffer', () => {
    const r = ok(
      udpReceive({ family: 'inet', rcvbuf: 2304, datagrams: [65507, 1, 1, 1], read_buffer: 65536 }),
    );
    expect(r.sk_rcvbuf).toBe(4608);
    expect(r.received.map((x) => x.index)).toEqual([0]);
  });
  it('short reads truncate (MSG_TRUNC) and hide the index under 4 bytes', () => {
    const r = ok(udpReceive({ family: 'inet6', rcvbuf: null, datagrams: [1000, 3], read_buffer: 100 }));
    expect(r.received).toEqual([
      { index: 0, length: 100, truncated: true },
      { index: null, length: 3, truncated: false },
    ]);
  });
  it('sizes past the limit fail the send; a closed port answers with ICMP port unreachable', () => {
    const r = ok(
      udpReceive({
        family: 'inet',
        rcvbuf: null,
        datagrams: [65508, 100],
        read_buffer: 65536,
        receiver: 'none',
      }),
    );
    expect(r.sent).toEqual(['EMSGSIZE', 100]);
    expect(r.icmp).toEqual([[3, 3]]);
    expect(r.drop_reasons).toEqual([{ reason: 'NO_SOCKET', function: '__udp4_lib_rcv', count: 1 }]);
  });
  it('refuses bad inputs with a message, never throws', () => {
    for (const bad of [
      null,
      {},
      { family: 'inet', rcvbuf: -1, datagrams: [1], read_buffer: 1 },
      { family: 'inet', rcvbuf: null, datagrams: [], read_buffer: 1 },
    ])
      expect(udpReceive(bad as never).ok).toBe(false);
  });
  it('property: every datagram is read, dropped with a reason, or failed to send — nothing vanishes; the counters agree', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('inet' as const, 'inet6' as const),
        fc.array(
          fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.constantFrom(30_000, 65_507, 65_527, 65_600)),
          {
            minLength: 1,
            maxLength: 25,
          },
        ),
        fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 100_000 })),
        fc.constantFrom(1280, 1500, 9000, 65536),
        fc.constantFrom(0, 100, 65536),
        fc.boolean(),
        (family, datagrams, rcvbuf, mtu, read_buffer, closed) => {
          const r = ok(
            udpReceive({
              family,
              rcvbuf,
              datagrams,
              read_buffer,
              mtu,
              ...(closed ? { receiver: 'none' as const } : {}),
            }),
          );
          const sec = family === 'inet' ? 'Udp' : 'Udp6';
          const udp = r.snmp_delta[sec] ?? {};
          const drops = (reason: string) =>
            r.drop_reasons.filter((d) => d.reason === reason).reduce((s, d) => s + d.count, 0);
          const sentOk = r.datagrams.filter((d) => typeof d.sent === 'number');
          const queued = r.datagrams.filter((d) => d.fate === 'queued');
          // each datagram that left ends in exactly one place
          if (sentOk.some((d) => d.fate === null)) return false;
          if (queued.some((d) => d.read === null)) return false;
          if (r.received.length !== queued.length) return false;
          // the counters agree with the outcomes
          if ((udp.OutDatagrams ?? 0) !== sentOk.length) return false;
          if ((udp.InDatagrams ?? 0) !== queued.length) return false;
          if ((udp.RcvbufErrors ?? 0) !== drops('SOCKET_RCVBUFF')) return false;
          if ((udp.NoPorts ?? 0) !== drops('NO_SOCKET') || drops('NO_SOCKET') !== r.icmp.length) return false;
          if ((udp.InErrors ?? 0) !== (udp.RcvbufErrors ?? 0)) return false;
          const dropped = r.datagrams.filter((d) => d.fate !== null && d.fate !== 'queued');
          if (drops('NOT_SPECIFIED') !== dropped.reduce((s, d) => s + (d.chained ?? 0), 0)) return false;
          const ip = (family === 'inet' ? r.snmp_delta.Ip : r.snmp_delta.Ip6) ?? {};
          const packets = sentOk.reduce((s, d) => s + d.packets, 0);
          return (
            (ip.InReceives ?? 0) === packets + r.icmp.length &&
            (ip.OutTransmits ?? 0) === packets + r.icmp.length
          );
        },
      ),
      { numRuns: 120 },
    );
  });
});
