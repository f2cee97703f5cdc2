/**
 * net/ipv4/ip_fragment.c: ip_defrag for one IPv4 fragment, ip_frag_queue with ip_frag_too_far
 * (net.ipv4.ipfrag_max_dist) and ip_frag_reinit, and ip_expire when a queue's timer fires.
 */
import { ERRNO } from '../errno/index.ts';
import type { SkBuff } from '../skb/index.ts';
import {
  IP_FRAGMENT_C,
  IP_INPUT_C,
  REASSEMBLY_C,
  type DefragArrival,
  type DefragNet,
  type FragIn,
  type IcmpOut,
  type InetFragQueue,
  type QueueOutcome,
} from './defrag-types.ts';
import { fragmentSkb, newArrival, straightUp } from './defrag-rx.ts';
import { dirty, step } from './frag-net.ts';
import { fragQueueTail, inetFragKill, lookup } from './inet-fragment.ts';

/** ip_defrag(net, skb, IP_DEFRAG_LOCAL_DELIVER) for one IPv4 fragment (ip_local_deliver calls it). */
export function ipDefrag(net: DefragNet, f: FragIn): DefragArrival {
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
export function ipFragTooFar(net: DefragNet, q: InetFragQueue): boolean {
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
