/** The Internet checksum (RFC 1071), as ip_fast_csum / csum_partial compute it. */

/** The 16-bit ones'-complement sum of `b[from, to)`, added to `sum` (not yet folded). */
export function csumPartial(b: Uint8Array, from = 0, to = b.length, sum = 0): number {
  let s = sum;
  let i = from;
  for (; i + 1 < to; i += 2) s += ((b[i] as number) << 8) | (b[i + 1] as number);
  if (i < to) s += (b[i] as number) << 8;
  // Keep the sum small: 0x10000 ≡ 1 (mod 0xffff), and a non-zero multiple of 0xffff is 0xffff.
  return s > 0xffffffff ? s % 0xffff || 0xffff : s;
}

/** Fold a partial sum to 16 bits and complement it (csum_fold). */
export function csumFold(sum: number): number {
  let s = sum;
  while (s > 0xffff) s = (s & 0xffff) + Math.floor(s / 0x10000);
  return ~s & 0xffff;
}

/** The IPv4 header checksum of `b[from, from + len)` with its checksum field taken as it stands. */
export function ipFastCsum(b: Uint8Array, from: number, len: number): number {
  return csumFold(csumPartial(b, from, from + len));
}

/** The UDP pseudo-header sum (csum_tcpudp_nofold / csum_ipv6_magic) for a datagram of `len` bytes. */
export function pseudoHeaderSum(src: Uint8Array, dst: Uint8Array, protocol: number, len: number): number {
  let s = csumPartial(src) + csumPartial(dst) + protocol;
  if (src.length === 16) s += Math.floor(len / 0x10000) + (len & 0xffff);
  else s += len;
  return s;
}
