/**
 * IP_HDRINCL (net/ipv4/raw.c): raw_sendmsg hands the user's buffer, IPv4 header included, to
 * raw_send_hdrinc, which sends it as one packet — never fragmented, never corked. Two ways in:
 * `raw-hdrincl`, the recording tools' socket, which writes a 20-byte header in front of the
 * payload; and a raw socket of protocol 255 (IPPROTO_RAW, which inet_create and inet6_create
 * make IP_HDRINCL),
 * whose header is the payload's own first bytes (rawSendUserHeader).
 */
import { countDrop, countMib } from '../drops/tally.ts';
import { msg, type Msg } from '../i18n/index.ts';
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
   * Protocol 255 (rawSendUserHeader): each sendto() is a packet of its own, so there may be
   * several (`skbs`, one a wire packet), and a later sendto() may fail after earlier ones left
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
      pushStep(
        trace,
        sendFn,
        sendFile,
        msg(M.lenOver, { label: msg(M.label, { kind: 'none' }), len: length }),
      ),
      sendFail(ctx, 'EMSGSIZE', sendFn, sendFile, msg(M.hdrinclTooLong, { len: length }))
    );
  if (opt)
    return (
      pushStep(trace, sendFn, sendFile, msg(M.hdrinclOptionsStep)),
      sendFail(ctx, 'EINVAL', sendFn, sendFile, msg(M.hdrinclOptions))
    );
  if (length > devMtu) {
    pushStep(trace, 'raw_send_hdrinc', RAW_C, msg(M.hdrinclOverMtuStep, { len: length, mtu: devMtu }));
    return sendFail(
      ctx,
      'EMSGSIZE',
      'raw_send_hdrinc',
      RAW_C,
      msg(M.hdrinclOverMtu, { len: length, mtu: devMtu }),
    );
  }
  pushStep(trace, sendFn, sendFile, msg(M.hdrinclSend, { len: length }), undefined, { len: length });
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
    [skb],
    { length },
  );
  pushStep(
    trace,
    '__ip_local_out',
    IP_OUTPUT_C,
    msg(M.hdrinclLocalOut, { len: length, mtu: pathMtu }),
    [skb],
    { mtu: pathMtu },
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
const RAW6_C = 'net/ipv6/raw.c';

/**
 * A raw socket of protocol 255 (IPPROTO_RAW: inet_create / inet6_create set IP_HDRINCL): each
 * sendto() goes to raw_send_hdrinc / rawv6_send_hdrinc on its own (MSG_MORE corks nothing), and
 * its bytes are the header. A list stops at its first failure, with the packets before it on the
 * wire. The recording tools' fills make the headers: one sendto of p (0x70: version 7, ihl 0),
 * 'A', 'B', … for a MSG_MORE list (version 4, ihl 1, 2, …), an iovec of i (version 6, ihl 9).
 *
 * IPv4, in raw_sendmsg's and raw_send_hdrinc's order: past 0xFFFF, IP options (no header is
 * mangled), past the device MTU (ip_local_error), under 20 bytes — all before an skb; then an ihl
 * whose header is longer than the buffer or shorter than 20 bytes (the 6.18 stable kernels refuse
 * ihl < 5) frees the skb as a drop (`error_free`, OutDiscards). A header that passes gets tot_len,
 * a zero saddr or id filled in and its checksum; the rest is as written. IPv6: past the device
 * MTU, under 40 bytes; then the bytes go out as they are, with OutRequests.
 */
export function rawSendUserHeader(
  ctx: SendContext,
  opt: CompiledOptions | undefined,
): HdrinclWired | SendFail {
  const { trace, sendFn, sendFile, devMtu, hhLen, input, v6 } = ctx;
  const fn = v6 ? 'rawv6_send_hdrinc' : 'raw_send_hdrinc';
  const file = v6 ? RAW6_C : RAW_C;
  const runs = payloadRuns(input);
  const skbs: SkBuff[] = [];
  const wire: WirePacket[] = [];
  let sent = 0;
  let fail: HdrinclWired['fail'];
  for (let i = 0; i < runs.length; i++) {
    const { byte: fill, count: length } = runs[i]!;
    const ihl = fill & 15;
    const iphlen = ihl * 4;
    const stop = (errno: 'EMSGSIZE' | 'EINVAL', why: Msg, at = fn, where = file) => {
      fail = { errno, fn: at, file: where, why };
    };
    if (!v6 && length > 0xffff) stop('EMSGSIZE', msg(M.hdrinclTooLong, { len: length }), sendFn, sendFile);
    else if (!v6 && opt) stop('EINVAL', msg(M.hdrinclOptions), sendFn, sendFile);
    else if (length > devMtu) stop('EMSGSIZE', msg(M.hdrinclOverMtu, { len: length, mtu: devMtu }));
    else if (length < (v6 ? 40 : 20))
      stop('EINVAL', msg(M.userHeaderShort, { len: length, min: v6 ? 40 : 20 }));
    if (fail) {
      pushStep(trace, fail.fn, fail.file, fail.why);
      break;
    }
    const skb = allocSkb(length + hhLen + 15, 'hdrincl');
    skbReserve(skb, hhLen);
    skb.network_header = skb.tail;
    skbPut(skb, length, 'payload', { from: sent, to: sent + length });
    const said = msg(M.userHeaderSend, {
      n: runs.length,
      i: i + 1,
      len: length,
      byte: fill.toString(16).padStart(2, '0'),
      version: fill >> 4,
      ihl,
    });
    if (!v6 && (iphlen > length || iphlen < 20)) {
      // error_free: kfree_skb (raw_send_hdrinc is inlined into raw_sendmsg), then OutDiscards.
      countDrop(ctx.tx, 'NOT_SPECIFIED', 'raw_sendmsg');
      countMib(ctx.tx, 'Ip', 'OutDiscards');
      stop('EINVAL', msg(M.userHeaderBadIhl, { ihl, what: iphlen > length ? 'long' : 'short' }));
      pushStep(trace, sendFn, sendFile, said);
      pushStep(trace, fn, file, fail!.why, [skb], undefined, [
        { reason: 'NOT_SPECIFIED', function: 'raw_sendmsg', count: 1 },
      ]);
      break;
    }
    const lead = new Array<number>(Math.min(length, LEAD_MAX)).fill(fill);
    let packet: WirePacket;
    if (v6) {
      countMib(ctx.tx, 'Ip6', 'OutRequests');
      pushStep(trace, sendFn, sendFile, said, [skb], { length });
      packet = {
        family: 'inet6',
        index: wire.length,
        // ip6h->payload_len and nexthdr as written: the fill's bytes 4–6
        payload_length: (fill << 8) | fill,
        total_length: length,
        next_header: fill,
        range: { from: sent, to: sent + length },
        userHeader: { lead, fill },
      };
    } else {
      // The fix-ups: saddr when zero, tot_len, id when zero (ip_select_ident); the checksum
      // (bytes 10–11, ip_fast_csum over iphlen) is left to whoever writes the bytes out
      // (core/pcap userHeaderBytes): no fact the model reports reads it.
      const saddrZero = !(lead[12]! | lead[13]! | lead[14]! | lead[15]!);
      if (saddrZero) for (let k = 0; k < 4; k++) lead[12 + k] = LOOPBACK.saddr4[k] as number;
      lead[2] = length >> 8;
      lead[3] = length & 0xff;
      const idZero = !(lead[4]! | lead[5]!);
      if (idZero) {
        const id = pseudoRandom(input, 16);
        lead[4] = id >> 8;
        lead[5] = id & 0xff;
      }
      lead[10] = lead[11] = 0;
      const fragOff = (lead[6]! << 8) | lead[7]!;
      const protocol = lead[9]!;
      pushStep(trace, sendFn, sendFile, said);
      pushStep(trace, fn, file, msg(M.hdrinclCopy, { size: length + hhLen + 15, len: length }), [skb], {
        length,
        iphlen,
      });
      if (protocol === 1 && length >= iphlen + 8) {
        countMib(ctx.tx, 'Icmp', 'OutMsgs');
        countMib(ctx.tx, 'IcmpMsg', `OutType${lead[iphlen] ?? fill}`);
      }
      packet = {
        family: 'inet',
        index: wire.length,
        total_length: length,
        ihl: iphlen,
        id: (lead[4]! << 8) | lead[5]!,
        df: (fragOff & 0x4000) !== 0,
        mf: (fragOff & 0x2000) !== 0,
        offset: (fragOff & 0x1fff) * 8,
        protocol,
        options: lead.slice(20, iphlen),
        range: { from: sent, to: sent + length },
        userHeader: { lead, fill, csum: iphlen },
      };
    }
    skbs.push(skb);
    wire.push(packet);
    sent += length;
  }
  if (!wire.length) {
    const f = fail!;
    return sendFail(ctx, f.errno, f.fn, f.file, f.why);
  }
  llOutput(skbs, v6, trace, wire.length);
  countTransmits(ctx, wire);
  return { hdrincl: true, ctx, skb: skbs[0]!, wire, length: sent, skbs, ...(fail ? { fail } : {}) };
}
