/**
 * The receiver's side around the queues: the skb loopback hands over for each fragment (the
 * raw sender's buffer), packets that are not fragments at all, and __udp4_lib_rcv /
 * __udp6_lib_rcv on what comes out of reassembly.
 */
import { allocSkb, skbPull, skbPut, skbReserve, skbSnapshot, type SkBuff } from '../skb/index.ts';
import type { Family } from './types.ts';
import {
  SENDER_SLACK,
  UDP6_C,
  UDP_C,
  UDP_HLEN,
  type DefragArrival,
  type DefragDatagram,
  type DefragNet,
  type FragIn,
  type FragPiece,
  type InetFragQueue,
} from './defrag-types.ts';
import { step } from './frag-net.ts';

/** The received fragment's skb as loopback hands it over: the sender's raw buffer, MAC header pulled. */
export function fragmentSkb(family: Family, f: FragIn, index: number): SkBuff {
  const hl = family === 'inet' ? 20 : 48;
  const skb = allocSkb(hl + f.length + SENDER_SLACK, `rx frag ${index + 1}`);
  skbReserve(skb, 16);
  if (family === 'inet') skbPut(skb, 20, 'ip');
  else {
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
 * __udp4_lib_rcv / __udp6_lib_rcv on the reassembled (or unfragmented) datagram: the UDP
 * length must fit (else "short packet"), longer packets are trimmed to it; a header that is
 * not the sender's fails its length, port or checksum and is dropped.
 */
export function udpRcv(
  net: DefragNet,
  ipLength: number,
  pieces: readonly FragPiece[],
): {
  delivered: boolean;
  length: number | null;
  equal: boolean | null;
  fn: string;
  file: string;
  why: string;
} {
  const v6 = net.family === 'inet6';
  const fn = v6 ? '__udp6_lib_rcv' : '__udp4_lib_rcv';
  const file = v6 ? UDP6_C : UDP_C;
  if (ipLength < UDP_HLEN || !piecesEqual(pieces, 0, UDP_HLEN))
    return {
      delivered: false,
      length: null,
      equal: null,
      fn,
      file,
      why:
        ipLength < UDP_HLEN
          ? `only ${ipLength} bytes: no room for the 8-byte UDP header (short packet)`
          : "the UDP header bytes are not the sender's: the length, port and checksum no longer fit — dropped",
    };
  let ulen = net.udpLength;
  if (v6 && ulen === 0) ulen = ipLength; // jumbogram convention of __udp6_lib_rcv
  if (ulen > ipLength || ulen < UDP_HLEN)
    return {
      delivered: false,
      length: null,
      equal: null,
      fn,
      file,
      why: `the UDP header says ${ulen} bytes but only ${ipLength} arrived: short packet, dropped`,
    };
  const equal = piecesEqual(pieces, UDP_HLEN, ulen);
  return {
    delivered: true,
    length: ulen - UDP_HLEN,
    equal,
    fn: v6 ? 'udpv6_recvmsg' : 'udp_recvmsg',
    file,
    why: `${ulen < ipLength ? `trimmed to the UDP length ${ulen} (pskb_trim_rcsum); ` : ''}the bound socket receives ${ulen - UDP_HLEN} bytes${equal ? '' : " — not all of them the sender's"}`,
  };
}

export function deliver(
  net: DefragNet,
  a: DefragArrival,
  q: InetFragQueue | null,
  ipLength: number,
  pieces: FragPiece[],
  skb: SkBuff,
): DefragDatagram {
  const u = udpRcv(net, ipLength, pieces);
  const d: DefragDatagram = {
    index: net.datagrams.length,
    arrival: a.index,
    queue: q?.serial ?? null,
    ipLength,
    pieces,
    delivered: u.delivered,
    length: u.length,
    equal: u.equal,
    fn: u.fn,
    file: u.file,
    why: u.why,
    skb: skbSnapshot(skb),
  };
  net.datagrams.push(d);
  if (d.delivered) net.deliveredCount++;
  a.datagram = d.index;
  step(net, u.fn, u.file, u.why, a.index, [d.skb]);
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
    why: '',
  };
  net.arrivals.push(a);
  return a;
}

export function straightUp(
  net: DefragNet,
  a: DefragArrival,
  skb: SkBuff,
  fn: string,
  file: string,
  why: string,
): void {
  a.verdict = 'unfragmented';
  a.errno = null;
  a.fn = fn;
  a.file = file;
  a.why = why;
  step(net, fn, file, why, a.index, [skbSnapshot(skb)]);
  skbPull(skb, net.family === 'inet' ? 20 : 48);
  deliver(net, a, null, a.length, [{ offset: 0, end: a.length, fill: a.fill, arrival: a.index }], skb);
}
