/**
 * The way back up on the loopback receiver: loopback_xmit hands the very same skbs to
 * __netif_rx, so each fragment climbs eth_type_trans → ip_rcv → ip_local_deliver →
 * ip_defrag, and the rebuilt datagram goes on to udp_rcv and the socket's receive queue.
 * Every header is pulled, never copied: the trace shows `data` moving forward.
 */
import { skbPull, type SkBuff } from '../skb/index.ts';
import type { WirePacket } from './types.ts';
import { pushStep, type OutputTrace } from './step.ts';

type Trace = OutputTrace;

export interface ReceiveOutcome {
  delivered: boolean;
  /** What recv() returns on the bound socket, if anything. */
  received: number | null;
  fn: string;
  file: string;
  why: string;
}

export interface ReceiveArgs {
  family: 'inet' | 'inet6';
  /** The skbs that left, one per wire packet, in order (mac header pushed). */
  out: SkBuff[];
  wire: WirePacket[];
  /** The transport: a bound UDP socket, or raw sockets of `protocol`. */
  udp: boolean;
  protocol: number;
  /** Bytes the sender handed to sendto(). */
  payload: number;
  /** The header carries a source route (dropped: accept_source_route is 0). */
  sourceRouted: boolean;
}

/** Climb the receiver's stack; returns whether the datagram reaches its socket. */
export function loopbackReceive(a: ReceiveArgs, trace: Trace): ReceiveOutcome {
  const v6 = a.family === 'inet6';
  const ipIn = v6 ? 'net/ipv6/ip6_input.c' : 'net/ipv4/ip_input.c';
  const n = a.out.length;
  for (const s of a.out) {
    skbPull(s, 14);
    s.label = s.label.replace(/^frag/, 'rx frag');
  }
  pushStep(
    trace,
    'eth_type_trans',
    'net/ethernet/eth.c',
    `loopback_xmit passes the same skb${n > 1 ? 's' : ''} to __netif_rx; eth_type_trans records the MAC header and pulls its 14 bytes (data moves forward, nothing is copied)`,
    { dir: 'up', skbs: a.out, vars: { pulled: 14 }, wireCount: n },
  );
  pushStep(
    trace,
    v6 ? 'ipv6_rcv' : 'ip_rcv',
    ipIn,
    `${v6 ? 'ipv6_rcv' : 'ip_rcv'} checks version, header length${v6 ? '' : ' and checksum'}, trims to the packet's own length; the route lookup (ip_route_input) says "local": ${v6 ? 'ip6_input' : 'ip_local_deliver'}`,
    { dir: 'up', skbs: a.out.slice(0, 1) },
  );
  if (a.sourceRouted && !v6) {
    pushStep(
      trace,
      'ip_rcv_options',
      ipIn,
      'the packet carries a source route and accept_source_route is 0: dropped',
      { dir: 'up', skbs: a.out.slice(0, 1) },
    );
    return {
      delivered: false,
      received: null,
      fn: 'ip_rcv_options',
      file: ipIn,
      why: 'the receiver drops source-routed packets (accept_source_route is 0 by default)',
    };
  }
  let head = a.out[0] as SkBuff;
  if (n > 1) {
    const defragFile = v6 ? 'net/ipv6/reassembly.c' : 'net/ipv4/ip_fragment.c';
    const ihl = a.wire[0]?.family === 'inet' ? a.wire[0].ihl : 48;
    const datagram = a.wire.reduce(
      (m, w) =>
        Math.max(
          m,
          w.family === 'inet'
            ? w.offset + w.total_length - w.ihl
            : (w.frag?.offset ?? 0) + w.payload_length - 8,
        ),
      0,
    );
    pushStep(
      trace,
      v6 ? 'ipv6_frag_rcv' : 'ip_defrag',
      defragFile,
      `each of the ${n} fragments joins the reassembly queue keyed by (saddr, daddr, id, protocol); the datagram is complete when the last byte (${datagram}) and the first fragment are in`,
      { dir: 'up', skbs: a.out, vars: { fragments: n, 'q.len': datagram } },
    );
    if (!v6 && datagram + ihl > 0xffff) {
      pushStep(
        trace,
        'ip_frag_reasm',
        defragFile,
        `the reassembled packet would be ${datagram + ihl} bytes, more than 65,535: "Oversized IP packet", dropped (E2BIG)`,
        { dir: 'up', skbs: a.out.slice(0, 1) },
      );
      return {
        delivered: false,
        received: null,
        fn: 'ip_frag_reasm',
        file: defragFile,
        why: `the fragments reassemble to ${datagram + ihl} bytes, more than 65,535: dropped as an oversized IP packet (E2BIG)`,
      };
    }
    // ip_frag_reasm: the offset-0 fragment's buffer becomes the head; the others lose their
    // IP headers and hang on its frag_list.
    const hlen = v6 ? 48 : ihl;
    for (const f of a.out.slice(1)) skbPull(f, hlen);
    head = a.out[0] as SkBuff;
    head.frag_list = a.out.slice(1);
    const extra = head.frag_list.reduce((s, f) => s + f.len, 0);
    head.len += extra;
    head.data_len += extra;
    head.label = 'reassembled';
    pushStep(
      trace,
      v6 ? 'ip6_frag_reasm' : 'ip_frag_reasm',
      defragFile,
      `complete: the first fragment's skb becomes the head, the other ${n - 1} lose their ${hlen}-byte headers and are chained on its frag_list; tot_len = ${datagram + (v6 ? 40 : ihl)}`,
      { dir: 'up', skbs: [head], vars: { 'skb->len': head.len, frag_list: head.frag_list.length } },
    );
  }
  const nhl = v6 ? (n > 1 ? 48 : 40) : a.wire[0]?.family === 'inet' ? a.wire[0].ihl : 20;
  skbPull(head, nhl);
  if (!a.udp) {
    pushStep(
      trace,
      v6 ? 'ip6_input_finish' : 'ip_local_deliver_finish',
      ipIn,
      `the ${nhl}-byte IP header is pulled; raw sockets bound to protocol ${a.protocol} get a copy (raw_local_deliver)`,
      { dir: 'up', skbs: [head] },
    );
    return {
      delivered: true,
      received: null,
      fn: v6 ? 'rawv6_rcv' : 'raw_local_deliver',
      file: v6 ? 'net/ipv6/raw.c' : 'net/ipv4/raw.c',
      why: `raw sockets of protocol ${a.protocol} receive the datagram`,
    };
  }
  pushStep(
    trace,
    v6 ? 'ip6_input_finish' : 'ip_local_deliver_finish',
    ipIn,
    `the ${nhl}-byte IP header is pulled; protocol 17 → ${v6 ? 'udpv6_rcv' : 'udp_rcv'}`,
    { dir: 'up', skbs: [head] },
  );
  const udpFile = v6 ? 'net/ipv6/udp.c' : 'net/ipv4/udp.c';
  pushStep(
    trace,
    '__udp_enqueue_schedule_skb',
    'net/ipv4/udp.c',
    `${v6 ? '__udp6_lib_rcv' : '__udp4_lib_rcv'} finds the bound socket; the skb (truesize ${head.truesize}) joins its receive queue — the first datagram is always admitted, later ones only while sk_rmem_alloc stays under sk_rcvbuf`,
    { dir: 'up', skbs: [head], vars: { truesize: head.truesize } },
  );
  pushStep(
    trace,
    v6 ? 'udpv6_recvmsg' : 'udp_recvmsg',
    udpFile,
    `recvfrom() copies the ${a.payload} payload bytes after the 8-byte UDP header: one sendto(), one recvfrom()`,
    { dir: 'up', skbs: [head], vars: { received: a.payload } },
  );
  return {
    delivered: true,
    received: a.payload,
    fn: v6 ? 'udpv6_recvmsg' : 'udp_recvmsg',
    file: udpFile,
    why: `the bound UDP socket receives ${a.payload} bytes`,
  };
}
