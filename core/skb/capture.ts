/**
 * Compact, lazily materialised sk_buff snapshots for traces (issue 17).
 *
 * A trace step must show its skbs as they were at that step, but building a `SkbSnapshot`
 * object (and copying its regions) for every skb a step shows made a 1,365-fragment send spend
 * most of its time in the allocator and the garbage collector. Instead a step *captures* each skb
 * into an append-only log of plain values owned by its trace (`SkbLog`): a version of an skb is
 * its fields, the offsets of its regions, page frags and frag_list blocks, written once; an skb
 * that did not change since its last capture gives its last version again, without writing
 * anything, and a block that did not change (the regions of an skb whose `len` moved) is shared
 * by the versions that point at it. Nothing here holds a live array, so the live skb can go on
 * being written in place.
 *
 * `SkbLog.snapshot(version)` builds the `SkbSnapshot` when a reader first asks for it — the
 * same keys in the same order, so the same JSON, as `skbSnapshot` (skb.ts) gives — once: the
 * object is cached, and two steps showing the same version share it, as eager snapshots did.
 */
import { captureEntryOf, setCaptureEntry, type SkBuff } from './skb.ts';
import type { PageFrag, Region, RegionKind, SkbSnapshot } from './types.ts';

const KINDS: readonly RegionKind[] = ['eth', 'ip', 'ipopt', 'ip6', 'frag6', 'udp', 'payload'];
const KIND_CODE: Readonly<Record<RegionKind, number>> = {
  eth: 0,
  ip: 1,
  ipopt: 2,
  ip6: 3,
  frag6: 4,
  udp: 5,
  payload: 6,
};
/** Added to a region's kind code when the region carries a byte range of the user's data. */
const RANGED = 8;

/** A version record's fixed part (offsets from the version's start in the log). */
const ID = 0;
const DATA = 1;
const TAIL = 2;
const END = 3;
const LEN = 4;
const DATA_LEN = 5;
const TRUESIZE = 6;
const NH = 7;
const TH = 8;
const MH = 9;
const LABEL = 10;
const REGIONS = 11;
const FRAGS = 12;
const FRAG_LIST = 13;
const VERSION_SIZE = 14;
/** An unset header offset (offsets from head are never negative: skb_push stops at head). */
const UNSET = -1;
/** The empty block every log starts with: no regions, no page frags, an empty list. */
const EMPTY = 0;

/** Work done by captures (for tests that count it instead of timing it). */
export const captureWork = { versions: 0, reused: 0, built: 0 };

const offsetIn = (v: number | undefined): number => (v === undefined ? UNSET : v);
const offsetOut = (v: number): number | undefined => (v === UNSET ? undefined : v);

/** A handle names a chunk of the log and an offset in it: chunk × 2^18 + offset. */
const OFFSET_BITS = 18;
const OFFSET_MASK = (1 << OFFSET_BITS) - 1;
/** Entries a chunk takes before the next record opens a new one (a plain array under 128 KB). */
const CHUNK = 8192;
/** The first chunk's size: a small send's whole log. */
const FIRST_CHUNK = 512;

/**
 * The log of one trace: plain arrays of small integers, in chunks (one growing array passed
 * V8's large-object threshold and got slower with every copy; typed arrays' off-heap memory
 * made the collector run full collections). At handle 0 the empty block (no regions, no frags,
 * an empty list); then versions of skbs ([id, data, tail, end, len, data_len, truesize,
 * network, transport and mac header, label, regions block, frags block, frag_list block]),
 * regions blocks ([n, (kind, start, end, from, to) × n]), page-frag blocks ([n, (size, regions
 * block) × n]) and list blocks ([n, version × n]). A record never spans two chunks. No object
 * per skb per step, nothing for the collector to trace.
 */
export class SkbLog {
  readonly chunks: number[][] = [new Array<number>(FIRST_CHUNK).fill(0)];
  /** The chunk being written, and how much of it is. */
  cur: number[] = this.chunks[0] as number[];
  fill = 1;
  /** The handle of cur[0]. */
  base = 0;
  /** The labels versions name (a version holds an index into this). */
  readonly labels: string[] = [];
  /** The last list block written for each long live list of skbs a step showed (step.ts). */
  readonly lastLists = new Map<readonly SkBuff[], number>();
  #snaps: Map<number, SkbSnapshot> | undefined;
  #regions: Map<number, Region[]> | undefined;
  #lists: Map<number, SkbSnapshot[]> | undefined;

  /** The chunk the next `k` entries go to (cur, or a new one); the handle of its first free slot. */
  reserve(k: number): number {
    if (this.fill + k > this.cur.length) {
      this.cur = new Array<number>(Math.max(CHUNK, k)).fill(0);
      this.fill = 0;
      this.base = this.chunks.length * (OFFSET_MASK + 1);
      this.chunks.push(this.cur);
    }
    return this.base + this.fill;
  }

  /** The chunk of `handle` (offset: handle & OFFSET_MASK). */
  chunk(handle: number): number[] {
    return this.chunks[handle >>> OFFSET_BITS] as number[];
  }

  /** The skb of `version` as plain data (built once, then shared). */
  snapshot(version: number): SkbSnapshot {
    const snaps = (this.#snaps ??= new Map());
    const cached = snaps.get(version);
    if (cached !== undefined) return cached;
    const a = this.chunk(version);
    const v = version & OFFSET_MASK;
    const frags = this.#frags(a[v + FRAGS] as number);
    const frag_list = this.list(a[v + FRAG_LIST] as number);
    const regions = this.#regionsOf(a[v + REGIONS] as number);
    const snap: SkbSnapshot = {
      id: a[v + ID] as number,
      label: this.labels[a[v + LABEL] as number] as string,
      head: 0,
      data: a[v + DATA] as number,
      tail: a[v + TAIL] as number,
      end: a[v + END] as number,
      len: a[v + LEN] as number,
      data_len: a[v + DATA_LEN] as number,
      truesize: a[v + TRUESIZE] as number,
      frags,
      frag_list,
      regions,
    };
    const nh = offsetOut(a[v + NH] as number);
    const th = offsetOut(a[v + TH] as number);
    const mh = offsetOut(a[v + MH] as number);
    if (nh !== undefined) snap.network_header = nh;
    if (th !== undefined) snap.transport_header = th;
    if (mh !== undefined) snap.mac_header = mh;
    captureWork.built++;
    snaps.set(version, snap);
    return snap;
  }

  /** The skbs of a list block (a frag_list, or the skbs a step shows), built once. */
  list(block: number): SkbSnapshot[] {
    const a = this.chunk(block);
    const b = block & OFFSET_MASK;
    const n = a[b] as number;
    if (n === 0) return [];
    const lists = (this.#lists ??= new Map());
    const cached = lists.get(block);
    if (cached !== undefined) return cached;
    const out = new Array<SkbSnapshot>(n);
    for (let i = 0; i < n; i++) out[i] = this.snapshot(a[b + 1 + i] as number);
    lists.set(block, out);
    return out;
  }

  /** The length of a list block. */
  listLength(block: number): number {
    return this.chunk(block)[block & OFFSET_MASK] as number;
  }

  /** Entry `i` of a list block. */
  listAt(block: number, i: number): number {
    return this.chunk(block)[(block & OFFSET_MASK) + 1 + i] as number;
  }

  /** Write a list block of versions; its handle. */
  writeList(versions: ArrayLike<number>, count = versions.length): number {
    if (count === 0) return EMPTY;
    const at = this.reserve(count + 1);
    const c = this.cur;
    let p = this.fill;
    c[p++] = count;
    for (let i = 0; i < count; i++) c[p++] = versions[i] as number;
    this.fill = p;
    return at;
  }

  #regionsOf(block: number): Region[] {
    const cache = (this.#regions ??= new Map());
    const cached = cache.get(block);
    if (cached !== undefined) return cached;
    const a = this.chunk(block);
    const b = block & OFFSET_MASK;
    const n = a[b] as number;
    const out = new Array<Region>(n);
    for (let i = 0, p = b + 1; i < n; i++, p += 5) {
      const code = a[p] as number;
      const kind = KINDS[code & 7] as RegionKind;
      out[i] =
        code & RANGED
          ? {
              kind,
              start: a[p + 1] as number,
              end: a[p + 2] as number,
              from: a[p + 3] as number,
              to: a[p + 4] as number,
            }
          : { kind, start: a[p + 1] as number, end: a[p + 2] as number };
    }
    cache.set(block, out);
    return out;
  }

  #frags(block: number): PageFrag[] {
    const a = this.chunk(block);
    const b = block & OFFSET_MASK;
    const n = a[b] as number;
    const out = new Array<PageFrag>(n);
    for (let i = 0, p = b + 1; i < n; i++, p += 2)
      out[i] = { size: a[p] as number, regions: this.#regionsOf(a[p + 1] as number) };
    return out;
  }
}

/** What a live skb looked like at its last capture, to tell whether it changed since. */
interface CaptureEntry {
  log: SkbLog;
  version: number;
  label: string;
  regions: Region[];
  nregions: number;
  lastRegion: Region | undefined;
  regionsBlock: number;
  frags: PageFrag[];
  /** Each frag's size, region count and last region, as captured. */
  fragSig: (number | Region | undefined)[];
  fragsBlock: number;
  fragList: SkBuff[];
  fragListBlock: number;
}

/**
 * The entry store: skb.ts's live skbs keep theirs in a private slot (a WeakMap look-up per skb
 * per step cost more than the capture); other objects (copies, literals in tests) in a WeakMap.
 */
const entryOf = (skb: SkBuff): CaptureEntry | undefined =>
  captureEntryOf(skb) as CaptureEntry | undefined;

function writeRegions(log: SkbLog, regions: readonly Region[]): number {
  const n = regions.length;
  if (n === 0) return EMPTY;
  const at = log.reserve(1 + 5 * n);
  const c = log.cur;
  let p = log.fill;
  c[p++] = n;
  for (let i = 0; i < n; i++) {
    const r = regions[i] as Region;
    const ranged = r.from !== undefined;
    c[p] = KIND_CODE[r.kind] | (ranged ? RANGED : 0);
    c[p + 1] = r.start;
    c[p + 2] = r.end;
    c[p + 3] = ranged ? (r.from as number) : 0;
    c[p + 4] = ranged ? (r.to as number) : 0;
    p += 5;
  }
  log.fill = p;
  return at;
}

const NO_SIG: (number | Region | undefined)[] = [];

function fragSigOf(frags: readonly PageFrag[]): (number | Region | undefined)[] {
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

function fragsSame(e: CaptureEntry, frags: readonly PageFrag[]): boolean {
  if (e.frags !== frags || e.fragSig.length !== frags.length * 3) return false;
  const sig = e.fragSig;
  for (let i = 0; i < frags.length; i++) {
    const f = frags[i] as PageFrag;
    if (sig[3 * i] !== f.size || sig[3 * i + 1] !== f.regions.length) return false;
    if (sig[3 * i + 2] !== f.regions[f.regions.length - 1]) return false;
  }
  return true;
}

/**
 * Record `skb` (and its frag_list) as it is now in `log`; its version. An skb unchanged since
 * its last capture in this log gives the same version and writes nothing.
 */
export function skbCapture(log: SkbLog, skb: SkBuff): number {
  let e = entryOf(skb);
  if (e !== undefined && e.log !== log) e = undefined;

  // The frag_list first: its members' versions decide whether the head's block still holds.
  const fl = skb.frag_list;
  let fragListBlock: number = EMPTY;
  if (fl.length !== 0) {
    const old =
      e !== undefined && e.fragList === fl && log.listLength(e.fragListBlock) === fl.length
        ? e.fragListBlock
        : -1;
    let versions: number[] | undefined;
    for (let i = 0; i < fl.length; i++) {
      const v = skbCapture(log, fl[i] as SkBuff);
      if (versions === undefined && (old < 0 || log.listAt(old, i) !== v)) {
        versions = new Array<number>(fl.length);
        for (let k = 0; k < i; k++) versions[k] = log.listAt(old, k);
      }
      if (versions !== undefined) versions[i] = v;
    }
    fragListBlock = versions === undefined ? old : log.writeList(versions);
  }

  const regions = skb.regions;
  const nregions = regions.length;
  const lastRegion = regions[nregions - 1];
  const regionsBlock =
    e !== undefined && e.regions === regions && e.nregions === nregions && e.lastRegion === lastRegion
      ? e.regionsBlock
      : writeRegions(log, regions);

  const frags = skb.frags;
  let fragsBlock: number = EMPTY;
  let fragSig: (number | Region | undefined)[];
  if (e !== undefined && fragsSame(e, frags)) {
    fragsBlock = e.fragsBlock;
    fragSig = e.fragSig;
  } else {
    if (frags.length !== 0) {
      const blocks = frags.map((f) => writeRegions(log, f.regions));
      fragsBlock = log.reserve(1 + 2 * frags.length);
      const c = log.cur;
      let p = log.fill;
      c[p++] = frags.length;
      for (let i = 0; i < frags.length; i++) {
        c[p++] = (frags[i] as PageFrag).size;
        c[p++] = blocks[i] as number;
      }
      log.fill = p;
    }
    fragSig = fragSigOf(frags);
  }

  const label = skb.label;
  if (e !== undefined) {
    const a = log.chunk(e.version);
    const v = e.version & OFFSET_MASK;
    if (
      regionsBlock === e.regionsBlock &&
      fragsBlock === e.fragsBlock &&
      fragListBlock === e.fragListBlock &&
      label === e.label &&
      a[v + DATA] === skb.data &&
      a[v + TAIL] === skb.tail &&
      a[v + END] === skb.end &&
      a[v + LEN] === skb.len &&
      a[v + DATA_LEN] === skb.data_len &&
      a[v + TRUESIZE] === skb.truesize &&
      a[v + NH] === offsetIn(skb.network_header) &&
      a[v + TH] === offsetIn(skb.transport_header) &&
      a[v + MH] === offsetIn(skb.mac_header) &&
      a[v + ID] === skb.id
    ) {
      captureWork.reused++;
      return e.version;
    }
  }
  let labelIndex: number;
  if (e !== undefined && label === e.label)
    labelIndex = log.chunk(e.version)[(e.version & OFFSET_MASK) + LABEL] as number;
  else {
    labelIndex = log.labels.length;
    log.labels.push(label);
  }
  const version = log.reserve(VERSION_SIZE);
  const c = log.cur;
  const p = log.fill;
  c[p + ID] = skb.id;
  c[p + DATA] = skb.data;
  c[p + TAIL] = skb.tail;
  c[p + END] = skb.end;
  c[p + LEN] = skb.len;
  c[p + DATA_LEN] = skb.data_len;
  c[p + TRUESIZE] = skb.truesize;
  c[p + NH] = offsetIn(skb.network_header);
  c[p + TH] = offsetIn(skb.transport_header);
  c[p + MH] = offsetIn(skb.mac_header);
  c[p + LABEL] = labelIndex;
  c[p + REGIONS] = regionsBlock;
  c[p + FRAGS] = fragsBlock;
  c[p + FRAG_LIST] = fragListBlock;
  log.fill = p + VERSION_SIZE;
  captureWork.versions++;
  if (e === undefined)
    setCaptureEntry(skb, {
      log,
      version,
      label,
      regions,
      nregions,
      lastRegion,
      regionsBlock,
      frags,
      fragSig,
      fragsBlock,
      fragList: fl,
      fragListBlock,
    });
  else {
    e.version = version;
    e.label = label;
    e.regions = regions;
    e.nregions = nregions;
    e.lastRegion = lastRegion;
    e.regionsBlock = regionsBlock;
    e.frags = frags;
    e.fragSig = fragSig;
    e.fragsBlock = fragsBlock;
    e.fragList = fl;
    e.fragListBlock = fragListBlock;
  }
  return version;
}
