/**
 * The words of the receiver's reassembly (inet-fragment.ts, ip-fragment.ts, reassembly.ts,
 * defrag-rx.ts, defrag.ts): every arrival's `why`, every queue's and datagram's outcome sentence
 * and every ICMP reason, as catalog messages (core/i18n). Kernel identifiers are `<code>`.
 */
import { defineMessages, msg, type Msg } from '../i18n/index.ts';
import type { IcmpOut } from './defrag-types.ts';

export const DM = defineMessages({
  // inet_frag_queue_insert: how the fragment meets the runs
  insFirst: {
    id: 'ip.defrag.insert.first',
    defaultMessage: 'first fragment: <code>fragrun_create</code> starts the first run',
  },
  insPassesTail: {
    id: 'ip.defrag.insert.passesTail',
    defaultMessage:
      'it passes the tail ({tailEnd}) but starts at {offset}, under the last fragment [{tailOffset}, {tailEnd})',
  },
  insAppend: {
    id: 'ip.defrag.insert.append',
    defaultMessage:
      'it starts where the tail ends: <code>fragrun_append_to_last</code> (run [{start}, {end}))',
  },
  insGap: {
    id: 'ip.defrag.insert.gap',
    defaultMessage: 'a gap after the tail ({tailEnd}): <code>fragrun_create</code> starts a new run',
  },
  insInside: {
    id: 'ip.defrag.insert.inside',
    defaultMessage: '[{offset}, {end}) lies inside the run [{start}, {runEnd})',
  },
  insOverlaps: {
    id: 'ip.defrag.insert.overlaps',
    defaultMessage: '[{offset}, {end}) overlaps the run [{start}, {runEnd}) without lying inside it',
  },
  insNewNode: {
    id: 'ip.defrag.insert.newNode',
    defaultMessage: 'it touches no run: a new rbtree node (a run of its own)',
  },
  // inet_frag_reasm_finish
  finishHow: {
    id: 'ip.defrag.finish.how',
    defaultMessage:
      '{copied, plural, =0 {} one {copies # fragment into the head’s tailroom (<code>skb_try_coalesce</code>)} other {copies # fragments into the head’s tailroom (<code>skb_try_coalesce</code>)}}{sep1, select, yes {, } other {}}{stolen, plural, =0 {} one {takes the page fragments of # fragment that had no linear data} other {takes the page fragments of # fragments that had no linear data}}{sep2, select, yes {, } other {}}{chained, plural, =0 {} one {chains # on its <code>frag_list</code>} other {chains # on its <code>frag_list</code>}}',
    description:
      'What inet_frag_reasm_finish did with the fragments after the head; sep1/sep2: yes when a comma separates two parts.',
  },
  finishNothing: { id: 'ip.defrag.finish.nothing', defaultMessage: 'has nothing to add' },
  // ip_frag_reasm / ip6_frag_reasm
  tooBig6: {
    id: 'ip.defrag.why.tooBig6',
    defaultMessage:
      '<code>payload_len</code> {total} is more than 65,535: <code>ReasmFails</code>, the queue is freed',
  },
  tooBig4: {
    id: 'ip.defrag.why.tooBig4',
    defaultMessage:
      'complete, but {ihl} + {len} = {total} bytes is more than 65,535: “Oversized IP packet”, <code>ReasmFails</code> (<code>E2BIG</code>); the fragments are freed with the queue, as consumed, not as drops',
  },
  completed: {
    id: 'ip.defrag.why.completed',
    defaultMessage:
      '<code>FIRST_IN</code> and <code>LAST_IN</code> set and <code>meat</code> = <code>len</code> = {len}: the queue is killed and the {n, plural, one {# fragment joined} other {# fragments joined (<code>inet_frag_reasm_finish</code> {how}{v6, select, yes {; the fragment header is removed} other {}})}}, <code>{field}</code> = {total}, truesize {truesize} (<code>ReasmOKs</code>)',
    description: 'how: ip.defrag.finish.how. field: tot_len (IPv4) or payload_len (IPv6).',
  },
  // the common tail of ip_frag_queue / ip6_frag_queue
  discard: {
    id: 'ip.defrag.why.discard',
    defaultMessage:
      '{why} (<code>discard_qp</code>: <code>ReasmFails</code>; this fragment is freed as a drop, the queued ones as consumed)',
  },
  badLastShort: {
    id: 'ip.defrag.why.badLastShort',
    defaultMessage:
      'a last fragment ending at {end}, but bytes up to {len} were already seen: the queue is corrupt, all of it dropped',
  },
  badLastSecond: {
    id: 'ip.defrag.why.badLastSecond',
    defaultMessage:
      'a second last fragment ending at {end}, but the first said {len}: the queue is corrupt, all of it dropped',
  },
  beyondLast: {
    id: 'ip.defrag.why.beyondLast',
    defaultMessage:
      'it reaches {end}, past the end {len} the last fragment gave: the queue is corrupt, all of it dropped',
  },
  emptyTrimmed: {
    id: 'ip.defrag.why.emptyTrimmed',
    defaultMessage:
      'trimmed to a multiple of 8 it holds nothing ([{offset}, {end})): the whole queue is dropped',
  },
  empty: {
    id: 'ip.defrag.why.empty',
    defaultMessage:
      'an empty fragment (<code>end</code> = <code>offset</code> = {offset}): the whole queue is dropped',
  },
  dup: {
    id: 'ip.defrag.why.dup',
    defaultMessage:
      '<code>IPFRAG_DUP</code>: {how}; only this skb is dropped (<code>DUP_FRAG</code>), the queue keeps the copy it had',
  },
  overlap: {
    id: 'ip.defrag.why.overlap',
    defaultMessage:
      '<code>IPFRAG_OVERLAP</code>: {how}; RFC 5722: the whole queue is dropped (<code>ReasmFails</code>{v6, select, yes {} other {, <code>ReasmOverlaps</code>}}); this fragment is freed as a drop, the queued ones as consumed',
  },
  inserted: {
    id: 'ip.defrag.why.inserted',
    defaultMessage: '[{offset}, {end}) inserted: {how}; <code>meat</code> {meat} = <code>len</code> {len}',
  },
  queued: {
    id: 'ip.defrag.why.queued',
    defaultMessage:
      '{trimmed, select, yes {not a multiple of 8: trimmed to [{offset}, {end}); } other {}}{how}; waiting for {missing} (<code>-EINPROGRESS</code>)',
    description: 'missing: ip.defrag.missing.',
  },
  missing: {
    id: 'ip.defrag.missing',
    defaultMessage:
      '{which, select, f {the first fragment} l {the last fragment} b {{bytes} bytes} fl {the first fragment, the last fragment} fb {the first fragment, {bytes} bytes} lb {the last fragment, {bytes} bytes} flb {the first fragment, the last fragment, {bytes} bytes} other {more}}',
    description: 'What a queue still waits for: f the first fragment, l the last, b bytes in between.',
  },
  noMemory: {
    id: 'ip.defrag.why.noMemory',
    defaultMessage:
      'fragment memory {mem} is over <code>high_thresh</code> {high}: no queue is looked up or created until queues expire; dropped (<code>ReasmFails</code>)',
  },
  created: {
    id: 'ip.defrag.why.created',
    defaultMessage:
      '<code>{fn}</code>: no queue for (<code>{key}</code>): queue #{serial} created, its timer armed once for {seconds} s (t = {expires} ms)',
  },
  // ip_defrag's caller, ip_frag_too_far
  notFragment: {
    id: 'ip.defrag.why.notFragment',
    defaultMessage:
      'offset 0 and no MF: <code>ip_is_fragment()</code> is false, so <code>ip_defrag</code> is never called — the packet goes straight up',
  },
  tooFar: {
    id: 'ip.defrag.why.tooFar',
    defaultMessage:
      '<code>ip_frag_too_far</code>: more than {n} fragments from this source arrived (<code>ipfrag_max_dist</code> {max}) since queue #{serial}’s last one — <code>ReasmFails</code>, its {purged, plural, one {# fragment is} other {# fragments are}} purged as drops (<code>FRAG_TOO_FAR</code>) and the timer re-armed (t = {expires} ms)',
  },
  // the timers
  expired: {
    id: 'ip.defrag.why.expired',
    defaultMessage:
      'queue #{serial} (id {id}) timed out after {seconds} s holding {meat} bytes of {known, select, yes {{len}} other {a length not yet known}} (<code>ReasmTimeout</code>, <code>ReasmFails</code>); {tail, select, icmp4 {the first fragment was in: ICMP Time Exceeded (type 11, code 1) goes back to the source} icmp6 {the first fragment was in: ICMPv6 Time Exceeded (type 3, code 1) goes back to the source} martian {the first fragment was in, but <code>ip_route_input_noref</code> rejects the head: its source 127.0.0.1 is this host’s own address on loopback, a martian without <code>route_localnet</code> (<code>IP_LOCALNET</code>), so no ICMP leaves} other {the first fragment never came: no ICMP}}; its {n, plural, one {# fragment is} other {# fragments are}} dropped',
    description: 'tail: icmp4, icmp6, martian (loopback: the head cannot be routed back) or none.',
  },
  expiredEmpty6: {
    id: 'ip.defrag.why.expiredEmpty6',
    defaultMessage:
      'queue #{serial} (id {id}) timed out without ever holding a fragment: <code>ip6frag_expire_frag_queue</code> finds no input device (<code>fq->iif</code> 0) and counts nothing',
  },
  icmpExpired: {
    id: 'ip.defrag.icmp.expired',
    defaultMessage: 'queue #{serial} expired with its first fragment in',
  },
  icmpNoSocket: {
    id: 'ip.defrag.icmp.noSocket',
    defaultMessage: 'no socket is bound to the destination port',
  },
  waiting: {
    id: 'ip.defrag.why.waiting',
    defaultMessage:
      'still waiting at t = {until} ms ({meat} bytes in; {first, select, no {no first fragment; } other {}}{last, select, no {no last fragment; } other {}}expires at t = {expires} ms)',
  },
  // IPv6 only (reassembly.c)
  paramProb: {
    id: 'ip.defrag.why.paramProb',
    defaultMessage:
      '{why}: <code>InHdrErrors</code>, <code>icmpv6_param_prob</code> (code {icmpCode}, pointer {pointer}), the fragment is dropped; the queue is left as it was',
  },
  atomic: {
    id: 'ip.defrag.why.atomic',
    defaultMessage:
      'an atomic fragment (offset 0, M = 0): processed as unfragmented (<code>ReasmOKs</code>), the queues are not touched',
  },
  thdrTruncated: {
    id: 'ip.defrag.why.thdrTruncated',
    defaultMessage:
      'RFC 8200 §4.5: the first fragment ({len} bytes) does not hold the whole UDP header (<code>ipv6frag_thdr_truncated</code>)',
  },
  pastMaxplen: {
    id: 'ip.defrag.why.pastMaxplen',
    defaultMessage: 'the fragment ends at {end}, past <code>IPV6_MAXPLEN</code> (65,535)',
  },
  notMultiple: {
    id: 'ip.defrag.why.notMultiple',
    defaultMessage: 'a non-last fragment ending at {end}, not a multiple of 8 (RFC 8200)',
  },
  // the socket's side (defrag-rx.ts, defrag.ts)
  external: {
    id: 'ip.defrag.why.external',
    defaultMessage:
      'the datagram ({len} bytes, truesize {truesize}) reaches <code>udp_rcv</code>; the caller’s socket takes it from here',
  },
  readOnce: {
    id: 'ip.defrag.why.readOnce',
    defaultMessage:
      '{why}; read once the clock stops: <code>recv()</code> returns {len} bytes{equal, select, yes {} other { — not all of them the sender’s}}',
  },
  readAll: {
    id: 'ip.defrag.why.readAll',
    defaultMessage:
      'the application reads now: <code>recvmsg</code> takes the {n, plural, one {# queued datagram} other {# queued datagrams}}, one per call, and gives their truesize back to <code>sk_rmem_alloc</code> (<code>InDatagrams</code> {n})',
  },
});

/** An ICMP error's name as the CLI and the labs print it (IcmpOut.name keeps the English). */
export const ICMP_NAME = defineMessages({
  name: {
    id: 'ip.icmp.name',
    defaultMessage:
      '{v6, select, yes {ICMPv6} other {ICMP}} {kind, select, timeExceeded {Time Exceeded (fragment reassembly)} portUnreachable {Destination Unreachable (port unreachable)} paramProblem {Parameter Problem} other {type {type} code {icmpCode}}}{ident, select, none {} other { (<code>{ident}</code>)}}',
    description: 'ident: ICMPV6_HDR_INCOMP or ICMPV6_HDR_FIELD for a Parameter Problem, none otherwise.',
  },
}).name;

/** The Msg naming an ICMP error of the reassembly model, from its type and code. */
export function icmpNameMsg(m: Pick<IcmpOut, 'type' | 'code' | 'name'>): Msg {
  const v6 = m.name.startsWith('ICMPv6');
  const kind = v6
    ? m.type === 3
      ? 'timeExceeded'
      : m.type === 1 && m.code === 4
        ? 'portUnreachable'
        : m.type === 4
          ? 'paramProblem'
          : 'other'
    : m.type === 11
      ? 'timeExceeded'
      : m.type === 3 && m.code === 3
        ? 'portUnreachable'
        : 'other';
  const ident = kind === 'paramProblem' ? (m.code === 3 ? 'ICMPV6_HDR_INCOMP' : 'ICMPV6_HDR_FIELD') : 'none';
  return msg(ICMP_NAME, { v6: v6 ? 'yes' : 'no', kind, type: m.type, icmpCode: m.code, ident });
}
