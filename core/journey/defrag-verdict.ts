/**
 * What the receiver's ip_defrag says about each arriving fragment. The Journey asks a function of
 * this shape, so a fuller reassembly model (core/ip/defrag.ts: loss, duplicates, overlaps, a virtual
 * clock) can replace `simpleDefrag` without touching the scenario builder.
 */

export interface FragArrival {
  /** Wire index (0 = offset 0). */
  index: number;
  /** Byte offset of its data in the datagram, and its end. */
  offset: number;
  end: number;
  /** More fragments follow (IP_MF / the IPv6 M flag). */
  mf: boolean;
}

export interface DefragEvent {
  index: number;
  verdict: 'queued' | 'complete';
  why: Msg;
}

import type { MibResult } from '../drops/index.ts';
import type { Msg } from '../i18n/index.ts';
import { JW, jw } from './why-messages.ts';

export interface DefragOutcome {
  events: DefragEvent[];
  delivered: boolean;
  /** When the datagram never completes: ip_expire after the queue's timer. */
  expired: null | { afterSeconds: number; icmpTimeExceeded: boolean; why: Msg };
  /**
   * What the receiver's IP layer freed and counted for these fragments, up to (not including)
   * the UDP socket (absent when the function does not model it).
   */
  mib?: MibResult;
  /** Drops when the queue expired (each fragment still queued). */
  expiryDrops?: MibResult['drop_reasons'];
}

export type DefragFn = (
  arrivals: readonly FragArrival[],
  opts: { family: 'inet' | 'inet6'; ihl?: number },
) => DefragOutcome;

/**
 * Fragments of one datagram arriving in some order, some possibly missing (no duplicates or
 * overlaps: they come from one ip_do_fragment). ip_frag_queue: FIRST_IN when offset 0 arrives,
 * LAST_IN (q.len = end) when the MF-clear one does, meat += data; complete when both flags are
 * set and meat == len (then ip_frag_reasm). Otherwise the queue's timer, armed once at creation
 * (ipfrag_time 30 s; ip6frag_time 60 s), fires ip_expire: REASMFAILS + REASMTIMEOUT, and an ICMP
 * time exceeded (code 1) only if the offset-0 fragment had arrived (FIRST_IN).
 */
export const simpleDefrag: DefragFn = (arrivals, { family }) => {
  let first = false;
  let lastLen: number | null = null;
  let meat = 0;
  const events: DefragEvent[] = [];
  let delivered = false;
  for (const a of arrivals) {
    if (a.offset === 0) first = true;
    if (!a.mf) lastLen = a.end;
    meat += a.end - a.offset;
    const complete = first && lastLen !== null && meat === lastLen;
    events.push({
      index: a.index,
      verdict: complete ? 'complete' : 'queued',
      why: complete
        ? jw(JW.simpleComplete, { meat, len: lastLen ?? 0 })
        : jw(JW.simpleQueued, {
            offset: a.offset,
            end: a.end,
            meat,
            known: lastLen === null ? 'no' : 'yes',
            len: lastLen ?? 0,
            first: first ? 'yes' : 'no',
          }),
    });
    if (complete) {
      delivered = true;
      break;
    }
  }
  const timeout = family === 'inet6' ? 60 : 30;
  return {
    events,
    delivered,
    expired: delivered
      ? null
      : {
          afterSeconds: timeout,
          icmpTimeExceeded: first,
          why: jw(JW.simpleExpired, {
            sysctl: family === 'inet6' ? 'ip6frag_time' : 'ipfrag_time',
            seconds: timeout,
            fn: family === 'inet6' ? 'ip6frag_expire_frag_queue' : 'ip_expire',
            n: arrivals.length,
            first: first ? 'yes' : 'no',
          }),
        },
  };
};
