import { describe, expect, it } from 'vitest';
import { newTally, tallyResult } from '../drops/index.ts';
import { rcvQueueInit } from './rcvqueue.ts';
import { udpLibRcv, udpRecvmsgCounted, type UdpArrival } from './udp-rcv.ts';

const dgram = (over: Partial<UdpArrival> = {}): UdpArrival => ({
  family: 'inet',
  datagram: 0,
  ipLength: 4008,
  ulen: 4008,
  headerIntact: true,
  truesize: 6912,
  chained: 2,
  ...over,
});

describe('__udp4_lib_rcv / __udp6_lib_rcv: each way a datagram ends', () => {
  it('queued while it fits, then SOCKET_RCVBUFF with its frag_list freed at skb_release_data', () => {
    const t = newTally();
    let queue = rcvQueueInit(10_000);
    const a = udpLibRcv({ bound: true, queue }, dgram(), t);
    expect(a).toMatchObject({ fate: 'queued', len: 4000, drops: [] });
    queue = a.queue ?? queue;
    const b = udpLibRcv({ bound: true, queue }, dgram({ datagram: 1 }), t);
    expect(b.fate).toBe('rcvbuf');
    expect(b.fn).toBe('udp_queue_rcv_one_skb');
    expect(b.drops).toEqual([
      { reason: 'NOT_SPECIFIED', function: 'skb_release_data', count: 2 },
      { reason: 'SOCKET_RCVBUFF', function: 'udp_queue_rcv_one_skb', count: 1 },
    ]);
    expect(udpRecvmsgCounted(b.queue ?? queue, 100, 'inet', t).result).toMatchObject({
      copied: 100,
      truncated: true,
    });
    expect(tallyResult(t).snmp_delta).toEqual({ Udp: { InDatagrams: 1, InErrors: 1, RcvbufErrors: 1 } });
  });
  it('IPv6 drops at udpv6_queue_rcv_one_skb and counts in Udp6', () => {
    const t = newTally();
    const full = { ...rcvQueueInit(2304), rmem: 1 };
    expect(udpLibRcv({ bound: true, queue: full }, dgram({ family: 'inet6', chained: 0 }), t).drops).toEqual([
      { reason: 'SOCKET_RCVBUFF', function: 'udpv6_queue_rcv_one_skb', count: 1 },
    ]);
    expect(tallyResult(t).snmp_delta).toEqual({ Udp6: { InErrors: 1, RcvbufErrors: 1 } });
  });
  it('no socket: NO_SOCKET, NoPorts, and the caller is asked for ICMP port unreachable', () => {
    const t = newTally();
    const r = udpLibRcv({ bound: false }, dgram({ chained: 0 }), t);
    expect(r).toMatchObject({ fate: 'no-socket', icmpPortUnreachable: true, fn: '__udp4_lib_rcv' });
    expect(tallyResult(t).snmp_delta).toEqual({ Udp: { NoPorts: 1 } });
  });
  it('too short for a header (NOT_SPECIFIED), shorter than uh->len (PKT_TOO_SMALL), other bytes with a long uh->len (UDP_CSUM)', () => {
    const t = newTally();
    expect(udpLibRcv({ bound: false }, dgram({ ipLength: 4, chained: 0 }), t).drops).toEqual([
      { reason: 'NOT_SPECIFIED', function: '__udp4_lib_rcv', count: 1 },
    ]);
    expect(udpLibRcv({ bound: false }, dgram({ ipLength: 1000, chained: 0 }), t).fate).toBe('short');
    const other = udpLibRcv(
      { bound: false },
      dgram({ ipLength: 62_000, ulen: 0xeeee, headerIntact: false, chained: 0 }),
      t,
    );
    expect(other.fate).toBe('csum');
    expect(tallyResult(t).snmp_delta).toEqual({ Udp: { InErrors: 3, InCsumErrors: 1 } });
  });
  it('IPv6 uh->len 0 is the jumbogram convention: the whole packet', () => {
    const r = udpLibRcv(
      { bound: true, queue: rcvQueueInit() },
      dgram({ family: 'inet6', ulen: 0 }),
      newTally(),
    );
    expect(r).toMatchObject({ fate: 'queued', len: 4000 });
  });
});

describe('pskb_trim_rcsum to uh->len: ___pskb_trim frees the chained skbs past the cut', () => {
  // a reassembled 600-byte datagram: 64 bytes in the head, then skbs starting at 64, 200 and 400
  const chainedDgram = (ulen: number) =>
    dgram({ ipLength: 600, ulen, chained: 3, chainStarts: [64, 200, 400] });
  it.each([
    [108, 2, 1],
    [200, 2, 1],
    [201, 1, 2],
    [64, 3, 0],
    [8, 3, 0],
    [600, 0, 3],
  ])('uh->len %i: %i freed at ___pskb_trim, %i left to free with the datagram', (ulen, cut, left) => {
    const t = newTally();
    const r = udpLibRcv({ bound: false }, chainedDgram(ulen), t);
    expect(r.fate).toBe('no-socket');
    const expected = [
      ...(cut ? [{ reason: 'NOT_SPECIFIED', function: '___pskb_trim', count: cut }] : []),
      { reason: 'NO_SOCKET', function: '__udp4_lib_rcv', count: 1 },
      ...(left ? [{ reason: 'NOT_SPECIFIED', function: 'skb_release_data', count: left }] : []),
    ];
    expect(r.drops).toEqual(expect.arrayContaining(expected));
    expect(r.drops).toHaveLength(expected.length);
    expect(tallyResult(t).drop_reasons).toEqual(expect.arrayContaining(expected));
  });
  it('a queued datagram keeps what is left; one that is not trimmed loses nothing', () => {
    const t = newTally();
    const q = udpLibRcv({ bound: true, queue: rcvQueueInit() }, chainedDgram(108), t);
    expect(q).toMatchObject({ fate: 'queued', len: 100 });
    expect(q.drops).toEqual([{ reason: 'NOT_SPECIFIED', function: '___pskb_trim', count: 2 }]);
    const whole = udpLibRcv({ bound: true, queue: rcvQueueInit() }, chainedDgram(600), newTally());
    expect(whole.drops).toEqual([]);
  });
});

describe('skb_condense after the trim: the socket is charged only the head', () => {
  // 3,000 bytes reassembled: 216 bytes in the head (tailroom 40), the rest chained
  const big = (ulen: number) =>
    dgram({
      ipLength: 3000,
      ulen,
      truesize: 60_000,
      chained: 2,
      chainStarts: [216, 1608],
      condense: { headlen: 216, tailroom: 40, truesize: 1280 },
    });
  it.each([
    [9, 'queued'],
    [216, 'queued'],
    [256, 'queued'],
    [257, 'rcvbuf'],
    [3000, 'rcvbuf'],
  ])('uh->len %i → %s against a 4,608-byte sk_rcvbuf that already holds a datagram', (ulen, fate) => {
    const full = { ...rcvQueueInit(4608), rmem: 1280 };
    expect(udpLibRcv({ bound: true, queue: full }, big(ulen), newTally()).fate).toBe(fate);
  });
});
