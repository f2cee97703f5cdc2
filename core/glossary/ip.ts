/**
 * IP output and fragmentation: the words of the Fragmentation and Journey labs.
 * Each entry: the key as shown (never translated), a plain message for a first-year student, the
 * kernel detail, and where it lives in the kernel. The Chinese is in core/i18n/locales/zh-CN.json.
 */
import { defineMessages, msg } from '../i18n/index.ts';
import type { GlossaryEntry } from './types.ts';

const M = defineMessages({
  MTU_plain: {
    id: 'glossary.MTU.plain',
    defaultMessage:
      'The MTU (maximum transmission unit) is the largest IP packet a link can carry in one piece, headers included. On Ethernet it is 1,500 bytes. A bigger datagram must be cut into fragments or refused.',
    description: 'Glossary plain of MTU.',
  },
  MTU_detail: {
    id: 'glossary.MTU.detail',
    defaultMessage:
      'Each device keeps it in <code>dev->mtu</code> (<code>ip link set dev lo mtu 1500</code> changes it; loopback starts at 65,536). The IPv4 floor is 68 (<code>IPV4_MIN_MTU</code>) and the ceiling 65,535 (<code>IP_MAX_MTU</code>); a route may carry a smaller path MTU.',
    description: 'Glossary detail of MTU.',
  },
  PMTU_name: {
    id: 'glossary.PMTU.name',
    defaultMessage: 'path MTU discovery',
    description: 'Glossary name of PMTU.',
  },
  PMTU_plain: {
    id: 'glossary.PMTU.plain',
    defaultMessage:
      'The path MTU is the smallest MTU on the whole way to the destination. With path MTU discovery the sender sets <code>DF</code> on its packets and lowers its packet size when a router answers that a packet was too big, so nobody on the path has to fragment.',
    description: 'Glossary plain of PMTU.',
  },
  PMTU_detail: {
    id: 'glossary.PMTU.detail',
    defaultMessage:
      'The socket option <code>IP_MTU_DISCOVER</code> picks the mode: <code>IP_PMTUDISC_DONT</code>, <code>IP_PMTUDISC_WANT</code> (the default), <code>IP_PMTUDISC_DO</code>, <code>IP_PMTUDISC_PROBE</code>… In <code>WANT</code> mode a datagram that fits the path MTU leaves with <code>DF</code>, a larger one is fragmented locally without <code>DF</code>. Learned values are cached in the route (<code>rt_pmtu</code>).',
    description: 'Glossary detail of PMTU.',
  },
  fragment_name: {
    id: 'glossary.fragment.name',
    defaultMessage: 'fragment',
    description: 'Glossary name of fragment.',
  },
  fragment_plain: {
    id: 'glossary.fragment.plain',
    defaultMessage:
      'A fragment is one piece of an IP datagram that was too big for the MTU. Each piece gets its own IP header and travels as a separate packet; the receiver glues the pieces back together (reassembly) before UDP sees the datagram.',
    description: 'Glossary plain of fragment.',
  },
  fragment_detail: {
    id: 'glossary.fragment.detail',
    defaultMessage:
      'On the sender, <code>__ip_append_data</code> already cuts the data into skbs of at most <code>maxfraglen</code> bytes, chained on a <code>frag_list</code>; <code>ip_do_fragment</code> then writes each fragment header (offset, <code>MF</code>, the same id). Every fragment but the last carries a multiple of 8 data bytes.',
    description: 'Glossary detail of fragment.',
  },
  fragsize_plain: {
    id: 'glossary.fragsize.plain',
    defaultMessage:
      'The packet size the kernel aims at for this send: normally the MTU of the route the datagram takes. Everything else in the fragmentation arithmetic starts from it.',
    description: 'Glossary plain of fragsize.',
  },
  fragsize_detail: {
    id: 'glossary.fragsize.detail',
    defaultMessage:
      '<code>ip_setup_cork</code> sets <code>cork->fragsize</code> to the path MTU (<code>dst_mtu</code>) when the socket uses PMTU (modes <code>DONT</code>, <code>WANT</code>, <code>DO</code>), else to the device MTU (<code>PROBE</code>, <code>INTERFACE</code>, <code>OMIT</code>). Below 68 the send fails with <code>ENETUNREACH</code>. <code>__ip_append_data</code> reads it as <code>mtu</code>.',
    description: 'Glossary detail of fragsize.',
  },
  fragheaderlen_plain: {
    id: 'glossary.fragheaderlen.plain',
    defaultMessage:
      'The size of the IP header each fragment starts with: 20 bytes, plus any IP options. Every packet pays it, so it is taken off the MTU before the data is shared out.',
    description: 'Glossary plain of fragheaderlen.',
  },
  fragheaderlen_detail: {
    id: 'glossary.fragheaderlen.detail',
    defaultMessage:
      'In <code>__ip_append_data</code>: <code>fragheaderlen = sizeof(struct iphdr) + (opt ? opt->optlen : 0)</code>. Options are padded to a multiple of 4, so it is 20 to 60 and always equals <code>ihl * 4</code> of the first fragment.',
    description: 'Glossary detail of fragheaderlen.',
  },
  maxfraglen_plain: {
    id: 'glossary.maxfraglen.plain',
    defaultMessage:
      'The largest size a fragment that is not the last one may have. Its data part is rounded down to a multiple of 8, because the next fragment offset can only be given in units of 8 bytes.',
    description: 'Glossary plain of maxfraglen.',
  },
  maxfraglen_detail: {
    id: 'glossary.maxfraglen.detail',
    defaultMessage:
      '<code>maxfraglen = ((mtu - fragheaderlen) &amp; ~7) + fragheaderlen</code>. At MTU 1,500 without options that is 1,500; at 1,280 it is 1,276 (1,260 rounded down to 1,256, plus 20). A datagram that fits whole may still fill the packet up to <code>mtu</code>.',
    description: 'Glossary detail of maxfraglen.',
  },
  maxnonfragsize_plain: {
    id: 'glossary.maxnonfragsize.plain',
    defaultMessage:
      'The largest datagram this socket may send at all. If fragmenting is allowed it is 65,535 bytes (the IP length field is 16 bits); if the socket insists on <code>DF</code> it is the MTU. Anything bigger is refused with <code>EMSGSIZE</code>.',
    description: 'Glossary plain of maxnonfragsize.',
  },
  maxnonfragsize_detail: {
    id: 'glossary.maxnonfragsize.detail',
    defaultMessage:
      '<code>maxnonfragsize = ip_sk_ignore_df(sk) ? IP_MAX_MTU : mtu</code>. The check is <code>cork->length + length > maxnonfragsize - fragheaderlen</code> → <code>ip_local_error(…, EMSGSIZE, …)</code>; so UDP carries at most 65,507 payload bytes (65,535 − 20 − 8).',
    description: 'Glossary detail of maxnonfragsize.',
  },
  dataPerFragment_plain: {
    id: 'glossary.dataPerFragment.plain',
    defaultMessage:
      'How many bytes of the datagram each full fragment carries. At MTU 1,500 it is 1,480: the MTU minus the 20-byte IP header. 1,480 is also a multiple of 8, which it must be, because the next fragment says where it starts in units of 8 bytes.',
    description: 'Glossary plain of dataPerFragment.',
  },
  dataPerFragment_detail: {
    id: 'glossary.dataPerFragment.detail',
    defaultMessage:
      'sockscope names it; the kernel computes it as <code>maxfraglen - fragheaderlen</code>, i.e. <code>(mtu - fragheaderlen) &amp; ~7</code>. A 4,000-byte UDP send (4,008 bytes with its header) at MTU 1,500 leaves as 1,480 + 1,480 + 1,048 bytes, at offsets 0, 185 and 370 (×8).',
    description: 'Glossary detail of dataPerFragment.',
  },
  MF_plain: {
    id: 'glossary.MF.plain',
    defaultMessage:
      'The "more fragments" flag in the IP header. It is set on every fragment except the last one, so the receiver knows more pieces follow and which piece closes the datagram.',
    description: 'Glossary plain of MF.',
  },
  MF_detail: {
    id: 'glossary.MF.detail',
    defaultMessage:
      'Bit <code>IP_MF</code> (0x2000) of <code>iph->frag_off</code>. <code>ip_do_fragment</code> sets it on all but the last fragment (the last keeps the original flag). In <code>ip_frag_queue</code>, a fragment without <code>MF</code> fixes the datagram length and sets <code>INET_FRAG_LAST_IN</code>.',
    description: 'Glossary detail of MF.',
  },
  DF_plain: {
    id: 'glossary.DF.plain',
    defaultMessage:
      'The "don’t fragment" flag in the IP header. A packet with <code>DF</code> may not be cut up on its way: a router whose next link is too small drops it and sends back an ICMP "fragmentation needed" message instead.',
    description: 'Glossary plain of DF.',
  },
  DF_detail: {
    id: 'glossary.DF.detail',
    defaultMessage:
      'Bit <code>IP_DF</code> (0x4000) of <code>iph->frag_off</code>. <code>__ip_make_skb</code> sets it in modes <code>DO</code> and <code>PROBE</code>, and in <code>WANT</code> mode when the datagram fits the path MTU. <code>ip_fragment</code> refuses a <code>DF</code> packet that is too big: <code>icmp_send(…, ICMP_FRAG_NEEDED, …)</code> and <code>EMSGSIZE</code>.',
    description: 'Glossary detail of DF.',
  },
  frag_off_name: {
    id: 'glossary.frag_off.name',
    defaultMessage: 'fragment offset',
    description: 'Glossary name of frag_off.',
  },
  frag_off_plain: {
    id: 'glossary.frag_off.plain',
    defaultMessage:
      'Where this fragment’s data belongs in the original datagram, counted in units of 8 bytes. Offset 185 means byte 1,480. The 8-byte unit is why every fragment except the last carries a multiple of 8 bytes.',
    description: 'Glossary plain of frag_off.',
  },
  frag_off_detail: {
    id: 'glossary.frag_off.detail',
    defaultMessage:
      'The low 13 bits of <code>iph->frag_off</code> (<code>IP_OFFSET</code>, 0x1FFF), in network byte order, sharing the 16-bit field with the flags. The receiver computes <code>offset = (ntohs(frag_off) &amp; IP_OFFSET) &lt;&lt; 3</code> in <code>ip_frag_queue</code>; 13 bits × 8 covers 65,528 bytes.',
    description: 'Glossary detail of frag_off.',
  },
  id_name: { id: 'glossary.id.name', defaultMessage: 'IP id', description: 'Glossary name of id.' },
  id_plain: {
    id: 'glossary.id.plain',
    defaultMessage:
      'A 16-bit number in the IP header that names the datagram. All fragments of one datagram carry the same id, so the receiver can tell which pieces belong together.',
    description: 'Glossary plain of id.',
  },
  id_detail: {
    id: 'glossary.id.detail',
    defaultMessage:
      '<code>ip_select_ident</code> fills <code>iph->id</code>: a connected socket counts up its own <code>inet_id</code>; an unconnected one that must not fragment (<code>DF</code> without <code>ignore_df</code>) gets 0; otherwise a hashed per-destination counter (<code>__ip_select_ident</code>) makes it hard to guess. The receiver keys its reassembly queue on (saddr, daddr, id, protocol).',
    description: 'Glossary detail of id.',
  },
  IHL_plain: {
    id: 'glossary.IHL.plain',
    defaultMessage:
      'The IP header length, written in 4-byte words. 5 means the plain 20-byte header; larger values mean IP options follow, up to 15 (60 bytes).',
    description: 'Glossary plain of IHL.',
  },
  IHL_detail: {
    id: 'glossary.IHL.detail',
    defaultMessage:
      'The low 4 bits of the first byte of <code>struct iphdr</code> (<code>iph->ihl</code>). Receivers reject <code>ihl</code> below 5 (<code>ip_rcv_core</code>); <code>__ip_make_skb</code> sets <code>iph->ihl = 5</code> and adds <code>optlen / 4</code> when there are options.',
    description: 'Glossary detail of IHL.',
  },
  ip_options_name: {
    id: 'glossary.ip_options.name',
    defaultMessage: 'IP options',
    description: 'Glossary name of ip_options.',
  },
  ip_options_plain: {
    id: 'glossary.ip_options.plain',
    defaultMessage:
      'Extra fields after the fixed 20-byte IP header, such as record route or a timestamp. They make every fragment’s header bigger, and some of them are copied into every fragment while others stay only in the first one.',
    description: 'Glossary plain of ip_options.',
  },
  ip_options_detail: {
    id: 'glossary.ip_options.detail',
    defaultMessage:
      'The high bit of an option’s type byte is the copied flag (<code>IPOPT_COPY</code>, 0x80). After the first fragment is built, <code>ip_options_fragment</code> overwrites every option without it with <code>IPOPT_NOOP</code>, so the header keeps its length. Options are set with <code>IP_OPTIONS</code> or a cmsg and held in <code>struct ip_options</code>.',
    description: 'Glossary detail of ip_options.',
  },
  IP_HDRINCL_plain: {
    id: 'glossary.IP_HDRINCL.plain',
    defaultMessage:
      'A raw socket option meaning "I write the IP header myself". The kernel sends the bytes almost as given and does not fragment them, so the packet must fit the device MTU.',
    description: 'Glossary plain of IP_HDRINCL.',
  },
  IP_HDRINCL_detail: {
    id: 'glossary.IP_HDRINCL.detail',
    defaultMessage:
      '<code>raw_send_hdrinc</code> refuses a packet longer than <code>rt->dst.dev->mtu</code> with <code>EMSGSIZE</code>. If <code>ihl >= 5</code> it still fixes the header: <code>tot_len</code> and the checksum always, <code>saddr</code> and <code>id</code> when they are 0. IP options together with <code>IP_HDRINCL</code> give <code>EINVAL</code>.',
    description: 'Glossary detail of IP_HDRINCL.',
  },
  MSG_MORE_plain: {
    id: 'glossary.MSG_MORE.plain',
    defaultMessage:
      'A send flag that says "more data for this datagram is coming". UDP holds the data instead of sending it, and the next send without the flag sends everything as one datagram.',
    description: 'Glossary plain of MSG_MORE.',
  },
  MSG_MORE_detail: {
    id: 'glossary.MSG_MORE.detail',
    defaultMessage:
      '<code>MSG_MORE</code> (0x8000) corks the socket for one call: <code>udp_sendmsg</code> appends to the write queue with <code>ip_append_data</code>, and <code>udp_push_pending_frames</code> sends when a call comes without it. Appending to an existing skb takes the page-fragment path on a device with <code>NETIF_F_SG</code>.',
    description: 'Glossary detail of MSG_MORE.',
  },
  cork_plain: {
    id: 'glossary.cork.plain',
    defaultMessage:
      'Corking means holding data back so that several writes leave as one datagram, like putting a cork in a bottle until it is full. The cork also remembers the settings of the send, such as its packet size.',
    description: 'Glossary plain of cork.',
  },
  cork_detail: {
    id: 'glossary.cork.detail',
    defaultMessage:
      '<code>struct inet_cork</code> (in <code>inet_sock</code>) holds <code>fragsize</code>, <code>length</code>, the options, <code>gso_size</code>, ttl and tos for the datagram being built. <code>ip_setup_cork</code> fills it; <code>UDP_CORK</code> (a socket option) or <code>MSG_MORE</code> (one call) keep it open.',
    description: 'Glossary detail of cork.',
  },
  ICMP_FRAG_NEEDED_plain: {
    id: 'glossary.ICMP_FRAG_NEEDED.plain',
    defaultMessage:
      'The ICMP error "destination unreachable, fragmentation needed": a packet with <code>DF</code> was too big for the next link. It carries that link’s MTU, so the sender can resend smaller packets.',
    description: 'Glossary plain of ICMP_FRAG_NEEDED.',
  },
  ICMP_FRAG_NEEDED_detail: {
    id: 'glossary.ICMP_FRAG_NEEDED.detail',
    defaultMessage:
      'Type 3 (<code>ICMP_DEST_UNREACH</code>), code 4 (<code>ICMP_FRAG_NEEDED</code>), next-hop MTU in the last 16 bits of the ICMP header. <code>ip_fragment</code> sends it with <code>icmp_send</code> and returns <code>EMSGSIZE</code>; on receipt the route’s PMTU is lowered. IPv6 calls it Packet Too Big (<code>ICMPV6_PKT_TOOBIG</code>).',
    description: 'Glossary detail of ICMP_FRAG_NEEDED.',
  },
  EMSGSIZE_plain: {
    id: 'glossary.EMSGSIZE.plain',
    defaultMessage:
      'The error "message too long": the datagram is bigger than this socket may send. For UDP that means more than 65,507 bytes of payload, or more than fits the MTU when fragmenting is forbidden.',
    description: 'Glossary plain of EMSGSIZE.',
  },
  EMSGSIZE_detail: {
    id: 'glossary.EMSGSIZE.detail',
    defaultMessage:
      'Errno 90. Returned by <code>__ip_append_data</code> when <code>cork->length + length > maxnonfragsize - fragheaderlen</code>, by <code>udp_sendmsg</code> for <code>len > 0xFFFF</code>, by <code>raw_send_hdrinc</code> above the device MTU, by <code>ip_fragment</code> for a <code>DF</code> packet, and by <code>netlink_sendmsg</code> above <code>sk_sndbuf - 32</code>.',
    description: 'Glossary detail of EMSGSIZE.',
  },
  ENOBUFS_plain: {
    id: 'glossary.ENOBUFS.plain',
    defaultMessage:
      'The error "no buffer space available": the kernel would not take more memory for this socket right now. The data was not sent (or, for a netlink listener, some messages were lost).',
    description: 'Glossary plain of ENOBUFS.',
  },
  ENOBUFS_detail: {
    id: 'glossary.ENOBUFS.detail',
    defaultMessage:
      'Errno 105. <code>__ip_append_data</code> returns it when a later fragment would push <code>sk_wmem_alloc</code> past <code>2 * sk_sndbuf</code>; <code>inet6_create</code> and <code>packet_create</code> return it when <code>sk_alloc</code> fails. A netlink socket whose receive buffer overflowed reads it once from <code>recvmsg</code> (<code>netlink_overrun</code>), unless <code>NETLINK_NO_ENOBUFS</code> is set.',
    description: 'Glossary detail of ENOBUFS.',
  },
  errno_plain: {
    id: 'glossary.errno.plain',
    defaultMessage:
      'The number that says why a system call failed. The kernel returns it as a negative value; the C library stores it in the variable <code>errno</code> and returns -1, and <code>strerror()</code> turns it into text.',
    description: 'Glossary plain of errno.',
  },
  errno_detail: {
    id: 'glossary.errno.detail',
    defaultMessage:
      'The numbers are defined in <code>include/uapi/asm-generic/errno-base.h</code> (1–34) and <code>errno.h</code>; kernel functions return <code>-EMSGSIZE</code>, <code>-ENOBUFS</code> and so on. Netlink carries them in <code>struct nlmsgerr</code>: <code>error</code> is the negative errno, 0 for an ack.',
    description: 'Glossary detail of errno.',
  },
  loopback_name: {
    id: 'glossary.loopback.name',
    defaultMessage: 'loopback',
    description: 'Glossary name of loopback.',
  },
  loopback_plain: {
    id: 'glossary.loopback.plain',
    defaultMessage:
      'The loopback device <code>lo</code> is a pretend network card: whatever is sent through it comes straight back to the same machine. sockscope’s recordings were made on it, so every packet is both sent and received here.',
    description: 'Glossary plain of loopback.',
  },
  loopback_detail: {
    id: 'glossary.loopback.detail',
    defaultMessage:
      '<code>loopback_setup</code> gives <code>lo</code> an MTU of 65,536, Ethernet header ops (<code>hard_header_len</code> 14, so <code>hh_len</code> is 16) and features such as <code>NETIF_F_SG</code> and <code>NETIF_F_HW_CSUM</code>. <code>loopback_xmit</code> hands the skb back to the receive path with <code>__netif_rx</code>.',
    description: 'Glossary detail of loopback.',
  },
  netns_name: {
    id: 'glossary.netns.name',
    defaultMessage: 'network namespace',
    description: 'Glossary name of netns.',
  },
  netns_plain: {
    id: 'glossary.netns.plain',
    defaultMessage:
      'A network namespace is a separate copy of the whole network stack: its own devices, addresses, routes, sockets and settings. Containers use them; sockscope’s recordings ran in fresh ones so nothing else interfered.',
    description: 'Glossary plain of netns.',
  },
  netns_detail: {
    id: 'glossary.netns.detail',
    defaultMessage:
      'Each is a <code>struct net</code>; <code>ip netns add</code> creates one (<code>copy_net_ns</code>). Per-namespace settings include the fragment sysctls (<code>net->ipv4.fqdir</code>: <code>ipfrag_time</code>, <code>ipfrag_high_thresh</code>…) and the SNMP counters, and a new namespace has only its own <code>lo</code>.',
    description: 'Glossary detail of netns.',
  },
});

export const IP_TERMS: readonly GlossaryEntry[] = [
  {
    key: 'MTU',
    plain: msg(M.MTU_plain),
    detail: msg(M.MTU_detail),
    file: 'include/linux/netdevice.h',
    ident: 'net_device',
    related: ['PMTU', 'fragsize', 'maxfraglen', 'fragment'],
    match: ['MTU'],
  },
  {
    key: 'PMTU',
    name: msg(M.PMTU_name),
    plain: msg(M.PMTU_plain),
    detail: msg(M.PMTU_detail),
    file: 'include/net/ip.h',
    ident: 'ip_sk_use_pmtu',
    related: ['MTU', 'DF', 'ICMP_FRAG_NEEDED', 'fragsize'],
    match: ['PMTU', 'path MTU', 'path MTU discovery', 'PMTU discovery', 'IP_MTU_DISCOVER', 'pmtudisc'],
  },
  {
    key: 'fragment',
    name: msg(M.fragment_name),
    plain: msg(M.fragment_plain),
    detail: msg(M.fragment_detail),
    file: 'net/ipv4/ip_output.c',
    ident: 'ip_do_fragment',
    related: ['MTU', 'frag_off', 'MF', 'maxfraglen', 'dataPerFragment', 'ipq'],
    match: ['fragment', 'fragments', 'fragmented', 'fragmentation', '分片'],
  },
  {
    key: 'fragsize',
    plain: msg(M.fragsize_plain),
    detail: msg(M.fragsize_detail),
    file: 'net/ipv4/ip_output.c',
    ident: 'ip_setup_cork',
    related: ['MTU', 'PMTU', 'cork', 'maxfraglen'],
    match: ['fragsize', 'cork->fragsize'],
  },
  {
    key: 'fragheaderlen',
    plain: msg(M.fragheaderlen_plain),
    detail: msg(M.fragheaderlen_detail),
    file: 'net/ipv4/ip_output.c',
    ident: '__ip_append_data',
    related: ['IHL', 'ip_options', 'maxfraglen'],
    match: ['fragheaderlen'],
  },
  {
    key: 'maxfraglen',
    plain: msg(M.maxfraglen_plain),
    detail: msg(M.maxfraglen_detail),
    file: 'net/ipv4/ip_output.c',
    ident: '__ip_append_data',
    related: ['fragheaderlen', 'fragsize', 'dataPerFragment', 'frag_off'],
    match: ['maxfraglen'],
  },
  {
    key: 'maxnonfragsize',
    plain: msg(M.maxnonfragsize_plain),
    detail: msg(M.maxnonfragsize_detail),
    file: 'net/ipv4/ip_output.c',
    ident: '__ip_append_data',
    related: ['EMSGSIZE', 'PMTU', 'DF', 'fragsize'],
    match: ['maxnonfragsize'],
  },
  {
    key: 'dataPerFragment',
    plain: msg(M.dataPerFragment_plain),
    detail: msg(M.dataPerFragment_detail),
    file: 'net/ipv4/ip_output.c',
    ident: '__ip_append_data',
    related: ['maxfraglen', 'fragheaderlen', 'frag_off', 'MTU'],
    match: ['dataPerFragment', 'data per fragment'],
  },
  {
    key: 'MF',
    plain: msg(M.MF_plain),
    detail: msg(M.MF_detail),
    file: 'include/net/ip.h',
    ident: 'IP_MF',
    related: ['DF', 'frag_off', 'fragment', 'LAST_IN'],
    match: ['MF', 'IP_MF', 'More Fragments'],
  },
  {
    key: 'DF',
    plain: msg(M.DF_plain),
    detail: msg(M.DF_detail),
    file: 'include/net/ip.h',
    ident: 'IP_DF',
    related: ['MF', 'PMTU', 'ICMP_FRAG_NEEDED', 'EMSGSIZE'],
    match: ['DF', 'IP_DF', "Don't Fragment"],
  },
  {
    key: 'frag_off',
    name: msg(M.frag_off_name),
    plain: msg(M.frag_off_plain),
    detail: msg(M.frag_off_detail),
    file: 'include/uapi/linux/ip.h',
    ident: 'iphdr',
    related: ['MF', 'DF', 'dataPerFragment', 'maxfraglen'],
    match: ['frag_off', 'fragment offset', 'IP_OFFSET', '片偏移'],
  },
  {
    key: 'id',
    name: msg(M.id_name),
    plain: msg(M.id_plain),
    detail: msg(M.id_detail),
    file: 'include/net/ip.h',
    ident: 'ip_select_ident',
    related: ['fragment', 'ipq', 'frag_off'],
    match: ['IP id', 'IP ID', 'iph->id', 'IP identification'],
  },
  {
    key: 'IHL',
    plain: msg(M.IHL_plain),
    detail: msg(M.IHL_detail),
    file: 'include/uapi/linux/ip.h',
    ident: 'iphdr',
    related: ['fragheaderlen', 'ip_options'],
    match: ['IHL', 'ihl'],
  },
  {
    key: 'ip_options',
    name: msg(M.ip_options_name),
    plain: msg(M.ip_options_plain),
    detail: msg(M.ip_options_detail),
    file: 'net/ipv4/ip_options.c',
    ident: 'ip_options_fragment',
    related: ['IHL', 'fragheaderlen', 'fragment'],
    match: ['ip_options', 'IP options', 'IP option', 'copied flag', 'IPOPT_COPY', 'optlen'],
  },
  {
    key: 'IP_HDRINCL',
    plain: msg(M.IP_HDRINCL_plain),
    detail: msg(M.IP_HDRINCL_detail),
    file: 'net/ipv4/raw.c',
    ident: 'raw_send_hdrinc',
    related: ['SOCK_RAW', 'IHL', 'id', 'EMSGSIZE'],
    match: ['IP_HDRINCL', 'HDRINCL', 'hdrincl'],
  },
  {
    key: 'MSG_MORE',
    plain: msg(M.MSG_MORE_plain),
    detail: msg(M.MSG_MORE_detail),
    file: 'net/ipv4/udp.c',
    ident: 'udp_sendmsg',
    related: ['cork', 'fragment', 'NETIF_F_SG'],
    match: ['MSG_MORE'],
  },
  {
    key: 'cork',
    plain: msg(M.cork_plain),
    detail: msg(M.cork_detail),
    file: 'include/net/inet_sock.h',
    ident: 'inet_cork',
    related: ['MSG_MORE', 'fragsize', 'maxnonfragsize'],
    match: ['cork', 'corked', 'UDP_CORK', 'inet_cork'],
  },
  {
    key: 'ICMP_FRAG_NEEDED',
    plain: msg(M.ICMP_FRAG_NEEDED_plain),
    detail: msg(M.ICMP_FRAG_NEEDED_detail),
    file: 'net/ipv4/icmp.c',
    ident: 'icmp_send',
    related: ['DF', 'PMTU', 'EMSGSIZE'],
    match: ['ICMP_FRAG_NEEDED', 'ICMP frag needed', 'fragmentation needed', 'Packet Too Big', 'frag-needed'],
  },
  {
    key: 'EMSGSIZE',
    plain: msg(M.EMSGSIZE_plain),
    detail: msg(M.EMSGSIZE_detail),
    file: 'include/uapi/asm-generic/errno.h',
    ident: 'EMSGSIZE',
    related: ['maxnonfragsize', 'DF', 'IP_HDRINCL', 'errno'],
    match: ['EMSGSIZE'],
  },
  {
    key: 'ENOBUFS',
    plain: msg(M.ENOBUFS_plain),
    detail: msg(M.ENOBUFS_detail),
    file: 'include/uapi/asm-generic/errno.h',
    ident: 'ENOBUFS',
    related: ['sk_sndbuf', 'sk_rcvbuf', 'errno', 'netlink'],
    match: ['ENOBUFS'],
  },
  {
    key: 'errno',
    plain: msg(M.errno_plain),
    detail: msg(M.errno_detail),
    file: 'include/uapi/asm-generic/errno-base.h',
    related: ['EMSGSIZE', 'ENOBUFS', 'socket()'],
    match: ['errno'],
  },
  {
    key: 'loopback',
    name: msg(M.loopback_name),
    plain: msg(M.loopback_plain),
    detail: msg(M.loopback_detail),
    file: 'drivers/net/loopback.c',
    ident: 'loopback_setup',
    related: ['MTU', 'hh_len', 'netns'],
    match: ['loopback', 'lo'],
  },
  {
    key: 'netns',
    name: msg(M.netns_name),
    plain: msg(M.netns_plain),
    detail: msg(M.netns_detail),
    file: 'include/net/net_namespace.h',
    ident: 'net',
    related: ['loopback', 'ipfrag_high_thresh'],
    match: ['netns', 'network namespace', 'network namespaces', 'ip netns', '网络命名空间'],
  },
];
