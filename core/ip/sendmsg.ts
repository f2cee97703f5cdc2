/**
 * The UDP / raw send itself: udp_sendmsg, udpv6_sendmsg, raw_sendmsg, rawv6_sendmsg, once per
 * sendto() — each appends its bytes to the cork's queue (ip_append_data / ip6_append_data); with
 * MSG_MORE the queue waits for the next send, and an error throws the whole pending datagram away.
 */
import { countDrop, countMib } from '../drops/tally.ts';
import type { SkBuff } from '../skb/index.ts';
import { IP6_OUTPUT_C, IP_OUTPUT_C, ipAppendData } from './append.ts';
import type { CorkSetup } from './cork.ts';
import { pushStep } from './step.ts';
import { sendFail, type SendContext } from './send-context.ts';
import type { SendFail } from './types.ts';

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
  let sent = 0;
  let offset = 0;

  for (let i = 0; i < sends.length; i++) {
    const len = sends[i] as number;
    const more = i < sends.length - 1;
    const label =
      sends.length > 1
        ? `send ${i + 1}/${sends.length}${more ? ' (MSG_MORE)' : ''}: `
        : input.iov
          ? `sendmsg with ${input.iov.length} iovecs (${input.iov.join(' + ')} bytes): `
          : '';
    if (!v6 && len > 0xffff) {
      pushStep(trace, sendFn, sendFile, `${label}len ${len} > 0xFFFF`);
      return sendFail(
        ctx,
        'EMSGSIZE',
        sendFn,
        sendFile,
        `${label}a single send of ${len} bytes is more than 0xFFFF`,
      );
    }
    const first = queue.length === 0;
    const transhdrlen = udp && first ? 8 : 0;
    const length = len + transhdrlen;
    pushStep(
      trace,
      sendFn,
      sendFile,
      `${label}${udp ? `ulen = ${len} + 8` : `${len} bytes, no transport header of its own`}; ${
        more || !first || !udp
          ? `${more ? 'MSG_MORE: ' : ''}corked: append to the socket's write queue (ip${v6 ? '6' : ''}_append_data)`
          : `not corked: build the datagram on a private queue (ip${v6 ? '6' : ''}_make_skb)`
      }${first ? `; cork fragsize = ${usePmtu ? 'path MTU' : 'device MTU'} ${fragsize} (pmtudisc ${input.pmtu.toUpperCase()})` : ''}`,
      { vars: { len, ...(udp ? { ulen: length } : {}), fragsize } },
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
          `${caller} → ${flush}: the error discards the whole pending datagram — its ${queue.length} queued skb${queue.length > 1 ? 's are' : ' is'} freed as drops (NOT_SPECIFIED)${i > 0 ? `; the ${i} earlier send${i > 1 ? 's' : ''} (which returned success) never reach the wire` : ''}`,
          { drops: [{ reason: 'NOT_SPECIFIED', function: flush, count: queue.length }] },
        );
      }
      return sendFail(ctx, r.errno, r.fn, r.file, `${label}${r.why}`);
    }
    offset += length;
    sent += len;
  }
  return { queue, sent };
}
