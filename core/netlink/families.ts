/**
 * What the kernel's families put in their messages: the family header each message type
 * carries and the attribute enums (with the kind of value each holds), from
 * include/uapi/linux/rtnetlink.h, if_link.h, if_addr.h, neighbour.h, genetlink.h and
 * netlink.h at v6.18. Nested attributes point at the enum of their children.
 */
import type { NlFamily } from './types.ts';

export type AttrKind =
  | 'u8'
  | 'u16'
  | 'u32'
  | 'u64'
  | 's32'
  | 'string'
  | 'binary'
  | 'mac'
  | 'ipaddr'
  | 'flag'
  | 'nested'
  | 'nested-array'
  | 'nested-guess'
  | 'struct'
  | 'u32-array'
  | 'u64-array';

export interface StructMember {
  name: string;
  size: 1 | 2 | 4 | 8;
  signed?: boolean;
}
export interface StructDef {
  name: string;
  members: StructMember[];
}
export interface AttrDef {
  name: string;
  kind: AttrKind;
  /** For `nested` (children's enum) and `nested-array` (enum of each element's children). */
  set?: AttrSet;
  struct?: StructDef;
  /** Element names of a u32/u64 array (1-based enums such as IPV4_DEVCONF_*). */
  items?: string[];
  itemsBase?: number;
  /** A struct that precedes the nested attributes (VETH_INFO_PEER holds an ifinfomsg, then IFLA_*). */
  header?: StructDef;
  /**
   * The children's enum depends on a sibling's string value, as IFLA_INFO_DATA's depends on
   * IFLA_INFO_KIND: rtnl_newlink (net/core/rtnetlink.c) looks the kind up (rtnl_link_ops_get)
   * and parses IFLA_INFO_DATA with that link type's policy.
   */
  byKind?: { selector: string; sets: Record<string, AttrSet> };
}
export interface AttrSet {
  name: string;
  attrs: ReadonlyMap<number, AttrDef>;
  /** Set for the elements of a nested array (CTRL_ATTR_OPS): every index has this definition. */
  element?: AttrDef;
}

function set(name: string, defs: [number, string, AttrKind, Partial<AttrDef>?][]): AttrSet {
  return { name, attrs: new Map(defs.map(([n, nm, kind, more]) => [n, { name: nm, kind, ...more }])) };
}
const u32s = (name: string, names: string[]): StructDef => ({
  name,
  members: names.map((n) => ({ name: n, size: 4 as const })),
});
const u64s = (name: string, names: string[]): StructDef => ({
  name,
  members: names.map((n) => ({ name: n, size: 8 as const })),
});

// ---------------------------------------------------------------- family headers
export const IFINFOMSG: StructDef = {
  name: 'ifinfomsg',
  members: [
    { name: 'ifi_family', size: 1 },
    { name: '__ifi_pad', size: 1 },
    { name: 'ifi_type', size: 2 },
    { name: 'ifi_index', size: 4, signed: true },
    { name: 'ifi_flags', size: 4 },
    { name: 'ifi_change', size: 4 },
  ],
};
export const IFADDRMSG: StructDef = {
  name: 'ifaddrmsg',
  members: [
    { name: 'ifa_family', size: 1 },
    { name: 'ifa_prefixlen', size: 1 },
    { name: 'ifa_flags', size: 1 },
    { name: 'ifa_scope', size: 1 },
    { name: 'ifa_index', size: 4 },
  ],
};
export const RTMSG: StructDef = {
  name: 'rtmsg',
  members: [
    { name: 'rtm_family', size: 1 },
    { name: 'rtm_dst_len', size: 1 },
    { name: 'rtm_src_len', size: 1 },
    { name: 'rtm_tos', size: 1 },
    { name: 'rtm_table', size: 1 },
    { name: 'rtm_protocol', size: 1 },
    { name: 'rtm_scope', size: 1 },
    { name: 'rtm_type', size: 1 },
    { name: 'rtm_flags', size: 4 },
  ],
};
export const NDMSG: StructDef = {
  name: 'ndmsg',
  members: [
    { name: 'ndm_family', size: 1 },
    { name: 'ndm_pad1', size: 1 },
    { name: 'ndm_pad2', size: 2 },
    { name: 'ndm_ifindex', size: 4, signed: true },
    { name: 'ndm_state', size: 2 },
    { name: 'ndm_flags', size: 1 },
    { name: 'ndm_type', size: 1 },
  ],
};
export const GENLMSGHDR: StructDef = {
  name: 'genlmsghdr',
  members: [
    { name: 'cmd', size: 1 },
    { name: 'version', size: 1 },
    { name: 'reserved', size: 2 },
  ],
};
export const structSize = (s: StructDef): number => s.members.reduce((a, m) => a + m.size, 0);

// ---------------------------------------------------------------- struct payloads
const LINK_STATS_NAMES = [
  'rx_packets',
  'tx_packets',
  'rx_bytes',
  'tx_bytes',
  'rx_errors',
  'tx_errors',
  'rx_dropped',
  'tx_dropped',
  'multicast',
  'collisions',
  'rx_length_errors',
  'rx_over_errors',
  'rx_crc_errors',
  'rx_frame_errors',
  'rx_fifo_errors',
  'rx_missed_errors',
  'tx_aborted_errors',
  'tx_carrier_errors',
  'tx_fifo_errors',
  'tx_heartbeat_errors',
  'tx_window_errors',
  'rx_compressed',
  'tx_compressed',
  'rx_nohandler',
];
/** struct rtnl_link_stats (if_link.h): 24 __u32 counters, 96 bytes. */
export const RTNL_LINK_STATS = u32s('rtnl_link_stats', LINK_STATS_NAMES);
/** struct rtnl_link_stats64: the same 24 as __u64 plus rx_otherhost_dropped, 200 bytes. */
export const RTNL_LINK_STATS64 = u64s('rtnl_link_stats64', [...LINK_STATS_NAMES, 'rx_otherhost_dropped']);
/** struct rtnl_link_ifmap: three __u64, __u16 irq, __u8 dma, __u8 port, padded to 32 bytes. */
export const RTNL_LINK_IFMAP: StructDef = {
  name: 'rtnl_link_ifmap',
  members: [
    { name: 'mem_start', size: 8 },
    { name: 'mem_end', size: 8 },
    { name: 'base_addr', size: 8 },
    { name: 'irq', size: 2 },
    { name: 'dma', size: 1 },
    { name: 'port', size: 1 },
    { name: '(padding)', size: 4 },
  ],
};
export const IFA_CACHEINFO = u32s('ifa_cacheinfo', ['ifa_prefered', 'ifa_valid', 'cstamp', 'tstamp']);
export const IFLA_CACHEINFO = u32s('ifla_cacheinfo', [
  'max_reasm_len',
  'tstamp',
  'reachable_time',
  'retrans_time',
]);
export const RTA_CACHEINFO = {
  name: 'rta_cacheinfo',
  members: [
    { name: 'rta_clntref', size: 4 },
    { name: 'rta_lastuse', size: 4 },
    { name: 'rta_expires', size: 4, signed: true },
    { name: 'rta_error', size: 4 },
    { name: 'rta_used', size: 4 },
    { name: 'rta_id', size: 4 },
    { name: 'rta_ts', size: 4 },
    { name: 'rta_tsage', size: 4 },
  ],
} satisfies StructDef as StructDef;
export const NDA_CACHEINFO = u32s('nda_cacheinfo', [
  'ndm_confirmed',
  'ndm_used',
  'ndm_updated',
  'ndm_refcnt',
]);

/** IPV4_DEVCONF_* (include/uapi/linux/ip.h), 1-based: IFLA_INET_CONF holds them as __u32s. */
const IPV4_DEVCONF = [
  'FORWARDING',
  'MC_FORWARDING',
  'PROXY_ARP',
  'ACCEPT_REDIRECTS',
  'SECURE_REDIRECTS',
  'SEND_REDIRECTS',
  'SHARED_MEDIA',
  'RP_FILTER',
  'ACCEPT_SOURCE_ROUTE',
  'BOOTP_RELAY',
  'LOG_MARTIANS',
  'TAG',
  'ARPFILTER',
  'MEDIUM_ID',
  'NOXFRM',
  'NOPOLICY',
  'FORCE_IGMP_VERSION',
  'ARP_ANNOUNCE',
  'ARP_IGNORE',
  'PROMOTE_SECONDARIES',
  'ARP_ACCEPT',
  'ARP_NOTIFY',
  'ACCEPT_LOCAL',
  'SRC_VMARK',
  'PROXY_ARP_PVLAN',
  'ROUTE_LOCALNET',
  'IGMPV2_UNSOLICITED_REPORT_INTERVAL',
  'IGMPV3_UNSOLICITED_REPORT_INTERVAL',
  'IGNORE_ROUTES_WITH_LINKDOWN',
  'DROP_UNICAST_IN_L2_MULTICAST',
  'DROP_GRATUITOUS_ARP',
  'BC_FORWARDING',
  'ARP_EVICT_NOCARRIER',
].map((n) => `IPV4_DEVCONF_${n}`);

// ---------------------------------------------------------------- rtnetlink enums
/** IFLA_INET_* (if_link.h): inside IFLA_AF_SPEC / AF_INET. */
const IFLA_INET = set('IFLA_INET', [
  [1, 'IFLA_INET_CONF', 'u32-array', { items: IPV4_DEVCONF, itemsBase: 1 }],
]);
/** IFLA_INET6_* (if_link.h): inside IFLA_AF_SPEC / AF_INET6. */
const IFLA_INET6 = set('IFLA_INET6', [
  [1, 'IFLA_INET6_FLAGS', 'u32'],
  [2, 'IFLA_INET6_CONF', 'u32-array'],
  [3, 'IFLA_INET6_STATS', 'u64-array'],
  [4, 'IFLA_INET6_MCAST', 'binary'],
  [5, 'IFLA_INET6_CACHEINFO', 'struct', { struct: IFLA_CACHEINFO }],
  [6, 'IFLA_INET6_ICMP6STATS', 'u64-array'],
  [7, 'IFLA_INET6_TOKEN', 'ipaddr'],
  [8, 'IFLA_INET6_ADDR_GEN_MODE', 'u8'],
  [9, 'IFLA_INET6_RA_MTU', 'u32'],
]);
/** IFLA_AF_SPEC's children are typed by address family (rtnl_fill_link_af, net/core/rtnetlink.c). */
const IFLA_AF_SPEC = set('AF', [
  [2, 'AF_INET', 'nested', { set: IFLA_INET }],
  [10, 'AF_INET6', 'nested', { set: IFLA_INET6 }],
  [7, 'AF_BRIDGE', 'nested-guess'],
  [28, 'AF_MPLS', 'nested-guess'],
]);
/** struct ifla_vlan_flags (if_link.h): flags and the mask of flags to change. */
const IFLA_VLAN_FLAGS = u32s('ifla_vlan_flags', ['flags', 'mask']);
/** IFLA_VLAN_QOS_* (if_link.h): the priority maps inside IFLA_VLAN_EGRESS/INGRESS_QOS. */
const IFLA_VLAN_QOS = set('IFLA_VLAN_QOS', [
  [1, 'IFLA_VLAN_QOS_MAPPING', 'struct', { struct: u32s('ifla_vlan_qos_mapping', ['from', 'to']) }],
]);
/** IFLA_VLAN_* (if_link.h): IFLA_INFO_DATA of kind "vlan" (vlan_fill_info, net/8021q/vlan_netlink.c). */
const IFLA_VLAN = set('IFLA_VLAN', [
  [1, 'IFLA_VLAN_ID', 'u16'],
  [2, 'IFLA_VLAN_FLAGS', 'struct', { struct: IFLA_VLAN_FLAGS }],
  [3, 'IFLA_VLAN_EGRESS_QOS', 'nested', { set: IFLA_VLAN_QOS }],
  [4, 'IFLA_VLAN_INGRESS_QOS', 'nested', { set: IFLA_VLAN_QOS }],
  // __be16 in network byte order: shown as bytes rather than misread as a host-order u16.
  [5, 'IFLA_VLAN_PROTOCOL', 'binary'],
]);
/**
 * VETH_INFO_* (include/uapi/linux/veth.h): IFLA_INFO_DATA of kind "veth". VETH_INFO_PEER holds a
 * struct ifinfomsg followed by the peer's IFLA_* attributes (rtnl_nla_parse_ifinfomsg,
 * net/core/rtnetlink.c, called from veth_newlink in drivers/net/veth.c).
 */
const VETH_INFO = set('VETH_INFO', []);
/** IFLA_INFO_* (if_link.h): inside IFLA_LINKINFO. */
const IFLA_INFO = set('IFLA_INFO', [
  [1, 'IFLA_INFO_KIND', 'string'],
  [
    2,
    'IFLA_INFO_DATA',
    'nested-guess',
    { byKind: { selector: 'IFLA_INFO_KIND', sets: { veth: VETH_INFO, vlan: IFLA_VLAN } } },
  ],
  [3, 'IFLA_INFO_XSTATS', 'binary'],
  [4, 'IFLA_INFO_SLAVE_KIND', 'string'],
  [5, 'IFLA_INFO_SLAVE_DATA', 'nested-guess'],
]);
/** IFLA_XDP_* (if_link.h). */
const IFLA_XDP = set('IFLA_XDP', [
  [1, 'IFLA_XDP_FD', 's32'],
  [2, 'IFLA_XDP_ATTACHED', 'u8'],
  [3, 'IFLA_XDP_FLAGS', 'u32'],
  [4, 'IFLA_XDP_PROG_ID', 'u32'],
  [5, 'IFLA_XDP_DRV_PROG_ID', 'u32'],
  [6, 'IFLA_XDP_SKB_PROG_ID', 'u32'],
  [7, 'IFLA_XDP_HW_PROG_ID', 'u32'],
  [8, 'IFLA_XDP_EXPECTED_FD', 's32'],
]);
const IFLA_PROP_LIST = set('IFLA_PROP_LIST', [[53, 'IFLA_ALT_IFNAME', 'string']]);

/** enum IFLA_* (include/uapi/linux/if_link.h), as rtnl_fill_ifinfo (net/core/rtnetlink.c) fills them. */
export const IFLA = set('IFLA', [
  [1, 'IFLA_ADDRESS', 'mac'],
  [2, 'IFLA_BROADCAST', 'mac'],
  [3, 'IFLA_IFNAME', 'string'],
  [4, 'IFLA_MTU', 'u32'],
  [5, 'IFLA_LINK', 'u32'],
  [6, 'IFLA_QDISC', 'string'],
  [7, 'IFLA_STATS', 'struct', { struct: RTNL_LINK_STATS }],
  [8, 'IFLA_COST', 'binary'],
  [9, 'IFLA_PRIORITY', 'binary'],
  [10, 'IFLA_MASTER', 'u32'],
  [11, 'IFLA_WIRELESS', 'binary'],
  [12, 'IFLA_PROTINFO', 'nested-guess'],
  [13, 'IFLA_TXQLEN', 'u32'],
  [14, 'IFLA_MAP', 'struct', { struct: RTNL_LINK_IFMAP }],
  [15, 'IFLA_WEIGHT', 'u32'],
  [16, 'IFLA_OPERSTATE', 'u8'],
  [17, 'IFLA_LINKMODE', 'u8'],
  [18, 'IFLA_LINKINFO', 'nested', { set: IFLA_INFO }],
  [19, 'IFLA_NET_NS_PID', 'u32'],
  [20, 'IFLA_IFALIAS', 'string'],
  [21, 'IFLA_NUM_VF', 'u32'],
  [22, 'IFLA_VFINFO_LIST', 'nested-guess'],
  [23, 'IFLA_STATS64', 'struct', { struct: RTNL_LINK_STATS64 }],
  [24, 'IFLA_VF_PORTS', 'nested-guess'],
  [25, 'IFLA_PORT_SELF', 'nested-guess'],
  [26, 'IFLA_AF_SPEC', 'nested', { set: IFLA_AF_SPEC }],
  [27, 'IFLA_GROUP', 'u32'],
  [28, 'IFLA_NET_NS_FD', 'u32'],
  [29, 'IFLA_EXT_MASK', 'u32'],
  [30, 'IFLA_PROMISCUITY', 'u32'],
  [31, 'IFLA_NUM_TX_QUEUES', 'u32'],
  [32, 'IFLA_NUM_RX_QUEUES', 'u32'],
  [33, 'IFLA_CARRIER', 'u8'],
  [34, 'IFLA_PHYS_PORT_ID', 'binary'],
  [35, 'IFLA_CARRIER_CHANGES', 'u32'],
  [36, 'IFLA_PHYS_SWITCH_ID', 'binary'],
  [37, 'IFLA_LINK_NETNSID', 's32'],
  [38, 'IFLA_PHYS_PORT_NAME', 'string'],
  [39, 'IFLA_PROTO_DOWN', 'u8'],
  [40, 'IFLA_GSO_MAX_SEGS', 'u32'],
  [41, 'IFLA_GSO_MAX_SIZE', 'u32'],
  [42, 'IFLA_PAD', 'binary'],
  [43, 'IFLA_XDP', 'nested', { set: IFLA_XDP }],
  [44, 'IFLA_EVENT', 'u32'],
  [45, 'IFLA_NEW_NETNSID', 's32'],
  [46, 'IFLA_TARGET_NETNSID', 's32'],
  [47, 'IFLA_CARRIER_UP_COUNT', 'u32'],
  [48, 'IFLA_CARRIER_DOWN_COUNT', 'u32'],
  [49, 'IFLA_NEW_IFINDEX', 's32'],
  [50, 'IFLA_MIN_MTU', 'u32'],
  [51, 'IFLA_MAX_MTU', 'u32'],
  [52, 'IFLA_PROP_LIST', 'nested', { set: IFLA_PROP_LIST }],
  [53, 'IFLA_ALT_IFNAME', 'string'],
  [54, 'IFLA_PERM_ADDRESS', 'mac'],
  [55, 'IFLA_PROTO_DOWN_REASON', 'nested-guess'],
  [56, 'IFLA_PARENT_DEV_NAME', 'string'],
  [57, 'IFLA_PARENT_DEV_BUS_NAME', 'string'],
  [58, 'IFLA_GRO_MAX_SIZE', 'u32'],
  [59, 'IFLA_TSO_MAX_SIZE', 'u32'],
  [60, 'IFLA_TSO_MAX_SEGS', 'u32'],
  [61, 'IFLA_ALLMULTI', 'u32'],
  [62, 'IFLA_DEVLINK_PORT', 'nested-guess'],
  [63, 'IFLA_GSO_IPV4_MAX_SIZE', 'u32'],
  [64, 'IFLA_GRO_IPV4_MAX_SIZE', 'u32'],
  [65, 'IFLA_DPLL_PIN', 'nested-guess'],
  [66, 'IFLA_MAX_PACING_OFFLOAD_HORIZON', 'u32'],
  [67, 'IFLA_NETNS_IMMUTABLE', 'u8'],
  [68, 'IFLA_HEADROOM', 'u16'],
  [69, 'IFLA_TAILROOM', 'u16'],
]);

(VETH_INFO.attrs as Map<number, AttrDef>).set(1, {
  name: 'VETH_INFO_PEER',
  kind: 'nested',
  header: IFINFOMSG,
  set: IFLA,
});

/** enum IFA_* (include/uapi/linux/if_addr.h), as inet_fill_ifaddr (net/ipv4/devinet.c) fills them. */
export const IFA = set('IFA', [
  [1, 'IFA_ADDRESS', 'ipaddr'],
  [2, 'IFA_LOCAL', 'ipaddr'],
  [3, 'IFA_LABEL', 'string'],
  [4, 'IFA_BROADCAST', 'ipaddr'],
  [5, 'IFA_ANYCAST', 'ipaddr'],
  [6, 'IFA_CACHEINFO', 'struct', { struct: IFA_CACHEINFO }],
  [7, 'IFA_MULTICAST', 'ipaddr'],
  [8, 'IFA_FLAGS', 'u32'],
  [9, 'IFA_RT_PRIORITY', 'u32'],
  [10, 'IFA_TARGET_NETNSID', 's32'],
  [11, 'IFA_PROTO', 'u8'],
]);

/** enum RTAX_* (rtnetlink.h): inside RTA_METRICS. */
const RTAX = set('RTAX', [
  [1, 'RTAX_LOCK', 'u32'],
  [2, 'RTAX_MTU', 'u32'],
  [3, 'RTAX_WINDOW', 'u32'],
  [4, 'RTAX_RTT', 'u32'],
  [5, 'RTAX_RTTVAR', 'u32'],
  [6, 'RTAX_SSTHRESH', 'u32'],
  [7, 'RTAX_CWND', 'u32'],
  [8, 'RTAX_ADVMSS', 'u32'],
  [9, 'RTAX_REORDERING', 'u32'],
  [10, 'RTAX_HOPLIMIT', 'u32'],
  [11, 'RTAX_INITCWND', 'u32'],
  [12, 'RTAX_FEATURES', 'u32'],
  [13, 'RTAX_RTO_MIN', 'u32'],
  [14, 'RTAX_INITRWND', 'u32'],
  [15, 'RTAX_QUICKACK', 'u32'],
  [16, 'RTAX_CC_ALGO', 'string'],
  [17, 'RTAX_FASTOPEN_NO_COOKIE', 'u32'],
]);

/** enum rtattr_type_t RTA_* (rtnetlink.h), as fib_dump_info (net/ipv4/fib_semantics.c) fills them. */
export const RTA = set('RTA', [
  [1, 'RTA_DST', 'ipaddr'],
  [2, 'RTA_SRC', 'ipaddr'],
  [3, 'RTA_IIF', 'u32'],
  [4, 'RTA_OIF', 'u32'],
  [5, 'RTA_GATEWAY', 'ipaddr'],
  [6, 'RTA_PRIORITY', 'u32'],
  [7, 'RTA_PREFSRC', 'ipaddr'],
  [8, 'RTA_METRICS', 'nested', { set: RTAX }],
  [9, 'RTA_MULTIPATH', 'binary'],
  [10, 'RTA_PROTOINFO', 'binary'],
  [11, 'RTA_FLOW', 'u32'],
  [12, 'RTA_CACHEINFO', 'struct', { struct: RTA_CACHEINFO }],
  [13, 'RTA_SESSION', 'binary'],
  [14, 'RTA_MP_ALGO', 'u32'],
  [15, 'RTA_TABLE', 'u32'],
  [16, 'RTA_MARK', 'u32'],
  [17, 'RTA_MFC_STATS', 'binary'],
  [18, 'RTA_VIA', 'binary'],
  [19, 'RTA_NEWDST', 'ipaddr'],
  [20, 'RTA_PREF', 'u8'],
  [21, 'RTA_ENCAP_TYPE', 'u16'],
  [22, 'RTA_ENCAP', 'nested-guess'],
  [23, 'RTA_EXPIRES', 'u32'],
  [24, 'RTA_PAD', 'binary'],
  [25, 'RTA_UID', 'u32'],
  [26, 'RTA_TTL_PROPAGATE', 'u8'],
  [27, 'RTA_IP_PROTO', 'u8'],
  [28, 'RTA_SPORT', 'u16'],
  [29, 'RTA_DPORT', 'u16'],
  [30, 'RTA_NH_ID', 'u32'],
  [31, 'RTA_FLOWLABEL', 'u32'],
]);

/** enum NDA_* (include/uapi/linux/neighbour.h). */
export const NDA = set('NDA', [
  [1, 'NDA_DST', 'ipaddr'],
  [2, 'NDA_LLADDR', 'mac'],
  [3, 'NDA_CACHEINFO', 'struct', { struct: NDA_CACHEINFO }],
  [4, 'NDA_PROBES', 'u32'],
  [5, 'NDA_VLAN', 'u16'],
  [6, 'NDA_PORT', 'u16'],
  [7, 'NDA_VNI', 'u32'],
  [8, 'NDA_IFINDEX', 'u32'],
  [9, 'NDA_MASTER', 'u32'],
  [10, 'NDA_LINK_NETNSID', 's32'],
  [11, 'NDA_SRC_VNI', 'u32'],
  [12, 'NDA_PROTOCOL', 'u8'],
  [13, 'NDA_NH_ID', 'u32'],
  [14, 'NDA_FDB_EXT_ATTRS', 'nested-guess'],
  [15, 'NDA_FLAGS_EXT', 'u32'],
  [16, 'NDA_NDM_STATE_MASK', 'u16'],
  [17, 'NDA_NDM_FLAGS_MASK', 'u8'],
]);

// ---------------------------------------------------------------- generic netlink
const CTRL_ATTR_OP = set('CTRL_ATTR_OP', [
  [1, 'CTRL_ATTR_OP_ID', 'u32'],
  [2, 'CTRL_ATTR_OP_FLAGS', 'u32'],
]);
const CTRL_ATTR_MCAST_GRP = set('CTRL_ATTR_MCAST_GRP', [
  [1, 'CTRL_ATTR_MCAST_GRP_NAME', 'string'],
  [2, 'CTRL_ATTR_MCAST_GRP_ID', 'u32'],
]);
/** enum CTRL_ATTR_* (include/uapi/linux/genetlink.h), as ctrl_fill_info (net/netlink/genetlink.c) fills them. */
export const CTRL_ATTR = set('CTRL_ATTR', [
  [1, 'CTRL_ATTR_FAMILY_ID', 'u16'],
  [2, 'CTRL_ATTR_FAMILY_NAME', 'string'],
  [3, 'CTRL_ATTR_VERSION', 'u32'],
  [4, 'CTRL_ATTR_HDRSIZE', 'u32'],
  [5, 'CTRL_ATTR_MAXATTR', 'u32'],
  [6, 'CTRL_ATTR_OPS', 'nested-array', { set: CTRL_ATTR_OP }],
  [7, 'CTRL_ATTR_MCAST_GROUPS', 'nested-array', { set: CTRL_ATTR_MCAST_GRP }],
  [8, 'CTRL_ATTR_POLICY', 'nested-guess'],
  [9, 'CTRL_ATTR_OP_POLICY', 'nested-guess'],
  [10, 'CTRL_ATTR_OP', 'u32'],
]);
/** An unknown generic family: only the framing is known. */
export const GENL_UNKNOWN = set('attr', []);

/** enum nlmsgerr_attrs (include/uapi/linux/netlink.h): the extended-ack TLVs after nlmsgerr. */
export const NLMSGERR_ATTRS = set('NLMSGERR_ATTR', [
  [1, 'NLMSGERR_ATTR_MSG', 'string'],
  [2, 'NLMSGERR_ATTR_OFFS', 'u32'],
  [3, 'NLMSGERR_ATTR_COOKIE', 'binary'],
  [4, 'NLMSGERR_ATTR_POLICY', 'nested-guess'],
  [5, 'NLMSGERR_ATTR_MISS_TYPE', 'u32'],
  [6, 'NLMSGERR_ATTR_MISS_NEST', 'u32'],
]);

// ---------------------------------------------------------------- message types
/** RTM_* (include/uapi/linux/rtnetlink.h): NEW/DEL/GET/SET in groups of four from RTM_BASE = 16. */
const RTM_GROUPS: [number, string, string[]][] = [
  [16, 'LINK', ['NEW', 'DEL', 'GET', 'SET']],
  [20, 'ADDR', ['NEW', 'DEL', 'GET']],
  [24, 'ROUTE', ['NEW', 'DEL', 'GET']],
  [28, 'NEIGH', ['NEW', 'DEL', 'GET']],
  [32, 'RULE', ['NEW', 'DEL', 'GET']],
  [36, 'QDISC', ['NEW', 'DEL', 'GET']],
  [40, 'TCLASS', ['NEW', 'DEL', 'GET']],
  [44, 'TFILTER', ['NEW', 'DEL', 'GET']],
  [48, 'ACTION', ['NEW', 'DEL', 'GET']],
  [52, 'PREFIX', ['NEW']],
  [56, 'MULTICAST', ['', '', 'GET']],
  [60, 'ANYCAST', ['', '', 'GET']],
  [64, 'NEIGHTBL', ['NEW', '', 'GET', 'SET']],
  [68, 'NDUSEROPT', ['NEW']],
  [72, 'ADDRLABEL', ['NEW', 'DEL', 'GET']],
  [76, 'DCB', ['', '', 'GET', 'SET']],
  [80, 'NETCONF', ['NEW', 'DEL', 'GET']],
  [84, 'MDB', ['NEW', 'DEL', 'GET']],
  [88, 'NSID', ['NEW', 'DEL', 'GET']],
  [92, 'STATS', ['NEW', '', 'GET', 'SET']],
  [96, 'CACHEREPORT', ['NEW']],
  [100, 'CHAIN', ['NEW', 'DEL', 'GET']],
  [104, 'NEXTHOP', ['NEW', 'DEL', 'GET']],
  [108, 'LINKPROP', ['NEW', 'DEL', 'GET']],
  [112, 'VLAN', ['NEW', 'DEL', 'GET']],
  [116, 'NEXTHOPBUCKET', ['NEW', 'DEL', 'GET']],
  [120, 'TUNNEL', ['NEW', 'DEL', 'GET']],
];
export const RTM_TYPES: { name: string; value: number }[] = RTM_GROUPS.flatMap(([base, obj, kinds]) =>
  kinds.flatMap((k, i) => (k ? [{ name: `RTM_${k}${obj}`, value: base + i }] : [])),
);
const RTM_BY_VALUE = new Map(RTM_TYPES.map((t) => [t.value, t.name]));

/** CTRL_CMD_* (genetlink.h). */
export const CTRL_CMDS: string[] = [
  'CTRL_CMD_UNSPEC',
  'CTRL_CMD_NEWFAMILY',
  'CTRL_CMD_DELFAMILY',
  'CTRL_CMD_GETFAMILY',
  'CTRL_CMD_NEWOPS',
  'CTRL_CMD_DELOPS',
  'CTRL_CMD_GETOPS',
  'CTRL_CMD_NEWMCAST_GRP',
  'CTRL_CMD_DELMCAST_GRP',
  'CTRL_CMD_GETMCAST_GRP',
  'CTRL_CMD_GETPOLICY',
];

const CONTROL_NAMES = new Map([
  [1, 'NLMSG_NOOP'],
  [2, 'NLMSG_ERROR'],
  [3, 'NLMSG_DONE'],
  [4, 'NLMSG_OVERRUN'],
]);

/** What kind of request a type is, by the kernel's own rule: rtnl_msgtype_kind() = (type - 16) & 3. */
export type RequestKind = 'new' | 'del' | 'get' | 'set' | 'control' | 'unknown';
export function requestKind(type: number, family: NlFamily): RequestKind {
  if (type < 0x10) return 'control';
  if (family === 'route') return (['new', 'del', 'get', 'set'] as const)[(type - 16) & 3] ?? 'unknown';
  return 'unknown';
}

export function messageTypeName(type: number, family: NlFamily): string {
  if (typeof type !== 'number') return 'not a type';
  const c = CONTROL_NAMES.get(type);
  if (c) return c;
  if (type < 0x10) return `reserved control type ${type}`;
  if (family === 'route') return RTM_BY_VALUE.get(type) ?? `RTM type ${type}`;
  if (family === 'generic') return type === 0x10 ? 'GENL_ID_CTRL' : `genl family ${type}`;
  return `type ${type}`;
}

/** The family header a message type carries, and the enum of its top-level attributes. */
export function messageSchema(
  type: number,
  family: NlFamily,
): { header: StructDef | null; attrs: AttrSet | null } {
  if (type < 0x10) return { header: null, attrs: null };
  if (family === 'route') {
    if (type >= 16 && type <= 19) return { header: IFINFOMSG, attrs: IFLA };
    if (type >= 20 && type <= 23) return { header: IFADDRMSG, attrs: IFA };
    if (type >= 24 && type <= 27) return { header: RTMSG, attrs: RTA };
    if (type >= 28 && type <= 31) return { header: NDMSG, attrs: NDA };
    return { header: null, attrs: null };
  }
  if (family === 'generic') return { header: GENLMSGHDR, attrs: type === 0x10 ? CTRL_ATTR : GENL_UNKNOWN };
  return { header: null, attrs: null };
}

/** The enum that applies at `path` (attribute types from the top) inside `root`. */
export function attrSetAt(root: AttrSet | null, path: number[]): AttrSet | null {
  let cur = root;
  for (const t of path) {
    if (!cur) return null;
    const d = lookupAttr(cur, t);
    if (!d) return null;
    cur = childSet(d);
  }
  return cur;
}

/** The definition of attribute `type` in `s` (array elements all share `s.element`). */
export function lookupAttr(s: AttrSet, type: number): AttrDef | undefined {
  return s.element ?? s.attrs.get(type);
}

const arraySets = new WeakMap<AttrDef, AttrSet>();

/** The enum a nested attribute's children use. */
export function childSet(d: AttrDef): AttrSet | null {
  if (d.kind === 'nested-array') {
    let s = arraySets.get(d);
    if (!s) {
      s = {
        name: `${d.name}[]`,
        attrs: new Map(),
        element: { name: `${d.name.replace(/S$/, '')}`, kind: 'nested', set: d.set ?? GENL_UNKNOWN },
      };
      arraySets.set(d, s);
    }
    return s;
  }
  if (d.kind === 'nested') return d.set ?? GENL_UNKNOWN;
  if (d.kind === 'nested-guess') return GENL_UNKNOWN;
  return null;
}
