/**
 * encodeNetlink: build the bytes a program hands to sendmsg() — nlmsghdr, family header padded
 * to NLMSG_ALIGN, attributes each padded to NLA_ALIGN — as nlmsg_put / nla_put do it
 * (include/net/netlink.h, lib/nlattr.c: __nla_reserve zeroes the padding). Names resolve through
 * the family's enums. Specs are checked at run time (spec-check.ts): any JavaScript value gives
 * bytes or an errno value with a message (spec-text.ts), never an exception.
 */
import {
  NLA_F_NESTED,
  NLA_F_NET_BYTEORDER,
  NLMSG_HDRLEN,
  NLMSG_TYPES,
  nlaAlign,
  nlmsgAlign,
} from './constants.ts';
import {
  CTRL_CMDS,
  RTM_TYPES,
  childSet,
  lookupAttr,
  messageSchema,
  structSize,
  type AttrDef,
  type AttrSet,
} from './families.ts';
import { flagValue } from './names.ts';
import { parseHex } from '../hex/index.ts';
import { checkSpecs } from './spec-check.ts';
import { specFail, type SpecFailure } from './spec-text.ts';
import type {
  Endian,
  NlAttrSpec,
  NlAttrValueKind,
  NlEncodeResult,
  NlFamily,
  NlMessageSpec,
} from './types.ts';

type Fail = SpecFailure;
const fail = specFail;

/** The largest buffer encodeNetlink builds (64 MiB; a netlink socket's send buffer is far smaller). */
export const MAX_ENCODE_BYTES = 64 * 1024 * 1024;

/** A message type by number or name (`RTM_GETLINK`, `NLMSG_DONE`, `GENL_ID_CTRL`). */
export function typeValue(t: number | string, family: NlFamily): number | undefined {
  if (typeof t === 'number') return Number.isInteger(t) && t >= 0 && t <= 0xffff ? t : undefined;
  if (typeof t !== 'string') return undefined;
  const s = t.trim().toUpperCase();
  if (/^(0X[0-9A-F]+|\d+)$/.test(s)) return typeValue(Number(s), family);
  if (s in NLMSG_TYPES) return NLMSG_TYPES[s];
  if (family === 'generic' && s === 'GENL_ID_CTRL') return 0x10;
  if (family === 'route') return RTM_TYPES.find((x) => x.name === s)?.value;
  return undefined;
}

/** Flags by number or names (`REQUEST`, `NLM_F_DUMP`). */
export function flagsValue(f: number | string[]): number | undefined {
  try {
    return flagsOf(f);
  } catch {
    return undefined; // a list that throws while being read
  }
}

function flagsOf(f: number | string[]): number | undefined {
  if (typeof f === 'number') return Number.isInteger(f) && f >= 0 && f <= 0xffff ? f : undefined;
  if (!Array.isArray(f)) return undefined;
  let v = 0;
  for (const n of f) {
    if (typeof n !== 'string') return undefined;
    if (!n.trim()) continue;
    const b = flagValue(n);
    if (b === undefined || b > 0xffff) return undefined;
    v |= b;
  }
  return v;
}

interface Resolved {
  rawType: number;
  payload: Uint8Array | null;
  children: Resolved[] | null;
  size: number; // nla_len
}

const te = new TextEncoder();

function intBytes(v: number | bigint, size: number, signed: boolean, le: boolean): Uint8Array | null {
  const b = new Uint8Array(size);
  const dv = new DataView(b.buffer);
  if (size === 8) {
    let x: bigint;
    try {
      x = BigInt(v);
    } catch {
      return null;
    }
    if (x < 0n || x > 0xffffffffffffffffn) return null;
    dv.setBigUint64(0, x, le);
    return b;
  }
  const n = Number(v);
  if (!Number.isInteger(n)) return null;
  const max = signed ? 2 ** (size * 8 - 1) - 1 : 2 ** (size * 8) - 1;
  const min = signed ? -(2 ** (size * 8 - 1)) : 0;
  if (n < min || n > max) return null;
  if (size === 1) dv.setUint8(0, n & 0xff);
  else if (size === 2) dv.setUint16(0, n & 0xffff, le);
  else if (signed) dv.setInt32(0, n, le);
  else dv.setUint32(0, n >>> 0, le);
  return b;
}

const num = (v: string | number): number | bigint => {
  if (typeof v === 'number') return v;
  const s = v.trim();
  if (/^-?\d+$/.test(s)) {
    const n = Number(s);
    return Number.isSafeInteger(n) ? n : BigInt(s);
  }
  if (/^0x[0-9a-f]+$/i.test(s)) {
    const n = Number(s);
    return Number.isSafeInteger(n) ? n : BigInt(s);
  }
  return NaN;
};

function resolveAttr(spec: NlAttrSpec, set: AttrSet | null, le: boolean, path: string): Resolved | Fail {
  let type: number | undefined;
  let def: AttrDef | undefined;
  if (typeof spec.type === 'number') type = spec.type;
  else if (/^(0x[0-9a-f]+|\d+)$/i.test(spec.type.trim())) type = Number(spec.type.trim());
  else if (set) {
    const want = spec.type.trim().toUpperCase();
    for (const [n, d] of set.attrs)
      if (d.name === want) {
        type = n;
        def = d;
      }
  }
  if (type === undefined || !Number.isInteger(type) || type < 0 || type > 0x3fff)
    return fail('EINVAL', 'encode.attr-type', { path, type: String(spec.type), set: set ? set.name : '' });
  def ??= set ? lookupAttr(set, type) : undefined;
  let rawType = type;
  if (spec.nlaFlags?.netByteorder) rawType |= NLA_F_NET_BYTEORDER;
  const name = def?.name ?? `attr ${type}`;
  if (spec.nested) {
    const isNestedKind = def && (def.kind === 'nested' || def.kind === 'nested-array');
    if (spec.nlaFlags?.nested || !isNestedKind) rawType |= NLA_F_NESTED;
    const cs = def ? childSet(def) : null;
    const children: Resolved[] = [];
    let size = 4;
    for (const [i, c] of spec.nested.entries()) {
      const r = resolveAttr(c, cs, le, `${path}/${name}[${i}]`);
      if ('ok' in r) return r;
      children.push(r);
      size += nlaAlign(r.size);
    }
    if (size > 0xffff) return fail('EMSGSIZE', 'encode.nest-too-big', { path, name, size });
    return { rawType, payload: null, children, size };
  }
  if (spec.nlaFlags?.nested) rawType |= NLA_F_NESTED;
  let payload: Uint8Array;
  const v = spec.value;
  if (!v || v.kind === 'flag') payload = new Uint8Array(0);
  else if (v.kind === 'str' || v.kind === 'strz') {
    const s = te.encode(String(v.v));
    payload = v.kind === 'strz' ? new Uint8Array(s.length + 1) : s;
    if (v.kind === 'strz') payload.set(s);
  } else if (v.kind === 'bytes') {
    const h = parseHex(String(v.v));
    if (!h.ok) return fail('EINVAL', 'encode.attr-hex', { path, name, why: h.why, hex: h.code, at: h.at });
    payload = h.bytes;
  } else {
    const size = { u8: 1, u16: 2, u32: 4, u64: 8, s32: 4 }[v.kind];
    const b = intBytes(num(v.v), size, v.kind === 's32', spec.nlaFlags?.netByteorder ? false : le);
    if (!b) return fail('ERANGE', 'encode.attr-range', { path, name, value: String(v.v), kind: v.kind });
    payload = b;
  }
  const size = 4 + payload.length;
  if (size > 0xffff) return fail('EMSGSIZE', 'encode.attr-too-big', { path, name, size });
  return { rawType, payload, children: null, size };
}

function writeAttr(dv: DataView, out: Uint8Array, at: number, r: Resolved, le: boolean): number {
  dv.setUint16(at, r.size, le);
  dv.setUint16(at + 2, r.rawType, le);
  let p = at + 4;
  if (r.payload) {
    out.set(r.payload, p);
    p += r.payload.length;
  } else for (const c of r.children ?? []) p = writeAttr(dv, out, p, c, le);
  return at + nlaAlign(r.size);
}

interface Plan {
  type: number;
  flags: number;
  spec: NlMessageSpec;
  hdr: Uint8Array;
  attrs: Resolved[];
  len: number;
}

/** The family header's bytes from its members by name (missing ones are 0). */
function familyHeaderBytes(
  m: NlMessageSpec,
  type: number,
  family: NlFamily,
  le: boolean,
  path: string,
): Uint8Array | Fail {
  const h = messageSchema(type, family).header;
  if (!h) {
    if (m.familyHeader && Object.keys(m.familyHeader).length)
      return fail('EINVAL', 'encode.no-header', { path, type: String(m.type), family });
    return new Uint8Array(0);
  }
  const hdr = new Uint8Array(structSize(h));
  const fh = { ...(m.familyHeader ?? {}) };
  if (h.name === 'genlmsghdr' && typeof fh.cmd !== 'number') fh.cmd = 0;
  let at = 0;
  for (const mem of h.members) {
    const v = fh[mem.name] ?? 0;
    delete fh[mem.name];
    const b = intBytes(v, mem.size, !!mem.signed, le);
    if (!b)
      return fail('ERANGE', 'encode.header-range', {
        path,
        struct: h.name,
        member: mem.name,
        value: v,
        size: mem.size,
      });
    hdr.set(b, at);
    at += mem.size;
  }
  const extra = Object.keys(fh);
  if (extra.length)
    return fail('EINVAL', 'encode.header-unknown', {
      path,
      struct: h.name,
      extra: extra.join(', '),
      fields: h.members.map((x) => x.name).join(', '),
    });
  return hdr;
}

/** One message's header numbers, family header and attributes, checked and resolved. */
function planMessage(m: NlMessageSpec, i: number, family: NlFamily, le: boolean): Plan | Fail {
  const path = `message ${i}`;
  const type = typeValue(m.type, family);
  if (type === undefined)
    return fail('EINVAL', 'encode.unknown-type', { path, type: String(m.type), family });
  const flags = flagsValue(m.flags);
  if (flags === undefined)
    return fail('EINVAL', 'encode.unknown-flag', { path, flags: JSON.stringify(m.flags) });
  for (const [k, v] of [
    ['nlmsg_seq', m.seq],
    ['nlmsg_pid', m.pid],
  ] as const)
    if (!Number.isInteger(v) || v < 0 || v > 0xffffffff)
      return fail('ERANGE', 'encode.not-u32', { path, key: k, value: v });
  const hdr = familyHeaderBytes(m, type, family, le, path);
  if (!(hdr instanceof Uint8Array)) return hdr;
  const attrs: Resolved[] = [];
  const set = messageSchema(type, family).attrs;
  for (const [j, a] of m.attributes.entries()) {
    const r = resolveAttr(a, set, le, `${path} attribute ${j}`);
    if ('ok' in r) return r;
    attrs.push(r);
  }
  const len =
    NLMSG_HDRLEN +
    (hdr.length ? nlmsgAlign(hdr.length) : 0) +
    attrs.reduce((s, r) => s + nlaAlign(r.size), 0);
  const o = m.lenOverride;
  if (o !== undefined && (!Number.isInteger(o) || o < 0 || o > 0xffffffff))
    return fail('ERANGE', 'encode.len-override', { path, value: o });
  return { type, flags, spec: m, hdr, attrs, len };
}

function writeMessage(dv: DataView, out: Uint8Array, at: number, p: Plan, le: boolean): number {
  dv.setUint32(at, p.spec.lenOverride ?? p.len, le);
  dv.setUint16(at + 4, p.type, le);
  dv.setUint16(at + 6, p.flags, le);
  dv.setUint32(at + 8, p.spec.seq >>> 0, le);
  dv.setUint32(at + 12, p.spec.pid >>> 0, le);
  let q = at + NLMSG_HDRLEN;
  out.set(p.hdr, q);
  q += p.hdr.length ? nlmsgAlign(p.hdr.length) : 0;
  for (const r of p.attrs) q = writeAttr(dv, out, q, r, le);
  return at + nlmsgAlign(p.len);
}

function checkEncodeOptions(o: unknown): { family: NlFamily; le: boolean } | Fail {
  const rec = typeof o === 'object' && o !== null ? (o as Record<string, unknown>) : null;
  const family = rec?.family;
  if (family !== 'route' && family !== 'generic' && family !== 'raw')
    return fail('EINVAL', 'encode.bad-options', { option: 'family', why: 'is "route", "generic" or "raw"' });
  if (rec?.endian !== undefined && rec.endian !== 'le' && rec.endian !== 'be')
    return fail('EINVAL', 'encode.bad-options', { option: 'endian', why: 'is "le" or "be"' });
  return { family, le: rec?.endian !== 'be' };
}

/**
 * Build the bytes of one or more messages back to back (each NLMSG_ALIGNed). Takes any
 * JavaScript value: specs that are not well-formed give EINVAL with the key that is wrong.
 */
export function encodeNetlink(
  msgs: NlMessageSpec[],
  opts: { family: NlFamily; endian?: Endian },
): NlEncodeResult {
  try {
    return encode(msgs, opts);
  } catch (e) {
    // Only a value that throws while being read (a getter, a Proxy) gets here.
    const got = e instanceof Error ? e.message : 'an exception';
    return fail('EINVAL', 'spec.bad-field', { path: 'options', key: 'a value', want: 'readable', got });
  }
}

function encode(msgs: NlMessageSpec[], opts: { family: NlFamily; endian?: Endian }): NlEncodeResult {
  const o = checkEncodeOptions(opts);
  if ('ok' in o) return o;
  const checked = checkSpecs(msgs);
  if (!checked.ok) return checked;
  const plans: Plan[] = [];
  let total = 0;
  for (const [i, m] of checked.specs.entries()) {
    const p = planMessage(m, i, o.family, o.le);
    if ('ok' in p) return p;
    plans.push(p);
    total += nlmsgAlign(p.len);
    if (total > MAX_ENCODE_BYTES) return fail('EMSGSIZE', 'encode.too-big', { limit: MAX_ENCODE_BYTES });
  }
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  let at = 0;
  for (const p of plans) at = writeMessage(dv, out, at, p, o.le);
  return { ok: true, bytes: out };
}

/** The value kinds `--attr NAME=KIND:VALUE` accepts, by attribute kind, for suggestions. */
export function defaultValueKind(kind: string | undefined): NlAttrValueKind {
  switch (kind) {
    case 'u8':
    case 'u16':
    case 'u32':
    case 'u64':
    case 's32':
      return kind;
    case 'string':
      return 'strz';
    case 'flag':
      return 'flag';
    default:
      return 'bytes';
  }
}

export const CTRL_CMD_VALUES: Record<string, number> = Object.fromEntries(CTRL_CMDS.map((n, i) => [n, i]));
