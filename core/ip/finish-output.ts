/**
 * From the chained datagram to the packets that leave: the IPv4 tail (__ip_make_skb's header,
 * udp_send_skb, __ip_local_out, __ip_finish_output → ip_fragment → ip_do_fragment) and the
 * IPv6 tail (__ip6_make_skb, udp_v6_send_skb, __ip6_finish_output → ip6_fragment). Each returns
 * the packets (one, or the fragments) or the send's failure.
 */
import { countDrop, countMib } from '../drops/tally.ts';
import { skbLabel, type SkBuff } from '../skb/skb.ts';
import { IP6_OUTPUT_C, IP_OUTPUT_C } from './append.ts';
import { ip6Fragment, ipDoFragment, type FragmentResult } from './fragment.ts';
import { icmpError } from './icmp.ts';
import { ipOptionsBuild, type CompiledOptions } from './options.ts';
import { pushStep } from './step.ts';
import {
  LOOPBACK,
  UDP6_C,
  UDP_C,
  ipDontFragment,
  pseudoRandom,
  sendFail,
  type SendContext,
} from './send-context.ts';
import type { SendFail } from './types.ts';

/** The IPv4 tail: header, DF and id, then fragment or not (ip_finish_output). */
export function ipFinishOutput(
  ctx: SendContext,
  head: SkBuff,
  queueLength: number,
  fragsize: number,
  opt: CompiledOptions | undefined,
): FragmentResult | SendFail {
  const { input, trace, udp, ignoreDf, usePmtu, headerLength, datagramLength, protocol, devMtu } = ctx;
  const dstMtu = ctx.pathMtu;
  const df =
    input.pmtu === 'do' || input.pmtu === 'probe' || (head.len <= dstMtu && ipDontFragment(input.pmtu));
  const id = df && !ignoreDf ? 0 : pseudoRandom(input, 16);
  const optBytes = opt
    ? ipOptionsBuild(opt, { saddr: LOOPBACK.saddr4, daddr: LOOPBACK.daddr4, nowMs: LOOPBACK.nowMs })
    : [];
  pushStep(
    trace,
    '__ip_make_skb',
    IP_OUTPUT_C,
    `IPv4 header: ihl ${headerLength / 4}, protocol ${protocol}, DF ${df ? 'set' : 'clear'} (${
      input.pmtu === 'do' || input.pmtu === 'probe'
        ? `pmtudisc ${input.pmtu.toUpperCase()} always sets it`
        : head.len <= dstMtu
          ? ipDontFragment(input.pmtu)
            ? `the ${head.len}-byte datagram fits the path MTU and pmtudisc WANT/DO`
            : `pmtudisc ${input.pmtu.toUpperCase()} never sets it`
          : `the ${head.len}-byte datagram is larger than the path MTU ${dstMtu}: sent without DF and fragmented here`
    }), id ${df && !ignoreDf ? '0 (DF and no local fragmentation allowed: ip_select_ident)' : 'from the hashed per-destination counter (__ip_select_ident)'}${opt ? `; options written by ip_options_build` : ''}; skb->ignore_df = ${ignoreDf}`,
    { skbs: [head], vars: { df, ignore_df: ignoreDf, id, ihl: headerLength / 4 } },
  );
  if (udp)
    pushStep(
      trace,
      'udp_send_skb',
      UDP_C,
      `UDP header: len ${datagramLength}, checksum ${queueLength === 1 && datagramLength + headerLength <= fragsize && ctx.sends.length === 1 ? 'left to the device (CHECKSUM_PARTIAL)' : 'computed in software over all the pieces'}; then ip_send_skb`,
      { skbs: [head], vars: { 'uh->len': datagramLength } },
    );
  pushStep(
    trace,
    '__ip_local_out',
    IP_OUTPUT_C,
    `tot_len = skb->len = ${head.len}${head.len > 0xffff ? ' (too big for the 16-bit field: written as 0)' : ''}, header checksum; NF_INET_LOCAL_OUT → dst_output → ip_output (POST_ROUTING)`,
    { skbs: [head], vars: { tot_len: head.len } },
  );
  countMib(ctx.tx, 'Ip', 'OutRequests');
  const mtu = usePmtu ? dstMtu : Math.min(devMtu, 0xffff);
  if (head.len <= mtu) {
    pushStep(
      trace,
      '__ip_finish_output',
      IP_OUTPUT_C,
      `skb->len ${head.len} ≤ mtu ${mtu} (ip_skb_dst_mtu): no fragmentation, straight to ip_finish_output2`,
      { skbs: [head], vars: { mtu, 'skb->len': head.len } },
    );
    skbLabel(head, 'ip', head.data, head.data + 20);
    return {
      wire: [
        {
          family: 'inet',
          index: 0,
          total_length: head.len,
          ihl: headerLength,
          id,
          df,
          mf: false,
          offset: 0,
          protocol,
          options: optBytes,
          range: { from: 0, to: datagramLength },
        },
      ],
      out: [head],
      path: 'none',
      why: `the datagram fits the MTU (${head.len} ≤ ${mtu})`,
    };
  }
  pushStep(
    trace,
    '__ip_finish_output',
    IP_OUTPUT_C,
    `skb->len ${head.len} > mtu ${mtu} (ip_skb_dst_mtu): ip_fragment`,
    { skbs: [head], vars: { mtu, 'skb->len': head.len } },
  );
  if (df && !ignoreDf) {
    // ip_fragment: FragFails, ICMP "fragmentation needed" (which loopback brings straight back),
    // the skb freed as a drop; ip_send_skb then counts OutDiscards for the error.
    countMib(ctx.tx, 'Ip', 'FragFails');
    countDrop(ctx.tx, 'NOT_SPECIFIED', 'ip_fragment');
    icmpError(ctx.tx, { family: 'inet', type: 3, code: 4, quoted: head.len, received: true });
    countMib(ctx.tx, 'Ip', 'OutDiscards');
    pushStep(
      trace,
      'ip_fragment',
      IP_OUTPUT_C,
      `DF is set and the socket does not allow local fragmentation: FragFails, icmp_send(ICMP_DEST_UNREACH, ICMP_FRAG_NEEDED, mtu ${mtu}), the skb is freed as a drop, EMSGSIZE (ip_send_skb counts OutDiscards)`,
      { drops: [{ reason: 'NOT_SPECIFIED', function: 'ip_fragment', count: 1 }] },
    );
    ctx.common.icmp.push({ type: 3, code: 4, why: `fragmentation needed, next-hop MTU ${mtu}` });
    return sendFail(
      ctx,
      'EMSGSIZE',
      'ip_fragment',
      IP_OUTPUT_C,
      `the datagram (${head.len} bytes) has DF set and is larger than the MTU ${mtu}`,
    );
  }
  pushStep(
    trace,
    'ip_fragment',
    IP_OUTPUT_C,
    df
      ? 'DF is set but skb->ignore_df allows local fragmentation: ip_do_fragment'
      : 'DF is clear: ip_do_fragment',
    { vars: { df } },
  );
  const frag = ipDoFragment(
    head,
    { ihl: headerLength, id, df, mf: false, offset: 0, protocol, options: optBytes },
    mtu,
    trace,
    { hhLen: ctx.hhLen },
  );
  countMib(ctx.tx, 'Ip', 'FragOKs');
  countMib(ctx.tx, 'Ip', 'FragCreates', frag.wire.length);
  return frag;
}

/** The IPv6 tail: header, then fragment or not (ip6_finish_output). */
export function ip6FinishOutput(ctx: SendContext, head: SkBuff): FragmentResult | SendFail {
  const { input, trace, udp, ignoreDf, usePmtu, datagramLength, protocol, devMtu } = ctx;
  pushStep(
    trace,
    '__ip6_make_skb',
    IP6_OUTPUT_C,
    `IPv6 header: payload_len ${head.len - 40}, next header ${protocol}; skb->ignore_df = ${ignoreDf}`,
    { skbs: [head], vars: { ignore_df: ignoreDf } },
  );
  if (udp)
    pushStep(
      trace,
      'udp_v6_send_skb',
      UDP6_C,
      `UDP header: len ${datagramLength}, checksum; then ip6_send_skb → ip6_local_out`,
      { skbs: [head], vars: { 'uh->len': datagramLength } },
    );
  countMib(ctx.tx, 'Ip6', 'OutRequests');
  const mtu6 = usePmtu ? ctx.pathMtu : devMtu;
  if (head.len <= mtu6) {
    pushStep(
      trace,
      '__ip6_finish_output',
      IP6_OUTPUT_C,
      `skb->len ${head.len} ≤ mtu ${mtu6}: no fragmentation, ip6_finish_output2`,
      { skbs: [head], vars: { mtu: mtu6 } },
    );
    return {
      wire: [
        {
          family: 'inet6',
          index: 0,
          payload_length: head.len - 40,
          total_length: head.len,
          next_header: protocol,
          range: { from: 0, to: datagramLength },
        },
      ],
      out: [head],
      path: 'none',
      why: `the datagram fits the MTU (${head.len} ≤ ${mtu6})`,
    };
  }
  pushStep(trace, '__ip6_finish_output', IP6_OUTPUT_C, `skb->len ${head.len} > mtu ${mtu6}: ip6_fragment`, {
    skbs: [head],
    vars: { mtu: mtu6 },
  });
  if (!ignoreDf) {
    // ip6_fragment fail_toobig: ICMPv6 Packet Too Big to ourselves, FragFails, the skb dropped;
    // ip6_send_skb counts OutDiscards.
    countMib(ctx.tx, 'Ip6', 'FragFails');
    countDrop(ctx.tx, 'NOT_SPECIFIED', 'ip6_fragment');
    icmpError(ctx.tx, {
      family: 'inet6',
      type: 2,
      code: 0,
      quoted: head.len,
      received: true,
      inner: 'udp-socket',
    });
    countMib(ctx.tx, 'Ip6', 'OutDiscards');
    pushStep(
      trace,
      'ip6_fragment',
      IP6_OUTPUT_C,
      `the socket may not fragment: FragFails, icmpv6_send(ICMPV6_PKT_TOOBIG, mtu ${mtu6}), the skb is freed as a drop, EMSGSIZE`,
      { drops: [{ reason: 'NOT_SPECIFIED', function: 'ip6_fragment', count: 1 }] },
    );
    ctx.common.icmp.push({ type: 2, code: 0, why: `ICMPv6 packet too big, MTU ${mtu6}` });
    return sendFail(
      ctx,
      'EMSGSIZE',
      'ip6_fragment',
      IP6_OUTPUT_C,
      `the socket may not fragment and the packet (${head.len}) is larger than the MTU ${mtu6}`,
    );
  }
  const frag = ip6Fragment(head, { nexthdr: protocol, id: pseudoRandom(input, 32) }, mtu6, trace, {
    hhLen: ctx.hhLen,
  });
  countMib(ctx.tx, 'Ip6', 'FragOKs');
  countMib(ctx.tx, 'Ip6', 'FragCreates', frag.wire.length);
  return frag;
}
