/**
 * __ip_append_data (net/ipv4/ip_output.c) and __ip6_append_data (net/ipv6/ip6_output.c):
 * how the payload of one or more sends is laid into a queue of sk_buffs, each of which
 * will become one fragment. One function models both: the IPv6 variant differs in
 * `maxfraglen` (room for the 8-byte fragment header), in the headroom it reserves, in its
 * "does it all fit" test and in refusing a negative copy (EINVAL).
 */
import { SKB_FRAG_PAGE_SIZE, SKB_MAX_ALLOC } from '../skb/alloc.ts';
import {
  allocSkb,
  skbAppendPageFrag,
  skbLabel,
  skbPut,
  skbReserve,
  skbSnapshot,
  skbTrim,
  type SkBuff,
} from '../skb/skb.ts';
import type { SkbSnapshot } from '../skb/types.ts';
import type { Errno } from '../errno/index.ts';
import { msg, type Msg } from '../i18n/index.ts';
import { M } from './send-messages.ts';
import { NO_TRACE } from './step.ts';
import type { ByteRange, OutputSnapshot } from './types.ts';
import type { TraceStep } from '../trace/index.ts';

export const IP_OUTPUT_C = 'net/ipv4/ip_output.c';
export const IP6_OUTPUT_C = 'net/ipv6/ip6_output.c';
export const SKBUFF_H = 'include/linux/skbuff.h';
export const SOCK_C = 'net/core/sock.c';

/** The cork: what ip_setup_cork / ip6_setup_cork fixed for the whole datagram. */
export interface Cork {
  family: 'inet' | 'inet6';
  /** cork->fragsize: path MTU or device MTU, by PMTU mode. */
  fragsize: number;
  /** sizeof(iphdr) + optlen, or sizeof(ipv6hdr). */
  fragheaderlen: number;
  /** IPv6: sizeof(ipv6hdr) + extension headers; the minimum a packet carries. */
  headersize: number;
  /** ip_sk_ignore_df / ip6_sk_ignore_df. */
  ignoreDf: boolean;
  /** cork->length: bytes appended so far. */
  length: number;
  /** LL_RESERVED_SPACE(dev). */
  hhLen: number;
  /** Device features. */
  sg: boolean;
  hwCsum: boolean;
}

/** Socket-side accounting the append loop reads and charges. */
export interface SockMem {
  /** refcount of sk_wmem_alloc (1 for the socket itself + charged truesize). */
  wmemAlloc: number;
  sndbuf: number;
  sndbufCheck: boolean;
  /** The task page fragment sk_page_frag_refill hands out (current->task_frag). */
  pfrag: { used: number; size: number; id: number };
}

export interface AppendArgs {
  cork: Cork;
  queue: SkBuff[];
  mem: SockMem;
  /** Bytes to append, transport header included for the first piece. */
  length: number;
  /** 8 (UDP header) on the first piece of a UDP datagram; else 0. */
  transhdrlen: number;
  /** Offset of these bytes in the transport datagram (for byte ranges). */
  datagramOffset: number;
  msgMore: boolean;
  trace: TraceStep<OutputSnapshot, Msg>[];
  /** Emit one step per allocated skb up to this many (then one summary step). */
  detailLimit: number;
  /**
   * The queue's log of whole-queue steps (newQueueLog), when the caller keeps it across the
   * appends to one queue; without it the log is found by the queue (a WeakMap).
   */
  log?: QueueLog;
  /**
   * raw6_getfrag's header bytes (rfv->hlen: 2 for ICMPv6, 4 for the Mobility Header, which
   * rawv6_probe_proto_opt copied first), with where to note the bytes it sums at the wrong parity
   * (getfragMisparity). Absent: the getfrag has no such header (UDP, IPv4, other protocols).
   */
  rawv6Getfrag?: { hlen: number; misparity: ByteRange[] };
}

/**
 * raw6_getfrag (net/ipv6/raw.c) for one copy of `len` bytes at datagram offset `from`, of a send
 * whose bytes start at `sendStart`: while the copy is within the send's first `hlen` bytes it
 * adds them to skb->csum from rfv->c at the copy's parity (`odd`), then sets `odd = 0` and sums
 * the rest of the copy with ip_generic_getfrag as if it started at an even offset. When it does
 * not (the header part ended at an odd offset), those bytes are summed byte-swapped: they go into
 * `misparity`, and rawv6_push_pending_frames' checksum is off by their swap (misparitySum).
 * Offsets within an skb have the datagram offset's parity: fragments start at multiples of 8.
 */
export function getfragMisparity(
  from: number,
  len: number,
  sendStart: number,
  hlen: number,
  misparity: ByteRange[],
): void {
  const intoSend = from - sendStart;
  if (intoSend >= hlen || len <= 0) return;
  const hdrCopy = Math.min(hlen - intoSend, len);
  const restFrom = from + hdrCopy;
  if (hdrCopy < len && restFrom % 2 === 1) misparity.push({ from: restFrom, to: from + len });
}

export type AppendResult =
  | { ok: true }
  | {
      ok: false;
      errno: Errno;
      fn: string;
      file: string;
      why: Msg;
      /** The failure went through the `error:` label (OutDiscards), not a size check before any work. */
      discard: boolean;
    };

/** The sizes __ip_append_data derives before its loop. */
export interface AppendGeometry {
  mtu: number;
  fragheaderlen: number;
  maxfraglen: number;
  maxnonfragsize: number;
}

export function appendGeometry(cork: Cork): AppendGeometry {
  const mtu = cork.fragsize;
  const fhl = cork.fragheaderlen;
  const maxfraglen =
    cork.family === 'inet'
      ? ((mtu - fhl) & ~7) + fhl
      : ((mtu - fhl) & ~7) + fhl - 8; /* sizeof(struct frag_hdr) */
  const maxnonfragsize = cork.ignoreDf ? (cork.family === 'inet' ? 0xffff : 40 + 0xffff) : mtu;
  return { mtu, fragheaderlen: fhl, maxfraglen, maxnonfragsize };
}

/**
 * The cork's queue as every step that shows it whole saw it, without copying the queue at each
 * step (issue 17: with many sends the queue grows between steps, so per-step copies made a
 * trace quadratic). The queue only grows at its end, and __ip_append_data only changes its last
 * skb (the one it appends to, and trims when a fraggap moves to a new skb), so a whole-queue step
 * snapshots just the skbs from the one that was last at the previous such step on. The log is
 * append-only: entry k says "queue[pos[k]] looked like snaps[k]"; a step keeps the log's length,
 * and its skbs — the latest entry for each position — are gathered when first read.
 */
export interface QueueLog {
  pos: number[];
  snaps: SkbSnapshot[];
  /** The queue's length at the last whole-queue step. */
  seen: number;
}
/** An empty log for a new queue (see AppendArgs.log). */
export const newQueueLog = (): QueueLog => ({ pos: [], snaps: [], seen: 0 });
const queueLogs = new WeakMap<SkBuff[], QueueLog>();

function logOf(queue: SkBuff[]): QueueLog {
  let log = queueLogs.get(queue);
  if (!log) {
    log = newQueueLog();
    queueLogs.set(queue, log);
  }
  return log;
}

/** Work done by whole-queue steps (skbs snapshotted, skbs gathered when read): for tests. */
export const queueLogWork = { snapshotted: 0, gathered: 0 };

function queueSnapshot(queue: SkBuff[], log: QueueLog, vars: OutputSnapshot['vars']): OutputSnapshot {
  const n = queue.length;
  for (let i = Math.max(0, log.seen - 1); i < n; i++) {
    log.pos.push(i);
    log.snaps.push(skbSnapshot(queue[i] as SkBuff));
    queueLogWork.snapshotted++;
  }
  log.seen = n;
  if (n === 0) return { skbs: [], vars, wireCount: 0 };
  const entries = log.pos.length;
  const l = log;
  let built: SkbSnapshot[] | undefined;
  return {
    get skbs(): SkbSnapshot[] {
      if (built) return built;
      built = new Array<SkbSnapshot>(n);
      for (let k = 0; k < entries; k++) built[l.pos[k] as number] = l.snaps[k] as SkbSnapshot;
      queueLogWork.gathered += n;
      return built;
    },
    vars,
    wireCount: 0,
  };
}

function snap(queue: SkBuff[], log: QueueLog, vars: OutputSnapshot['vars'], pick?: SkBuff[]): OutputSnapshot {
  if (!pick) return queueSnapshot(queue, log, vars);
  const skbs = new Array<SkbSnapshot>(pick.length);
  for (let i = 0; i < pick.length; i++) skbs[i] = skbSnapshot(pick[i] as SkBuff);
  return { skbs, vars, wireCount: 0 };
}

/**
 * Append `length` bytes to the cork's queue exactly as __ip_append_data /
 * __ip6_append_data do. Mutates `queue`, `cork.length` and `mem`; pushes trace steps.
 */
export function ipAppendData(a: AppendArgs): AppendResult {
  const { cork, queue, mem, trace } = a;
  // ipSendWire's sends record no steps: none is built, no sk_buff snapshotted (step.ts NO_TRACE).
  const quiet = trace === NO_TRACE;
  const log = a.log ?? logOf(queue);
  const v6 = cork.family === 'inet6';
  const fn = v6 ? '__ip6_append_data' : '__ip_append_data';
  const file = v6 ? IP6_OUTPUT_C : IP_OUTPUT_C;
  const g = appendGeometry(cork);
  const { mtu, fragheaderlen, maxfraglen, maxnonfragsize } = g;
  let { length, transhdrlen } = a;
  let offset = a.datagramOffset;
  const { rawv6Getfrag } = a;
  const sendStart = a.datagramOffset;

  let summarised = 0;
  const flushSummary = (): void => {
    if (!summarised) return;
    if (!quiet)
      trace.push({
        fn: 'alloc_skb',
        file: SKBUFF_H,
        why: msg(M.appendSummary, { n: summarised, maxfraglen }),
        dir: 'down',
        snapshot: snap(queue, log, { queued: queue.length }, []),
      });
    summarised = 0;
  };
  const err = (errno: Errno, efn: string, efile: string, why: Msg, discard = true): AppendResult => {
    flushSummary();
    if (!quiet)
      trace.push({
        fn: efn,
        file: efile,
        why: msg(M.appendError, { errno, why }),
        dir: 'down',
        snapshot: snap(queue, log, { errno }),
      });
    return { ok: false, errno, fn: efn, file: efile, why, discard };
  };

  if (v6) {
    if (mtu <= fragheaderlen || ((mtu - fragheaderlen) & ~7) + fragheaderlen <= 8)
      return err('EMSGSIZE', fn, file, msg(M.appendV6NoRoom, { mtu, hlen: fragheaderlen }), false);
    if (cork.headersize + transhdrlen > mtu)
      return err(
        'EMSGSIZE',
        fn,
        file,
        msg(M.appendV6Headers, { headersize: cork.headersize, transhdrlen, mtu }),
        false,
      );
  }
  const limit = maxnonfragsize - (v6 ? cork.headersize : fragheaderlen);
  if (cork.length + length > limit) {
    return err(
      'EMSGSIZE',
      fn,
      file,
      msg(M.appendTooBig, {
        total: cork.length + length,
        limit,
        mode: cork.ignoreDf ? (v6 ? 'v6len' : 'v4len') : 'mtu',
        mtu,
        errFn: v6 ? 'ipv6_local_error' : 'ip_local_error',
        reported: v6 ? Math.max(mtu - cork.headersize + 40, 0) : mtu - (fragheaderlen - 20),
      }),
      false,
    );
  }

  const csumPartial = transhdrlen > 0 && length + fragheaderlen <= mtu && cork.hwCsum && !a.msgMore;
  cork.length += length;
  const fitsWhole = (): boolean => (v6 ? cork.length <= mtu : true);
  const room = (): number => (v6 ? (fitsWhole() ? mtu : maxfraglen) : mtu);

  if (!quiet)
    trace.push({
      fn,
      file,
      why: msg(M.appendLayout, {
        mtu,
        fhl: fragheaderlen,
        maxfraglen,
        queued: queue.length,
        length,
        partial: csumPartial ? 'yes' : 'no',
      }),
      dir: 'down',
      snapshot: snap(queue, log, {
        mtu,
        fragheaderlen,
        maxfraglen,
        maxnonfragsize,
        length,
        transhdrlen,
        'cork->length': cork.length,
      }),
    });

  // Not queue[-1] on an empty queue: a negative index is a property name to V8, a slow lookup.
  let skb: SkBuff | undefined = queue.length > 0 ? queue[queue.length - 1] : undefined;
  let wmemDelta = 0;
  let allocated = 0;

  const allocNew = (): AppendResult | null => {
    const prev = skb;
    const fraggap = prev ? prev.len - maxfraglen : 0;
    let datalen = length + fraggap;
    if (datalen > room() - fragheaderlen) datalen = maxfraglen - fragheaderlen;
    const fraglen = datalen + fragheaderlen;
    const allocExtra = v6 ? cork.hhLen + 8 : cork.hhLen + 15;
    let pagedlen = 0;
    let alloclen: number;
    let how: 'more' | 'linear' | 'paged';
    if (a.msgMore && !cork.sg) {
      alloclen = mtu;
      how = 'more';
    } else if (fraglen + allocExtra < SKB_MAX_ALLOC || !cork.sg) {
      alloclen = fraglen;
      how = 'linear';
    } else {
      // Paged: header (and, since the 2026 fix eca856950f7c, the fraggap) linear, the rest in page frags.
      alloclen = fragheaderlen + transhdrlen + (v6 ? 0 : fraggap);
      pagedlen = datalen - transhdrlen - (v6 ? 0 : fraggap);
      how = 'paged';
    }
    const copy = datalen - transhdrlen - fraggap - pagedlen;
    if (v6 && copy < 0) return err('EINVAL', fn, file, msg(M.appendNegativeCopy, { copy, fraggap }));
    const size = alloclen + allocExtra;
    let allocFn: string;
    let allocFile: string;
    if (transhdrlen) {
      allocFn = 'sock_alloc_send_skb';
      allocFile = SOCK_C;
    } else {
      allocFn = 'alloc_skb';
      allocFile = SKBUFF_H;
      if (mem.sndbufCheck && mem.wmemAlloc + wmemDelta > 2 * mem.sndbuf) {
        mem.wmemAlloc += wmemDelta;
        return err(
          'ENOBUFS',
          fn,
          file,
          msg(M.appendNoBufs, {
            wmem: mem.wmemAlloc,
            queued: queue.length,
            limit: 2 * mem.sndbuf,
            next: queue.length + 1,
          }),
        );
      }
    }
    const nskb = allocSkb(size, `${v6 ? 'ip6' : 'ip'} queue[${queue.length}]`);
    // sock_alloc_send_skb charges the socket at once (skb_set_owner_w); later skbs are charged
    // through wmem_alloc_delta when the loop ends.
    if (transhdrlen) mem.wmemAlloc += nskb.truesize;
    else wmemDelta += nskb.truesize;
    skbReserve(nskb, v6 ? cork.hhLen + 8 : cork.hhLen);
    const hdrStart = nskb.tail;
    skbPut(nskb, fraglen - pagedlen);
    nskb.network_header = hdrStart;
    nskb.transport_header = hdrStart + fragheaderlen;
    if (v6) skbLabel(nskb, 'ip6', hdrStart, hdrStart + 40);
    else {
      skbLabel(nskb, 'ip', hdrStart, hdrStart + 20);
      if (fragheaderlen > 20) skbLabel(nskb, 'ipopt', hdrStart + 20, hdrStart + fragheaderlen);
    }
    let at = hdrStart + fragheaderlen;
    if (transhdrlen) {
      skbLabel(nskb, 'udp', at, at + transhdrlen, { from: offset, to: offset + transhdrlen });
      at += transhdrlen;
    }
    if (fraggap > 0 && prev) {
      // The bytes past the 8-byte boundary of the previous skb move here.
      const gapFrom = offset - fraggap;
      skbLabel(nskb, 'payload', at, at + fraggap, { from: gapFrom, to: offset });
      at += fraggap;
      skbTrim(prev, maxfraglen);
    }
    if (copy > 0) {
      skbLabel(nskb, 'payload', at, at + copy, {
        from: offset + transhdrlen,
        to: offset + transhdrlen + copy,
      });
      if (rawv6Getfrag)
        getfragMisparity(offset + transhdrlen, copy, sendStart, rawv6Getfrag.hlen, rawv6Getfrag.misparity);
    }
    const prevLen = prev?.len;
    offset += copy + transhdrlen;
    length -= copy + transhdrlen;
    const wasFirst = transhdrlen > 0;
    transhdrlen = 0;
    queue.push(nskb);
    allocated++;
    skb = nskb;
    if (!quiet && (allocated <= a.detailLimit || length <= 0)) {
      flushSummary();
      const vars: OutputSnapshot['vars'] = {
        fraggap,
        datalen,
        fraglen,
        alloclen: size,
        copy,
        pagedlen,
        truesize: nskb.truesize,
        sk_wmem_alloc: mem.wmemAlloc + wmemDelta,
      };
      // Added last, as the spread of a conditional literal put it (without the spread's copy).
      if (prevLen !== undefined) vars['prev->len'] = prevLen;
      trace.push({
        fn: allocFn,
        file: allocFile,
        why: msg(M.appendAlloc, {
          n: queue.length,
          size,
          how,
          mtu,
          fraglen,
          extra: allocExtra,
          max: SKB_MAX_ALLOC,
          alloclen,
          pagedlen,
          reserve: v6 ? cork.hhLen + 8 : cork.hhLen,
          put: fraglen - pagedlen,
          gap: fraggap > 0 ? 'yes' : 'no',
          fraggap,
          maxfraglen,
          first: wasFirst ? 'yes' : 'no',
          truesize: nskb.truesize,
        }),
        dir: 'down',
        snapshot: snap(queue, log, vars, prev ? [prev, nskb] : [nskb]),
      });
    } else summarised++;
    return null;
  };

  if (!skb) {
    const r = allocNew();
    if (r) return r;
  }
  while (length > 0) {
    const cur = skb as SkBuff;
    let copy = room() - cur.len;
    if (copy < length) copy = maxfraglen - cur.len;
    if (copy <= 0) {
      const r = allocNew();
      if (r) return r;
      continue;
    }
    if (copy > length) copy = length;
    if (!cork.sg) {
      if (rawv6Getfrag) getfragMisparity(offset, copy, sendStart, rawv6Getfrag.hlen, rawv6Getfrag.misparity);
      const put = skbPut(cur, copy, 'payload', { from: offset, to: offset + copy });
      if (!put.ok) return err('EINVAL', put.fn, SKBUFF_H, msg(M.skbText, { text: put.message }));
      if (!quiet)
        trace.push({
          fn,
          file,
          why: msg(M.appendCopyLinear, { copy, n: queue.length }),
          dir: 'down',
          snapshot: snap(queue, log, { copy, tailroom: cur.end - cur.tail }, [cur]),
        });
    } else {
      // sk_page_frag_refill: a fresh 32 KiB page when the current one is full.
      let fresh = false;
      if (mem.pfrag.used >= mem.pfrag.size) {
        mem.pfrag = { used: 0, size: SKB_FRAG_PAGE_SIZE, id: mem.pfrag.id + 1 };
        fresh = true;
      }
      const last = cur.frags[cur.frags.length - 1] as
        ((typeof cur.frags)[number] & { page?: number; pageEnd?: number }) | undefined;
      const coalesce = !fresh && last?.page === mem.pfrag.id && last?.pageEnd === mem.pfrag.used;
      copy = Math.min(copy, mem.pfrag.size - mem.pfrag.used);
      if (rawv6Getfrag) getfragMisparity(offset, copy, sendStart, rawv6Getfrag.hlen, rawv6Getfrag.misparity);
      if (!skbAppendPageFrag(cur, copy, { from: offset, to: offset + copy }, coalesce))
        return err('EMSGSIZE', fn, file, msg(M.appendMaxFrags, { n: queue.length }));
      const nl = cur.frags[cur.frags.length - 1] as (typeof cur.frags)[number] & {
        page?: number;
        pageEnd?: number;
      };
      mem.pfrag.used += copy;
      nl.page = mem.pfrag.id;
      nl.pageEnd = mem.pfrag.used;
      wmemDelta += copy;
      if (!quiet)
        trace.push({
          fn,
          file,
          why: msg(M.appendCopySg, {
            copy,
            n: queue.length,
            coalesce: coalesce ? 'yes' : 'no',
            k: cur.frags.length,
            len: cur.len,
            dataLen: cur.data_len,
          }),
          dir: 'down',
          snapshot: snap(
            queue,
            log,
            { copy, nr_frags: cur.frags.length, 'skb->len': cur.len, data_len: cur.data_len },
            [cur],
          ),
        });
    }
    offset += copy;
    length -= copy;
  }
  flushSummary();
  mem.wmemAlloc += wmemDelta;
  return { ok: true };
}
