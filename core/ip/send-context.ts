/**
 * What every stage of one send shares: the input, the derived sizes (header length, datagram
 * length, MTUs, LL_RESERVED_SPACE), the trace being written, and the two ways a send ends —
 * a SendFail (errno, the kernel function returning it, why) or the shared finish (send-finish.ts).
 */
import { countMibId, counterId, newTally, tallyResult, type Tally } from '../drops/tally.ts';
import type { MibResult } from '../drops/types.ts';
import { type Errno } from '../errno/index.ts';
import { msg, type Msg } from '../i18n/index.ts';
import { llReservedSpace } from '../skb/alloc.ts';
import type { RxSocket } from './receive.ts';
import { M } from './send-messages.ts';
import { NO_TRACE, type OutputTrace } from './step.ts';
import {
  PMTU_VALUE,
  type IcmpReply,
  type PmtuMode,
  type SendFail,
  type SendInput,
  type WirePacket,
} from './types.ts';

export const UDP_C = 'net/ipv4/udp.c';
export const UDP6_C = 'net/ipv6/udp.c';
export const RAW_C = 'net/ipv4/raw.c';
export const RAW6_C = 'net/ipv6/raw.c';
export const IP_SOCKGLUE_C = 'net/ipv4/ip_sockglue.c';

/** The loopback scenario the fixtures use. */
export const LOOPBACK = {
  saddr4: [127, 0, 0, 1],
  daddr4: [127, 0, 0, 1],
  /** Ethernet-style hard header of loopback (drivers/net/loopback.c). */
  hardHeaderLen: 14,
  /** The clock a TS option reads (ms since midnight UTC): a fixed noon, so traces are reproducible. */
  nowMs: 12 * 3600 * 1000,
};

/** include/net/ip.h predicates on inet->pmtudisc. */
export const ipSkUsePmtu = (m: PmtuMode): boolean => PMTU_VALUE[m] < PMTU_VALUE.probe;
export const ipSkIgnoreDf = (m: PmtuMode): boolean => PMTU_VALUE[m] < PMTU_VALUE.do || m === 'omit';
export const ipDontFragment = (m: PmtuMode, mtuLocked = false): boolean =>
  m === 'do' || (m === 'want' && !mtuLocked);

export type { IcmpReply } from './types.ts';

/** The fields every SendResult carries, filled as the send goes. */
export interface SendCommonFields {
  input: SendInput;
  datagramLength: number;
  headerLength: number;
  icmp: IcmpReply[];
  numbers: Record<string, number>;
}

export interface SendContext {
  input: SendInput;
  trace: OutputTrace;
  v6: boolean;
  udp: boolean;
  hdrincl: boolean;
  /**
   * IP_HDRINCL because the socket is SOCK_RAW of protocol 255 (IPPROTO_RAW: inet_create and
   * inet6_create set it): the payload's own first bytes are the IP header (send-hdrincl.ts
   * rawSendUserHeader).
   * `raw-hdrincl` is the recording tools' IP_HDRINCL, a 20-byte header built in front.
   */
  userHeader: boolean;
  /**
   * rawv6_push_pending_frames wrote a wrong checksum (raw6_getfrag summed bytes at the wrong
   * parity: sendmsg.ts rawv6ChecksumSlips); set by the send path, read by the receiver.
   */
  rawCsumBad: boolean;
  /** The sends in order (one sendmsg with an iovec counts as one send of the iovec's total). */
  sends: number[];
  totalLen: number;
  protocol: number;
  headerLength: number;
  datagramLength: number;
  devMtu: number;
  /** dst_mtu of the loopback route. */
  pathMtu: number;
  hhLen: number;
  ignoreDf: boolean;
  usePmtu: boolean;
  /** udp_sendmsg / udpv6_sendmsg / raw_sendmsg / rawv6_sendmsg and its file. */
  sendFn: string;
  sendFile: string;
  common: SendCommonFields;
  /** The receiving UDP socket (see loopbackReceive). */
  socket: RxSocket;
  /** The sender's drops and counters (down to the wire). */
  tx: Tally;
  /** The receiver's (from the wire up); the same tally as `tx` unless socket is `external`. */
  rx: Tally;
}

/** Everything derived from the input before the first kernel step. */
/** `quiet`: record no trace (step.ts NO_TRACE), for a caller that needs only the wire. */
export function sendContext(input: SendInput, socket: RxSocket = 'fresh', quiet = false): SendContext {
  const v6 = input.family === 'inet6';
  const udp = input.sock === 'udp';
  const userHeader = input.sock === 'raw' && input.protocol === 255;
  const hdrincl = input.sock === 'raw-hdrincl' || userHeader;
  const sends = input.iov ? [input.iov.reduce((a, b) => a + b, 0)] : input.sends;
  const totalLen = sends.reduce((a, b) => a + b, 0);
  const optlen = v6 ? 0 : input.options.length ? (input.options.length + 3) & ~3 : 0;
  const headerLength = v6 ? 40 : 20 + optlen;
  const datagramLength = userHeader ? totalLen : hdrincl ? totalLen + 20 : totalLen + (udp ? 8 : 0);
  const devMtu = input.mtu;
  // Validation comes after (and refuses it); junk pmtu must not throw here (PMTU_VALUE[junk]).
  const pmtuKnown = typeof input.pmtu === 'string' && Object.hasOwn(PMTU_VALUE, input.pmtu);
  // The two sides stay apart only for callers that take over at udp_rcv (see withMib).
  const tx = newTally();
  return {
    input,
    trace: quiet ? NO_TRACE : [],
    v6,
    udp,
    hdrincl,
    userHeader,
    rawCsumBad: false,
    sends,
    totalLen,
    protocol: udp ? 17 : input.protocol,
    headerLength,
    datagramLength,
    devMtu,
    // dst_mtu of the loopback route: the device MTU, capped at IP_MAX_MTU (IPv4) / IP6_MAX_MTU.
    pathMtu: v6 ? Math.min(devMtu, 65535 + 40) : Math.min(devMtu, 0xffff),
    hhLen: llReservedSpace(LOOPBACK.hardHeaderLen),
    ignoreDf: pmtuKnown && ipSkIgnoreDf(input.pmtu),
    usePmtu: pmtuKnown && ipSkUsePmtu(input.pmtu),
    sendFn: v6 ? (udp ? 'udpv6_sendmsg' : 'rawv6_sendmsg') : udp ? 'udp_sendmsg' : 'raw_sendmsg',
    sendFile: v6 ? (udp ? UDP6_C : RAW6_C) : udp ? UDP_C : RAW_C,
    common: { input, datagramLength, headerLength, icmp: [], numbers: {} },
    socket,
    tx,
    rx: socket === 'external' ? newTally() : tx,
  };
}

type MibFields = Pick<SendFail, 'drop_reasons' | 'snmp_delta' | 'sides'>;

/** A send's drops and counters split by side: the sender's (down to the wire), the receiver's (from the wire up). */
export interface SendSides {
  tx: MibResult;
  rx: MibResult;
}

/**
 * Finish a result: drop_reasons and snmp_delta of the whole send; when the caller takes over at
 * udp_rcv (socket `external`: the receive pipeline, the Journey), also the two sides apart.
 */
export function withMib<R extends object>(ctx: SendContext, result: R): R & MibFields {
  return Object.assign(result, mibOf(ctx));
}

/** The send's drops and counters as withMib adds them (drop_reasons, snmp_delta, then sides when apart). */
export function mibOf(ctx: SendContext): MibFields {
  const mib: MibFields = ctx.rx === ctx.tx ? tallyResult(ctx.tx) : tallyResult(ctx.tx, ctx.rx);
  if (ctx.socket === 'external') mib.sides = { tx: tallyResult(ctx.tx), rx: tallyResult(ctx.rx) };
  return mib;
}

/** The sender's and the receiver's drops and counters of a send result, apart (ipSend with socket `external`). */
export function sendSides(r: Pick<SendFail, 'drop_reasons' | 'snmp_delta' | 'sides'>): SendSides {
  return r.sides ?? { tx: { drop_reasons: r.drop_reasons, snmp_delta: r.snmp_delta }, rx: tallyResult() };
}

/** The send fails with `errno` from `fn` (file): nothing more leaves. */
export function sendFail(
  ctx: SendContext,
  errno: Errno,
  fn: string,
  file: string,
  why: Msg,
  wire: WirePacket[] = [],
): SendFail {
  return withMib(ctx, {
    ok: false as const,
    ...ctx.common,
    errno,
    fn,
    file,
    why,
    received_length: null,
    wire,
    fragPath: 'none',
    fragPathWhy: msg(M.nothingFragmented),
    trace: ctx.trace,
  });
}

/** A small deterministic hash: stands in for ids a real kernel draws at random. */
export function pseudoRandom(input: SendInput, bits: number): number {
  const v = (inputHash(input) >>> 0) % 2 ** bits;
  // Below 31 bits as a small integer (| 0): `>>> 0` and `%` give V8 a double, and a double
  // stored in a field makes that field a boxed number in every object of its shape (each
  // fragment's wire packet carries the IPv4 id: a 1,365-fragment send boxed 1,365 of them).
  return v === 0 ? 1 : bits < 31 ? v | 0 : v;
}

const FNV_BASIS = 2166136261;
const FNV_PRIME = 16777619;
const mix = (h: number, word: number): number => Math.imul(h ^ word, FNV_PRIME);

/** One value into the hash, by kind (a tag first, so 1, "1", true and [1] differ). */
function hashValue(h: number, v: unknown): number {
  switch (typeof v) {
    case 'number':
      // An integer in 32 bits is one word; anything else (fractions, NaN, huge) its text.
      if ((v | 0) === v || v >>> 0 === v) return mix(mix(h, 1), v);
      return hashText(mix(h, 2), String(v));
    case 'string':
      return hashText(mix(h, 3), v);
    case 'boolean':
      return mix(h, v ? 5 : 4);
    case 'bigint':
      return hashText(mix(h, 6), String(v));
    case 'undefined':
      return mix(h, 7);
    case 'object':
      if (Array.isArray(v)) {
        h = mix(mix(h, 8), v.length);
        for (let i = 0; i < v.length; i++) h = hashValue(h, v[i]);
        return h;
      }
      return mix(h, v === null ? 9 : 10);
    default:
      return mix(h, 11);
  }
}

function hashText(h: number, s: string): number {
  h = mix(h, s.length);
  for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
  return h;
}

/**
 * FNV-1a (a 32-bit word at a time) over the fields a send reads, by name, in SendInput's order:
 * equal sends give equal ids however their objects were built (key order, extra keys, a
 * prototype), and any change to what the send reads gives another. Then murmur3's finaliser, so
 * that the low bits an id keeps depend on every field. Any JavaScript value may come in (the send
 * validates after the shape check, but a getter may still throw): never a throw here.
 */
export function inputHash(input: unknown): number {
  let h = FNV_BASIS;
  try {
    if (typeof input !== 'object' || input === null) h = hashValue(mix(h, 12), input);
    else {
      // SendInput's fields in its declared order, read by name: a loop over a list of their
      // names took 0.15–0.20 µs a hash against 0.085–0.093 (Node 20, bundled), a send's 1–1.5 %.
      const i = input as Partial<Record<keyof SendInput, unknown>>;
      h = hashValue(h, i.family);
      h = hashValue(h, i.sock);
      h = hashValue(h, i.protocol);
      h = hashValue(h, i.mtu);
      h = hashValue(h, i.pmtu);
      h = hashValue(h, i.sends);
      h = hashValue(h, i.iov);
      h = hashValue(h, i.options);
      h = hashValue(h, i.sg);
      h = hashValue(h, i.sndbuf);
      h = hashValue(h, i.sndbufCheck);
      h = hashValue(h, i.df);
    }
  } catch {
    h = mix(h, 13);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The counters every send that leaves moves, by id (looked up once: see finish-output.ts). */
const XMIT_COUNTERS = {
  inet: {
    outTransmits: counterId('Ip', 'OutTransmits'),
    outOctets: counterId('IpExt', 'OutOctets'),
    outDatagrams: counterId('Udp', 'OutDatagrams'),
  },
  inet6: {
    outTransmits: counterId('Ip6', 'OutTransmits'),
    outOctets: counterId('Ip6', 'OutOctets'),
    outDatagrams: counterId('Udp6', 'OutDatagrams'),
  },
} as const;

export const xmitCounters = (ctx: SendContext) => (ctx.v6 ? XMIT_COUNTERS.inet6 : XMIT_COUNTERS.inet);

/** ip_finish_output2 / ip6_finish_output2 → loopback_xmit: what every packet that leaves counts. */
export function countTransmits(ctx: SendContext, wire: readonly WirePacket[]): void {
  const c = xmitCounters(ctx);
  let octets = 0;
  for (const w of wire) octets += w.total_length;
  countMibId(ctx.tx, c.outTransmits, wire.length);
  countMibId(ctx.tx, c.outOctets, octets);
}
