/**
 * The receiver's side around the queues: each packet's arrival (what the raw sender and the
 * receiver count for it), the skb loopback hands over for each fragment (the raw sender's
 * buffer), packets that are not fragments at all, and what __udp4_lib_rcv / __udp6_lib_rcv and
 * the socket (core/udp: the one receive-side model) do with what comes out of reassembly.
 */
import { countMib, countMibId, counterId } from '../drops/tally.ts';
import {
  allocSkb,
  headlen,
  skbFragListStarts,
  skbPull,
  skbPut,
  skbReserve,
  skbSnapshot,
  type SkBuff,
} from '../skb/skb.ts';
import { udpLibRcv, type UdpArrival } from '../udp/udp-rcv.ts';
import { skbTruesize } from '../skb/coalesce.ts';
import { icmpError } from './icmp.ts';
import type { Family } from './types.ts';
import {
  SENDER_SLACK,
  UDP_HLEN,
  type DefragArrival,
  type DefragDatagram,
  type DefragNet,
  type FragIn,
  type FragPiece,
  type InetFragQueue,
} from './defrag-types.ts';
import { step } from './frag-net.ts';
import { msg, type Msg } from '../i18n/index.ts';
import { DM } from './defrag-messages.ts';

/** The fixtures' fill for "other" bytes (0xEE): a UDP header of them says uh->len 0xEEEE. */
const OTHER_WORD = 0xeeee;

export const ipSection = (net: DefragNet) => (net.family === 'inet6' ? 'Ip6' : 'Ip');

/** The whole packet carrying this fragment: IP header (+ IPv6 fragment header) and its bytes. */
export function packetLength(net: DefragNet, length: number): number {
  return (net.family === 'inet' ? net.ihl : 48) + length;
}

/** The received fragment's skb as loopback hands it over: the sender's raw buffer, MAC header pulled. */
export function fragmentSkb(net: DefragNet, f: FragIn, index: number): SkBuff {
  const family: Family = net.family;
  const hl = family === 'inet' ? net.ihl : 48;
  const skb = allocSkb(hl + f.length + SENDER_SLACK, `rx frag ${index + 1}`);
  skbReserve(skb, 16);
  if (family === 'inet') {
    skbPut(skb, 20, 'ip');
    if (hl > 20) skbPut(skb, hl - 20, 'ipopt');
  } else {
    skbPut(skb, 40, 'ip6');
    skbPut(skb, 8, 'frag6');
  }
  const end = f.offset + f.length;
  const h = Math.min(end, UDP_HLEN);
  if (f.offset < h) skbPut(skb, h - f.offset, 'udp', { from: f.offset, to: h });
  const from = Math.max(f.offset, UDP_HLEN);
  if (end > from) skbPut(skb, end - from, 'payload', { from: from - UDP_HLEN, to: end - UDP_HLEN });
  skb.network_header = 16;
  return skb;
}

export function piecesEqual(pieces: readonly FragPiece[], from: number, to: number): boolean {
  return pieces.every((p) => p.end <= from || p.offset >= to || p.fill === 'same');
}

/**
 * One packet arrives: the raw sender on this host transmitted it (raw_send_hdrinc counts no
 * OutRequests on IPv4, rawv6_send_hdrinc does), and ip_rcv / ipv6_rcv count it in.
 */
/** The counters every packet moves, by family (ids looked up once: countPacket runs per fragment). */
const PACKET_COUNTERS = {
  inet: {
    outRequests: -1,
    outTransmits: counterId('Ip', 'OutTransmits'),
    outOctets: counterId('IpExt', 'OutOctets'),
    inReceives: counterId('Ip', 'InReceives'),
    inOctets: counterId('IpExt', 'InOctets'),
    inNoECT: counterId('IpExt', 'InNoECTPkts'),
  },
  inet6: {
    outRequests: counterId('Ip6', 'OutRequests'),
    outTransmits: counterId('Ip6', 'OutTransmits'),
    outOctets: counterId('Ip6', 'OutOctets'),
    inReceives: counterId('Ip6', 'InReceives'),
    inOctets: counterId('Ip6', 'InOctets'),
    inNoECT: counterId('Ip6', 'InNoECTPkts'),
  },
} as const;

function countPacket(net: DefragNet, length: number): void {
  const t = net.mib;
  const v6 = net.family === 'inet6';
  const c = v6 ? PACKET_COUNTERS.inet6 : PACKET_COUNTERS.inet;
  const len = packetLength(net, length);
  if (net.source === 'self' && net.sender === 'raw') {
    if (v6) countMibId(t, c.outRequests);
    countMibId(t, c.outTransmits);
    countMibId(t, c.outOctets, len);
  }
  countMibId(t, c.inReceives);
  countMibId(t, c.inOctets, len);
  countMibId(t, c.inNoECT);
}

/**
 * ip_local_deliver_finish / ip6_input_finish hand the datagram to udp_rcv (InDelivers), and
 * __udp4_lib_rcv / __udp6_lib_rcv do the rest with the one receive-side model of core/udp: the
 * header checks, the socket lookup, sk_rcvbuf admission. What is queued is read when the clock
 * stops (reassemble), as the fixtures' receiver reads only after the last fragment.
 */
export function deliver(
  net: DefragNet,
  a: DefragArrival,
  q: InetFragQueue | null,
  ipLength: number,
  pieces: FragPiece[],
  skb: SkBuff,
  chained: number,
): DefragDatagram {
  const v6 = net.family === 'inet6';
  countMib(net.mib, ipSection(net), 'InDelivers');
  const headerIntact = piecesEqual(pieces, 0, UDP_HLEN);
  const base = {
    index: net.datagrams.length,
    arrival: a.index,
    queue: q?.serial ?? null,
    ipLength,
    pieces,
    truesize: skb.truesize,
    chained,
    skb: skbSnapshot(skb),
  };
  let d: DefragDatagram;
  if (net.socket === 'external') {
    d = {
      index: base.index,
      arrival: base.arrival,
      queue: base.queue,
      ipLength,
      pieces,
      truesize: base.truesize,
      chained,
      skb: base.skb,
      delivered: true,
      fate: 'external',
      length: null,
      equal: null,
      fn: v6 ? 'udpv6_rcv' : 'udp_rcv',
      file: v6 ? 'net/ipv6/udp.c' : 'net/ipv4/udp.c',
      why: msg(DM.external, { len: ipLength, truesize: skb.truesize }),
    };
  } else {
    const arrival: UdpArrival = {
      family: net.family,
      datagram: base.index,
      ipLength,
      ulen: headerIntact ? net.udpLength : OTHER_WORD,
      headerIntact,
      truesize: skb.truesize,
      chained,
      chainStarts: skbFragListStarts(skb),
      // skb_condense compares with end − tail itself (skb_tailroom is 0 while the skb is paged)
      condense: { headlen: headlen(skb), tailroom: skb.end - skb.tail, truesize: skbTruesize(skb.end) },
    };
    const ep =
      net.socket === 'none' ? { bound: false as const } : { bound: true as const, queue: net.socket.queue };
    const u = udpLibRcv(ep, arrival, net.mib);
    if (u.queue && typeof net.socket === 'object') net.socket.queue = u.queue;
    const queued = u.fate === 'queued' && u.len !== null;
    const equal = queued ? piecesEqual(pieces, UDP_HLEN, (u.len ?? 0) + UDP_HLEN) : null;
    // The base's keys written out, not spread: V8 kept a spread copy and everything it reached
    // alive past the next scavenge (issue 17: a third of a small reassembly's time was GC).
    d = {
      index: base.index,
      arrival: base.arrival,
      queue: base.queue,
      ipLength,
      pieces,
      truesize: base.truesize,
      chained,
      skb: base.skb,
      delivered: queued,
      fate: u.fate,
      length: queued ? u.len : null,
      equal,
      fn: queued ? (v6 ? 'udpv6_recvmsg' : 'udp_recvmsg') : u.fn,
      file: u.file,
      why: queued ? msg(DM.readOnce, { why: u.why, len: u.len ?? 0, equal: equal ? 'yes' : 'no' }) : u.why,
    };
    if (u.icmpPortUnreachable) {
      const type = v6 ? 1 : 3;
      const code = v6 ? 4 : 3;
      icmpError(net.mib, {
        family: net.family,
        type,
        code,
        quoted: ipLength + (v6 ? 40 : net.ihl),
        received: net.source === 'self',
        inner: net.sender === 'raw' ? 'udp-no-socket' : 'udp-socket',
      });
      net.icmp.push({
        type,
        code,
        name: v6
          ? 'ICMPv6 Destination Unreachable (port unreachable)'
          : 'ICMP Destination Unreachable (port unreachable)',
        at: net.now,
        why: msg(DM.icmpNoSocket),
      });
    }
    step(net, u.fn, u.file, u.why, a.index, [base.skb], u.drops);
  }
  net.datagrams.push(d);
  if (d.delivered) net.deliveredCount++;
  a.datagram = d.index;
  if (net.socket === 'external') step(net, d.fn, d.file, d.why, a.index, [d.skb]);
  return d;
}

export function newArrival(net: DefragNet, f: FragIn): DefragArrival {
  const a: DefragArrival = {
    index: net.arrivals.length,
    at: net.now,
    offset: f.offset,
    length: f.length,
    mf: f.mf,
    id: f.id,
    fill: f.fill,
    queue: null,
    created: false,
    verdict: 'queued',
    errno: null,
    ret: 0,
    fn: '',
    file: '',
    why: { id: '' },
  };
  net.arrivals.push(a);
  countPacket(net, f.length);
  return a;
}

/** A packet that is not (IPv4) or no longer (an IPv6 atomic fragment) a fragment goes straight up. */
export function straightUp(
  net: DefragNet,
  a: DefragArrival,
  skb: SkBuff,
  fn: string,
  file: string,
  why: Msg,
): void {
  a.verdict = 'unfragmented';
  a.errno = null;
  a.fn = fn;
  a.file = file;
  a.why = why;
  step(net, fn, file, why, a.index, [skbSnapshot(skb)]);
  skbPull(skb, net.family === 'inet' ? net.ihl : 48);
  deliver(net, a, null, a.length, [{ offset: 0, end: a.length, fill: a.fill, arrival: a.index }], skb, 0);
}
