/**
 * NlMessage ↔ spec, both ways. `messageToSpec` turns a decoded message into the spec that
 * encodes back to its exact bytes (leaves as bytes, nests as children, NLA_F_* bits kept);
 * `specToMessage` encodes a spec and decodes the result. Typed, editable forms of a message
 * (names and values as a person types them) are spec-rows.ts.
 */
import { NLA_F_NESTED, NLA_F_NET_BYTEORDER } from './constants.ts';
import { decodeNetlink } from './decode.ts';
import { encodeNetlink } from './encode.ts';
import { toHex } from '../hex/index.ts';
import type {
  Endian,
  NlAttr,
  NlAttrSpec,
  NlEncodeResult,
  NlFamily,
  NlMessage,
  NlMessageSpec,
} from './types.ts';

/** nla_type as stored, NLA_F_* bits included. */
export function rawTypeOf(a: NlAttr): number {
  try {
    if (typeof a.rawType === 'number') return a.rawType;
    return Number(a.fields[1]?.value ?? a.type);
  } catch {
    return NaN; // not a decoded attribute
  }
}

/**
 * The spec of one decoded attribute that encodes back to its exact bytes: nested attributes as
 * children, anything else (and a nest that starts with a struct, as VETH_INFO_PEER's
 * ifinfomsg) as its payload's bytes.
 */
export function attrToSpec(a: NlAttr, bytes: Uint8Array): NlAttrSpec {
  try {
    return attrSpec(a, bytes);
  } catch {
    // Not a decoded attribute (any JavaScript value may be passed): an empty unknown one.
    return { type: 0, value: { kind: 'bytes', v: '' } };
  }
}

function attrSpec(a: NlAttr, bytes: Uint8Array): NlAttrSpec {
  const raw = rawTypeOf(a);
  const nlaFlags = {
    ...(raw & NLA_F_NESTED ? { nested: true } : {}),
    ...(raw & NLA_F_NET_BYTEORDER ? { netByteorder: true } : {}),
  };
  const base: NlAttrSpec = { type: a.type, ...(Object.keys(nlaFlags).length ? { nlaFlags } : {}) };
  const hasHeader = a.children !== undefined && a.fields.some((f) => f.kind === 'family-header');
  if (a.children && !hasHeader) return { ...base, nested: a.children.map((c) => attrSpec(c, bytes)) };
  return { ...base, value: { kind: 'bytes', v: toHex(bytes, a.offset + 4, a.offset + Math.max(4, a.len)) } };
}

/**
 * The spec that encodes back to a decoded message's exact bytes: every leaf as `bytes`, nested
 * attributes as children, NLA_F_* bits as they were. Used to edit a pasted message in the lab.
 * A value that is not a decoded message gives a spec of type -1, which encodeNetlink refuses.
 */
export function messageToSpec(m: NlMessage, bytes: Uint8Array): NlMessageSpec {
  try {
    return messageSpec(m, bytes);
  } catch {
    // Not a decoded message (any JavaScript value may be passed): an empty spec the encoder refuses.
    return { type: -1, flags: 0, seq: 0, pid: 0, attributes: [] };
  }
}

function messageSpec(m: NlMessage, bytes: Uint8Array): NlMessageSpec {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('bytes');
  const familyHeader: Record<string, number> = {};
  if (m.familyHeader && m.type >= 0x10)
    for (const f of m.familyHeader.fields)
      if (f.kind === 'family-header' && typeof f.value === 'number') familyHeader[f.name] = f.value;
  return {
    type: m.type,
    flags: m.flags,
    seq: m.seq,
    pid: m.pid,
    ...(Object.keys(familyHeader).length ? { familyHeader } : {}),
    attributes: m.type >= 0x10 ? m.attributes.map((a) => attrSpec(a, bytes)) : [],
  };
}

export type SpecToMessage =
  { ok: true; message: NlMessage; bytes: Uint8Array } | Extract<NlEncodeResult, { ok: false }>;

/** Encode one spec and decode the bytes: the message the spec stands for, or the encoder's errno. */
export function specToMessage(
  spec: NlMessageSpec,
  opts: { family: NlFamily; endian?: Endian },
): SpecToMessage {
  const e = encodeNetlink([spec], opts);
  if (!e.ok) return e;
  // A spec's payload is attributes, in the raw family too.
  const d = decodeNetlink(e.bytes, { family: opts.family, endian: opts.endian ?? 'le', rawAttrs: true });
  const message = d.messages[0];
  if (!message) return { ok: false, errno: 'EINVAL', why: 'the spec encodes to no message' };
  return { ok: true, message, bytes: e.bytes };
}
