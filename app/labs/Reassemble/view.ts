/**
 * What the panels read off a reassembly trace at one step: which arrivals have come, which queues
 * are alive or ended, where the "arrival by arrival" stepper stops. Plain functions of the core's
 * result (no kernel logic: the core already decided every verdict).
 */
import type {
  ArrivalVerdict,
  DefragOk,
  DefragStep,
  QueueOutcome,
  QueueSnapshot,
} from '../../../core/ip/defrag-types.ts';
import type { MessageDescriptor } from 'react-intl';
import { W } from './words.ts';

export type VerdictTone = 'ok' | 'dup' | 'drop';

/** Queued and completed fragments are fine, a duplicate costs only itself, the rest drop something. */
export function verdictTone(v: ArrivalVerdict): VerdictTone {
  if (v === 'queued' || v === 'completed' || v === 'unfragmented') return 'ok';
  if (v === 'duplicate') return 'dup';
  return 'drop';
}

/** How many arrivals have come by step `i` (every arrival has at least one step of its own). */
export function arrivedBy(trace: readonly DefragStep[], i: number): number {
  let n = 0;
  for (let k = 0; k <= i && k < trace.length; k++) {
    const a = trace[k]?.snapshot.arrival;
    if (a !== null && a !== undefined) n = Math.max(n, a + 1);
  }
  return n;
}

/** The arrival step `i` belongs to (null: a timer step). */
export const arrivalAt = (trace: readonly DefragStep[], i: number): number | null =>
  trace[i]?.snapshot.arrival ?? null;

/**
 * The stepper's stops: the last step of every arrival (the fragment's verdict is in) and every
 * timer step (a queue expiring), in trace order.
 */
export function stopsOf(trace: readonly DefragStep[]): number[] {
  const stops: number[] = [];
  trace.forEach((s, i) => {
    const a = s.snapshot.arrival;
    const next = trace[i + 1];
    if (a === null || !next || next.snapshot.arrival !== a) stops.push(i);
  });
  return stops;
}

/** The stop at or before step i (its index in `stops`), -1 before the first. */
export function stopIndex(stops: readonly number[], i: number): number {
  let k = -1;
  stops.forEach((s, j) => {
    if (s <= i) k = j;
  });
  return k;
}

export interface QueueAtStep {
  serial: number;
  /** Alive in the hash table at this step, or ended (reassembled, dropped, expired) by it. */
  live: boolean;
  snapshot: QueueSnapshot;
  outcome: QueueOutcome | undefined;
}

/** Every queue created by step i: the live ones as the step's snapshot holds them, the ended ones as they last were. */
export function queuesAt(result: DefragOk, i: number): QueueAtStep[] {
  const live = result.trace[i]?.snapshot.queues ?? [];
  const seen = new Set<number>();
  for (let k = 0; k <= i && k < result.trace.length; k++)
    for (const q of result.trace[k]?.snapshot.queues ?? []) seen.add(q.serial);
  // A queue killed in the step that created it never shows in a snapshot: its arrival says so.
  for (let k = 0; k <= i && k < result.trace.length; k++) {
    const a = result.trace[k]?.snapshot.arrival;
    const q = a === null || a === undefined ? null : result.arrivals[a]?.queue;
    if (q !== null && q !== undefined) seen.add(q);
  }
  return [...seen]
    .sort((a, b) => a - b)
    .map((serial) => {
      const snap = live.find((q) => q.serial === serial);
      const outcome = result.queues.find((q) => q.serial === serial);
      return {
        serial,
        live: !!snap,
        snapshot: snap ?? (outcome as QueueOutcome).last,
        outcome,
      };
    });
}

/** The byte range the diagram spans: the datagram, every arrival and every queue's known end. */
export function extentOf(result: DefragOk): number {
  let max = result.datagramLength;
  for (const a of result.arrivals) max = Math.max(max, a.offset + a.length);
  for (const q of result.queues) max = Math.max(max, q.last.len);
  return Math.max(8, max);
}

const QUEUE_STATE_WORDS: Record<QueueOutcome['state'], MessageDescriptor> = {
  waiting: W.stateWaiting,
  reassembled: W.stateReassembled,
  dropped: W.stateDropped,
  expired: W.stateExpired,
};

/** How a queue ended, as a catalog message. */
export const queueStateWords = (s: QueueOutcome['state']): MessageDescriptor => QUEUE_STATE_WORDS[s];
