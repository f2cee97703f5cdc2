/**
 * What every stage of one send shares: the input, the derived sizes (header length, datagram
 * length, MTUs, LL_RESERVED_SPACE), the trace being written, and the two ways a send ends —
 * a SendFail (errno, the kernel function returning it, why) or the shared finish (send-finish.ts).
 */
import { newTally, tallyResult, type Tally } from '../drops/tally.ts';
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
  const hdrincl = input.sock === 'raw-hdrincl';
  const sends = input.iov ? [input.iov.reduce((a, b) => a + b, 0)] : input.sends;
  const totalLen = sends.reduce((a, b) => a + b, 0);
  const optlen = v6 ? 0 : input.options.length ? (input.options.length + 3) & ~3 : 0;
  const headerLength = v6 ? 40 : 20 + optlen;
  const datagramLength = hdrincl ? totalLen + 20 : totalLen + (udp ? 8 : 0);
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
  // FNV-1a over the input's JSON text: hashed as it is walked when the input is plain data
  // (jsonHash, no string built: a tenth of a small send's time went to the text), else over
  // JSON.stringify's own output. Any JavaScript value may come in (a BigInt switch too): never
  // a throw here. The replacer changes only BigInts, which make the plain stringify throw.
  let h = jsonHash(input);
  if (h === undefined) {
    let s: string;
    try {
      s = JSON.stringify(input);
    } catch {
      s = JSON.stringify(input, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
    }
    h = fnv(FNV_BASIS, s);
  }
  const v = (h >>> 0) % 2 ** bits;
  return v === 0 ? 1 : v;
}

const FNV_BASIS = 2166136261;
const FNV_PRIME = 16777619;
const fnv = (h: number, s: string): number => {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
};
const fnvChar = (h: number, c: number): number => Math.imul(h ^ c, FNV_PRIME);

/** FNV-1a over `"s"` as JSON.stringify writes it, or undefined when it would escape a character. */
function fnvQuoted(h: number, s: string): number | undefined {
  h = fnvChar(h, 0x22);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return undefined;
    h = fnvChar(h, c);
  }
  return fnvChar(h, 0x22);
}

const fnvNumber = (h: number, n: number): number => fnv(h, Number.isFinite(n) ? String(n) : 'null');

/**
 * FNV-1a over JSON.stringify(o)'s text without building it, for what a send input is: a plain
 * object of numbers, booleans, null, strings needing no escape and plain arrays of numbers (keys
 * in Object.keys order, undefined/function/symbol values left out, as JSON does). Anything else
 * (a toJSON, a prototype, a nested object, a BigInt, an escaped character): undefined, and the
 * caller hashes JSON.stringify's own output. pseudoRandom's test compares the two on random values.
 */
export function jsonHash(o: unknown): number | undefined {
  if (typeof o !== 'object' || o === null || Object.getPrototypeOf(o) !== Object.prototype || 'toJSON' in o)
    return undefined;
  const rec = o as Record<string, unknown>;
  let h: number | undefined = fnvChar(FNV_BASIS, 0x7b);
  let first = true;
  const keys = Object.keys(rec);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as string;
    const v = rec[key];
    const t = typeof v;
    if (t === 'undefined' || t === 'function' || t === 'symbol') continue;
    if (!first) h = fnvChar(h, 0x2c);
    first = false;
    h = fnvQuoted(h, key);
    if (h === undefined) return undefined;
    h = fnvChar(h, 0x3a);
    if (t === 'number') h = fnvNumber(h, v as number);
    else if (t === 'boolean') h = fnv(h, v ? 'true' : 'false');
    else if (t === 'string') h = fnvQuoted(h, v as string);
    else if (v === null) h = fnv(h, 'null');
    else if (Array.isArray(v) && Object.getPrototypeOf(v) === Array.prototype && !('toJSON' in v)) {
      h = fnvChar(h, 0x5b);
      for (let i = 0; i < v.length; i++) {
        const e: unknown = v[i];
        if (typeof e !== 'number') return undefined;
        if (i) h = fnvChar(h, 0x2c);
        h = fnvNumber(h, e);
      }
      h = fnvChar(h, 0x5d);
    } else return undefined;
    if (h === undefined) return undefined;
  }
  return fnvChar(h, 0x7d);
}
