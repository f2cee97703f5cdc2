/**
 * net/ipv4/inet_fragment.c, shared by IPv4 and IPv6: the rbtree of "runs" and its insert
 * (duplicates vs. overlaps), finding or creating a queue (inet_frag_find, with the memory
 * threshold), killing it, the common tail of ip_frag_queue / ip6_frag_queue, and reassembly
 * (inet_frag_reasm_prepare / _finish as ip_frag_reasm / ip6_frag_reasm drive them).
 */
import { skbTryCoalesce } from '../skb/coalesce.ts';
import { skbPull, skbPush, skbSnapshot, skbTrim, type SkBuff } from '../skb/skb.ts';
import {
  FRAG_QUEUE_SIZE,
  INET_FRAGMENT_C,
  IPV6_MAXPLEN,
  IP_FRAGMENT_C,
  REASSEMBLY_C,
  type ArrivalVerdict,
  type DefragArrival,
  type DefragNet,
  type FragPiece,
  type InetFragQueue,
  type InsertResult,
  type QueueEnd,
  type Run,
} from './defrag-types.ts';
import { countMib } from '../drops/tally.ts';
import { defragWork, dirty, dropHere, keyOf, queueState, stampRunInsert, step } from './frag-net.ts';
import { deliver, ipSection } from './defrag-rx.ts';
import { msg, type Msg } from '../i18n/index.ts';
import { DM } from './defrag-messages.ts';

/**
 * inet_frag_queue_insert(q, skb, offset, end): the tail fast path (append to the last run,
 * start a new run, or OVERLAP when it reaches back under the tail), else a search of the
 * runs: inside one run = IPFRAG_DUP, touching any run otherwise = IPFRAG_OVERLAP, no
 * contact = a new node (its own run). Mutates `runs` on success.
 */
export function inetFragQueueInsert(
  runs: { start: number; end: number; frags: FragPiece[] }[],
  tail: { offset: number; end: number } | null,
  piece: FragPiece,
): { result: InsertResult; tail: { offset: number; end: number } | null; how: Msg } {
  const { offset, end } = piece;
  if (!tail) {
    const node: Run = { start: offset, end, frags: [piece] };
    runs.push(node);
    stampRunInsert(node);
    return {
      result: 'ok',
      tail: { offset, end },
      how: msg(DM.insFirst),
    };
  }
  if (tail.end < end) {
    if (offset < tail.end)
      return {
        result: 'overlap',
        tail,
        how: msg(DM.insPassesTail, { tailEnd: tail.end, offset, tailOffset: tail.offset }),
      };
    const last = runs[runs.length - 1] as Run;
    if (offset === tail.end) {
      last.end = end;
      last.frags.push(piece);
      stampRunInsert(last);
      return {
        result: 'ok',
        tail: { offset, end },
        how: msg(DM.insAppend, { start: last.start, end }),
      };
    }
    const node: Run = { start: offset, end, frags: [piece] };
    runs.push(node);
    stampRunInsert(node);
    return {
      result: 'ok',
      tail: { offset, end },
      how: msg(DM.insGap, { tailEnd: tail.end }),
    };
  }
  // Binary search of the rbtree; runs are disjoint, so the first run touching [offset, end) decides.
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const r = runs[mid] as Run;
    defragWork.searched += 1;
    if (end <= r.start) hi = mid;
    else if (offset >= r.end) lo = mid + 1;
    else if (offset >= r.start && end <= r.end)
      return { result: 'dup', tail, how: msg(DM.insInside, { offset, end, start: r.start, runEnd: r.end }) };
    else
      return {
        result: 'overlap',
        tail,
        how: msg(DM.insOverlaps, { offset, end, start: r.start, runEnd: r.end }),
      };
  }
  const node: Run = { start: offset, end, frags: [piece] };
  runs.splice(lo, 0, node);
  stampRunInsert(node);
  return { result: 'ok', tail, how: msg(DM.insNewNode) };
}

/**
 * Why a queue's timer ends it (ip_expire, ip6_frag_expire): what it held when the timer fired and
 * what follows — `tail` is the ICMP the expire handler may send, or why it sends none.
 */
export function expiredWhy(
  net: DefragNet,
  q: InetFragQueue,
  tail: 'none' | 'icmp4' | 'icmp6' | 'martian',
): Msg {
  return msg(DM.expired, {
    serial: q.serial,
    id: q.id,
    seconds: net.sysctl.timeout / 1000,
    meat: q.meat,
    known: q.flags.LAST_IN ? 'yes' : 'no',
    len: q.len,
    tail,
    n: q.skbs.size,
  });
}

/** inet_frag_kill + inet_frag_destroy: out of the hash table, its skbs and qsize given back. */
export function inetFragKill(
  net: DefragNet,
  q: InetFragQueue,
  state: QueueEnd,
  fn: string,
  file: string,
  why: Msg,
): void {
  q.flags.COMPLETE = true;
  net.table.delete(q.key);
  net.mem -= q.truesize + FRAG_QUEUE_SIZE[q.family];
  q.outcome = {
    serial: q.serial,
    id: q.id,
    state,
    createdAt: q.createdAt,
    endedAt: net.now,
    fn,
    file,
    why,
    icmp: null,
    last: queueState(q),
  };
  dirty(net, q);
}

/** inet_frag_find: refuse when over high_thresh, else look the key up or create the queue (timer armed once). */
export function inetFragFind(net: DefragNet, id: number): { q: InetFragQueue; created: boolean } | null {
  if (!net.sysctl.high_thresh || net.mem > net.sysctl.high_thresh) return null;
  const key = keyOf(net.family, id);
  const found = net.table.get(key);
  if (found) return { q: found, created: false };
  const q: InetFragQueue = {
    serial: net.all.length + 1,
    family: net.family,
    id,
    key,
    len: 0,
    meat: 0,
    flags: { FIRST_IN: false, LAST_IN: false, COMPLETE: false },
    runs: [],
    tail: null,
    truesize: 0,
    skbs: new Map(),
    createdAt: net.now,
    expiresAt: net.now + net.sysctl.timeout,
    rid: 0,
    outcome: null,
  };
  net.mem += FRAG_QUEUE_SIZE[net.family];
  net.table.set(key, q);
  net.all.push(q);
  return { q, created: true };
}

/**
 * ip_frag_reasm / ip6_frag_reasm: the queue is killed first; inet_frag_reasm_prepare makes the
 * offset-0 fragment the head, inet_frag_reasm_finish coalesces or chains the others.
 */
export function fragReasm(net: DefragNet, q: InetFragQueue, a: DefragArrival): void {
  const v6 = net.family === 'inet6';
  const fn = v6 ? 'ip6_frag_reasm' : 'ip_frag_reasm';
  const file = v6 ? REASSEMBLY_C : IP_FRAGMENT_C;
  // Plain loops: flatMap was a tenth of a 3-fragment reassembly.
  const pieces: (typeof q.runs)[number]['frags'] = [];
  for (const r of q.runs) for (const p of r.frags) pieces.push(p);
  const skbs = new Array<SkBuff>(pieces.length);
  for (let i = 0; i < pieces.length; i++) skbs[i] = q.skbs.get((pieces[i] as (typeof pieces)[number]).arrival) as SkBuff;
  const total = v6 ? q.len : net.ihl + q.len;
  if ((!v6 && total > 65535) || (v6 && total > IPV6_MAXPLEN)) {
    // out_oversize → out_fail: ReasmFails. The fragments go with the queue, freed as consumed.
    a.verdict = 'too-big';
    a.errno = v6 ? 'EINVAL' : 'E2BIG';
    a.fn = fn;
    a.file = file;
    a.why = v6 ? msg(DM.tooBig6, { total }) : msg(DM.tooBig4, { ihl: net.ihl, len: q.len, total });
    countMib(net.mib, ipSection(net), 'ReasmFails');
    inetFragKill(net, q, 'dropped', fn, file, a.why);
    step(net, fn, file, a.why, a.index);
    return;
  }
  // inet_frag_reasm_prepare: the skb just received is morphed into the offset-0 fragment.
  const head = skbs[0] as SkBuff;
  const hl = v6 ? 40 : net.ihl;
  // skb_push back over the network header (IPv6: moved 8 bytes up over the fragment header)
  skbPush(head, hl, v6 ? 'ip6' : 'ip');
  const fin = inetFragReasmFinish(head, skbs.slice(1));
  head.label = 'reassembled';
  countMib(net.mib, ipSection(net), 'ReasmOKs');
  a.verdict = 'completed';
  a.errno = null;
  a.fn = fn;
  a.file = file;
  a.why = msg(DM.completed, {
    len: q.len,
    n: pieces.length,
    how: fin.how,
    v6: v6 ? 'yes' : 'no',
    field: v6 ? 'payload_len' : 'tot_len',
    total,
    truesize: head.truesize,
  });
  inetFragKill(net, q, 'reassembled', fn, file, a.why);
  step(net, fn, file, a.why, a.index, [skbSnapshot(head)]);
  skbPull(head, hl);
  deliver(net, a, q, q.len, pieces, head, fin.chained);
}

/** Common tail of ip_frag_queue / ip6_frag_queue from the last-fragment checks on. */
export function fragQueueTail(
  net: DefragNet,
  q: InetFragQueue,
  a: DefragArrival,
  skb: SkBuff,
  fn: string,
  file: string,
): void {
  const offset = a.offset;
  let end = a.offset + a.length;
  const v6 = net.family === 'inet6';
  // ip_frag_queue / ip6_frag_queue are inlined: their kfree_skb shows as the caller.
  const dropFn = v6 ? 'ipv6_frag_rcv' : 'ip_defrag';
  const discard = (verdict: ArrivalVerdict, why: Msg): void => {
    a.verdict = verdict;
    a.errno = v6 ? null : 'EINVAL';
    a.fn = fn;
    a.file = file;
    a.why = msg(DM.discard, { why });
    countMib(net.mib, ipSection(net), 'ReasmFails');
    inetFragKill(net, q, 'dropped', fn, file, a.why);
    step(net, fn, file, a.why, a.index, [], dropHere(net, 'NOT_SPECIFIED', dropFn));
  };
  if (!a.mf) {
    if (end < q.len || (q.flags.LAST_IN && end !== q.len)) {
      discard(
        'bad-last',
        msg(end < q.len ? DM.badLastShort : DM.badLastSecond, { end, len: q.len }),
      );
      return;
    }
    q.flags.LAST_IN = true;
    q.len = end;
  } else {
    if (end & 7) {
      // IPv6 never gets here: ip6_frag_queue answered Parameter Problem already.
      end &= ~7;
      a.trimmedEnd = end;
    }
    if (end > q.len) {
      if (q.flags.LAST_IN) {
        discard(
          'beyond-last',
          msg(DM.beyondLast, { end, len: q.len }),
        );
        return;
      }
      q.len = end;
    }
  }
  dirty(net, q);
  if (end === offset) {
    discard(
      'empty',
      a.trimmedEnd !== undefined ? msg(DM.emptyTrimmed, { offset, end }) : msg(DM.empty, { offset }),
    );
    return;
  }
  // pskb_pull(ihl) + pskb_trim_rcsum(end - offset)
  skbPull(skb, v6 ? 48 : net.ihl);
  if (skb.len > end - offset) skbTrim(skb, end - offset);
  const piece: FragPiece = { offset, end, fill: a.fill, arrival: a.index };
  const ins = inetFragQueueInsert(q.runs, q.tail, piece);
  if (ins.result === 'dup') {
    a.verdict = 'duplicate';
    a.errno = 'EINVAL';
    a.fn = 'inet_frag_queue_insert';
    a.file = INET_FRAGMENT_C;
    a.why = msg(DM.dup, { how: ins.how });
    step(net, a.fn, a.file, a.why, a.index, [], dropHere(net, 'DUP_FRAG', dropFn));
    return;
  }
  if (ins.result === 'overlap') {
    a.verdict = 'overlap';
    a.errno = 'EINVAL';
    a.fn = 'inet_frag_queue_insert';
    a.file = INET_FRAGMENT_C;
    a.why = msg(DM.overlap, { how: ins.how, v6: v6 ? 'yes' : 'no' });
    countMib(net.mib, ipSection(net), 'ReasmFails');
    if (!v6) countMib(net.mib, 'IpExt', 'ReasmOverlaps');
    inetFragKill(net, q, 'dropped', a.fn, a.file, a.why);
    step(net, a.fn, a.file, a.why, a.index, [], dropHere(net, 'NOT_SPECIFIED', dropFn));
    return;
  }
  q.tail = ins.tail;
  q.meat += end - offset;
  q.truesize += skb.truesize;
  q.skbs.set(a.index, skb);
  net.mem += skb.truesize;
  if (offset === 0) q.flags.FIRST_IN = true;
  dirty(net, q);
  if (q.flags.FIRST_IN && q.flags.LAST_IN && q.meat === q.len) {
    step(
      net,
      'inet_frag_queue_insert',
      INET_FRAGMENT_C,
      msg(DM.inserted, { offset, end, how: ins.how, meat: q.meat, len: q.len }),
      a.index,
      [skbSnapshot(skb)],
    );
    fragReasm(net, q, a);
    return;
  }
  a.verdict = 'queued';
  a.errno = 'EINPROGRESS';
  a.fn = 'inet_frag_queue_insert';
  a.file = INET_FRAGMENT_C;
  const which = `${q.flags.FIRST_IN ? '' : 'f'}${q.flags.LAST_IN ? '' : 'l'}${q.meat < q.len ? 'b' : ''}`;
  a.why = msg(DM.queued, {
    trimmed: a.trimmedEnd !== undefined ? 'yes' : 'no',
    offset,
    end,
    how: ins.how,
    missing: msg(DM.missing, { which: which || 'none', bytes: q.len - q.meat }),
  });
  step(net, a.fn, a.file, a.why, a.index, [skbSnapshot(skb)]);
}

export function lookup(net: DefragNet, a: DefragArrival, fn: string): InetFragQueue | null {
  const found = inetFragFind(net, a.id);
  if (!found) {
    a.verdict = 'no-memory';
    a.errno = 'ENOMEM';
    a.fn = 'inet_frag_find';
    a.file = INET_FRAGMENT_C;
    a.why = msg(DM.noMemory, { mem: net.mem, high: net.sysctl.high_thresh });
    countMib(net.mib, ipSection(net), 'ReasmFails');
    step(
      net,
      a.fn,
      a.file,
      a.why,
      a.index,
      [],
      dropHere(net, 'NOT_SPECIFIED', net.family === 'inet6' ? 'ipv6_frag_rcv' : 'ip_defrag'),
    );
    return null;
  }
  a.queue = found.q.serial;
  a.created = found.created;
  if (found.created)
    step(
      net,
      'inet_frag_find',
      INET_FRAGMENT_C,
      msg(DM.created, {
        fn,
        key: found.q.key,
        serial: found.q.serial,
        seconds: net.sysctl.timeout / 1000,
        expires: found.q.expiresAt,
      }),
      a.index,
    );
  return found.q;
}

export interface ReasmFinish {
  /** skbs left on the head's frag_list (each freed at skb_release_data if the datagram is dropped). */
  chained: number;
  /** Fragments merged into the head by skb_try_coalesce (freed as consumed right away). */
  coalesced: number;
  /** What happened, for the trace. */
  how: Msg;
}

/**
 * inet_frag_reasm_finish: walk the fragments after the head in offset order; each one the head
 * can swallow (skb_try_coalesce: into its tailroom while it is linear, or its page fragments
 * when it has no linear data) is merged and freed, every other one is chained on the head's
 * frag_list and adds its truesize. So the datagram's truesize is the head's plus the chained
 * fragments' plus what stolen page fragments cost — not simply the sum of all fragments.
 */
export function inetFragReasmFinish(head: SkBuff, rest: readonly SkBuff[]): ReasmFinish {
  head.frag_list = [];
  let copied = 0;
  let stolen = 0;
  for (const fp of rest) {
    const c = skbTryCoalesce(head, fp);
    if (c.ok) {
      if (c.how === 'tailroom') copied++;
      else stolen++;
      continue;
    }
    head.frag_list.push(fp);
    head.len += fp.len;
    head.data_len += fp.len;
    head.truesize += fp.truesize;
  }
  const chained = head.frag_list.length;
  const how =
    copied || stolen || chained
      ? msg(DM.finishHow, {
          copied,
          stolen,
          chained,
          sep1: copied && (stolen || chained) ? 'yes' : 'no',
          sep2: stolen && chained ? 'yes' : 'no',
        })
      : msg(DM.finishNothing);
  return { chained, coalesced: copied + stolen, how };
}
