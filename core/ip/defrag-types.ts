/**
 * The shared vocabulary of the reassembly model (include/net/inet_frag.h, struct ipq,
 * struct frag_queue): inputs, the per-arrival and per-queue results, the queue itself and the
 * receiver's state. No behaviour here: inet-fragment.ts, ip-fragment.ts and reassembly.ts act on it.
 */
import { defineMessages, msg } from '../i18n/index.ts';
import type { Msg } from '../i18n/index.ts';
import type { DropReason, SnmpDelta, Tally } from '../drops/index.ts';
import type { Errno } from '../errno/index.ts';
import type { SkBuff, SkbSnapshot } from '../skb/index.ts';
import type { RcvQueue } from '../udp/rcvqueue.ts';
import type { UdpFate } from '../udp/udp-rcv.ts';
import type { TraceStep } from '../trace/index.ts';
import type { ByteRange, Family } from './types.ts';

export const IP_FRAGMENT_C = 'net/ipv4/ip_fragment.c';
export const INET_FRAGMENT_C = 'net/ipv4/inet_fragment.c';
export const REASSEMBLY_C = 'net/ipv6/reassembly.c';
export const IP_INPUT_C = 'net/ipv4/ip_input.c';
export const UDP_C = 'net/ipv4/udp.c';
export const UDP6_C = 'net/ipv6/udp.c';

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
export const SENDER_SLACK = 16 + 15;
export const UDP_HLEN = 8;
export const IPV6_MAXPLEN = 65535;

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
   * net.ipv4.ipfrag_max_dist (IPv4 only): how many fragments from the same source may arrive
   * between two of one queue's before ip_frag_too_far purges it (FRAG_TOO_FAR); 0 switches the
   * check off. Default 64, the kernel's. Wins over `sysctl.max_dist` when both are given.
   */
  ipfrag_max_dist?: number;
  /**
   * Who sent the fragments: `self` (default) — this host to itself over loopback, as the
   * fixtures were recorded; `remote` — another host. It matters to ip_expire (its fresh input
   * route lookup rejects a head whose source is one of our own addresses) and to the ICMP errors
   * (only `self` receives them back), and only `self` counts the sender's packets.
   */
  source?: 'self' | 'remote';
  /**
   * What wrote the fragments: `raw` (default) — a raw IP_HDRINCL / IPPROTO_RAW socket, as the
   * fixtures did (its packets count OutTransmits, IPv6 also OutRequests; the UDP source port in
   * the fragments has no socket, so an ICMPv6 error quoting one makes udpv6_err count InErrors);
   * `udp` — the UDP socket's own send (its counters belong to that send; its socket exists).
   */
  sender?: 'raw' | 'udp';
  /**
   * The UDP port's owner: `bound` (default) — a socket with sk_rcvbuf `rcvbuf` that reads every
   * datagram once the clock stops (as the fixtures' receiver does); `none` — nobody (NO_SOCKET,
   * ICMP port unreachable); `external` — the caller queues what reaches udp_rcv on its own socket.
   */
  socket?: 'bound' | 'none' | 'external';
  /** sk_rcvbuf of the bound socket (what SO_RCVBUF reads back). Default net.core.rmem_default, 212,992. */
  rcvbuf?: number;
  /** IPv4 header length of every fragment, 20 to 60 (IP options). Default 20. */
  ihl?: number;
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

/** The verdicts as catalog messages (the same English as VERDICT_TEXT, in every language). */
const VM = defineMessages({
  queued: { id: 'ip.defrag.verdict.queued', defaultMessage: 'queued' },
  completed: { id: 'ip.defrag.verdict.completed', defaultMessage: 'completed → reassembled' },
  duplicate: { id: 'ip.defrag.verdict.duplicate', defaultMessage: 'duplicate: dropped alone' },
  overlap: { id: 'ip.defrag.verdict.overlap', defaultMessage: 'overlap: queue dropped' },
  badLast: { id: 'ip.defrag.verdict.badLast', defaultMessage: 'last fragment disagrees: queue dropped' },
  beyondLast: { id: 'ip.defrag.verdict.beyondLast', defaultMessage: 'beyond the known end: queue dropped' },
  empty: { id: 'ip.defrag.verdict.empty', defaultMessage: 'empty fragment: queue dropped' },
  tooBig: { id: 'ip.defrag.verdict.tooBig', defaultMessage: 'too big (<code>E2BIG</code>): queue dropped' },
  paramProblem: { id: 'ip.defrag.verdict.paramProblem', defaultMessage: 'Parameter Problem: dropped' },
  noMemory: { id: 'ip.defrag.verdict.noMemory', defaultMessage: 'over <code>high_thresh</code>: dropped' },
  unfragmented: { id: 'ip.defrag.verdict.unfragmented', defaultMessage: 'not a fragment: straight up' },
});

export const VERDICT_MSG: Record<ArrivalVerdict, Msg> = {
  queued: msg(VM.queued),
  completed: msg(VM.completed),
  duplicate: msg(VM.duplicate),
  overlap: msg(VM.overlap),
  'bad-last': msg(VM.badLast),
  'beyond-last': msg(VM.beyondLast),
  empty: msg(VM.empty),
  'too-big': msg(VM.tooBig),
  'param-problem': msg(VM.paramProblem),
  'no-memory': msg(VM.noMemory),
  unfragmented: msg(VM.unfragmented),
};

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
  why: Msg;
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
  /** The UDP socket's receive queue after this step (null: no socket of ours). */
  rcvq: { rmem: number; rcvbuf: number; queued: number } | null;
}

export type DefragStep = TraceStep<DefragSnapshot, Msg>;

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
  why: Msg;
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
  /** The UDP socket received it (queued, then read). */
  delivered: boolean;
  /** What __udp4_lib_rcv / __udp6_lib_rcv did with it (`external`: the caller's socket takes it). */
  fate: UdpFate | 'external';
  /** skb->truesize charged to the socket (after inet_frag_reasm_finish's coalescing). */
  truesize: number;
  /** skbs left on its frag_list. */
  chained: number;
  /** What recv() returned (null: not delivered). */
  length: number | null;
  /** Whether the received bytes equal the sender's (null: not delivered). */
  equal: boolean | null;
  fn: string;
  file: string;
  why: Msg;
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
  why: Msg;
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
  /** sk_rcvbuf of the receiving socket (null: none of ours). */
  rcvbuf: number | null;
  /** Every skb freed as a drop, sorted by reason then function. */
  drop_reasons: DropReason[];
  /** Every SNMP counter that moved (sender and receiver, on loopback), non-zero only. */
  snmp_delta: SnmpDelta;
}

export interface DefragIssue {
  field: string;
  /** The English sentence (`msg` in English). */
  message: string;
  /** The same sentence as a message, for any language. */
  msg: Msg;
}

export interface DefragFail {
  ok: false;
  errno: 'EINVAL';
  fn: 'sockscope';
  file: string;
  /** The issues in English, `field: message; …` (for machines and logs). */
  why: string;
  /** The same as a message (core/ip/input-messages.ts), for any language. */
  whyMsg: Msg;
  issues: DefragIssue[];
}

export type DefragResult = DefragOk | DefragFail;

/* ------------------------------------------------------------------------------------ */
/* The queue and its runs (include/net/inet_frag.h, net/ipv4/inet_fragment.c)             */

export interface Run {
  start: number;
  end: number;
  frags: FragPiece[];
  /**
   * When each piece was inserted and the run's snapshots by piece count (frag-net.ts). On the run,
   * not in a WeakMap: V8's scavenger keeps a WeakMap's young values alive.
   */
  stamps?: RunStamps;
}

/** When each piece of a run was inserted (clock ticks, ascending), and the run's snapshots by piece count. */
export interface RunStamps {
  at: number[];
  snaps: (RunSnapshot | undefined)[];
}

/**
 * A queue as a step saw it, recorded in O(1) and with no getter (issue 17): its numbers then, its
 * list of runs (ip_frag_reinit replaces the list) and the insert clock's value. An object literal
 * with getters costs V8 an old-space accessor pair that keeps every young object it reaches alive
 * until the next full collection, so the snapshot the panels read (with its lazy `runs` and
 * `holes`) is only made when the trace is read (queueSnapshotOf in frag-net.ts), once per state.
 */
export interface QueueState {
  readonly q: InetFragQueue;
  readonly len: number;
  readonly meat: number;
  readonly FIRST_IN: boolean;
  readonly LAST_IN: boolean;
  readonly COMPLETE: boolean;
  readonly truesize: number;
  readonly expiresAt: number;
  readonly list: readonly Run[];
  readonly clock: number;
  snap: QueueSnapshot | undefined;
}

/**
 * What a trace step records while the model runs: the step's own fields and the numbers its
 * snapshot shows, with references to immutable data (the queues' recorded states, shared from
 * step to step while a queue does not change; the socket's queue, which is replaced, never
 * changed in place; the skbs' snapshots). materialiseStep (frag-net.ts) makes the DefragStep the panels read.
 */
export interface StepRecord {
  readonly fn: string;
  readonly file: string;
  readonly why: Msg;
  readonly arrival: number | null;
  readonly at: number;
  readonly mem: number;
  readonly delivered: number;
  readonly queues: readonly QueueState[];
  readonly skbs: readonly SkbSnapshot[];
  readonly drops: readonly DropReason[];
  readonly sock: RcvQueue | null;
}

/** A queue's outcome as the run records it: `last` is the queue's recorded state. */
export type QueueOutcomeRecord = Omit<QueueOutcome, 'last'> & { last: QueueState };

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
  outcome: QueueOutcomeRecord | null;
}

export type InsertResult = 'ok' | 'dup' | 'overlap';

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
  /** The trace as recorded (materialised when read: defrag.ts). */
  trace: StepRecord[];
  /** Recorded states of queues that did not change since the last step, by queue serial (a Map's delete was a tenth of a small reassembly). */
  cache: (QueueState | undefined)[];
  /** Drops and counters so far. */
  mib: Tally;
  sender: 'raw' | 'udp';
  /** The UDP socket: its queue, `none` (no socket), or `external` (the caller's). */
  socket: { queue: RcvQueue } | 'none' | 'external';
  /** IPv4 header length of the fragments. */
  ihl: number;
}

/** A fragment as the model's input functions take it: every field given. */
export type FragIn = Required<Omit<FragmentSpec, 'at'>>;
