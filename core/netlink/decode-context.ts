/**
 * What every decoding step reads: the bytes through one DataView, the byte order, the family,
 * the resource limits, and whether this pass builds the message objects or only walks and
 * validates (the first pass over a buffer validates; a message's fields are built when read).
 */
import type { NlDecodeLimits, NlFamily } from './types.ts';

/** The decoder's default bounds (a 305 KB dump of 204 links has ~16,000 attributes, depth 5). */
export const DECODE_LIMITS: Readonly<NlDecodeLimits> = Object.freeze({
  messages: 100_000,
  attributes: 1_000_000,
  depth: 32,
});

/** How many NLMSG_ERROR echoes inside echoes the decoder follows. */
export const MAX_ECHO_DEPTH = 4;

/** The immutable part: one per decodeNetlink call, shared by every message built later. */
export interface DecodeInput {
  readonly bytes: Uint8Array;
  readonly dv: DataView;
  readonly le: boolean;
  readonly family: NlFamily;
  /** For `raw`: read the payload after nlmsghdr as attributes. */
  readonly rawAttrs: boolean;
  readonly limits: Readonly<NlDecodeLimits>;
}

export interface Ctx extends DecodeInput {
  /** Build fields, attributes and values (true), or only walk and collect diagnostics (false). */
  build: boolean;
  /** How many nlmsgerr echoes deep we are (an ACK of an NLMSG_ERROR echoes an NLMSG_ERROR…). */
  echoDepth: number;
  /** Attributes walked so far in this buffer (limits.attributes). */
  attrs: number;
  /** The attribute limit was reported already (once per pass). */
  attrLimitReported: boolean;
}

export function newCtx(input: DecodeInput, build: boolean, attrs = 0, echoDepth = 0): Ctx {
  return {
    bytes: input.bytes,
    dv: input.dv,
    le: input.le,
    family: input.family,
    rawAttrs: input.rawAttrs,
    limits: input.limits,
    build,
    echoDepth,
    attrs,
    attrLimitReported: attrs >= input.limits.attributes,
  };
}

/** An integer of `size` bytes at `at` (8 bytes as a bigint). */
export function readInt(
  input: DecodeInput,
  at: number,
  size: number,
  signed: boolean,
  le: boolean,
): number | bigint {
  const dv = input.dv;
  switch (size) {
    case 1:
      return signed ? dv.getInt8(at) : dv.getUint8(at);
    case 2:
      return signed ? dv.getInt16(at, le) : dv.getUint16(at, le);
    case 4:
      return signed ? dv.getInt32(at, le) : dv.getUint32(at, le);
    default:
      return signed ? dv.getBigInt64(at, le) : dv.getBigUint64(at, le);
  }
}
