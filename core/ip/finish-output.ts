/**
 * From the chained datagram to the packets that leave: the IPv4 tail (__ip_make_skb's header,
 * udp_send_skb, __ip_local_out, __ip_finish_output → ip_fragment → ip_do_fragment) and the
 * IPv6 tail (__ip6_make_skb, udp_v6_send_skb, __ip6_finish_output → ip6_fragment). Each returns
 * the packets (one, or the fragments) or the send's failure.
 */
import { countDrop, countMibId, counterId } from '../drops/tally.ts';
import { msg } from '../i18n/index.ts';
import { headlen, skbLabel, type SkBuff } from '../skb/skb.ts';
import { IP6_OUTPUT_C, IP_OUTPUT_C } from './append.ts';
import { ip6Find1stFragopt, ip6Fragment, ipDoFragment, type FragmentResult } from './fragment.ts';
import { NO_RUNS, byteAt, fragHeaderAt, payloadRuns } from './payload-runs.ts';
import { icmpError } from './icmp.ts';
import { ipOptionsBuild, type CompiledOptions } from './options.ts';
import { M } from './send-messages.ts';
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
import { PMTU_WORD, type SendFail, type WirePacket } from './types.ts';

/**
 * The counters each family's output tail moves, by id (looked up once, here: a send counts
 * a few of them and a name look-up cost more than the count). Both tables have the same keys
 * in the same order, so reading either is one object shape.
 */
const OUT_COUNTERS = {
  inet: {
    outRequests: counterId('Ip', 'OutRequests'),
    fragFails: counterId('Ip', 'FragFails'),
    outDiscards: counterId('Ip', 'OutDiscards'),
    fragOKs: counterId('Ip', 'FragOKs'),
    fragCreates: counterId('Ip', 'FragCreates'),
  },
  inet6: {
    outRequests: counterId('Ip6', 'OutRequests'),
    fragFails: counterId('Ip6', 'FragFails'),
    outDiscards: counterId('Ip6', 'OutDiscards'),
    fragOKs: counterId('Ip6', 'FragOKs'),
    fragCreates: counterId('Ip6', 'FragCreates'),
  },
} as const;

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
    msg(M.v4Header, {
      ihl: headerLength / 4,
      protocol,
      df: df ? 'yes' : 'no',
      dfWhy:
        input.pmtu === 'do' || input.pmtu === 'probe'
          ? 'always'
          : head.len <= dstMtu
            ? ipDontFragment(input.pmtu)
              ? 'fits'
              : 'never'
            : 'larger',
      mode: PMTU_WORD[input.pmtu],
      len: head.len,
      mtu: dstMtu,
      idFrom: df && !ignoreDf ? 'zero' : 'hash',
      opt: opt ? 'yes' : 'no',
      ignoreDf: String(ignoreDf),
    }),
    [head],
    { df, ignore_df: ignoreDf, id, ihl: headerLength / 4 },
  );
  if (udp)
    pushStep(
      trace,
      'udp_send_skb',
      UDP_C,
      msg(M.udpSendSkb, {
        len: datagramLength,
        csum:
          queueLength === 1 && datagramLength + headerLength <= fragsize && ctx.sends.length === 1
            ? 'partial'
            : 'software',
      }),
      [head],
      { 'uh->len': datagramLength },
    );
  pushStep(
    trace,
    '__ip_local_out',
    IP_OUTPUT_C,
    msg(M.localOut, { len: head.len, big: head.len > 0xffff ? 'yes' : 'no' }),
    [head],
    { tot_len: head.len },
  );
  countMibId(ctx.tx, OUT_COUNTERS.inet.outRequests);
  const mtu = usePmtu ? dstMtu : Math.min(devMtu, 0xffff);
  if (head.len <= mtu) {
    pushStep(trace, '__ip_finish_output', IP_OUTPUT_C, msg(M.fits4, { len: head.len, mtu }), [head], {
      mtu,
      'skb->len': head.len,
    });
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
      why: msg(M.fitsWhy, { len: head.len, mtu }),
    };
  }
  pushStep(trace, '__ip_finish_output', IP_OUTPUT_C, msg(M.over4, { len: head.len, mtu }), [head], {
    mtu,
    'skb->len': head.len,
  });
  if (df && !ignoreDf) {
    // ip_fragment: FragFails, ICMP "fragmentation needed" (which loopback brings straight back),
    // the skb freed as a drop; ip_send_skb then counts OutDiscards for the error.
    countMibId(ctx.tx, OUT_COUNTERS.inet.fragFails);
    countDrop(ctx.tx, 'NOT_SPECIFIED', 'ip_fragment');
    icmpError(ctx.tx, {
      family: 'inet',
      type: 3,
      code: 4,
      quoted: head.len,
      received: true,
      mtu: ctx.pathMtu,
      quotedIhl: headerLength,
    });
    countMibId(ctx.tx, OUT_COUNTERS.inet.outDiscards);
    pushStep(trace, 'ip_fragment', IP_OUTPUT_C, msg(M.dfFail4, { mtu }), undefined, undefined, [
      { reason: 'NOT_SPECIFIED', function: 'ip_fragment', count: 1 },
    ]);
    ctx.common.icmp.push({ type: 3, code: 4, why: msg(M.icmpFragNeeded, { mtu }) });
    return sendFail(ctx, 'EMSGSIZE', 'ip_fragment', IP_OUTPUT_C, msg(M.dfFail4Why, { len: head.len, mtu }));
  }
  pushStep(trace, 'ip_fragment', IP_OUTPUT_C, msg(M.doFragment, { df: df ? 'yes' : 'no' }), undefined, {
    df,
  });
  const frag = ipDoFragment(
    head,
    { ihl: headerLength, id, df, mf: false, offset: 0, protocol, options: optBytes },
    mtu,
    trace,
    { hhLen: ctx.hhLen },
  );
  chainFreed(ctx, frag, false);
  countMibId(ctx.tx, OUT_COUNTERS.inet.fragOKs);
  countMibId(ctx.tx, OUT_COUNTERS.inet.fragCreates, frag.wire.length);
  return frag;
}

/** The slow path's consume_skb(skb): the original's frag_list members show as drops. */
function chainFreed(ctx: SendContext, frag: FragmentResult, v6: boolean): void {
  const n = frag.chainFreed ?? 0;
  if (!n) return;
  countDrop(ctx.tx, 'NOT_SPECIFIED', 'skb_release_data', n);
  pushStep(ctx.trace, 'consume_skb', 'net/core/skbuff.c', msg(M.chainFreed, { n }), undefined, { v6 }, [
    { reason: 'NOT_SPECIFIED', function: 'skb_release_data', count: n },
  ]);
}

/** The IPv6 tail: header, then fragment or not (ip6_finish_output). */
export function ip6FinishOutput(ctx: SendContext, head: SkBuff): FragmentResult | SendFail {
  const { input, trace, udp, ignoreDf, usePmtu, datagramLength, protocol, devMtu } = ctx;
  pushStep(
    trace,
    '__ip6_make_skb',
    IP6_OUTPUT_C,
    msg(M.v6Header, { plen: head.len - 40, protocol, ignoreDf: String(ignoreDf) }),
    [head],
    { ignore_df: ignoreDf },
  );
  if (udp)
    pushStep(trace, 'udp_v6_send_skb', UDP6_C, msg(M.udp6SendSkb, { len: datagramLength }), [head], {
      'uh->len': datagramLength,
    });
  countMibId(ctx.tx, OUT_COUNTERS.inet6.outRequests);
  const mtu6 = usePmtu ? ctx.pathMtu : devMtu;
  if (head.len <= mtu6) {
    pushStep(trace, '__ip6_finish_output', IP6_OUTPUT_C, msg(M.fits6, { len: head.len, mtu: mtu6 }), [head], {
      mtu: mtu6,
    });
    const packet: WirePacket = {
      family: 'inet6',
      index: 0,
      payload_length: head.len - 40,
      total_length: head.len,
      next_header: protocol,
      range: { from: 0, to: datagramLength },
    };
    // Protocol 44 from a raw socket: its payload's first 8 bytes read as a fragment header.
    if (!udp && protocol === 44 && datagramLength >= 8) {
      const runs = payloadRuns(input);
      packet.payloadFrag = fragHeaderAt((i) => byteAt(runs, i));
    }
    return {
      wire: [packet],
      out: [head],
      path: 'none',
      why: msg(M.fitsWhy, { len: head.len, mtu: mtu6 }),
    };
  }
  pushStep(trace, '__ip6_finish_output', IP6_OUTPUT_C, msg(M.over6, { len: head.len, mtu: mtu6 }), [head], {
    mtu: mtu6,
  });
  if (!ignoreDf) {
    // ip6_fragment fail_toobig: ICMPv6 Packet Too Big to ourselves, FragFails, the skb dropped;
    // ip6_send_skb counts OutDiscards.
    countMibId(ctx.tx, OUT_COUNTERS.inet6.fragFails);
    countDrop(ctx.tx, 'NOT_SPECIFIED', 'ip6_fragment');
    icmpError(ctx.tx, {
      family: 'inet6',
      type: 2,
      code: 0,
      quoted: head.len,
      received: true,
      inner: 'udp-socket',
    });
    countMibId(ctx.tx, OUT_COUNTERS.inet6.outDiscards);
    pushStep(trace, 'ip6_fragment', IP6_OUTPUT_C, msg(M.tooBig6, { mtu: mtu6 }), undefined, undefined, [
      { reason: 'NOT_SPECIFIED', function: 'ip6_fragment', count: 1 },
    ]);
    ctx.common.icmp.push({ type: 2, code: 0, why: msg(M.icmpTooBig6, { mtu: mtu6 }) });
    return sendFail(
      ctx,
      'EMSGSIZE',
      'ip6_fragment',
      IP6_OUTPUT_C,
      msg(M.tooBig6Why, { len: head.len, mtu: mtu6 }),
    );
  }
  // The extension headers in front of the fragment header (a raw socket's payload read as the
  // header its protocol names), found in the head's linear bytes.
  const runs = udp ? NO_RUNS : payloadRuns(input);
  const linear = headlen(head);
  const hlen = udp ? 40 : ip6Find1stFragopt(protocol, linear, (at) => byteAt(runs, at));
  if (hlen < 0) {
    const chain = head.frag_list.length;
    countMibId(ctx.tx, OUT_COUNTERS.inet6.fragFails);
    countDrop(ctx.tx, 'NOT_SPECIFIED', 'ip6_fragment');
    countDrop(ctx.tx, 'NOT_SPECIFIED', 'skb_release_data', chain);
    countMibId(ctx.tx, OUT_COUNTERS.inet6.outDiscards);
    const why = msg(M.ext6Inval, { protocol, hdrlen: (byteAt(runs, 1) + 1) * 8, linear });
    pushStep(trace, 'ip6_fragment', IP6_OUTPUT_C, why, [head], undefined, [
      { reason: 'NOT_SPECIFIED', function: 'ip6_fragment', count: 1 },
      ...(chain ? [{ reason: 'NOT_SPECIFIED', function: 'skb_release_data', count: chain }] : []),
    ]);
    return sendFail(ctx, 'EINVAL', 'ip6_fragment', IP6_OUTPUT_C, why);
  }
  if (hlen > 40)
    pushStep(
      trace,
      'ip6_find_1stfragopt',
      'net/ipv6/output_core.c',
      msg(M.ext6Hlen, { protocol, hdrlen: hlen - 40, hlen }),
      [head],
      { hlen },
    );
  const frag = ip6Fragment(head, { nexthdr: protocol, id: pseudoRandom(input, 32) }, mtu6, trace, {
    hhLen: ctx.hhLen,
    hlen,
  });
  chainFreed(ctx, frag, true);
  countMibId(ctx.tx, OUT_COUNTERS.inet6.fragOKs);
  countMibId(ctx.tx, OUT_COUNTERS.inet6.fragCreates, frag.wire.length);
  return frag;
}
