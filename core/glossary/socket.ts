/**
 * Socket creation and dispatch: the words of the Socket lab.
 * Each entry: the key as shown (never translated), a plain message for a first-year student, the
 * kernel detail, and where it lives in the kernel. The Chinese is in core/i18n/locales/zh-CN.json.
 */
import { defineMessages, msg } from '../i18n/index.ts';
import type { GlossaryEntry } from './types.ts';

const M = defineMessages({
  socket_plain: {
    id: 'glossary.socket.plain',
    defaultMessage:
      'The system call that creates a socket, the endpoint a program sends and receives through. It returns a file descriptor, or -1 and an <code>errno</code> saying why no socket could be made.',
    description: 'Glossary plain of socket().',
  },
  socket_detail: {
    id: 'glossary.socket.detail',
    defaultMessage:
      '<code>__sys_socket</code> checks the flag bits of <code>type</code> (<code>SOCK_NONBLOCK</code>, <code>SOCK_CLOEXEC</code>), then <code>__sock_create</code> checks the family and type ranges, allocates a <code>struct socket</code> and calls the family’s <code>net_families[family]->create</code> (for IPv4 <code>inet_create</code>); <code>sock_map_fd</code> gives it a file descriptor.',
    description: 'Glossary detail of socket().',
  },
  domain_type_protocol_name: {
    id: 'glossary.domain_type_protocol.name',
    defaultMessage: 'domain, type, protocol',
    description: 'Glossary name of domain/type/protocol.',
  },
  domain_type_protocol_plain: {
    id: 'glossary.domain_type_protocol.plain',
    defaultMessage:
      'The three arguments of <code>socket()</code>. The domain picks the address family (<code>AF_INET</code> for IPv4, <code>AF_NETLINK</code>…), the type picks the kind of service (a stream, datagrams, raw packets), and the protocol picks one protocol of that kind, 0 meaning "the usual one".',
    description: 'Glossary plain of domain/type/protocol.',
  },
  domain_type_protocol_detail: {
    id: 'glossary.domain_type_protocol.detail',
    defaultMessage:
      '<code>__sock_create</code>: <code>family</code> outside <code>0..AF_MAX-1</code> gives <code>EAFNOSUPPORT</code>, <code>type</code> outside <code>0..SOCK_MAX-1</code> gives <code>EINVAL</code>. The family’s <code>create</code> then interprets type and protocol; <code>inet_create</code> rejects a protocol outside <code>0..255</code> with <code>EINVAL</code> and searches <code>inetsw[type]</code>.',
    description: 'Glossary detail of domain/type/protocol.',
  },
  proto_ops_plain: {
    id: 'glossary.proto_ops.plain',
    defaultMessage:
      'A table of functions that says how one kind of socket does each operation (<code>bind</code>, <code>connect</code>, <code>sendmsg</code>…). The system call layer calls through this table, so the same <code>sendmsg()</code> reaches UDP, TCP or netlink code.',
    description: 'Glossary plain of proto_ops.',
  },
  proto_ops_detail: {
    id: 'glossary.proto_ops.detail',
    defaultMessage:
      '<code>struct proto_ops</code> hangs off <code>sock->ops</code>; <code>inet_create</code> sets it from the <code>inetsw</code> entry: <code>inet_stream_ops</code> for TCP, <code>inet_dgram_ops</code> for UDP, <code>inet_sockraw_ops</code> for raw and ping. Operations a type does not support are <code>sock_no_*</code> stubs returning <code>EOPNOTSUPP</code>.',
    description: 'Glossary detail of proto_ops.',
  },
  proto_plain: {
    id: 'glossary.proto.plain',
    defaultMessage:
      'The second table of functions, one level down: how the transport protocol itself (UDP, TCP, raw, ping) sends, receives and keeps its state. The family’s generic code calls into it.',
    description: 'Glossary plain of proto.',
  },
  proto_detail: {
    id: 'glossary.proto.detail',
    defaultMessage:
      '<code>struct proto</code> in <code>include/net/sock.h</code>, reached as <code>sk->sk_prot</code>; <code>udp_prot</code>, <code>tcp_prot</code>, <code>raw_prot</code>, <code>ping_prot</code>. <code>sk_alloc</code> sizes the <code>struct sock</code> by <code>prot->obj_size</code>; <code>inet_sendmsg</code> calls <code>sk->sk_prot->sendmsg</code> (<code>udp_sendmsg</code>…).',
    description: 'Glossary detail of proto.',
  },
  inetsw_plain: {
    id: 'glossary.inetsw.plain',
    defaultMessage:
      'The IPv4 list of which protocols exist for each socket type, and which function tables each one uses. <code>socket()</code> looks the requested type and protocol up in it.',
    description: 'Glossary plain of inetsw.',
  },
  inetsw_detail: {
    id: 'glossary.inetsw.detail',
    defaultMessage:
      '<code>inetsw[SOCK_MAX]</code> is an array of lists of <code>struct inet_protosw</code> (<code>type</code>, <code>protocol</code>, <code>prot</code>, <code>ops</code>, <code>flags</code>), filled from <code>inetsw_array</code> by <code>inet_register_protosw</code>. The <code>SOCK_DGRAM</code> list is UDP, UDP-Lite, ICMP, so protocol 0 picks UDP; <code>SOCK_RAW</code> holds one wildcard entry with protocol 0.',
    description: 'Glossary detail of inetsw.',
  },
  net_proto_family_plain: {
    id: 'glossary.net_proto_family.plain',
    defaultMessage:
      'The registration of an address family with the socket layer: its number and the function that creates its sockets. <code>socket()</code> picks the entry by the domain argument.',
    description: 'Glossary plain of net_proto_family.',
  },
  net_proto_family_detail: {
    id: 'glossary.net_proto_family.detail',
    defaultMessage:
      '<code>struct net_proto_family</code> (<code>family</code>, <code>create</code>, <code>owner</code>), registered with <code>sock_register</code> into <code>net_families[]</code>: <code>inet_family_ops</code> → <code>inet_create</code>, <code>netlink_family_ops</code> → <code>netlink_create</code>. A missing family triggers <code>request_module("net-pf-%d")</code>, then <code>EAFNOSUPPORT</code>.',
    description: 'Glossary detail of net_proto_family.',
  },
  struct_sock_plain: {
    id: 'glossary.struct_sock.plain',
    defaultMessage:
      'The protocol’s side of a socket: its state, its queues and its buffer accounting. It is the object the network stack works with, while <code>struct socket</code> is the side the file system and system calls see.',
    description: 'Glossary plain of struct sock.',
  },
  struct_sock_detail: {
    id: 'glossary.struct_sock.detail',
    defaultMessage:
      '<code>struct sock</code> (<code>include/net/sock.h</code>), allocated by <code>sk_alloc</code> with <code>prot->obj_size</code> bytes, so it is the first part of <code>inet_sock</code>, <code>udp_sock</code>, <code>tcp_sock</code>. It holds <code>sk_prot</code>, <code>sk_sndbuf</code>, <code>sk_rcvbuf</code>, <code>sk_receive_queue</code>, <code>sk_write_queue</code>; <code>sk->sk_socket</code> points back.',
    description: 'Glossary detail of struct sock.',
  },
  struct_socket_plain: {
    id: 'glossary.struct_socket.plain',
    defaultMessage:
      'The file-facing side of a socket: what the file descriptor refers to. It records the socket type and state and points to the operation table and to the protocol’s <code>struct sock</code>.',
    description: 'Glossary plain of struct socket.',
  },
  struct_socket_detail: {
    id: 'glossary.struct_socket.detail',
    defaultMessage:
      '<code>struct socket</code> (<code>include/linux/net.h</code>): <code>state</code>, <code>type</code>, <code>flags</code>, <code>file</code>, <code>sk</code>, <code>ops</code>. <code>sock_alloc</code> makes it together with an inode of sockfs; <code>__sock_create</code> sets <code>sock->type</code> and the family’s <code>create</code> sets <code>sock->ops</code> and <code>sock->sk</code>.',
    description: 'Glossary detail of struct socket.',
  },
  SOCK_STREAM_plain: {
    id: 'glossary.SOCK_STREAM.plain',
    defaultMessage:
      'The socket type for a reliable, ordered stream of bytes with no message boundaries. In IPv4 that is TCP.',
    description: 'Glossary plain of SOCK_STREAM.',
  },
  SOCK_STREAM_detail: {
    id: 'glossary.SOCK_STREAM.detail',
    defaultMessage:
      'Value 1. In <code>inetsw[SOCK_STREAM]</code> the permanent entry is <code>IPPROTO_TCP</code> with <code>tcp_prot</code> and <code>inet_stream_ops</code>; modules such as SCTP add more. Protocol 0 or 6 gives TCP, any other (without a module) <code>EPROTONOSUPPORT</code>.',
    description: 'Glossary detail of SOCK_STREAM.',
  },
  SOCK_DGRAM_plain: {
    id: 'glossary.SOCK_DGRAM.plain',
    defaultMessage:
      'The socket type for datagrams: separate messages that keep their boundaries, sent without a connection and without a delivery guarantee. In IPv4 that is UDP (or ping sockets for ICMP).',
    description: 'Glossary plain of SOCK_DGRAM.',
  },
  SOCK_DGRAM_detail: {
    id: 'glossary.SOCK_DGRAM.detail',
    defaultMessage:
      'Value 2. <code>inetsw[SOCK_DGRAM]</code> lists <code>IPPROTO_UDP</code> (<code>udp_prot</code>, <code>inet_dgram_ops</code>), <code>IPPROTO_UDPLITE</code>, and <code>IPPROTO_ICMP</code> (<code>ping_prot</code>, <code>inet_sockraw_ops</code>), whose <code>ping_init_sock</code> checks <code>net.ipv4.ping_group_range</code> and may return <code>EACCES</code>.',
    description: 'Glossary detail of SOCK_DGRAM.',
  },
  SOCK_RAW_plain: {
    id: 'glossary.SOCK_RAW.plain',
    defaultMessage:
      'The socket type for raw IP: the program chooses the protocol number and gets or writes whole packets with little help from the kernel. Because it can forge traffic, it needs the <code>CAP_NET_RAW</code> privilege.',
    description: 'Glossary plain of SOCK_RAW.',
  },
  SOCK_RAW_detail: {
    id: 'glossary.SOCK_RAW.detail',
    defaultMessage:
      'Value 3. <code>inetsw[SOCK_RAW]</code> has one wildcard entry (<code>raw_prot</code>, <code>inet_sockraw_ops</code>) that accepts protocols 1–255, but not 0: <code>socket(AF_INET, SOCK_RAW, 0)</code> is <code>EPROTONOSUPPORT</code>. After the lookup, no <code>CAP_NET_RAW</code> means <code>EPERM</code>; protocol <code>IPPROTO_RAW</code> (255) turns on <code>IP_HDRINCL</code>.',
    description: 'Glossary detail of SOCK_RAW.',
  },
  IPPROTO_plain: {
    id: 'glossary.IPPROTO.plain',
    defaultMessage:
      'The protocol numbers of IP: the number in the IP header that says what the payload is. 6 is TCP, 17 is UDP, 1 is ICMP; <code>socket()</code> takes the same numbers as its protocol argument.',
    description: 'Glossary plain of IPPROTO_*.',
  },
  IPPROTO_detail: {
    id: 'glossary.IPPROTO.detail',
    defaultMessage:
      '<code>include/uapi/linux/in.h</code>: <code>IPPROTO_IP</code> 0, <code>IPPROTO_ICMP</code> 1, <code>IPPROTO_TCP</code> 6, <code>IPPROTO_UDP</code> 17, <code>IPPROTO_UDPLITE</code> 136, <code>IPPROTO_RAW</code> 255, and <code>IPPROTO_MPTCP</code> 262 (socket-only, never on the wire). The value lands in <code>sk->sk_protocol</code> and in <code>iph->protocol</code>.',
    description: 'Glossary detail of IPPROTO_*.',
  },
});

export const SOCKET_TERMS: readonly GlossaryEntry[] = [
  {
    key: 'socket()',
    plain: msg(M.socket_plain),
    detail: msg(M.socket_detail),
    file: 'net/socket.c',
    ident: '__sys_socket',
    related: ['domain/type/protocol', 'net_proto_family', 'struct socket', 'errno'],
    match: ['socket()', '__sys_socket', 'sys_socket', '__sock_create'],
  },
  {
    key: 'domain/type/protocol',
    name: msg(M.domain_type_protocol_name),
    plain: msg(M.domain_type_protocol_plain),
    detail: msg(M.domain_type_protocol_detail),
    file: 'net/socket.c',
    ident: '__sock_create',
    related: ['socket()', 'SOCK_DGRAM', 'IPPROTO_*', 'inetsw'],
    match: ['domain/type/protocol', 'domain, type, protocol'],
  },
  {
    key: 'proto_ops',
    plain: msg(M.proto_ops_plain),
    detail: msg(M.proto_ops_detail),
    file: 'include/linux/net.h',
    ident: 'proto_ops',
    related: ['proto', 'struct socket', 'inetsw'],
    match: ['proto_ops', 'sock->ops', 'inet_dgram_ops', 'inet_stream_ops', 'inet_sockraw_ops'],
  },
  {
    key: 'proto',
    plain: msg(M.proto_plain),
    detail: msg(M.proto_detail),
    file: 'include/net/sock.h',
    ident: 'proto',
    related: ['proto_ops', 'struct sock', 'inetsw'],
    match: ['struct proto', 'sk_prot', 'sk->sk_prot', 'udp_prot', 'tcp_prot', 'raw_prot', 'ping_prot'],
  },
  {
    key: 'inetsw',
    plain: msg(M.inetsw_plain),
    detail: msg(M.inetsw_detail),
    file: 'net/ipv4/af_inet.c',
    ident: 'inetsw_array',
    related: ['proto_ops', 'proto', 'SOCK_RAW', 'IPPROTO_*'],
    match: ['inetsw', 'inetsw_array', 'inet_protosw', 'inet_register_protosw'],
  },
  {
    key: 'net_proto_family',
    plain: msg(M.net_proto_family_plain),
    detail: msg(M.net_proto_family_detail),
    file: 'include/linux/net.h',
    ident: 'net_proto_family',
    related: ['socket()', 'domain/type/protocol', 'inetsw'],
    match: ['net_proto_family', 'net_families', 'inet_family_ops', 'pf->create'],
  },
  {
    key: 'struct sock',
    plain: msg(M.struct_sock_plain),
    detail: msg(M.struct_sock_detail),
    file: 'include/net/sock.h',
    ident: 'sock',
    related: ['struct socket', 'proto', 'sk_sndbuf', 'sk_rcvbuf'],
    match: ['struct sock', 'sk_alloc', 'inet_sock'],
  },
  {
    key: 'struct socket',
    plain: msg(M.struct_socket_plain),
    detail: msg(M.struct_socket_detail),
    file: 'include/linux/net.h',
    ident: 'socket',
    related: ['struct sock', 'proto_ops', 'socket()'],
    match: ['struct socket', 'sock_alloc'],
  },
  {
    key: 'SOCK_STREAM',
    plain: msg(M.SOCK_STREAM_plain),
    detail: msg(M.SOCK_STREAM_detail),
    file: 'include/linux/net.h',
    ident: 'sock_type',
    related: ['SOCK_DGRAM', 'SOCK_RAW', 'domain/type/protocol'],
    match: ['SOCK_STREAM'],
  },
  {
    key: 'SOCK_DGRAM',
    plain: msg(M.SOCK_DGRAM_plain),
    detail: msg(M.SOCK_DGRAM_detail),
    file: 'include/linux/net.h',
    ident: 'sock_type',
    related: ['SOCK_STREAM', 'SOCK_RAW', 'inetsw'],
    match: ['SOCK_DGRAM'],
  },
  {
    key: 'SOCK_RAW',
    plain: msg(M.SOCK_RAW_plain),
    detail: msg(M.SOCK_RAW_detail),
    file: 'net/ipv4/af_inet.c',
    ident: 'inet_create',
    related: ['IP_HDRINCL', 'SOCK_DGRAM', 'inetsw', 'IPPROTO_*'],
    match: ['SOCK_RAW', 'raw socket', 'raw sockets'],
  },
  {
    key: 'IPPROTO_*',
    plain: msg(M.IPPROTO_plain),
    detail: msg(M.IPPROTO_detail),
    file: 'include/uapi/linux/in.h',
    ident: 'IPPROTO_UDP',
    related: ['domain/type/protocol', 'inetsw', 'SOCK_RAW'],
    match: ['IPPROTO_*'],
  },
];
