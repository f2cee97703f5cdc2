/**
 * The send: udp_sendmsg / udpv6_sendmsg / raw_sendmsg / rawv6_sendmsg and everything after
 * them down to the wire, on a loopback device of the chosen MTU — the setup the fixtures
 * were recorded in (a private netns, 127.0.0.1 / ::1, a bound UDP receiver).
 */
import { type Errno } from '../errno/index.ts';
import {
  allocSkb,
  llReservedSpace,
  resetSkbIds,
  skbLabel,
  skbPut,
  skbReserve,
  type SkBuff,
} from '../skb/index.ts';
import {
  IP6_OUTPUT_C,
  IP_OUTPUT_C,
  appendGeometry,
  ipAppendData,
  type Cork,
  type SockMem,
} from './append.ts';
import { ip6Fragment, ipDoFragment, ipMakeSkb, llOutput, type FragmentResult } from './fragment.ts';
import { loopbackReceive } from './receive.ts';
import { pushStep, type OutputTrace } from './step.ts';
import { ipOptionsBuild, ipOptionsGet, timestampBytes, type CompiledOptions } from './options.ts';
import {
  type InputIssue,
  type PmtuMode,
  type SendInput,
  type SendResult,
  type WirePacket,
  PMTU_VALUE,
} from './types.ts';
import { validateSendInput } from './validate.ts';

const UDP_C = 'net/ipv4/udp.c';
const UDP6_C = 'net/ipv6/udp.c';
const RAW_C = 'net/ipv4/raw.c';
const RAW6_C = 'net/ipv6/raw.c';
const IP_SOCKGLUE_C = 'net/ipv4/ip_sockglue.c';

/** The loopback scenario the fixtures use. */
export const LOOPBACK = {
  saddr4: [127, 0, 0, 1],
  daddr4: [127, 0, 0, 1],
  /** Ethernet-style hard header of loopback (drivers/net/loopback.c). */
  hardHeaderLen: 14,
  /** The clock a TS option reads (ms since midnight UTC): a fixed noon, so traces are reproducible. */
  nowMs: 12 * 3600 * 1000,
};

/** Kernel protocols with an inet_protocol handler in a typical build (ip_local_deliver_finish). */
const IPV4_HANDLED = new Set([1, 2, 6, 17, 47, 50, 51, 132, 136]);
const IPV6_HANDLED = new Set([6, 17, 58, 132, 136, 0, 43, 44, 50, 51, 60]);

/** include/net/ip.h predicates on inet->pmtudisc. */
export const ipSkUsePmtu = (m: PmtuMode): boolean => PMTU_VALUE[m] < PMTU_VALUE.probe;
export const ipSkIgnoreDf = (m: PmtuMode): boolean => PMTU_VALUE[m] < PMTU_VALUE.do || m === 'omit';
export const ipDontFragment = (m: PmtuMode, mtuLocked = false): boolean =>
  m === 'do' || (m === 'want' && !mtuLocked);

type Trace = OutputTrace;

/** A small deterministic hash: stands in for ids a real kernel draws at random. */
function pseudoRandom(input: SendInput, bits: number): number {
  const s = JSON.stringify(input);
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  const v = (h >>> 0) % 2 ** bits;
  return v === 0 ? 1 : v;
}

/** Run one send sequence (or one sendmsg with an iovec) through the model. Never throws. */
export function ipSend(input: SendInput): SendResult {
  resetSkbIds();
  const trace: Trace = [];
  const v6 = input.family === 'inet6';
  const udp = input.sock === 'udp';
  const hdrincl = input.sock === 'raw-hdrincl';
  const sends = input.iov ? [input.iov.reduce((a, b) => a + b, 0)] : input.sends;
  const totalLen = sends.reduce((a, b) => a + b, 0);
  const protocol = udp ? 17 : input.protocol;
  const optlen = v6 ? 0 : input.options.length ? (input.options.length + 3) & ~3 : 0;
  const headerLength = v6 ? 40 : 20 + optlen;
  const datagramLength = hdrincl ? totalLen + 20 : totalLen + (udp ? 8 : 0);
  const common = {
    input,
    datagramLength,
    headerLength,
    icmp: [] as { type: number; code: number; why: string }[],
    numbers: {} as Record<string, number>,
  };

  const fail = (
    errno: Errno,
    fn: string,
    file: string,
    why: string,
    wire: WirePacket[] = [],
  ): SendResult => ({
    ok: false,
    ...common,
    errno,
    fn,
    file,
    why,
    received_length: null,
    wire,
    fragPath: 'none',
    fragPathWhy: 'nothing was fragmented',
    trace,
  });

  const issues: InputIssue[] = validateSendInput(input);
  if (issues.length) return fail('EINVAL', 'sockscope', '', issues.map((i) => i.message).join(' '));

  const devMtu = input.mtu;
  // dst_mtu of the loopback route: the device MTU, capped at IP_MAX_MTU (IPv4) / IP6_MAX_MTU.
  const pathMtu = v6 ? Math.min(devMtu, 65535 + 40) : Math.min(devMtu, 0xffff);
  const hhLen = llReservedSpace(LOOPBACK.hardHeaderLen);
  const ignoreDf = ipSkIgnoreDf(input.pmtu);
  const usePmtu = ipSkUsePmtu(input.pmtu);

  // setsockopt(IP_OPTIONS): compiled once, at setsockopt time.
  let opt: CompiledOptions | undefined;
  if (!v6 && input.options.length) {
    const r = ipOptionsGet(input.options, {
      capNetRaw: true,
      isUnicast: (a) => a[0] !== 127 && a[0] !== 0 && (a[0] ?? 0) < 224,
    });
    if (!r.ok) {
      pushStep(
        trace,
        'ip_options_compile',
        'net/ipv4/ip_options.c',
        `setsockopt(IP_OPTIONS) fails: ${r.why} (byte ${r.offset})`,
      );
      return fail(
        'EINVAL',
        'ip_options_compile',
        'net/ipv4/ip_options.c',
        `setsockopt(IP_OPTIONS) is refused: ${r.why} (option byte ${r.offset})`,
      );
    }
    opt = r.opt;
    pushStep(
      trace,
      'do_ip_setsockopt',
      IP_SOCKGLUE_C,
      `IP_OPTIONS: ${input.options.length} bytes, padded with END to ${opt.bytes.length}, compiled by ip_options_compile${opt.rr_needaddr ? '; RR pointer advanced (an address will be recorded)' : ''}${opt.ts_needtime ? '; TS pointer advanced (a timestamp will be written)' : ''}`,
      { vars: { optlen: opt.bytes.length } },
    );
  }

  const sendFn = v6 ? (udp ? 'udpv6_sendmsg' : 'rawv6_sendmsg') : udp ? 'udp_sendmsg' : 'raw_sendmsg';
  const sendFile = v6 ? (udp ? UDP6_C : RAW6_C) : udp ? UDP_C : RAW_C;

  // ---- IP_HDRINCL: the user wrote the IP header; raw_send_hdrinc sends it as one packet.
  if (hdrincl) {
    const length = totalLen + 20;
    if (length > 0xffff)
      return (
        pushStep(trace, sendFn, sendFile, `len ${length} > 0xFFFF`),
        fail('EMSGSIZE', sendFn, sendFile, `len ${length} is more than an IPv4 packet can carry (0xFFFF)`)
      );
    if (opt)
      return (
        pushStep(trace, sendFn, sendFile, 'IP options with IP_HDRINCL'),
        fail(
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
      return fail(
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
      { vars: { len: length } },
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
    const icmp = receiverIcmp(protocol, 255, false);
    return {
      ok: true,
      ...common,
      icmp,
      sent: length,
      received_length: null,
      wire,
      fragPath: 'none',
      fragPathWhy: 'IP_HDRINCL packets go out as written',
      trace,
    };
  }

  // ---- ip_setup_cork / ip6_setup_cork
  const fragsize = usePmtu ? pathMtu : devMtu;
  const cork: Cork = {
    family: input.family,
    fragsize,
    fragheaderlen: headerLength,
    headersize: headerLength,
    ignoreDf,
    length: 0,
    hhLen,
    sg: input.sg,
    hwCsum: true,
  };
  const geo = appendGeometry(cork);
  Object.assign(common.numbers, {
    fragsize,
    fragheaderlen: headerLength,
    maxfraglen: geo.maxfraglen,
    maxnonfragsize: geo.maxnonfragsize,
    hh_len: hhLen,
    dataPerFragment: geo.maxfraglen - headerLength,
  });
  if (!v6 && fragsize < 68)
    return fail(
      'ENETUNREACH',
      'ip_setup_cork',
      IP_OUTPUT_C,
      `cork fragsize ${fragsize} is below 68 (inetdev_valid_mtu)`,
    );
  const mem: SockMem = {
    wmemAlloc: 1,
    sndbuf: input.sndbuf,
    sndbufCheck: input.sndbufCheck,
    pfrag: { used: SKB_PAGE_FULL, size: SKB_PAGE_FULL, id: 0 },
  };
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
      return fail('EMSGSIZE', sendFn, sendFile, `${label}a single send of ${len} bytes is more than 0xFFFF`);
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
      if (sends.length > 1 && i > 0)
        pushStep(
          trace,
          udp
            ? v6
              ? 'udp_v6_flush_pending_frames'
              : 'udp_flush_pending_frames'
            : v6
              ? 'ip6_flush_pending_frames'
              : 'ip_flush_pending_frames',
          udp ? sendFile : IP_OUTPUT_C,
          `the error discards the whole pending datagram: the ${i} earlier send${i > 1 ? 's' : ''} (which returned success) never reach the wire`,
        );
      return fail(r.errno, r.fn, r.file, `${label}${r.why}`);
    }
    offset += length;
    sent += len;
  }

  // ---- __ip_make_skb / __ip6_make_skb
  const head = ipMakeSkb(queue, input.family, trace);
  const dstMtu = pathMtu;
  let df = false;
  if (!v6) {
    df = input.pmtu === 'do' || input.pmtu === 'probe' || (head.len <= dstMtu && ipDontFragment(input.pmtu));
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
        `UDP header: len ${datagramLength}, checksum ${queue.length === 1 && datagramLength + headerLength <= fragsize && sends.length === 1 ? 'left to the device (CHECKSUM_PARTIAL)' : 'computed in software over all the pieces'}; then ip_send_skb`,
        { skbs: [head], vars: { 'uh->len': datagramLength } },
      );
    pushStep(
      trace,
      '__ip_local_out',
      IP_OUTPUT_C,
      `tot_len = skb->len = ${head.len}${head.len > 0xffff ? ' (too big for the 16-bit field: written as 0)' : ''}, header checksum; NF_INET_LOCAL_OUT → dst_output → ip_output (POST_ROUTING)`,
      { skbs: [head], vars: { tot_len: head.len } },
    );
    const mtu = usePmtu ? dstMtu : Math.min(devMtu, 0xffff);
    let frag: FragmentResult;
    if (head.len <= mtu) {
      pushStep(
        trace,
        '__ip_finish_output',
        IP_OUTPUT_C,
        `skb->len ${head.len} ≤ mtu ${mtu} (ip_skb_dst_mtu): no fragmentation, straight to ip_finish_output2`,
        { skbs: [head], vars: { mtu, 'skb->len': head.len } },
      );
      skbLabel(head, 'ip', head.data, head.data + 20);
      frag = {
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
    } else {
      pushStep(
        trace,
        '__ip_finish_output',
        IP_OUTPUT_C,
        `skb->len ${head.len} > mtu ${mtu} (ip_skb_dst_mtu): ip_fragment`,
        { skbs: [head], vars: { mtu, 'skb->len': head.len } },
      );
      if (df && !ignoreDf) {
        pushStep(
          trace,
          'ip_fragment',
          IP_OUTPUT_C,
          `DF is set and the socket does not allow local fragmentation: icmp_send(ICMP_DEST_UNREACH, ICMP_FRAG_NEEDED, mtu ${mtu}), the skb is freed, EMSGSIZE`,
        );
        common.icmp.push({ type: 3, code: 4, why: `fragmentation needed, next-hop MTU ${mtu}` });
        return fail(
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
      frag = ipDoFragment(
        head,
        { ihl: headerLength, id, df, mf: false, offset: 0, protocol, options: optBytes },
        mtu,
        trace,
        { hhLen },
      );
    }
    llOutput(frag.out, false, trace, frag.wire.length);
    const free = opt ? timestampBytes(opt) : [];
    if (free.length && frag.wire[0] && frag.wire[0].family === 'inet')
      (frag.wire[0] as WirePacket & { optionsTimeBytes?: number[] }).optionsTimeBytes = free;
    const rx = loopbackReceive(
      {
        family: 'inet',
        out: frag.out,
        wire: frag.wire,
        udp,
        protocol,
        payload: sent,
        sourceRouted: opt?.srr !== undefined,
      },
      trace,
    );
    const icmp = udp || !rx.delivered ? [] : receiverIcmp(protocol, protocol, false);
    return {
      ok: true,
      ...common,
      icmp,
      sent,
      received_length: rx.received,
      wire: frag.wire,
      fragPath: frag.path,
      fragPathWhy: frag.why,
      trace,
    };
  }

  // ---- IPv6
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
  const mtu6 = usePmtu ? dstMtu : devMtu;
  let frag: FragmentResult;
  if (head.len <= mtu6) {
    pushStep(
      trace,
      '__ip6_finish_output',
      IP6_OUTPUT_C,
      `skb->len ${head.len} ≤ mtu ${mtu6}: no fragmentation, ip6_finish_output2`,
      { skbs: [head], vars: { mtu: mtu6 } },
    );
    frag = {
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
  } else {
    pushStep(trace, '__ip6_finish_output', IP6_OUTPUT_C, `skb->len ${head.len} > mtu ${mtu6}: ip6_fragment`, {
      skbs: [head],
      vars: { mtu: mtu6 },
    });
    if (!ignoreDf) {
      common.icmp.push({ type: 2, code: 0, why: `ICMPv6 packet too big, MTU ${mtu6}` });
      return fail(
        'EMSGSIZE',
        'ip6_fragment',
        IP6_OUTPUT_C,
        `the socket may not fragment and the packet (${head.len}) is larger than the MTU ${mtu6}`,
      );
    }
    frag = ip6Fragment(head, { nexthdr: protocol, id: pseudoRandom(input, 32) }, mtu6, trace, { hhLen });
  }
  llOutput(frag.out, true, trace, frag.wire.length);
  const rx6 = loopbackReceive(
    { family: 'inet6', out: frag.out, wire: frag.wire, udp, protocol, payload: sent, sourceRouted: false },
    trace,
  );
  return {
    ok: true,
    ...common,
    icmp: [],
    sent,
    received_length: rx6.received,
    wire: frag.wire,
    fragPath: frag.path,
    fragPathWhy: frag.why,
    trace,
  };
}

/** A page of the task frag that is already used up, so the first SG append takes a fresh one. */
const SKB_PAGE_FULL = 32768;

/**
 * What the loopback receiver sends back: ip_local_deliver_finish answers a datagram that no
 * raw socket took and no kernel protocol handles with ICMP "protocol unreachable".
 */
function receiverIcmp(
  packetProtocol: number,
  rawSocketProtocol: number,
  v6: boolean,
): { type: number; code: number; why: string }[] {
  if (packetProtocol === rawSocketProtocol) return [];
  if ((v6 ? IPV6_HANDLED : IPV4_HANDLED).has(packetProtocol)) return [];
  return v6
    ? [
        {
          type: 4,
          code: 1,
          why: `no socket or handler for next header ${packetProtocol}: ICMPv6 parameter problem`,
        },
      ]
    : [
        {
          type: 3,
          code: 2,
          why: `no raw socket and no kernel handler for protocol ${packetProtocol}: ICMP protocol unreachable (ip_local_deliver_finish)`,
        },
      ];
}
