/**
 * How big an sk_buff really is: the sizing arithmetic of __alloc_skb / kmalloc_reserve
 * (net/core/skbuff.c) on x86-64. `truesize` is what the socket is charged.
 *
 * Approximation, written down: the three struct sizes below are those of the kernel the
 * fixtures were recorded on (6.18, x86-64, MAX_SKB_FRAGS 17). They were not read from its
 * headers but measured: small skbs cost 832 bytes of sk_wmem_alloc each, and the ENOBUFS
 * boundaries in core/conformance/fixtures/local/sndbuf-boundaries.json (78 real-kernel
 * probes) are reproduced exactly with these values.
 */

/** SMP_CACHE_BYTES on x86-64. */
export const SMP_CACHE_BYTES = 64;
/** PAGE_SIZE on x86-64. */
export const PAGE_SIZE = 4096;
/** SKB_DATA_ALIGN(sizeof(struct skb_shared_info)). */
export const SHINFO_SIZE = 320;
/** SKB_DATA_ALIGN(sizeof(struct sk_buff)). */
export const SKB_STRUCT_SIZE = 256;
/** SKB_SMALL_HEAD_CACHE_SIZE: heads up to this size come from skb_small_head_cache. */
export const SKB_SMALL_HEAD_CACHE_SIZE = 576;
/** CONFIG_MAX_SKB_FRAGS default. */
export const MAX_SKB_FRAGS = 17;
/** SKB_FRAG_PAGE_ORDER: sk_page_frag_refill hands out 32 KiB pages. */
export const SKB_FRAG_PAGE_SIZE = 32768;
/** KMALLOC_MAX_CACHE_SIZE with SLUB: larger heads are whole pages. */
const KMALLOC_MAX_CACHE_SIZE = 2 * PAGE_SIZE;
const KMALLOC_SIZES = [8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096, 8192];

/** SKB_DATA_ALIGN(x): round up to the cache line. */
export function skbDataAlign(x: number): number {
  return Math.ceil(x / SMP_CACHE_BYTES) * SMP_CACHE_BYTES;
}

/** SKB_HEAD_ALIGN(x): the data area plus the skb_shared_info after it. */
export function skbHeadAlign(x: number): number {
  return skbDataAlign(x) + SHINFO_SIZE;
}

/** SKB_WITH_OVERHEAD(x): usable bytes of an x-byte head. */
export function skbWithOverhead(x: number): number {
  return x - SHINFO_SIZE;
}

/** SKB_MAX_ALLOC = SKB_MAX_ORDER(0, 2): the largest linear head __ip_append_data asks for. */
export const SKB_MAX_ALLOC = skbWithOverhead(PAGE_SIZE << 2);

/** kmalloc_size_roundup(): the slab bucket (or page allocation) a request lands in. */
export function kmallocSizeRoundup(n: number): number {
  if (n <= KMALLOC_MAX_CACHE_SIZE) return KMALLOC_SIZES.find((s) => s >= n) ?? KMALLOC_MAX_CACHE_SIZE;
  let p = PAGE_SIZE;
  while (p < n) p *= 2;
  return p;
}

export interface SkbAllocation {
  /** The size asked of alloc_skb(). */
  size: number;
  /** The object really allocated (small-head cache, kmalloc bucket or pages). */
  objectSize: number;
  /** Where skb_shared_info starts: `end`, bytes from head. */
  end: number;
  /** SKB_TRUESIZE of the result: object + struct sk_buff. */
  truesize: number;
  cache: 'skb_small_head_cache' | 'kmalloc' | 'pages';
}

/** What __alloc_skb(size) gives (kmalloc_reserve puts skb_shared_info at the very end). */
export function skbAllocation(size: number): SkbAllocation {
  const want = skbHeadAlign(size);
  let objectSize: number;
  let cache: SkbAllocation['cache'];
  if (want <= SKB_SMALL_HEAD_CACHE_SIZE) {
    objectSize = SKB_SMALL_HEAD_CACHE_SIZE;
    cache = 'skb_small_head_cache';
  } else {
    objectSize = kmallocSizeRoundup(want);
    cache = want <= KMALLOC_MAX_CACHE_SIZE ? 'kmalloc' : 'pages';
  }
  return {
    size,
    objectSize,
    end: skbWithOverhead(objectSize),
    truesize: objectSize + SKB_STRUCT_SIZE,
    cache,
  };
}

/** LL_RESERVED_SPACE(dev) = ((hard_header_len + needed_headroom) & ~15) + 16 (HH_DATA_MOD). */
export function llReservedSpace(hardHeaderLen: number, neededHeadroom = 0): number {
  return ((hardHeaderLen + neededHeadroom) & ~15) + 16;
}
