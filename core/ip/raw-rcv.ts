/**
 * What a raw socket's datagram meets on the way back up when its protocol has a kernel handler
 * (ip_protocol_deliver_rcu, ip6_protocol_deliver_rcu): the sending socket gets its copy
 * (raw_local_deliver / raw6_local_deliver clone the skb), then the handler reads the payload as
 * its own header — icmp_rcv, igmp_rcv, udp_rcv / udplite_rcv, icmpv6_rcv, and for protocol 59
 * (no next header) dst_discard. The payload is the bytes the recording tools write
 * (payloadRuns), so every header field a handler reads is a byte of that fill.
 */
import { countDrop, countMib, sortDrops, type Tally } from '../drops/tally.ts';
import { icmpError } from './icmp.ts';
import type { DropReason } from '../drops/types.ts';
import { msg, type Msg } from '../i18n/index.ts';
import { udpLibRcv } from '../udp/udp-rcv.ts';
import { RRM } from './raw-rcv-messages.ts';
import { byteAt, firstByte, fragHeaderAt, wordAt, type ByteRun } from './payload-runs.ts';
import type { Family } from './types.ts';

/**
 * The Internet checksum's verdict over the bytes (RFC 1071, no pseudo-header, as ICMP and IGMP
 * use it): the one's-complement sum of the 16-bit words, an odd last byte padded with a zero,
 * must be all ones. Runs are summed in closed form, not byte by byte.
 */
export function checksumHolds(runs: readonly ByteRun[]): boolean {
  let sum = 0;
  let odd = false;
  for (const r of runs) {
    let n = r.count;
    if (n === 0) continue;
    if (odd) {
      sum += r.byte; // the low byte of the word the previous run started
      n--;
      odd = false;
    }
    const words = Math.floor(n / 2);
    // words × (byte·257), reduced mod 65,535 as it goes (one's-complement addition)
    sum = (sum + (words % 65535) * ((r.byte * 257) % 65535)) % 65535;
    if (n % 2) {
      sum += r.byte << 8;
      odd = true;
    }
    sum %= 65535;
  }
  sum %= 65535;
  // The one's-complement sum of nonzero data is 0xffff exactly when it is 0 mod 65,535.
  let any = false;
  for (const r of runs) if (r.count && r.byte) any = true;
  return any && sum === 0;
}

export interface RawHandlerArgs {
  family: Family;
  protocol: number;
  /** skb->len at the handler: the whole payload. */
  len: number;
  runs: readonly ByteRun[];
  /** skbs on the head's frag_list and where each starts (udp_rcv's trim frees some). */
  chainStarts: readonly number[];
}

export interface RawHandlerOutcome {
  handler: string;
  file: string;
  why: Msg;
  dropped: boolean;
  drops: DropReason[];
}

/** A handler's single drop: into the tally and the step's list. */
function dropOne(t: Tally, reason: string, fn: string): DropReason[] {
  countDrop(t, reason, fn);
  return [{ reason, function: fn, count: 1 }];
}

/** icmp_rcv (net/ipv4/icmp.c) on a message whose bytes are the user's, checksum included. */
function icmpRcv(a: RawHandlerArgs, t: Tally): RawHandlerOutcome {
  const base = { handler: 'icmp_rcv', file: 'net/ipv4/icmp.c', dropped: true };
  countMib(t, 'Icmp', 'InMsgs');
  if (!checksumHolds(a.runs)) {
    countMib(t, 'Icmp', 'InCsumErrors');
    countMib(t, 'Icmp', 'InErrors');
    return { ...base, why: msg(RRM.icmpCsum, { len: a.len }), drops: dropOne(t, 'ICMP_CSUM', 'icmp_rcv') };
  }
  if (a.len < 8) {
    countMib(t, 'Icmp', 'InErrors');
    return {
      ...base,
      why: msg(RRM.icmpShort, { len: a.len }),
      drops: dropOne(t, 'NOT_SPECIFIED', 'icmp_rcv'),
    };
  }
  const type = firstByte(a.runs);
  countMib(t, 'IcmpMsg', `InType${type}`);
  // Every fill ('p', 'A'…, 'i') is a type above NR_ICMP_TYPES (18) and none is 42/43 (extended echo).
  countMib(t, 'Icmp', 'InErrors');
  return {
    ...base,
    why: msg(RRM.icmpUnknown, { type }),
    drops: dropOne(t, 'UNHANDLED_PROTO', 'icmp_rcv'),
  };
}

/** icmpv6_rcv (net/ipv6/icmp.c): rawv6 wrote a valid checksum at offset 2 (IPV6_CHECKSUM default). */
function icmpv6Rcv(a: RawHandlerArgs, t: Tally): RawHandlerOutcome {
  const base = { handler: 'icmpv6_rcv', file: 'net/ipv6/icmp.c' };
  countMib(t, 'Icmp6', 'InMsgs');
  if (a.len < 8) {
    countMib(t, 'Icmp6', 'InErrors');
    return {
      ...base,
      dropped: true,
      why: msg(RRM.icmp6Short, { len: a.len }),
      drops: dropOne(t, 'NOT_SPECIFIED', 'icmpv6_rcv'),
    };
  }
  const type = firstByte(a.runs);
  countMib(t, 'Icmp6', `InType${type}`);
  // An error type (below 128): icmpv6_notify reads the quoted IPv6 header after the 8-byte
  // ICMPv6 header and 8 bytes past it (its next header, byte 6 of the quote, is no extension
  // header for any of the fills).
  const quoted = a.len - 8;
  if (quoted < 40 + 8) {
    countMib(t, 'Icmp6', 'InErrors');
    return {
      ...base,
      dropped: true,
      why: msg(RRM.icmp6NotifyShort, { type, quoted }),
      drops: dropOne(t, 'PKT_TOO_SMALL', 'icmpv6_rcv'),
    };
  }
  return {
    ...base,
    dropped: false,
    why: msg(RRM.icmp6Notified, { type, inner: byteAt(a.runs, 8 + 6) }),
    drops: [],
  };
}

/**
 * The handler of a raw socket's protocol, or null when the protocol has none this model knows
 * (the datagram is the raw socket's alone: consume_skb).
 */
export function rawHandlerRcv(a: RawHandlerArgs, t: Tally): RawHandlerOutcome | null {
  const v6 = a.family === 'inet6';
  if (!v6 && a.protocol === 1) return icmpRcv(a, t);
  if (v6 && a.protocol === 58) return icmpv6Rcv(a, t);
  if (!v6 && a.protocol === 2)
    return {
      handler: 'igmp_rcv',
      file: 'net/ipv4/igmp.c',
      dropped: true,
      why: msg(RRM.igmp, { len: a.len, type: firstByte(a.runs) }),
      drops: dropOne(t, 'NOT_SPECIFIED', 'igmp_rcv'),
    };
  if (v6 && a.protocol === 59)
    return {
      handler: 'dst_discard',
      file: 'net/ipv6/exthdrs.c',
      dropped: true,
      why: msg(RRM.nodata),
      drops: dropOne(t, 'NOT_SPECIFIED', 'dst_discard_out'),
    };
  if (a.protocol === 17 || a.protocol === 136) {
    const lite = a.protocol === 136;
    // The raw socket's clone shares the data: udp_rcv's copy is a clone (shared).
    const u = udpLibRcv(
      { bound: false },
      {
        family: a.family,
        datagram: 0,
        ipLength: a.len,
        ulen: wordAt(a.runs, 4),
        headerIntact: false,
        truesize: 0,
        chained: a.chainStarts.length,
        chainStarts: a.chainStarts,
        shared: true,
        lite,
      },
      t,
    );
    return {
      handler: u.fn,
      file: u.file,
      dropped: true,
      why: msg(RRM.udp, { lite: lite ? 'yes' : 'no', why: u.why }),
      drops: u.drops,
    };
  }
  return null;
}

/**
 * A raw IPv6 socket of protocol 43 (routing header) or 60 (destination options): every packet's
 * payload starts with the bytes its header is read from, and ip6_input_finish hands each packet —
 * fragments too, whose fragment header comes after that header — to ipv6_rthdr_rcv /
 * ipv6_destopt_rcv before any reassembly. Too short for the 8 bytes and the length the header
 * claims: InHdrErrors, freed. Otherwise a routing header of an unknown type with segments left
 * draws ICMPv6 Parameter Problem (pointing at its type) and is freed; a destination-options
 * header's first option (every fill byte's top bits are 01: “discard”) is dropped by
 * ip6_tlvopt_unknown. Returns each packet's drops, and the ICMPv6 errors sent (and received).
 */
export function ipv6ExthdrRcv(
  a: { protocol: number; runs: readonly ByteRun[]; payloadLengths: readonly number[] },
  t: Tally,
): { handler: string; file: string; drops: DropReason[]; icmp: number; why: Msg } {
  const rthdr = a.protocol === 43;
  const handler = rthdr ? 'ipv6_rthdr_rcv' : 'ipv6_destopt_rcv';
  const file = 'net/ipv6/exthdrs.c';
  const hdrlen = (byteAt(a.runs, 1) + 1) * 8;
  let short = 0;
  let parsed = 0;
  for (const plen of a.payloadLengths) {
    countMib(t, 'Ip6', 'InHdrErrors');
    if (plen < Math.max(8, hdrlen)) {
      short++;
      continue;
    }
    parsed++;
    if (rthdr) {
      const quoted = 40 + plen;
      icmpError(t, {
        family: 'inet6',
        type: 4,
        code: 0,
        quoted,
        received: true,
        // icmpv6_notify skips the quoted routing header and wants 8 bytes past it
        inner: Math.min(quoted, 1232) < 40 + hdrlen + 8 ? 'too-short' : 'no-transport',
      });
    }
  }
  const drops: DropReason[] = [];
  const add = (reason: string, fn: string, n: number) => {
    if (!n) return;
    countDrop(t, reason, fn, n);
    drops.push({ reason, function: fn, count: n });
  };
  if (rthdr) add('NOT_SPECIFIED', handler, short + parsed);
  else {
    add('NOT_SPECIFIED', handler, short);
    add('UNHANDLED_PROTO', 'ip6_tlvopt_unknown', parsed);
  }
  const why = msg(RRM.exthdr, {
    rthdr: rthdr ? 'yes' : 'no',
    handler,
    hdrlen,
    n: a.payloadLengths.length,
    short,
    parsed,
    anyShort: short ? 'yes' : 'no',
    anyParsed: parsed ? 'yes' : 'no',
    type: byteAt(a.runs, 2),
  });
  return {
    handler,
    file,
    drops: drops.length > 1 ? sortDrops(drops) : drops,
    icmp: rthdr ? parsed : 0,
    why,
  };
}

/** IPV6_MAXPLEN: the most a payload length can say. */
const IPV6_MAXPLEN = 65535;
/** What icmp6_send quotes of the offending packet past its own 48 bytes (the IPv6 minimum MTU). */
const ICMP6_QUOTE_MAX = 1280 - 48;

/**
 * What icmpv6_notify finds in a quote of a packet whose next header is 44 and whose payload is
 * `runs` (`quotedPayload` bytes of it in the quote): ipv6_skip_exthdr reads the fragment header's
 * first 2 bytes and its frag_off (bytes 2–3) — without them the quote is a bad extension header;
 * a non-zero offset stops it there (40 bytes in), a zero one skips the 8 bytes and goes on with
 * byte 0 as the next header (none of the fills is an extension header). Then it wants 8 bytes
 * past that point, or the quote is too short.
 */
function fragQuoteInner(
  runs: readonly ByteRun[],
  quotedPayload: number,
): 'bad-exthdr' | 'too-short' | 'no-transport' {
  if (quotedPayload < 4) return 'bad-exthdr';
  const offset = wordAt(runs, 2) & 0xfff8;
  const inner = offset ? 0 : 8;
  return quotedPayload < inner + 8 ? 'too-short' : 'no-transport';
}

export interface FragHeaderRcvArgs {
  /** skb->len at the handler: the payload (after the IPv6 header, and after reassembly). */
  len: number;
  runs: readonly ByteRun[];
  /**
   * The packet was itself put back together from the sender's fragments (IP6SKB_FRAGMENTED).
   * Its chained fragments are not freed with it: the raw socket's clone still shares the data.
   */
  reassembled: boolean;
}

export interface FragHeaderRcvOutcome {
  why: Msg;
  drops: DropReason[];
  /** The ICMPv6 Parameter Problem sent back (type 4, code 0), if any. */
  paramProblem: boolean;
}

/**
 * ipv6_frag_rcv (net/ipv6/reassembly.c) on a raw IPv6 socket's payload of protocol 44: the
 * payload's first 8 bytes are read as a fragment header (next header, frag_off, identification),
 * so the fill decides it. In the function's order: a packet that was reassembled already may not
 * carry another fragment header, and a payload under 8 bytes has none (`fail_hdr`: InHdrErrors,
 * ICMPv6 Parameter Problem, freed); ReasmReqds is counted between the two. Then ip6_frag_queue
 * on a fresh queue (the identification is the fill's): an end past 65,535 or a non-last
 * fragment whose end is not a multiple of 8 draws a Parameter Problem (InHdrErrors); an empty
 * fragment kills the queue (ReasmFails); anything else waits for the rest of its datagram, which
 * never comes (the 60 s timeout is past the recorded window). The Parameter Problem comes back
 * on loopback and icmpv6_notify reads the quote (fragQuoteInner). A frag_off with neither offset
 * nor MF ("not a fragmented frame") would go on to the next header; no fill gives one (their
 * bytes are never 0), so the model does not follow that branch.
 */
export function ipv6FragHeaderRcv(a: FragHeaderRcvArgs, t: Tally): FragHeaderRcvOutcome {
  const here = 'ipv6_frag_rcv';
  const paramProblem = (why: Msg): FragHeaderRcvOutcome => {
    countMib(t, 'Ip6', 'InHdrErrors');
    const drops: DropReason[] = [{ reason: 'NOT_SPECIFIED', function: here, count: 1 }];
    countDrop(t, 'NOT_SPECIFIED', here);
    const inner = fragQuoteInner(a.runs, Math.min(a.len, ICMP6_QUOTE_MAX - 40));
    icmpError(t, { family: 'inet6', type: 4, code: 0, quoted: 40 + a.len, received: true, inner });
    return { why, drops, paramProblem: true };
  };
  if (a.reassembled) return paramProblem(msg(RRM.fragNoHeader, { len: 'nested' }));
  countMib(t, 'Ip6', 'ReasmReqds');
  if (a.len < 8) return paramProblem(msg(RRM.fragNoHeader, { len: a.len }));
  const { next_header: next, offset, mf } = fragHeaderAt((i) => byteAt(a.runs, i));
  const data = a.len - 8;
  const end = offset + data;
  const read = { next, offset, mf: mf ? 'yes' : 'no', data };
  if (end > IPV6_MAXPLEN) return paramProblem(msg(RRM.fragHeader, { ...read, end, verdict: 'past' }));
  if (mf && end & 7) return paramProblem(msg(RRM.fragHeader, { ...read, end, verdict: 'rounded' }));
  if (end === offset) {
    countMib(t, 'Ip6', 'ReasmFails');
    countDrop(t, 'NOT_SPECIFIED', here);
    return {
      why: msg(RRM.fragHeader, { ...read, end, verdict: 'empty' }),
      drops: [{ reason: 'NOT_SPECIFIED', function: here, count: 1 }],
      paramProblem: false,
    };
  }
  return { why: msg(RRM.fragHeader, { ...read, end, verdict: 'queued' }), drops: [], paramProblem: false };
}
