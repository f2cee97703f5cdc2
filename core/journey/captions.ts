/**
 * "What just happened": one plain-language sentence per kind of stop, for a student who does not
 * yet know the kernel (the kernel detail — function, file, the trace's own explanation — follows it
 * in the lab). The kind is read from the kernel function the stop models; the values come from the
 * stop's own packets, socket and variables, never from the view.
 */
import { defineMessages, msg, type Msg } from '../i18n/index.ts';
import type { StopKind } from './types.ts';

/** The kind of a stop, from the kernel function it models (the journey's own stops set theirs). */
export function stopKind(fn: string): StopKind {
  if (fn === '__sys_sendto') return 'syscall';
  if (/recvmsg$/.test(fn)) return 'recv';
  if (/sendmsg$/.test(fn)) return 'sendmsg';
  if (/append_data$/.test(fn)) return 'append';
  if (fn === 'sock_alloc_send_skb' || fn === 'alloc_skb') return 'alloc';
  if (/make_skb$/.test(fn)) return 'make-skb';
  if (/send_skb$/.test(fn)) return 'udp-header';
  if (/flush_pending_frames$/.test(fn)) return 'flush';
  if (/finish_output2$/.test(fn)) return 'link-out';
  if (/local_out$|finish_output$/.test(fn)) return 'ip-out';
  if (/fragment$|fraglist_prepare$|frag_next$/.test(fn)) return 'fragment';
  if (fn === 'loopback_xmit') return 'wire';
  if (fn === 'eth_type_trans') return 'link-in';
  if (fn === 'ip_defrag' || fn === 'ipv6_frag_rcv') return 'defrag';
  if (fn === 'ip_rcv' || fn === 'ipv6_rcv') return 'ip-in';
  if (/frag_reasm$/.test(fn)) return 'reasm';
  if (/deliver_finish$|input_finish$/.test(fn)) return 'deliver';
  if (/^__udp[46]_lib_rcv$/.test(fn)) return 'udp-in';
  if (fn === '__udp_enqueue_schedule_skb') return 'enqueue';
  if (fn === 'ip_expire' || fn === 'ip6frag_expire_frag_queue') return 'expire';
  return 'other';
}

export const CAPTION = defineMessages({
  syscall: {
    id: 'journey.caption.syscall',
    defaultMessage:
      'The program calls <code>sendto()</code> with {payload, plural, one {# byte} other {# bytes}} to send. They are still in the program’s own memory; from here on the kernel does the work.',
    description: 'Journey caption: the application calls sendto().',
  },
  sendmsg: {
    id: 'journey.caption.sendmsg',
    defaultMessage:
      'The UDP socket takes the data. UDP sends it as one datagram: whatever happens on the way, the receiver gets all of it or nothing.',
    description: 'Journey caption: udp_sendmsg takes the send.',
  },
  append: {
    id: 'journey.caption.append',
    defaultMessage:
      '{pieces, plural, one {The data plus the 8-byte UDP header fit in one packet of the link (MTU {mtu, number} bytes).} other {The data plus the 8-byte UDP header are more than one packet of the link can carry (MTU {mtu, number} bytes), so the kernel plans # pieces.}}',
    description: 'Journey caption: __ip_append_data plans the packets. pieces = packets on the wire.',
  },
  alloc: {
    id: 'journey.caption.alloc',
    defaultMessage:
      'The kernel takes a socket buffer (<code>sk_buff</code>) for the next piece and copies the data into it, leaving {headroom, plural, one {# byte} other {# bytes}} of headroom in front for the headers still to come.',
    description: 'Journey caption: an skb is allocated and filled.',
  },
  makeSkb: {
    id: 'journey.caption.makeSkb',
    defaultMessage:
      'The pieces are linked into one datagram of {len, number} bytes, and the IP header is written in front of the data.',
    description: 'Journey caption: __ip_make_skb builds the datagram.',
  },
  udpHeader: {
    id: 'journey.caption.udpHeader',
    defaultMessage: 'The 8-byte UDP header is filled in: source and destination port, length and checksum.',
    description: 'Journey caption: udp_send_skb writes the UDP header.',
  },
  ipOut: {
    id: 'journey.caption.ipOut',
    defaultMessage:
      'IP compares the datagram, {len, number} bytes, with the link’s MTU of {mtu, number} bytes: {fits, select, yes {it fits and leaves whole.} other {it is too big, so it must be cut into fragments.}}',
    description: 'Journey caption: the IP output path checks the size.',
  },
  fragment: {
    id: 'journey.caption.fragment',
    defaultMessage:
      'The datagram is cut into {pieces, plural, one {# fragment} other {# fragments}}. Each gets its own copy of the IP header and fits the MTU; the offset field says where its bytes belong.',
    description: 'Journey caption: fragmentation.',
  },
  linkOut: {
    id: 'journey.caption.linkOut',
    defaultMessage:
      'Each packet gets a 14-byte Ethernet header, pushed into the headroom left free in front of it, and is handed to the network device.',
    description: 'Journey caption: ip_finish_output2 adds the link header.',
  },
  wire: {
    id: 'journey.caption.wire',
    defaultMessage:
      '{n, plural, one {The packet crosses} other {The # fragments cross}} the wire{fault, select, lost { — and fragment {lost} is lost on the way. UDP never sends it again.} reorder { — fragment {late} is overtaken and arrives last.} other {, one after another.}}',
    description: 'Journey caption: the wire. fault: lost | reorder | none.',
  },
  linkIn: {
    id: 'journey.caption.linkIn',
    defaultMessage:
      'The receiver’s network device hands the packets up. The Ethernet header is read and skipped: the data pointer moves 14 bytes forward, nothing is copied.',
    description: 'Journey caption: eth_type_trans.',
  },
  ipIn: {
    id: 'journey.caption.ipIn',
    defaultMessage: 'IP on the receiver checks each packet’s header: it is addressed to this host.',
    description: 'Journey caption: ip_rcv.',
  },
  defrag: {
    id: 'journey.caption.defrag',
    defaultMessage:
      '{complete, select, yes {The fragments wait in the reassembly queue until all {n, number} have arrived.} other {Only {arrived, number} of {n, number} fragments arrived. The reassembly queue keeps them and waits for the missing one.}}',
    description: 'Journey caption: ip_defrag queues the fragments.',
  },
  reasm: {
    id: 'journey.caption.reasm',
    defaultMessage:
      'Every fragment is here: the kernel joins them back into one datagram of {len, number} bytes.',
    description: 'Journey caption: the fragments are reassembled.',
  },
  deliver: {
    id: 'journey.caption.deliver',
    defaultMessage: 'IP’s work is done: its header is stepped over and the datagram goes up to UDP.',
    description: 'Journey caption: ip_local_deliver_finish.',
  },
  udpIn: {
    id: 'journey.caption.udpIn',
    defaultMessage:
      'UDP checks the length and the checksum and finds the socket bound to the destination port.',
    description: 'Journey caption: __udp4_lib_rcv.',
  },
  enqueue: {
    id: 'journey.caption.enqueue',
    defaultMessage:
      'The datagram waits in the socket’s receive queue. The memory it takes, {truesize, number} bytes, is counted in <code>sk_rmem_alloc</code>: now {rmem, number} of {rcvbuf, number}.',
    description: 'Journey caption: the datagram is queued at the socket.',
  },
  rcvbufDrop: {
    id: 'journey.caption.rcvbufDrop',
    defaultMessage:
      'The receive queue is full: {truesize, number} more bytes would pass <code>sk_rcvbuf</code> ({rcvbuf, number}). The datagram is thrown away, and the sender is never told.',
    description: 'Journey caption: the receive queue is full, the datagram is dropped.',
  },
  expire: {
    id: 'journey.caption.expire',
    defaultMessage:
      'The missing fragment never comes. After {seconds, number} seconds the kernel gives up and frees the fragments it kept; the program never sees this datagram.',
    description: 'Journey caption: the reassembly timer fires.',
  },
  recv: {
    id: 'journey.caption.recv',
    defaultMessage:
      'The program calls <code>recvfrom()</code> and gets datagram {dg, number}: {copied, number} bytes{trunc, select, yes {, cut to fit its buffer (<code>MSG_TRUNC</code>)} other {}}. Its memory leaves the queue: <code>sk_rmem_alloc</code> is now {rmem, number}.',
    description: 'Journey caption: the application reads a datagram.',
  },
  sendFailed: {
    id: 'journey.caption.sendFailed',
    defaultMessage: '<code>sendto()</code> fails with <code>{errno}</code>: nothing is sent.',
    description: 'Journey caption: the send fails.',
  },
  flush: {
    id: 'journey.caption.flush',
    defaultMessage: 'The send cannot go on: the kernel frees the buffers it had prepared for it.',
    description: 'Journey caption: the pending frames are flushed.',
  },
  other: {
    id: 'journey.caption.other',
    defaultMessage: 'A step of the kernel’s bookkeeping; the detail is below.',
    description: 'Journey caption: any other step.',
  },
});

/** What a caption may draw on: the stop's own facts. */
export interface CaptionFacts {
  kind: StopKind;
  payload: number;
  mtu: number;
  /** Packets on the wire per datagram (the core's own fragment count). */
  pieces: number;
  /** The moving datagram's packets at this stop, and the first one's len and headroom. */
  n: number;
  len: number;
  headroom: number;
  vars: Record<string, number | string | boolean>;
  rmem: number;
  rcvbuf: number;
  datagram: number;
}

const numVar = (v: unknown, fallback = 0): number => (typeof v === 'number' ? v : fallback);

export function captionOf(f: CaptionFacts): Msg {
  const v = f.vars;
  switch (f.kind) {
    case 'syscall':
      return msg(CAPTION.syscall, { payload: f.payload });
    case 'sendmsg':
      return msg(CAPTION.sendmsg);
    case 'append':
      return msg(CAPTION.append, { pieces: f.pieces, mtu: f.mtu });
    case 'alloc':
      return msg(CAPTION.alloc, { headroom: f.headroom });
    case 'make-skb':
      return msg(CAPTION.makeSkb, { len: f.len });
    case 'udp-header':
      return msg(CAPTION.udpHeader);
    case 'ip-out':
      return msg(CAPTION.ipOut, { len: f.len, mtu: f.mtu, fits: f.len <= f.mtu ? 'yes' : 'no' });
    case 'fragment':
      return msg(CAPTION.fragment, { pieces: f.pieces });
    case 'link-out':
      return msg(CAPTION.linkOut);
    case 'wire': {
      const lost = numVar(v.lost, -1);
      const late = numVar(v.late, -1);
      return msg(CAPTION.wire, {
        n: f.n,
        fault: lost > 0 ? 'lost' : late > 0 ? 'reorder' : 'none',
        lost: Math.max(lost, 0),
        late: Math.max(late, 0),
      });
    }
    case 'link-in':
      return msg(CAPTION.linkIn);
    case 'ip-in':
      return msg(CAPTION.ipIn);
    case 'defrag': {
      const arrived = numVar(v.arrived, f.n);
      return msg(CAPTION.defrag, {
        complete: arrived >= f.pieces ? 'yes' : 'no',
        n: f.pieces,
        arrived,
      });
    }
    case 'reasm':
      return msg(CAPTION.reasm, { len: f.len });
    case 'deliver':
      return msg(CAPTION.deliver);
    case 'udp-in':
      return msg(CAPTION.udpIn);
    case 'enqueue':
      return msg(CAPTION.enqueue, { truesize: numVar(v.truesize), rmem: f.rmem, rcvbuf: f.rcvbuf });
    case 'rcvbuf-drop':
      return msg(CAPTION.rcvbufDrop, { truesize: numVar(v.truesize), rcvbuf: f.rcvbuf });
    case 'expire':
      return msg(CAPTION.expire, { seconds: numVar(v.seconds) });
    case 'recv':
      return msg(CAPTION.recv, {
        dg: f.datagram + 1,
        copied: numVar(v.copied),
        trunc: v.MSG_TRUNC === true ? 'yes' : 'no',
        rmem: f.rmem,
      });
    case 'send-failed':
      return msg(CAPTION.sendFailed, { errno: String(v.errno ?? '') });
    case 'flush':
      return msg(CAPTION.flush);
    default:
      return msg(CAPTION.other);
  }
}
