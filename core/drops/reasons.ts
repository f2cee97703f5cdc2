/**
 * Every drop the model can report: the SKB_DROP_REASON_* code (include/net/dropreason-core.h)
 * with one plain sentence, and the functions that free skbs as drops with their source files
 * (for links). Data-shaped — code → sentence — so the labs' Counters panel and the CLI render the
 * same words, and the sentences can move into message catalogs.
 */
import { counterEntry, nstatName } from './counters.ts';
import type { DropReason, SnmpSection } from './types.ts';

/** Reason code (without SKB_DROP_REASON_) → what it means, in plain words. */
export const DROP_REASON_TEXT: Record<string, string> = {
  NOT_SPECIFIED: 'freed as a drop without a more specific reason',
  NO_SOCKET:
    'no socket is bound to the destination port: the datagram is dropped and ICMP port unreachable goes back',
  SOCKET_RCVBUFF:
    "the socket's receive queue is full: the datagram's truesize does not fit in what is left of sk_rcvbuf",
  PKT_TOO_SMALL:
    'the packet is shorter than its headers say (a UDP length past the end, or an ICMPv6 error too short to read)',
  UDP_CSUM: 'the UDP checksum is wrong',
  DUP_FRAG: 'a fragment whose bytes the queue already holds: only this copy is dropped, the queue lives on',
  FRAG_REASM_TIMEOUT:
    "the fragment queue's timer fired before the datagram was complete: every fragment in it is freed",
  FRAG_TOO_FAR:
    'more than ipfrag_max_dist fragments from the same source arrived since this queue last grew: its fragments are purged and the queue starts again',
  IP_LOCALNET:
    "the route lookup refuses a packet whose source is a loopback address (IPv4 ip_expire re-routes the queue's first fragment before answering with ICMP, and 127.0.0.1 is a martian there)",
  IP_NOPROTO:
    'no raw socket and no kernel handler takes this IP protocol: ICMP protocol unreachable goes back',
  IP_INHDR: 'a bad IP header',
  PKT_TOO_BIG: 'the packet is larger than the MTU and may not be fragmented',
  ICMP_CSUM: 'the ICMP checksum is wrong',
  IPV6_BAD_EXTHDR: 'an IPv6 extension header cannot be read',
  SKB_CSUM: 'the checksum over the packet is wrong',
  UNHANDLED_PROTO: 'the protocol handler does not know this message type or option, and discards it',
};

/** The functions that free skbs as drops, and their files (elixir.bootlin.com links). */
export const DROP_FUNCTION_FILE: Record<string, string> = {
  __ip_flush_pending_frames: 'net/ipv4/ip_output.c',
  __ip6_flush_pending_frames: 'net/ipv6/ip6_output.c',
  ip_defrag: 'net/ipv4/ip_fragment.c',
  ip_expire: 'net/ipv4/ip_fragment.c',
  ipv6_frag_rcv: 'net/ipv6/reassembly.c',
  ip6_frag_expire: 'net/ipv6/reassembly.c',
  inet_frag_rbtree_purge: 'net/ipv4/inet_fragment.c',
  skb_release_data: 'net/core/skbuff.c',
  udp_queue_rcv_one_skb: 'net/ipv4/udp.c',
  udpv6_queue_rcv_one_skb: 'net/ipv6/udp.c',
  __udp4_lib_rcv: 'net/ipv4/udp.c',
  __udp6_lib_rcv: 'net/ipv6/udp.c',
  ip_local_deliver_finish: 'net/ipv4/ip_input.c',
  ip_rcv_finish_core: 'net/ipv4/ip_input.c',
  icmpv6_rcv: 'net/ipv6/icmp.c',
  ip_fragment: 'net/ipv4/ip_output.c',
  ip6_fragment: 'net/ipv6/ip6_output.c',
  ___pskb_trim: 'net/core/skbuff.c',
  icmp_rcv: 'net/ipv4/icmp.c',
  igmp_rcv: 'net/ipv4/igmp.c',
  dst_discard_out: 'net/core/dst.c',
  ipv6_rthdr_rcv: 'net/ipv6/exthdrs.c',
  ipv6_destopt_rcv: 'net/ipv6/exthdrs.c',
  ip6_tlvopt_unknown: 'net/ipv6/exthdrs.c',
  raw_sendmsg: 'net/ipv4/raw.c',
  ip_rcv_core: 'net/ipv4/ip_input.c',
  rawv6_rcv: 'net/ipv6/raw.c',
  ip6_rcv_core: 'net/ipv6/ip6_input.c',
  ip6_input_finish: 'net/ipv6/ip6_input.c',
};

/** Why a particular function frees what it frees (said before the reason's own sentence). */
export const DROP_FUNCTION_TEXT: Record<string, string> = {
  __ip_flush_pending_frames: 'the send failed, so every skb already queued for this datagram is freed',
  __ip6_flush_pending_frames: 'the send failed, so every skb already queued for this datagram is freed',
  skb_release_data:
    'a fragment chained on the frag_list of a datagram that was freed (dropped, or consumed after the slow path copied it) is freed with it',
  inet_frag_rbtree_purge: 'the fragment queue is emptied, fragment by fragment',
  ip_defrag: 'ip_frag_queue refuses the arriving fragment',
  ipv6_frag_rcv: 'ipv6_frag_rcv refuses the arriving fragment',
  ip_rcv_finish_core: 'ip_rcv_options refuses the packet (a source route while accept_source_route is 0)',
  ip_fragment: 'ip_fragment may not fragment a DF packet larger than the MTU',
  ip6_fragment: 'ip6_fragment may not fragment a packet larger than the MTU',
  ___pskb_trim: 'trimming a datagram to its UDP length frees the chained fragments past the cut',
  igmp_rcv: 'igmp_rcv frees every message it does not handle',
  dst_discard_out: 'the handler of IPv6 “no next header” (protocol 59) frees the packet',
  ipv6_rthdr_rcv: 'the routing header is too short, or of a type this host does not route',
  ipv6_destopt_rcv: 'the destination-options header is longer than the packet',
  ip6_tlvopt_unknown: 'an unknown option whose type says to discard the packet',
};

/** One plain sentence for a drop record: its reason, what the freeing function was doing, and how many. */
export function dropSentence(d: DropReason): string {
  const reason = DROP_REASON_TEXT[d.reason] ?? `SKB_DROP_REASON_${d.reason}`;
  const how = DROP_FUNCTION_TEXT[d.function];
  return `${d.count} × ${d.reason} in ${d.function}: ${how ? `${how} (${reason})` : reason}.`;
}

/** One plain sentence for a counter: its nstat name, how much it moved, what it counts. */
export function counterSentence(section: SnmpSection, counter: string, delta: number): string {
  const e = counterEntry(section, counter);
  return `${nstatName(section, counter)} ${delta > 0 ? '+' : ''}${delta}: ${e ? e.text : 'a counter the model does not describe'}.`;
}
