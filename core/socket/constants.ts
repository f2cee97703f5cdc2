/**
 * Numbers of the socket() ABI on x86-64 (include/linux/socket.h, include/linux/net.h,
 * include/uapi/linux/in.h, include/uapi/linux/netlink.h, include/uapi/linux/if_ether.h).
 * Names are kept exactly as the headers spell them so people can type them.
 */
import { hexNumber } from '../hex/index.ts';

/** Address families (include/linux/socket.h). AF_MAX in v6.18 is 46 (PF_MCTP = 45 is the last). */
export const AF = {
  AF_UNSPEC: 0,
  AF_UNIX: 1,
  AF_INET: 2,
  AF_AX25: 3,
  AF_IPX: 4,
  AF_APPLETALK: 5,
  AF_NETROM: 6,
  AF_BRIDGE: 7,
  AF_ATMPVC: 8,
  AF_X25: 9,
  AF_INET6: 10,
  AF_ROSE: 11,
  AF_DECnet: 12,
  AF_NETBEUI: 13,
  AF_SECURITY: 14,
  AF_KEY: 15,
  AF_NETLINK: 16,
  AF_PACKET: 17,
  AF_ASH: 18,
  AF_ECONET: 19,
  AF_ATMSVC: 20,
  AF_RDS: 21,
  AF_SNA: 22,
  AF_IRDA: 23,
  AF_PPPOX: 24,
  AF_WANPIPE: 25,
  AF_LLC: 26,
  AF_IB: 27,
  AF_MPLS: 28,
  AF_CAN: 29,
  AF_TIPC: 30,
  AF_BLUETOOTH: 31,
  AF_IUCV: 32,
  AF_RXRPC: 33,
  AF_ISDN: 34,
  AF_PHONET: 35,
  AF_IEEE802154: 36,
  AF_CAIF: 37,
  AF_ALG: 38,
  AF_NFC: 39,
  AF_VSOCK: 40,
  AF_KCM: 41,
  AF_QIPCRTR: 42,
  AF_SMC: 43,
  AF_XDP: 44,
  AF_MCTP: 45,
} as const;

/** Aliases people type: AF_LOCAL/AF_FILE = AF_UNIX, AF_ROUTE = AF_NETLINK. */
export const AF_ALIASES: Readonly<Record<string, number>> = { AF_LOCAL: 1, AF_FILE: 1, AF_ROUTE: 16 };

/** NPROTO = AF_MAX: __sock_create refuses family >= NPROTO with EAFNOSUPPORT. */
export const AF_MAX = 46;

/** Socket types (include/linux/net.h); SOCK_MAX = SOCK_PACKET + 1. */
export const SOCK = {
  SOCK_STREAM: 1,
  SOCK_DGRAM: 2,
  SOCK_RAW: 3,
  SOCK_RDM: 4,
  SOCK_SEQPACKET: 5,
  SOCK_DCCP: 6,
  SOCK_PACKET: 10,
} as const;
export const SOCK_MAX = 11;
/** The low four bits of `type` are the type; the rest are flags. */
export const SOCK_TYPE_MASK = 0xf;
/** SOCK_NONBLOCK = O_NONBLOCK (04000), SOCK_CLOEXEC = O_CLOEXEC (02000000) on x86. */
export const SOCK_NONBLOCK = 0x800;
export const SOCK_CLOEXEC = 0x80000;

/** IP protocol numbers (include/uapi/linux/in.h). IPPROTO_MAX is 263 since MPTCP (262). */
export const IPPROTO = {
  IPPROTO_IP: 0,
  IPPROTO_ICMP: 1,
  IPPROTO_IGMP: 2,
  IPPROTO_IPIP: 4,
  IPPROTO_TCP: 6,
  IPPROTO_EGP: 8,
  IPPROTO_PUP: 12,
  IPPROTO_UDP: 17,
  IPPROTO_IDP: 22,
  IPPROTO_TP: 29,
  IPPROTO_DCCP: 33,
  IPPROTO_IPV6: 41,
  IPPROTO_RSVP: 46,
  IPPROTO_GRE: 47,
  IPPROTO_ESP: 50,
  IPPROTO_AH: 51,
  IPPROTO_ICMPV6: 58,
  IPPROTO_MTP: 92,
  IPPROTO_BEETPH: 94,
  IPPROTO_ENCAP: 98,
  IPPROTO_PIM: 103,
  IPPROTO_COMP: 108,
  IPPROTO_L2TP: 115,
  IPPROTO_SCTP: 132,
  IPPROTO_UDPLITE: 136,
  IPPROTO_MPLS: 137,
  IPPROTO_ETHERNET: 143,
  IPPROTO_AGGFRAG: 144,
  IPPROTO_RAW: 255,
  IPPROTO_SMC: 256,
  IPPROTO_MPTCP: 262,
} as const;
export const IPPROTO_MAX = 263;

/** Netlink protocols (include/uapi/linux/netlink.h); MAX_LINKS = 32. */
export const NETLINK = {
  NETLINK_ROUTE: 0,
  NETLINK_UNUSED: 1,
  NETLINK_USERSOCK: 2,
  NETLINK_FIREWALL: 3,
  NETLINK_SOCK_DIAG: 4,
  NETLINK_NFLOG: 5,
  NETLINK_XFRM: 6,
  NETLINK_SELINUX: 7,
  NETLINK_ISCSI: 8,
  NETLINK_AUDIT: 9,
  NETLINK_FIB_LOOKUP: 10,
  NETLINK_CONNECTOR: 11,
  NETLINK_NETFILTER: 12,
  NETLINK_IP6_FW: 13,
  NETLINK_DNRTMSG: 14,
  NETLINK_KOBJECT_UEVENT: 15,
  NETLINK_GENERIC: 16,
  NETLINK_SCSITRANSPORT: 18,
  NETLINK_ECRYPTFS: 19,
  NETLINK_RDMA: 20,
  NETLINK_CRYPTO: 21,
  NETLINK_SMC: 22,
} as const;
export const NETLINK_ALIASES: Readonly<Record<string, number>> = { NETLINK_INET_DIAG: 4 };
export const MAX_LINKS = 32;

/** Ethertypes (include/uapi/linux/if_ether.h), host order; packet sockets take htons(ETH_P_*). */
export const ETH_P = {
  ETH_P_ALL: 0x0003,
  ETH_P_802_2: 0x0004,
  ETH_P_LOOP: 0x0060,
  ETH_P_IP: 0x0800,
  ETH_P_ARP: 0x0806,
  ETH_P_8021Q: 0x8100,
  ETH_P_IPV6: 0x86dd,
  ETH_P_8021AD: 0x88a8,
  ETH_P_LLDP: 0x88cc,
} as const;

/** htons on x86-64 (little-endian host): swap the two low bytes. */
export function htons(v: number): number {
  return ((v & 0xff) << 8) | ((v >> 8) & 0xff);
}

function invert(table: Readonly<Record<string, number>>): ReadonlyMap<number, string> {
  const m = new Map<number, string>();
  for (const [k, v] of Object.entries(table)) if (!m.has(v)) m.set(v, k);
  return m;
}

const AF_NAMES = invert(AF);
const SOCK_NAMES = invert(SOCK);
const IPPROTO_NAMES = invert(IPPROTO);
const NETLINK_NAMES = invert(NETLINK);
const ETH_P_BY_NET = new Map<number, string>(Object.entries(ETH_P).map(([k, v]) => [htons(v), k]));

/** `AF_INET` for 2, or the number as text. */
export function familyName(n: number): string {
  return AF_NAMES.get(n) ?? String(n);
}

/** `SOCK_DGRAM|SOCK_CLOEXEC` for 0x80002; unknown bits as hex. */
export function typeName(n: number): string {
  const base = n & SOCK_TYPE_MASK;
  const parts = [SOCK_NAMES.get(base) ?? String(base)];
  let rest = n & ~SOCK_TYPE_MASK;
  if (rest & SOCK_NONBLOCK) parts.push('SOCK_NONBLOCK');
  if (rest & SOCK_CLOEXEC) parts.push('SOCK_CLOEXEC');
  rest &= ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
  if (rest) parts.push(hexNumber(rest >>> 0));
  return parts.join('|');
}

/** The protocol's name in the namespace the family gives it (IPPROTO_*, NETLINK_*, htons(ETH_P_*)). */
export function protocolName(family: number, protocol: number): string {
  if (family === AF.AF_INET || family === AF.AF_INET6) return IPPROTO_NAMES.get(protocol) ?? String(protocol);
  if (family === AF.AF_NETLINK) return NETLINK_NAMES.get(protocol) ?? String(protocol);
  if (family === AF.AF_PACKET) {
    const n = ETH_P_BY_NET.get(protocol);
    return n && protocol !== 0 ? `htons(${n})` : String(protocol);
  }
  return String(protocol);
}
