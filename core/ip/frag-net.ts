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
  type QueueSnapshot,
  type Run,
  type RunSnapshot,
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
 * A run's snapshot shares the run's own list of fragments: a run only ever grows at its end
 * (fragrun_append_to_last pushes; inet_frag_queue_insert never edits a run's earlier pieces), so
 * the first `n` pieces at the time of the step stay what they were. `frags` is an own enumerable
 * getter that copies them out the first time it is read (a step on show), so recording a step
 * costs O(1) however long the run is, and the trace serialises (JSON) exactly as a copied array
 * would. Unchanged runs keep their snapshot object from step to step.
 */
const runCache = new WeakMap<Run, { end: number; n: number; snap: RunSnapshot }>();
export function runSnapshot(r: Run): RunSnapshot {
  const c = runCache.get(r);
  const backing = r.frags;
  const n = backing.length;
  if (c && c.end === r.end && c.n === n) return c.snap;
  let frags: readonly FragPiece[] | undefined;
  const snap: RunSnapshot = {
    start: r.start,
    end: r.end,
    get frags() {
      return (frags ??= backing.slice(0, n));
    },
  };
  runCache.set(r, { end: r.end, n, snap });
  return snap;
}

export function queueSnapshot(q: InetFragQueue): QueueSnapshot {
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
    cache: new Map(),
    mib: newTally(),
    sender: o.sender ?? 'raw',
    socket: socket === 'bound' ? { queue: rcvQueueInit(o.rcvbuf) } : socket,
    ihl: family === 'inet' ? (o.ihl ?? 20) : 40,
  };
}

export function dirty(net: DefragNet, q: InetFragQueue): void {
  net.cache.delete(q);
}

const NO_DROPS: readonly DropReason[] = [];

export function step(
  net: DefragNet,
  fn: string,
  file: string,
  why: Msg,
  arrival: number | null,
  skbs: readonly SkbSnapshot[] = [],
  drops: readonly DropReason[] = NO_DROPS,
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
  const snapshot = {
    at: net.now,
    arrival,
    queues,
    mem: net.mem,
    high_thresh: net.sysctl.high_thresh,
    delivered: net.deliveredCount,
    skbs,
    rcvq:
      typeof net.socket === 'object'
        ? {
            rmem: net.socket.queue.rmem,
            rcvbuf: net.socket.queue.rcvbuf,
            queued: net.socket.queue.queue.length,
          }
        : null,
  };
  // Two literals, not a spread of a conditional one: the step's keys in the same order, no copy.
  if (drops.length) net.trace.push({ fn, file, why, dir: 'up', snapshot, drops });
  else net.trace.push({ fn, file, why, dir: 'up', snapshot });
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
