/**
 * The UDP / raw send itself: udp_sendmsg, udpv6_sendmsg, raw_sendmsg, rawv6_sendmsg, once per
 * sendto() — each appends its bytes to the cork's queue (ip_append_data / ip6_append_data); with
 * MSG_MORE the queue waits for the next send, and an error throws the whole pending datagram away.
 */
import { countDrop, countMib } from '../drops/tally.ts';
import { msg } from '../i18n/index.ts';
import type { SkBuff } from '../skb/index.ts';
import { IP6_OUTPUT_C, IP_OUTPUT_C, ipAppendData, newQueueLog } from './append.ts';
import type { CorkSetup } from './cork.ts';
import { pushStep } from './step.ts';
import { sendFail, type SendContext } from './send-context.ts';
import { M } from './send-messages.ts';
import { RM } from './raw-messages.ts';
import type { ByteRun } from './payload-runs.ts';
import { PMTU_WORD, type ByteRange, type SendFail } from './types.ts';

export interface Appended {
  queue: SkBuff[];
  /** What the sendto()s returned in total. */
  sent: number;
  /** Bytes raw6_getfrag summed at the wrong parity (append.ts getfragMisparity); empty for most sends. */
  misparity: ByteRange[];
}

const IPPROTO_ICMP = 1;
const IPPROTO_ICMPV6 = 58;
const IPPROTO_MH = 135;

/**
 * How many bytes raw_probe_proto_opt / rawv6_probe_proto_opt copy from each message before
 * routing it (0: none): an ICMP type and code, or a Mobility Header's first 4 bytes.
 */
function probeBytes(ctx: SendContext): number {
  if (ctx.udp || ctx.hdrincl) return 0;
  if (!ctx.v6) return ctx.protocol === IPPROTO_ICMP ? 2 : 0;
  return ctx.protocol === IPPROTO_ICMPV6 ? 2 : ctx.protocol === IPPROTO_MH ? 4 : 0;
}

/**
 * rawv6's checksum offset for its protocol (rawv6_init_sk: ICMPv6 2, MH 4), or -1 (none).
 * rawv6_push_pending_frames refuses a datagram that cannot hold the checksum at that offset.
 */
export function rawv6ChecksumOffset(ctx: SendContext): number {
  if (!ctx.v6 || ctx.udp || ctx.hdrincl) return -1;
  return ctx.protocol === IPPROTO_ICMPV6 ? 2 : ctx.protocol === IPPROTO_MH ? 4 : -1;
}

/**
 * Whether the checksum rawv6_push_pending_frames writes is wrong: it adds up each skb's csum,
 * and raw6_getfrag summed the `misparity` bytes as if at an even offset while they sit at an odd
 * one. Summing a block at the other parity byte-swaps its 16-bit one's-complement sum S, which
 * is S × 256 (mod 65,535), so each block is off by 255·S, and the total by 255·ΣS: zero
 * exactly when ΣS ≡ 0 (mod 257). A block is bytes of one send (one fill byte b): an even count
 * sums to a multiple of b·257 and costs nothing, an odd one does not.
 */
export function rawv6ChecksumSlips(misparity: readonly ByteRange[], runs: readonly ByteRun[]): boolean {
  let total = 0;
  for (const r of misparity) {
    // Each run of k bytes of b within the block, mod 257: a word b·257 ≡ 0, so only an odd k
    // counts: its lone byte is a high byte (b·256 ≡ −b) at an even offset in the block, a low
    // one (+b) at an odd offset.
    let start = 0;
    for (const run of runs) {
      const from = Math.max(r.from, start);
      const to = Math.min(r.to, start + run.count);
      start += run.count;
      if (to <= from) continue;
      if ((to - from) % 2) total += (from - r.from) % 2 ? run.byte : 257 - run.byte;
      if (start >= r.to) break;
    }
    total %= 257;
  }
  return total !== 0;
}

/**
 * The pending datagram thrown away: every queued skb freed as a drop by __ip_flush_pending_frames.
 * `when`: a later send failed (the socket's flush), __ip_make_skb's caller failed, or close() ends
 * a datagram that was never pushed; `earlier`: the sends that had returned success.
 */
export function flushQueue(
  ctx: SendContext,
  n: number,
  when: 'send' | 'make' | 'close' | 'push',
  earlier: number,
): void {
  const { v6, udp, trace } = ctx;
  const flush = v6 ? '__ip6_flush_pending_frames' : '__ip_flush_pending_frames';
  const pending = `${v6 ? 'ip6' : 'ip'}_flush_pending_frames`;
  const caller =
    when === 'send'
      ? `${udp ? (v6 ? 'udp_v6_flush_pending_frames → ' : 'udp_flush_pending_frames → ') : ''}${pending}`
      : when === 'close'
        ? `close() → ${udp ? (v6 ? 'udpv6_destroy_sock → udp_v6_flush_pending_frames' : 'udp_destroy_sock → udp_flush_pending_frames') : v6 ? 'rawv6_destroy' : 'raw_destroy'} → ${pending}`
        : when === 'push'
          ? `rawv6_push_pending_frames → ${pending}`
          : `${v6 ? 'ip6' : 'ip'}_make_skb`;
  countDrop(ctx.tx, 'NOT_SPECIFIED', flush, n);
  pushStep(
    trace,
    flush,
    v6 ? IP6_OUTPUT_C : IP_OUTPUT_C,
    msg(M.flush, { caller, flush, n, earlier }),
    undefined,
    undefined,
    [{ reason: 'NOT_SPECIFIED', function: flush, count: n }],
  );
}

/** Every send of the input, appended in order; the queue that __ip_make_skb will chain. */
export function ipSendmsgs(ctx: SendContext, { cork, mem }: CorkSetup): Appended | SendFail {
  const { input, trace, v6, udp, sends, sendFn, sendFile, usePmtu } = ctx;
  const fragsize = cork.fragsize;
  const queue: SkBuff[] = [];
  const log = newQueueLog();
  let sent = 0;
  let offset = 0;
  const hlen = v6 ? probeBytes(ctx) : 0;
  const misparity: ByteRange[] = [];
  const rawv6Getfrag = hlen ? { hlen, misparity } : undefined;

  for (let i = 0; i < sends.length; i++) {
    const len = sends[i] as number;
    const more = i < sends.length - 1;
    const label =
      sends.length > 1
        ? msg(M.label, { kind: 'seq', i: i + 1, n: sends.length, more: more ? 'yes' : 'no' })
        : input.iov
          ? msg(M.label, { kind: 'iov', count: input.iov.length, lens: input.iov.join(' + ') })
          : msg(M.label, { kind: 'none' });
    if (!v6 && len > 0xffff) {
      pushStep(trace, sendFn, sendFile, msg(M.lenOver, { label, len }));
      // refused before anything is appended: the earlier sends stay corked until close()
      if (queue.length) flushQueue(ctx, queue.length, 'close', i);
      return sendFail(ctx, 'EMSGSIZE', sendFn, sendFile, msg(M.lenOverWhy, { label, len }));
    }
    const need = probeBytes(ctx);
    if (len < need) {
      // raw_probe_proto_opt / rawv6_probe_proto_opt copy the first bytes to route the message;
      // earlier sends stay corked until close() flushes them (raw_destroy / rawv6_destroy).
      const fn = v6 ? 'rawv6_probe_proto_opt' : 'raw_probe_proto_opt';
      const what = v6 && ctx.protocol === IPPROTO_MH ? 'mh' : 'icmp';
      pushStep(trace, fn, sendFile, msg(RM.probeFaultStep, { fn, need, label, len }));
      if (queue.length) flushQueue(ctx, queue.length, 'close', i);
      return sendFail(ctx, 'EFAULT', fn, sendFile, msg(RM.probeFault, { fn, need, what, label, len }));
    }
    const first = queue.length === 0;
    const transhdrlen = udp && first ? 8 : 0;
    const length = len + transhdrlen;
    pushStep(
      trace,
      sendFn,
      sendFile,
      msg(M.append, {
        label,
        udp: udp ? 'yes' : 'no',
        len,
        corked: more || !first || !udp ? 'yes' : 'no',
        more: more ? 'yes' : 'no',
        appendFn: v6 ? 'ip6_append_data' : 'ip_append_data',
        makeFn: v6 ? 'ip6_make_skb' : 'ip_make_skb',
        first: first ? 'yes' : 'no',
        pmtu: usePmtu ? 'yes' : 'no',
        fragsize,
        mode: PMTU_WORD[input.pmtu],
      }),
      undefined,
      udp ? { len, ulen: length, fragsize } : { len, fragsize },
    );
    const r = ipAppendData({
      cork,
      queue,
      mem,
      length,
      transhdrlen,
      datagramOffset: offset,
      msgMore: more,
      trace,
      detailLimit: 4,
      log,
      rawv6Getfrag,
    });
    if (!r.ok) {
      // __ip_append_data's `error:` label counts OutDiscards; udp_sendmsg adds SndbufErrors for ENOBUFS.
      if (r.discard) countMib(ctx.tx, v6 ? 'Ip6' : 'Ip', 'OutDiscards');
      if (r.errno === 'ENOBUFS' && udp) countMib(ctx.tx, v6 ? 'Udp6' : 'Udp', 'SndbufErrors');
      if (queue.length) flushQueue(ctx, queue.length, sends.length > 1 && i > 0 ? 'send' : 'make', i);
      return sendFail(ctx, r.errno, r.fn, r.file, msg(M.failedSend, { label, why: r.why }));
    }
    offset += length;
    sent += len;
  }
  return { queue, sent, misparity };
}
