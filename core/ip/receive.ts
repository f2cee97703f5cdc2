/**
 * The way back up on the loopback receiver: loopback_xmit hands the very same skbs to
 * __netif_rx, so each fragment climbs eth_type_trans → ip_rcv → ip_local_deliver →
 * ip_defrag, and the rebuilt datagram goes on to udp_rcv and the socket's receive queue
 * (core/udp, the one receive-side model) or to raw sockets. Every header is pulled, never
 * copied: the trace shows `data` moving forward. Every counter the receiver moves and every
 * skb it drops goes into the send's receive-side tally.
 */
import {
  countDrop,
  countMib,
  countMibId,
  counterId,
  dropList,
  newTally,
  mergeTally,
  type Tally,
} from '../drops/tally.ts';
import { skbFragListStarts, skbPull, type SkBuff } from '../skb/skb.ts';
import { rcvQueueInit } from '../udp/rcvqueue.ts';
import { udpLibRcv, udpRecvmsgCounted, type UdpArrival } from '../udp/udp-rcv.ts';
import { icmpError } from './icmp.ts';
import { RRM } from './raw-rcv-messages.ts';
import { RXM } from './receive-messages.ts';
import { ipv6ExthdrRcv, ipv6FragHeaderRcv, rawHandlerRcv } from './raw-rcv.ts';
import type { ByteRun } from './payload-runs.ts';
import { inetFragReasmFinish } from './inet-fragment.ts';
import type { IcmpReply, WirePacket } from './types.ts';
import { msg, type Text } from '../i18n/index.ts';
import { pushUpStep, type OutputTrace } from './step.ts';

type Trace = OutputTrace;

/**
 * Who receives a UDP datagram: `fresh` — a bound socket with the default sk_rcvbuf that reads
 * it at once (the fixtures' receiver); `none` — nobody is bound to the port; `external` — the
 * caller queues it on its own socket (the UDP receive pipeline, the Journey): the receive
 * stops at udp_rcv and hands back the arrival.
 */
export type RxSocket = 'fresh' | 'none' | 'external';

export interface ReceiveOutcome {
  delivered: boolean;
  /** What recv() returns on the bound socket, if anything. */
  received: number | null;
  fn: string;
  file: string;
  why: Text;
  /** The datagram as it reached udp_rcv (null: not UDP, or it never got there). */
  arrival: UdpArrival | null;
  /** ICMP errors the receiver sent back (and received, on loopback). */
  icmp: IcmpReply[];
}

export interface ReceiveArgs {
  family: 'inet' | 'inet6';
  /** The skbs that left, one per wire packet, in order (mac header pushed). */
  out: SkBuff[];
  wire: WirePacket[];
  /** UDP to a socket; or raw: the sending raw socket's protocol (255 for IP_HDRINCL). */
  transport: { kind: 'udp'; socket: RxSocket } | { kind: 'raw'; socketProtocol: number };
  /** The packets' IP protocol. */
  protocol: number;
  /** Bytes the sender handed to sendto(). */
  payload: number;
  /** The header carries a source route (dropped: accept_source_route is 0). */
  sourceRouted: boolean;
  /** The receive side's counters and drops. */
  mib: Tally;
  /** dst_mtu of the loopback route (what an ICMP error sent back may quote). */
  mtu: number;
  /** The payload's bytes (raw sends: what a protocol's handler reads as its header). */
  runs: readonly ByteRun[];
  /**
   * A raw socket of protocol 255: the first bytes of the header the user wrote (at most 60),
   * which ip_rcv_core / ip6_rcv_core read first (userHeaderRcv).
   */
  userHeader?: readonly number[];
  /** The transport checksum the sender wrote is wrong (rawv6_push_pending_frames: send-context.ts rawCsumBad). */
  csumBad?: boolean;
}

/** Kernel protocols with an inet_protocol handler in a typical build (ip_local_deliver_finish). */
const IPV4_HANDLED = new Set([1, 2, 6, 17, 47, 50, 51, 132, 136]);
const IPV6_HANDLED = new Set([6, 17, 58, 59, 132, 136, 0, 43, 44, 50, 51, 60]);
/**
 * The counters the loopback receive moves, by id (looked up once: a send counts a few of them,
 * and a look-up by name cost more than the count). Both families' tables have the same keys in
 * the same order (one object shape). IPv4 keeps its octet and ECN counters in IpExt.
 */
const RX_COUNTERS = {
  inet: {
    inReceives: counterId('Ip', 'InReceives'),
    inOctets: counterId('IpExt', 'InOctets'),
    inNoECT: counterId('IpExt', 'InNoECTPkts'),
    reasmReqds: counterId('Ip', 'ReasmReqds'),
    reasmFails: counterId('Ip', 'ReasmFails'),
    reasmOKs: counterId('Ip', 'ReasmOKs'),
    inUnknownProtos: counterId('Ip', 'InUnknownProtos'),
    inDelivers: counterId('Ip', 'InDelivers'),
  },
  inet6: {
    inReceives: counterId('Ip6', 'InReceives'),
    inOctets: counterId('Ip6', 'InOctets'),
    inNoECT: counterId('Ip6', 'InNoECTPkts'),
    reasmReqds: counterId('Ip6', 'ReasmReqds'),
    reasmFails: counterId('Ip6', 'ReasmFails'),
    reasmOKs: counterId('Ip6', 'ReasmOKs'),
    inUnknownProtos: counterId('Ip6', 'InUnknownProtos'),
    inDelivers: counterId('Ip6', 'InDelivers'),
  },
} as const;

/** The datagram did not reach a socket: `fn` (file) stopped it. */
const none = (fn: string, file: string, why: Text, icmp: IcmpReply[] = []): ReceiveOutcome => ({
  delivered: false,
  received: null,
  fn,
  file,
  why,
  arrival: null,
  icmp,
});

/** Climb the receiver's stack; returns whether the datagram reaches its socket. */
export function loopbackReceive(a: ReceiveArgs, trace: Trace): ReceiveOutcome {
  const v6 = a.family === 'inet6';
  const t = a.mib;
  const c = v6 ? RX_COUNTERS.inet6 : RX_COUNTERS.inet;
  const ipIn = v6 ? 'net/ipv6/ip6_input.c' : 'net/ipv4/ip_input.c';
  const n = a.out.length;
  const out = a.out;
  for (let i = 0; i < n; i++) {
    const s = out[i] as SkBuff;
    skbPull(s, 14);
    if (s.label.startsWith('frag')) s.label = `rx ${s.label}`;
  }
  // The first skb alone, as the steps that show only the head take it (a.out.slice(0, 1)).
  const first = n ? [out[0] as SkBuff] : [];
  countMibId(t, c.inReceives, n);
  let octets = 0;
  for (const w of a.wire) octets += w.total_length;
  countMibId(t, c.inOctets, octets);
  if (a.userHeader) {
    const r = userHeaderRcv(a, a.userHeader, t, trace);
    if (r) return r;
  }
  countMibId(t, c.inNoECT, n);
  pushUpStep(
    trace,
    'eth_type_trans',
    'net/ethernet/eth.c',
    msg(RXM.rxEth, { n }),
    a.out,
    { pulled: 14 },
    undefined,
    n,
  );
  pushUpStep(
    trace,
    v6 ? 'ipv6_rcv' : 'ip_rcv',
    ipIn,
    msg(RXM.rxIp, {
      rcv: v6 ? 'ipv6_rcv' : 'ip_rcv',
      v6: v6 ? 'yes' : 'no',
      next: v6 ? 'ip6_input' : 'ip_local_deliver',
    }),
    first,
  );
  if (v6 && a.transport.kind === 'raw' && (a.protocol === 43 || a.protocol === 60)) {
    const x = ipv6ExthdrRcv(
      {
        protocol: a.protocol,
        runs: a.runs,
        payloadLengths: a.wire.map((w) => (w.family === 'inet6' ? w.payload_length : w.total_length - w.ihl)),
      },
      t,
    );
    pushUpStep(trace, x.handler, x.file, x.why, a.out, undefined, x.drops);
    const icmp: IcmpReply[] = [];
    for (let i = 0; i < x.icmp; i++) icmp.push({ type: 4, code: 0, why: x.why });
    return none(x.handler, x.file, x.why, icmp);
  }
  if (a.sourceRouted && !v6) {
    countDrop(t, 'NOT_SPECIFIED', 'ip_rcv_finish_core', n);
    pushUpStep(trace, 'ip_rcv_finish_core', ipIn, msg(RXM.rxSourceRouteStep, { n }), first, undefined, [
      { reason: 'NOT_SPECIFIED', function: 'ip_rcv_finish_core', count: n },
    ]);
    return none('ip_rcv_finish_core', ipIn, msg(RXM.rxSourceRoute));
  }
  let head = a.out[0] as SkBuff;
  let chained = 0;
  const ihl = a.wire[0]?.family === 'inet' ? a.wire[0].ihl : 40;
  if (n > 1) {
    const defragFile = v6 ? 'net/ipv6/reassembly.c' : 'net/ipv4/ip_fragment.c';
    let datagram = 0;
    for (const w of a.wire) {
      const end =
        w.family === 'inet'
          ? w.offset + w.total_length - w.ihl
          : (w.frag?.offset ?? 0) + w.payload_length - 8;
      if (end > datagram) datagram = end;
    }
    countMibId(t, c.reasmReqds, n);
    pushUpStep(
      trace,
      v6 ? 'ipv6_frag_rcv' : 'ip_defrag',
      defragFile,
      msg(RXM.rxDefrag, { n, last: datagram }),
      a.out,
      { fragments: n, 'q.len': datagram },
    );
    if (!v6 && datagram + ihl > 0xffff) {
      countMibId(t, c.reasmFails);
      pushUpStep(
        trace,
        'ip_frag_reasm',
        defragFile,
        msg(RXM.rxOversizedStep, { len: datagram + ihl }),
        first,
      );
      return none('ip_frag_reasm', defragFile, msg(RXM.rxOversized, { len: datagram + ihl }));
    }
    // ip_defrag pulls each fragment's IP header (IPv6: and its fragment header); then
    // inet_frag_reasm_finish coalesces what it can into the head and chains the rest.
    const hlen = v6 ? 48 : ihl;
    const rest = a.out.slice(1);
    for (let i = 0; i < rest.length; i++) skbPull(rest[i] as SkBuff, hlen);
    head = a.out[0] as SkBuff;
    const fin = inetFragReasmFinish(head, rest);
    chained = fin.chained;
    head.label = 'reassembled';
    countMibId(t, c.reasmOKs);
    pushUpStep(
      trace,
      v6 ? 'ip6_frag_reasm' : 'ip_frag_reasm',
      defragFile,
      msg(RXM.rxReasm, { how: fin.how, totLen: datagram + (v6 ? 40 : ihl), truesize: head.truesize }),
      [head],
      {
        'skb->len': head.len,
        frag_list: head.frag_list.length,
        coalesced: fin.coalesced,
        truesize: head.truesize,
      },
    );
  }
  const nhl = v6 ? (n > 1 ? 48 : 40) : ihl;
  skbPull(head, nhl);
  const deliverFn = v6 ? 'ip6_input_finish' : 'ip_local_deliver_finish';
  const ipLength = head.len;

  if (a.transport.kind === 'raw') {
    const rawTakes = a.transport.socketProtocol === a.protocol;
    const handled = (v6 ? IPV6_HANDLED : IPV4_HANDLED).has(a.protocol);
    if (v6 && a.protocol === 44) {
      // The raw socket gets its clone; ipv6_frag_rcv reads the payload as a fragment header.
      const f = ipv6FragHeaderRcv({ len: ipLength, runs: a.runs, reassembled: n > 1 }, t);
      const fragFile = 'net/ipv6/reassembly.c';
      pushUpStep(
        trace,
        'ipv6_frag_rcv',
        fragFile,
        f.why,
        [head],
        undefined,
        f.drops.length ? f.drops : undefined,
      );
      return {
        delivered: true,
        received: null,
        fn: 'ipv6_frag_rcv',
        file: fragFile,
        why: f.why,
        arrival: null,
        icmp: f.paramProblem ? [{ type: 4, code: 0, why: f.why }] : [],
      };
    }
    if (!rawTakes && !handled) {
      // ip_protocol_deliver_rcu: no raw socket, no handler.
      countMibId(t, c.inUnknownProtos);
      const step = newTally();
      countDrop(step, 'IP_NOPROTO', 'ip_local_deliver_finish');
      countDrop(step, 'NOT_SPECIFIED', 'skb_release_data', chained);
      mergeTally(t, step);
      const len = icmpError(t, {
        family: a.family,
        type: 3,
        code: 2,
        quoted: ipLength + nhl,
        received: true,
        mtu: a.mtu,
        quotedIhl: nhl,
      });
      const why = msg(RXM.rxNoProto, { protocol: a.protocol });
      pushUpStep(
        trace,
        deliverFn,
        ipIn,
        msg(RXM.rxNoProtoStep, { nhl, protocol: a.protocol, len }),
        [head],
        undefined,
        dropList(step),
      );
      return none(deliverFn, ipIn, why, [{ type: 3, code: 2, why }]);
    }
    countMibId(t, c.inDelivers);
    const file = v6 ? 'net/ipv6/raw.c' : 'net/ipv4/raw.c';
    const rawFn = v6 ? 'rawv6_rcv' : 'raw_local_deliver';
    if (a.csumBad && rawTakes) {
      // raw6_local_deliver hands the raw socket a clone first: rawv6_rcv checks the checksum
      // (skb_checksum_complete) and frees it. Then the protocol's handler, if the kernel has one,
      // refuses the original the same way (icmpv6_rcv: skb_checksum_validate, before it reads
      // anything), and with it the fragments chained to it.
      const step = newTally();
      countDrop(step, 'SKB_CSUM', rawFn);
      if (handled && a.protocol === 58) {
        countMib(step, 'Icmp6', 'InMsgs');
        countMib(step, 'Icmp6', 'InCsumErrors');
        countMib(step, 'Icmp6', 'InErrors');
        countDrop(step, 'ICMP_CSUM', 'icmpv6_rcv');
        countDrop(step, 'NOT_SPECIFIED', 'skb_release_data', chained);
      }
      mergeTally(t, step);
      const why = msg(RRM.csumBad, { handler: handled && a.protocol === 58 ? 'icmpv6_rcv' : 'none' });
      pushUpStep(trace, rawFn, file, why, [head], undefined, dropList(step));
      return { delivered: true, received: null, fn: rawFn, file, why, arrival: null, icmp: [] };
    }
    const h = rawTakes
      ? rawHandlerRcv(
          {
            family: a.family,
            protocol: a.protocol,
            len: ipLength,
            runs: a.runs,
            chainStarts: chained ? skbFragListStarts(head) : [],
          },
          t,
        )
      : null;
    if (h) {
      pushUpStep(
        trace,
        h.handler,
        h.file,
        msg(RRM.handlerStep, { nhl, protocol: a.protocol, handler: h.handler, why: h.why }),
        [head],
        undefined,
        h.drops.length ? h.drops : undefined,
      );
      return {
        delivered: true,
        received: null,
        fn: rawFn,
        file,
        why: msg(RRM.handlerDropped, {
          protocol: a.protocol,
          handler: h.handler,
          dropped: h.dropped ? 'yes' : 'no',
        }),
        arrival: null,
        icmp: [],
      };
    }
    pushUpStep(trace, deliverFn, ipIn, msg(RXM.rxRawStep, { nhl, protocol: a.protocol }), [head]);
    return {
      delivered: true,
      received: null,
      fn: rawFn,
      file,
      why: msg(RXM.rxRaw, { protocol: a.protocol }),
      arrival: null,
      icmp: [],
    };
  }

  countMibId(t, c.inDelivers);
  pushUpStep(trace, deliverFn, ipIn, msg(RXM.rxUdpStep, { nhl, rcv: v6 ? 'udpv6_rcv' : 'udp_rcv' }), [head]);
  const arrival: UdpArrival = {
    family: a.family,
    datagram: 0,
    ipLength,
    ulen: (a.payload + 8) & 0xffff,
    headerIntact: true,
    truesize: head.truesize,
    chained,
  };
  const udpFile = v6 ? 'net/ipv6/udp.c' : 'net/ipv4/udp.c';
  if (a.transport.socket === 'external')
    return {
      delivered: true,
      received: null,
      fn: v6 ? '__udp6_lib_rcv' : '__udp4_lib_rcv',
      file: udpFile,
      why: msg(RXM.rxExternal),
      arrival,
      icmp: [],
    };
  const ep =
    a.transport.socket === 'fresh'
      ? { bound: true as const, queue: rcvQueueInit() }
      : { bound: false as const };
  const u = udpLibRcv(ep, arrival, t);
  pushUpStep(
    trace,
    u.fate === 'queued' ? '__udp_enqueue_schedule_skb' : u.fn,
    u.fate === 'queued' ? 'net/ipv4/udp.c' : u.file,
    msg(RXM.rxUdpLookup, {
      fn: v6 ? '__udp6_lib_rcv' : '__udp4_lib_rcv',
      bound: ep.bound ? 'yes' : 'no',
      truesize: head.truesize,
      chained,
      why: u.why,
    }),
    [head],
    u.queue
      ? { truesize: head.truesize, sk_rmem_alloc: u.queue.rmem, sk_rcvbuf: u.queue.rcvbuf }
      : { truesize: head.truesize },
    u.drops,
  );
  if (u.fate !== 'queued' || !u.queue) {
    const icmp: IcmpReply[] = [];
    if (u.icmpPortUnreachable) {
      const why = msg(RXM.rxPortUnreachable);
      icmpError(t, {
        family: a.family,
        type: v6 ? 1 : 3,
        code: v6 ? 4 : 3,
        quoted: ipLength + nhl,
        received: true,
        inner: 'udp-socket',
        mtu: a.mtu,
        quotedIhl: nhl,
      });
      icmp.push({ type: v6 ? 1 : 3, code: v6 ? 4 : 3, why });
    }
    return { ...none(u.fn, u.file, u.why, icmp), arrival };
  }
  const r = udpRecvmsgCounted(u.queue, 65536, a.family, t);
  pushUpStep(
    trace,
    v6 ? 'udpv6_recvmsg' : 'udp_recvmsg',
    udpFile,
    msg(RXM.rxRecvmsg, { n: a.payload }),
    [head],
    { received: a.payload },
  );
  return {
    delivered: true,
    received: r.result?.copied ?? null,
    fn: v6 ? 'udpv6_recvmsg' : 'udp_recvmsg',
    file: udpFile,
    why: msg(RXM.rxReceived, { n: a.payload }),
    arrival,
    icmp: [],
  };
}

/** The ECN counters by the two ECN bits of the traffic class (ip6_rcv_core: NOECTPKTS + ecn). */
const ECN6 = ['InNoECTPkts', 'InECT1Pkts', 'InECT0Pkts', 'InCEPkts'] as const;

/**
 * ip_rcv_core / ip6_rcv_core on a header the user wrote (a raw socket of protocol 255), after the
 * packet and its octets are counted: a version other than the family's (or IPv4's ihl under 5) is
 * `inhdr_error` / `err` (IP_INHDR / UNHANDLED_PROTO, InHdrErrors). IPv6 then counts the ECN bits of
 * the traffic class, and a payload length past the packet's end is InTruncatedPkts (PKT_TOO_SMALL).
 * An IPv6 header that passes goes on with its next header: the recording tools' only version-6
 * fill, i (0x69), names 105, which has no handler and no raw socket here, so ip6_input_finish
 * counts InUnknownProtos and frees it (IP_NOPROTO), and its ICMPv6 error would go back to the
 * header's source address, the fill's bytes, which has no route (OutNoRoutes). null: an IPv4
 * header that passes climbs on as any packet does.
 */
function userHeaderRcv(
  a: ReceiveArgs,
  lead: readonly number[],
  t: Tally,
  trace: Trace,
): ReceiveOutcome | null {
  const v6 = a.family === 'inet6';
  const at = (i: number) => lead[i] ?? 0;
  const len = a.wire[0]?.total_length ?? 0;
  const file = v6 ? 'net/ipv6/ip6_input.c' : 'net/ipv4/ip_input.c';
  const version = at(0) >> 4;
  const ihl = at(0) & 15;
  const step = newTally();
  let fn = v6 ? 'ip6_rcv_core' : 'ip_rcv_core';
  let why: Text;
  if (version !== (v6 ? 6 : 4) || (!v6 && ihl < 5)) {
    countMib(step, v6 ? 'Ip6' : 'Ip', 'InHdrErrors');
    countDrop(step, v6 ? 'UNHANDLED_PROTO' : 'IP_INHDR', fn);
    const what = version !== (v6 ? 6 : 4) ? 'version' : 'ihl';
    why = msg(RXM.rxBadHeader, { fn, what, version, ihl });
  } else if (!v6) return null;
  else {
    countMib(step, 'Ip6', ECN6[(((at(0) << 8) | at(1)) >> 4) & 3] as string);
    const plen = (at(4) << 8) | at(5);
    if (plen + 40 > len) {
      countMib(step, 'Ip6', 'InTruncatedPkts');
      countDrop(step, 'PKT_TOO_SMALL', fn);
      why = msg(RXM.rx6UserTruncated, { plen, len });
    } else {
      fn = 'ip6_input_finish';
      countMib(step, 'Ip6', 'InUnknownProtos');
      countMib(step, 'Ip6', 'OutNoRoutes');
      countDrop(step, 'IP_NOPROTO', fn);
      why = msg(RXM.rx6UserNoProto, { plen, next: at(6) });
    }
  }
  mergeTally(t, step);
  pushUpStep(trace, fn, file, why, a.out, undefined, dropList(step));
  return none(fn, file, why);
}
