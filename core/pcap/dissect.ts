/**
 * A captured packet in the model's terms: the IPv4 header as ip_rcv_core reads it
 * (net/ipv4/ip_input.c: ihl, tot_len, id, frag_off's DF/MF/offset, protocol, options), the
 * IPv6 header and its extension chain as ipv6_rcv and ipv6_frag_rcv walk it
 * (net/ipv6/ip6_input.c, net/ipv6/reassembly.c), the UDP header, and netlink frames
 * decoded by core/netlink. Every length and offset is read from the bytes; nothing is copied.
 */
import { decodeNetlink, type NlDiagnostic, type NlFamily } from '../netlink/index.ts';
import { hex, u16, u32 } from './bytes.ts';
import { csumFold, csumPartial } from './checksum.ts';
import { linkLayer, type LinkLayer } from './link.ts';
import { pcapMessage, type MessageValues, type PcapMessageCode } from './messages.ts';
import { netlinkFamilyOf } from './netlink-family.ts';
import type { CapturedPacket, PcapDiagnostic } from './types.ts';

export const IPPROTO_UDP = 17;
export const NEXTHDR_FRAGMENT = 44;
/** IPv6 extension headers ipv6_skip_exthdr walks (include/net/ipv6.h ipv6_ext_hdr, and AH). */
const IPV6_EXT = new Set([0, 43, 44, 51, 60, 135, 139, 140]);
/** Extension headers walked at most (the kernel stops at the packet's end; a bound keeps hostile chains cheap). */
const MAX_EXT_HEADERS = 16;

export interface Ipv4View {
  version: 4;
  /** Offset of the IP header in the frame. */
  offset: number;
  /** Header length in bytes (ihl × 4). */
  ihl: number;
  tos: number;
  /** iph->tot_len */
  totalLength: number;
  id: number;
  /** The reserved (evil) bit. */
  rf: boolean;
  df: boolean;
  mf: boolean;
  /** Fragment offset in bytes (the 13-bit field × 8). */
  fragOffset: number;
  ttl: number;
  protocol: number;
  checksum: number;
  checksumOk: boolean;
  src: string;
  dst: string;
  /** Option bytes (a view). */
  options: Uint8Array;
  /** Offset of the IP payload in the frame, and its length per the header. */
  payloadOffset: number;
  payloadLength: number;
  /** ip_is_fragment(): MF or a non-zero offset. */
  isFragment: boolean;
}

export interface Ipv6Ext {
  type: number;
  offset: number;
  length: number;
}

export interface Ipv6Frag {
  /** Offset of the fragment header in the frame. */
  headerOffset: number;
  nextHeader: number;
  /** Fragment offset in bytes. */
  offset: number;
  mf: boolean;
  id: number;
}

export interface Ipv6View {
  version: 6;
  offset: number;
  trafficClass: number;
  flowLabel: number;
  /** ip6h->payload_len */
  payloadLen: number;
  nextHeader: number;
  hopLimit: number;
  src: string;
  dst: string;
  extensions: Ipv6Ext[];
  frag?: Ipv6Frag;
  /** The upper-layer protocol (after the chain; for a non-first fragment, the fragment header's next header). */
  upper: number;
  /** Offset of the upper-layer header (or, for a fragment, of the fragmentable part) in the frame. */
  payloadOffset: number;
  /** Bytes from payloadOffset to the end of the packet, per payload_len. */
  payloadLength: number;
  isFragment: boolean;
}

export type IpView = Ipv4View | Ipv6View;

export interface UdpView {
  offset: number;
  srcPort: number;
  dstPort: number;
  /** uh->len: the whole datagram's length (header included). */
  length: number;
  checksum: number;
  /** Checked when the whole datagram is in this packet and captured (null: not checkable). */
  checksumOk: boolean | null;
}

export interface NetlinkMessageSummary {
  offset: number;
  len: number;
  type: number;
  typeName: string;
  flags: number;
  flagNames: string[];
  seq: number;
  pid: number;
  errno?: string;
  /** NLMSG_ERROR: nlmsg_len of the request it echoes (when echoed). */
  echoedLen?: number;
}

export interface NetlinkView {
  /** The netlink protocol from the cooked header (NETLINK_ROUTE 0, NETLINK_GENERIC 16…). */
  protocol: number;
  family: NlFamily;
  endian: 'le' | 'be';
  /** Offset of the first nlmsghdr in the frame. */
  offset: number;
  bytes: Uint8Array;
  messages: NetlinkMessageSummary[];
  diagnostics: NlDiagnostic[];
}

/** The fragment facts grouping needs, in the terms of DefragInput. */
export interface FragFacts {
  family: 'inet' | 'inet6';
  /** The kernel's queue key: IPv4 saddr, daddr, id, protocol; IPv6 saddr, daddr, id. */
  key: string;
  id: number;
  /** Byte offset of this fragment in the datagram. */
  offset: number;
  /** Bytes of datagram it carries, per its header. */
  length: number;
  mf: boolean;
  protocol: number;
  /** The bytes captured of it (may be short of `length` with a small snaplen). */
  data: Uint8Array;
}

export interface PacketView {
  index: number;
  link: LinkLayer | null;
  ip?: IpView;
  udp?: UdpView;
  netlink?: NetlinkView;
  /** Present when the packet is an IP fragment (MF or a non-zero offset). */
  frag?: FragFacts;
  diagnostics: PcapDiagnostic[];
}

export const ipv4String = (b: Uint8Array, o: number): string =>
  `${b[o] ?? 0}.${b[o + 1] ?? 0}.${b[o + 2] ?? 0}.${b[o + 3] ?? 0}`;

/** RFC 5952 text of an IPv6 address: lowercase, the longest run of two or more zero groups as `::`. */
export function ipv6String(b: Uint8Array, o: number): string {
  const g: number[] = [];
  for (let i = 0; i < 8; i++) g.push(u16(b, o + 2 * i, false));
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const part = (a: number[]) => a.map((x) => x.toString(16)).join(':');
  if (best < 0) return part(g);
  return `${part(g.slice(0, best))}::${part(g.slice(best + bestLen))}`;
}

class Findings {
  list: PcapDiagnostic[] = [];
  constructor(private p: CapturedPacket) {}
  add(severity: PcapDiagnostic['severity'], code: PcapMessageCode, at: number, values: MessageValues): void {
    const block = `packet ${this.p.index + 1}`;
    const offset = this.p.dataOffset + at;
    const v = { block, offset, ...values };
    this.list.push({ severity, code, block, offset, values: v, message: pcapMessage(code, v) });
  }
}

function ipv4(d: Uint8Array, o: number, f: Findings): { ip: Ipv4View; end: number } | null {
  if (d.length < o + 20) {
    f.add('error', 'ip-short', o, { name: 'IPv4', need: 20, have: d.length - o });
    return null;
  }
  const version = (d[o] as number) >> 4;
  if (version !== 4) {
    f.add('error', 'ip-version', o, { version, want: '4' });
    return null;
  }
  const ihl = ((d[o] as number) & 0x0f) * 4;
  if (ihl < 20 || o + ihl > d.length) {
    f.add('error', 'ip-bad-ihl', o, { ihl: ihl / 4, bytes: ihl });
    return null;
  }
  const totalLength = u16(d, o + 2, false);
  if (totalLength < ihl) {
    f.add('error', 'ip-bad-total', o + 2, { name: 'IPv4 total', total: totalLength, header: ihl });
    return null;
  }
  const fo = u16(d, o + 6, false);
  const checksum = u16(d, o + 10, false);
  const ok = csumFold(csumPartial(d, o, o + ihl)) === 0;
  if (!ok) {
    const want = csumFold(csumPartial(d, o, o + ihl) - checksum + 0x10000 * 2);
    f.add('warning', 'ip-bad-checksum', o + 10, {
      got: checksum.toString(16).padStart(4, '0'),
      want: want.toString(16).padStart(4, '0'),
    });
  }
  const end = o + totalLength;
  if (end > d.length) f.add('info', 'ip-captured-short', o, { have: d.length - o, total: totalLength });
  const ip: Ipv4View = {
    version: 4,
    offset: o,
    ihl,
    tos: d[o + 1] as number,
    totalLength,
    id: u16(d, o + 4, false),
    rf: (fo & 0x8000) !== 0,
    df: (fo & 0x4000) !== 0,
    mf: (fo & 0x2000) !== 0,
    fragOffset: (fo & 0x1fff) * 8,
    ttl: d[o + 8] as number,
    protocol: d[o + 9] as number,
    checksum,
    checksumOk: ok,
    src: ipv4String(d, o + 12),
    dst: ipv4String(d, o + 16),
    options: d.subarray(o + 20, o + ihl),
    payloadOffset: o + ihl,
    payloadLength: totalLength - ihl,
    isFragment: (fo & 0x3fff) !== 0,
  };
  return { ip, end };
}

function ipv6(d: Uint8Array, o: number, f: Findings): { ip: Ipv6View; end: number } | null {
  if (d.length < o + 40) {
    f.add('error', 'ip-short', o, { name: 'IPv6', need: 40, have: d.length - o });
    return null;
  }
  const version = (d[o] as number) >> 4;
  if (version !== 6) {
    f.add('error', 'ip-version', o, { version, want: '6' });
    return null;
  }
  const w = u32(d, o, false);
  const payloadLength = u16(d, o + 4, false);
  const end = o + 40 + payloadLength;
  if (end > d.length)
    f.add('info', 'ip-captured-short', o, { have: d.length - o, total: 40 + payloadLength });
  const ip: Ipv6View = {
    version: 6,
    offset: o,
    trafficClass: (w >>> 20) & 0xff,
    flowLabel: w & 0xfffff,
    payloadLen: payloadLength,
    nextHeader: d[o + 6] as number,
    hopLimit: d[o + 7] as number,
    src: ipv6String(d, o + 8),
    dst: ipv6String(d, o + 24),
    extensions: [],
    upper: d[o + 6] as number,
    payloadOffset: o + 40,
    payloadLength,
    isFragment: false,
  };
  // Walk the chain as ipv6_skip_exthdr does; stop at the fragment header of a non-first fragment.
  let nh = ip.nextHeader;
  let p = o + 40;
  const stop = Math.min(end, d.length);
  while (IPV6_EXT.has(nh)) {
    if (ip.extensions.length >= MAX_EXT_HEADERS) {
      f.add('warning', 'ip6-ext-depth', p, { limit: MAX_EXT_HEADERS });
      break;
    }
    if (p + 8 > stop) {
      f.add('warning', 'ip6-ext-short', p, { type: nh });
      break;
    }
    const len =
      nh === NEXTHDR_FRAGMENT
        ? 8
        : nh === 51
          ? ((d[p + 1] as number) + 2) * 4
          : ((d[p + 1] as number) + 1) * 8;
    ip.extensions.push({ type: nh, offset: p, length: len });
    const next = d[p] as number;
    if (nh === NEXTHDR_FRAGMENT) {
      const fo = u16(d, p + 2, false);
      ip.frag = {
        headerOffset: p,
        nextHeader: next,
        offset: fo & 0xfff8,
        mf: (fo & 1) !== 0,
        id: u32(d, p + 4, false),
      };
      // An atomic fragment (offset 0, no M) is processed as unfragmented (ipv6_frag_rcv).
      ip.isFragment = (fo & 0xfff9) !== 0;
      if (ip.isFragment) {
        ip.upper = next;
        ip.payloadOffset = p + 8;
        ip.payloadLength = end - (p + 8);
        return { ip, end };
      }
    }
    nh = next;
    p += len;
  }
  ip.upper = nh;
  ip.payloadOffset = p;
  ip.payloadLength = end - p;
  return { ip, end };
}

function udp(d: Uint8Array, o: number, end: number, ip: IpView, f: Findings): UdpView | undefined {
  if (o + 8 > d.length) {
    f.add('warning', 'udp-short', o, { have: Math.max(0, d.length - o) });
    return undefined;
  }
  const length = u16(d, o + 4, false);
  const checksum = u16(d, o + 6, false);
  let checksumOk: boolean | null = null;
  // Checkable only when this packet holds the whole datagram and all of it was captured.
  if (!ip.isFragment && end <= d.length && o + length <= end && length >= 8 && checksum !== 0) {
    const v4 = ip.version === 4;
    const a = v4 ? ip.offset + 12 : ip.offset + 8;
    const alen = v4 ? 4 : 16;
    let s = csumPartial(d, a, a + 2 * alen) + IPPROTO_UDP + length;
    s = csumPartial(d, o, o + length, s);
    checksumOk = csumFold(s) === 0;
  }
  return {
    offset: o,
    srcPort: u16(d, o, false),
    dstPort: u16(d, o + 2, false),
    length,
    checksum,
    checksumOk,
  };
}

function netlink(d: Uint8Array, link: LinkLayer, f: Findings): NetlinkView {
  const o = link.headerLength;
  const bytes = d.subarray(o);
  const protocol = link.netlinkFamily ?? 0;
  const family = netlinkFamilyOf(protocol);
  // The cooked header is big-endian; the messages are in the capturing host's order: take
  // the order whose first nlmsg_len fits the frame.
  const fits = (le: boolean) => {
    const n = u32(bytes, 0, le);
    return n >= 16 && n <= bytes.length;
  };
  const endian = bytes.length >= 4 && !fits(true) && fits(false) ? 'be' : 'le';
  const r = decodeNetlink(bytes, { family, endian });
  const messages = r.messages.map((m) => ({
    offset: o + m.offset,
    len: m.len,
    type: m.type,
    typeName: m.typeName,
    flags: m.flags,
    flagNames: m.flagNames,
    seq: m.seq,
    pid: m.pid,
    ...(m.error ? { errno: m.error.name } : {}),
    ...(m.error?.echoed ? { echoedLen: m.error.echoed.len } : {}),
  }));
  const diagnostics = [...r.diagnostics, ...r.messages.flatMap((m) => m.diagnostics)];
  const errors = diagnostics.filter((x) => x.severity === 'error').length;
  if (errors) f.add('warning', 'netlink-diagnostics', o, { count: errors });
  return { protocol, family, endian, offset: o, bytes, messages, diagnostics };
}

/** One packet, dissected; never throws. */
export function dissectPacket(p: CapturedPacket): PacketView {
  const f = new Findings(p);
  const view: PacketView = { index: p.index, link: null, diagnostics: f.list };
  try {
    const d = p.data;
    const l = linkLayer(p.linkType, d);
    view.link = l.link;
    if (!l.ok) {
      f.add(
        l.issue.code === 'ethertype-other' ? 'info' : 'warning',
        l.issue.code,
        l.issue.at,
        l.issue.values,
      );
      return view;
    }
    const link = l.link;
    if (link.proto === 'netlink') {
      view.netlink = netlink(d, link, f);
      return view;
    }
    const r = link.proto === 'ipv4' ? ipv4(d, link.headerLength, f) : ipv6(d, link.headerLength, f);
    if (!r) return view;
    const ip = r.ip;
    view.ip = ip;
    const v4 = ip.version === 4;
    const protocol = v4 ? ip.protocol : ip.upper;
    const first = v4 ? ip.fragOffset === 0 : !ip.frag || ip.frag.offset === 0;
    if (protocol === IPPROTO_UDP && first) {
      const u = udp(d, ip.payloadOffset, r.end, ip, f);
      if (u) view.udp = u;
    }
    if (ip.isFragment) {
      const from = ip.payloadOffset;
      const data = d.subarray(Math.min(from, d.length), Math.min(from + ip.payloadLength, d.length));
      view.frag = v4
        ? {
            family: 'inet',
            key: `${ip.src} > ${ip.dst} id ${ip.id} proto ${ip.protocol}`,
            id: ip.id,
            offset: ip.fragOffset,
            length: ip.payloadLength,
            mf: ip.mf,
            protocol: ip.protocol,
            data,
          }
        : {
            family: 'inet6',
            key: `${ip.src} > ${ip.dst} id ${(ip.frag as Ipv6Frag).id}`,
            id: (ip.frag as Ipv6Frag).id,
            offset: (ip.frag as Ipv6Frag).offset,
            length: ip.payloadLength,
            mf: (ip.frag as Ipv6Frag).mf,
            protocol: ip.upper,
            data,
          };
    }
  } catch (e) {
    f.add('error', 'internal', 0, { what: e instanceof Error ? e.message : String(e) });
  }
  return view;
}

/** Hex of an IPv4 packet's option bytes, as the fixtures write `options_hex`. */
export const optionsHex = (ip: Ipv4View): string => hex(ip.options);
