/**
 * net/ipv6/reassembly.c: ipv6_frag_rcv for one IPv6 fragment (atomic fragments, the RFC 8200
 * first-fragment rule), ip6_frag_queue with its Parameter Problem answers, and ip6_frag_expire
 * (ip6frag_expire_frag_queue) when a queue's timer fires.
 */
import { countMib } from '../drops/tally.ts';
import type { SkBuff } from '../skb/index.ts';
import { icmpError } from './icmp.ts';
import {
  IPV6_MAXPLEN,
  REASSEMBLY_C,
  UDP_HLEN,
  type DefragArrival,
  type DefragNet,
  type FragIn,
  type IcmpOut,
  type InetFragQueue,
  type QueueOutcomeRecord,
} from './defrag-types.ts';
import { fragmentSkb, newArrival, packetLength, straightUp } from './defrag-rx.ts';
import { dropHere, step } from './frag-net.ts';
import { msg, type Msg } from '../i18n/index.ts';
import { DM } from './defrag-messages.ts';
import { expiredWhy, fragQueueTail, inetFragKill, lookup } from './inet-fragment.ts';

export function paramProb(
  net: DefragNet,
  a: DefragArrival,
  code: number,
  pointer: number,
  why: Msg,
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
  // The error quotes this fragment; back on loopback, icmpv6_notify reads a UDP header only in a
  // first fragment that holds one (whose source port has a socket or not), nothing in a later one.
  countMib(net.mib, 'Ip6', 'InHdrErrors');
  icmpError(net.mib, {
    family: 'inet6',
    type: 4,
    code,
    quoted: packetLength(net, a.length),
    received: net.source === 'self',
    inner:
      a.offset !== 0
        ? 'no-transport'
        : a.length < UDP_HLEN
          ? 'too-short'
          : net.sender === 'raw'
            ? 'udp-no-socket'
            : 'udp-socket',
  });
  a.why = msg(DM.paramProb, { why, icmpCode: code, pointer });
  step(net, fn, REASSEMBLY_C, a.why, a.index, [], dropHere(net, 'NOT_SPECIFIED', 'ipv6_frag_rcv'));
}

/** ipv6_frag_rcv(skb) for one IPv6 fragment (the fragment header's handler). */
export function ipv6FragRcv(net: DefragNet, f: FragIn): DefragArrival {
  const a = newArrival(net, f);
  const skb = fragmentSkb(net, f, a.index);
  countMib(net.mib, 'Ip6', 'ReasmReqds');
  if (f.offset === 0 && !f.mf) {
    countMib(net.mib, 'Ip6', 'ReasmOKs');
    straightUp(
      net,
      a,
      skb,
      'ipv6_frag_rcv',
      REASSEMBLY_C,
      msg(DM.atomic),
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
      msg(DM.thdrTruncated, { len: f.length }),
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
    paramProb(net, a, 0, 42, msg(DM.pastMaxplen, { end }), 'ip6_frag_queue');
    return;
  }
  if (a.mf && end & 7) {
    paramProb(
      net,
      a,
      0,
      4,
      msg(DM.notMultiple, { end }),
      'ip6_frag_queue',
    );
    return;
  }
  fragQueueTail(net, q, a, skb, 'ip6_frag_queue', REASSEMBLY_C);
}

/**
 * ip6_frag_expire → ip6frag_expire_frag_queue: the queue is killed; a queue that never held a
 * fragment (fq->iif is still 0: its first fragment was refused with Parameter Problem) counts
 * nothing. Otherwise ReasmFails and ReasmTimeout; with the offset-0 fragment in, ICMPv6 Time
 * Exceeded goes back (IPv6 does not re-route the head) and the head is dropped there
 * (FRAG_REASM_TIMEOUT); the rest go with the queue (inet_frag_rbtree_purge).
 */
export function ip6FragExpire(net: DefragNet, q: InetFragQueue): void {
  const fn = 'ip6_frag_expire';
  const n = q.skbs.size;
  const first = q.flags.FIRST_IN;
  if (!n) {
    const why = msg(DM.expiredEmpty6, { serial: q.serial, id: q.id });
    inetFragKill(net, q, 'expired', fn, REASSEMBLY_C, why);
    step(net, fn, REASSEMBLY_C, why, null);
    return;
  }
  const why = expiredWhy(net, q, first ? 'icmp6' : 'none');
  countMib(net.mib, 'Ip6', 'ReasmFails');
  countMib(net.mib, 'Ip6', 'ReasmTimeout');
  const head = q.runs[0]?.frags[0];
  inetFragKill(net, q, 'expired', fn, REASSEMBLY_C, why);
  const drops = first
    ? [
        ...dropHere(net, 'FRAG_REASM_TIMEOUT', 'ip6_frag_expire'),
        ...dropHere(net, 'FRAG_REASM_TIMEOUT', 'inet_frag_rbtree_purge', n - 1),
      ]
    : dropHere(net, 'FRAG_REASM_TIMEOUT', 'inet_frag_rbtree_purge', n);
  if (first && head) {
    icmpError(net.mib, {
      family: 'inet6',
      type: 3,
      code: 1,
      quoted: packetLength(net, head.end - head.offset),
      received: net.source === 'self',
      inner: net.sender === 'raw' ? 'udp-no-socket' : 'udp-socket',
    });
    const icmp: IcmpOut = {
      type: 3,
      code: 1,
      name: 'ICMPv6 Time Exceeded (fragment reassembly)',
      at: net.now,
      why: msg(DM.icmpExpired, { serial: q.serial }),
    };
    net.icmp.push(icmp);
    (q.outcome as QueueOutcomeRecord).icmp = icmp;
  }
  step(net, fn, REASSEMBLY_C, why, null, [], drops);
}
