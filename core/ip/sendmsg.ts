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
import { PMTU_WORD, type SendFail } from './types.ts';

export interface Appended {
  queue: SkBuff[];
  /** What the sendto()s returned in total. */
  sent: number;
}

/** Every send of the input, appended in order; the queue that __ip_make_skb will chain. */
export function ipSendmsgs(ctx: SendContext, { cork, mem }: CorkSetup): Appended | SendFail {
  const { input, trace, v6, udp, sends, sendFn, sendFile, usePmtu } = ctx;
  const fragsize = cork.fragsize;
  const queue: SkBuff[] = [];
  const log = newQueueLog();
  let sent = 0;
  let offset = 0;

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
      return sendFail(ctx, 'EMSGSIZE', sendFn, sendFile, msg(M.lenOverWhy, { label, len }));
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
      { vars: udp ? { len, ulen: length, fragsize } : { len, fragsize } },
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
    });
    if (!r.ok) {
      // __ip_append_data's `error:` label counts OutDiscards; udp_sendmsg adds SndbufErrors for ENOBUFS.
      if (r.discard) countMib(ctx.tx, v6 ? 'Ip6' : 'Ip', 'OutDiscards');
      if (r.errno === 'ENOBUFS' && udp) countMib(ctx.tx, v6 ? 'Udp6' : 'Udp', 'SndbufErrors');
      if (queue.length) {
        // Every skb already queued for this datagram is freed as a drop by the flush.
        const flush = v6 ? '__ip6_flush_pending_frames' : '__ip_flush_pending_frames';
        const caller =
          sends.length > 1 && i > 0
            ? `${udp ? (v6 ? 'udp_v6_flush_pending_frames → ' : 'udp_flush_pending_frames → ') : ''}${v6 ? 'ip6' : 'ip'}_flush_pending_frames`
            : `${v6 ? 'ip6' : 'ip'}_make_skb`;
        countDrop(ctx.tx, 'NOT_SPECIFIED', flush, queue.length);
        pushStep(
          trace,
          flush,
          v6 ? IP6_OUTPUT_C : IP_OUTPUT_C,
          msg(M.flush, { caller, flush, n: queue.length, earlier: i }),
          { drops: [{ reason: 'NOT_SPECIFIED', function: flush, count: queue.length }] },
        );
      }
      return sendFail(ctx, r.errno, r.fn, r.file, msg(M.failedSend, { label, why: r.why }));
    }
    offset += length;
    sent += len;
  }
  return { queue, sent };
}
