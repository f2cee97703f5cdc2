/**
 * From the queue to the wire: __ip_make_skb / __ip6_make_skb (chain the queue into one skb
 * with a frag_list, write the header, decide DF), ip_finish_output / ip6_finish_output
 * (fragment or not), ip_fragment (DF → ICMP "fragmentation needed" + EMSGSIZE),
 * ip_do_fragment / ip6_fragment (fast path reusing the frag_list skbs, or the slow path
 * copying into new skbs), ip_options_fragment.
 */
import { msg, type Msg } from '../i18n/index.ts';
import { llReservedSpace } from '../skb/alloc.ts';
import {
  allocSkb,
  headroom,
  pagelen,
  skbLabel,
  skbPull,
  skbPush,
  skbPut,
  skbReserve,
  type SkBuff,
} from '../skb/skb.ts';
import type { PageFrag, Region } from '../skb/types.ts';
import type { FragPath, WirePacket, WirePacketV4, WirePacketV6 } from './types.ts';
import { IP6_OUTPUT_C, IP_OUTPUT_C } from './append.ts';
import { M } from './send-messages.ts';
import { pushStep, type OutputTrace } from './step.ts';
import { ipOptionsFragment } from './options.ts';

export const IP_OPTIONS_C = 'net/ipv4/ip_options.c';

/** The step that hands the fragments out (ip_fraglist_prepare, ip_frag_next and their IPv6 twins): the skbs cut so far, their number, the packets on the wire. */
function pushFragmentsStep(
  trace: OutputTrace,
  fn: string,
  file: string,
  why: Msg,
  out: SkBuff[],
  wireCount: number,
): void {
  pushStep(trace, fn, file, why, out, { fragments: out.length }, undefined, wireCount);
}

/** The IPv4 header fields the model tracks for one packet. */
export interface Ip4Header {
  ihl: number;
  id: number;
  df: boolean;
  mf: boolean;
  /** Fragment offset in bytes. */
  offset: number;
  protocol: number;
  options: number[];
}

export interface MadeSkb {
  skb: SkBuff;
  /** The transport datagram's length (what the IP header will carry after the header). */
  datagramLength: number;
}

type Trace = OutputTrace;

/**
 * __ip_make_skb / __ip6_make_skb: the first queued skb becomes the head; every later skb
 * has its network-header room pulled off and is chained on the head's frag_list.
 */
export function ipMakeSkb(queue: SkBuff[], family: 'inet' | 'inet6', trace: Trace): SkBuff {
  const head = queue[0] as SkBuff;
  const nhl = (head.transport_header ?? 0) - (head.network_header ?? 0);
  for (const tmp of queue.slice(1)) {
    skbPull(tmp, nhl);
    head.frag_list.push(tmp);
    head.len += tmp.len;
    head.data_len += tmp.len;
    head.truesize += tmp.truesize;
  }
  head.label = family === 'inet' ? 'ip datagram' : 'ip6 datagram';
  pushStep(
    trace,
    family === 'inet' ? '__ip_make_skb' : '__ip6_make_skb',
    family === 'inet' ? IP_OUTPUT_C : IP6_OUTPUT_C,
    msg(M.makeSkbChain, { later: queue.length - 1, nhl, len: head.len, dataLen: head.data_len }),
    [head],
    {
      'skb->len': head.len,
      data_len: head.data_len,
      frag_list: head.frag_list.length,
      truesize: head.truesize,
    },
  );
  return head;
}

export interface FragmentResult {
  wire: WirePacket[];
  /** The skbs that leave, one per wire packet. */
  out: SkBuff[];
  path: FragPath;
  why: Msg;
  /**
   * Slow path: the skbs that were on the original's frag_list. ip_do_fragment / ip6_fragment end
   * with consume_skb(skb), whose __kfree_skb frees them with SKB_DROP_REASON_NOT_SPECIFIED
   * (skb_release_data): each one shows as a drop.
   */
  chainFreed?: number;
}

/** ip_do_fragment's fast-path checks: null when the frag_list can be reused, else why not. */
export function fastPathRefusal(
  skb: SkBuff,
  hlen: number,
  mtu: number,
  llRs: number,
  isFragment: boolean,
  v6: boolean,
): Msg | null {
  if (!skb.frag_list.length) return msg(M.refuseNoList);
  const firstLen = pagelen(skb);
  if (firstLen - hlen > mtu) return msg(M.refuseHeadLong, { len: firstLen - hlen, mtu });
  if ((firstLen - hlen) & 7) return msg(M.refuseHeadOdd, { len: firstLen - hlen });
  if (isFragment) return msg(M.refuseIsFragment);
  const needHead = v6 ? llRs + 8 : llRs;
  if (headroom(skb) < needHead) return msg(M.refuseHeadroom, { room: headroom(skb), need: needHead });
  const n = skb.frag_list.length;
  for (let i = 0; i < n; i++) {
    const f = skb.frag_list[i] as SkBuff;
    if (f.len > mtu) return msg(M.refuseMemberLong, { i: i + 1, len: f.len, mtu });
    if (f.len & 7 && i < n - 1) return msg(M.refuseMemberOdd, { i: i + 1, len: f.len });
    const need = hlen + llRs + (v6 ? 8 : 0);
    if (headroom(f) < need) return msg(M.refuseMemberHeadroom, { i: i + 1, room: headroom(f), need });
  }
  return null;
}

/**
 * The byte range of the user's data an skb carries: over its linear regions past `data` that are
 * not IP headers, and its page frags' regions. One pass, nothing allocated but the result.
 */
function payloadRange(skb: SkBuff): { from: number; to: number } {
  let from = Infinity;
  let to = -Infinity;
  const regions = skb.regions;
  for (let i = 0; i < regions.length; i++) {
    const r = regions[i] as Region;
    if (r.start < skb.data || r.kind === 'ip' || r.kind === 'ipopt' || r.kind === 'ip6' || r.kind === 'frag6')
      continue;
    if (r.from === undefined || r.to === undefined) continue;
    if (r.from < from) from = r.from;
    if (r.to > to) to = r.to;
  }
  const frags = skb.frags;
  for (let j = 0; j < frags.length; j++) {
    const fr = (frags[j] as PageFrag).regions;
    for (let i = 0; i < fr.length; i++) {
      const r = fr[i] as Region;
      if (r.from === undefined || r.to === undefined) continue;
      if (r.from < from) from = r.from;
      if (r.to > to) to = r.to;
    }
  }
  return from === Infinity ? { from: 0, to: 0 } : { from, to };
}

/** A wire packet's options when it has none (read, never written: one list for every packet). */
const NO_OPTIONS: number[] = Object.freeze([]) as unknown as number[];

/**
 * ip_do_fragment (IPv4): the fast path rewrites the head and each frag_list skb into a
 * fragment in place; the slow path allocates new skbs and copies `len` bytes at a time.
 */
export function ipDoFragment(
  skb: SkBuff,
  hdr: Ip4Header,
  dstMtu: number,
  trace: Trace,
  opts: { hhLen: number; datagramOffsetBase?: number },
): FragmentResult {
  const hlen = hdr.ihl;
  const mtu = dstMtu - hlen;
  const llRs = opts.hhLen;
  const refusal = fastPathRefusal(skb, hlen, mtu, llRs, hdr.mf || hdr.offset !== 0, false);
  const wire: WirePacketV4[] = [];
  const out: SkBuff[] = [];
  const laterOptions = ipOptionsFragment(hdr.options);
  const optChanged = laterOptions.some((b, i) => b !== hdr.options[i]);
  // Each packet's own copy of its options, or (none) one frozen empty list for them all.
  const copyOf = (o: number[]): number[] => (o.length ? [...o] : NO_OPTIONS);

  if (!refusal) {
    pushStep(trace, 'ip_do_fragment', IP_OUTPUT_C, msg(M.fast4, { first: pagelen(skb) - hlen, mtu }), [skb], {
      hlen,
      mtu,
      first_len: pagelen(skb),
      ll_rs: llRs,
    });
    // The frag_list skbs get their own socket charge back (sock_wfree), so the head gives up
    // their truesize; then ip_fraglist_init makes the head fragment 1.
    const frags = skb.frag_list;
    for (const f of frags) skb.truesize -= f.truesize;
    skb.frag_list = [];
    const firstLen = pagelen(skb);
    skb.len = firstLen;
    skb.data_len = firstLen - (skb.tail - skb.data);
    skb.label = 'frag 1';
    out.push(skb);
    wire.push({
      family: 'inet',
      index: 0,
      total_length: firstLen,
      ihl: hlen,
      id: hdr.id,
      df: false,
      mf: frags.length > 0,
      offset: hdr.offset,
      protocol: hdr.protocol,
      options: copyOf(hdr.options),
      range: payloadRange(skb),
    });
    let offset = hdr.offset + firstLen - hlen;
    frags.forEach((f, i) => {
      // ip_fraglist_prepare: push room for the header and copy the previous one in.
      skbPush(f, hlen);
      f.network_header = f.data;
      skbLabel(f, 'ip', f.data, f.data + 20);
      if (hlen > 20) skbLabel(f, 'ipopt', f.data + 20, f.data + hlen);
      f.label = `frag ${i + 2}`;
      out.push(f);
      const range = payloadRange(f);
      wire.push({
        family: 'inet',
        index: i + 1,
        total_length: f.len,
        ihl: hlen,
        id: hdr.id,
        df: false,
        mf: i < frags.length - 1 || hdr.mf,
        offset,
        protocol: hdr.protocol,
        options: copyOf(laterOptions),
        range,
      });
      offset += f.len - hlen;
    });
    pushFragmentsStep(
      trace,
      'ip_fraglist_prepare',
      IP_OUTPUT_C,
      msg(M.fastPrepare4, { hlen, opt: optChanged ? 'yes' : 'no' }),
      out,
      wire.length,
    );
    if (optChanged)
      pushStep(
        trace,
        'ip_options_fragment',
        IP_OPTIONS_C,
        msg(M.optionsFragment, { n: out.length, hlen }),
        out.slice(1, 2),
        { optlen: hdr.options.length },
      );
    return { wire, out, path: 'fast', why: msg(M.fastWhy) };
  }

  pushStep(trace, 'ip_do_fragment', IP_OUTPUT_C, msg(M.slow4, { why: refusal, piece: mtu & ~7 }), [skb], {
    hlen,
    mtu,
    ll_rs: llRs,
  });
  let left = skb.len - hlen;
  let ptr = 0;
  let offset = hdr.offset;
  const base = opts.datagramOffsetBase ?? 0;
  let i = 0;
  while (left > 0) {
    let len = Math.min(left, mtu);
    if (len < left) len &= ~7;
    const f = allocSkb(len + hlen + llRs, `frag ${i + 1}`);
    skbReserve(f, llRs);
    f.network_header = f.tail;
    skbPut(f, 20, 'ip');
    if (hlen > 20) skbPut(f, hlen - 20, 'ipopt');
    f.transport_header = f.tail;
    skbPut(f, len, 'payload', { from: base + ptr, to: base + ptr + len });
    left -= len;
    out.push(f);
    wire.push({
      family: 'inet',
      index: i,
      total_length: len + hlen,
      ihl: hlen,
      id: hdr.id,
      df: false,
      mf: left > 0 || hdr.mf,
      offset,
      protocol: hdr.protocol,
      options: copyOf(i === 0 ? hdr.options : laterOptions),
      range: { from: base + ptr, to: base + ptr + len },
    });
    ptr += len;
    offset += len;
    i++;
  }
  pushFragmentsStep(
    trace,
    'ip_frag_next',
    IP_OUTPUT_C,
    msg(M.slowNext4, { n: out.length, opt: optChanged ? 'yes' : 'no' }),
    out,
    wire.length,
  );
  return { wire, out, path: 'slow', why: refusal, chainFreed: skb.frag_list.length };
}

/** The IPv6 fragment header fields of one packet. */
export interface Ip6Header {
  nexthdr: number;
  id: number;
}

/**
 * ip6_fragment: every fragment carries the 40-byte header plus an 8-byte fragment header;
 * `mtu` here is what is left for data. Same fast/slow split as IPv4.
 */
/** IPv6 extension headers ip6_find_1stfragopt walks (hop-by-hop, routing, destination options). */
const NEXTHDR_HOP = 0;
const NEXTHDR_ROUTING = 43;
const NEXTHDR_DEST = 60;

/**
 * ip6_find_1stfragopt (net/ipv6/output_core.c): how much of the packet stays in front of the
 * fragment header — the IPv6 header and the extension headers every fragment must carry — read
 * from the head skb's linear bytes only (`packetLen`, from the IPv6 header; `byteAt` gives a byte
 * of the payload). -1: the walk runs past those bytes (-EINVAL). A destination-options header
 * before a routing header stays; one after it (or alone, when no Home Address option is in it —
 * none of the model's payloads carries one) ends the walk.
 */
export function ip6Find1stFragopt(
  nexthdr: number,
  packetLen: number,
  byteAt: (offset: number) => number,
): number {
  let next = nexthdr;
  let offset = 40;
  let foundRhdr = false;
  while (offset <= packetLen) {
    if (next === NEXTHDR_ROUTING) foundRhdr = true;
    else if (next === NEXTHDR_DEST) {
      if (foundRhdr) return offset;
    } else if (next !== NEXTHDR_HOP) return offset;
    if (offset + 2 > packetLen) return -1;
    const at = offset - 40;
    next = byteAt(at);
    offset += (byteAt(at + 1) + 1) * 8;
    if (offset > 65535) return -1;
  }
  return -1;
}

export function ip6Fragment(
  skb: SkBuff,
  hdr: Ip6Header,
  dstMtu: number,
  trace: Trace,
  opts: { hhLen: number; hlen?: number },
): FragmentResult {
  // The unfragmentable part: the IPv6 header and the extension headers that precede the
  // fragment header (ip6_find_1stfragopt); 40 when the payload is the transport's.
  const hlen = opts.hlen ?? 40;
  const ext = hlen - 40;
  const mtu = dstMtu - hlen - 8;
  const llRs = opts.hhLen;
  const refusal = fastPathRefusal(skb, hlen, mtu, llRs, false, true);
  const wire: WirePacketV6[] = [];
  const out: SkBuff[] = [];
  const pushFrag = (
    s: SkBuff,
    index: number,
    offset: number,
    mf: boolean,
    range: { from: number; to: number },
  ): void => {
    wire.push({
      family: 'inet6',
      index,
      payload_length: s.len - 40,
      total_length: s.len,
      // behind extension headers the fragment header is named by the last of them, not the IPv6 header
      next_header: ext ? hdr.nexthdr : 44,
      frag: { next_header: hdr.nexthdr, offset, mf, id: hdr.id },
      range,
    });
  };
  if (!refusal) {
    pushStep(trace, 'ip6_fragment', IP6_OUTPUT_C, msg(M.fast6, { mtu }), [skb], {
      hlen,
      mtu,
      first_len: pagelen(skb),
    });
    const frags = skb.frag_list;
    for (const f of frags) skb.truesize -= f.truesize;
    skb.frag_list = [];
    const firstLen = pagelen(skb);
    // ip6_fraglist_init: move the IPv6 header 8 bytes forward and insert the fragment header.
    skb.len = firstLen;
    skb.data_len = firstLen - (skb.tail - skb.data);
    skbPush(skb, 8);
    skbLabel(skb, 'ip6', skb.data, skb.data + 40);
    skbLabel(skb, 'frag6', skb.data + 40, skb.data + 48);
    skb.label = 'frag 1';
    out.push(skb);
    pushFrag(skb, 0, 0, frags.length > 0, payloadRange(skb));
    let offset = firstLen - hlen;
    frags.forEach((f, i) => {
      skbPush(f, hlen + 8);
      skbLabel(f, 'ip6', f.data, f.data + 40);
      skbLabel(f, 'frag6', f.data + 40, f.data + 48);
      f.label = `frag ${i + 2}`;
      out.push(f);
      pushFrag(f, i + 1, offset, i < frags.length - 1, payloadRange(f));
      offset += f.len - hlen - 8;
    });
    pushFragmentsStep(
      trace,
      'ip6_fraglist_prepare',
      IP6_OUTPUT_C,
      msg(M.fastPrepare6, { nexthdr: hdr.nexthdr }),
      out,
      wire.length,
    );
    return { wire, out, path: 'fast', why: msg(M.fastWhy) };
  }
  pushStep(trace, 'ip6_fragment', IP6_OUTPUT_C, msg(M.slow6, { why: refusal, piece: mtu & ~7 }), [skb], {
    hlen,
    mtu,
  });
  let left = skb.len - hlen;
  let ptr = ext;
  let i = 0;
  while (left > 0) {
    let len = Math.min(left, mtu);
    if (len < left) len &= ~7;
    const f = allocSkb(len + hlen + 8 + llRs, `frag ${i + 1}`);
    skbReserve(f, llRs);
    skbPut(f, 40, 'ip6');
    // ip6_frag_next copies the extension headers into every fragment, the fragment header after them
    if (ext) skbPut(f, ext, 'payload', { from: 0, to: ext });
    skbPut(f, 8, 'frag6');
    skbPut(f, len, 'payload', { from: ptr, to: ptr + len });
    left -= len;
    out.push(f);
    pushFrag(f, i, ptr - ext, left > 0, { from: ptr, to: ptr + len });
    ptr += len;
    i++;
  }
  pushFragmentsStep(
    trace,
    'ip6_frag_next',
    IP6_OUTPUT_C,
    msg(M.slowNext6, { n: out.length }),
    out,
    wire.length,
  );
  return { wire, out, path: 'slow', why: refusal, chainFreed: skb.frag_list.length };
}

/** dev_queue_xmit → loopback_xmit: the link layer pushes its 14-byte header on each packet. */
export function llOutput(out: SkBuff[], v6: boolean, trace: Trace, wireCount: number): void {
  for (const s of out) {
    skbPush(s, 14, 'eth');
    s.mac_header = s.data;
  }
  pushStep(
    trace,
    v6 ? 'ip6_finish_output2' : 'ip_finish_output2',
    v6 ? IP6_OUTPUT_C : IP_OUTPUT_C,
    msg(M.llOutput, { n: out.length }),
    out,
    { packets: out.length, hard_header_len: 14, LL_RESERVED_SPACE: llReservedSpace(14) },
    undefined,
    wireCount,
  );
}
