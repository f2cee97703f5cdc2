/**
 * The receiver's reassembly state as the model keeps it (struct fqdir and the inet_peer rid),
 * how a queue is keyed, and the trace step that snapshots every queue after each event.
 */
import type { ByteRange, Family } from './types.ts';
import {
  UDP_HLEN,
  type DefragNet,
  type DefragSysctl,
  type FragPiece,
  type InetFragQueue,
  type DefragSnapshot,
  type DefragStep,
  type QueueSnapshot,
  type QueueState,
  type Run,
  type StepRecord,
  type RunSnapshot,
  type RunStamps,
} from './defrag-types.ts';
import { countDrop, newTally } from '../drops/tally.ts';
import type { DropReason } from '../drops/types.ts';
import type { SkbSnapshot } from '../skb/index.ts';
import { rcvQueueInit } from '../udp/rcvqueue.ts';
import type { Msg } from '../i18n/index.ts';

export function holesOf(runs: readonly { start: number; end: number }[], len: number): ByteRange[] {
  const out: ByteRange[] = [];
  let at = 0;
  for (const r of runs) {
    if (r.start > at) out.push({ from: at, to: r.start });
    at = Math.max(at, r.end);
  }
  if (at < len) out.push({ from: at, to: len });
  return out;
}

/**
 * Trace steps record a queue's runs and holes in O(1), whatever order fragments come in (issue 17:
 * 1,365 fragments in reverse order are 1,365 runs, and copying them at every step made reassembly
 * quadratic). The runs only ever change in two ways: inet_frag_queue_insert adds a run (a node of
 * the rbtree) or appends a piece to the last one (fragrun_append_to_last), and ip_frag_reinit
 * replaces the whole list. So every insert is stamped with a tick of one clock, and a snapshot
 * keeps the queue's list and the clock's value: the runs it shows are the runs stamped by then,
 * each with its pieces stamped by then. `runs` and `holes` are own enumerable getters that work
 * this out the first time they are read (a step on show), so the trace serialises (JSON) and
 * compares exactly as copied arrays would.
 */
let insertClock = 0;


/** inet_frag_queue_insert put `r` in the queue or appended a piece to it: stamp that piece. */
export function stampRunInsert(r: Run): void {
  let st = r.stamps;
  if (!st) r.stamps = st = { at: [], snaps: [] };
  insertClock += 1;
  // A run made outside inet_frag_queue_insert (a test's own list) counts its pieces as stamped at 0.
  while (st.at.length < r.frags.length - 1) st.at.push(0);
  st.at.push(insertClock);
}

/** How many of a run's pieces had come by clock `v` (its stamps ascend: a binary search). */
function piecesBy(st: RunStamps | undefined, r: Run, v: number): number {
  if (!st) return r.frags.length;
  let lo = 0;
  let hi = st.at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((st.at[mid] as number) <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A run's first `n` pieces as a snapshot. It shares the run's own list of pieces (a run only grows
 * at its end, so its first `n` pieces stay what they were): `frags` is an own enumerable getter
 * that copies them out the first time it is read. One snapshot object per run and piece count, so
 * an unchanged run keeps its snapshot object from step to step.
 */
function runSnapshotOf(r: Run, st: RunStamps | undefined, n: number): RunSnapshot {
  const cached = st?.snaps[n];
  if (cached) return cached;
  const backing = r.frags;
  let frags: readonly FragPiece[] | undefined;
  const snap: RunSnapshot = {
    start: r.start,
    end: n >= backing.length ? r.end : (backing[n - 1] as FragPiece).end,
    get frags() {
      return (frags ??= backing.slice(0, n));
    },
  };
  if (st) st.snaps[n] = snap;
  return snap;
}

/** A run as it is now, as a snapshot. */
export function runSnapshot(r: Run): RunSnapshot {
  return runSnapshotOf(r, r.stamps, r.frags.length);
}

/** The runs of `list` (a queue's runs, later grown) as they were at clock `v`. */
function runsAt(list: readonly Run[], v: number): RunSnapshot[] {
  const out: RunSnapshot[] = [];
  for (const r of list) {
    const st = r.stamps;
    const n = piecesBy(st, r, v);
    if (n > 0) out.push(runSnapshotOf(r, st, n));
  }
  return out;
}

/**
 * Work counted for the tests that show reassembly stays n·log n (defrag-scaling.test.ts): runs
 * looked at when a step's runs are read, and runs compared by inet_frag_queue_insert's search.
 */
export const defragWork = { runsRead: 0, searched: 0 };

/** Record a queue as it is now (what a step or a queue's outcome shows of it). */
export function queueState(q: InetFragQueue): QueueState {
  const f = q.flags;
  return {
    q,
    len: q.len,
    meat: q.meat,
    FIRST_IN: f.FIRST_IN,
    LAST_IN: f.LAST_IN,
    COMPLETE: f.COMPLETE,
    truesize: q.truesize,
    expiresAt: q.expiresAt,
    list: q.runs,
    clock: insertClock,
    snap: undefined,
  };
}

/** The snapshot a recorded queue state shows: made the first time it is read, then kept. */
export function queueSnapshotOf(st: QueueState): QueueSnapshot {
  if (st.snap) return st.snap;
  const { q, list, clock: v, len } = st;
  let runs: RunSnapshot[] | undefined;
  let holes: ByteRange[] | undefined;
  const runsNow = () => {
    if (!runs) {
      defragWork.runsRead += list.length;
      runs = runsAt(list, v);
    }
    return runs;
  };
  return (st.snap = {
    serial: q.serial,
    family: q.family,
    id: q.id,
    key: q.key,
    len,
    meat: st.meat,
    flags: { FIRST_IN: st.FIRST_IN, LAST_IN: st.LAST_IN, COMPLETE: st.COMPLETE },
    get runs() {
      return runsNow();
    },
    get holes() {
      return (holes ??= holesOf(runsNow(), len));
    },
    truesize: st.truesize,
    createdAt: q.createdAt,
    expiresAt: st.expiresAt,
  });
}

/** A queue's snapshot as it is now (made at once: for tests and callers outside a run). */
export function queueSnapshot(q: InetFragQueue): QueueSnapshot {
  return queueSnapshotOf(queueState(q));
}

export interface NetOptions {
  source?: 'self' | 'remote';
  sender?: 'raw' | 'udp';
  socket?: 'bound' | 'none' | 'external';
  rcvbuf?: number;
  ihl?: number;
}

export function newNet(family: Family, sysctl: DefragSysctl, len: number, o: NetOptions = {}): DefragNet {
  const source = o.source ?? 'self';
  const socket = o.socket ?? 'bound';
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
    cache: [],
    mib: newTally(),
    sender: o.sender ?? 'raw',
    socket: socket === 'bound' ? { queue: rcvQueueInit(o.rcvbuf) } : socket,
    ihl: family === 'inet' ? (o.ihl ?? 20) : 40,
  };
}

export function dirty(net: DefragNet, q: InetFragQueue): void {
  net.cache[q.serial] = undefined;
}

const NO_DROPS: readonly DropReason[] = [];
const NO_SKBS: readonly SkbSnapshot[] = [];

export function step(
  net: DefragNet,
  fn: string,
  file: string,
  why: Msg,
  arrival: number | null,
  skbs: readonly SkbSnapshot[] = NO_SKBS,
  drops: readonly DropReason[] = NO_DROPS,
): void {
  const queues: QueueState[] = [];
  for (const q of net.table.values()) {
    let s = net.cache[q.serial];
    if (!s) {
      s = queueState(q);
      net.cache[q.serial] = s;
    }
    queues.push(s);
  }
  net.trace.push({
    fn,
    file,
    why,
    arrival,
    at: net.now,
    mem: net.mem,
    delivered: net.deliveredCount,
    queues,
    skbs,
    drops,
    sock: typeof net.socket === 'object' ? net.socket.queue : null,
  });
}

/** The trace step a record stands for, as the panels, the CLI and JSON read it. */
export function materialiseStep(r: StepRecord, highThresh: number): DefragStep {
  const qs = r.queues;
  const queues = new Array<QueueSnapshot>(qs.length);
  for (let i = 0; i < qs.length; i++) queues[i] = queueSnapshotOf(qs[i] as QueueState);
  const sock = r.sock;
  const snapshot: DefragSnapshot = {
    at: r.at,
    arrival: r.arrival,
    queues,
    mem: r.mem,
    high_thresh: highThresh,
    delivered: r.delivered,
    // A fresh empty list per step, as each step had.
    skbs: r.skbs.length ? r.skbs : [],
    rcvq: sock ? { rmem: sock.rmem, rcvbuf: sock.rcvbuf, queued: sock.queue.length } : null,
  };
  // Two literals, not a spread of a conditional one: the step's keys in the same order, no copy.
  return r.drops.length
    ? { fn: r.fn, file: r.file, why: r.why, dir: 'up', snapshot, drops: r.drops }
    : { fn: r.fn, file: r.file, why: r.why, dir: 'up', snapshot };
}

/** The last key built: every fragment of a datagram looks its queue up by the same key. */
let lastKey: { family: Family; id: number; key: string } | undefined;

export function keyOf(family: Family, id: number): string {
  if (lastKey?.family === family && lastKey.id === id) return lastKey.key;
  const key =
    family === 'inet'
      ? `saddr 127.0.0.1, daddr 127.0.0.1, id ${id}, protocol 17, user IP_DEFRAG_LOCAL_DELIVER, vif 0`
      : `id ${id}, saddr ::1, daddr ::1, iif 0`;
  lastKey = { family, id, key };
  return key;
}

/** Count a drop into the run's tally and return it as a one-entry list for the step. */
export function dropHere(net: DefragNet, reason: string, fn: string, count = 1): DropReason[] {
  if (count <= 0) return [];
  countDrop(net.mib, reason, fn, count);
  return [{ reason, function: fn, count }];
}
