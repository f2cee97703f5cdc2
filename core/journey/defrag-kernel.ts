/**
 * The Journey's defrag verdicts from the reassembly core (core/ip/defrag.ts: ip_defrag /
 * ipv6_frag_rcv over inet_frag_queue_insert, with its virtual clock and ip_expire), replayed for
 * the fragments that reached the receiver, in their arrival order. The fragments are a UDP
 * send's own (sender `udp`: its counters belong to the send, its socket exists), and the
 * datagram goes to the Journey's socket (`external`): the core reports the IP layer only.
 */
import { reassemble } from '../ip/defrag.ts';
import type { DefragFn } from './defrag-verdict.ts';
import { JW, jw } from './why-messages.ts';

export const kernelDefrag: DefragFn = (arrivals, { family, ihl }) => {
  const len = Math.max(0, ...arrivals.map((a) => a.end)) - 8;
  const timeoutMs = family === 'inet6' ? 60_000 : 30_000;
  const res = reassemble({
    family,
    len: Math.max(0, len),
    fragments: arrivals.map((a, i) => ({ offset: a.offset, length: a.end - a.offset, mf: a.mf, at: i })),
    until: arrivals.length + timeoutMs + 1000,
    sender: 'udp',
    socket: 'external',
    ...(family === 'inet' && ihl !== undefined ? { ihl } : {}),
  });
  if (!res.ok) return { events: [], delivered: false, expired: null };
  const events = res.arrivals.map((a) => ({
    index: arrivals[a.index]?.index ?? a.index,
    verdict: a.verdict === 'completed' ? ('complete' as const) : ('queued' as const),
    why: jw(JW.fnWhy, { fn: a.fn, why: a.why }),
  }));
  const delivered = res.delivered.length > 0;
  const q = res.queues.find((x) => x.state === 'expired');
  const expiryStep = res.trace.find((s) => s.fn === 'ip_expire' || s.fn === 'ip6_frag_expire');
  return {
    events,
    delivered,
    expired:
      delivered || !q
        ? null
        : {
            afterSeconds: Math.round(((q.endedAt ?? timeoutMs) - q.createdAt) / 1000),
            icmpTimeExceeded: q.icmp !== null,
            why: jw(JW.fnWhy, { fn: q.fn, why: q.why }),
          },
    mib: { drop_reasons: res.drop_reasons, snmp_delta: res.snmp_delta },
    expiryDrops: [...(expiryStep?.drops ?? [])],
  };
};
