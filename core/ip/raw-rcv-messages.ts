/**
 * The words of a raw socket's datagram on its way back up (raw-rcv.ts, receive.ts), as catalog
 * messages (core/i18n). Kernel identifiers are `<code>`. Apart from the send side's
 * (raw-messages.ts), so a page that only cuts a datagram (send-wire.ts) fetches none of them.
 */
import { defineMessages } from '../i18n/index.ts';

export const RRM = defineMessages({
  handlerStep: {
    id: 'ip.raw.handlerStep',
    defaultMessage:
      'the {nhl}-byte IP header is pulled; raw sockets bound to protocol {protocol} get a copy (<code>raw_local_deliver</code>); then <code>{handler}</code> takes the datagram: {why}',
  },
  handlerDropped: {
    id: 'ip.raw.handlerDropped',
    defaultMessage:
      'raw sockets of protocol {protocol} receive the datagram; <code>{handler}</code> {dropped, select, yes {drops its copy} other {consumes its copy}}',
  },
  icmpCsum: {
    id: 'ip.raw.icmpCsum',
    defaultMessage:
      'the ICMP checksum over its {len} bytes is wrong: <code>InMsgs</code>, <code>InCsumErrors</code>, <code>InErrors</code>, dropped (<code>ICMP_CSUM</code>)',
  },
  icmpShort: {
    id: 'ip.raw.icmpShort',
    defaultMessage:
      'the checksum holds, but {len} bytes are fewer than the 8-byte ICMP header: <code>InErrors</code>, dropped',
  },
  icmpUnknown: {
    id: 'ip.raw.icmpUnknown',
    defaultMessage:
      'the checksum holds; type {type} is above 18 (<code>NR_ICMP_TYPES</code>) and unknown types are discarded (RFC 1122): <code>InType{type}</code>, <code>InErrors</code>, dropped (<code>UNHANDLED_PROTO</code>)',
  },
  igmp: {
    id: 'ip.raw.igmp',
    defaultMessage:
      'the first bytes ({len} in all) are no IGMP message it handles (type {type}): freed (<code>kfree_skb</code>), no counter moves',
  },
  fragNoHeader: {
    id: 'ip.raw.fragNoHeader',
    defaultMessage:
      'protocol 44: {len, select, nested {a reassembled packet} other {{len} bytes}} cannot carry a fragment header (<code>fail_hdr</code>, Parameter Problem)',
  },
  fragHeader: {
    id: 'ip.raw.fragHeader',
    defaultMessage:
      'protocol 44, read as a fragment header: next {next}, offset {offset}, {mf, select, yes {MF} other {last}}, {data} bytes: {verdict, select, past {ends past 65,535, Parameter Problem} rounded {MF off a multiple of 8, Parameter Problem} empty {empty, queue killed} other {queued for ever}}',
  },
  csumBad: {
    id: 'ip.raw.csumBad',
    defaultMessage:
      'the checksum fails: <code>rawv6_rcv</code> drops the raw socket’s clone{handler, select, none {} other {, <code>{handler}</code> the packet}}',
  },
  icmp6Short: {
    id: 'ip.raw.icmp6Short',
    defaultMessage:
      'the checksum the kernel wrote holds, but {len} bytes are fewer than the 8-byte ICMPv6 header: <code>InErrors</code>, dropped',
  },
  icmp6NotifyShort: {
    id: 'ip.raw.icmp6NotifyShort',
    defaultMessage:
      'type {type} is an error message (below 128): <code>icmpv6_notify</code> wants the quoted IPv6 header and 8 bytes of what follows it, {quoted} bytes are too few: <code>InType{type}</code>, <code>InErrors</code>, dropped (<code>PKT_TOO_SMALL</code>)',
  },
  icmp6Notified: {
    id: 'ip.raw.icmp6Notified',
    defaultMessage:
      'type {type} is an error message (below 128): <code>icmpv6_notify</code> hands the quoted packet to protocol {inner}, which has no error handler; <code>InType{type}</code>, the message is consumed',
  },
  nodata: {
    id: 'ip.raw.nodata',
    defaultMessage:
      'protocol 59 means “no next header”: its handler <code>dst_discard</code> frees the packet (<code>dst_discard_out</code>)',
  },
  exthdr: {
    id: 'ip.raw.exthdr',
    defaultMessage:
      'each of the {n, plural, one {# packet} other {# packets}} starts with a {rthdr, select, yes {routing} other {destination-options}} header ({hdrlen} bytes, read from the payload’s first bytes), which <code>{handler}</code> parses before any reassembly; {anyShort, select, yes {too short for it: {short} (<code>InHdrErrors</code>, freed); } other {}}{anyParsed, select, yes {{rthdr, select, yes {in {parsed} an unknown routing type {type} with segments left draws ICMPv6 Parameter Problem (<code>InHdrErrors</code>, freed)} other {in {parsed} the first option’s type says “discard the packet” (<code>ip6_tlvopt_unknown</code>, <code>InHdrErrors</code>)}}} other {}}',
  },
  udp: {
    id: 'ip.raw.udp',
    defaultMessage: 'it reads the payload as a {lite, select, yes {UDP-Lite} other {UDP}} header: {why}',
  },
});
