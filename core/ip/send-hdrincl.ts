/**
 * IP_HDRINCL (net/ipv4/raw.c): raw_sendmsg hands the user's buffer, IPv4 header included, to
 * raw_send_hdrinc, which sends it as one packet — never fragmented, never corked.
 */
import { msg } from '../i18n/index.ts';
import { allocSkb, skbPut, skbReserve } from '../skb/skb.ts';
import { IP_OUTPUT_C } from './append.ts';
import { llOutput } from './fragment.ts';
import { M } from './send-messages.ts';
import { pushStep } from './step.ts';
import { RAW_C, countTransmits, sendFail, type SendContext } from './send-context.ts';
import type { CompiledOptions } from './options.ts';
import type { SkBuff } from '../skb/skb.ts';
import type { SendFail, WirePacket } from './types.ts';

/** An IP_HDRINCL packet on the wire: what hdrinclFinish (send-finish.ts) hands the receiver. */
export interface HdrinclWired {
  hdrincl: true;
  ctx: SendContext;
  skb: SkBuff;
  wire: WirePacket[];
  length: number;
}

/**
 * raw_send_hdrinc up to the wire (loopback_xmit's counters included): the packet, or the send's
 * failure. The loopback receive and the result are hdrinclFinish's (send-finish.ts).
 */
export function rawSendHdrinc(ctx: SendContext, opt: CompiledOptions | undefined): HdrinclWired | SendFail {
  const { trace, sendFn, sendFile, totalLen, devMtu, pathMtu, hhLen, protocol, input } = ctx;
  const length = totalLen + 20;
  if (length > 0xffff)
    return (
      pushStep(trace, sendFn, sendFile, msg(M.lenOver, { label: msg(M.label, { kind: 'none' }), len: length })),
      sendFail(
        ctx,
        'EMSGSIZE',
        sendFn,
        sendFile,
        msg(M.hdrinclTooLong, { len: length }),
      )
    );
  if (opt)
    return (
      pushStep(trace, sendFn, sendFile, msg(M.hdrinclOptionsStep)),
      sendFail(
        ctx,
        'EINVAL',
        sendFn,
        sendFile,
        msg(M.hdrinclOptions),
      )
    );
  if (length > devMtu) {
    pushStep(
      trace,
      'raw_send_hdrinc',
      RAW_C,
      msg(M.hdrinclOverMtuStep, { len: length, mtu: devMtu }),
    );
    return sendFail(
      ctx,
      'EMSGSIZE',
      'raw_send_hdrinc',
      RAW_C,
      msg(M.hdrinclOverMtu, { len: length, mtu: devMtu }),
    );
  }
  pushStep(
    trace,
    sendFn,
    sendFile,
    msg(M.hdrinclSend, { len: length }),
    {
      vars: { len: length },
    },
  );
  const skb = allocSkb(length + hhLen + 15, 'hdrincl');
  skbReserve(skb, hhLen);
  skb.network_header = skb.tail;
  skbPut(skb, 20, 'ip');
  skbPut(skb, totalLen, 'payload', { from: 20, to: length });
  pushStep(
    trace,
    'raw_send_hdrinc',
    RAW_C,
    msg(M.hdrinclCopy, { size: length + hhLen + 15, len: length }),
    { skbs: [skb], vars: { length } },
  );
  pushStep(
    trace,
    '__ip_local_out',
    IP_OUTPUT_C,
    msg(M.hdrinclLocalOut, { len: length, mtu: pathMtu }),
    { skbs: [skb], vars: { mtu: pathMtu } },
  );
  const wire: WirePacket[] = [
    {
      family: 'inet',
      index: 0,
      total_length: length,
      ihl: 20,
      id: 0x1234,
      df: input.df,
      mf: false,
      offset: 0,
      protocol,
      options: [],
      range: { from: 0, to: length },
    },
  ];
  llOutput([skb], false, trace, 1);
  // raw_send_hdrinc goes straight to NF_INET_LOCAL_OUT: no OutRequests, but the packet is transmitted.
  countTransmits(ctx, wire);
  return { hdrincl: true, ctx, skb, wire, length };
}
