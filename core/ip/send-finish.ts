/**
 * The shared finish of every send that got its packets out: ip_finish_output2 /
 * ip6_finish_output2 hand them to loopback_xmit, and the loopback receiver takes them up again
 * (receive.ts). One function for both families; only the bits that differ are parameters.
 */
import { llOutput, type FragmentResult } from './fragment.ts';
import { timestampBytes, type CompiledOptions } from './options.ts';
import { loopbackReceive } from './receive.ts';
import { receiverIcmp, type SendContext } from './send-context.ts';
import type { SendOk, WirePacket } from './types.ts';

export function sendFinish(
  ctx: SendContext,
  frag: FragmentResult,
  sent: number,
  opt: CompiledOptions | undefined,
): SendOk {
  const { v6, udp, protocol, trace } = ctx;
  llOutput(frag.out, v6, trace, frag.wire.length);
  const free = opt ? timestampBytes(opt) : [];
  if (free.length && frag.wire[0] && frag.wire[0].family === 'inet')
    (frag.wire[0] as WirePacket & { optionsTimeBytes?: number[] }).optionsTimeBytes = free;
  const rx = loopbackReceive(
    {
      family: ctx.input.family,
      out: frag.out,
      wire: frag.wire,
      udp,
      protocol,
      payload: sent,
      sourceRouted: !v6 && opt?.srr !== undefined,
    },
    trace,
  );
  // IPv6 raw receivers answer nothing here (the model's ICMP replies are IPv4's protocol unreachable).
  const icmp = v6 || udp || !rx.delivered ? [] : receiverIcmp(protocol, protocol, false);
  return {
    ok: true,
    ...ctx.common,
    icmp,
    sent,
    received_length: rx.received,
    wire: frag.wire,
    fragPath: frag.path,
    fragPathWhy: frag.why,
    trace,
  };
}
