/**
 * __udp4_lib_rcv / __udp6_lib_rcv (net/ipv4/udp.c, net/ipv6/udp.c) with what they drop and
 * count: a datagram (reassembled or not) arrives from IP; its header is checked, its socket
 * looked up, and it is queued by __udp_enqueue_schedule_skb against sk_rcvbuf (rcvqueue.ts) —
 * or dropped with SOCKET_RCVBUFF, NO_SOCKET, PKT_TOO_SMALL, UDP_CSUM. A dropped datagram that
 * was reassembled frees each skb on its frag_list too (NOT_SPECIFIED at skb_release_data).
 * udp_recvmsg counts InDatagrams when the application reads, not when the datagram is queued.
 */
import { countDrop, countMib, countMibId, counterId, sortDrops, type Tally } from '../drops/tally.ts';
import type { DropReason } from '../drops/types.ts';
import { udpEnqueue, udpRecvmsg, type RcvQueue, type RecvResult } from './rcvqueue.ts';
import { msg, type Msg } from '../i18n/index.ts';
import { UM } from './messages.ts';

export type UdpFamily = 'inet' | 'inet6';

const UDP_HLEN = 8;
/** uh->len, ports and checksum of a header made of the fixtures' "other" fill bytes (0xEE). */
export const FOREIGN_UDP_LEN = 0xeeee;

/** A datagram as it reaches udp_rcv / udpv6_rcv: the IP payload after reassembly. */
export interface UdpArrival {
  family: UdpFamily;
  /** Which datagram of the pipeline (its sendto(), or its reassembly). */
  datagram: number;
  /** skb->len at udp_rcv: the UDP header and everything after it. */
  ipLength: number;
  /** uh->len as it arrived (for a header that is not the sender's: what those bytes say). */
  ulen: number;
  /**
   * The 8 header bytes are the sender's. False: they are other bytes (the fixtures' 0xEE fill,
   * a raw socket's payload), so the ports and the checksum no longer fit either.
   */
  headerIntact: boolean;
  /** skb->truesize: what the socket is charged. */
  truesize: number;
  /** skbs on its frag_list (each freed with it if it is dropped). */
  chained: number;
  /**
   * Where each skb on the frag_list starts, in skb->len from the UDP header (a reassembled
   * datagram whose fragments are known): trimming to uh->len drops those that start at or after
   * the cut (___pskb_trim). Absent: no chained skb lies past a trim.
   */
  chainStarts?: readonly number[];
  /**
   * udp_rcv's skb is a clone (a raw socket of protocol 17 or 136 holds the other): dropping it
   * frees no chained skb, except the ones a trim had to clone for it (___pskb_trim).
   */
  shared?: boolean;
  /** UDP-Lite (protocol 136): counted in UdpLite / UdpLite6, never trimmed, uh->len is the checksum coverage. */
  lite?: boolean;
  /**
   * What skb_condense, at the end of ___pskb_trim, needs: the head's linear bytes (from the UDP
   * header) and its tailroom, and SKB_TRUESIZE of its buffer. A trim that leaves every byte in
   * the head (or few enough to pull into its tailroom) resets truesize to that: the chained
   * fragments' truesize is forgotten, and the socket is charged only the head.
   */
  condense?: { headlen: number; tailroom: number; truesize: number };
}

/** The receiving port: a bound socket and its queue, or nobody. */
export type UdpEndpoint = { bound: true; queue: RcvQueue } | { bound: false };

export type UdpFate = 'queued' | 'rcvbuf' | 'no-socket' | 'no-header' | 'short' | 'csum';

export interface UdpRcvOutcome {
  fate: UdpFate;
  /** The socket's queue afterwards (null: no socket). */
  queue: RcvQueue | null;
  /** Payload bytes a read would return in full (null: not queued). */
  len: number | null;
  fn: string;
  file: string;
  why: Msg;
  /** The drops this step made (for its trace entry). */
  drops: DropReason[];
  /** NO_SOCKET answers with ICMP port unreachable: the caller's IP layer sends it. */
  icmpPortUnreachable: boolean;
}

export const UDP_FILES = { inet: 'net/ipv4/udp.c', inet6: 'net/ipv6/udp.c' } as const;

const sectionOf = (f: UdpFamily) => (f === 'inet6' ? 'Udp6' : 'Udp');
/** InDatagrams by id (looked up once: every datagram read counts it). */
const IN_DATAGRAMS = {
  inet: counterId('Udp', 'InDatagrams'),
  inet6: counterId('Udp6', 'InDatagrams'),
} as const;

/** Drop the datagram (and the `chained` fragments still on it) with `reason` in `fn`: into the tally and the step's list. */
function drop(t: Tally, step: DropReason[], chained: number, reason: string, fn: string): void {
  countDrop(t, reason, fn);
  countDrop(t, 'NOT_SPECIFIED', 'skb_release_data', chained);
  if (chained > 0) step.push({ reason: 'NOT_SPECIFIED', function: 'skb_release_data', count: chained });
  step.push({ reason, function: fn, count: 1 });
}

/**
 * pskb_trim_rcsum(skb, uh->len) → ___pskb_trim: the chained skb that holds the cut is trimmed and
 * every one after it is freed (skb_drop_list): those that start at or after the cut.
 */
function trimFragList(t: Tally, step: DropReason[], a: UdpArrival, ulen: number): number {
  if (!a.chainStarts || ulen >= a.ipLength || a.lite) return a.shared ? 0 : a.chained;
  let dropped = 0;
  for (const start of a.chainStarts) if (start >= ulen) dropped++;
  // A shared skb is copied first (pskb_expand_head clones its frag_list), and each chained skb
  // before the cut is cloned for it: those clones are its own, freed with it; the ones past the
  // cut are the raw socket's to free.
  if (a.shared) return a.chained - dropped;
  if (dropped === 0) return a.chained;
  countDrop(t, 'NOT_SPECIFIED', '___pskb_trim', dropped);
  step.push({ reason: 'NOT_SPECIFIED', function: '___pskb_trim', count: dropped });
  return a.chained - dropped;
}

/** skb->truesize after pskb_trim_rcsum(skb, ulen): skb_condense's reset, when it applies. */
function condensedTruesize(a: UdpArrival, ulen: number): number {
  const c = a.condense;
  if (!c || a.shared || a.lite || ulen >= a.ipLength) return a.truesize;
  const paged = ulen - c.headlen;
  return paged <= 0 || paged <= c.tailroom ? c.truesize : a.truesize;
}

/** __udp4_lib_rcv / __udp6_lib_rcv → udp_queue_rcv_one_skb: what becomes of one arriving datagram. */
export function udpLibRcv(ep: UdpEndpoint, a: UdpArrival, t: Tally): UdpRcvOutcome {
  const v6 = a.family === 'inet6';
  const sec = a.lite ? (v6 ? 'UdpLite6' : 'UdpLite') : sectionOf(a.family);
  const fn = v6 ? '__udp6_lib_rcv' : '__udp4_lib_rcv';
  const file = UDP_FILES[a.family];
  const step: DropReason[] = [];
  const out = (fate: UdpFate, f: string, why: Msg, extra?: Partial<UdpRcvOutcome>): UdpRcvOutcome => {
    const o: UdpRcvOutcome = {
      fate,
      queue: ep.bound ? ep.queue : null,
      len: null,
      fn: f,
      file,
      why,
      drops: step.length > 1 ? sortDrops(step) : step,
      icmpPortUnreachable: false,
    };
    return extra ? Object.assign(o, extra) : o;
  };
  if (a.ipLength < UDP_HLEN) {
    countMib(t, sec, 'InErrors');
    drop(t, step, a.shared ? 0 : a.chained, 'NOT_SPECIFIED', fn);
    return out('no-header', fn, msg(UM.noHeader, { len: a.ipLength }));
  }
  let ulen = a.ulen;
  if (v6 && ulen === 0) ulen = a.ipLength; // jumbogram convention of __udp6_lib_rcv
  // UDP-Lite's uh->len is its checksum coverage: under 8 it fails udplite_checksum_init below.
  if (ulen > a.ipLength || (ulen < UDP_HLEN && !a.lite)) {
    countMib(t, sec, 'InErrors');
    drop(t, step, a.shared ? 0 : a.chained, 'PKT_TOO_SMALL', fn);
    return out(
      'short',
      fn,
      msg(UM.short, {
        ulen,
        more: ulen > a.ipLength ? 'yes' : 'no',
        len: a.ipLength,
        intact: a.headerIntact ? 'yes' : 'no',
      }),
    );
  }
  const chained = trimFragList(t, step, a, ulen);
  const trimmed = (why: Msg): Msg =>
    msg(UM.trimmed, { trimmed: ulen < a.ipLength ? 'yes' : 'no', ulen, why });
  if (!a.headerIntact) {
    // The ports are other bytes too: no socket has that port, and udp_lib_checksum_complete fails.
    // __udp6_lib_rcv has set its reason to NO_SOCKET before that check, and csum_error only
    // replaces NOT_SPECIFIED; __udp4_lib_rcv's csum_error always says UDP_CSUM.
    countMib(t, sec, 'InCsumErrors');
    countMib(t, sec, 'InErrors');
    drop(t, step, chained, v6 ? 'NO_SOCKET' : 'UDP_CSUM', fn);
    return out('csum', fn, trimmed(msg(UM.csum)));
  }
  if (!ep.bound) {
    countMib(t, sec, 'NoPorts');
    drop(t, step, chained, 'NO_SOCKET', fn);
    return out('no-socket', fn, trimmed(msg(UM.noSocket)), {
      icmpPortUnreachable: true,
    });
  }
  const qfn = v6 ? 'udpv6_queue_rcv_one_skb' : 'udp_queue_rcv_one_skb';
  const { queue, verdict } = udpEnqueue(ep.queue, {
    datagram: a.datagram,
    len: ulen - UDP_HLEN,
    truesize: condensedTruesize(a, ulen),
  });
  if (!verdict.ok) {
    countMib(t, sec, 'InErrors');
    countMib(t, sec, 'RcvbufErrors');
    drop(t, step, chained, 'SOCKET_RCVBUFF', qfn);
    return out('rcvbuf', qfn, trimmed(msg(UM.rcvbuf, { why: verdict.why, chained })), { queue });
  }
  return out('queued', '__udp_enqueue_schedule_skb', trimmed(verdict.why), {
    queue,
    len: ulen - UDP_HLEN,
  });
}

/** udp_recvmsg / udpv6_recvmsg: one datagram read (InDatagrams); null when the queue is empty. */
export function udpRecvmsgCounted(
  queue: RcvQueue,
  bufsize: number,
  family: UdpFamily,
  t: Tally,
): { queue: RcvQueue; result: RecvResult | null } {
  const r = udpRecvmsg(queue, bufsize);
  if (r.result) countMibId(t, IN_DATAGRAMS[family]);
  return r;
}
