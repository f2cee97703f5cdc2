/**
 * core/netlink — the netlink wire format as the kernel and its UAPI headers define it:
 * NLMSG_* / NLA_* / RTA_* / CMSG_* macros, decoding and encoding buffers of messages
 * (rtnetlink, generic netlink, NLMSG_ERROR with extended ack), diagnostics that name the
 * offending bytes, multipart splitting, and the msghdr/iovec/cmsghdr layout on x86-64.
 * (Stubs while the implementation lands; the signatures are the contract.)
 */
import type {
  Endian,
  NlDecodeResult,
  NlEncodeResult,
  NlFamily,
  NlFlagGroup,
  NlMessage,
  NlMessageSpec,
  NlMsghdrLayout,
  NlSample,
  NlSplitResult,
} from './types.ts';

export * from './types.ts';

export function decodeNetlink(
  _bytes: Uint8Array,
  opts: { family: NlFamily; endian?: Endian; truncated?: boolean },
): NlDecodeResult {
  return { messages: [], walk: [], diagnostics: [], truncated: opts.truncated ?? false };
}

export function encodeNetlink(
  _msgs: NlMessageSpec[],
  _opts: { family: NlFamily; endian?: Endian },
): NlEncodeResult {
  return { ok: true, bytes: new Uint8Array(0) };
}

export function nlmsgMacros(_msg: NlMessage | number): Record<string, number> {
  return {};
}

export const NLM_F: Record<string, number> = {};
export const NLMSG_TYPES: Record<string, number> = {};

export function flagGroups(_type: number, _family: NlFamily): NlFlagGroup[] {
  return [];
}
export function typeNames(_family: NlFamily): { name: string; value: number }[] {
  return [];
}
export function familyHeaderFields(_type: number, _family: NlFamily): { name: string; size: number }[] {
  return [];
}
export function attrNames(
  _type: number,
  _family: NlFamily,
  _path?: number[],
): { name: string; value: number; kind: string }[] {
  return [];
}
export function splitMultipart(
  _frameSize: number,
  _maxPayload: number,
  _mode: 'correct' | 'mistakes',
): NlSplitResult {
  return { messages: [], bytes: new Uint8Array(0), diagnostics: [], joined: { ok: true, size: 0 } };
}
export function msghdrLayout(_opts: {
  iovLens: number[];
  cmsgs: { level: string; type: string; dataLen: number }[];
  namelen?: number;
}): NlMsghdrLayout {
  return { structs: [], controllen: 0, cmsgs: [] };
}
export function parseHex(_s: string): { ok: true; bytes: Uint8Array } | { ok: false; why: string } {
  return { ok: true, bytes: new Uint8Array(0) };
}
export function toHex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}
export const NETLINK_SAMPLES: NlSample[] = [];
