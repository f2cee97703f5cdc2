/**
 * The Journey's kernel-detail sentences (a stop's `why`) as catalog messages (core/i18n): the
 * scenario returns ids and values, the app and the CLI render them in the reader's language.
 * Kernel identifiers are `<code>`. Values named `why` are the sentence of the step the stop
 * replays (a Msg of the send path, or text of modules not yet converted).
 */
import { defineMessages, msg, msgOptional, type Msg, type MsgValue, type Text } from '../i18n/index.ts';

export const JW = defineMessages({
  tagged: {
    id: 'journey.why.tagged',
    defaultMessage: 'datagram {d}/{n}: {why}',
    description: 'A stop of one of several datagrams: its number, then the sentence.',
  },
  sendto: {
    id: 'journey.why.sendto',
    defaultMessage:
      '<code>sendto(fd, buf, {payload}, 0, &dst)</code> enters the kernel: <code>__sys_sendto</code> → <code>sock_sendmsg</code> → <code>inet_sendmsg</code> → <code>{fn}</code>. The {payload} bytes are still the application’s.',
  },
  sendFailed: {
    id: 'journey.why.sendFailed',
    defaultMessage:
      '<code>sendto()</code> returns -1 with errno <code>{errno}</code>: {why}. Nothing reaches the wire.',
  },
  wire: {
    id: 'journey.why.wire',
    defaultMessage:
      '<code>dev_queue_xmit</code> → <code>loopback_xmit</code>: {n, plural, one {the packet crosses} other {# fragments cross}} the wire{fault, select, lose { — and {n, plural, one {the packet} other {fragment {f}}} is lost (as on a real link; loopback itself never loses one). UDP does not retransmit.} reorder {{n, plural, one {. One packet cannot be reordered.} other { — fragment {f} overtaken: it arrives last.}}} other { in order.}}',
    description: 'n: packets on the wire; f: the faulty fragment (1-based); fault: none, lose or reorder.',
  },
  queued: {
    id: 'journey.why.queued',
    defaultMessage:
      '{arrived} of {n} fragments join the reassembly queue keyed by (<code>saddr</code>, <code>daddr</code>, <code>id</code>, <code>protocol</code>){reorder, select, yes {, fragment {f} last} other {}}; after the last arrival: {why}',
  },
  expired: {
    id: 'journey.why.expired',
    defaultMessage: '{seconds} s later: {why}. The datagram is never delivered; the application is not told.',
  },
  udpRcv: {
    id: 'journey.why.udpRcv',
    defaultMessage:
      '<code>{rcv}</code> → <code>{lib}</code>: <code>uh->len</code> {ulen} fits <code>skb->len</code>, the checksum is checked, <code>{lookup}</code> finds the bound socket; <code>udp_queue_rcv_skb</code> → <code>__udp_queue_rcv_skb</code>.',
  },
  enqueue: {
    id: 'journey.why.enqueue',
    defaultMessage:
      '<code>skb->truesize</code> {truesize}{n, plural, one {} other { (the # fragments after <code>inet_frag_reasm_finish</code>: {chained} on the <code>frag_list</code>)}}: {why}{ok, select, yes {. <code>sk_data_ready</code> wakes a reader.} other { (“an ENOMEM error is charged twice”); <code>udp_drops_inc</code> counts <code>sk_drops</code>; the sender never knows.}}',
  },
  read: {
    id: 'journey.why.read',
    defaultMessage:
      '{when, select, each {The application reads at once: } slow {The application is slow: one read for every two datagrams. } end {All sends done; the application now reads: } other {The application catches up: }}<code>recvfrom(fd, buf, {bufsize})</code> → <code>__skb_recv_udp</code> takes datagram {d}, whole: one <code>sendto()</code> is one <code>recvfrom()</code>. {truncated, select, yes {It is {len} bytes, the buffer {bufsize}: {copied} bytes are copied, <code>MSG_TRUNC</code> is set in <code>msg_flags</code>, and the other {discarded} are discarded with the skb (<code>skb_consume_udp</code>).} other {All {copied} payload bytes are copied after the 8-byte UDP header.}} <code>sk_rmem_alloc</code> {before} → {after}.',
  },
  fnWhy: {
    id: 'journey.why.fnWhy',
    defaultMessage: '<code>{fn}</code>: {why}',
    description: 'A kernel function and what it decided (the sentence of the reassembly model).',
  },
  simpleComplete: {
    id: 'journey.why.simple.complete',
    defaultMessage:
      '<code>FIRST_IN</code> and <code>LAST_IN</code> are set and <code>meat</code> {meat} = <code>len</code> {len}: <code>ip_frag_reasm</code>',
  },
  simpleQueued: {
    id: 'journey.why.simple.queued',
    defaultMessage:
      'bytes {offset}–{end} queued; {meat} of {known, select, yes {{len}} other {?}} bytes in{first, select, no {, offset 0 not yet} other {}}{known, select, no {, last fragment not yet} other {}}: <code>-EINPROGRESS</code>',
  },
  simpleExpired: {
    id: 'journey.why.simple.expired',
    defaultMessage:
      'the queue’s timer (<code>{sysctl}</code> = {seconds} s, armed when the first fragment arrived, never extended) fires: <code>{fn}</code> frees the {n, plural, one {# queued fragment} other {# queued fragments}}, counts <code>REASMFAILS</code> and <code>REASMTIMEOUT</code>, and {first, select, yes {sends ICMP time exceeded (code 1, reassembly time exceeded) built from the first fragment} other {sends no ICMP: the offset-0 fragment never arrived}}',
  },
  shapeObject: { id: 'journey.shape.object', defaultMessage: 'The Journey input is an object.' },
  shapeSends: { id: 'journey.shape.sends', defaultMessage: 'The Journey sends one length per datagram.' },
  shapeDatagrams: {
    id: 'journey.shape.datagrams',
    defaultMessage: 'datagrams is a whole number (1 to {max}).',
  },
  shapeFault: { id: 'journey.shape.fault', defaultMessage: 'The fault is none, lose or reorder.' },
  shapeFaultWhere: {
    id: 'journey.shape.faultWhere',
    defaultMessage: 'A fault names a fragment and a datagram (0-based).',
  },
  shapeRcvbuf: {
    id: 'journey.shape.rcvbuf',
    defaultMessage: '<code>rcvbuf</code> is a whole number of bytes.',
  },
  shapeBufsize: {
    id: 'journey.shape.bufsize',
    defaultMessage: 'The <code>recvfrom()</code> buffer is a whole number of bytes.',
  },
  shapeRead: { id: 'journey.shape.read', defaultMessage: 'Read mode is each, slow or end.' },
  shapeOptions: { id: 'journey.shape.options', defaultMessage: 'The options are an object.' },
  shapeDefrag: { id: 'journey.shape.defrag', defaultMessage: '<code>defrag</code> is a function.' },
  shapeSend: {
    id: 'journey.shape.send',
    defaultMessage: '{issues}',
    description: 'The send input is refused; issues: the send validation sentences.',
  },
});

type Desc = (typeof JW)[keyof typeof JW];

/** The Msg for one of the Journey's sentences. */
export const jw = (d: Desc, values?: Record<string, MsgValue | undefined>): Msg => msgOptional(d, values);

/** A stop's sentence, numbered when the scenario has several datagrams. */
export function tagged(why: Text, d: number, n: number): Text {
  return n > 1 ? msg(JW.tagged, { d: d + 1, n, why }) : why;
}
