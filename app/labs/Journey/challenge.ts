/**
 * The Journey lab's challenge (issue 14): at the stop on show, where is fragment 2 (or the
 * fragment the fault names) now, and how long is it. Every answer is read from the core's own
 * journey (the stop's packets), never written down here; the places offered are the ones that
 * fragment passes in this journey.
 */
import { defineMessages, msg } from '../../../core/i18n/index.ts';
import type { JourneyInput, JourneyResult, PacketState } from '../../../core/journey/index.ts';
import { isStale } from '../../lab-kit/index.ts';
import type { ChallengeOption, LabChallenge } from '../../lab-kit/challenge/index.ts';
import type { JourneyRun, JourneyState } from './store.ts';

const M = defineMessages({
  whereQ: {
    id: 'lab.journey.challenge.where.q',
    defaultMessage:
      'Step {n, number} of {total, number}: <code>{fn}</code> has just run. Where is fragment {k, number} of datagram {d, number} now?',
    description: 'Challenge question: where a fragment is at the stop on show.',
  },
  place: {
    id: 'lab.journey.challenge.place',
    defaultMessage:
      '{place, select, notYet {Not cut off yet: still inside the whole datagram} tx_l4 {Sender: UDP layer} tx_l3 {Sender: IP layer} tx_l2 {Sender: link layer (Ethernet)} wire_wire {On the wire} rx_l2 {Receiver: link layer (Ethernet)} rx_l3 {Receiver: IP layer} rx_l4 {Receiver: UDP layer} waiting {Waiting in the reassembly queue} merged {Glued back into the reassembled datagram} lost {Lost on the wire} dropped {Dropped by the kernel} queued {In the socket’s receive queue} delivered {Read by the application} other {Somewhere else}}',
    description: 'Challenge option: a place a fragment can be.',
  },
  whereWhy: {
    id: 'lab.journey.challenge.where.why',
    defaultMessage:
      '{place, select, notYet {The datagram has not been cut yet: <code>ip_do_fragment</code> splits it into fragments later, in the sender’s IP layer.} merged {All fragments arrived, so <code>ip_frag_reasm</code> glued them back into one datagram: fragment {k, number} no longer exists on its own.} lost {Fragment {k, number} was lost on the wire, so the receiver never sees it; the others wait for it in vain.} waiting {<code>ip_defrag</code> keeps fragment {k, number} in the reassembly queue until every fragment of the datagram is there.} dropped {The kernel threw fragment {k, number} away: the reassembly queue it waited in timed out or was dropped.} other {After <code>{fn}</code>, fragment {k, number} is here: {label}.}}',
    description: 'Challenge explanation: where the fragment is and why.',
  },
  lenQ: {
    id: 'lab.journey.challenge.len.q',
    defaultMessage:
      'Step {n, number}: <code>{fn}</code> has just run, and fragment {k, number} is here: {label}. What is its <code>skb->len</code> now?',
    description: 'Challenge question: a fragment’s skb->len at the stop on show.',
  },
  lenWhy: {
    id: 'lab.journey.challenge.len.why',
    defaultMessage:
      '<code>skb->len</code> counts the bytes from <code>data</code> to the end of the packet: {segments} = {len, number}. {layer, select, l2 {{side, select, tx {The 14-byte Ethernet header has been pushed in front.} other {<code>eth_type_trans</code> pulls the Ethernet header off on the way up.}}} other {Each fragment carries its own IP header in front of its share of the data.}}',
    description: 'Challenge explanation: a fragment’s length. segments lists header and payload sizes.',
  },
});

export interface JourneyCase {
  run: JourneyRun;
  input: JourneyInput | null;
  step: number | null;
}

/** A packet's place as an option value. */
function placeOf(p: PacketState): string {
  if (p.status !== 'moving') return p.status;
  return `${p.side}_${p.layer}`;
}

/** Which fragment the questions follow: the one the fault names, else fragment 2 of datagram 1. */
function target(input: JourneyInput | null): { fragment: number; datagram: number } {
  const f = input?.fault;
  return f && f.kind !== 'none'
    ? { fragment: f.fragment, datagram: f.datagram }
    : { fragment: 1, datagram: 0 };
}

const find = (j: JourneyResult, i: number, t: { fragment: number; datagram: number }) =>
  j.stops[i]?.packets.find((p) => p.datagram === t.datagram && p.fragment === t.fragment);

/** Where the fragment is at stop i: a place, or not cut yet, or merged/lost once it is gone. */
function whereAt(j: JourneyResult, i: number, t: { fragment: number; datagram: number }): string | null {
  const p = find(j, i, t);
  if (p) return placeOf(p);
  let last: PacketState | undefined;
  for (let k = i - 1; k >= 0 && !last; k--) last = find(j, k, t);
  if (!last) return 'notYet';
  return last.status === 'lost' ? 'lost' : last.status === 'dropped' ? 'dropped' : 'merged';
}

const placeLabel = (place: string) => msg(M.place, { place });

export const journeyChallenge: LabChallenge<JourneyState, JourneyCase> = {
  caseOf: (s) => (s.result && !isStale(s.issues) ? { run: s.result, input: s.input, step: s.step } : null),
  questions: [
    {
      id: 'where',
      ask: ({ run: { journey: j }, input, step }) => {
        const t = target(input);
        const i = step ?? 0;
        const stop = j.stops[i];
        if (!stop) return null;
        // Only for a datagram that is cut into at least this many fragments.
        if (!j.stops.some((_, k) => find(j, k, t))) return null;
        const here = whereAt(j, i, t);
        if (!here) return null;
        const places: string[] = [];
        for (let k = 0; k < j.stops.length; k++) {
          const w = whereAt(j, k, t);
          if (w && !places.includes(w)) places.push(w);
        }
        const options: ChallengeOption[] = places.map((p) => ({ value: p, label: placeLabel(p) }));
        return {
          prompt: msg(M.whereQ, {
            n: i + 1,
            total: j.stops.length,
            fn: stop.fn,
            k: t.fragment + 1,
            d: t.datagram + 1,
          }),
          answer: { kind: 'choice', value: here, options },
          explain: msg(M.whereWhy, { place: here, k: t.fragment + 1, fn: stop.fn, label: placeLabel(here) }),
        };
      },
    },
    {
      id: 'len',
      ask: ({ run: { journey: j }, input, step }) => {
        const t = target(input);
        const i = step ?? 0;
        const stop = j.stops[i];
        const p = find(j, i, t);
        if (!stop || !p || p.segments.length === 0) return null;
        const segments = p.segments.map((s) => s.bytes).join(' + ');
        // Only where the drawn parts add up to skb->len (the sum is the explanation).
        if (p.segments.reduce((n, s) => n + s.bytes, 0) !== p.len) return null;
        return {
          prompt: msg(M.lenQ, { n: i + 1, fn: stop.fn, k: t.fragment + 1, label: placeLabel(placeOf(p)) }),
          answer: { kind: 'number', value: p.len },
          explain: msg(M.lenWhy, { segments, len: p.len, layer: p.layer, side: p.side }),
        };
      },
    },
  ],
};
