/**
 * A UDP receive queue filled past its limit, as tools/drops_capture.py records it
 * (udp-receive.json): one socket sends `datagrams` (their sizes) to a second one bound on
 * loopback, which reads nothing until the last send has returned, then calls
 * recvmsg(read_buffer) until EAGAIN. Each send runs through core/ip (ipSend, stopping at
 * udp_rcv); each arrival meets the one receive-side model of core/udp: sk_rcvbuf admission by
 * truesize (or NO_SOCKET when the port has no socket); the reads come last.
 */
import {
  mergeTally,
  newTally,
  tallyFrom,
  tallyResult,
  type DropReason,
  type SnmpDelta,
} from '../drops/index.ts';
import type { Errno } from '../errno/index.ts';
import {
  DEFAULT_SEND_INPUT,
  icmpError,
  ipSend,
  sendSides,
  type Family,
  issueListMsg,
  type SendResult,
} from '../ip/index.ts';
import type { TraceStep } from '../trace/index.ts';
import { msg, renderText, type Msg, type Text } from '../i18n/index.ts';
import { RIM, RM } from './messages.ts';
import { RMEM_DEFAULT, RMEM_MAX, rcvQueueInit, skRcvbufFromSockopt, type RcvQueue } from '../udp/rcvqueue.ts';
import { UDP_FILES, udpLibRcv, udpRecvmsgCounted, type UdpFate } from '../udp/udp-rcv.ts';

export interface UdpReceiveInput {
  family: Family;
  /** Loopback MTU (65,536 unless given). */
  mtu?: number;
  /** The value given to SO_RCVBUF before bind; null: untouched (net.core.rmem_default). */
  rcvbuf: number | null;
  /** The size of each datagram, in send order. */
  datagrams: number[];
  /** recvmsg()'s buffer size. */
  read_buffer: number;
  /** `none`: the port's socket was closed before the sends. */
  receiver?: 'bound' | 'none';
}

export const UDP_RECEIVE_LIMITS = {
  datagramsMax: 4096,
  sizeMax: 1 << 20,
  readBufferMax: 1 << 20,
  rcvbufMax: 2 ** 31 - 1,
  /**
   * Packets on the wire for the distinct sizes (each size is sent once): the cost of a run, kept
   * under the fuzzers' 100 ms (4,095 packets in three sizes: 5–16 ms here); 65,507 bytes at the
   * IPv4 minimum MTU of 68 are 1,365. 2,048 refused two recorded cases of 98 and 81 sizes.
   */
  packetsMax: 4096,
  /**
   * Different sizes (each goes down the stack once, whatever the count): the other cost of a run,
   * ≈ 0.1 ms a size with its trace. 32 refused a recorded case of 79 datagrams in 33 sizes.
   */
  distinctSizesMax: 128,
} as const;

/**
 * About how many packets ip_fragment puts on the wire for one UDP payload of `size` bytes at
 * `mtu` (0 past the largest datagram: the send fails with EMSGSIZE). A bound, not the model.
 */
export function wirePacketsOf(size: number, mtu: number, v6: boolean): number {
  const header = v6 ? 40 : 20;
  const datagram = size + 8;
  if (datagram > 65535 - (v6 ? 0 : header)) return 0;
  if (datagram + header <= mtu) return 1;
  const per = Math.max(8, Math.floor((mtu - header - (v6 ? 8 : 0)) / 8) * 8);
  return Math.ceil(datagram / per);
}

export interface UdpReceiveSnapshot {
  /** The datagram this step is about (null: the reads). */
  datagram: number | null;
  rmem: number;
  rcvbuf: number;
  /** Datagrams waiting in the queue after this step. */
  queued: number;
}

export interface UdpDatagramOutcome {
  index: number;
  size: number;
  /** sendto()'s result: bytes, or the errno. */
  sent: number | Errno;
  /** Packets on the wire (fragments). */
  packets: number;
  /** What __udp4_lib_rcv / __udp6_lib_rcv did with it (null: it never reached UDP). */
  fate: UdpFate | null;
  truesize: number | null;
  chained: number | null;
  /** Read by the application (and how much came back). */
  read: { length: number; truncated: boolean } | null;
}

export interface UdpReceiveOk {
  ok: true;
  input: UdpReceiveInput;
  /** What SO_RCVBUF reads back. */
  sk_rcvbuf: number;
  sent: (number | Errno)[];
  /** recvmsg() results in order: the datagram's index (its first 4 bytes; null when fewer came back). */
  received: { index: number | null; length: number; truncated: boolean }[];
  icmp: [number, number][];
  datagrams: UdpDatagramOutcome[];
  drop_reasons: DropReason[];
  snmp_delta: SnmpDelta;
  trace: TraceStep<UdpReceiveSnapshot, Text>[];
}

/** A problem of the input: the field, the English sentence and the same as a message. */
export interface UdpReceiveIssue {
  field: string;
  message: string;
  msg: Msg;
}

export interface UdpReceiveFail {
  ok: false;
  errno: 'EINVAL';
  fn: 'sockscope';
  /** The issues in English, `field: message; …` (for machines and logs). */
  why: string;
  /** The same as a message, for any language. */
  whyMsg: Msg;
  issues: UdpReceiveIssue[];
}

export type UdpReceiveResult = UdpReceiveOk | UdpReceiveFail;

const whole = (v: unknown, lo: number, hi: number): boolean =>
  Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi;

export function validateUdpReceiveInput(input: UdpReceiveInput): UdpReceiveIssue[] {
  const out: UdpReceiveIssue[] = [];
  const add = (field: string, m: Msg) => out.push({ field, message: renderText(m, 'en'), msg: m });
  const num = (v: number) => v.toLocaleString('en-US');
  if (!input || typeof input !== 'object') {
    add('(input)', msg(RIM.notInput));
    return out;
  }
  const v6 = input.family === 'inet6';
  if (input.family !== 'inet' && input.family !== 'inet6') add('family', msg(RIM.family, { name: 'family' }));
  if (input.mtu !== undefined && !whole(input.mtu, v6 ? 1280 : 68, 65536))
    add('mtu', msg(RIM.mtu, { min: num(v6 ? 1280 : 68), max: num(65536) }));
  if (input.rcvbuf !== null && !whole(input.rcvbuf, 0, UDP_RECEIVE_LIMITS.rcvbufMax))
    add('rcvbuf', msg(RIM.rcvbuf, { max: num(UDP_RECEIVE_LIMITS.rcvbufMax) }));
  if (!Array.isArray(input.datagrams) || !input.datagrams.length) add('datagrams', msg(RIM.noDatagram));
  else if (input.datagrams.length > UDP_RECEIVE_LIMITS.datagramsMax)
    add('datagrams', msg(RIM.manyDatagrams, { max: UDP_RECEIVE_LIMITS.datagramsMax }));
  else if (input.datagrams.some((n) => !whole(n, 0, UDP_RECEIVE_LIMITS.sizeMax)))
    add('datagrams', msg(RIM.size, { max: num(UDP_RECEIVE_LIMITS.sizeMax) }));
  else {
    const mtu = whole(input.mtu, 68, 65536) ? (input.mtu as number) : 65536;
    const sizes = new Set(input.datagrams);
    let packets = 0;
    for (const size of sizes) packets += wirePacketsOf(size, mtu, v6);
    if (sizes.size > UDP_RECEIVE_LIMITS.distinctSizesMax)
      add(
        'datagrams',
        msg(RIM.distinct, { max: UDP_RECEIVE_LIMITS.distinctSizesMax, count: num(sizes.size) }),
      );
    else if (packets > UDP_RECEIVE_LIMITS.packetsMax)
      add(
        'datagrams',
        msg(RIM.packets, { packets: num(packets), mtu, max: num(UDP_RECEIVE_LIMITS.packetsMax) }),
      );
  }
  if (!whole(input.read_buffer, 0, UDP_RECEIVE_LIMITS.readBufferMax))
    add('read_buffer', msg(RIM.readBuffer, { max: num(UDP_RECEIVE_LIMITS.readBufferMax) }));
  if (input.receiver !== undefined && input.receiver !== 'bound' && input.receiver !== 'none')
    add('receiver', msg(RIM.receiver));
  return out;
}

/** Run the scenario. Never throws on user input. */
export function udpReceive(input: UdpReceiveInput): UdpReceiveResult {
  let issues: UdpReceiveIssue[];
  try {
    issues = validateUdpReceiveInput(input);
  } catch {
    issues = [{ field: '(input)', message: renderText(msg(RIM.notInput), 'en'), msg: msg(RIM.notInput) }];
  }
  if (issues.length) {
    const whyMsg = issueListMsg(issues);
    return { ok: false, errno: 'EINVAL', fn: 'sockscope', why: renderText(whyMsg, 'en'), whyMsg, issues };
  }
  const v6 = input.family === 'inet6';
  const mtu = input.mtu ?? 65536;
  const skRcvbuf = input.rcvbuf === null ? RMEM_DEFAULT : skRcvbufFromSockopt(input.rcvbuf, RMEM_MAX);
  const bound = input.receiver !== 'none';
  let queue: RcvQueue = rcvQueueInit(skRcvbuf);
  const mib = newTally();
  const trace: TraceStep<UdpReceiveSnapshot, Text>[] = [];
  const snap = (datagram: number | null): UdpReceiveSnapshot => ({
    datagram,
    rmem: bound ? queue.rmem : 0,
    rcvbuf: skRcvbuf,
    queued: bound ? queue.queue.length : 0,
  });
  const sent: (number | Errno)[] = [];
  const icmp: [number, number][] = [];
  const outcomes: UdpDatagramOutcome[] = [];
  // Every datagram of one size takes the same way down and up: send each size once.
  const sends = new Map<number, SendResult>();
  input.datagrams.forEach((size, i) => {
    let r = sends.get(size);
    if (!r) {
      r = ipSend(
        { ...DEFAULT_SEND_INPUT, family: input.family, sock: 'udp', mtu, pmtu: 'want', sends: [size] },
        'external',
      );
      sends.set(size, r);
    }
    const sides = sendSides(r);
    mergeTally(mib, tallyFrom(sides.tx));
    mergeTally(mib, tallyFrom(sides.rx));
    const o: UdpDatagramOutcome = {
      index: i,
      size,
      sent: r.ok ? r.sent : r.errno,
      packets: r.wire.length,
      fate: null,
      truesize: null,
      chained: null,
      read: null,
    };
    sent.push(o.sent);
    outcomes.push(o);
    const sendFn = v6 ? 'udpv6_sendmsg' : 'udp_sendmsg';
    if (!r.ok) {
      trace.push({
        fn: r.fn,
        file: r.file,
        why: msg(RM.sendFailed, { d: i + 1, size, errno: r.errno, why: r.why }),
        dir: 'down',
        snapshot: snap(i),
        ...(r.drop_reasons.length ? { drops: r.drop_reasons } : {}),
      });
      return;
    }
    if (!r.arrival) {
      trace.push({
        fn: sendFn,
        file: UDP_FILES[input.family],
        why: msg(RM.neverArrives, {
          d: i + 1,
          size,
          packets: r.wire.length,
          why: r.trace.at(-1)?.why ?? msg(RM.receiverDrops),
        }),
        dir: 'up',
        snapshot: snap(i),
        ...(sides.rx.drop_reasons.length ? { drops: sides.rx.drop_reasons } : {}),
      });
      return;
    }
    const u = udpLibRcv(
      bound ? { bound: true, queue } : { bound: false },
      { ...r.arrival, datagram: i },
      mib,
    );
    if (u.queue) queue = u.queue;
    o.fate = u.fate;
    o.truesize = r.arrival.truesize;
    o.chained = r.arrival.chained;
    if (u.icmpPortUnreachable) {
      // The sender's socket exists: the error it gets back is no InErrors for the receiver.
      icmpError(mib, {
        family: input.family,
        type: v6 ? 1 : 3,
        code: v6 ? 4 : 3,
        quoted: r.arrival.ipLength + (v6 ? 40 : 20),
        received: true,
        inner: 'udp-socket',
        mtu: input.mtu ?? 65536,
      });
      icmp.push([v6 ? 1 : 3, v6 ? 4 : 3]);
    }
    trace.push({
      fn: u.fate === 'queued' ? '__udp_enqueue_schedule_skb' : u.fn,
      file: u.fate === 'queued' ? UDP_FILES.inet : u.file,
      why: msg(RM.arrives, {
        d: i + 1,
        size,
        packets: r.wire.length,
        truesize: r.arrival.truesize,
        why: u.why,
      }),
      dir: 'up',
      snapshot: snap(i),
      ...(u.drops.length ? { drops: u.drops } : {}),
    });
  });
  const received: UdpReceiveOk['received'] = [];
  if (bound) {
    for (;;) {
      const before = queue.rmem;
      const r = udpRecvmsgCounted(queue, input.read_buffer, input.family, mib);
      if (!r.result) break;
      queue = r.queue;
      const o = outcomes[r.result.datagram];
      if (o) o.read = { length: r.result.copied, truncated: r.result.truncated };
      received.push({
        index: r.result.copied >= 4 ? r.result.datagram : null,
        length: r.result.copied,
        truncated: r.result.truncated,
      });
      trace.push({
        fn: v6 ? 'udpv6_recvmsg' : 'udp_recvmsg',
        file: UDP_FILES[input.family],
        why: msg(RM.read, {
          buffer: input.read_buffer,
          d: r.result.datagram + 1,
          len: r.result.len,
          copied: r.result.copied,
          truncated: r.result.truncated ? 'yes' : 'no',
          discarded: r.result.discarded,
          before,
          after: queue.rmem,
        }),
        dir: 'up',
        snapshot: snap(null),
      });
    }
  }
  return {
    ok: true,
    input,
    sk_rcvbuf: skRcvbuf,
    sent,
    received,
    icmp,
    datagrams: outcomes,
    ...tallyResult(mib),
    trace,
  };
}
