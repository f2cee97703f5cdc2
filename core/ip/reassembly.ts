/**
 * net/ipv6/reassembly.c: ipv6_frag_rcv for one IPv6 fragment (atomic fragments, the RFC 8200
 * first-fragment rule) and ip6_frag_queue with its Parameter Problem answers.
 */
import type { SkBuff } from '../skb/index.ts';
import {
  IPV6_MAXPLEN,
  REASSEMBLY_C,
  UDP_HLEN,
  type DefragArrival,
  type DefragNet,
  type FragIn,
  type IcmpOut,
  type InetFragQueue,
} from './defrag-types.ts';
import { fragmentSkb, newArrival, straightUp } from './defrag-rx.ts';
import { step } from './frag-net.ts';
import { fragQueueTail, lookup } from './inet-fragment.ts';

export function paramProb(
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
export function ipv6FragRcv(net: DefragNet, f: FragIn): DefragArrival {
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
