/**
 * The plain sentences of core/drops as catalog messages (ids `drops.reason.*`, `drops.function.*`,
 * `drops.counter.*`), so the labs' Counters panel and drop notes speak the page's language. The
 * English is the tables' own (reasons.ts, counters.ts; a unit test holds them equal). Counters are
 * keyed by their MIB item, so Ip/Ip6 and Udp/Udp6/UdpLite share a sentence as they share the item.
 * Kernel identifiers stay as they are in every language.
 */
import { defineMessages, msg, type Msg } from '../i18n/index.ts';
import { counterEntry, ICMP_TYPE_NAMES } from './counters.ts';
import type { SnmpSection } from './types.ts';

const REASON = defineMessages({
  NOT_SPECIFIED: {
    id: 'drops.reason.NOT_SPECIFIED',
    defaultMessage: 'freed as a drop without a more specific reason',
    description: 'SKB_DROP_REASON_NOT_SPECIFIED in plain words.',
  },
  NO_SOCKET: {
    id: 'drops.reason.NO_SOCKET',
    defaultMessage:
      'no socket is bound to the destination port: the datagram is dropped and ICMP port unreachable goes back',
    description: 'SKB_DROP_REASON_NO_SOCKET in plain words.',
  },
  SOCKET_RCVBUFF: {
    id: 'drops.reason.SOCKET_RCVBUFF',
    defaultMessage:
      "the socket's receive queue is full: the datagram's truesize does not fit in what is left of sk_rcvbuf",
    description: 'SKB_DROP_REASON_SOCKET_RCVBUFF in plain words.',
  },
  PKT_TOO_SMALL: {
    id: 'drops.reason.PKT_TOO_SMALL',
    defaultMessage:
      'the packet is shorter than its headers say (a UDP length past the end, or an ICMPv6 error too short to read)',
    description: 'SKB_DROP_REASON_PKT_TOO_SMALL in plain words.',
  },
  UDP_CSUM: {
    id: 'drops.reason.UDP_CSUM',
    defaultMessage: 'the UDP checksum is wrong',
    description: 'SKB_DROP_REASON_UDP_CSUM in plain words.',
  },
  DUP_FRAG: {
    id: 'drops.reason.DUP_FRAG',
    defaultMessage:
      'a fragment whose bytes the queue already holds: only this copy is dropped, the queue lives on',
    description: 'SKB_DROP_REASON_DUP_FRAG in plain words.',
  },
  FRAG_REASM_TIMEOUT: {
    id: 'drops.reason.FRAG_REASM_TIMEOUT',
    defaultMessage:
      "the fragment queue's timer fired before the datagram was complete: every fragment in it is freed",
    description: 'SKB_DROP_REASON_FRAG_REASM_TIMEOUT in plain words.',
  },
  FRAG_TOO_FAR: {
    id: 'drops.reason.FRAG_TOO_FAR',
    defaultMessage:
      'more than ipfrag_max_dist fragments from the same source arrived since this queue last grew: its fragments are purged and the queue starts again',
    description: 'SKB_DROP_REASON_FRAG_TOO_FAR in plain words.',
  },
  IP_LOCALNET: {
    id: 'drops.reason.IP_LOCALNET',
    defaultMessage:
      "the route lookup refuses a packet whose source is a loopback address (IPv4 ip_expire re-routes the queue's first fragment before answering with ICMP, and 127.0.0.1 is a martian there)",
    description: 'SKB_DROP_REASON_IP_LOCALNET in plain words.',
  },
  IP_NOPROTO: {
    id: 'drops.reason.IP_NOPROTO',
    defaultMessage:
      'no raw socket and no kernel handler takes this IP protocol: ICMP protocol unreachable goes back',
    description: 'SKB_DROP_REASON_IP_NOPROTO in plain words.',
  },
  IP_INHDR: {
    id: 'drops.reason.IP_INHDR',
    defaultMessage: 'a bad IP header',
    description: 'SKB_DROP_REASON_IP_INHDR in plain words.',
  },
  PKT_TOO_BIG: {
    id: 'drops.reason.PKT_TOO_BIG',
    defaultMessage: 'the packet is larger than the MTU and may not be fragmented',
    description: 'SKB_DROP_REASON_PKT_TOO_BIG in plain words.',
  },
  ICMP_CSUM: {
    id: 'drops.reason.ICMP_CSUM',
    defaultMessage: 'the ICMP checksum is wrong',
    description: 'SKB_DROP_REASON_ICMP_CSUM in plain words.',
  },
  IPV6_BAD_EXTHDR: {
    id: 'drops.reason.IPV6_BAD_EXTHDR',
    defaultMessage: 'an IPv6 extension header cannot be read',
    description: 'SKB_DROP_REASON_IPV6_BAD_EXTHDR in plain words.',
  },
  SKB_CSUM: {
    id: 'drops.reason.SKB_CSUM',
    defaultMessage: 'the checksum over the packet is wrong',
    description: 'SKB_DROP_REASON_SKB_CSUM in plain words.',
  },
  UNHANDLED_PROTO: {
    id: 'drops.reason.UNHANDLED_PROTO',
    defaultMessage: 'the protocol handler does not know this message type or option, and discards it',
    description: 'SKB_DROP_REASON_UNHANDLED_PROTO in plain words.',
  },
});

const FUNCTION = defineMessages({
  __ip_flush_pending_frames: {
    id: 'drops.function.__ip_flush_pending_frames',
    defaultMessage: 'the send failed, so every skb already queued for this datagram is freed',
    description: 'What __ip_flush_pending_frames was doing when it freed skbs as drops.',
  },
  __ip6_flush_pending_frames: {
    id: 'drops.function.__ip6_flush_pending_frames',
    defaultMessage: 'the send failed, so every skb already queued for this datagram is freed',
    description: 'What __ip6_flush_pending_frames was doing when it freed skbs as drops.',
  },
  skb_release_data: {
    id: 'drops.function.skb_release_data',
    defaultMessage:
      'a fragment chained on the frag_list of a datagram that was freed (dropped, or consumed after the slow path copied it) is freed with it',
    description: 'What skb_release_data was doing when it freed skbs as drops.',
  },
  inet_frag_rbtree_purge: {
    id: 'drops.function.inet_frag_rbtree_purge',
    defaultMessage: 'the fragment queue is emptied, fragment by fragment',
    description: 'What inet_frag_rbtree_purge was doing when it freed skbs as drops.',
  },
  ip_defrag: {
    id: 'drops.function.ip_defrag',
    defaultMessage: 'ip_frag_queue refuses the arriving fragment',
    description: 'What ip_defrag was doing when it freed skbs as drops.',
  },
  ipv6_frag_rcv: {
    id: 'drops.function.ipv6_frag_rcv',
    defaultMessage: 'ipv6_frag_rcv refuses the arriving fragment',
    description: 'What ipv6_frag_rcv was doing when it freed skbs as drops.',
  },
  ip_rcv_finish_core: {
    id: 'drops.function.ip_rcv_finish_core',
    defaultMessage: 'ip_rcv_options refuses the packet (a source route while accept_source_route is 0)',
    description: 'What ip_rcv_finish_core was doing when it freed skbs as drops.',
  },
  ip_fragment: {
    id: 'drops.function.ip_fragment',
    defaultMessage: 'ip_fragment may not fragment a DF packet larger than the MTU',
    description: 'What ip_fragment was doing when it freed skbs as drops.',
  },
  ip6_fragment: {
    id: 'drops.function.ip6_fragment',
    defaultMessage: 'ip6_fragment may not fragment a packet larger than the MTU',
    description: 'What ip6_fragment was doing when it freed skbs as drops.',
  },
  ___pskb_trim: {
    id: 'drops.function.___pskb_trim',
    defaultMessage: 'trimming a datagram to its UDP length frees the chained fragments past the cut',
    description: 'What ___pskb_trim was doing when it freed skbs as drops.',
  },
  igmp_rcv: {
    id: 'drops.function.igmp_rcv',
    defaultMessage: 'igmp_rcv frees every message it does not handle',
    description: 'What igmp_rcv was doing when it freed skbs as drops.',
  },
  dst_discard_out: {
    id: 'drops.function.dst_discard_out',
    defaultMessage: 'the handler of IPv6 “no next header” (protocol 59) frees the packet',
    description: 'What dst_discard_out was doing when it freed skbs as drops.',
  },
  ipv6_rthdr_rcv: {
    id: 'drops.function.ipv6_rthdr_rcv',
    defaultMessage: 'the routing header is too short, or of a type this host does not route',
    description: 'What ipv6_rthdr_rcv was doing when it freed skbs as drops.',
  },
  ipv6_destopt_rcv: {
    id: 'drops.function.ipv6_destopt_rcv',
    defaultMessage: 'the destination-options header is longer than the packet',
    description: 'What ipv6_destopt_rcv was doing when it freed skbs as drops.',
  },
  ip6_tlvopt_unknown: {
    id: 'drops.function.ip6_tlvopt_unknown',
    defaultMessage: 'an unknown option whose type says to discard the packet',
    description: 'What ip6_tlvopt_unknown was doing when it freed skbs as drops.',
  },
});

const COUNTER = defineMessages({
  IPSTATS_MIB_FORWARDING: {
    id: 'drops.counter.IPSTATS_MIB_FORWARDING',
    defaultMessage: 'whether this host forwards packets (1) or not (2)',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_FORWARDING counts.',
  },
  IPSTATS_MIB_DEFAULTTTL: {
    id: 'drops.counter.IPSTATS_MIB_DEFAULTTTL',
    defaultMessage: 'the default TTL',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_DEFAULTTTL counts.',
  },
  IPSTATS_MIB_INPKTS: {
    id: 'drops.counter.IPSTATS_MIB_INPKTS',
    defaultMessage: 'packets handed to IP by the device (ip_rcv), fragments counted one by one',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_INPKTS counts.',
  },
  IPSTATS_MIB_INHDRERRORS: {
    id: 'drops.counter.IPSTATS_MIB_INHDRERRORS',
    defaultMessage:
      'packets refused for a bad header (IPv6: also bad fragment headers answered with Parameter Problem)',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_INHDRERRORS counts.',
  },
  IPSTATS_MIB_INADDRERRORS: {
    id: 'drops.counter.IPSTATS_MIB_INADDRERRORS',
    defaultMessage: 'packets for an address this host does not accept',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_INADDRERRORS counts.',
  },
  IPSTATS_MIB_OUTFORWDATAGRAMS: {
    id: 'drops.counter.IPSTATS_MIB_OUTFORWDATAGRAMS',
    defaultMessage: 'packets forwarded',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_OUTFORWDATAGRAMS counts.',
  },
  IPSTATS_MIB_INUNKNOWNPROTOS: {
    id: 'drops.counter.IPSTATS_MIB_INUNKNOWNPROTOS',
    defaultMessage: 'datagrams for a protocol no socket and no kernel handler takes',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_INUNKNOWNPROTOS counts.',
  },
  IPSTATS_MIB_INDISCARDS: {
    id: 'drops.counter.IPSTATS_MIB_INDISCARDS',
    defaultMessage: 'good packets discarded on the way in',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_INDISCARDS counts.',
  },
  IPSTATS_MIB_INDELIVERS: {
    id: 'drops.counter.IPSTATS_MIB_INDELIVERS',
    defaultMessage:
      'whole datagrams handed to a transport protocol or raw socket (after reassembly: once per datagram)',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_INDELIVERS counts.',
  },
  IPSTATS_MIB_OUTREQUESTS: {
    id: 'drops.counter.IPSTATS_MIB_OUTREQUESTS',
    defaultMessage:
      'datagrams this host sent (ip_local_out), before any fragmentation; raw IP_HDRINCL sends on IPv4 skip it',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_OUTREQUESTS counts.',
  },
  IPSTATS_MIB_OUTDISCARDS: {
    id: 'drops.counter.IPSTATS_MIB_OUTDISCARDS',
    defaultMessage: 'datagrams given up on the way out: __ip_append_data failed (ENOBUFS)',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_OUTDISCARDS counts.',
  },
  IPSTATS_MIB_OUTNOROUTES: {
    id: 'drops.counter.IPSTATS_MIB_OUTNOROUTES',
    defaultMessage: 'sends without a route',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_OUTNOROUTES counts.',
  },
  IPSTATS_MIB_REASMTIMEOUT: {
    id: 'drops.counter.IPSTATS_MIB_REASMTIMEOUT',
    defaultMessage: 'fragment queues whose timer fired before the datagram was complete',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_REASMTIMEOUT counts.',
  },
  IPSTATS_MIB_REASMREQDS: {
    id: 'drops.counter.IPSTATS_MIB_REASMREQDS',
    defaultMessage: 'fragments that reached reassembly (ip_defrag / ipv6_frag_rcv)',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_REASMREQDS counts.',
  },
  IPSTATS_MIB_REASMOKS: {
    id: 'drops.counter.IPSTATS_MIB_REASMOKS',
    defaultMessage: 'datagrams put back together',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_REASMOKS counts.',
  },
  IPSTATS_MIB_REASMFAILS: {
    id: 'drops.counter.IPSTATS_MIB_REASMFAILS',
    defaultMessage: 'reassemblies given up: overlaps, corrupt ends, timeouts, too far, too big, no memory',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_REASMFAILS counts.',
  },
  IPSTATS_MIB_FRAGOKS: {
    id: 'drops.counter.IPSTATS_MIB_FRAGOKS',
    defaultMessage: 'datagrams this host fragmented',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_FRAGOKS counts.',
  },
  IPSTATS_MIB_FRAGFAILS: {
    id: 'drops.counter.IPSTATS_MIB_FRAGFAILS',
    defaultMessage: 'datagrams that needed fragmenting but could not be (DF set)',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_FRAGFAILS counts.',
  },
  IPSTATS_MIB_FRAGCREATES: {
    id: 'drops.counter.IPSTATS_MIB_FRAGCREATES',
    defaultMessage: 'fragments this host made',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_FRAGCREATES counts.',
  },
  IPSTATS_MIB_OUTPKTS: {
    id: 'drops.counter.IPSTATS_MIB_OUTPKTS',
    defaultMessage: 'packets that left (ip_finish_output2): every fragment counts',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_OUTPKTS counts.',
  },
  ICMP_MIB_INMSGS: {
    id: 'drops.counter.ICMP_MIB_INMSGS',
    defaultMessage: 'ICMP messages received',
    description: 'What the SNMP counter of MIB item ICMP_MIB_INMSGS counts.',
  },
  ICMP_MIB_INERRORS: {
    id: 'drops.counter.ICMP_MIB_INERRORS',
    defaultMessage: 'ICMP messages received but bad',
    description: 'What the SNMP counter of MIB item ICMP_MIB_INERRORS counts.',
  },
  ICMP_MIB_CSUMERRORS: {
    id: 'drops.counter.ICMP_MIB_CSUMERRORS',
    defaultMessage: 'ICMP messages with a bad checksum',
    description: 'What the SNMP counter of MIB item ICMP_MIB_CSUMERRORS counts.',
  },
  ICMP_MIB_INDESTUNREACHS: {
    id: 'drops.counter.ICMP_MIB_INDESTUNREACHS',
    defaultMessage: 'Destination Unreachable messages received',
    description: 'What the SNMP counter of MIB item ICMP_MIB_INDESTUNREACHS counts.',
  },
  ICMP_MIB_INTIMEEXCDS: {
    id: 'drops.counter.ICMP_MIB_INTIMEEXCDS',
    defaultMessage: 'Time Exceeded messages received',
    description: 'What the SNMP counter of MIB item ICMP_MIB_INTIMEEXCDS counts.',
  },
  ICMP_MIB_INPARMPROBS: {
    id: 'drops.counter.ICMP_MIB_INPARMPROBS',
    defaultMessage: 'Parameter Problem messages received',
    description: 'What the SNMP counter of MIB item ICMP_MIB_INPARMPROBS counts.',
  },
  ICMP_MIB_OUTMSGS: {
    id: 'drops.counter.ICMP_MIB_OUTMSGS',
    defaultMessage: 'ICMP messages sent',
    description: 'What the SNMP counter of MIB item ICMP_MIB_OUTMSGS counts.',
  },
  ICMP_MIB_OUTERRORS: {
    id: 'drops.counter.ICMP_MIB_OUTERRORS',
    defaultMessage: 'ICMP messages not sent because of an error',
    description: 'What the SNMP counter of MIB item ICMP_MIB_OUTERRORS counts.',
  },
  ICMP_MIB_RATELIMITGLOBAL: {
    id: 'drops.counter.ICMP_MIB_RATELIMITGLOBAL',
    defaultMessage:
      'ICMP errors not sent: the host-wide rate limit (icmp_msgs_per_sec, icmp_msgs_burst) ran out',
    description: 'What the SNMP counter of MIB item ICMP_MIB_RATELIMITGLOBAL counts.',
  },
  ICMP_MIB_RATELIMITHOST: {
    id: 'drops.counter.ICMP_MIB_RATELIMITHOST',
    defaultMessage: 'ICMP errors not sent: the per-destination rate limit',
    description: 'What the SNMP counter of MIB item ICMP_MIB_RATELIMITHOST counts.',
  },
  ICMP_MIB_OUTDESTUNREACHS: {
    id: 'drops.counter.ICMP_MIB_OUTDESTUNREACHS',
    defaultMessage: 'Destination Unreachable messages sent',
    description: 'What the SNMP counter of MIB item ICMP_MIB_OUTDESTUNREACHS counts.',
  },
  ICMP_MIB_OUTTIMEEXCDS: {
    id: 'drops.counter.ICMP_MIB_OUTTIMEEXCDS',
    defaultMessage: 'Time Exceeded messages sent',
    description: 'What the SNMP counter of MIB item ICMP_MIB_OUTTIMEEXCDS counts.',
  },
  ICMP_MIB_OUTPARMPROBS: {
    id: 'drops.counter.ICMP_MIB_OUTPARMPROBS',
    defaultMessage: 'Parameter Problem messages sent',
    description: 'What the SNMP counter of MIB item ICMP_MIB_OUTPARMPROBS counts.',
  },
  UDP_MIB_INDATAGRAMS: {
    id: 'drops.counter.UDP_MIB_INDATAGRAMS',
    defaultMessage: 'datagrams the application read (counted at recvmsg, not when queued)',
    description: 'What the SNMP counter of MIB item UDP_MIB_INDATAGRAMS counts.',
  },
  UDP_MIB_NOPORTS: {
    id: 'drops.counter.UDP_MIB_NOPORTS',
    defaultMessage: 'datagrams for a port with no socket (answered with ICMP port unreachable)',
    description: 'What the SNMP counter of MIB item UDP_MIB_NOPORTS counts.',
  },
  UDP_MIB_INERRORS: {
    id: 'drops.counter.UDP_MIB_INERRORS',
    defaultMessage: 'datagrams dropped on the way in: receive buffer full, short packet, bad checksum',
    description: 'What the SNMP counter of MIB item UDP_MIB_INERRORS counts.',
  },
  UDP_MIB_OUTDATAGRAMS: {
    id: 'drops.counter.UDP_MIB_OUTDATAGRAMS',
    defaultMessage: 'datagrams sent',
    description: 'What the SNMP counter of MIB item UDP_MIB_OUTDATAGRAMS counts.',
  },
  UDP_MIB_RCVBUFERRORS: {
    id: 'drops.counter.UDP_MIB_RCVBUFERRORS',
    defaultMessage: 'datagrams dropped because the socket receive buffer (sk_rcvbuf) was full',
    description: 'What the SNMP counter of MIB item UDP_MIB_RCVBUFERRORS counts.',
  },
  UDP_MIB_SNDBUFERRORS: {
    id: 'drops.counter.UDP_MIB_SNDBUFERRORS',
    defaultMessage: 'sends that failed for lack of send-buffer memory (ENOBUFS)',
    description: 'What the SNMP counter of MIB item UDP_MIB_SNDBUFERRORS counts.',
  },
  UDP_MIB_CSUMERRORS: {
    id: 'drops.counter.UDP_MIB_CSUMERRORS',
    defaultMessage: 'datagrams with a bad checksum',
    description: 'What the SNMP counter of MIB item UDP_MIB_CSUMERRORS counts.',
  },
  UDP_MIB_IGNOREDMULTI: {
    id: 'drops.counter.UDP_MIB_IGNOREDMULTI',
    defaultMessage: 'broadcast/multicast datagrams no socket wanted',
    description: 'What the SNMP counter of MIB item UDP_MIB_IGNOREDMULTI counts.',
  },
  UDP_MIB_MEMERRORS: {
    id: 'drops.counter.UDP_MIB_MEMERRORS',
    defaultMessage: 'datagrams dropped because UDP ran out of memory',
    description: 'What the SNMP counter of MIB item UDP_MIB_MEMERRORS counts.',
  },
  IPSTATS_MIB_INTOOBIGERRORS: {
    id: 'drops.counter.IPSTATS_MIB_INTOOBIGERRORS',
    defaultMessage: 'packets too big to forward',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_INTOOBIGERRORS counts.',
  },
  IPSTATS_MIB_INNOROUTES: {
    id: 'drops.counter.IPSTATS_MIB_INNOROUTES',
    defaultMessage: 'packets without a route',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_INNOROUTES counts.',
  },
  IPSTATS_MIB_INTRUNCATEDPKTS: {
    id: 'drops.counter.IPSTATS_MIB_INTRUNCATEDPKTS',
    defaultMessage: 'packets shorter than their header says',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_INTRUNCATEDPKTS counts.',
  },
  IPSTATS_MIB_INMCASTPKTS: {
    id: 'drops.counter.IPSTATS_MIB_INMCASTPKTS',
    defaultMessage: 'multicast packets received',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_INMCASTPKTS counts.',
  },
  IPSTATS_MIB_OUTMCASTPKTS: {
    id: 'drops.counter.IPSTATS_MIB_OUTMCASTPKTS',
    defaultMessage: 'multicast packets sent',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_OUTMCASTPKTS counts.',
  },
  IPSTATS_MIB_INOCTETS: {
    id: 'drops.counter.IPSTATS_MIB_INOCTETS',
    defaultMessage: 'bytes of the packets received, IP headers included',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_INOCTETS counts.',
  },
  IPSTATS_MIB_OUTOCTETS: {
    id: 'drops.counter.IPSTATS_MIB_OUTOCTETS',
    defaultMessage: 'bytes of the packets sent, IP headers included, counted per fragment',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_OUTOCTETS counts.',
  },
  IPSTATS_MIB_INMCASTOCTETS: {
    id: 'drops.counter.IPSTATS_MIB_INMCASTOCTETS',
    defaultMessage: 'bytes of multicast packets received',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_INMCASTOCTETS counts.',
  },
  IPSTATS_MIB_OUTMCASTOCTETS: {
    id: 'drops.counter.IPSTATS_MIB_OUTMCASTOCTETS',
    defaultMessage: 'bytes of multicast packets sent',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_OUTMCASTOCTETS counts.',
  },
  IPSTATS_MIB_INBCASTOCTETS: {
    id: 'drops.counter.IPSTATS_MIB_INBCASTOCTETS',
    defaultMessage: 'bytes of broadcast packets received',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_INBCASTOCTETS counts.',
  },
  IPSTATS_MIB_OUTBCASTOCTETS: {
    id: 'drops.counter.IPSTATS_MIB_OUTBCASTOCTETS',
    defaultMessage: 'bytes of broadcast packets sent',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_OUTBCASTOCTETS counts.',
  },
  IPSTATS_MIB_NOECTPKTS: {
    id: 'drops.counter.IPSTATS_MIB_NOECTPKTS',
    defaultMessage: 'packets received without ECN',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_NOECTPKTS counts.',
  },
  IPSTATS_MIB_ECT1PKTS: {
    id: 'drops.counter.IPSTATS_MIB_ECT1PKTS',
    defaultMessage: 'packets received with ECT(1)',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_ECT1PKTS counts.',
  },
  IPSTATS_MIB_ECT0PKTS: {
    id: 'drops.counter.IPSTATS_MIB_ECT0PKTS',
    defaultMessage: 'packets received with ECT(0)',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_ECT0PKTS counts.',
  },
  IPSTATS_MIB_CEPKTS: {
    id: 'drops.counter.IPSTATS_MIB_CEPKTS',
    defaultMessage: 'packets received with Congestion Experienced',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_CEPKTS counts.',
  },
  ICMP6_MIB_INMSGS: {
    id: 'drops.counter.ICMP6_MIB_INMSGS',
    defaultMessage: 'ICMPv6 messages received',
    description: 'What the SNMP counter of MIB item ICMP6_MIB_INMSGS counts.',
  },
  ICMP6_MIB_INERRORS: {
    id: 'drops.counter.ICMP6_MIB_INERRORS',
    defaultMessage:
      'ICMPv6 messages received that could not be used: too short, or an error about a datagram whose socket is gone',
    description: 'What the SNMP counter of MIB item ICMP6_MIB_INERRORS counts.',
  },
  ICMP6_MIB_OUTMSGS: {
    id: 'drops.counter.ICMP6_MIB_OUTMSGS',
    defaultMessage: 'ICMPv6 messages sent',
    description: 'What the SNMP counter of MIB item ICMP6_MIB_OUTMSGS counts.',
  },
  ICMP6_MIB_OUTERRORS: {
    id: 'drops.counter.ICMP6_MIB_OUTERRORS',
    defaultMessage: 'ICMPv6 messages not sent because of an error',
    description: 'What the SNMP counter of MIB item ICMP6_MIB_OUTERRORS counts.',
  },
  ICMP6_MIB_CSUMERRORS: {
    id: 'drops.counter.ICMP6_MIB_CSUMERRORS',
    defaultMessage: 'ICMPv6 messages with a bad checksum',
    description: 'What the SNMP counter of MIB item ICMP6_MIB_CSUMERRORS counts.',
  },
  ICMP6_MIB_RATELIMITHOST: {
    id: 'drops.counter.ICMP6_MIB_RATELIMITHOST',
    defaultMessage: 'ICMPv6 errors not sent: the per-destination rate limit',
    description: 'What the SNMP counter of MIB item ICMP6_MIB_RATELIMITHOST counts.',
  },
  ICMP6_MIB_INDESTUNREACHS: {
    id: 'drops.counter.ICMP6_MIB_INDESTUNREACHS',
    defaultMessage: 'Destination Unreachable messages received',
    description: 'What the SNMP counter of MIB item ICMP6_MIB_INDESTUNREACHS counts.',
  },
  ICMP6_MIB_INPKTTOOBIGS: {
    id: 'drops.counter.ICMP6_MIB_INPKTTOOBIGS',
    defaultMessage: 'Packet Too Big messages received',
    description: 'What the SNMP counter of MIB item ICMP6_MIB_INPKTTOOBIGS counts.',
  },
  ICMP6_MIB_INTIMEEXCDS: {
    id: 'drops.counter.ICMP6_MIB_INTIMEEXCDS',
    defaultMessage: 'Time Exceeded messages received',
    description: 'What the SNMP counter of MIB item ICMP6_MIB_INTIMEEXCDS counts.',
  },
  ICMP6_MIB_INPARMPROBLEMS: {
    id: 'drops.counter.ICMP6_MIB_INPARMPROBLEMS',
    defaultMessage: 'Parameter Problem messages received',
    description: 'What the SNMP counter of MIB item ICMP6_MIB_INPARMPROBLEMS counts.',
  },
  ICMP6_MIB_OUTDESTUNREACHS: {
    id: 'drops.counter.ICMP6_MIB_OUTDESTUNREACHS',
    defaultMessage: 'Destination Unreachable messages sent',
    description: 'What the SNMP counter of MIB item ICMP6_MIB_OUTDESTUNREACHS counts.',
  },
  ICMP6_MIB_OUTPKTTOOBIGS: {
    id: 'drops.counter.ICMP6_MIB_OUTPKTTOOBIGS',
    defaultMessage: 'Packet Too Big messages sent',
    description: 'What the SNMP counter of MIB item ICMP6_MIB_OUTPKTTOOBIGS counts.',
  },
  ICMP6_MIB_OUTTIMEEXCDS: {
    id: 'drops.counter.ICMP6_MIB_OUTTIMEEXCDS',
    defaultMessage: 'Time Exceeded messages sent',
    description: 'What the SNMP counter of MIB item ICMP6_MIB_OUTTIMEEXCDS counts.',
  },
  ICMP6_MIB_OUTPARMPROBLEMS: {
    id: 'drops.counter.ICMP6_MIB_OUTPARMPROBLEMS',
    defaultMessage: 'Parameter Problem messages sent',
    description: 'What the SNMP counter of MIB item ICMP6_MIB_OUTPARMPROBLEMS counts.',
  },
  IPSTATS_MIB_INBCASTPKTS: {
    id: 'drops.counter.IPSTATS_MIB_INBCASTPKTS',
    defaultMessage: 'broadcast packets received',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_INBCASTPKTS counts.',
  },
  IPSTATS_MIB_OUTBCASTPKTS: {
    id: 'drops.counter.IPSTATS_MIB_OUTBCASTPKTS',
    defaultMessage: 'broadcast packets sent',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_OUTBCASTPKTS counts.',
  },
  IPSTATS_MIB_REASM_OVERLAPS: {
    id: 'drops.counter.IPSTATS_MIB_REASM_OVERLAPS',
    defaultMessage: 'IPv4 fragments that overlapped ones already queued (the whole queue is dropped)',
    description: 'What the SNMP counter of MIB item IPSTATS_MIB_REASM_OVERLAPS counts.',
  },
});

const ICMP_TYPE = defineMessages({
  In: {
    id: 'drops.counter.icmpType.In',
    defaultMessage: '{proto} messages of type {type} ({name}) received',
    description: 'IcmpMsg/Icmp6 InTypeN: proto is ICMP or ICMPv6, name the type name (kept in English).',
  },
  Out: {
    id: 'drops.counter.icmpType.Out',
    defaultMessage: '{proto} messages of type {type} ({name}) sent',
    description: 'IcmpMsg/Icmp6 OutTypeN: proto is ICMP or ICMPv6, name the type name (kept in English).',
  },
});

const own = <T>(table: Record<string, T>, k: string): T | null =>
  Object.prototype.hasOwnProperty.call(table, k) ? (table[k] as T) : null;

/** SKB_DROP_REASON_<reason> in plain words, as a message (null: a reason the model does not describe). */
export function dropReasonMsg(reason: string): Msg | null {
  const d = own(REASON, reason);
  return d ? msg(d) : null;
}

/** What `fn` was doing when it freed skbs as drops, as a message (null: nothing to add). */
export function dropFunctionMsg(fn: string): Msg | null {
  const d = own(FUNCTION, fn);
  return d ? msg(d) : null;
}

/** What a counter counts, as a message (null: a counter the model does not describe). */
export function counterMsg(section: SnmpSection, counter: string): Msg | null {
  const t = /^(In|Out)Type(\d+)$/.exec(counter);
  if (t && (section === 'IcmpMsg' || section === 'Icmp6')) {
    const fam = section === 'Icmp6' ? 6 : 4;
    const type = Number(t[2]);
    return msg(ICMP_TYPE[t[1] as 'In' | 'Out'], {
      proto: fam === 6 ? 'ICMPv6' : 'ICMP',
      type,
      name: ICMP_TYPE_NAMES[fam][type] ?? 'other',
    });
  }
  const e = counterEntry(section, counter);
  const d = e ? own(COUNTER, e.mib) : null;
  return d ? msg(d) : null;
}
