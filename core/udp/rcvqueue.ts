/**
 * The UDP socket's receive queue on the receiver, as net/ipv4/udp.c (v6.18) keeps it:
 * __udp_enqueue_schedule_skb admits an skb against sk_rcvbuf by its truesize, udp_recvmsg
 * takes exactly one datagram per call (boundaries kept) and truncates to the caller's buffer.
 *
 * Verified on a real 6.18 kernel: core/journey/fixtures/rcvbuf.json (core/journey/tools/rcvbuf_capture.py)
 * and core/conformance/fixtures/linux-6.18/udp-receive.json.
 */

import { msg, type Msg } from '../i18n/index.ts';
import { UM } from './messages.ts';

/** SOCK_MIN_RCVBUF of the recorded build: SO_RCVBUF 0 reads back as 2304. */
export const SOCK_MIN_RCVBUF = 2304;
/** net.core.rmem_default: sk_rcvbuf of a fresh socket. */
export const RMEM_DEFAULT = 212992;
/** net.core.rmem_max of the recorded machine: SO_RCVBUF is capped here before doubling. */
export const RMEM_MAX = 4194304;
/** INT_MAX >> 1: above it __udp_enqueue_schedule_skb never makes the empty-queue exception. */
export const RCVBUF_HUGE = 0x3fffffff;
/** The largest UDP payload over IPv4: 65,535 − 20 (IP header) − 8 (UDP header). */
export const UDP_MAX_PAYLOAD_V4 = 65507;
export const MSG_TRUNC = 0x20;

/** sk_setsockopt(SO_RCVBUF): the kernel doubles the value (bookkeeping overhead), within limits. */
export function skRcvbufFromSockopt(val: number, rmemMax: number = RMEM_MAX): number {
  const v = Math.min(Math.max(val, 0), rmemMax);
  return Math.max(v * 2, SOCK_MIN_RCVBUF);
}

/** One datagram sitting in the receive queue. */
export interface QueuedDatagram {
  datagram: number;
  /** UDP payload bytes (what recvfrom can return). */
  len: number;
  /** skb->truesize charged to sk_rmem_alloc. */
  truesize: number;
}

/** The counters the kernel keeps for this (/proc/net/snmp Udp: and the socket's drops). */
export interface UdpCounters {
  /** UDP_MIB_INDATAGRAMS: counted when udp_recvmsg hands a datagram to the application. */
  InDatagrams: number;
  /** UDP_MIB_INERRORS: every receive-queue drop counts here too ("an ENOMEM error is charged twice"). */
  InErrors: number;
  /** UDP_MIB_RCVBUFERRORS: dropped because the queue was full. */
  RcvbufErrors: number;
  /** sk->sk_drops (the `drops` column of /proc/net/udp, `d` in ss -m). */
  sk_drops: number;
}

export interface RcvQueue {
  /** sk->sk_rcvbuf (bytes of truesize, not payload). */
  rcvbuf: number;
  /** sk->sk_rmem_alloc: the truesize of everything queued. */
  rmem: number;
  queue: readonly QueuedDatagram[];
  counters: UdpCounters;
}

export function rcvQueueInit(rcvbuf: number = RMEM_DEFAULT): RcvQueue {
  return rcvQueue(rcvbuf, 0, [], counters(0, 0, 0, 0));
}

/**
 * Every queue state and its counters are made by these two (not by spreading the previous
 * state): one object shape each, so a caller reading queue after queue stays monomorphic (the
 * spread copies' shapes made the reassembly's optimised code deoptimise call after call).
 */
function rcvQueue(rcvbuf: number, rmem: number, queue: readonly QueuedDatagram[], c: UdpCounters): RcvQueue {
  return { rcvbuf, rmem, queue, counters: c };
}
function counters(InDatagrams: number, InErrors: number, RcvbufErrors: number, sk_drops: number): UdpCounters {
  return { InDatagrams, InErrors, RcvbufErrors, sk_drops };
}

export type EnqueueVerdict = { ok: true; why: Msg } | { ok: false; errno: 'ENOMEM'; why: Msg };

/**
 * __udp_enqueue_schedule_skb (net/ipv4/udp.c, v6.18):
 *
 *     if (rmem + size > rcvbuf) {
 *         if (rcvbuf > INT_MAX >> 1) goto drop;
 *         if (rmem) goto drop;          // "Accept the packet if queue is empty."
 *     }
 *
 * So a datagram is admitted when it fits, or when the queue is empty (one datagram larger than
 * the whole buffer still gets through). The older "rmem > rcvbuf" rule (one packet of overshoot)
 * is NOT what 6.18 does: fixtures/rcvbuf.json shows 9 × 832 = 7,488 queued in 8,192 and the
 * 10th refused. __udp_queue_rcv_skb then counts RCVBUFERRORS and INERRORS; udp_drops_inc counts
 * sk_drops. (skb_condense past half the buffer does not change the truesize of a linear skb and
 * cannot condense a frag_list, so it changes nothing here.)
 */
export function udpEnqueueVerdict(q: RcvQueue, truesize: number): EnqueueVerdict {
  const { rmem, rcvbuf } = q;
  if (rmem + truesize > rcvbuf) {
    if (rcvbuf > RCVBUF_HUGE)
      return { ok: false, errno: 'ENOMEM', why: msg(UM.enqHuge, { rmem, truesize, rcvbuf }) };
    if (rmem)
      return {
        ok: false,
        errno: 'ENOMEM',
        why: msg(UM.enqFull, { rmem, truesize, sum: rmem + truesize, rcvbuf }),
      };
    return {
      ok: true,
      why: msg(UM.enqEmpty, { truesize, rcvbuf }),
    };
  }
  return {
    ok: true,
    why: msg(UM.enqOk, { rmem, truesize, sum: rmem + truesize, rcvbuf }),
  };
}

/** Enqueue (or drop and count); returns the new queue state. */
export function udpEnqueue(q: RcvQueue, d: QueuedDatagram): { queue: RcvQueue; verdict: EnqueueVerdict } {
  const verdict = udpEnqueueVerdict(q, d.truesize);
  if (!verdict.ok) {
    const c = q.counters;
    return {
      verdict,
      queue: rcvQueue(
        q.rcvbuf,
        q.rmem,
        q.queue,
        counters(c.InDatagrams, c.InErrors + 1, c.RcvbufErrors + 1, c.sk_drops + 1),
      ),
    };
  }
  return { verdict, queue: rcvQueue(q.rcvbuf, q.rmem + d.truesize, [...q.queue, d], q.counters) };
}

export interface RecvResult {
  datagram: number;
  /** recvfrom()'s return value: the bytes copied (the full length with flags & MSG_TRUNC). */
  returned: number;
  copied: number;
  /** The datagram's real length. */
  len: number;
  /** msg_flags & MSG_TRUNC: the buffer was smaller; the rest of the datagram is discarded. */
  truncated: boolean;
  discarded: number;
}

/**
 * udp_recvmsg → __skb_recv_udp: take the first queued datagram (never part of one, never two),
 * copy min(len, buffer) bytes, set MSG_TRUNC when the datagram was longer (the remainder is freed
 * with the skb: skb_consume_udp), give its truesize back to sk_rmem_alloc, count InDatagrams.
 * With MSG_TRUNC in the call's flags, the return value is the real length.
 */
export function udpRecvmsg(
  q: RcvQueue,
  bufsize: number,
  flags = 0,
): { queue: RcvQueue; result: RecvResult | null } {
  const head = q.queue[0];
  if (!head) return { queue: q, result: null };
  const c = q.counters;
  const copied = Math.min(head.len, bufsize);
  const truncated = copied < head.len;
  return {
    result: {
      datagram: head.datagram,
      copied,
      len: head.len,
      returned: flags & MSG_TRUNC ? head.len : copied,
      truncated,
      discarded: head.len - copied,
    },
    queue: rcvQueue(
      q.rcvbuf,
      q.rmem - head.truesize,
      q.queue.slice(1),
      counters(c.InDatagrams + 1, c.InErrors, c.RcvbufErrors, c.sk_drops),
    ),
  };
}
