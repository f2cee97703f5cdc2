/**
 * The words of the loopback receiver (receive.ts) as catalog messages (core/i18n): apart from the
 * send path's (send-messages.ts), so a page that only cuts a datagram (send-wire.ts) fetches none
 * of them. Kernel identifiers are `<code>`.
 */
import { defineMessages } from '../i18n/index.ts';

export const RXM = defineMessages({
  rxEth: {
    id: 'ip.rx.eth',
    defaultMessage:
      '<code>loopback_xmit</code> passes the same {n, plural, one {skb} other {skbs}} to <code>__netif_rx</code>; <code>eth_type_trans</code> records the MAC header and pulls its 14 bytes (data moves forward, nothing is copied)',
  },
  rxIp: {
    id: 'ip.rx.ip',
    defaultMessage:
      '<code>{rcv}</code> checks version, header length{v6, select, yes {} other { and checksum}}, trims to the packet’s own length; the route lookup (<code>ip_route_input</code>) says “local”: <code>{next}</code>',
  },
  rxBadHeader: {
    id: 'ip.rx.userHeader',
    defaultMessage:
      '<code>{fn}</code>: {what, select, version {version {version}} other {<code>ihl</code> {ihl}}} is refused (<code>InHdrErrors</code>)',
  },
  rx6UserTruncated: {
    id: 'ip.rx.user6Truncated',
    defaultMessage: 'payload length {plen} is past the end: <code>InTruncatedPkts</code>',
  },
  rx6UserNoProto: {
    id: 'ip.rx.user6NoProto',
    defaultMessage:
      'next header {next}: no handler (<code>InUnknownProtos</code>), no route back (<code>OutNoRoutes</code>)',
  },
  rxSourceRouteStep: {
    id: 'ip.rx.sourceRouteStep',
    defaultMessage:
      '{n, plural, one {the packet carries} other {the packets carry}} a source route and <code>accept_source_route</code> is 0: <code>ip_rcv_options</code> refuses {n, plural, one {it} other {each fragment}} before reassembly',
  },
  rxSourceRoute: {
    id: 'ip.rx.sourceRoute',
    defaultMessage:
      'the receiver drops source-routed packets (<code>accept_source_route</code> is 0 by default)',
  },
  rxDefrag: {
    id: 'ip.rx.defrag',
    defaultMessage:
      'each of the {n} fragments joins the reassembly queue keyed by (<code>saddr</code>, <code>daddr</code>, <code>id</code>, <code>protocol</code>); the datagram is complete when the last byte ({last}) and the first fragment are in',
  },
  rxOversizedStep: {
    id: 'ip.rx.oversizedStep',
    defaultMessage:
      'the reassembled packet would be {len} bytes, more than 65,535: “Oversized IP packet”, <code>ReasmFails</code>; the queue and its fragments are freed (as consumed, not as drops)',
  },
  rxOversized: {
    id: 'ip.rx.oversized',
    defaultMessage:
      'the fragments reassemble to {len} bytes, more than 65,535: dropped as an oversized IP packet (<code>E2BIG</code>)',
  },
  rxReasm: {
    id: 'ip.rx.reasm',
    defaultMessage:
      'complete: the first fragment’s skb becomes the head; <code>inet_frag_reasm_finish</code> {how}; <code>tot_len</code> = {totLen}, <code>truesize</code> {truesize}',
    description: 'how: what inet_frag_reasm_finish did (English until inet-fragment.ts is converted).',
  },
  rxNoProto: {
    id: 'ip.rx.noProto',
    defaultMessage:
      'no raw socket and no kernel handler for protocol {protocol}: ICMP protocol unreachable (<code>ip_local_deliver_finish</code>)',
  },
  rxNoProtoStep: {
    id: 'ip.rx.noProtoStep',
    defaultMessage:
      'the {nhl}-byte IP header is pulled; no raw socket is bound to protocol {protocol} (an <code>IPPROTO_RAW</code> socket only sends) and no kernel protocol handles it: <code>InUnknownProtos</code>, ICMP protocol unreachable ({len} bytes) goes back, the datagram is dropped',
  },
  rxRawStep: {
    id: 'ip.rx.rawStep',
    defaultMessage:
      'the {nhl}-byte IP header is pulled; raw sockets bound to protocol {protocol} get a copy (<code>raw_local_deliver</code>)',
  },
  rxRaw: { id: 'ip.rx.raw', defaultMessage: 'raw sockets of protocol {protocol} receive the datagram' },
  rxUdpStep: {
    id: 'ip.rx.udpStep',
    defaultMessage: 'the {nhl}-byte IP header is pulled; protocol 17 → <code>{rcv}</code>',
  },
  rxExternal: {
    id: 'ip.rx.external',
    defaultMessage: 'the datagram reaches <code>udp_rcv</code>; its socket is the caller’s',
  },
  rxUdpLookup: {
    id: 'ip.rx.udpLookup',
    defaultMessage:
      '<code>{fn}</code> {bound, select, yes {finds the bound socket} other {looks for a socket}}; the skb (<code>truesize</code> {truesize}{chained, plural, =0 {} one {, # fragment on its <code>frag_list</code>} other {, # fragments on its <code>frag_list</code>}}): {why}',
    description: 'why: what udp_rcv says (English until core/udp is converted).',
  },
  rxPortUnreachable: {
    id: 'ip.rx.portUnreachable',
    defaultMessage: 'port unreachable: no socket is bound to the destination port',
  },
  rxRecvmsg: {
    id: 'ip.rx.recvmsg',
    defaultMessage:
      '<code>recvfrom()</code> copies the {n} payload bytes after the 8-byte UDP header: one <code>sendto()</code>, one <code>recvfrom()</code> (<code>InDatagrams</code>)',
  },
  rxReceived: { id: 'ip.rx.received', defaultMessage: 'the bound UDP socket receives {n} bytes' },
});
