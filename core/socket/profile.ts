/**
 * Kernel profiles: what a given kernel build has. The default profile is the kernel the
 * oracle fixtures were recorded on (socket-matrix.json `meta.kernel` = 6.18.44-fc-v595, a
 * Firecracker guest build: no loadable modules, no SCTP/L2TP/DCCP, MPTCP and UDP-Lite built
 * in, vsock through virtio only, ping_group_range "1 0").
 */
import { defineMessages, msg } from '../i18n/index.ts';
import { AF, IPPROTO, NETLINK, SOCK } from './constants.ts';
import type { Caller, InetProtosw, KernelProfile } from './types.ts';

/** uid 0 with every capability (what the oracle calls `root`). */
export const CALLER_ROOT: Caller = {
  privilege: 'root',
  uid: 0,
  egid: 0,
  groups: [0],
  capabilities: ['CAP_NET_RAW', 'CAP_NET_ADMIN', 'CAP_NET_BIND_SERVICE'],
};

/** uid/gid 65534 after setgroups([]), no capabilities (the oracle's `unprivileged`). */
export const CALLER_UNPRIVILEGED: Caller = {
  privilege: 'unprivileged',
  uid: 65534,
  egid: 65534,
  groups: [],
  capabilities: [],
};

const { SOCK_STREAM, SOCK_DGRAM, SOCK_RAW } = SOCK;

/** inetsw_array[] (net/ipv4/af_inet.c), registered in array order by inet_init. */
export const INETSW_ARRAY: readonly InetProtosw[] = [
  {
    type: SOCK_STREAM,
    protocol: IPPROTO.IPPROTO_TCP,
    prot: 'tcp_prot',
    ops: 'inet_stream_ops',
    flags: ['PERMANENT', 'ICSK'],
    registeredBy: 'inet_init',
    file: 'net/ipv4/af_inet.c',
  },
  {
    type: SOCK_DGRAM,
    protocol: IPPROTO.IPPROTO_UDP,
    prot: 'udp_prot',
    ops: 'inet_dgram_ops',
    flags: ['PERMANENT'],
    registeredBy: 'inet_init',
    file: 'net/ipv4/af_inet.c',
  },
  {
    type: SOCK_DGRAM,
    protocol: IPPROTO.IPPROTO_ICMP,
    prot: 'ping_prot',
    ops: 'inet_sockraw_ops',
    flags: ['REUSE'],
    registeredBy: 'inet_init',
    file: 'net/ipv4/af_inet.c',
  },
  {
    type: SOCK_RAW,
    protocol: IPPROTO.IPPROTO_IP,
    prot: 'raw_prot',
    ops: 'inet_sockraw_ops',
    flags: ['REUSE'],
    registeredBy: 'inet_init',
    file: 'net/ipv4/af_inet.c',
  },
];

/** udplite4_protosw (net/ipv4/udplite.c), registered by udplite4_register from inet_init. */
export const UDPLITE4_PROTOSW: InetProtosw = {
  type: SOCK_DGRAM,
  protocol: IPPROTO.IPPROTO_UDPLITE,
  prot: 'udplite_prot',
  ops: 'inet_dgram_ops',
  flags: ['PERMANENT'],
  registeredBy: 'udplite4_register',
  file: 'net/ipv4/udplite.c',
};

/** mptcp_protosw (net/mptcp/protocol.c), registered by mptcp_proto_init. */
export const MPTCP_PROTOSW: InetProtosw = {
  type: SOCK_STREAM,
  protocol: IPPROTO.IPPROTO_MPTCP,
  prot: 'mptcp_prot',
  ops: 'mptcp_stream_ops',
  flags: ['ICSK'],
  registeredBy: 'mptcp_proto_init',
  file: 'net/mptcp/protocol.c',
};

/** The inetsw6 registrations inet6_init makes, in order (net/ipv6/af_inet6.c and each protocol's init). */
export const INETSW6_BUILTIN: readonly InetProtosw[] = [
  {
    type: SOCK_DGRAM,
    protocol: IPPROTO.IPPROTO_UDP,
    prot: 'udpv6_prot',
    ops: 'inet6_dgram_ops',
    flags: ['PERMANENT'],
    registeredBy: 'udpv6_init',
    file: 'net/ipv6/udp.c',
  },
  {
    type: SOCK_DGRAM,
    protocol: IPPROTO.IPPROTO_UDPLITE,
    prot: 'udplitev6_prot',
    ops: 'inet6_dgram_ops',
    flags: ['PERMANENT'],
    registeredBy: 'udplitev6_init',
    file: 'net/ipv6/udplite.c',
  },
  {
    type: SOCK_STREAM,
    protocol: IPPROTO.IPPROTO_TCP,
    prot: 'tcpv6_prot',
    ops: 'inet6_stream_ops',
    flags: ['PERMANENT', 'ICSK'],
    registeredBy: 'tcpv6_init',
    file: 'net/ipv6/tcp_ipv6.c',
  },
  {
    type: SOCK_DGRAM,
    protocol: IPPROTO.IPPROTO_ICMPV6,
    prot: 'pingv6_prot',
    ops: 'inet6_sockraw_ops',
    flags: ['REUSE'],
    registeredBy: 'pingv6_init',
    file: 'net/ipv6/ping.c',
  },
  {
    type: SOCK_RAW,
    protocol: IPPROTO.IPPROTO_IP,
    prot: 'rawv6_prot',
    ops: 'inet6_sockraw_ops',
    flags: ['REUSE'],
    registeredBy: 'rawv6_init',
    file: 'net/ipv6/raw.c',
  },
];

/** mptcp_v6_protosw, registered by mptcp_proto_v6_init. */
export const MPTCP_V6_PROTOSW: InetProtosw = {
  type: SOCK_STREAM,
  protocol: IPPROTO.IPPROTO_MPTCP,
  prot: 'mptcp_v6_prot',
  ops: 'mptcp_v6_stream_ops',
  flags: ['ICSK'],
  registeredBy: 'mptcp_proto_v6_init',
  file: 'net/mptcp/protocol.c',
};

const M = defineMessages({
  linux618fc: {
    id: 'socket.profile.linux618fc',
    defaultMessage:
      'Linux 6.18.44 (Firecracker guest build, x86_64), the kernel the oracle fixtures were recorded on: no modules; UDP-Lite and MPTCP built in, no SCTP; vsock over virtio only; <code>ping_group_range</code> "1 0".',
    description:
      'The default kernel profile, shown under the Socket lab form and in `sockscope socket --json`.',
  },
});

/**
 * The fixture kernel (6.18.44-fc-v595, x86_64). Families and netlink protocols as that build
 * registers them (CONFIG_UNIX, INET, IPV6, NETLINK, PACKET, VSOCKETS + VIRTIO_VSOCKETS,
 * XDP_SOCKETS; no Bluetooth, ALG, KEY, TIPC, CAN…). Netlink kernel sockets: ROUTE, USERSOCK,
 * SOCK_DIAG, XFRM, SELINUX, AUDIT, FIB_LOOKUP, CONNECTOR, NETFILTER, KOBJECT_UEVENT, GENERIC.
 */
export const LINUX_6_18_FC: KernelProfile = {
  id: 'linux-6.18.44-fc',
  description: msg(M.linux618fc),
  release: '6.18.44-fc-v595',
  modules: false,
  families: [AF.AF_UNIX, AF.AF_INET, AF.AF_INET6, AF.AF_NETLINK, AF.AF_PACKET, AF.AF_VSOCK, AF.AF_XDP],
  inetsw: [...INETSW_ARRAY, UDPLITE4_PROTOSW, MPTCP_PROTOSW],
  inetsw6: [...INETSW6_BUILTIN, MPTCP_V6_PROTOSW],
  netlinkRegistered: [
    NETLINK.NETLINK_ROUTE,
    NETLINK.NETLINK_USERSOCK,
    NETLINK.NETLINK_SOCK_DIAG,
    NETLINK.NETLINK_XFRM,
    NETLINK.NETLINK_SELINUX,
    NETLINK.NETLINK_AUDIT,
    NETLINK.NETLINK_FIB_LOOKUP,
    NETLINK.NETLINK_CONNECTOR,
    NETLINK.NETLINK_NETFILTER,
    NETLINK.NETLINK_KOBJECT_UEVENT,
    NETLINK.NETLINK_GENERIC,
  ],
  pingGroupRange: [1, 0],
  mptcpEnabled: true,
  vsockTransports: { g2h: 'virtio_transport', h2g: null, dgram: null, local: null },
  caller: CALLER_ROOT,
};

/** The profile every entry point uses unless told otherwise. */
export const DEFAULT_PROFILE: KernelProfile = LINUX_6_18_FC;

/** The same kernel, called by someone else. */
export function withCaller(profile: KernelProfile, caller: Caller): KernelProfile {
  return { ...profile, caller };
}

/** The profile for an oracle `privilege` value. */
export function profileFor(
  privilege: Caller['privilege'],
  base: KernelProfile = DEFAULT_PROFILE,
): KernelProfile {
  return withCaller(base, privilege === 'root' ? CALLER_ROOT : CALLER_UNPRIVILEGED);
}

export function capable(profile: KernelProfile, cap: Caller['capabilities'][number]): boolean {
  return profile.caller.capabilities.includes(cap);
}
