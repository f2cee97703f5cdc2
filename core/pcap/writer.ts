/**
 * A pcapng writer (SHB, one IDB per interface with if_tsresol 9, EPBs with an optional
 * comment) and the frames the exports put in it: Ethernet (optionally 802.1Q-tagged) or raw
 * IP, IPv4 headers with their checksum (ip_send_check), IPv6 headers with a fragment header
 * (ip6_fragment), UDP datagrams with the checksum over the whole datagram and its
 * pseudo-header (udp_send_skb / udp_v6_send_skb), and the cooked header of LINKTYPE_NETLINK.
 */
import { ByteWriter } from './bytes.ts';
import { csumFold, csumPartial, pseudoHeaderSum } from './checksum.ts';
import { ARPHRD_NETLINK, ETH_P_8021Q, ETH_P_IP, ETH_P_IPV6, LINKTYPE } from './link.ts';
import type { CaptureTime } from './types.ts';

export interface WriterInterface {
  linkType: number;
  name?: string;
  /** Snapshot length (default 262,144). */
  snaplen?: number;
}

export interface WriterPacket {
  interface: number;
  time: CaptureTime;
  data: Uint8Array;
  /** Length on the wire (default: data.length). */
  origlen?: number;
  /** opt_comment: shown by Wireshark as the packet comment. */
  comment?: string;
}

export interface PcapngSpec {
  interfaces: WriterInterface[];
  packets: WriterPacket[];
  /** Byte order of the file (default the x86 host's, little-endian). */
  endian?: 'le' | 'be';
  /** shb_userappl */
  application?: string;
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** An option value is at most 65,535 bytes (its length is 16 bits). */
const MAX_OPTION = 0xffff;

/** Text as an option value: UTF-8, cut at a character boundary to fit MAX_OPTION. */
function optionText(s: string): Uint8Array {
  const b = utf8(s);
  if (b.length <= MAX_OPTION) return b;
  let cut = MAX_OPTION;
  while (cut > 0 && ((b[cut] as number) & 0xc0) === 0x80) cut--;
  return b.subarray(0, cut);
}

function option(w: ByteWriter, code: number, value: Uint8Array, le: boolean): void {
  w.u16(code, le);
  w.u16(value.length, le);
  w.bytes(value);
  w.zeros((4 - (value.length % 4)) % 4);
}

function block(w: ByteWriter, type: number, le: boolean, body: (w: ByteWriter) => void): void {
  const start = w.length;
  w.u32(type, le);
  w.u32(0, le);
  body(w);
  const len = w.length - start + 4;
  w.u32(len, le);
  w.setU32(start + 4, len, le);
}

/** A pcapng file holding `spec`'s packets. */
export function writePcapng(spec: PcapngSpec): Uint8Array {
  const le = spec.endian !== 'be';
  const w = new ByteWriter(64 + spec.packets.reduce((n, p) => n + p.data.length + 48, 0));
  block(w, 0x0a0d0d0a, le, (b) => {
    b.u32(0x1a2b3c4d, le);
    b.u16(1, le);
    b.u16(0, le);
    b.u32(0xffffffff, le); // section length: not given (-1)
    b.u32(0xffffffff, le);
    option(b, 4, optionText(spec.application ?? 'sockscope'), le); // shb_userappl
    b.u32(0, le); // opt_endofopt
  });
  for (const i of spec.interfaces)
    block(w, 1, le, (b) => {
      b.u16(i.linkType, le);
      b.u16(0, le);
      b.u32(i.snaplen ?? 262_144, le);
      if (i.name) option(b, 2, optionText(i.name), le); // if_name
      option(b, 9, Uint8Array.of(9), le); // if_tsresol: nanoseconds
      b.u32(0, le);
    });
  for (const p of spec.packets)
    block(w, 6, le, (b) => {
      const ns = BigInt(p.time.sec) * 1_000_000_000n + BigInt(p.time.nsec);
      b.u32(p.interface, le);
      b.u32(Number(ns >> 32n), le);
      b.u32(Number(ns & 0xffffffffn), le);
      b.u32(p.data.length, le);
      b.u32(p.origlen ?? p.data.length, le);
      b.bytes(p.data);
      b.zeros((4 - (p.data.length % 4)) % 4);
      if (p.comment) {
        option(b, 1, optionText(p.comment), le); // opt_comment
        b.u32(0, le);
      }
    });
  return w.result();
}

/** Time `ms` milliseconds after `start`. */
export function timeAfter(start: CaptureTime, ms: number): CaptureTime {
  const ns = Math.round(start.nsec + ms * 1e6);
  return { sec: start.sec + Math.floor(ns / 1e9), nsec: ((ns % 1e9) + 1e9) % 1e9 };
}

/* ---- frames ---- */

export const LOOPBACK4 = Uint8Array.of(127, 0, 0, 1);
export const LOOPBACK6 = Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
/** Locally administered MACs for exported frames (loopback's are all zero; these read better). */
const MAC_DST = Uint8Array.of(0x02, 0, 0, 0, 0, 0x02);
const MAC_SRC = Uint8Array.of(0x02, 0, 0, 0, 0, 0x01);

/** The deterministic payload byte at offset `i` of the user's data (as the oracle's tools fill it). */
export const payloadByte = (i: number): number => (i * 7 + 3) & 0xff;

/**
 * A UDP datagram of `len` payload bytes with a correct checksum over all of it (the
 * pseudo-header for `src`/`dst`): what udp_send_skb hands down before fragmentation.
 */
export function udpDatagram(
  len: number,
  src: Uint8Array,
  dst: Uint8Array,
  sport = 40000,
  dport = 9999,
): Uint8Array {
  const d = new Uint8Array(len + 8);
  const total = len + 8;
  d[0] = sport >> 8;
  d[1] = sport & 0xff;
  d[2] = dport >> 8;
  d[3] = dport & 0xff;
  d[4] = (total >> 8) & 0xff; // uh->len: 0 when over 65,535 (a jumbogram; never sent here)
  d[5] = total & 0xff;
  for (let i = 0; i < len; i++) d[8 + i] = payloadByte(i);
  const sum = csumPartial(d, 0, total, pseudoHeaderSum(src, dst, 17, total));
  const c = csumFold(sum) || 0xffff; // a computed 0 is sent as 0xffff (CSUM_MANGLED_0)
  d[6] = c >> 8;
  d[7] = c & 0xff;
  return d;
}

export interface Ipv4Header {
  id: number;
  df: boolean;
  mf: boolean;
  /** In bytes (a multiple of 8). */
  offset: number;
  protocol: number;
  options: readonly number[];
  /** Bytes after the header. */
  payloadLength: number;
  src?: Uint8Array;
  dst?: Uint8Array;
  ttl?: number;
}

/** An IPv4 header with its checksum (ip_send_check). */
export function ipv4Header(h: Ipv4Header): Uint8Array {
  const opt = h.options.length;
  const ihl = 20 + opt;
  const b = new Uint8Array(ihl);
  const tot = ihl + h.payloadLength;
  b[0] = 0x40 | (ihl >> 2);
  b[2] = (tot >> 8) & 0xff;
  b[3] = tot & 0xff;
  b[4] = (h.id >> 8) & 0xff;
  b[5] = h.id & 0xff;
  const fo = ((h.offset >> 3) & 0x1fff) | (h.df ? 0x4000 : 0) | (h.mf ? 0x2000 : 0);
  b[6] = fo >> 8;
  b[7] = fo & 0xff;
  b[8] = h.ttl ?? 64;
  b[9] = h.protocol;
  b.set(h.src ?? LOOPBACK4, 12);
  b.set(h.dst ?? LOOPBACK4, 16);
  b.set(h.options, 20);
  const c = csumFold(csumPartial(b));
  b[10] = c >> 8;
  b[11] = c & 0xff;
  return b;
}

export interface Ipv6Header {
  /** payload_len: everything after the 40-byte header. */
  payloadLength: number;
  nextHeader: number;
  frag?: { nextHeader: number; offset: number; mf: boolean; id: number };
  src?: Uint8Array;
  dst?: Uint8Array;
  hopLimit?: number;
}

/** An IPv6 header, followed by the fragment header when `frag` is given. */
export function ipv6Header(h: Ipv6Header): Uint8Array {
  const b = new Uint8Array(h.frag ? 48 : 40);
  b[0] = 0x60;
  b[4] = (h.payloadLength >> 8) & 0xff;
  b[5] = h.payloadLength & 0xff;
  b[6] = h.frag ? 44 : h.nextHeader;
  b[7] = h.hopLimit ?? 64;
  b.set(h.src ?? LOOPBACK6, 8);
  b.set(h.dst ?? LOOPBACK6, 24);
  if (h.frag) {
    b[40] = h.frag.nextHeader;
    const fo = (h.frag.offset & 0xfff8) | (h.frag.mf ? 1 : 0);
    b[42] = fo >> 8;
    b[43] = fo & 0xff;
    const id = h.frag.id >>> 0;
    b[44] = id >>> 24;
    b[45] = (id >>> 16) & 0xff;
    b[46] = (id >>> 8) & 0xff;
    b[47] = id & 0xff;
  }
  return b;
}

export type ExportLink = 'ethernet' | 'raw';

/** An IP packet framed for the link: Ethernet (with an 802.1Q tag when `vlan` is given) or raw. */
export function frame(ip: Uint8Array, v6: boolean, link: ExportLink, vlan?: number): Uint8Array {
  if (link === 'raw') return ip;
  const tag = vlan !== undefined ? 4 : 0;
  const f = new Uint8Array(14 + tag + ip.length);
  f.set(MAC_DST, 0);
  f.set(MAC_SRC, 6);
  let o = 12;
  if (vlan !== undefined) {
    f[o] = ETH_P_8021Q >> 8;
    f[o + 1] = ETH_P_8021Q & 0xff;
    f[o + 2] = (vlan >> 8) & 0x0f;
    f[o + 3] = vlan & 0xff;
    o += 4;
  }
  const t = v6 ? ETH_P_IPV6 : ETH_P_IP;
  f[o] = t >> 8;
  f[o + 1] = t & 0xff;
  f.set(ip, o + 2);
  return f;
}

export const linkTypeOf = (link: ExportLink): number => (link === 'raw' ? LINKTYPE.RAW : LINKTYPE.ETHERNET);

/** A netlink buffer as an nlmon device captures it: the 16-byte cooked header, then the bytes. */
export function netlinkFrame(bytes: Uint8Array, protocol: number, outgoing: boolean): Uint8Array {
  const f = new Uint8Array(16 + bytes.length);
  f[1] = outgoing ? 4 : 0; // sll_pkttype: PACKET_OUTGOING for what user space sent
  f[2] = ARPHRD_NETLINK >> 8;
  f[3] = ARPHRD_NETLINK & 0xff;
  f[14] = (protocol >> 8) & 0xff;
  f[15] = protocol & 0xff;
  f.set(bytes, 16);
  return f;
}
