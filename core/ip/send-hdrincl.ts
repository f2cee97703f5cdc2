/**
 * IP_HDRINCL (net/ipv4/raw.c): raw_sendmsg hands the user's buffer, IPv4 header included, to
 * raw_send_hdrinc, which sends it as one packet — never fragmented, never corked. Two ways in:
 * `raw-hdrincl`, the recording tools' socket, which writes a 20-byte header in front of the
 * payload; and a raw socket of protocol 255 (IPPROTO_RAW, which inet_create makes IP_HDRINCL),
 * whose header is the payload's own first bytes (rawSendUserHeader).
 */
import { countDrop, countMib } from '../drops/tally.ts';
import { msg, type Msg } from '../i18n/index.ts';
import { ipFastCsum } from '../pcap/checksum.ts';
import { allocSkb, skbPut, skbReserve } from '../skb/skb.ts';
import { IP_OUTPUT_C } from './append.ts';
import { llOutput } from './fragment.ts';
import { M } from './send-messages.ts';
import { pushStep } from './step.ts';
import { LOOPBACK, RAW_C, countTransmits, pseudoRandom, sendFail, type SendContext } from './send-context.ts';
import { payloadRuns } from './payload-runs.ts';
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
  /**
   * IPv6, protocol 255 (rawv6SendUserHeader): each sendto() is a packet of its own, so there may
   * be several (`skbs`, one a wire packet), and a later sendto() may fail after earlier ones left
   * (`fail`: the failure the list ends with).
   */
  skbs?: SkBuff[];
  fail?: { errno: 'EMSGSIZE' | 'EINVAL'; fn: string; file: string; why: Msg };
}

/**
 * raw_send_hdrinc up to the wire (loopback_xmit's counters included): the packet, or the send's
 * failure. The loopback receive and the result are hdrinclFinish's (send-finish.ts).
 */
export function rawSendHdrinc(ctx: SendContext, opt: CompiledOptions | undefined): HdrinclWired | SendFail {
  if (ctx.userHeader) return rawSendUserHeader(ctx, opt);
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

/** The first bytes of a packet kept for its header (ihl is 4 bits: at most 15 × 4). */
const LEAD_MAX = 60;

/**
 * A raw socket of protocol 255: raw_sendmsg → raw_send_hdrinc on the payload itself, whose first
 * bytes are the header. Each sendto() is a packet of its own (MSG_MORE corks nothing here), so a
 * list of sends is its first sendto() first: the recording tools' first buffer is 'A's (0x41),
 * ihl 1, which raw_send_hdrinc refuses, and the list ends there. An iovec is one sendmsg.
 *
 * In raw_send_hdrinc's order: past 0xFFFF (raw_sendmsg), IP options (no header is mangled),
 * past the device MTU (ip_local_error), under 20 bytes — all before an skb; then, with the bytes
 * copied, an ihl whose header is longer than the buffer or shorter than 20 bytes (the 6.18
 * stable kernels refuse ihl < 5) frees the skb as a drop (`error_free`, OutDiscards). A header
 * that passes gets tot_len, a zero saddr or id filled, and its checksum; the rest is as written.
 */
export function rawSendUserHeader(ctx: SendContext, opt: CompiledOptions | undefined): HdrinclWired | SendFail {
  if (ctx.v6) return rawv6SendUserHeader(ctx);
  const { trace, sendFn, sendFile, devMtu, pathMtu, hhLen, input } = ctx;
  const run = payloadRuns(input)[0];
  const fill = run ? run.byte : 0;
  const length = input.iov ? ctx.totalLen : (ctx.sends[0] ?? 0);
  const version = fill >> 4;
  const ihl = fill & 15;
  pushStep(
    trace,
    sendFn,
    sendFile,
    msg(M.userHeaderSend, { len: length, byte: fill.toString(16).padStart(2, '0'), version, ihl, hlen: ihl * 4 }),
    { vars: { len: length, ihl } },
  );
  if (length > 0xffff)
    return sendFail(ctx, 'EMSGSIZE', sendFn, sendFile, msg(M.hdrinclTooLong, { len: length }));
  if (opt)
    return (
      pushStep(trace, sendFn, sendFile, msg(M.hdrinclOptionsStep)),
      sendFail(ctx, 'EINVAL', sendFn, sendFile, msg(M.hdrinclOptions))
    );
  if (length > devMtu) {
    pushStep(trace, 'raw_send_hdrinc', RAW_C, msg(M.hdrinclOverMtuStep, { len: length, mtu: devMtu }));
    return sendFail(ctx, 'EMSGSIZE', 'raw_send_hdrinc', RAW_C, msg(M.hdrinclOverMtu, { len: length, mtu: devMtu }));
  }
  if (length < 20) {
    const why = msg(M.userHeaderShort, { len: length });
    pushStep(trace, 'raw_send_hdrinc', RAW_C, why);
    return sendFail(ctx, 'EINVAL', 'raw_send_hdrinc', RAW_C, why);
  }
  const skb = allocSkb(length + hhLen + 15, 'hdrincl');
  skbReserve(skb, hhLen);
  skb.network_header = skb.tail;
  skbPut(skb, length, 'payload', { from: 0, to: length });
  const iphlen = ihl * 4;
  if (iphlen > length || iphlen < 20) {
    // error_free: kfree_skb (raw_send_hdrinc is inlined into raw_sendmsg), then OutDiscards.
    countDrop(ctx.tx, 'NOT_SPECIFIED', 'raw_sendmsg');
    countMib(ctx.tx, 'Ip', 'OutDiscards');
    const why = msg(M.userHeaderBadIhl, { ihl, hlen: iphlen, len: length, what: iphlen > length ? 'long' : 'short' });
    pushStep(trace, 'raw_send_hdrinc', RAW_C, why, {
      skbs: [skb],
      drops: [{ reason: 'NOT_SPECIFIED', function: 'raw_sendmsg', count: 1 }],
    });
    return sendFail(ctx, 'EINVAL', 'raw_send_hdrinc', RAW_C, why);
  }
  if (!input.iov && ctx.sends.length > 1)
    return sendFail(ctx, 'EINVAL', 'sockscope', '', msg(M.userHeaderMore));
  // The fix-ups: saddr when zero, tot_len, id when zero (ip_select_ident), then the checksum.
  const lead = new Array<number>(Math.min(length, LEAD_MAX)).fill(fill);
  const saddrZero = lead[12] === 0 && lead[13] === 0 && lead[14] === 0 && lead[15] === 0;
  if (saddrZero) for (let i = 0; i < 4; i++) lead[12 + i] = LOOPBACK.saddr4[i] as number;
  lead[2] = length >> 8;
  lead[3] = length & 0xff;
  const idZero = lead[4] === 0 && lead[5] === 0;
  if (idZero) {
    const id = pseudoRandom(input, 16);
    lead[4] = id >> 8;
    lead[5] = id & 0xff;
  }
  lead[10] = 0;
  lead[11] = 0;
  const check = ipFastCsum(Uint8Array.from(lead), 0, iphlen);
  lead[10] = check >> 8;
  lead[11] = check & 0xff;
  const fragOff = ((lead[6] as number) << 8) | (lead[7] as number);
  const protocol = lead[9] as number;
  pushStep(
    trace,
    'raw_send_hdrinc',
    RAW_C,
    msg(M.userHeaderFixups, {
      ihl,
      len: length,
      saddr: saddrZero ? 'yes' : 'no',
      id: idZero ? 'yes' : 'no',
      version,
      protocol,
    }),
    { skbs: [skb], vars: { length, iphlen } },
  );
  if (protocol === 1 && length >= iphlen + 8) {
    countMib(ctx.tx, 'Icmp', 'OutMsgs');
    countMib(ctx.tx, 'IcmpMsg', `OutType${lead[iphlen] ?? fill}`);
  }
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
      ihl: iphlen,
      id: ((lead[4] as number) << 8) | (lead[5] as number),
      df: (fragOff & 0x4000) !== 0,
      mf: (fragOff & 0x2000) !== 0,
      offset: (fragOff & 0x1fff) * 8,
      protocol,
      options: lead.slice(20, iphlen),
      range: { from: 0, to: length },
      userHeader: { lead, fill },
    },
  ];
  llOutput([skb], false, trace, 1);
  countTransmits(ctx, wire);
  return { hdrincl: true, ctx, skb, wire, length };
}

const RAW6_C = 'net/ipv6/raw.c';

/**
 * A raw IPv6 socket of protocol 255 (inet6_create sets IP_HDRINCL): rawv6_sendmsg →
 * rawv6_send_hdrinc for each sendto() (MSG_MORE corks nothing), which checks the length against
 * the device MTU (EMSGSIZE) and the 40 bytes of an IPv6 header (EINVAL) and sends the bytes as
 * they are — no field is filled in — counting OutRequests. The list stops at the first failure;
 * the packets before it are on the wire. The recording tools' fills make the header: one sendto
 * of p (version 7), 'A', 'B', … (version 4), an iovec of i (version 6).
 */
function rawv6SendUserHeader(ctx: SendContext): HdrinclWired | SendFail {
  const { trace, sendFn, sendFile, devMtu, hhLen, input } = ctx;
  const runs = payloadRuns(input);
  const skbs: SkBuff[] = [];
  const wire: WirePacket[] = [];
  let sent = 0;
  let fail: HdrinclWired['fail'];
  for (let i = 0; i < runs.length; i++) {
    const { byte: fill, count: length } = runs[i]!;
    pushStep(
      trace,
      sendFn,
      sendFile,
      msg(M.userHeader6Send, {
        i: i + 1,
        n: runs.length,
        len: length,
        byte: fill.toString(16).padStart(2, '0'),
        version: fill >> 4,
      }),
      { vars: { len: length } },
    );
    if (length > devMtu) {
      const why = msg(M.hdrinclOverMtu, { len: length, mtu: devMtu });
      pushStep(trace, 'rawv6_send_hdrinc', RAW6_C, msg(M.hdrinclOverMtuStep, { len: length, mtu: devMtu }));
      fail = { errno: 'EMSGSIZE', fn: 'rawv6_send_hdrinc', file: RAW6_C, why };
      break;
    }
    if (length < 40) {
      const why = msg(M.userHeader6Short, { len: length });
      pushStep(trace, 'rawv6_send_hdrinc', RAW6_C, why);
      fail = { errno: 'EINVAL', fn: 'rawv6_send_hdrinc', file: RAW6_C, why };
      break;
    }
    const skb = allocSkb(length + hhLen + 15, 'hdrincl');
    skbReserve(skb, hhLen);
    skb.network_header = skb.tail;
    skbPut(skb, length, 'payload', { from: sent, to: sent + length });
    countMib(ctx.tx, 'Ip6', 'OutRequests');
    const lead = new Array<number>(Math.min(length, LEAD_MAX)).fill(fill);
    const packet: WirePacket = {
      family: 'inet6',
      index: wire.length,
      // ip6h->payload_len as written: the fill's bytes 4–5
      payload_length: (fill << 8) | fill,
      total_length: length,
      next_header: fill,
      range: { from: sent, to: sent + length },
      userHeader: { lead, fill },
    };
    pushStep(trace, 'rawv6_send_hdrinc', RAW6_C, msg(M.userHeader6Out, { len: length }), {
      skbs: [skb],
      vars: { length },
    });
    skbs.push(skb);
    wire.push(packet);
    sent += length;
  }
  if (!wire.length) {
    const f = fail as NonNullable<typeof fail>;
    return sendFail(ctx, f.errno, f.fn, f.file, f.why);
  }
  llOutput(skbs, true, trace, wire.length);
  countTransmits(ctx, wire);
  return {
    hdrincl: true,
    ctx,
    skb: skbs[0]!,
    wire,
    length: sent,
    skbs,
    ...(fail ? { fail } : {}),
  };
}
