/**
 * The sk_buff model (include/linux/skbuff.h). Offsets are bytes from `head`, as with
 * NET_SKBUFF_DATA_USES_OFFSET on 64-bit builds. Payload is never copied: a region says
 * which byte range of the user's payload (or which header) occupies which bytes.
 */

/** What occupies a stretch of the buffer. */
export type RegionKind =
  | 'eth' // Ethernet / loopback hard header
  | 'ip' // IPv4 header (fixed part)
  | 'ipopt' // IPv4 options
  | 'ip6' // IPv6 header
  | 'frag6' // IPv6 fragment header
  | 'udp' // UDP header
  | 'payload'; // user data

export interface Region {
  kind: RegionKind;
  /** Start offset from `head` (linear regions) or within the page frag (paged regions). */
  start: number;
  end: number;
  /** For `payload`: the byte range of the user's data, [from, to). */
  from?: number;
  to?: number;
}

/** One page fragment (skb_shinfo(skb)->frags[i]). */
export interface PageFrag {
  size: number;
  /** What it holds (always payload in the output path). */
  regions: Region[];
}

/** A snapshot of one sk_buff, plain data. */
export interface SkbSnapshot {
  /** Stable identity across steps, so panels can show reuse (fast path) vs. new skbs (slow path). */
  id: number;
  /** A short label for people: "queue[0]", "frag 3". */
  label: string;
  head: 0;
  data: number;
  tail: number;
  end: number;
  len: number;
  data_len: number;
  truesize: number;
  network_header?: number;
  transport_header?: number;
  mac_header?: number;
  frags: PageFrag[];
  /** skb_shinfo(skb)->frag_list: the chained skbs, in order. */
  frag_list: SkbSnapshot[];
  /** Linear-area contents, in buffer order. */
  regions: Region[];
}

export function skbHeadroom(s: Pick<SkbSnapshot, 'data' | 'head'>): number {
  return s.data - s.head;
}

export function skbTailroom(s: Pick<SkbSnapshot, 'data_len' | 'end' | 'tail'>): number {
  return s.data_len ? 0 : s.end - s.tail;
}

export function skbHeadlen(s: Pick<SkbSnapshot, 'len' | 'data_len'>): number {
  return s.len - s.data_len;
}
