import type { DropReason, MibResult, SnmpDelta } from '../drops/types.ts';
import type { Errno } from '../errno/index.ts';
import type { Msg } from '../i18n/index.ts';
import type { UdpArrival } from '../udp/udp-rcv.ts';
import type { Trace } from '../trace/index.ts';
import type { SkbSnapshot } from '../skb/types.ts';

export type Family = 'inet' | 'inet6';
/** `raw` is SOCK_RAW with a protocol; `raw-hdrincl` is IPPROTO_RAW (IP_HDRINCL): the user writes the IP header. */
export type SockKind = 'udp' | 'raw' | 'raw-hdrincl';
/** IP_MTU_DISCOVER / IPV6_MTU_DISCOVER values (include/uapi/linux/in.h, in6.h). */
export type PmtuMode = 'dont' | 'want' | 'do' | 'probe' | 'interface' | 'omit';
export const PMTU_MODES: readonly PmtuMode[] = ['dont', 'want', 'do', 'probe', 'interface', 'omit'];
/** Each mode as the step texts name it (IP_PMTUDISC_<MODE>): the mode upper-cased. */
export const PMTU_WORD: Record<PmtuMode, string> = {
  dont: 'DONT',
  want: 'WANT',
  do: 'DO',
  probe: 'PROBE',
  interface: 'INTERFACE',
  omit: 'OMIT',
};
export const PMTU_VALUE: Record<PmtuMode, number> = {
  dont: 0,
  want: 1,
  do: 2,
  probe: 3,
  interface: 4,
  omit: 5,
};

/** Everything the output path takes. Lengths are user payload bytes (for `raw-hdrincl`: after the 20-byte header). */
export interface SendInput {
  family: Family;
  sock: SockKind;
  /** Raw socket protocol (SOCK_RAW, protocol); ignored for UDP. Default 253 (IPPROTO for experiments). */
  protocol: number;
  /** Device MTU (loopback in the fixtures). */
  mtu: number;
  pmtu: PmtuMode;
  /**
   * The sends, in order. One element: one sendto(). Several: sendto()s glued into one datagram by
   * MSG_MORE (every send but the last carries it).
   */
  sends: number[];
  /** One sendmsg() with this iovec list (used instead of `sends` when present). */
  iov?: number[];
  /** IPv4 options as given to setsockopt(IP_OPTIONS) (at most 40 bytes). */
  options: number[];
  /** Device has NETIF_F_SG (scatter-gather). Loopback does. */
  sg: boolean;
  /** sk_sndbuf (SO_SNDBUF as the kernel stores it; net.core.wmem_default = 212992). */
  sndbuf: number;
  /** Model the 2 × sk_sndbuf check of __ip_append_data (switch off to see the full fragment train). */
  sndbufCheck: boolean;
  /** IP_HDRINCL only: the DF bit in the header the user wrote. */
  df: boolean;
}

export const DEFAULT_SEND_INPUT: SendInput = {
  family: 'inet',
  sock: 'udp',
  protocol: 253,
  mtu: 1500,
  pmtu: 'want',
  sends: [4000],
  options: [],
  sg: true,
  sndbuf: 212992,
  sndbufCheck: true,
  df: false,
};

/** A byte range [from, to) of the transport datagram (UDP header + payload, or the raw payload). */
export interface ByteRange {
  from: number;
  to: number;
}

export interface WirePacketV4 {
  family: 'inet';
  index: number;
  /** iph->tot_len */
  total_length: number;
  /** Header length in bytes (ihl × 4). */
  ihl: number;
  /** iph->id, as the model chose it (ids are unpredictable in a real kernel). */
  id: number;
  df: boolean;
  mf: boolean;
  /** Fragment offset in bytes (the header field × 8). */
  offset: number;
  protocol: number;
  /** Option bytes of this packet's header (non-copied options become NOPs after the first fragment). */
  options: number[];
  /** Which bytes of the datagram this packet carries. */
  range: ByteRange;
  /**
   * A raw socket of protocol 255 (IPPROTO_RAW, so IP_HDRINCL): the header is the payload's own
   * first bytes (send-hdrincl.ts rawSendUserHeader). `lead`: the packet's first bytes as they left
   * (at most 60, raw_send_hdrinc's fix-ups included but for the header checksum, bytes 10–11,
   * which are 0 here: `csum` says over how many bytes ip_fast_csum fills them in); `fill`: every
   * byte after them. The fields above are read from these bytes; a capture reads the version
   * nibble (wire.ts wireFacts).
   */
  userHeader?: { lead: number[]; fill: number; csum?: number };
}

/** An IPv6 fragment header's fields (struct frag_hdr) as a capture and ipv6_frag_rcv read them. */
export interface FragHeaderFields {
  next_header: number;
  /** frag_off & ~7: the offset in bytes. */
  offset: number;
  mf: boolean;
  id: number;
}

export interface WirePacketV6 {
  family: 'inet6';
  index: number;
  /** ip6h->payload_len */
  payload_length: number;
  total_length: number;
  next_header: number;
  /** The fragment header, when present. */
  frag?: { next_header: number; offset: number; mf: boolean; id: number };
  /**
   * A raw socket of protocol 44 sent its payload unfragmented: the payload's first 8 bytes are
   * what a capture and the receiver read as a fragment header (the sender wrote none).
   */
  payloadFrag?: FragHeaderFields;
  /** A raw socket of protocol 255: the header is the payload's own bytes (as WirePacketV4's). */
  userHeader?: { lead: number[]; fill: number };
  range: ByteRange;
}

export type WirePacket = WirePacketV4 | WirePacketV6;

/** What the panels draw at each step. */
export interface OutputSnapshot {
  /** The sk_buffs this step holds or produced, in order. */
  skbs: SkbSnapshot[];
  /** Named numbers of this step (mtu, maxfraglen, fraggap, copy…). */
  vars: Record<string, number | string | boolean>;
  /** Wire packets emitted so far. */
  wireCount: number;
}

export type FragPath = 'none' | 'fast' | 'slow';

/** An ICMP error the stack sent (and, on loopback, received again). */
export type IcmpReply = { type: number; code: number; why: Msg };

interface SendCommon {
  input: SendInput;
  /** The transport datagram size (UDP header + payload, or raw payload; for hdrincl the whole IP packet). */
  datagramLength: number;
  /** IP header length the packets carry (20 + options; 40 for IPv6). */
  headerLength: number;
  wire: WirePacket[];
  /** ICMP errors counted at the loopback receiver or sent by the stack. */
  icmp: IcmpReply[];
  /** Which `ip_do_fragment` path ran, and why. */
  fragPath: FragPath;
  fragPathWhy: Msg;
  trace: Trace<OutputSnapshot, Msg>;
  /** Key numbers for people: fragsize, maxfraglen, fragheaderlen… */
  numbers: Record<string, number>;
  /** Every skb the kernel freed as a drop (sender and receiver), sorted by reason, then function. */
  drop_reasons: DropReason[];
  /** Every SNMP counter that moved (sender and receiver), non-zero only. */
  snmp_delta: SnmpDelta;
  /**
   * With socket `external` (the caller takes over at udp_rcv): the same split by side, the
   * sender's (down to the wire) and the receiver's (from the wire up). See sendSides.
   */
  sides?: { tx: MibResult; rx: MibResult };
}

export interface SendOk extends SendCommon {
  ok: true;
  /** sendto()/sendmsg() return value. */
  sent: number;
  /** What a bound UDP receiver on loopback gets from recv() (null: nothing). */
  received_length: number | null;
  /** The datagram as it reached udp_rcv (null: not UDP, or it never got there). */
  arrival: UdpArrival | null;
}

export interface SendFail extends SendCommon {
  ok: false;
  errno: Errno;
  /** The kernel function returning the errno, its file, and why. */
  fn: string;
  file: string;
  why: Msg;
  received_length: null;
}

export type SendResult = SendOk | SendFail;

/** An input a user typed that the model cannot take (with the field and why). */
export interface InputIssue {
  field: keyof SendInput | 'len';
  /** The English sentence (machines, the JSON). */
  message: string;
  /** The same sentence as a catalog message (core/ip/validate-messages.ts), for the reader's language. */
  msg: Msg;
}
