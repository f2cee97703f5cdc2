/**
 * IPv4 options as a socket sets them (setsockopt IP_OPTIONS → ip_options_get →
 * ip_options_compile with no skb) and as the output path writes them
 * (ip_options_build, ip_options_fragment) — net/ipv4/ip_options.c.
 */
import { msg, type Msg } from '../i18n/index.ts';
import { VM } from './validate-messages.ts';

export const IPOPT_END = 0x00;
export const IPOPT_NOOP = 0x01;
export const IPOPT_RR = 0x07;
export const IPOPT_TIMESTAMP = 0x44;
export const IPOPT_LSRR = 0x83;
export const IPOPT_SSRR = 0x89;
export const IPOPT_RA = 0x94;
export const IPOPT_SEC = 0x82;
export const IPOPT_SID = 0x88;
export const IPOPT_CIPSO = 0x86;
/** IPOPT_COPIED(o): the option is copied into every fragment. */
export const ipoptCopied = (o: number): boolean => (o & 0x80) !== 0;

export const OPTION_NAMES: Record<number, string> = {
  [IPOPT_END]: 'END',
  [IPOPT_NOOP]: 'NOP',
  [IPOPT_RR]: 'RR (record route)',
  [IPOPT_TIMESTAMP]: 'TS (timestamp)',
  [IPOPT_LSRR]: 'LSRR (loose source route)',
  [IPOPT_SSRR]: 'SSRR (strict source route)',
  [IPOPT_RA]: 'RA (router alert)',
  [IPOPT_SEC]: 'SEC (security)',
  [IPOPT_SID]: 'SID (stream id)',
  [IPOPT_CIPSO]: 'CIPSO',
};

/** The compiled options a socket holds (struct ip_options): bytes plus what to fill per packet. */
export interface CompiledOptions {
  /** opt->__data after compile, padded with END to a multiple of 4 (opt->optlen = bytes.length). */
  bytes: number[];
  /** Offsets within `bytes` of the RR / TS / SRR options, when present. */
  rr?: number;
  ts?: number;
  srr?: number;
  rr_needaddr: boolean;
  ts_needaddr: boolean;
  ts_needtime: boolean;
  /** LSRR/SSRR: the first hop taken out of the option (opt->faddr). */
  faddr?: number[];
}

export type OptionsResult =
  { ok: true; opt: CompiledOptions } | { ok: false; errno: 'EINVAL'; offset: number; why: string };

export interface OptionsEnv {
  /** CAP_NET_RAW: needed for SEC, SID, CIPSO, unknown options and TS flag values other than 0, 1, 3. */
  capNetRaw: boolean;
  /** inet_addr_type(addr) === RTN_UNICAST for a TS prespecified address. */
  isUnicast: (addr: number[]) => boolean;
}

function fail(offset: number, why: string): OptionsResult {
  return { ok: false, errno: 'EINVAL', offset, why };
}

/**
 * setsockopt(IP_OPTIONS): at most 40 bytes (do_ip_setsockopt), padded with END to a multiple
 * of 4 (ip_options_get_finish), then ip_options_compile(net, opt, NULL). On error the kernel
 * returns EINVAL; `offset` is the option byte it blames (pp_ptr − option start).
 */
export function ipOptionsGet(input: readonly number[], env: OptionsEnv): OptionsResult {
  if (input.length > 40)
    return fail(40, `IP_OPTIONS takes at most 40 bytes, got ${input.length} (do_ip_setsockopt)`);
  const b = [...input];
  while (b.length & 3) b.push(IPOPT_END);
  const opt: CompiledOptions = { bytes: b, rr_needaddr: false, ts_needaddr: false, ts_needtime: false };
  let p = 0;
  let l = b.length;
  while (l > 0) {
    const type = b[p] ?? 0;
    if (type === IPOPT_END) {
      for (p++, l--; l > 0; p++, l--) b[p] = IPOPT_END;
      break;
    }
    if (type === IPOPT_NOOP) {
      l--;
      p++;
      continue;
    }
    if (l < 2) return fail(p, `option 0x${hex(type)} at byte ${p} has no length byte`);
    const optlen = b[p + 1] ?? 0;
    if (optlen < 2 || optlen > l)
      return fail(p, `option 0x${hex(type)} at byte ${p} claims length ${optlen}, but ${l} bytes remain`);
    const ptr = b[p + 2] ?? 0;
    switch (type) {
      case IPOPT_SSRR:
      case IPOPT_LSRR: {
        if (optlen < 3) return fail(p + 1, 'source route option shorter than 3 bytes');
        if (ptr < 4) return fail(p + 2, 'source route pointer below 4');
        if (opt.srr !== undefined) return fail(p, 'a second source route option');
        if (ptr !== 4 || optlen < 7 || (optlen - 3) & 3)
          return fail(p + 1, 'a source route set from user space needs pointer 4 and whole 4-byte addresses');
        opt.faddr = b.slice(p + 3, p + 7);
        // The first hop becomes the destination; later hops move up one slot.
        for (let i = 0; i < optlen - 7; i++) b[p + 3 + i] = b[p + 7 + i] ?? 0;
        opt.srr = p;
        break;
      }
      case IPOPT_RR:
        if (opt.rr !== undefined) return fail(p, 'a second record-route option');
        if (optlen < 3) return fail(p + 1, 'record-route option shorter than 3 bytes');
        if (ptr < 4) return fail(p + 2, 'record-route pointer below 4');
        if (ptr <= optlen) {
          if (ptr + 3 > optlen) return fail(p + 2, 'record-route pointer leaves no room for an address');
          b[p + 2] = ptr + 4;
          opt.rr_needaddr = true;
        }
        opt.rr = p;
        break;
      case IPOPT_TIMESTAMP: {
        if (opt.ts !== undefined) return fail(p, 'a second timestamp option');
        if (optlen < 4) return fail(p + 1, 'timestamp option shorter than 4 bytes');
        if (ptr < 5) return fail(p + 2, 'timestamp pointer below 5');
        const flag = (b[p + 3] ?? 0) & 0xf;
        if (ptr <= optlen) {
          if (ptr + 3 > optlen) return fail(p + 2, 'timestamp pointer leaves no room for a timestamp');
          if (flag === 0) {
            opt.ts_needtime = true;
            b[p + 2] = ptr + 4;
          } else if (flag === 1) {
            if (ptr + 7 > optlen) return fail(p + 2, 'timestamp pointer leaves no room for address + time');
            opt.ts_needaddr = true;
            opt.ts_needtime = true;
            b[p + 2] = ptr + 8;
          } else if (flag === 3) {
            if (ptr + 7 > optlen) return fail(p + 2, 'timestamp pointer leaves no room for address + time');
            if (!env.isUnicast(b.slice(p + ptr - 1, p + ptr + 3))) {
              opt.ts_needtime = true;
              b[p + 2] = ptr + 8;
            }
          } else if (!env.capNetRaw) return fail(p + 3, `timestamp flag ${flag} needs CAP_NET_RAW`);
        } else if (flag !== 3 && (b[p + 3] ?? 0) >> 4 === 15)
          return fail(p + 3, 'timestamp overflow counter is full');
        opt.ts = p;
        break;
      }
      case IPOPT_RA:
        if (optlen < 4) return fail(p + 1, 'router-alert option shorter than 4 bytes');
        break;
      default:
        // IPOPT_SEC, IPOPT_SID, IPOPT_CIPSO and unknown options: only with CAP_NET_RAW.
        if (!env.capNetRaw) return fail(p, `option 0x${hex(type)} needs CAP_NET_RAW`);
        break;
    }
    l -= optlen;
    p += optlen;
  }
  return { ok: true, opt };
}

/**
 * ip_options_build: copy the options into the first packet's header and fill what the
 * sender must fill: the final destination of a source route, our address in RR, the
 * timestamp (and address) in TS. Returns the header's option bytes.
 */
export function ipOptionsBuild(
  opt: CompiledOptions,
  env: { saddr: number[]; daddr: number[]; nowMs: number },
): number[] {
  const b = [...opt.bytes];
  const put = (at: number, v: number[]): void => {
    for (let i = 0; i < 4; i++) b[at + i] = v[i] ?? 0;
  };
  if (opt.srr !== undefined) put(opt.srr + (b[opt.srr + 1] ?? 0) - 4, env.daddr);
  if (opt.rr_needaddr && opt.rr !== undefined) put(opt.rr + (b[opt.rr + 2] ?? 0) - 5, env.saddr);
  if (opt.ts !== undefined) {
    if (opt.ts_needaddr) put(opt.ts + (b[opt.ts + 2] ?? 0) - 9, env.saddr);
    if (opt.ts_needtime) put(opt.ts + (b[opt.ts + 2] ?? 0) - 5, u32be(env.nowMs));
  }
  return b;
}

/** Byte indexes in the first packet's options that hold a timestamp (time-dependent). */
export function timestampBytes(opt: CompiledOptions): number[] {
  if (opt.ts === undefined || !opt.ts_needtime) return [];
  const at = opt.ts + (opt.bytes[opt.ts + 2] ?? 0) - 5;
  return [at, at + 1, at + 2, at + 3];
}

/**
 * ip_options_fragment: options whose "copied" bit is clear become NOPs (same length), so
 * later fragments keep the same header length. END stops the walk.
 */
export function ipOptionsFragment(bytes: readonly number[]): number[] {
  const b = [...bytes];
  let p = 0;
  let l = b.length;
  while (l > 0) {
    const type = b[p] ?? 0;
    if (type === IPOPT_END) return b;
    if (type === IPOPT_NOOP) {
      l--;
      p++;
      continue;
    }
    const optlen = b[p + 1] ?? 0;
    if (optlen < 2 || optlen > l) return b;
    if (!ipoptCopied(type)) b.fill(IPOPT_NOOP, p, p + optlen);
    l -= optlen;
    p += optlen;
  }
  return b;
}

/** Parse option bytes typed as hex (spaces and colons allowed). */
export function parseOptionsHex(
  hexText: string,
): { ok: true; bytes: number[] } | { ok: false; why: string; msg: Msg } {
  const clean = hexText.replace(/[\s:]+/g, '').replace(/^0x/i, '');
  if (!/^[0-9a-fA-F]*$/.test(clean))
    return {
      ok: false,
      why: 'Options are hex bytes, e.g. 94040000 (router alert).',
      msg: msg(VM.optsNotHex),
    };
  if (clean.length % 2)
    return { ok: false, why: 'Hex digits come in pairs: one byte is two digits.', msg: msg(VM.optsOdd) };
  const bytes = (clean.match(/../g) ?? []).map((x) => parseInt(x, 16));
  if (bytes.length > 40)
    return {
      ok: false,
      why: `At most 40 option bytes fit an IPv4 header; got ${bytes.length}.`,
      msg: msg(VM.optsLong, { count: bytes.length }),
    };
  return { ok: true, bytes };
}

/** Milliseconds since midnight UTC, as inet_current_timestamp() writes into a TS option. */
export function msSinceMidnightUtc(d: Date): number {
  return (
    ((d.getUTCHours() * 60 + d.getUTCMinutes()) * 60 + d.getUTCSeconds()) * 1000 + d.getUTCMilliseconds()
  );
}

function u32be(v: number): number[] {
  return [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
}

function hex(n: number): string {
  return n.toString(16).padStart(2, '0');
}

export function toHex(bytes: readonly number[]): string {
  return bytes.map(hex).join('');
}
