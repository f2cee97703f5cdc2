/**
 * The Journey's defrag verdicts from the reassembly core (core/ip/defrag.ts: ip_defrag /
 * ipv6_frag_rcv over inet_frag_queue_insert, with its virtual clock and ip_expire), replayed for
 * the fragments that reached the receiver, in their arrival order. Imported from its file until
 * core/ip's face exports it.
 */
import { reassemble } from '../ip/defrag.ts';
import type { DefragFn } from './defrag-verdict.ts';

export const kernelDefrag: DefragFn = (arrivals, { family }) => {
  const len = Math.max(0, ...arrivals.map((a) => a.end)) - 8;
  const timeoutMs = family === 'inet6' ? 60_000 : 30_000;
  const res = reassemble({
    family,
    len: Math.max(0, len),
    fragments: arrivals.map((a, i) => ({ offset: a.offset, length: a.end - a.offset, mf: a.mf, at: i })),
    until: arrivals.length + timeoutMs + 1000,
  });
  if (!res.ok) return { events: [], delivered: false, expired: null };
  const events = res.arrivals.map((a) => ({
    index: arrivals[a.index]?.index ?? a.index,
    verdict: a.verdict === 'completed' ? ('complete' as const) : ('queued' as const),
    why: `${a.fn}: ${a.why}`,
  }));
  const delivered = res.delivered.length > 0;
  const q = res.queues.find((x) => x.state === 'expired');
  return {
    events,
    delivered,
    expired:
      delivered || !q
        ? null
        : {
            afterSeconds: Math.round(((q.endedAt ?? timeoutMs) - q.createdAt) / 1000),
            icmpTimeExceeded: q.icmp !== null,
            why: `${q.fn}: ${q.why}`,
          },
  };
};
