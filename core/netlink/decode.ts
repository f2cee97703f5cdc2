/**
 * decodeNetlink: a buffer of netlink messages as recvmsg() returns it (or as sendmsg() hands it
 * to netlink_rcv_skb). The walk (walk.ts) follows NLMSG_OK/NLMSG_NEXT, each message (message.ts,
 * error.ts) its type, each attribute list (attrs.ts) nla_ok/nla_next, each leaf (values.ts) its
 * policy; findings are diagnostics.ts. Every byte is accounted for as a field or as padding.
 *
 * Cost: one validating pass reads every header and attribute and finds every problem without
 * building objects for them; a message's fields are built the first time they are read, and
 * values (hex, strings, addresses) are rendered when a field's value or display is read. The
 * result keeps a view of `bytes`: do not change them afterwards.
 */
import { DECODE_LIMITS } from './decode-context.ts';
import { DIAGNOSTIC_SOURCES, diag } from './diagnostics.ts';
import { walkBuffer } from './walk.ts';
import { describe } from './spec-text.ts';
import { isBytes } from '../hex/index.ts';
import type { Endian, NlDecodeLimits, NlDecodeResult, NlFamily } from './types.ts';

export { DIAGNOSTIC_SOURCES, DECODE_LIMITS };

export interface DecodeOptions {
  family: NlFamily;
  endian?: Endian;
  /** recvmsg() reported MSG_TRUNC: the kernel dropped the end of the datagram. */
  truncated?: boolean;
  /** For `raw`: read the payload after nlmsghdr as attributes (no family header). */
  rawAttrs?: boolean;
  /** Resource bounds (messages, attributes, nesting depth); the defaults are DECODE_LIMITS. */
  limits?: Partial<NlDecodeLimits>;
  /** Build every message's fields at once instead of when first read. */
  eager?: boolean;
}

type Checked =
  | {
      ok: true;
      family: NlFamily;
      le: boolean;
      truncated: boolean;
      rawAttrs: boolean;
      eager: boolean;
      limits: NlDecodeLimits;
    }
  | { ok: false; option: string; why: string };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
/** An ArrayBuffer, told by its internal slot (the byteLength getter's brand check runs no Proxy trap). */
const abByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength')?.get;
const isArrayBuffer = (v: unknown): v is ArrayBuffer => {
  try {
    abByteLength?.call(v);
    return abByteLength !== undefined;
  } catch {
    return false;
  }
};
const typeOf = (v: unknown): string => describe(v);

/** Options as given, checked: any JavaScript value gives either options or what is wrong. */
function checkOptions(o: unknown): Checked {
  if (!isObj(o))
    return { ok: false, option: 'options', why: `expected an object with a family, got ${typeOf(o)}` };
  const family = o.family;
  if (family !== 'route' && family !== 'generic' && family !== 'raw')
    return { ok: false, option: 'family', why: 'is "route", "generic" or "raw"' };
  if (o.endian !== undefined && o.endian !== 'le' && o.endian !== 'be')
    return { ok: false, option: 'endian', why: 'is "le" or "be"' };
  for (const k of ['truncated', 'rawAttrs', 'eager'] as const)
    if (o[k] !== undefined && typeof o[k] !== 'boolean')
      return { ok: false, option: k, why: 'is true or false' };
  const limits: NlDecodeLimits = { ...DECODE_LIMITS };
  if (o.limits !== undefined) {
    if (!isObj(o.limits)) return { ok: false, option: 'limits', why: 'is an object' };
    for (const k of ['messages', 'attributes', 'depth'] as const) {
      const v = o.limits[k];
      if (v === undefined) continue;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
        return { ok: false, option: `limits.${k}`, why: 'is a whole number, 0 or more' };
      limits[k] = v;
    }
  }
  return {
    ok: true,
    family,
    le: o.endian !== 'be',
    truncated: o.truncated === true,
    rawAttrs: o.rawAttrs === true,
    eager: o.eager === true,
    limits,
  };
}

function failed(d: ReturnType<typeof diag>, truncated: boolean): NlDecodeResult {
  return { messages: [], walk: [], diagnostics: [d], truncated };
}

/** Decode a buffer of netlink messages. Never throws, whatever it is given: problems are diagnostics. */
export function decodeNetlink(bytes: Uint8Array, opts: DecodeOptions): NlDecodeResult {
  let o: Checked;
  try {
    o = checkOptions(opts);
  } catch {
    o = { ok: false, option: 'options', why: 'could not be read' }; // a throwing getter or Proxy
  }
  const buf = isArrayBuffer(bytes) ? new Uint8Array(bytes) : bytes;
  if (!isBytes(buf)) return failed(diag('error', 'bad-input', { got: typeOf(bytes) }, 0, 0), false);
  if (!o.ok)
    return failed(
      diag('error', 'bad-input', { option: o.option, why: o.why }, 0, 0, 'bad-input.option'),
      false,
    );
  try {
    const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    const input = { bytes: buf, dv, le: o.le, family: o.family, rawAttrs: o.rawAttrs, limits: o.limits };
    return walkBuffer(input, o.truncated, o.eager);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return failed(diag('error', 'internal', { why }, 0, buf.length), o.truncated);
  }
}
