/**
 * The Fragmentation lab's challenge (issue 14): how many packets leave, and at which offsets. Every
 * answer is read from the core's own result (ipSend's wire list), never written down here.
 */
import { defineMessages, msg } from '../../../core/i18n/index.ts';
import type { SendResult, WirePacket } from '../../../core/ip/index.ts';
import { isStale } from '../../lab-kit/index.ts';
import type { LabChallenge } from '../../lab-kit/challenge/index.ts';
import type { FragmentState } from './store.ts';

const M = defineMessages({
  packetsQ: {
    id: 'lab.fragment.challenge.packets.q',
    defaultMessage:
      'The transport datagram is {dgram, number} bytes and the MTU is {mtu, number}. How many IP packets does this send put on the wire?',
    description: 'Challenge question; dgram includes the UDP header.',
  },
  packetsWhy: {
    id: 'lab.fragment.challenge.packets.why',
    defaultMessage:
      '{ok, select, yes {{n, plural, one {The whole datagram fits one packet of the MTU, so <code>ip_finish_output</code> sends it as it is.} other {An IP packet carries at most {mtu, number} bytes, its {hlen, number}-byte header included, and every fragment but the last must carry a multiple of 8 bytes: the first carries {first, number} bytes of the datagram, so {dgram, number} bytes need # packets (<code>{fragfn}</code>, <code>{file}</code>).}}} other {The send fails with <code>{errno}</code> in <code>{fn}</code>, so {n, plural, =0 {no packet leaves} one {# packet leaves} other {# packets leave}}.}}',
    description: 'Challenge explanation: why this many packets.',
  },
  offsetsQ: {
    id: 'lab.fragment.challenge.offsets.q',
    defaultMessage:
      'The datagram leaves as {n, number} fragments. At which byte offsets of the datagram does each fragment start, in the order they leave?',
    description: 'Challenge question: the fragment offsets (in bytes, not 8-byte units).',
  },
  offsetsWhy: {
    id: 'lab.fragment.challenge.offsets.why',
    defaultMessage:
      'Each fragment starts where the one before it ended. They carry {sizes} bytes of the datagram (every one but the last a multiple of 8, as much as MTU {mtu, number} leaves after the IP header), so they start at {offsets}. The receiver reads each offset, divided by 8, from {v6, select, yes {the Fragment header} other {<code>frag_off</code>}}.',
    description: 'Challenge explanation: the offsets.',
  },
});

export interface FragmentCase {
  result: SendResult;
}

const offsetOf = (p: WirePacket): number => (p.family === 'inet' ? p.offset : (p.frag?.offset ?? 0));
const carried = (p: WirePacket | undefined): number => (p ? p.range.to - p.range.from : 0);
/** A list of numbers for a sentence, cut after a dozen. */
const list = (xs: readonly number[]) => (xs.length > 12 ? `${xs.slice(0, 12).join(', ')}, …` : xs.join(', '));
const fragFn = (r: SendResult) =>
  r.input.family === 'inet6'
    ? { fragfn: 'ip6_fragment', file: 'net/ipv6/ip6_output.c' }
    : { fragfn: 'ip_do_fragment', file: 'net/ipv4/ip_output.c' };

export const fragmentChallenge: LabChallenge<FragmentState, FragmentCase> = {
  caseOf: (s) => (s.result && !isStale(s.issues) ? { result: s.result } : null),
  questions: [
    {
      id: 'packets',
      ask: ({ result: r }) => {
        const n = r.wire.length;
        return {
          prompt: msg(M.packetsQ, { dgram: r.datagramLength, mtu: r.input.mtu }),
          answer: { kind: 'number', value: n },
          explain: msg(M.packetsWhy, {
            ok: r.ok ? 'yes' : 'no',
            n,
            mtu: r.input.mtu,
            hlen: r.headerLength,
            first: carried(r.wire[0]),
            dgram: r.datagramLength,
            ...fragFn(r),
            errno: r.ok ? '' : r.errno,
            fn: r.ok ? '' : r.fn,
          }),
        };
      },
    },
    {
      id: 'offsets',
      ask: ({ result: r }) => {
        if (r.wire.length < 2) return null;
        const offsets = r.wire.map(offsetOf);
        return {
          prompt: msg(M.offsetsQ, { n: r.wire.length }),
          answer: { kind: 'offsets', value: offsets },
          explain: msg(M.offsetsWhy, {
            sizes: list(r.wire.map(carried)),
            mtu: r.input.mtu,
            offsets: list(offsets),
            v6: r.input.family === 'inet6' ? 'yes' : 'no',
          }),
        };
      },
    },
  ],
};
