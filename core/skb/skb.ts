/**
 * The sk_buff and its pointer operations (include/linux/skbuff.h, net/core/skbuff.c).
 * A `SkBuff` is mutable while a pipeline builds it; `skbSnapshot` freezes it as plain data
 * for a trace. Payload bytes are never held: regions name byte ranges of the user's data.
 */
import { MAX_SKB_FRAGS, skbAllocation } from './alloc.ts';
import type { PageFrag, Region, RegionKind, SkbSnapshot } from './types.ts';

/** A live sk_buff while a pipeline builds it: a snapshot's fields, mutable, with live frag_list skbs. */
export type SkBuff = Omit<SkbSnapshot, 'head' | 'frag_list'> & { frag_list: SkBuff[] };

/** A BUG() the kernel would hit, as a value with the numbers it prints. */
export interface SkbPanic {
  ok: false;
  panic: 'skb_over_panic' | 'skb_under_panic';
  fn: string;
  message: string;
}
export type SkbOpResult = { readonly ok: true } | SkbPanic;

/** The one success of skb_reserve, skb_put and skb_push: a 1,365-fragment send made 4,000 of them. */
const OK: SkbOpResult = Object.freeze({ ok: true as const });

let nextId = 1;

/** Reset skb ids (pipelines do this so that equal inputs give equal traces). */
export function resetSkbIds(): void {
  nextId = 1;
}

/**
 * skb.regions, ready to be written in place. The last snapshot shares the live array rather than
 * copying it (copy on write: skbSnapshot); an in-place write copies it first, once — then the
 * array is this skb's own again until the next snapshot.
 */
export function writableRegions(skb: SkBuff): Region[] {
  const e = entryOf(skb);
  if (e !== undefined && e.snap.regions === skb.regions) skb.regions = skb.regions.slice();
  return skb.regions;
}

/** Below this many regions, appendRegion builds a new array of the exact size (see there). */
const EXACT_REGIONS = 8;

/**
 * `regions` with `region` added after them (`first` false) or before them, in a new array of
 * the exact size. Up to three, an array literal: V8 builds it packed and of its length in one go,
 * where `new Array(n)` starts holey and changes kind when the first region is stored.
 */
function withRegion(regions: readonly Region[], region: Region, first: boolean): Region[] {
  const n = regions.length;
  if (n === 0) return [region];
  const a = regions[0] as Region;
  if (n === 1) return first ? [region, a] : [a, region];
  const b = regions[1] as Region;
  if (n === 2) return first ? [region, a, b] : [a, b, region];
  const c = regions[2] as Region;
  if (n === 3) return first ? [region, a, b, c] : [a, b, c, region];
  const out = new Array<Region>(n + 1);
  const at = first ? 1 : 0;
  for (let i = 0; i < n; i++) out[i + at] = regions[i] as Region;
  out[first ? 0 : n] = region;
  return out;
}

/**
 * Add a region after the others. An skb holds a few regions, and its array is kept by every
 * snapshot that shows it: an array grown by push keeps room for 17 (V8 grows a backing store
 * to n + n/2 + 16), five times what it holds. So a short array is replaced by a copy of the
 * exact size (which also leaves any snapshot's array alone); a long one (a reassembled head
 * coalescing its fragments) is pushed into, its copy made once per snapshot (writableRegions).
 * The copy is made by withRegion: `Array.prototype.concat` made the 1,365-fragment send 10 %
 * slower than pushing, where a loop into `new Array(n + 1)` made it 13 % faster (Node 20).
 */
function appendRegion(skb: SkBuff, region: Region): void {
  const regions = skb.regions;
  if (regions.length >= EXACT_REGIONS) writableRegions(skb).push(region);
  else skb.regions = withRegion(regions, region, false);
}

/**
 * A live skb as allocSkb makes it: the fields of SkBuff, in this order, and one private slot —
 * the record of its last snapshot (skbSnapshot). A private field is invisible to copies
 * ({ ...skb }), JSON, Object.keys and comparisons, as the fields' owner wants, and costs nothing
 * to set up (a non-enumerable property made with Object.defineProperty cost more than the rest of
 * alloc_skb). The header offsets are there from the start, undefined until set (see the constructor).
 */
class LiveSkb {
  #snap: SnapEntry | undefined = undefined;
  declare id: number;
  declare label: string;
  declare data: number;
  declare tail: number;
  declare end: number;
  declare len: number;
  declare data_len: number;
  declare truesize: number;
  declare frags: PageFrag[];
  declare frag_list: SkBuff[];
  declare regions: Region[];
  declare network_header?: number;
  declare transport_header?: number;
  declare mac_header?: number;
  constructor(id: number, label: string, end: number, truesize: number) {
    // The same keys in the same order as the object literal this replaced.
    this.id = id;
    this.label = label;
    this.data = 0;
    this.tail = 0;
    this.end = end;
    this.len = 0;
    this.data_len = 0;
    this.truesize = truesize;
    this.frags = [];
    this.frag_list = [];
    this.regions = [];
    // The header offsets exist from the start (unset: undefined), so every live skb has one
    // shape whatever headers it gets, and the property reads of a pipeline stay monomorphic.
    this.network_header = undefined;
    this.transport_header = undefined;
    this.mac_header = undefined;
  }
  static entry(skb: SkBuff): SnapEntry | undefined {
    return #snap in skb ? (skb as LiveSkb).#snap : foreignEntries.get(skb);
  }
  static setEntry(skb: SkBuff, e: SnapEntry): void {
    if (#snap in skb) (skb as LiveSkb).#snap = e;
    else foreignEntries.set(skb, e);
  }
}

/** The records of skbs that allocSkb did not make (a copy, a literal in a test). */
const foreignEntries = new WeakMap<SkBuff, SnapEntry>();
const entryOf = (skb: SkBuff): SnapEntry | undefined => LiveSkb.entry(skb);

/** alloc_skb(size): an empty buffer, data = tail = head. */
export function allocSkb(size: number, label = ''): SkBuff {
  const a = skbAllocation(size);
  return new LiveSkb(nextId++, label, a.end, a.truesize);
}

/** The head pointer the panic lines print (%px of a direct-map address); offsets are from it. */
const HEAD_ADDR = 0xffff888000000000n;
const ptr = (offset: number): string => (HEAD_ADDR + BigInt(offset)).toString(16);
/**
 * The kernel's "%#lx" (lib/vsprintf.c number(): the "0x" prefix is written for base 16 whatever
 * the value, so zero prints as 0x0 — unlike glibc's printf, which prints a bare 0).
 */
const lx = (v: number): string => `0x${v.toString(16)}`;

/**
 * skb_panic (net/core/skbuff.c, v6.18): pr_emerg("%s: text:%px len:%d put:%d head:%px data:%px
 * tail:%#lx end:%#lx dev:%s\n", msg, ...) with msg = __func__ of skb_over_panic /
 * skb_under_panic, and skbuff.c's pr_fmt (KBUILD_MODNAME ": ") in front: the console line starts
 * "skbuff: ". skb_put and skb_push move the pointers and len BEFORE they test and call
 * skb_over_panic / skb_under_panic, so the line shows the moved values: `after` is the skb as
 * the failed call left it. %px prints the bare 16 hex digits, no 0x; tail and end are offsets
 * from head (NET_SKBUFF_DATA_USES_OFFSET on 64-bit). A buffer fresh from alloc_skb has no
 * device: dev:<NULL>.
 */
function panicText(
  fn: 'skb_over_panic' | 'skb_under_panic',
  after: { len: number; data: number; tail: number; end: number },
  n: number,
): string {
  return `skbuff: ${fn}: text:ffffffff81000000 len:${after.len} put:${n} head:${ptr(0)} data:${ptr(after.data)} tail:${lx(after.tail)} end:${lx(after.end)} dev:<NULL>`;
}

/** A region, with the user's byte range when it holds payload (the keys in this order: kind, start, end, from, to). */
const regionOf = (
  kind: RegionKind,
  start: number,
  end: number,
  range?: { from: number; to: number },
): Region => (range ? { kind, start, end, from: range.from, to: range.to } : headerRegion(kind, start, end));

/**
 * The last header region made (no byte range): regions are never changed in place, so every
 * skb with the same header at the same offsets can share one. A datagram's fragments have their
 * IP and link headers at the same offsets: 2 of each fragment's 3 regions, kept by every snapshot.
 */
let lastHeader: Region = { kind: 'eth', start: -1, end: -1 };
let lastHeader2: Region = lastHeader;

function headerRegion(kind: RegionKind, start: number, end: number): Region {
  const a = lastHeader;
  if (a.start === start && a.end === end && a.kind === kind) return a;
  const b = lastHeader2;
  if (b.start === start && b.end === end && b.kind === kind) return b;
  const r: Region = { kind, start, end };
  lastHeader2 = a;
  lastHeader = r;
  return r;
}

/** skb_reserve(len): data += len, tail += len (an empty buffer only). */
export function skbReserve(skb: SkBuff, n: number): SkbOpResult {
  if (skb.tail + n > skb.end)
    return {
      ok: false,
      panic: 'skb_over_panic',
      fn: 'skb_reserve',
      message: `skb_reserve(${n}) would move tail past end (${skb.tail} + ${n} > ${skb.end}); the inline helper does not check, the next skb_put would hit skb_over_panic`,
    };
  skb.data += n;
  skb.tail += n;
  return OK;
}

/** skb_put(len): extend the data at the tail; BUG (skb_over_panic) past `end`. */
export function skbPut(
  skb: SkBuff,
  n: number,
  kind?: RegionKind,
  range?: { from: number; to: number },
): SkbOpResult {
  if (skb.data_len !== 0 || skb.tail + n > skb.end)
    return {
      ok: false,
      panic: 'skb_over_panic',
      fn: 'skb_put',
      message: panicText('skb_over_panic', { ...skb, tail: skb.tail + n, len: skb.len + n }, n),
    };
  if (kind && n > 0) appendRegion(skb, regionOf(kind, skb.tail, skb.tail + n, range));
  skb.tail += n;
  skb.len += n;
  return OK;
}

/** skb_push(len): prepend a header in front of data; BUG (skb_under_panic) below head. */
export function skbPush(skb: SkBuff, n: number, kind?: RegionKind): SkbOpResult {
  if (skb.data - n < 0)
    return {
      ok: false,
      panic: 'skb_under_panic',
      fn: 'skb_push',
      message: panicText('skb_under_panic', { ...skb, data: skb.data - n, len: skb.len + n }, n),
    };
  skb.data -= n;
  skb.len += n;
  if (kind && n > 0) skbLabel(skb, kind, skb.data, skb.data + n);
  return OK;
}

/** __skb_pull(len): drop bytes from the front of the linear data (NULL if n > len). */
export function skbPull(skb: SkBuff, n: number): boolean {
  if (n > skb.len || skb.len - n < skb.data_len) return false;
  skb.data += n;
  skb.len -= n;
  return true;
}

/** Label a stretch of already-put linear bytes (e.g. the IP header written in place). */
export function skbLabel(
  skb: SkBuff,
  kind: RegionKind,
  start: number,
  end: number,
  range?: { from: number; to: number },
): void {
  if (end <= start) return;
  const regions = skb.regions;
  const n = regions.length;
  // Not regions[-1] on an empty list: a negative index is a property name to V8, a slow lookup.
  const last = n > 0 ? regions[n - 1] : undefined;
  // Regions are sorted and disjoint. The common case — a header or payload written after
  // everything labelled so far — appends (as skbPut does).
  if (!last || last.end <= start) {
    appendRegion(skb, regionOf(kind, start, end, range));
    return;
  }
  // A header pushed in front of everything labelled (the link header of skb_push).
  if ((regions[0] as Region).start >= end) {
    skb.regions = withRegion(regions, regionOf(kind, start, end, range), true);
    return;
  }
  // A stretch already labelled so (ip_fraglist_prepare labels the IP header __ip_append_data
  // labelled) changes nothing: the regions, and the snapshots sharing them, stay as they are.
  for (let i = 0; i < n; i++) {
    const r = regions[i] as Region;
    if (r.start === start && r.end === end && r.kind === kind && r.from === range?.from && r.to === range?.to)
      return;
  }
  const region = regionOf(kind, start, end, range);
  // Otherwise drop what the new region covers and insert it in order, into an array of the
  // exact size (see appendRegion).
  let kept = 0;
  for (const r of regions) if (r.end <= start || r.start >= end) kept++;
  const out = new Array<Region>(kept + 1);
  let j = 0;
  let placed = false;
  for (const r of regions) {
    if (!(r.end <= start || r.start >= end)) continue;
    if (!placed && r.start > start) {
      out[j++] = region;
      placed = true;
    }
    out[j++] = r;
  }
  if (!placed) out[j] = region;
  skb.regions = out;
}

/**
 * The regions before `cut` (sorted and disjoint, as every region list): those that start before
 * it, the last one cut short at it (its byte range too). The same array when nothing lies past
 * the cut; else a new one of the exact size (a loop, not flatMap: the linear trim runs at every
 * __ip_append_data allocation that leaves a fraggap).
 */
function regionsBefore(regions: Region[], cut: number): Region[] {
  let kept = 0;
  while (kept < regions.length && (regions[kept] as Region).start < cut) kept++;
  const last = regions[kept - 1];
  const cutLast = last !== undefined && last.end > cut;
  if (kept === regions.length && !cutLast) return regions;
  const out = new Array<Region>(kept);
  for (let i = 0; i < kept; i++) out[i] = regions[i] as Region;
  if (cutLast) {
    const range =
      last.from !== undefined ? { from: last.from, to: last.from + (cut - last.start) } : undefined;
    out[kept - 1] = regionOf(last.kind, last.start, cut, range);
  }
  return out;
}

/** pskb_trim_unique(skb, len) on a linear skb: cut the tail back to `len` bytes of data. */
export function skbTrimLinear(skb: SkBuff, newLen: number): void {
  const cut = skb.data + newLen;
  skb.regions = regionsBefore(skb.regions, cut);
  skb.tail = cut;
  skb.len = newLen;
}

/**
 * pskb_trim_unique(skb, len): cut the data back to `newLen` bytes, page fragments first
 * (the linear area only when the cut reaches into it). truesize is not given back.
 */
export function skbTrim(skb: SkBuff, newLen: number): void {
  const hl = headlen(skb);
  if (newLen >= hl) {
    let keep = newLen - hl;
    const frags: PageFrag[] = [];
    for (const f of skb.frags) {
      if (keep <= 0) break;
      if (f.size <= keep) {
        frags.push(f);
        keep -= f.size;
        continue;
      }
      const cut = keep;
      frags.push({
        ...f,
        size: cut,
        regions: regionsBefore(f.regions, cut),
      });
      keep = 0;
    }
    skb.frags = frags;
    skb.data_len = newLen - hl;
    skb.len = newLen;
    return;
  }
  skb.frags = [];
  skb.data_len = 0;
  skbTrimLinear(skb, newLen);
}

/**
 * Append `n` payload bytes as page fragments (the NETIF_F_SG branch of __ip_append_data),
 * coalescing with the last frag when it ends where the page fragment continues.
 * Returns false (EMSGSIZE in the caller) when a new frag would pass MAX_SKB_FRAGS.
 */
export function skbAppendPageFrag(
  skb: SkBuff,
  n: number,
  range: { from: number; to: number },
  coalesce: boolean,
): boolean {
  const last = skb.frags[skb.frags.length - 1];
  if (coalesce && last) {
    last.size += n;
    const lr = last.regions[last.regions.length - 1];
    // Region objects are never changed in place (snapshots share them): replace, don't mutate.
    if (lr && lr.to === range.from)
      last.regions[last.regions.length - 1] = { ...lr, end: lr.end + n, to: range.to };
    else last.regions.push({ kind: 'payload', start: last.size - n, end: last.size, ...range });
  } else {
    if (skb.frags.length >= MAX_SKB_FRAGS) return false;
    skb.frags.push({ size: n, regions: [{ kind: 'payload', start: 0, end: n, ...range }] });
  }
  skb.len += n;
  skb.data_len += n;
  skb.truesize += n;
  return true;
}

/** skb_headroom / skb_tailroom / skb_headlen / skb_pagelen. */
export const headroom = (skb: SkBuff): number => skb.data;
export const tailroom = (skb: SkBuff): number => (skb.data_len ? 0 : skb.end - skb.tail);
export const headlen = (skb: SkBuff): number => skb.len - skb.data_len;
export const pagelen = (skb: SkBuff): number => headlen(skb) + skb.frags.reduce((a, f) => a + f.size, 0);

/**
 * Snapshots are immutable, so an skb that has not changed since its last snapshot is
 * shared rather than copied again: a 1,365-fragment datagram appears in several steps
 * without costing 1,365 copies each time. What did change is copied on write, and only
 * that: a new snapshot object shares the previous one's region and page-frag arrays when
 * those did not change, and a frag_list whose members all kept their snapshots keeps its array.
 * The record of the last snapshot lives on the skb itself (a private slot, see LiveSkb and
 * allocSkb), not in a WeakMap: tens of thousands of WeakMap look-ups a send cost more, in
 * the garbage collector, than the snapshots.
 */
interface SnapEntry {
  /** The snapshot: its scalar fields and label are what the skb held then. */
  snap: SkbSnapshot;
  /** skb.regions as snapshotted: the array (snap.regions), its length and its last element. */
  nregions: number;
  lastRegion: Region | undefined;
  /** skb.frags as snapshotted: the array, and each frag's size, region count and last region. */
  frags: PageFrag[];
  fragSig: (number | Region | undefined)[];
  /** skb.frag_list as snapshotted (the live array). */
  fragList: SkBuff[];
}

const NO_SIG: (number | Region | undefined)[] = [];

/**
 * The frags and frag_list of every snapshot of an skb with none (snapshots are read, never
 * written): a 1,365-fragment trace held 2,700 empty arrays of its own.
 */
const NO_FRAGS: PageFrag[] = Object.freeze([]) as unknown as PageFrag[];
const NO_SNAPS: SkbSnapshot[] = Object.freeze([]) as unknown as SkbSnapshot[];

function fragSigOf(frags: PageFrag[]): (number | Region | undefined)[] {
  if (frags.length === 0) return NO_SIG;
  const sig = new Array<number | Region | undefined>(frags.length * 3);
  for (let i = 0; i < frags.length; i++) {
    const f = frags[i] as PageFrag;
    sig[3 * i] = f.size;
    sig[3 * i + 1] = f.regions.length;
    sig[3 * i + 2] = f.regions[f.regions.length - 1];
  }
  return sig;
}

function fragsUnchanged(e: SnapEntry, frags: PageFrag[]): boolean {
  if (e.frags !== frags || e.fragSig.length !== frags.length * 3) return false;
  const sig = e.fragSig;
  for (let i = 0; i < frags.length; i++) {
    const f = frags[i] as PageFrag;
    if (sig[3 * i] !== f.size || sig[3 * i + 1] !== f.regions.length) return false;
    if (sig[3 * i + 2] !== f.regions[f.regions.length - 1]) return false;
  }
  return true;
}

const regionsUnchanged = (e: SnapEntry, r: Region[]): boolean =>
  e.snap.regions === r && e.nregions === r.length && e.lastRegion === r[r.length - 1];

/** The skb's scalar fields as its last snapshot saw them (a header offset unset then is absent there). */
const scalarsUnchanged = (s: SkbSnapshot, skb: SkBuff, label: string): boolean =>
  s.data === skb.data &&
  s.tail === skb.tail &&
  s.len === skb.len &&
  s.data_len === skb.data_len &&
  s.end === skb.end &&
  s.truesize === skb.truesize &&
  s.label === label &&
  s.network_header === skb.network_header &&
  s.transport_header === skb.transport_header &&
  s.mac_header === skb.mac_header;

/**
 * The pipelines' rule for chained skbs, as the kernel's: an skb is not changed while it hangs on
 * a frag_list. What changes a member takes the list off the head first (ip_do_fragment's
 * ip_fraglist_init, ip6_fragment); what builds a list builds it (or adds to it) before changing
 * the next skb. So a frag_list array whose members were all snapshotted with the same length
 * holds the same snapshots: a 1,365-fragment send shows its head with the same frag_list at a
 * dozen steps, and reading every member again for each was 12,000 comparisons of 17 fields.
 * checkChainedSkbs(true) compares them all the same and throws on a member that changed: the
 * test setup (core/test-invariants.ts), the conformance runner and the fuzzer run with it, so
 * that a pipeline breaking the rule fails every test that reaches it.
 */
let checkChains = false;

/** Compare every chained skb with its snapshot, and throw on one changed while chained (see checkChains). */
export function checkChainedSkbs(on: boolean): void {
  checkChains = on;
}

/**
 * The snapshots of a frag_list: `old` itself when it was taken of this list at its length (its
 * members unchanged since, by the rule above: nothing is read or allocated), else a new array.
 */
function fragListSnapshot(list: SkBuff[], old: SkbSnapshot[] | undefined): SkbSnapshot[] {
  const n = list.length;
  if (n === 0) return NO_SNAPS;
  if (old && old.length === n) {
    if (!checkChains) return old;
    let i = 0;
    while (i < n) {
      const s = skbSnapshot(list[i] as SkBuff);
      if (s !== old[i]) break;
      i++;
    }
    if (i === n) return old;
    throw new Error(
      `skb ${(list[i] as SkBuff).id} (frag_list member ${i} of ${n}) changed while chained: take the frag_list off its head before changing its skbs, as ip_fraglist_init does`,
    );
  }
  // A new list, or one grown since (built in place, __ip_make_skb): a member unchanged since its
  // last snapshot gets that snapshot back.
  const out = new Array<SkbSnapshot>(n);
  for (let k = 0; k < n; k++) out[k] = skbSnapshot(list[k] as SkBuff);
  return out;
}

/**
 * The common case of a long trace, without a call or an allocation: an skb with no frag_list
 * whose every field is as its last snapshot saw it (a fragment shown again by a later step).
 */
function leafUnchanged(e: SnapEntry, skb: SkBuff, label: string): boolean {
  const frags = skb.frags;
  return (
    skb.frag_list.length === 0 &&
    e.fragList === skb.frag_list &&
    scalarsUnchanged(e.snap, skb, label) &&
    regionsUnchanged(e, skb.regions) &&
    e.frags === frags &&
    (frags.length === 0 ? e.fragSig.length === 0 : fragsUnchanged(e, frags))
  );
}

/** Freeze an skb (and its frag_list) as plain data for a trace step. */
export function skbSnapshot(skb: SkBuff, label = skb.label): SkbSnapshot {
  const e = entryOf(skb);
  if (e !== undefined && leafUnchanged(e, skb, label)) return e.snap;
  const frag_list = fragListSnapshot(
    skb.frag_list,
    e?.fragList === skb.frag_list ? e.snap.frag_list : undefined,
  );
  const sameRegions = e !== undefined && regionsUnchanged(e, skb.regions);
  const sameFrags = e !== undefined && fragsUnchanged(e, skb.frags);
  if (
    e !== undefined &&
    sameRegions &&
    sameFrags &&
    frag_list === e.snap.frag_list &&
    scalarsUnchanged(e.snap, skb, label)
  )
    return e.snap;
  const frags = sameFrags
    ? e.snap.frags
    : skb.frags.length === 0
      ? NO_FRAGS
      : skb.frags.map((f) => ({ size: f.size, regions: f.regions.slice() }));
  const nh = skb.network_header;
  const th = skb.transport_header;
  const mh = skb.mac_header;
  // The regions array is shared with the live skb: writers copy it first (writableRegions).
  // The usual header sets are written in one literal (one object shape, no property added
  // after); the same keys in the same order as the general case below.
  let snap: SkbSnapshot;
  if (nh !== undefined && th !== undefined && mh === undefined)
    snap = {
      id: skb.id,
      label,
      head: 0,
      data: skb.data,
      tail: skb.tail,
      end: skb.end,
      len: skb.len,
      data_len: skb.data_len,
      truesize: skb.truesize,
      frags,
      frag_list,
      regions: skb.regions,
      network_header: nh,
      transport_header: th,
    };
  else if (nh !== undefined && th !== undefined && mh !== undefined)
    snap = {
      id: skb.id,
      label,
      head: 0,
      data: skb.data,
      tail: skb.tail,
      end: skb.end,
      len: skb.len,
      data_len: skb.data_len,
      truesize: skb.truesize,
      frags,
      frag_list,
      regions: skb.regions,
      network_header: nh,
      transport_header: th,
      mac_header: mh,
    };
  else {
    snap = {
      id: skb.id,
      label,
      head: 0,
      data: skb.data,
      tail: skb.tail,
      end: skb.end,
      len: skb.len,
      data_len: skb.data_len,
      truesize: skb.truesize,
      frags,
      frag_list,
      regions: skb.regions,
    };
    if (nh !== undefined) snap.network_header = nh;
    if (th !== undefined) snap.transport_header = th;
    if (mh !== undefined) snap.mac_header = mh;
  }
  const fragSig = sameFrags ? e.fragSig : fragSigOf(skb.frags);
  const regions = skb.regions;
  if (e === undefined)
    LiveSkb.setEntry(skb, {
      snap,
      nregions: regions.length,
      lastRegion: regions[regions.length - 1],
      frags: skb.frags,
      fragSig,
      fragList: skb.frag_list,
    });
  else {
    // The record is private to this skb: rewritten in place, not reallocated.
    e.snap = snap;
    e.nregions = regions.length;
    e.lastRegion = regions[regions.length - 1];
    e.frags = skb.frags;
    e.fragSig = fragSig;
    e.fragList = skb.frag_list;
  }
  return snap;
}

/** Where each skb on `skb`'s frag_list starts, counted in skb->len from skb->data. */
export function skbFragListStarts(skb: SkBuff): number[] {
  const list = skb.frag_list;
  let start = skb.len;
  for (const fp of list) start -= fp.len;
  const starts = new Array<number>(list.length);
  for (let i = 0; i < list.length; i++) {
    starts[i] = start;
    start += (list[i] as SkBuff).len;
  }
  return starts;
}
