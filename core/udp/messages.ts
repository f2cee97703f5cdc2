/**
 * The words of the UDP receive side (rcvqueue.ts, udp-rcv.ts): what __udp_enqueue_schedule_skb
 * decides and what becomes of an arriving datagram, as catalog messages (core/i18n).
 */
import { defineMessages } from '../i18n/index.ts';

export const UM = defineMessages({
  enqHuge: {
    id: 'udp.enqueue.huge',
    defaultMessage: 'rmem {rmem} + truesize {truesize} > <code>sk_rcvbuf</code> {rcvbuf}',
    description: 'sk_rcvbuf is so large that the empty-queue exception no longer applies.',
  },
  enqFull: {
    id: 'udp.enqueue.full',
    defaultMessage:
      '<code>sk_rmem_alloc</code> {rmem} + truesize {truesize} = {sum} > <code>sk_rcvbuf</code> {rcvbuf} and the queue is not empty: dropped',
  },
  enqEmpty: {
    id: 'udp.enqueue.empty',
    defaultMessage:
      'truesize {truesize} is more than <code>sk_rcvbuf</code> {rcvbuf}, but the queue is empty: accepted anyway',
  },
  enqOk: {
    id: 'udp.enqueue.ok',
    defaultMessage: '<code>sk_rmem_alloc</code> {rmem} + truesize {truesize} = {sum} ≤ <code>sk_rcvbuf</code> {rcvbuf}: queued',
  },
  noHeader: {
    id: 'udp.rcv.noHeader',
    defaultMessage:
      'only {len} bytes: <code>pskb_may_pull</code> cannot get the 8-byte UDP header (<code>InErrors</code>)',
  },
  short: {
    id: 'udp.rcv.short',
    defaultMessage:
      'short packet: <code>uh->len</code> says {ulen} bytes but {more, select, yes {only {len} arrived} other {that is less than the header}}{intact, select, no { (the header bytes are not the sender’s)} other {}} (<code>InErrors</code>)',
  },
  trimmed: {
    id: 'udp.rcv.trimmed',
    defaultMessage:
      '{trimmed, select, yes {trimmed to the UDP length {ulen} (<code>pskb_trim_rcsum</code>); } other {}}{why}',
    description: 'why: what happens next; the clause in front when the IP payload is longer than uh->len.',
  },
  csum: {
    id: 'udp.rcv.csum',
    defaultMessage:
      'no socket for the port in a header that is not the sender’s, and its checksum is wrong (<code>InCsumErrors</code>, <code>InErrors</code>)',
  },
  noSocket: {
    id: 'udp.rcv.noSocket',
    defaultMessage:
      'no socket is bound to the destination port: <code>NoPorts</code>, ICMP port unreachable, the datagram is dropped',
  },
  rcvbuf: {
    id: 'udp.rcv.rcvbuf',
    defaultMessage:
      '{why}; <code>__udp_queue_rcv_skb</code> counts <code>RcvbufErrors</code> and <code>InErrors</code>{chained, plural, =0 {} one {, and the # fragment on its <code>frag_list</code> goes with it (<code>skb_release_data</code>)} other {, and the # fragments on its <code>frag_list</code> go with it (<code>skb_release_data</code>)}}',
  },
});
