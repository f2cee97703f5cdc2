/**
 * An ICMP / ICMPv6 error this host sends (icmp_send, icmp6_send) and, on loopback, receives
 * again (icmp_rcv, icmpv6_rcv), with every counter both ends move. The error quotes as much of
 * the offending packet as fits: 576 bytes in all for ICMP, the IPv6 minimum MTU (1,280) for
 * ICMPv6. On the way back icmpv6_notify hands the quoted packet to its transport's error
 * handler: a first fragment (or a whole datagram) whose UDP source port has no socket makes
 * __udp6_lib_err count Icmp6 InErrors (__udp4_lib_err: Icmp InErrors); a quote too short for the transport header is dropped
 * (PKT_TOO_SMALL in icmpv6_rcv, InErrors).
 *
 * icmp_send quotes at most min(576, dst_mtu) − 28 bytes: on a loopback whose MTU is under 576 the
 * error is as long as the MTU. Back on loopback, icmp_unreach hands the quote to
 * icmp_socket_deliver (all but a reassembly timeout), which counts Icmp InErrors when the quote
 * is shorter than the quoted IP header plus 8 bytes (no transport header to hand on).
 *
 * Approximation, written down: the host-wide ICMP rate limit (icmp_msgs_burst 50, 0–2 random
 * credits per message) is not modelled; every error is sent.
 */
import { countDrop, countMib, type Tally } from '../drops/tally.ts';
import type { Family } from './types.ts';

const ICMP_COUNTER: Record<number, string> = {
  3: 'DestUnreachs',
  11: 'TimeExcds',
  12: 'ParmProbs',
  4: 'SrcQuenchs',
};
const ICMP6_COUNTER: Record<number, string> = {
  1: 'DestUnreachs',
  2: 'PktTooBigs',
  3: 'TimeExcds',
  4: 'ParmProblems',
};

export interface IcmpErrorArgs {
  family: Family;
  type: number;
  code: number;
  /** Length of the offending packet from its IP header on (what would be quoted in full). */
  quoted: number;
  /** It comes back to this host (loopback) and is received. */
  received: boolean;
  /**
   * What the transport's error handler finds inside the quote: a UDP header whose source port
   * has no socket (__udp4_lib_err / __udp6_lib_err count InErrors), one that has, no transport
   * header to look at (a later fragment, or no handler), or (IPv6) a quote too short to read.
   */
  inner?: 'udp-no-socket' | 'udp-socket' | 'no-transport' | 'too-short' | 'bad-exthdr';
  /** IPv4: the MTU of the route back to the offending packet's source (default: loopback's 65,536). */
  mtu?: number;
  /** IPv4: the quoted packet's header length (default 20). */
  quotedIhl?: number;
}

/** ICMP types icmp_unreach handles (dest unreachable, source quench, time exceeded, parameter problem). */
const UNREACH_TYPES = new Set([3, 4, 11, 12]);

/** Count one ICMP error out (and back in); returns the error's IP packet length. */
export function icmpError(t: Tally, a: IcmpErrorArgs): number {
  if (a.family === 'inet') {
    // icmp_send: room = min(576, dst_mtu) - sizeof(iphdr) - sizeof(icmphdr).
    const room = Math.min(576, a.mtu ?? 65536) - 28;
    const quoted = Math.min(a.quoted, room);
    const len = 20 + 8 + quoted;
    const name = ICMP_COUNTER[a.type];
    countMib(t, 'Icmp', 'OutMsgs');
    if (name) countMib(t, 'Icmp', `Out${name}`);
    countMib(t, 'IcmpMsg', `OutType${a.type}`);
    countMib(t, 'Ip', 'OutRequests');
    countMib(t, 'Ip', 'OutTransmits');
    countMib(t, 'IpExt', 'OutOctets', len);
    if (!a.received) return len;
    countMib(t, 'Ip', 'InReceives');
    countMib(t, 'IpExt', 'InOctets', len);
    countMib(t, 'IpExt', 'InNoECTPkts');
    countMib(t, 'Ip', 'InDelivers');
    countMib(t, 'Icmp', 'InMsgs');
    if (name) countMib(t, 'Icmp', `In${name}`);
    countMib(t, 'IcmpMsg', `InType${a.type}`);
    // A reassembly timeout stops in icmp_unreach; the others go on to icmp_socket_deliver, which
    // wants the quoted IP header and 8 bytes of its transport header.
    if (!UNREACH_TYPES.has(a.type) || (a.type === 11 && a.code === 1)) return len;
    if (quoted < (a.quotedIhl ?? 20) + 8) {
      countMib(t, 'Icmp', 'InErrors');
      return len;
    }
    // icmp_unreach → udp_err: no socket for the quoted datagram's ports (__udp4_lib_err).
    if (a.inner === 'udp-no-socket') countMib(t, 'Icmp', 'InErrors');
    return len;
  }
  // icmp6_send: the whole error fits the IPv6 minimum MTU (1,280).
  const len = 40 + 8 + Math.min(a.quoted, 1280 - 48);
  const name = ICMP6_COUNTER[a.type];
  countMib(t, 'Icmp6', 'OutMsgs');
  if (name) countMib(t, 'Icmp6', `Out${name}`);
  countMib(t, 'Icmp6', `OutType${a.type}`);
  countMib(t, 'Ip6', 'OutRequests');
  countMib(t, 'Ip6', 'OutTransmits');
  countMib(t, 'Ip6', 'OutOctets', len);
  if (!a.received) return len;
  countMib(t, 'Ip6', 'InReceives');
  countMib(t, 'Ip6', 'InOctets', len);
  countMib(t, 'Ip6', 'InNoECTPkts');
  countMib(t, 'Ip6', 'InDelivers');
  countMib(t, 'Icmp6', 'InMsgs');
  if (name) countMib(t, 'Icmp6', `In${name}`);
  countMib(t, 'Icmp6', `InType${a.type}`);
  if (a.inner === 'udp-no-socket') countMib(t, 'Icmp6', 'InErrors');
  if (a.inner === 'too-short') {
    countMib(t, 'Icmp6', 'InErrors');
    countDrop(t, 'PKT_TOO_SMALL', 'icmpv6_rcv');
  }
  // ipv6_skip_exthdr cannot read the quoted packet's extension header (icmpv6_notify).
  if (a.inner === 'bad-exthdr') {
    countMib(t, 'Icmp6', 'InErrors');
    countDrop(t, 'IPV6_BAD_EXTHDR', 'icmpv6_rcv');
  }
  return len;
}
