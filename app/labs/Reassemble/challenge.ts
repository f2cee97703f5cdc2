/**
 * The Reassembly lab's challenge (issue 14): is the datagram delivered, still waiting, expired,
 * dropped or refused by the socket — and if the kernel dropped the queue, why; and how many bytes
 * the application reads. Every answer is read from the core's own result (reassemble), never
 * written down here.
 */
import { defineMessages, msg } from '../../../core/i18n/index.ts';
import { VERDICT_MSG } from '../../../core/ip/defrag-types.ts';
import type { ArrivalVerdict, DefragArrival, DefragOk, QueueOutcome } from '../../../core/ip/defrag-types.ts';
import { isStale } from '../../lab-kit/index.ts';
import type { LabChallenge } from '../../lab-kit/challenge/index.ts';
import type { ReassembleState } from './store.ts';

const M = defineMessages({
  fateQ: {
    id: 'lab.reassemble.challenge.fate.q',
    defaultMessage:
      'The receiver gets {n, plural, one {# fragment} other {# fragments}} of a {dgram, number}-byte UDP datagram, as the fragment cards say. When the clock stops at {until, number} ms, what has become of the datagram?',
    description: 'Challenge question: the datagram’s fate.',
  },
  delivered: {
    id: 'lab.reassemble.challenge.fate.delivered',
    defaultMessage: 'Delivered to the application',
    description: 'Challenge option.',
  },
  waiting: {
    id: 'lab.reassemble.challenge.fate.waiting',
    defaultMessage: 'Still waiting in the reassembly queue',
    description: 'Challenge option.',
  },
  expired: {
    id: 'lab.reassemble.challenge.fate.expired',
    defaultMessage: 'Timed out: the queue expired',
    description: 'Challenge option.',
  },
  dropped: {
    id: 'lab.reassemble.challenge.fate.dropped',
    defaultMessage: 'Dropped by the kernel during reassembly',
    description: 'Challenge option.',
  },
  refused: {
    id: 'lab.reassemble.challenge.fate.refused',
    defaultMessage: 'Reassembled, but the socket does not take it',
    description: 'Challenge option.',
  },
  whyDelivered: {
    id: 'lab.reassemble.challenge.why.delivered',
    defaultMessage:
      'Every byte from 0 to the end arrived, so the queue was complete: <code>{fn}</code> glued the pieces back into one datagram and the application read {n, number} bytes.',
    description: 'Challenge explanation.',
  },
  whyWaiting: {
    id: 'lab.reassemble.challenge.why.waiting',
    defaultMessage:
      'The queue holds {meat, number} bytes but still has a hole, so the kernel keeps waiting for the missing fragment. At {until, number} ms the timer has not fired yet (it fires at {expires, number} ms).',
    description: 'Challenge explanation.',
  },
  whyExpired: {
    id: 'lab.reassemble.challenge.why.expired',
    defaultMessage:
      'A fragment never came: with holes still in the queue, the timer fired at {at, number} ms and <code>{fn}</code> threw away the {meat, number} bytes it held. {icmp, select, yes {Fragment 0 had arrived, so the sender gets an ICMP Time Exceeded.} other {Fragment 0 never arrived, so no ICMP error is sent.}}',
    description: 'Challenge explanation.',
  },
  whyDropped: {
    id: 'lab.reassemble.challenge.why.dropped',
    defaultMessage:
      'Fragment {i, number} ({verdict}) broke the rules, and <code>{fn}</code> dropped the whole queue at once: a datagram the kernel cannot rebuild safely is not delivered at all.',
    description: 'Challenge explanation; verdict is the core’s short verdict.',
  },
  whyDroppedArrival: {
    id: 'lab.reassemble.challenge.why.droppedArrival',
    defaultMessage:
      'Fragment {i, number} was refused before it reached a queue ({verdict}), so nothing could be rebuilt.',
    description: 'Challenge explanation.',
  },
  whyRefused: {
    id: 'lab.reassemble.challenge.why.refused',
    defaultMessage:
      'Reassembly worked, but UDP then dropped the datagram in <code>{fn}</code>: {fate, select, rcvbuf {the socket’s receive buffer (<code>sk_rcvbuf</code>) is full.} no_socket {no socket listens on its port.} csum {its checksum is wrong.} other {its UDP header or length is wrong.}}',
    description: 'Challenge explanation.',
  },
  reasonQ: {
    id: 'lab.reassemble.challenge.reason.q',
    defaultMessage: 'The kernel drops this reassembly queue. Why?',
    description: 'Challenge question: the verdict that dropped the queue.',
  },
  reasonWhy: {
    id: 'lab.reassemble.challenge.reason.why',
    defaultMessage:
      'Fragment {i, number} covers bytes {from, number} to {to, number}{mf, select, yes {} other { and says it is the last}}. <code>{fn}</code> checks it against what the queue already holds: {verdict}.',
    description: 'Challenge explanation: why the queue was dropped.',
  },
  bytesQ: {
    id: 'lab.reassemble.challenge.bytes.q',
    defaultMessage:
      'The datagram is delivered. How many bytes does <code>recvfrom()</code> return to the application?',
    description: 'Challenge question: the length read.',
  },
  bytesWhy: {
    id: 'lab.reassemble.challenge.bytes.why',
    defaultMessage:
      'The reassembled IP payload is {ip, number} bytes; the 8-byte UDP header is not handed to the application, so <code>recvfrom()</code> returns {n, number} bytes{equal, select, yes {, exactly what was sent} other {, but they differ from what was sent (overlapping fragments rewrote some)}}.',
    description: 'Challenge explanation.',
  },
});

/** The drop verdicts a queue can end with (the options; the answer comes from the result). */
const DROP_VERDICTS: readonly ArrivalVerdict[] = ['overlap', 'bad-last', 'beyond-last', 'empty', 'too-big'];
const FINE: ReadonlySet<ArrivalVerdict> = new Set(['queued', 'completed', 'duplicate', 'unfragmented']);

type Fate = 'delivered' | 'waiting' | 'expired' | 'dropped' | 'refused';
const FATE_OPTIONS = [
  { value: 'delivered', label: msg(M.delivered) },
  { value: 'waiting', label: msg(M.waiting) },
  { value: 'expired', label: msg(M.expired) },
  { value: 'dropped', label: msg(M.dropped) },
  { value: 'refused', label: msg(M.refused) },
];

export interface ReassembleCase {
  result: DefragOk;
}

/** The arrival that ended a dropped queue: its last refused fragment. */
const killerOf = (r: DefragOk, q: QueueOutcome): DefragArrival | undefined =>
  r.arrivals.filter((a) => a.queue === q.serial && !FINE.has(a.verdict)).at(-1);

/** What became of the datagram: the first delivered one, else the first thing that ended. */
function fateOf(r: DefragOk): { fate: Fate; why: ReturnType<typeof msg> } | null {
  const d = r.delivered[0];
  if (d) return { fate: 'delivered', why: msg(M.whyDelivered, { fn: d.fn, n: d.length ?? 0 }) };
  const refused = r.datagrams[0];
  if (refused)
    return {
      fate: 'refused',
      why: msg(M.whyRefused, { fn: refused.fn, fate: refused.fate.replace(/-/g, '_') }),
    };
  const dropped = r.queues.find((q) => q.state === 'dropped');
  if (dropped) {
    const k = killerOf(r, dropped);
    return {
      fate: 'dropped',
      why: msg(M.whyDropped, {
        i: (k?.index ?? 0) + 1,
        verdict: k ? VERDICT_MSG[k.verdict] : '',
        fn: k?.fn ?? dropped.fn,
      }),
    };
  }
  const expired = r.queues.find((q) => q.state === 'expired');
  if (expired)
    return {
      fate: 'expired',
      why: msg(M.whyExpired, {
        at: expired.endedAt ?? 0,
        fn: expired.fn,
        meat: expired.last.meat,
        icmp: expired.icmp ? 'yes' : 'no',
      }),
    };
  const waiting = r.queues.find((q) => q.state === 'waiting');
  if (waiting)
    return {
      fate: 'waiting',
      why: msg(M.whyWaiting, { meat: waiting.last.meat, until: r.until, expires: waiting.last.expiresAt }),
    };
  const refusedArrival = r.arrivals.find((a) => !FINE.has(a.verdict));
  if (refusedArrival)
    return {
      fate: 'dropped',
      why: msg(M.whyDroppedArrival, {
        i: refusedArrival.index + 1,
        verdict: VERDICT_MSG[refusedArrival.verdict],
      }),
    };
  return null;
}

export const reassembleChallenge: LabChallenge<ReassembleState, ReassembleCase> = {
  caseOf: (s) => (s.result && !isStale(s.issues) ? { result: s.result } : null),
  questions: [
    {
      id: 'fate',
      ask: ({ result: r }) => {
        const f = fateOf(r);
        if (!f) return null;
        return {
          prompt: msg(M.fateQ, { n: r.arrivals.length, dgram: r.datagramLength, until: r.until }),
          answer: { kind: 'choice', value: f.fate, options: FATE_OPTIONS },
          explain: f.why,
        };
      },
    },
    {
      id: 'reason',
      ask: ({ result: r }) => {
        if (r.delivered.length) return null;
        const q = r.queues.find((x) => x.state === 'dropped');
        const k = q ? killerOf(r, q) : undefined;
        if (!k || !DROP_VERDICTS.includes(k.verdict)) return null;
        return {
          prompt: msg(M.reasonQ),
          answer: {
            kind: 'choice',
            value: k.verdict,
            options: DROP_VERDICTS.map((v) => ({ value: v, label: VERDICT_MSG[v] })),
          },
          explain: msg(M.reasonWhy, {
            i: k.index + 1,
            from: k.offset,
            to: k.offset + k.length,
            mf: k.mf ? 'yes' : 'no',
            fn: k.fn,
            verdict: VERDICT_MSG[k.verdict],
          }),
        };
      },
    },
    {
      id: 'bytes',
      ask: ({ result: r }) => {
        const d = r.delivered[0];
        if (!d || d.length === null) return null;
        return {
          prompt: msg(M.bytesQ),
          answer: { kind: 'number', value: d.length },
          explain: msg(M.bytesWhy, { ip: d.ipLength, n: d.length, equal: d.equal === false ? 'no' : 'yes' }),
        };
      },
    },
  ],
};
