/**
 * IP_HDRINCL (net/ipv4/raw.c): raw_sendmsg hands the user's buffer, IPv4 header included, to
 * raw_send_hdrinc, which sends it as one packet — never fragmented, never corked.
 */
import { allocSkb, skbPut, skbReserve } from '../skb/skb.ts';
import { IP_OUTPUT_C } from './append.ts';
import { llOutput } from './fragment.ts';
import { pushStep } from './step.ts';
import { loopbackReceive } from './receive.ts';
import { countTransmits } from './send-finish.ts';
import { RAW_C, withMib, sendFail, type SendContext } from './send-context.ts';
import type { CompiledOptions } from './options.ts';
import type { SendResult, WirePacket } from './types.ts';

export function rawSendHdrinc(ctx: SendContext, opt: CompiledOptions | undefined): SendResult {
  const { trace, sendFn, sendFile, totalLen, devMtu, pathMtu, hhLen, protocol, input } = ctx;
  const length = totalLen + 20;
  if (length > 0xffff)
    return (
      pushStep(trace, sendFn, sendFile, `len ${length} > 0xFFFF`),
      sendFail(
        ctx,
        'EMSGSIZE',
        sendFn,
        sendFile,
        `len ${length} is more than an IPv4 packet can carry (0xFFFF)`,
      )
    );
  if (opt)
    return (
      pushStep(trace, sendFn, sendFile, 'IP options with IP_HDRINCL'),
      sendFail(
        ctx,
        'EINVAL',
        sendFn,
        sendFile,
        'IP options together with IP_HDRINCL make no sense: Linux does not mangle a header the user wrote',
      )
    );
  if (length > devMtu) {
    pushStep(
      trace,
      'raw_send_hdrinc',
      RAW_C,
      `length ${length} > device MTU ${devMtu}: ip_local_error, EMSGSIZE (IP_HDRINCL packets are never fragmented)`,
    );
    return sendFail(
      ctx,
      'EMSGSIZE',
      'raw_send_hdrinc',
      RAW_C,
      `the ${length}-byte packet is larger than the device MTU ${devMtu}, and a header the user wrote is never fragmented`,
    );
  }
  pushStep(
    trace,
    sendFn,
    sendFile,
    `IP_HDRINCL socket: the ${length}-byte buffer already holds an IPv4 header`,
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
    `sock_alloc_send_skb(${length + hhLen + 15}), copy the user's bytes verbatim; the kernel only fills tot_len (${length}), a zero saddr, a zero id, and the checksum`,
    { skbs: [skb], vars: { length } },
  );
  pushStep(
    trace,
    '__ip_local_out',
    IP_OUTPUT_C,
    `LOCAL_OUT → dst_output → ip_output → ip_finish_output: ${length} ≤ MTU ${pathMtu}, no fragmentation`,
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
  const rx = loopbackReceive(
    {
      family: 'inet',
      out: [skb],
      wire,
      transport: { kind: 'raw', socketProtocol: 255 },
      protocol,
      payload: totalLen,
      sourceRouted: false,
      mib: ctx.rx,
    },
    trace,
  );
  return withMib(ctx, {
    ok: true as const,
    ...ctx.common,
    icmp: rx.icmp,
    sent: length,
    received_length: null,
    arrival: null,
    wire,
    fragPath: 'none',
    fragPathWhy: 'IP_HDRINCL packets go out as written',
    trace,
  });
}
