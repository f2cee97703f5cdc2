/**
 * The shared finish of every send that got its packets out: ip_finish_output2 /
 * ip6_finish_output2 hand them to loopback_xmit (OutTransmits and OutOctets per packet, UDP
 * OutDatagrams once ip_send_skb succeeded), and the loopback receiver takes them up again
 * (receive.ts). sendFinish for both families (only the bits that differ are parameters);
 * hdrinclFinish for raw_send_hdrinc's one packet. What they count on the way out, countTransmits,
 * is send-context.ts's: raw_send_hdrinc counts it before the wire (send-hdrincl.ts).
 */
import { countMibId } from '../drops/tally.ts';
import { msg } from '../i18n/index.ts';
import { llOutput, type FragmentResult } from './fragment.ts';
import { timestampBytes, type CompiledOptions } from './options.ts';
import { loopbackReceive } from './receive.ts';
import { NO_RUNS, payloadRuns } from './payload-runs.ts';
import { countTransmits, mibOf, sendFail, withMib, xmitCounters, type SendContext } from './send-context.ts';
import { M } from './send-messages.ts';
import type { HdrinclWired } from './send-hdrincl.ts';
import type { IcmpReply, SendOk, SendResult, WirePacket } from './types.ts';
import type { SkBuff } from '../skb/skb.ts';

export function sendFinish(
  ctx: SendContext,
  frag: FragmentResult,
  sent: number,
  opt: CompiledOptions | undefined,
): SendOk {
  const { v6, udp, protocol, trace } = ctx;
  llOutput(frag.out, v6, trace, frag.wire.length);
  countTransmits(ctx, frag.wire);
  if (udp) countMibId(ctx.tx, xmitCounters(ctx).outDatagrams);
  const free = opt ? timestampBytes(opt) : [];
  if (free.length && frag.wire[0] && frag.wire[0].family === 'inet')
    (frag.wire[0] as WirePacket & { optionsTimeBytes?: number[] }).optionsTimeBytes = free;
  const rx = loopbackReceive(
    {
      family: ctx.input.family,
      out: frag.out,
      wire: frag.wire,
      transport: udp ? { kind: 'udp', socket: ctx.socket } : { kind: 'raw', socketProtocol: protocol },
      protocol,
      payload: sent,
      sourceRouted: !v6 && opt?.srr !== undefined,
      mib: ctx.rx,
      mtu: ctx.pathMtu,
      // only a raw socket's handlers read the payload's bytes
      runs: udp ? NO_RUNS : payloadRuns(ctx.input),
      csumBad: ctx.rawCsumBad,
    },
    trace,
  );
  // withMib's result, written out: ctx.common's keys in their order (icmp in its place, the
  // receiver's), then the counters (no spread, no Object.assign: a small send's fixed cost).
  const c = ctx.common;
  const mib = mibOf(ctx);
  const r: SendOk = {
    ok: true as const,
    input: c.input,
    datagramLength: c.datagramLength,
    headerLength: c.headerLength,
    icmp: rx.icmp,
    numbers: c.numbers,
    sent,
    received_length: rx.received,
    arrival: rx.arrival,
    wire: frag.wire,
    fragPath: frag.path,
    fragPathWhy: frag.why,
    trace,
    drop_reasons: mib.drop_reasons,
    snmp_delta: mib.snmp_delta,
  };
  if (mib.sides) r.sides = mib.sides;
  return r;
}

/** raw_send_hdrinc's packet (send-hdrincl.ts) taken up again by the loopback receiver, and the send's result. */
export function hdrinclFinish(w: HdrinclWired): SendResult {
  if (w.ctx.v6) return hdrincl6Finish(w);
  const { ctx, skb, wire, length } = w;
  const { trace, protocol, totalLen } = ctx;
  const p = wire[0];
  const user = p && p.family === 'inet' ? p.userHeader : undefined;
  // A header the user wrote: ip_rcv_core reads its version and ihl before anything else.
  const first = user ? (user.lead[0] as number) : 0x45;
  const badHeader =
    first >> 4 !== 4 || (first & 15) < 5 ? { version: first >> 4, ihl: first & 15 } : undefined;
  const rx = loopbackReceive(
    {
      family: 'inet',
      out: [skb],
      wire,
      transport: { kind: 'raw', socketProtocol: 255 },
      protocol: p && p.family === 'inet' ? p.protocol : protocol,
      payload: user ? Math.max(0, length - (p as { ihl: number }).ihl) : totalLen,
      sourceRouted: false,
      mib: ctx.rx,
      mtu: ctx.pathMtu,
      // the recording tool writes 'x' after the header it builds; a user's header is its fill
      runs: user ? [{ byte: user.fill, count: length }] : [{ byte: 0x78, count: totalLen }],
      ...(badHeader ? { badHeader } : {}),
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
    fragPathWhy: msg(M.hdrinclAsWritten),
    trace,
  });
}

/**
 * rawv6_send_hdrinc's packets (send-hdrincl.ts rawv6SendUserHeader), each taken up by the
 * loopback receiver on its own (ip6_rcv_core reads each header the user wrote), and the result:
 * the total sent, or the failure the list of sendto()s ended with.
 */
function hdrincl6Finish(w: HdrinclWired): SendResult {
  const { ctx, wire, length } = w;
  const { trace } = ctx;
  const skbs = w.skbs ?? [w.skb];
  const icmp: IcmpReply[] = [];
  for (let i = 0; i < wire.length; i++) {
    const p = wire[i] as WirePacket;
    const user = p.userHeader;
    const fill = user ? user.fill : 0;
    const rx = loopbackReceive(
      {
        family: 'inet6',
        out: [skbs[i] as SkBuff],
        wire: [p],
        transport: { kind: 'raw', socketProtocol: 255 },
        protocol: p.family === 'inet6' ? p.next_header : 255,
        payload: p.total_length,
        sourceRouted: false,
        mib: ctx.rx,
        mtu: ctx.pathMtu,
        runs: [{ byte: fill, count: p.total_length }],
        ...(user ? { userHeader6: user.lead } : {}),
      },
      trace,
    );
    icmp.push(...rx.icmp);
  }
  if (w.fail) return sendFail(ctx, w.fail.errno, w.fail.fn, w.fail.file, w.fail.why, wire);
  return withMib(ctx, {
    ok: true as const,
    ...ctx.common,
    icmp,
    sent: length,
    received_length: null,
    arrival: null,
    wire,
    fragPath: 'none',
    fragPathWhy: msg(M.hdrinclAsWritten),
    trace,
  });
}
