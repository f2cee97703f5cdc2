/**
 * The input side of fragmentation: IPv4 ip_defrag (net/ipv4/ip_fragment.c) and IPv6
 * ipv6_frag_rcv (net/ipv6/reassembly.c) over the shared queue code of
 * net/ipv4/inet_fragment.c, fragment by fragment in arrival order, on a virtual clock.
 *
 * What is modelled, case for case with Linux 6.18 (core/conformance/fixtures/linux-6.18/
 * reassembly.json and local/reassembly-extra.json):
 * - queues keyed as the kernel keys them (IPv4: saddr, daddr, id, protocol, user, vif;
 *   IPv6: id, saddr, daddr, iif), one timer per queue armed once at creation;
 * - the checks of ip_frag_queue / ip6_frag_queue in their order (last-fragment rules,
 *   trimming of non-last fragments to a multiple of 8 — IPv6 answers Parameter Problem —,
 *   empty fragments), the "runs" of inet_frag_queue_insert (exact duplicates dropped alone,
 *   any other overlap drops the whole queue), ip_frag_too_far (max_dist 64), the memory
 *   threshold of inet_frag_find, E2BIG in ip_frag_reasm, ip_expire and its ICMP;
 * - what the bound UDP socket then receives (__udp4_lib_rcv / __udp6_lib_rcv length checks).
 *
 * Bytes are never copied: a fragment is a byte range of the UDP datagram with a fill tag
 * ("same" = the sender's bytes, "other" = the same range with different bytes); the
 * reassembled datagram is the list of kept ranges, so byte equality is a fact about tags.
 *
 * Approximation, written down: sizeof(struct ipq) and sizeof(struct frag_queue) (the
 * per-queue memory charge) are estimates from the struct layout on x86-64, not read from
 * the running kernel; the memory cases of local/reassembly-extra.json bracket them.
 */
import { ERRNO, type Errno } from '../errno/index.ts';
import {
  allocSkb,
  resetSkbIds,
  skbAllocation,
  skbPull,
  skbPush,
  skbPut,
  skbReserve,
  skbSnapshot,
  skbTrim,
  type SkBuff,
  type SkbSnapshot,
} from '../skb/index.ts';
import type { TraceStep } from '../trace/index.ts';
import type { ByteRange, Family, WirePacket } from './types.ts';

export const IP_FRAGMENT_C = 'net/ipv4/ip_fragment.c';
export const INET_FRAGMENT_C = 'net/ipv4/inet_fragment.c';
export const REASSEMBLY_C = 'net/ipv6/reassembly.c';
export const IP_INPUT_C = 'net/ipv4/ip_input.c';
const UDP_C = 'net/ipv4/udp.c';
const UDP6_C = 'net/ipv6/udp.c';

/** Per-netns defaults (ipv4_frags_init_net, ipv6_frags_init_net). */
export interface DefragSysctl {
  /** net.ipv4.ipfrag_high_thresh / net.ipv6.ip6frag_high_thresh: 4 MiB. */
  high_thresh: number;
  /** ipfrag_time (30 s) / ip6frag_time (60 s), in ms. */
  timeout: number;
  /** net.ipv4.ipfrag_max_dist (IPv4 only; 0 switches ip_frag_too_far off). */
  max_dist: number;
}

export const DEFRAG_DEFAULTS: Record<Family, DefragSysctl> = {
  inet: { high_thresh: 4 * 1024 * 1024, timeout: 30_000, max_dist: 64 },
  inet6: { high_thresh: 4 * 1024 * 1024, timeout: 60_000, max_dist: 0 },
};

/** f->qsize: sizeof(struct ipq) / sizeof(struct frag_queue), charged once per queue (estimates). */
export const FRAG_QUEUE_SIZE: Record<Family, number> = { inet: 200, inet6: 184 };
/** LL_RESERVED_SPACE(lo) + 15: what raw_send_hdrinc / rawv6_send_hdrinc add to the packet for alloc_skb. */
const SENDER_SLACK = 16 + 15;
const UDP_HLEN = 8;
const IPV6_MAXPLEN = 65535;

export type FragFill = 'same' | 'other';

/** One fragment as it arrives: a byte range [offset, offset + length) of the UDP datagram. */
export interface FragmentSpec {
  offset: number;
  length: number;
  /** More Fragments (IPv4 IP_MF, IPv6 the M flag). */
  mf: boolean;
  /** IP id (IPv4, 16 bits) or fragment header identification (IPv6, 32 bits). */
  id?: number;
  /** `other`: the same range carrying different bytes. */
  fill?: FragFill;
  /** Arrival time on the virtual clock, ms (default: the previous fragment's). */
  at?: number;
}

export interface DefragInput {
  family: Family;
  /** The original UDP payload length; the datagram is `len + 8` bytes with its UDP header. */
  len: number;
  fragments: FragmentSpec[];
  /** Id of fragments that name none. */
  id?: number;
  /** Watch the clock until this time (ms); default: the last arrival + 100 ms. */
  until?: number;
  sysctl?: Partial<DefragSysctl>;
  /**
   * Who sent the fragments: `self` (default) — this host to itself over loopback, as the
   * fixtures were recorded; `remote` — another host. It matters to ip_expire only: its fresh
   * input route lookup rejects a head whose source is one of our own addresses.
   */
  source?: 'self' | 'remote';
}

export type ArrivalVerdict =
  | 'queued'
  | 'completed'
  | 'duplicate'
  | 'overlap'
  | 'bad-last'
  | 'beyond-last'
  | 'empty'
  | 'too-big'
  | 'param-problem'
  | 'no-memory'
  | 'unfragmented';

export const VERDICT_TEXT: Record<ArrivalVerdict, string> = {
  queued: 'queued',
  completed: 'completed → reassembled',
  duplicate: 'duplicate: dropped alone',
  overlap: 'overlap: queue dropped',
  'bad-last': 'last fragment disagrees: queue dropped',
  'beyond-last': 'beyond the known end: queue dropped',
  empty: 'empty fragment: queue dropped',
  'too-big': 'too big (E2BIG): queue dropped',
  'param-problem': 'Parameter Problem: dropped',
  'no-memory': 'over high_thresh: dropped',
  unfragmented: 'not a fragment: straight up',
};

/** A kept fragment: which bytes of the datagram it holds and whose bytes they are. */
export interface FragPiece {
  offset: number;
  end: number;
  fill: FragFill;
  /** The arrival (index in arrival order) that brought it. */
  arrival: number;
}

/** One node of the queue's rbtree: fragments that arrived contiguously at the tail. */
export interface RunSnapshot {
  start: number;
  end: number;
  frags: readonly FragPiece[];
}

export interface QueueFlags {
  FIRST_IN: boolean;
  LAST_IN: boolean;
  COMPLETE: boolean;
}

export interface QueueSnapshot {
  /** Queues are numbered 1, 2, … in creation order. */
  serial: number;
  family: Family;
  id: number;
  /** The lookup key, as frag_v4_compare_key / frag_v6_compare_key hold it. */
  key: string;
  /** q.len: the datagram's end as far as known. */
  len: number;
  /** q.meat: bytes received. */
  meat: number;
  flags: QueueFlags;
  runs: readonly RunSnapshot[];
  /** Missing byte ranges of [0, q.len). */
  holes: readonly ByteRange[];
  /** Sum of the queued skbs' truesize. */
  truesize: number;
  createdAt: number;
  /** When the timer fires (ms on the virtual clock). */
  expiresAt: number;
}

export interface IcmpOut {
  type: number;
  code: number;
  name: string;
  at: number;
  why: string;
  /** Parameter Problem pointer. */
  pointer?: number;
}

/** What the panels draw after each step. */
export interface DefragSnapshot {
  at: number;
  /** The arrival this step belongs to (null: a timer). */
  arrival: number | null;
  /** Every queue in the hash table after this step. */
  queues: readonly QueueSnapshot[];
  /** frag_mem_limit(fqdir) after this step. */
  mem: number;
  high_thresh: number;
  delivered: number;
  /** The fragment's skb, or the reassembled head with its frag_list. */
  skbs: readonly SkbSnapshot[];
}

export type DefragStep = TraceStep<DefragSnapshot>;

export interface DefragArrival {
  index: number;
  at: number;
  offset: number;
  length: number;
  mf: boolean;
  id: number;
  fill: FragFill;
  /** The queue it went to (null: none looked up). */
  queue: number | null;
  /** The queue was created by this fragment. */
  created: boolean;
  verdict: ArrivalVerdict;
  /** IPv4: ip_defrag's return as an errno (null: 0, the packet went up). IPv6 returns -1 or 1, see `ret`. */
  errno: Errno | null;
  /** The kernel function's return value: ip_defrag 0 / -errno; ipv6_frag_rcv 1 (go on) / -1. */
  ret: number;
  /** Non-last fragment cut back to a multiple of 8: its new end. */
  trimmedEnd?: number;
  /** ip_frag_too_far purged the queue before this fragment was queued. */
  reinit?: boolean;
  fn: string;
  file: string;
  why: string;
  icmp?: IcmpOut;
  /** Index in `datagrams` when this arrival completed (or was) a datagram. */
  datagram?: number;
}

export interface DefragDatagram {
  index: number;
  arrival: number;
  queue: number | null;
  /** IP payload length after reassembly (UDP header included). */
  ipLength: number;
  pieces: readonly FragPiece[];
  /** The UDP socket received it. */
  delivered: boolean;
  /** What recv() returned (null: not delivered). */
  length: number | null;
  /** Whether the received bytes equal the sender's (null: not delivered). */
  equal: boolean | null;
  fn: string;
  file: string;
  why: string;
  skb: SkbSnapshot;
}

export type QueueEnd = 'waiting' | 'reassembled' | 'dropped' | 'expired';

export interface QueueOutcome {
  serial: number;
  id: number;
  state: QueueEnd;
  createdAt: number;
  endedAt: number | null;
  fn: string;
  file: string;
  why: string;
  /** ICMP Time Exceeded sent when it expired (only with FIRST_IN). */
  icmp: IcmpOut | null;
  last: QueueSnapshot;
}

export interface DefragOk {
  ok: true;
  family: Family;
  len: number;
  /** The datagram's size with its UDP header. */
  datagramLength: number;
  until: number;
  arrivals: DefragArrival[];
  datagrams: DefragDatagram[];
  /** Delivered datagrams only. */
  delivered: DefragDatagram[];
  queues: QueueOutcome[];
  icmp: IcmpOut[];
  trace: DefragStep[];
  sysctl: DefragSysctl;
}

export interface DefragIssue {
  field: string;
  message: string;
}

export interface DefragFail {
  ok: false;
  errno: 'EINVAL';
  fn: 'sockscope';
  file: string;
  why: string;
  issues: DefragIssue[];
}

export type DefragResult = DefragOk | DefragFail;

/* ------------------------------------------------------------------------------------ */
/* The queue and its runs (include/net/inet_frag.h, net/ipv4/inet_fragment.c)             */

interface Run {
  start: number;
  end: number;
  frags: FragPiece[];
}

/** struct inet_frag_queue (with the ipq / frag_queue extras the model needs). */
export interface InetFragQueue {
  serial: number;
  family: Family;
  id: number;
  key: string;
  len: number;
  meat: number;
  flags: QueueFlags;
  /** rb_fragments in order: runs sorted by start, disjoint. */
  runs: Run[];
  /** q->fragments_tail: [offset, end) of the fragment with the highest end. */
  tail: { offset: number; end: number } | null;
  truesize: number;
  skbs: Map<number, SkBuff>;
  createdAt: number;
  expiresAt: number;
  /** qp->rid (ip_frag_too_far). */
  rid: number;
  outcome: QueueOutcome | null;
}

export type InsertResult = 'ok' | 'dup' | 'overlap';

/**
 * inet_frag_queue_insert(q, skb, offset, end): the tail fast path (append to the last run,
 * start a new run, or OVERLAP when it reaches back under the tail), else a search of the
 * runs: inside one run = IPFRAG_DUP, touching any run otherwise = IPFRAG_OVERLAP, no
 * contact = a new node (its own run). Mutates `runs` on success.
 */
export function inetFragQueueInsert(
  runs: { start: number; end: number; frags: FragPiece[] }[],
  tail: { offset: number; end: number } | null,
  piece: FragPiece,
): { result: InsertResult; tail: { offset: number; end: number } | null; how: string } {
  const { offset, end } = piece;
  if (!tail) {
    runs.push({ start: offset, end, frags: [piece] });
    return {
      result: 'ok',
      tail: { offset, end },
      how: 'first fragment: fragrun_create starts the first run',
    };
  }
  if (tail.end < end) {
    if (offset < tail.end)
      return {
        result: 'overlap',
        tail,
        how: `it passes the tail (${tail.end}) but starts at ${offset}, under the last fragment [${tail.offset}, ${tail.end})`,
      };
    const last = runs[runs.length - 1] as Run;
    if (offset === tail.end) {
      last.end = end;
      last.frags.push(piece);
      return {
        result: 'ok',
        tail: { offset, end },
        how: `it starts where the tail ends: fragrun_append_to_last (run [${last.start}, ${end}))`,
      };
    }
    runs.push({ start: offset, end, frags: [piece] });
    return {
      result: 'ok',
      tail: { offset, end },
      how: `a gap after the tail (${tail.end}): fragrun_create starts a new run`,
    };
  }
  // Binary search of the rbtree; runs are disjoint, so the first run touching [offset, end) decides.
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const r = runs[mid] as Run;
    if (end <= r.start) hi = mid;
    else if (offset >= r.end) lo = mid + 1;
    else if (offset >= r.start && end <= r.end)
      return { result: 'dup', tail, how: `[${offset}, ${end}) lies inside the run [${r.start}, ${r.end})` };
    else
      return {
        result: 'overlap',
        tail,
        how: `[${offset}, ${end}) overlaps the run [${r.start}, ${r.end}) without lying inside it`,
      };
  }
  runs.splice(lo, 0, { start: offset, end, frags: [piece] });
  return { result: 'ok', tail, how: 'it touches no run: a new rbtree node (a run of its own)' };
}

function holesOf(runs: readonly { start: number; end: number }[], len: number): ByteRange[] {
  const out: ByteRange[] = [];
  let at = 0;
  for (const r of runs) {
    if (r.start > at) out.push({ from: at, to: r.start });
    at = Math.max(at, r.end);
  }
  if (at < len) out.push({ from: at, to: len });
  return out;
}

/** Unchanged runs keep their snapshot object from step to step (a reversed 1,365-fragment train stays cheap). */
const runCache = new WeakMap<Run, RunSnapshot>();
function runSnapshot(r: Run): RunSnapshot {
  const c = runCache.get(r);
  if (c && c.end === r.end && c.frags.length === r.frags.length) return c;
  const s: RunSnapshot = { start: r.start, end: r.end, frags: r.frags.slice() };
  runCache.set(r, s);
  return s;
}

function queueSnapshot(q: InetFragQueue): QueueSnapshot {
  return {
    serial: q.serial,
    family: q.family,
    id: q.id,
    key: q.key,
    len: q.len,
    meat: q.meat,
    flags: { ...q.flags },
    runs: q.runs.map(runSnapshot),
    holes: holesOf(q.runs, q.len),
    truesize: q.truesize,
    createdAt: q.createdAt,
    expiresAt: q.expiresAt,
  };
}

/* ------------------------------------------------------------------------------------ */
/* The receiver's state: one fqdir per family (struct fqdir) and the inet_peer rid.      */

export interface DefragNet {
  family: Family;
  sysctl: DefragSysctl;
  source: 'self' | 'remote';
  now: number;
  /** The hash table (rhashtable of the fqdir). */
  table: Map<string, InetFragQueue>;
  all: InetFragQueue[];
  /** frag_mem_limit(fqdir). */
  mem: number;
  /** peer->rid of 127.0.0.1 / ::1 (inet_getpeer_v4). */
  peerRid: number;
  datagramLength: number;
  udpLength: number;
  arrivals: DefragArrival[];
  datagrams: DefragDatagram[];
  deliveredCount: number;
  icmp: IcmpOut[];
  trace: DefragStep[];
  /** Snapshots of queues that did not change since the last step. */
  cache: Map<InetFragQueue, QueueSnapshot>;
}

function newNet(
  family: Family,
  sysctl: DefragSysctl,
  len: number,
  source: 'self' | 'remote' = 'self',
): DefragNet {
  return {
    family,
    sysctl,
    source,
    now: 0,
    table: new Map(),
    all: [],
    mem: 0,
    peerRid: 0,
    datagramLength: len + UDP_HLEN,
    udpLength: (len + UDP_HLEN) & 0xffff,
    arrivals: [],
    datagrams: [],
    deliveredCount: 0,
    icmp: [],
    trace: [],
    cache: new Map(),
  };
}

function dirty(net: DefragNet, q: InetFragQueue): void {
  net.cache.delete(q);
}

function step(
  net: DefragNet,
  fn: string,
  file: string,
  why: string,
  arrival: number | null,
  skbs: readonly SkbSnapshot[] = [],
): void {
  const queues: QueueSnapshot[] = [];
  for (const q of net.table.values()) {
    let s = net.cache.get(q);
    if (!s) {
      s = queueSnapshot(q);
      net.cache.set(q, s);
    }
    queues.push(s);
  }
  net.trace.push({
    fn,
    file,
    why,
    dir: 'up',
    snapshot: {
      at: net.now,
      arrival,
      queues,
      mem: net.mem,
      high_thresh: net.sysctl.high_thresh,
      delivered: net.deliveredCount,
      skbs,
    },
  });
}

const keyOf = (family: Family, id: number): string =>
  family === 'inet'
    ? `saddr 127.0.0.1, daddr 127.0.0.1, id ${id}, protocol 17, user IP_DEFRAG_LOCAL_DELIVER, vif 0`
    : `id ${id}, saddr ::1, daddr ::1, iif 0`;

/** inet_frag_kill + inet_frag_destroy: out of the hash table, its skbs and qsize given back. */
function inetFragKill(
  net: DefragNet,
  q: InetFragQueue,
  state: QueueEnd,
  fn: string,
  file: string,
  why: string,
): void {
  q.flags.COMPLETE = true;
  net.table.delete(q.key);
  net.mem -= q.truesize + FRAG_QUEUE_SIZE[q.family];
  q.outcome = {
    serial: q.serial,
    id: q.id,
    state,
    createdAt: q.createdAt,
    endedAt: net.now,
    fn,
    file,
    why,
    icmp: null,
    last: queueSnapshot(q),
  };
  dirty(net, q);
}

/** inet_frag_find: refuse when over high_thresh, else look the key up or create the queue (timer armed once). */
function inetFragFind(net: DefragNet, id: number): { q: InetFragQueue; created: boolean } | null {
  if (!net.sysctl.high_thresh || net.mem > net.sysctl.high_thresh) return null;
  const key = keyOf(net.family, id);
  const found = net.table.get(key);
  if (found) return { q: found, created: false };
  const q: InetFragQueue = {
    serial: net.all.length + 1,
    family: net.family,
    id,
    key,
    len: 0,
    meat: 0,
    flags: { FIRST_IN: false, LAST_IN: false, COMPLETE: false },
    runs: [],
    tail: null,
    truesize: 0,
    skbs: new Map(),
    createdAt: net.now,
    expiresAt: net.now + net.sysctl.timeout,
    rid: 0,
    outcome: null,
  };
  net.mem += FRAG_QUEUE_SIZE[net.family];
  net.table.set(key, q);
  net.all.push(q);
  return { q, created: true };
}

/** The received fragment's skb as loopback hands it over: the sender's raw buffer, MAC header pulled. */
function fragmentSkb(family: Family, f: Required<Omit<FragmentSpec, 'at'>>, index: number): SkBuff {
  const hl = family === 'inet' ? 20 : 48;
  const skb = allocSkb(hl + f.length + SENDER_SLACK, `rx frag ${index + 1}`);
  skbReserve(skb, 16);
  if (family === 'inet') skbPut(skb, 20, 'ip');
  else {
    skbPut(skb, 40, 'ip6');
    skbPut(skb, 8, 'frag6');
  }
  const end = f.offset + f.length;
  const h = Math.min(end, UDP_HLEN);
  if (f.offset < h) skbPut(skb, h - f.offset, 'udp', { from: f.offset, to: h });
  const from = Math.max(f.offset, UDP_HLEN);
  if (end > from) skbPut(skb, end - from, 'payload', { from: from - UDP_HLEN, to: end - UDP_HLEN });
  skb.network_header = 16;
  return skb;
}

function piecesEqual(pieces: readonly FragPiece[], from: number, to: number): boolean {
  return pieces.every((p) => p.end <= from || p.offset >= to || p.fill === 'same');
}

/**
 * __udp4_lib_rcv / __udp6_lib_rcv on the reassembled (or unfragmented) datagram: the UDP
 * length must fit (else "short packet"), longer packets are trimmed to it; a header that is
 * not the sender's fails its length, port or checksum and is dropped.
 */
function udpRcv(
  net: DefragNet,
  ipLength: number,
  pieces: readonly FragPiece[],
): {
  delivered: boolean;
  length: number | null;
  equal: boolean | null;
  fn: string;
  file: string;
  why: string;
} {
  const v6 = net.family === 'inet6';
  const fn = v6 ? '__udp6_lib_rcv' : '__udp4_lib_rcv';
  const file = v6 ? UDP6_C : UDP_C;
  if (ipLength < UDP_HLEN || !piecesEqual(pieces, 0, UDP_HLEN))
    return {
      delivered: false,
      length: null,
      equal: null,
      fn,
      file,
      why:
        ipLength < UDP_HLEN
          ? `only ${ipLength} bytes: no room for the 8-byte UDP header (short packet)`
          : "the UDP header bytes are not the sender's: the length, port and checksum no longer fit — dropped",
    };
  let ulen = net.udpLength;
  if (v6 && ulen === 0) ulen = ipLength; // jumbogram convention of __udp6_lib_rcv
  if (ulen > ipLength || ulen < UDP_HLEN)
    return {
      delivered: false,
      length: null,
      equal: null,
      fn,
      file,
      why: `the UDP header says ${ulen} bytes but only ${ipLength} arrived: short packet, dropped`,
    };
  const equal = piecesEqual(pieces, UDP_HLEN, ulen);
  return {
    delivered: true,
    length: ulen - UDP_HLEN,
    equal,
    fn: v6 ? 'udpv6_recvmsg' : 'udp_recvmsg',
    file,
    why: `${ulen < ipLength ? `trimmed to the UDP length ${ulen} (pskb_trim_rcsum); ` : ''}the bound socket receives ${ulen - UDP_HLEN} bytes${equal ? '' : " — not all of them the sender's"}`,
  };
}

function deliver(
  net: DefragNet,
  a: DefragArrival,
  q: InetFragQueue | null,
  ipLength: number,
  pieces: FragPiece[],
  skb: SkBuff,
): DefragDatagram {
  const u = udpRcv(net, ipLength, pieces);
  const d: DefragDatagram = {
    index: net.datagrams.length,
    arrival: a.index,
    queue: q?.serial ?? null,
    ipLength,
    pieces,
    delivered: u.delivered,
    length: u.length,
    equal: u.equal,
    fn: u.fn,
    file: u.file,
    why: u.why,
    skb: skbSnapshot(skb),
  };
  net.datagrams.push(d);
  if (d.delivered) net.deliveredCount++;
  a.datagram = d.index;
  step(net, u.fn, u.file, u.why, a.index, [d.skb]);
  return d;
}

/** ip_frag_reasm / ip6_frag_reasm: the queue is killed first; the head takes the others on its frag_list. */
function fragReasm(net: DefragNet, q: InetFragQueue, a: DefragArrival): void {
  const v6 = net.family === 'inet6';
  const fn = v6 ? 'ip6_frag_reasm' : 'ip_frag_reasm';
  const file = v6 ? REASSEMBLY_C : IP_FRAGMENT_C;
  const pieces = q.runs.flatMap((r) => r.frags);
  const skbs = pieces.map((p) => q.skbs.get(p.arrival) as SkBuff);
  const total = v6 ? q.len : 20 + q.len;
  if (!v6 && total > 65535) {
    a.verdict = 'too-big';
    a.errno = 'E2BIG';
    a.fn = fn;
    a.file = file;
    a.why = `complete, but 20 + ${q.len} = ${total} bytes is more than 65,535: "Oversized IP packet", dropped (E2BIG)`;
    inetFragKill(net, q, 'dropped', fn, file, a.why);
    step(net, fn, file, a.why, a.index);
    return;
  }
  if (v6 && total > IPV6_MAXPLEN) {
    a.verdict = 'too-big';
    a.errno = 'EINVAL';
    a.fn = fn;
    a.file = file;
    a.why = `payload_len ${total} is more than 65,535: dropped`;
    inetFragKill(net, q, 'dropped', fn, file, a.why);
    step(net, fn, file, a.why, a.index);
    return;
  }
  // inet_frag_reasm_prepare: the skb just received is morphed into the offset-0 fragment.
  const head = skbs[0] as SkBuff;
  const hl = v6 ? 40 : 20;
  // skb_push back over the network header (IPv6: moved 8 bytes up over the fragment header)
  skbPush(head, hl, v6 ? 'ip6' : 'ip');
  head.frag_list = skbs.slice(1);
  for (const f of head.frag_list) {
    head.len += f.len;
    head.data_len += f.len;
    head.truesize += f.truesize;
  }
  head.label = 'reassembled';
  a.verdict = 'completed';
  a.errno = null;
  a.fn = fn;
  a.file = file;
  a.why = `FIRST_IN and LAST_IN set and meat = len = ${q.len}: the queue is killed and the ${pieces.length} fragment${pieces.length > 1 ? 's' : ''} joined (the head skb takes the others on its frag_list${v6 ? '; the fragment header is removed' : ''}), ${v6 ? 'payload_len' : 'tot_len'} = ${total}`;
  inetFragKill(net, q, 'reassembled', fn, file, a.why);
  step(net, fn, file, a.why, a.index, [skbSnapshot(head)]);
  skbPull(head, hl);
  deliver(net, a, q, q.len, pieces, head);
}

/** Common tail of ip_frag_queue / ip6_frag_queue from the last-fragment checks on. */
function fragQueueTail(
  net: DefragNet,
  q: InetFragQueue,
  a: DefragArrival,
  skb: SkBuff,
  fn: string,
  file: string,
): void {
  const offset = a.offset;
  let end = a.offset + a.length;
  const v6 = net.family === 'inet6';
  const discard = (verdict: ArrivalVerdict, why: string): void => {
    a.verdict = verdict;
    a.errno = v6 ? null : 'EINVAL';
    a.fn = fn;
    a.file = file;
    a.why = why;
    inetFragKill(net, q, 'dropped', fn, file, why);
    step(net, fn, file, why, a.index);
  };
  if (!a.mf) {
    if (end < q.len || (q.flags.LAST_IN && end !== q.len)) {
      discard(
        'bad-last',
        end < q.len
          ? `a last fragment ending at ${end}, but bytes up to ${q.len} were already seen: the queue is corrupt, all of it dropped`
          : `a second last fragment ending at ${end}, but the first said ${q.len}: the queue is corrupt, all of it dropped`,
      );
      return;
    }
    q.flags.LAST_IN = true;
    q.len = end;
  } else {
    if (end & 7) {
      // IPv6 never gets here: ip6_frag_queue answered Parameter Problem already.
      end &= ~7;
      a.trimmedEnd = end;
    }
    if (end > q.len) {
      if (q.flags.LAST_IN) {
        discard(
          'beyond-last',
          `it reaches ${end}, past the end ${q.len} the last fragment gave: the queue is corrupt, all of it dropped`,
        );
        return;
      }
      q.len = end;
    }
  }
  dirty(net, q);
  if (end === offset) {
    discard(
      'empty',
      a.trimmedEnd !== undefined
        ? `trimmed to a multiple of 8 it holds nothing ([${offset}, ${end})): the whole queue is dropped`
        : `an empty fragment (end = offset = ${offset}): the whole queue is dropped`,
    );
    return;
  }
  // pskb_pull(ihl) + pskb_trim_rcsum(end - offset)
  skbPull(skb, v6 ? 48 : 20);
  if (skb.len > end - offset) skbTrim(skb, end - offset);
  const piece: FragPiece = { offset, end, fill: a.fill, arrival: a.index };
  const ins = inetFragQueueInsert(q.runs, q.tail, piece);
  if (ins.result === 'dup') {
    a.verdict = 'duplicate';
    a.errno = 'EINVAL';
    a.fn = 'inet_frag_queue_insert';
    a.file = INET_FRAGMENT_C;
    a.why = `IPFRAG_DUP: ${ins.how}; only this skb is dropped (DUP_FRAG), the queue keeps the copy it had`;
    step(net, a.fn, a.file, a.why, a.index);
    return;
  }
  if (ins.result === 'overlap') {
    a.verdict = 'overlap';
    a.errno = 'EINVAL';
    a.fn = 'inet_frag_queue_insert';
    a.file = INET_FRAGMENT_C;
    a.why = `IPFRAG_OVERLAP: ${ins.how}; RFC 5722: the whole queue is dropped (REASM_OVERLAPS)`;
    inetFragKill(net, q, 'dropped', a.fn, a.file, a.why);
    step(net, a.fn, a.file, a.why, a.index);
    return;
  }
  q.tail = ins.tail;
  q.meat += end - offset;
  q.truesize += skb.truesize;
  q.skbs.set(a.index, skb);
  net.mem += skb.truesize;
  if (offset === 0) q.flags.FIRST_IN = true;
  dirty(net, q);
  if (q.flags.FIRST_IN && q.flags.LAST_IN && q.meat === q.len) {
    step(
      net,
      'inet_frag_queue_insert',
      INET_FRAGMENT_C,
      `[${offset}, ${end}) inserted: ${ins.how}; meat ${q.meat} = len ${q.len}`,
      a.index,
      [skbSnapshot(skb)],
    );
    fragReasm(net, q, a);
    return;
  }
  a.verdict = 'queued';
  a.errno = 'EINPROGRESS';
  a.fn = 'inet_frag_queue_insert';
  a.file = INET_FRAGMENT_C;
  const missing = [
    !q.flags.FIRST_IN && 'the first fragment',
    !q.flags.LAST_IN && 'the last fragment',
    q.meat < q.len && `${q.len - q.meat} bytes`,
  ]
    .filter(Boolean)
    .join(', ');
  a.why = `${a.trimmedEnd !== undefined ? `not a multiple of 8: trimmed to [${offset}, ${end}); ` : ''}${ins.how}; waiting for ${missing || 'more'} (-EINPROGRESS)`;
  step(net, a.fn, a.file, a.why, a.index, [skbSnapshot(skb)]);
}

function newArrival(net: DefragNet, f: Required<Omit<FragmentSpec, 'at'>>): DefragArrival {
  const a: DefragArrival = {
    index: net.arrivals.length,
    at: net.now,
    offset: f.offset,
    length: f.length,
    mf: f.mf,
    id: f.id,
    fill: f.fill,
    queue: null,
    created: false,
    verdict: 'queued',
    errno: null,
    ret: 0,
    fn: '',
    file: '',
    why: '',
  };
  net.arrivals.push(a);
  return a;
}

function straightUp(
  net: DefragNet,
  a: DefragArrival,
  skb: SkBuff,
  fn: string,
  file: string,
  why: string,
): void {
  a.verdict = 'unfragmented';
  a.errno = null;
  a.fn = fn;
  a.file = file;
  a.why = why;
  step(net, fn, file, why, a.index, [skbSnapshot(skb)]);
  skbPull(skb, net.family === 'inet' ? 20 : 48);
  deliver(net, a, null, a.length, [{ offset: 0, end: a.length, fill: a.fill, arrival: a.index }], skb);
}

function lookup(net: DefragNet, a: DefragArrival, fn: string): InetFragQueue | null {
  const found = inetFragFind(net, a.id);
  if (!found) {
    a.verdict = 'no-memory';
    a.errno = 'ENOMEM';
    a.fn = 'inet_frag_find';
    a.file = INET_FRAGMENT_C;
    a.why = `fragment memory ${net.mem} is over high_thresh ${net.sysctl.high_thresh}: no queue is looked up or created until queues expire; dropped (REASMFAILS)`;
    step(net, a.fn, a.file, a.why, a.index);
    return null;
  }
  a.queue = found.q.serial;
  a.created = found.created;
  if (found.created)
    step(
      net,
      'inet_frag_find',
      INET_FRAGMENT_C,
      `${fn}: no queue for (${found.q.key}): queue #${found.q.serial} created, its timer armed once for ${net.sysctl.timeout / 1000} s (t = ${found.q.expiresAt} ms)`,
      a.index,
    );
  return found.q;
}

/** ip_defrag(net, skb, IP_DEFRAG_LOCAL_DELIVER) for one IPv4 fragment (ip_local_deliver calls it). */
export function ipDefrag(net: DefragNet, f: Required<Omit<FragmentSpec, 'at'>>): DefragArrival {
  const a = newArrival(net, f);
  const skb = fragmentSkb('inet', f, a.index);
  if (f.offset === 0 && !f.mf) {
    straightUp(
      net,
      a,
      skb,
      'ip_local_deliver',
      IP_INPUT_C,
      'offset 0 and no MF: ip_is_fragment() is false, so ip_defrag is never called — the packet goes straight up',
    );
    return a;
  }
  const q = lookup(net, a, 'ip_defrag');
  if (q) ipFragQueue(net, q, a, skb);
  a.ret = a.errno ? -ERRNO[a.errno] : 0;
  return a;
}

/** ip_frag_too_far: more than max_dist fragments from this source since this queue's last one? */
function ipFragTooFar(net: DefragNet, q: InetFragQueue): boolean {
  if (!net.sysctl.max_dist) return false;
  const start = q.rid;
  net.peerRid += 1;
  q.rid = net.peerRid;
  return q.tail !== null && net.peerRid - start > net.sysctl.max_dist;
}

/** ip_frag_queue(qp, skb). */
export function ipFragQueue(net: DefragNet, q: InetFragQueue, a: DefragArrival, skb: SkBuff): void {
  if (ipFragTooFar(net, q)) {
    // ip_frag_reinit: purge, reset, re-arm the timer.
    net.mem -= q.truesize;
    q.runs = [];
    q.tail = null;
    q.truesize = 0;
    q.skbs.clear();
    q.len = 0;
    q.meat = 0;
    q.flags = { FIRST_IN: false, LAST_IN: false, COMPLETE: false };
    q.expiresAt = net.now + net.sysctl.timeout;
    a.reinit = true;
    dirty(net, q);
    step(
      net,
      'ip_frag_reinit',
      IP_FRAGMENT_C,
      `ip_frag_too_far: more than ${net.sysctl.max_dist} fragments from this source arrived since queue #${q.serial}'s last one — its fragments are purged and the timer re-armed (t = ${q.expiresAt} ms)`,
      a.index,
    );
  }
  fragQueueTail(net, q, a, skb, 'ip_frag_queue', IP_FRAGMENT_C);
}

function paramProb(
  net: DefragNet,
  a: DefragArrival,
  code: number,
  pointer: number,
  why: string,
  fn: string,
): void {
  a.verdict = 'param-problem';
  a.errno = null;
  a.fn = fn;
  a.file = REASSEMBLY_C;
  const icmp: IcmpOut = {
    type: 4,
    code,
    pointer,
    name:
      code === 3
        ? 'ICMPv6 Parameter Problem (ICMPV6_HDR_INCOMP)'
        : 'ICMPv6 Parameter Problem (ICMPV6_HDR_FIELD)',
    at: net.now,
    why,
  };
  a.icmp = icmp;
  net.icmp.push(icmp);
  a.why = `${why}: icmpv6_param_prob (code ${code}, pointer ${pointer}), the fragment is dropped; the queue is left as it was`;
  step(net, fn, REASSEMBLY_C, a.why, a.index);
}

/** ipv6_frag_rcv(skb) for one IPv6 fragment (the fragment header's handler). */
export function ipv6FragRcv(net: DefragNet, f: Required<Omit<FragmentSpec, 'at'>>): DefragArrival {
  const a = newArrival(net, f);
  const skb = fragmentSkb('inet6', f, a.index);
  if (f.offset === 0 && !f.mf) {
    straightUp(
      net,
      a,
      skb,
      'ipv6_frag_rcv',
      REASSEMBLY_C,
      'an atomic fragment (offset 0, M = 0): processed as unfragmented, the queues are not touched',
    );
    a.ret = 1;
    return a;
  }
  if (f.offset === 0 && f.length < UDP_HLEN) {
    paramProb(
      net,
      a,
      3,
      0,
      `RFC 8200 §4.5: the first fragment (${f.length} bytes) does not hold the whole UDP header (ipv6frag_thdr_truncated)`,
      'ipv6_frag_rcv',
    );
    a.ret = -1;
    return a;
  }
  const q = lookup(net, a, 'ipv6_frag_rcv');
  if (q) ip6FragQueue(net, q, a, skb);
  // ipv6_frag_rcv answers 1 ("go on with the next header") or -1; no errno leaves it.
  a.errno = null;
  a.ret = a.verdict === 'completed' ? 1 : -1;
  return a;
}

/** ip6_frag_queue(fq, skb, fhdr, nhoff, prob_offset). */
export function ip6FragQueue(net: DefragNet, q: InetFragQueue, a: DefragArrival, skb: SkBuff): void {
  const end = a.offset + a.length;
  if (end > IPV6_MAXPLEN) {
    paramProb(net, a, 0, 42, `the fragment ends at ${end}, past IPV6_MAXPLEN (65,535)`, 'ip6_frag_queue');
    return;
  }
  if (a.mf && end & 7) {
    paramProb(
      net,
      a,
      0,
      4,
      `a non-last fragment ending at ${end}, not a multiple of 8 (RFC 8200)`,
      'ip6_frag_queue',
    );
    return;
  }
  fragQueueTail(net, q, a, skb, 'ip6_frag_queue', REASSEMBLY_C);
}

/**
 * ip_expire / ip6_frag_expire (ip6frag_expire_frag_queue): kill the queue; an ICMP Time
 * Exceeded (fragment reassembly) only if the offset-0 fragment is in. IPv4 first routes the
 * head again (ip_route_input_noref): a head whose source is this host's own address is a
 * martian source (no accept_local), so on loopback to itself no ICMP leaves — recorded.
 */
export function ipExpire(net: DefragNet, q: InetFragQueue): void {
  const v6 = q.family === 'inet6';
  const fn = v6 ? 'ip6_frag_expire' : 'ip_expire';
  const file = v6 ? REASSEMBLY_C : IP_FRAGMENT_C;
  const first = q.flags.FIRST_IN;
  const routed = v6 || net.source === 'remote';
  const icmpName = v6 ? 'ICMPv6 Time Exceeded (type 3, code 1)' : 'ICMP Time Exceeded (type 11, code 1)';
  const tail = !first
    ? 'the first fragment never came: no ICMP'
    : routed
      ? `the first fragment was in: ${icmpName} goes back to the source`
      : "the first fragment was in, but ip_route_input_noref rejects the head: its source is this host's own address (a martian source without accept_local), so no ICMP leaves";
  const why = `queue #${q.serial} (id ${q.id}) timed out after ${net.sysctl.timeout / 1000} s with ${q.meat} of ${q.flags.LAST_IN ? q.len : 'unknown'} bytes (REASMTIMEOUT); ${tail}`;
  inetFragKill(net, q, 'expired', fn, file, why);
  if (first && routed) {
    const icmp: IcmpOut = {
      type: v6 ? 3 : 11,
      code: 1,
      name: v6 ? 'ICMPv6 Time Exceeded (fragment reassembly)' : 'ICMP Time Exceeded (fragment reassembly)',
      at: net.now,
      why: `queue #${q.serial} expired with its first fragment in`,
    };
    net.icmp.push(icmp);
    (q.outcome as QueueOutcome).icmp = icmp;
  }
  step(net, fn, file, why, null);
}

function runTimers(net: DefragNet, until: number): void {
  for (;;) {
    let next: InetFragQueue | null = null;
    for (const q of net.table.values())
      if (q.expiresAt <= until && (!next || q.expiresAt < next.expiresAt)) next = q;
    if (!next) return;
    net.now = next.expiresAt;
    ipExpire(net, next);
  }
}

/* ------------------------------------------------------------------------------------ */

/** Check what a user typed; the kernel could not even receive some of it. */
export function validateDefragInput(input: DefragInput): DefragIssue[] {
  const issues: DefragIssue[] = [];
  const v6 = input.family === 'inet6';
  if (input.family !== 'inet' && input.family !== 'inet6')
    issues.push({ field: 'family', message: 'family must be inet or inet6' });
  if (!Number.isInteger(input.len) || input.len < 0 || input.len > 70_000)
    issues.push({ field: 'len', message: 'the datagram length must be a whole number from 0 to 70,000' });
  if (!Array.isArray(input.fragments)) {
    issues.push({ field: 'fragments', message: 'fragments must be a list' });
    return issues;
  }
  if (input.fragments.length > 5000) issues.push({ field: 'fragments', message: 'at most 5,000 fragments' });
  let prev = 0;
  input.fragments.forEach((f, i) => {
    const at = `fragments[${i}]`;
    if (!f || typeof f !== 'object') {
      issues.push({ field: at, message: 'not a fragment' });
      return;
    }
    if (!Number.isInteger(f.offset) || f.offset < 0 || f.offset % 8 !== 0 || f.offset > 8191 * 8)
      issues.push({
        field: `${at}.offset`,
        message: 'the offset must be a multiple of 8 from 0 to 65,528 (the header counts 8-byte units)',
      });
    const maxLen = v6 ? 65535 - 8 : 65535 - 20;
    if (!Number.isInteger(f.length) || f.length < 0 || f.length > maxLen)
      issues.push({
        field: `${at}.length`,
        message: `the length must be a whole number from 0 to ${maxLen} (one packet's payload)`,
      });
    if (typeof f.mf !== 'boolean') issues.push({ field: `${at}.mf`, message: 'mf must be true or false' });
    const idMax = v6 ? 0xffffffff : 0xffff;
    if (f.id !== undefined && (!Number.isInteger(f.id) || f.id < 0 || f.id > idMax))
      issues.push({ field: `${at}.id`, message: `the id must be from 0 to ${idMax}` });
    if (f.fill !== undefined && f.fill !== 'same' && f.fill !== 'other')
      issues.push({ field: `${at}.fill`, message: 'fill is same or other' });
    if (f.at !== undefined) {
      if (!Number.isFinite(f.at) || f.at < prev)
        issues.push({ field: `${at}.at`, message: 'arrival times must not go back' });
      else prev = f.at;
    }
  });
  return issues;
}

/**
 * The reassembly lab's pipeline: every fragment, in arrival order, through ip_defrag (or
 * ipv6_frag_rcv) on one receiver, the queue timers firing on the virtual clock, and the
 * UDP socket's view of every reassembled datagram. Never throws on user input.
 */
export function reassemble(input: DefragInput): DefragResult {
  let issues: DefragIssue[];
  try {
    issues = validateDefragInput(input);
  } catch {
    issues = [{ field: '(input)', message: 'not a reassembly input' }];
  }
  if (issues.length)
    return {
      ok: false,
      errno: 'EINVAL',
      fn: 'sockscope',
      file: 'core/ip/defrag.ts',
      why: issues.map((i) => `${i.field}: ${i.message}`).join('; '),
      issues,
    };
  const family = input.family;
  const sysctl: DefragSysctl = { ...DEFRAG_DEFAULTS[family], ...input.sysctl };
  const net = newNet(family, sysctl, input.len, input.source === 'remote' ? 'remote' : 'self');
  resetSkbIds();
  const defaultId = input.id ?? 0x4242;
  let clock = 0;
  for (const f of input.fragments) {
    clock = f.at ?? clock;
    runTimers(net, clock);
    net.now = clock;
    const full = {
      offset: f.offset,
      length: f.length,
      mf: f.mf,
      id: f.id ?? defaultId,
      fill: f.fill ?? 'same',
    };
    if (family === 'inet') ipDefrag(net, full);
    else ipv6FragRcv(net, full);
  }
  const until = Math.max(input.until ?? clock + 100, clock);
  runTimers(net, until);
  net.now = until;
  const queues: QueueOutcome[] = net.all.map(
    (q) =>
      q.outcome ?? {
        serial: q.serial,
        id: q.id,
        state: 'waiting',
        createdAt: q.createdAt,
        endedAt: null,
        fn: family === 'inet' ? 'ip_frag_queue' : 'ip6_frag_queue',
        file: family === 'inet' ? IP_FRAGMENT_C : REASSEMBLY_C,
        why: `still waiting at t = ${until} ms (${q.meat} bytes in; ${q.flags.FIRST_IN ? '' : 'no first fragment; '}${q.flags.LAST_IN ? '' : 'no last fragment; '}expires at t = ${q.expiresAt} ms)`,
        icmp: null,
        last: queueSnapshot(q),
      },
  );
  return {
    ok: true,
    family,
    len: input.len,
    datagramLength: net.datagramLength,
    until,
    arrivals: net.arrivals,
    datagrams: net.datagrams,
    delivered: net.datagrams.filter((d) => d.delivered),
    queues,
    icmp: net.icmp,
    trace: net.trace,
    sysctl,
  };
}

/** The fragments a send put on the wire, as arrivals (the lab makes its cards from ipSend). */
export function fragmentsFromWire(wire: readonly WirePacket[]): FragmentSpec[] {
  return wire.map((p) =>
    p.family === 'inet'
      ? { offset: p.offset, length: p.total_length - p.ihl, mf: p.mf, id: p.id }
      : p.frag
        ? { offset: p.frag.offset, length: p.payload_length - 8, mf: p.frag.mf, id: p.frag.id }
        : { offset: 0, length: p.payload_length, mf: false },
  );
}

/** The errno number a verdict's return value carries (for tables). */
export function defragReturn(a: DefragArrival): string {
  return a.errno ? `-${a.errno} (${ERRNO[a.errno]})` : '0';
}

/** The truesize the receiver charges for one fragment of `length` payload bytes. */
export function fragmentTruesize(family: Family, length: number): number {
  return skbAllocation((family === 'inet' ? 20 : 48) + length + SENDER_SLACK).truesize;
}
