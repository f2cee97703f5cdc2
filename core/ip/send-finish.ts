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
  const { ctx, skb, wire, length } = w;
  const { trace, protocol, totalLen } = ctx;
  let icmp: IcmpReply[] = [];
  if (ctx.userHeader) {
    // A raw socket of protocol 255: each packet climbs on its own, and the receiver reads the
    // header the user wrote (receive.ts userHeaderRcv).
    const skbs = w.skbs ?? [skb];
    for (let i = 0; i < wire.length; i++) {
      const p = wire[i] as WirePacket;
      const user = p.userHeader as { lead: number[]; fill: number };
      const rx = loopbackReceive(
        {
          family: p.family,
          out: [skbs[i] as SkBuff],
          wire: [p],
          transport: { kind: 'raw', socketProtocol: 255 },
          protocol: p.family === 'inet' ? p.protocol : p.next_header,
          payload: p.total_length,
          sourceRouted: false,
          mib: ctx.rx,
          mtu: ctx.pathMtu,
          runs: [{ byte: user.fill, count: p.total_length }],
          userHeader: user.lead,
        },
        trace,
      );
      icmp = icmp.concat(rx.icmp);
    }
    if (w.fail) return sendFail(ctx, w.fail.errno, w.fail.fn, w.fail.file, w.fail.why, wire);
  } else {
    icmp = loopbackReceive(
      {
        family: 'inet',
        out: [skb],
        wire,
        transport: { kind: 'raw', socketProtocol: 255 },
        protocol,
        payload: totalLen,
        sourceRouted: false,
        mib: ctx.rx,
        mtu: ctx.pathMtu,
        // the recording tool writes 'x' after the header it builds
        runs: [{ byte: 0x78, count: totalLen }],
      },
      trace,
    ).icmp;
  }
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
