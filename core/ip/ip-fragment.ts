/**
 * net/ipv4/ip_fragment.c: ip_defrag for one IPv4 fragment, ip_frag_queue with ip_frag_too_far
 * (net.ipv4.ipfrag_max_dist) and ip_frag_reinit, and ip_expire when a queue's timer fires.
 */
import { ERRNO } from '../errno/index.ts';
import type { SkBuff } from '../skb/index.ts';
import {
  IP_FRAGMENT_C,
  IP_INPUT_C,
  type DefragArrival,
  type DefragNet,
  type FragIn,
  type IcmpOut,
  type InetFragQueue,
  type QueueOutcomeRecord,
} from './defrag-types.ts';
import { fragmentSkb, newArrival, straightUp } from './defrag-rx.ts';
import { dirty, dropHere, step } from './frag-net.ts';
import { countMib } from '../drops/tally.ts';
import { icmpError } from './icmp.ts';
import { expiredWhy, fragQueueTail, inetFragKill, lookup } from './inet-fragment.ts';
import { ip6FragExpire } from './reassembly.ts';
import { msg } from '../i18n/index.ts';
import { DM } from './defrag-messages.ts';

/** ip_defrag(net, skb, IP_DEFRAG_LOCAL_DELIVER) for one IPv4 fragment (ip_local_deliver calls it). */
export function ipDefrag(net: DefragNet, f: FragIn): DefragArrival {
  const a = newArrival(net, f);
  const skb = fragmentSkb(net, f, a.index);
  if (f.offset === 0 && !f.mf) {
    straightUp(
      net,
      a,
      skb,
      'ip_local_deliver',
      IP_INPUT_C,
      msg(DM.notFragment),
    );
    return a;
  }
  countMib(net.mib, 'Ip', 'ReasmReqds');
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
    // ip_frag_too_far counts ReasmFails; ip_frag_reinit purges (FRAG_TOO_FAR), resets, re-arms the timer.
    countMib(net.mib, 'Ip', 'ReasmFails');
    const purged = dropHere(net, 'FRAG_TOO_FAR', 'inet_frag_rbtree_purge', q.skbs.size);
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
      msg(DM.tooFar, {
        n: net.sysctl.max_dist - 1,
        max: net.sysctl.max_dist,
        serial: q.serial,
        purged: purged[0]?.count ?? 0,
        expires: q.expiresAt,
      }),
      a.index,
      [],
      purged,
    );
  }
  fragQueueTail(net, q, a, skb, 'ip_frag_queue', IP_FRAGMENT_C);
}

/**
 * ip_expire: the queue's timer fired. ReasmFails and ReasmTimeout; with the offset-0 fragment in,
 * its skb is pulled from the queue and ip_route_input_noref routes it again — on loopback to
 * itself the source 127.0.0.1 is refused (IP_LOCALNET: a loopback address is a martian outside
 * route_localnet), so no ICMP Time Exceeded leaves and the head is dropped with that reason;
 * from another host the ICMP goes out and the head is dropped as FRAG_REASM_TIMEOUT. The other
 * fragments go with the queue (inet_frag_rbtree_purge, FRAG_REASM_TIMEOUT). IPv6 queues:
 * ip6_frag_expire (reassembly.c).
 */
export function ipExpire(net: DefragNet, q: InetFragQueue): void {
  if (q.family === 'inet6') return ip6FragExpire(net, q);
  const fn = 'ip_expire';
  const file = IP_FRAGMENT_C;
  const first = q.flags.FIRST_IN;
  const routed = net.source === 'remote';
  const n = q.skbs.size;
  const why = expiredWhy(net, q, !first ? 'none' : routed ? 'icmp4' : 'martian');
  countMib(net.mib, 'Ip', 'ReasmFails');
  countMib(net.mib, 'Ip', 'ReasmTimeout');
  const headLen = first ? headPacketLength(net, q) : 0;
  inetFragKill(net, q, 'expired', fn, file, why);
  const drops = first
    ? [
        ...dropHere(net, routed ? 'FRAG_REASM_TIMEOUT' : 'IP_LOCALNET', 'ip_expire'),
        ...dropHere(net, 'FRAG_REASM_TIMEOUT', 'inet_frag_rbtree_purge', n - 1),
      ]
    : dropHere(net, 'FRAG_REASM_TIMEOUT', 'inet_frag_rbtree_purge', n);
  if (first && routed) {
    icmpError(net.mib, { family: 'inet', type: 11, code: 1, quoted: headLen, received: false });
    const icmp: IcmpOut = {
      type: 11,
      code: 1,
      name: 'ICMP Time Exceeded (fragment reassembly)',
      at: net.now,
      why: msg(DM.icmpExpired, { serial: q.serial }),
    };
    net.icmp.push(icmp);
    (q.outcome as QueueOutcomeRecord).icmp = icmp;
  }
  step(net, fn, file, why, null, [], drops);
}

/** The offset-0 fragment's packet length (what an ICMP error about the queue quotes). */
export function headPacketLength(net: DefragNet, q: InetFragQueue): number {
  const head = q.runs[0]?.frags[0];
  return (net.family === 'inet' ? net.ihl : 48) + (head ? head.end - head.offset : 0);
}
