/**
 * The link layer of a captured packet: which bytes are the link header and what follows
 * (tcpdump.org's LINKTYPE_* list; the Linux cooked headers as net/packet/af_packet.c and
 * libpcap's pcap-linux.c write them).
 */
import { u16, u32 } from './bytes.ts';
import type { MessageValues, PcapMessageCode } from './messages.ts';

export const LINKTYPE = {
  NULL: 0,
  ETHERNET: 1,
  RAW: 101,
  LOOP: 108,
  LINUX_SLL: 113,
  IPV4: 228,
  IPV6: 229,
  NETLINK: 253,
  LINUX_SLL2: 276,
} as const;

export const LINKTYPE_NAMES: Record<number, string> = {
  0: 'LINKTYPE_NULL',
  1: 'LINKTYPE_ETHERNET',
  101: 'LINKTYPE_RAW',
  108: 'LINKTYPE_LOOP',
  113: 'LINKTYPE_LINUX_SLL',
  228: 'LINKTYPE_IPV4',
  229: 'LINKTYPE_IPV6',
  253: 'LINKTYPE_NETLINK',
  276: 'LINKTYPE_LINUX_SLL2',
};

export const linkTypeName = (t: number): string => LINKTYPE_NAMES[t] ?? `LINKTYPE ${t}`;

export const ETH_P_IP = 0x0800;
export const ETH_P_IPV6 = 0x86dd;
export const ETH_P_8021Q = 0x8100;
export const ETH_P_8021AD = 0x88a8;
/** ARPHRD_NETLINK (include/uapi/linux/if_arp.h): the hatype of an nlmon device. */
export const ARPHRD_NETLINK = 824;
/** Stacked VLAN tags read at most (QinQ is two; more is a broken or hostile frame). */
const MAX_VLAN_TAGS = 8;

export type NetProto = 'ipv4' | 'ipv6' | 'netlink' | 'other';

export interface LinkLayer {
  linkType: number;
  name: string;
  /** Bytes of link-layer header before the network layer. */
  headerLength: number;
  proto: NetProto;
  /** The EtherType (or SLL protocol) that announced the network layer. */
  ethertype?: number;
  /** 802.1Q / 802.1ad VLAN ids, outermost first. */
  vlan?: number[];
  /** LINKTYPE_NETLINK, or a cooked header with hatype ARPHRD_NETLINK: the netlink protocol (NETLINK_ROUTE = 0…). */
  netlinkFamily?: number;
  /** SLL/SLL2 sll_pkttype (0 host, 4 outgoing…). */
  pktType?: number;
  /** SLL2 ifindex. */
  ifindex?: number;
}

export interface LinkIssue {
  code: PcapMessageCode;
  /** Offset in the frame the issue is about. */
  at: number;
  values: MessageValues;
}

export type LinkResult =
  { ok: true; link: LinkLayer } | { ok: false; link: LinkLayer | null; issue: LinkIssue };

const short = (name: string, need: number, have: number): LinkResult => ({
  ok: false,
  link: null,
  issue: { code: 'link-short', at: 0, values: { name, need, have } },
});

const byEthertype = (t: number): NetProto => (t === ETH_P_IP ? 'ipv4' : t === ETH_P_IPV6 ? 'ipv6' : 'other');

/** BSD AF_INET6 values (24 NetBSD/OpenBSD, 28 FreeBSD, 30 macOS) and Linux's 10. */
const AF_INET6_VALUES = new Set([10, 24, 28, 30]);

function withEther(link: LinkLayer, t: number): LinkResult {
  const proto = byEthertype(t);
  link.proto = proto;
  link.ethertype = t;
  if (proto === 'other')
    return {
      ok: false,
      link,
      issue: { code: 'ethertype-other', at: 0, values: { hex: t.toString(16).padStart(4, '0') } },
    };
  return { ok: true, link };
}

/** The link header of one frame, never throwing. */
export function linkLayer(linkType: number, d: Uint8Array): LinkResult {
  const name = linkTypeName(linkType);
  const link: LinkLayer = { linkType, name, headerLength: 0, proto: 'other' };
  switch (linkType) {
    case LINKTYPE.ETHERNET: {
      if (d.length < 14) return short(name, 14, d.length);
      let o = 12;
      let t = u16(d, o, false);
      const vlan: number[] = [];
      // 802.1Q / 802.1ad tags: TPID, then TCI (PCP, DEI, VID), then the next EtherType.
      while (t === ETH_P_8021Q || t === ETH_P_8021AD) {
        if (vlan.length >= MAX_VLAN_TAGS)
          return { ok: false, link, issue: { code: 'vlan-depth', at: o, values: { limit: MAX_VLAN_TAGS } } };
        if (d.length < o + 8) return short(`${name} 802.1Q tag`, o + 8, d.length);
        vlan.push(u16(d, o + 2, false) & 0x0fff);
        o += 4;
        t = u16(d, o, false);
      }
      link.headerLength = o + 2;
      if (vlan.length) link.vlan = vlan;
      return withEther(link, t);
    }
    case LINKTYPE.RAW: {
      if (d.length < 1) return short(name, 1, 0);
      const v = (d[0] as number) >> 4;
      link.proto = v === 4 ? 'ipv4' : v === 6 ? 'ipv6' : 'other';
      if (link.proto === 'other')
        return {
          ok: false,
          link,
          issue: { code: 'ip-version', at: 0, values: { version: v, want: '4 or 6' } },
        };
      return { ok: true, link };
    }
    case LINKTYPE.IPV4:
      link.proto = 'ipv4';
      return { ok: true, link };
    case LINKTYPE.IPV6:
      link.proto = 'ipv6';
      return { ok: true, link };
    case LINKTYPE.NULL:
    case LINKTYPE.LOOP: {
      if (d.length < 4) return short(name, 4, d.length);
      link.headerLength = 4;
      // NULL stores the family in the capturing host's byte order; LOOP in network order.
      const fams = linkType === LINKTYPE.LOOP ? [u32(d, 0, false)] : [u32(d, 0, true), u32(d, 0, false)];
      if (fams.includes(2)) link.proto = 'ipv4';
      else if (fams.some((f) => AF_INET6_VALUES.has(f))) link.proto = 'ipv6';
      else
        return {
          ok: false,
          link,
          issue: { code: 'ethertype-other', at: 0, values: { hex: (fams[0] as number).toString(16) } },
        };
      return { ok: true, link };
    }
    case LINKTYPE.LINUX_SLL:
    case LINKTYPE.NETLINK: {
      // struct sll_header: pkttype, hatype, halen, addr[8], protocol — all big-endian.
      if (d.length < 16) return short(name, 16, d.length);
      link.headerLength = 16;
      link.pktType = u16(d, 0, false);
      const hatype = u16(d, 2, false);
      const protocol = u16(d, 14, false);
      if (linkType === LINKTYPE.NETLINK || hatype === ARPHRD_NETLINK) {
        link.proto = 'netlink';
        link.netlinkFamily = protocol;
        return { ok: true, link };
      }
      return withEther(link, protocol);
    }
    case LINKTYPE.LINUX_SLL2: {
      // struct sll2_header: protocol, reserved, ifindex, hatype, pkttype, halen, addr[8].
      if (d.length < 20) return short(name, 20, d.length);
      link.headerLength = 20;
      const protocol = u16(d, 0, false);
      link.ifindex = u32(d, 4, false);
      const hatype = u16(d, 8, false);
      link.pktType = d[10] as number;
      if (hatype === ARPHRD_NETLINK) {
        link.proto = 'netlink';
        link.netlinkFamily = protocol;
        return { ok: true, link };
      }
      return withEther(link, protocol);
    }
    default:
      return {
        ok: false,
        link,
        issue: { code: 'link-unsupported', at: 0, values: { linktype: linkType, name } },
      };
  }
}
