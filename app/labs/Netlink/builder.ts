/**
 * The Netlink lab's builder as typed: messages with their header fields, family header and
 * (nestable) attributes kept as strings, so a bad value can be shown next to its field while the
 * last good buffer stays on show. Two pure directions, both through core/netlink:
 *
 * - `builderToBytes`: each message → an `NlMessageSpec` → `encodeNetlink`; raw chunks verbatim.
 * - `builderFromBytes`: the decoded buffer → one builder item per message, each checked by
 *   re-encoding it: a message whose bytes the specs cannot reproduce exactly (an NLMSG_ERROR
 *   echo, a wrong nlmsg_len, odd padding) stays a raw chunk, as do bytes between and after
 *   messages. So builder(bytes) always gives back the very same bytes.
 *
 * Nothing here decides what the kernel does: names, flag groups and layouts come from the core.
 */
import {
  attrNames,
  encodeNetlink,
  familyHeaderFields,
  nlmsgAlign,
  parseHex,
  toHex,
  typeNames,
} from '../../../core/netlink/index.ts';
import type {
  Endian,
  NlAttr,
  NlAttrSpec,
  NlAttrValueKind,
  NlDecodeResult,
  NlFamily,
  NlMessage,
  NlMessageSpec,
} from '../../../core/netlink/index.ts';

export type AttrKind = NlAttrValueKind | 'nested';
export const ATTR_KINDS: readonly AttrKind[] = [
  'u8',
  'u16',
  'u32',
  'u64',
  's32',
  'str',
  'strz',
  'bytes',
  'flag',
  'nested',
];

export interface BuilderAttr {
  id: number;
  /** A name in the parent's enum (`IFLA_IFNAME`) or a number. */
  type: string;
  kind: AttrKind;
  /** The value as typed (hex for `bytes`, ignored for `flag` and `nested`). */
  value: string;
  children: BuilderAttr[];
  /** NLA_F_NESTED / NLA_F_NET_BYTEORDER set in nla_type. */
  nlaNested: boolean;
  netByteorder: boolean;
}

export interface BuilderHeaderField {
  name: string;
  size: number;
  value: string;
}

export interface BuilderMessage {
  id: number;
  kind: 'message';
  /** A name from the family's types (`RTM_GETLINK`) or a number. */
  type: string;
  flags: number;
  seq: string;
  pid: string;
  familyHeader: BuilderHeaderField[];
  attrs: BuilderAttr[];
}

/** Bytes the builder keeps as they are (a message it cannot rebuild exactly, trailing bytes). */
export interface BuilderRaw {
  id: number;
  kind: 'raw';
  hex: string;
  /** Why these bytes are raw, in a few words. */
  why: string;
}

export type BuilderItem = BuilderMessage | BuilderRaw;

export interface BuilderIssue {
  /** `<item id>.seq`, `<item id>.type`, `<item id>.fh.<name>`, `<item id>.a<attr id>.type|value`. */
  path: string;
  message: string;
}

let nextId = 1;
export const newId = () => nextId++;

// ---- numbers as typed ----

const LIMITS: Record<number, bigint> = { 1: 0xffn, 2: 0xffffn, 4: 0xffffffffn, 8: 0xffffffffffffffffn };

/** Decimal, 0x hex, 0b binary or a negative number; `size` bytes unsigned (negatives wrap, as C casts). */
export function parseUnsigned(
  text: string,
  size: number,
): { ok: true; value: bigint } | { ok: false; why: string } {
  const t = text.trim().replace(/_/g, '');
  if (t === '') return { ok: false, why: 'Enter a number.' };
  const m = /^(-)?(0x[0-9a-f]+|0b[01]+|\d+)$/i.exec(t);
  if (!m) return { ok: false, why: `“${text.trim()}” is not a number (decimal or 0x hex).` };
  let v = BigInt(m[2]!.toLowerCase());
  const max = LIMITS[size] ?? LIMITS[4]!;
  if (m[1]) {
    if (v > (max >> 1n) + 1n) return { ok: false, why: `${t} does not fit in ${size * 8} bits.` };
    v = v === 0n ? 0n : max + 1n - v;
  }
  if (v > max) return { ok: false, why: `${t} does not fit in ${size * 8} bits (max ${max}).` };
  return { ok: true, value: v };
}

function resolveName(
  text: string,
  names: readonly { name: string; value: number }[],
  size: number,
): { ok: true; value: number; name?: string } | { ok: false; why: string } {
  const t = text.trim();
  const hit = names.find((n) => n.name.toUpperCase() === t.toUpperCase());
  if (hit) return { ok: true, value: hit.value, name: hit.name };
  const p = parseUnsigned(t, size);
  if (p.ok) return { ok: true, value: Number(p.value) };
  if (/^[A-Za-z_]/.test(t))
    return { ok: false, why: `Unknown name “${t}”: pick one from the list or give a number.` };
  return p;
}

/** The message type a builder message names (by name or number), or null. */
export function messageTypeValue(m: BuilderMessage, family: NlFamily): number | null {
  const r = resolveName(m.type, typeNames(family), 2);
  return r.ok ? r.value : null;
}

/** The family-header fields a message type carries, keeping values already typed (by name). */
export function familyHeaderFor(
  type: number | null,
  family: NlFamily,
  before: readonly BuilderHeaderField[] = [],
): BuilderHeaderField[] {
  if (type === null) return [...before];
  return familyHeaderFields(type, family).map((f) => ({
    name: f.name,
    size: f.size,
    value: before.find((b) => b.name === f.name)?.value ?? '0',
  }));
}

// ---- builder → specs → bytes ----

function attrRowToSpec(
  a: BuilderAttr,
  msgType: number,
  family: NlFamily,
  path: number[],
  prefix: string,
  issues: BuilderIssue[],
): NlAttrSpec | null {
  const names = attrNames(msgType, family, path);
  const t = resolveName(a.type, names, 2);
  let ok = true;
  if (!t.ok) {
    issues.push({ path: `${prefix}a${a.id}.type`, message: t.why });
    ok = false;
  } else if (t.value > 0x3fff) {
    issues.push({
      path: `${prefix}a${a.id}.type`,
      message: 'nla_type keeps 14 bits for the type (max 16383).',
    });
    ok = false;
  }
  const type = t.ok ? t.value : 0;
  const nlaFlags =
    a.nlaNested || a.netByteorder
      ? { ...(a.nlaNested ? { nested: true } : {}), ...(a.netByteorder ? { netByteorder: true } : {}) }
      : undefined;
  if (a.kind === 'nested') {
    const nested: NlAttrSpec[] = [];
    for (const c of a.children) {
      const s = attrRowToSpec(c, msgType, family, [...path, type], prefix, issues);
      if (s) nested.push(s);
      else ok = false;
    }
    return ok ? { type, nested, ...(nlaFlags ? { nlaFlags } : {}) } : null;
  }
  const v = attrValue(a);
  if (!v.ok) {
    issues.push({ path: `${prefix}a${a.id}.value`, message: v.why });
    return null;
  }
  return ok ? { type, value: v.value, ...(nlaFlags ? { nlaFlags } : {}) } : null;
}

const INT_SIZE: Partial<Record<AttrKind, number>> = { u8: 1, u16: 2, u32: 4, u64: 8, s32: 4 };

function attrValue(
  a: BuilderAttr,
): { ok: true; value: NonNullable<NlAttrSpec['value']> } | { ok: false; why: string } {
  const kind = a.kind as NlAttrValueKind;
  const size = INT_SIZE[a.kind];
  if (size !== undefined) {
    const p = parseUnsigned(a.value, size);
    if (!p.ok) return p;
    if (a.kind === 's32') {
      const s = p.value > 0x7fffffffn ? Number(p.value) - 0x100000000 : Number(p.value);
      return { ok: true, value: { kind, v: s } };
    }
    return { ok: true, value: { kind, v: size === 8 ? p.value.toString() : Number(p.value) } };
  }
  if (a.kind === 'bytes') {
    const h = a.value.replace(/0x|[\s:,-]/gi, '');
    if (!/^[0-9a-f]*$/i.test(h)) return { ok: false, why: 'Bytes are hex digits (e.g. 0a 00 00 01).' };
    if (h.length % 2) return { ok: false, why: `Odd number of hex digits (${h.length}): each byte is two.` };
    return { ok: true, value: { kind, v: h.toLowerCase() } };
  }
  if (a.kind === 'flag') return { ok: true, value: { kind, v: '' } };
  return { ok: true, value: { kind, v: a.value } };
}

/** One builder row's spec (its typed strings read; not core's NlMessage → spec), or the issues that stop it. */
export function messageRowToSpec(
  m: BuilderMessage,
  family: NlFamily,
): { ok: true; spec: NlMessageSpec } | { ok: false; issues: BuilderIssue[] } {
  const issues: BuilderIssue[] = [];
  const p = `${m.id}.`;
  const type = resolveName(m.type, typeNames(family), 2);
  if (!type.ok) issues.push({ path: `${p}type`, message: type.why });
  const seq = parseUnsigned(m.seq, 4);
  if (!seq.ok) issues.push({ path: `${p}seq`, message: seq.why });
  const pid = parseUnsigned(m.pid, 4);
  if (!pid.ok) issues.push({ path: `${p}pid`, message: pid.why });
  const fh: Record<string, number> = {};
  for (const f of m.familyHeader) {
    const v = parseUnsigned(f.value, f.size);
    if (v.ok) fh[f.name] = Number(v.value);
    else issues.push({ path: `${p}fh.${f.name}`, message: v.why });
  }
  const attributes: NlAttrSpec[] = [];
  const msgType = type.ok ? type.value : 0;
  for (const a of m.attrs) {
    const s = attrRowToSpec(a, msgType, family, [], p, issues);
    if (s) attributes.push(s);
  }
  if (issues.length > 0 || !type.ok || !seq.ok || !pid.ok) return { ok: false, issues };
  return {
    ok: true,
    spec: {
      type: type.value,
      flags: m.flags,
      seq: Number(seq.value),
      pid: Number(pid.value),
      ...(m.familyHeader.length > 0 ? { familyHeader: fh } : {}),
      attributes,
    },
  };
}

/** A raw row's bytes (its hex is always hexSpaced's: core's parseHex reads it). */
function hexToBytes(h: string): Uint8Array {
  const r = parseHex(h);
  return r.ok ? r.bytes : new Uint8Array(0);
}

export type BuilderBytes = { ok: true; bytes: Uint8Array } | { ok: false; issues: BuilderIssue[] };

// Items are immutable (an edit replaces the one item it touches), so each message's bytes are
// kept per item: editing one message of a 44-message dump encodes one message, not 44.
const itemCache = new WeakMap<BuilderMessage, { key: string; out: BuilderBytes }>();

/** One builder message's bytes (encodeNetlink), or the issues that stop it. */
export function builderItemBytes(it: BuilderMessage, family: NlFamily, endian: Endian): BuilderBytes {
  const key = `${family}/${endian}`;
  const hit = itemCache.get(it);
  if (hit && hit.key === key) return hit.out;
  const s = messageRowToSpec(it, family);
  let out: BuilderBytes;
  if (!s.ok) out = { ok: false, issues: s.issues };
  else {
    const e = encodeNetlink([s.spec], { family, endian });
    out = e.ok
      ? { ok: true, bytes: e.bytes }
      : { ok: false, issues: [{ path: `${it.id}.type`, message: `${e.errno}: ${e.why}` }] };
  }
  itemCache.set(it, { key, out });
  return out;
}

/** The buffer the builder describes: every message encoded by the core, raw chunks as they are. */
export function builderToBytes(
  items: readonly BuilderItem[],
  family: NlFamily,
  endian: Endian,
): BuilderBytes {
  const parts: Uint8Array[] = [];
  const issues: BuilderIssue[] = [];
  for (const it of items) {
    if (it.kind === 'raw') {
      parts.push(hexToBytes(it.hex));
      continue;
    }
    const e = builderItemBytes(it, family, endian);
    if (!e.ok) issues.push(...e.issues);
    else parts.push(e.bytes);
  }
  if (issues.length > 0) return { ok: false, issues };
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return { ok: true, bytes: out };
}

// ---- bytes → builder ----

const PRINTABLE = /^[\x20-\x7e]*$/;

function attrFromDecoded(a: NlAttr, bytes: Uint8Array, endian: Endian, typed: boolean): BuilderAttr {
  const payload = bytes.subarray(a.offset + 4, Math.min(a.offset + a.len, bytes.length));
  const base = {
    id: newId(),
    type: /^attr \d+$/.test(a.name) || a.name === '' ? String(a.type) : a.name,
    children: [] as BuilderAttr[],
    nlaNested: nestedBitSet(bytes, a, endian),
    netByteorder: a.netByteorder === true,
    value: '',
  };
  if (a.children && a.children.length > 0 && a.nested) {
    return {
      ...base,
      kind: 'nested',
      children: a.children.map((c) => attrFromDecoded(c, bytes, endian, typed)),
    };
  }
  const le = endian === 'le' && !a.netByteorder;
  const readUint = (n: number) => {
    let v = 0n;
    for (let i = 0; i < n; i++) v |= BigInt(payload[le ? i : n - 1 - i] ?? 0) << BigInt(8 * i);
    return v;
  };
  if (typed) {
    const n = payload.length;
    const k = a.kind ?? '';
    if (n === 0) return { ...base, kind: 'flag' };
    if (/^(u8|u16|u32|u64|s32|uint|sint)$/.test(k) || (/^[us]\d+$/.test(k) && n <= 8)) {
      const kind: AttrKind =
        n === 1 ? 'u8' : n === 2 ? 'u16' : n === 4 ? (k === 's32' ? 's32' : 'u32') : 'u64';
      if ([1, 2, 4, 8].includes(n)) {
        let v = readUint(n);
        if (kind === 's32' && v > 0x7fffffffn) v -= 0x100000000n;
        return { ...base, kind, value: v.toString() };
      }
    }
    const text = new TextDecoder().decode(payload);
    if (
      n > 1 &&
      payload[n - 1] === 0 &&
      PRINTABLE.test(text.slice(0, -1)) &&
      !text.slice(0, -1).includes('\0')
    )
      return { ...base, kind: 'strz', value: text.slice(0, -1) };
    if (/str/.test(k) && PRINTABLE.test(text)) return { ...base, kind: 'str', value: text };
    if (n === 4 && !/binary|bytes/.test(k)) return { ...base, kind: 'u32', value: readUint(4).toString() };
  }
  return { ...base, kind: 'bytes', value: hexSpaced(payload) };
}

/** Whether the stored nla_type carries NLA_F_NESTED (bit 15). */
function nestedBitSet(bytes: Uint8Array, a: NlAttr, endian: Endian): boolean {
  const lo = bytes[a.offset + 2] ?? 0;
  const hi = bytes[a.offset + 3] ?? 0;
  const v = endian === 'le' ? lo | (hi << 8) : (lo << 8) | hi;
  return (v & 0x8000) !== 0;
}

export function hexSpaced(b: Uint8Array): string {
  return (toHex(b).match(/../g) ?? []).join(' ');
}

function messageFromDecoded(
  m: NlMessage,
  bytes: Uint8Array,
  family: NlFamily,
  endian: Endian,
  typed: boolean,
): BuilderMessage {
  const names = typeNames(family);
  const named = names.find((n) => n.value === m.type);
  return {
    id: newId(),
    kind: 'message',
    type: named ? named.name : String(m.type),
    flags: m.flags,
    seq: String(m.seq),
    pid: String(m.pid),
    familyHeader: (m.familyHeader?.fields ?? []).map((f) => ({
      name: f.name,
      size: f.size,
      value: typeof f.value === 'string' ? f.value : f.value.toString(),
    })),
    attrs: m.attributes.map((a) => attrFromDecoded(a, bytes, endian, typed)),
  };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The builder for a decoded buffer; `builderToBytes` of it gives back exactly `bytes`. */
export function builderFromBytes(
  bytes: Uint8Array,
  result: NlDecodeResult,
  family: NlFamily,
  endian: Endian,
): BuilderItem[] {
  const items: BuilderItem[] = [];
  let at = 0;
  const raw = (from: number, to: number, why: string) => {
    if (to > from) items.push({ id: newId(), kind: 'raw', hex: hexSpaced(bytes.subarray(from, to)), why });
  };
  for (const m of result.messages) {
    if (m.offset < at) continue;
    raw(at, m.offset, 'bytes between messages');
    // nlmsg_len is a __u32: align it unsigned, or a length of 2^31 and more wraps negative.
    const end = Math.min(bytes.length, m.offset + (nlmsgAlign(Math.max(m.len, 16)) >>> 0));
    const want = bytes.subarray(m.offset, end);
    let item: BuilderItem | null = null;
    if (m.len >= 16 && m.offset + m.len <= bytes.length && !m.error) {
      for (const typed of [true, false]) {
        const b = messageFromDecoded(m, bytes, family, endian, typed);
        const s = messageRowToSpec(b, family);
        if (!s.ok) continue;
        const e = encodeNetlink([s.spec], { family, endian });
        if (e.ok && sameBytes(e.bytes, want)) {
          item = b;
          break;
        }
      }
    }
    items.push(
      item ?? {
        id: newId(),
        kind: 'raw',
        hex: hexSpaced(want),
        why: m.error
          ? `${m.typeName}: edit its bytes in the hex editor`
          : m.len < 16 || m.offset + m.len > bytes.length
            ? 'nlmsg_len does not fit: kept as bytes'
            : 'the builder cannot rebuild these bytes exactly: kept as bytes',
      },
    );
    at = end;
  }
  raw(at, bytes.length, at === 0 ? 'not a netlink message' : 'bytes after the last message');
  return items;
}

// ---- edits (pure, by id) ----

export function mapAttrs(
  attrs: readonly BuilderAttr[],
  id: number,
  f: (a: BuilderAttr) => BuilderAttr | null,
): BuilderAttr[] {
  const out: BuilderAttr[] = [];
  for (const a of attrs) {
    if (a.id === id) {
      const r = f(a);
      if (r) out.push(r);
    } else out.push(a.children.length ? { ...a, children: mapAttrs(a.children, id, f) } : a);
  }
  return out;
}

export function newAttr(type = '1', kind: AttrKind = 'u32'): BuilderAttr {
  return {
    id: newId(),
    type,
    kind,
    value: kind === 'str' || kind === 'strz' ? '' : '0',
    children: [],
    nlaNested: false,
    netByteorder: false,
  };
}

export function newMessage(family: NlFamily): BuilderMessage {
  const names = typeNames(family);
  const first = names.find((n) => n.value >= 16) ?? names[0];
  const type = first ? first.name : '16';
  const value = first ? first.value : 16;
  return {
    id: newId(),
    kind: 'message',
    type,
    flags: 1,
    seq: '1',
    pid: '0',
    familyHeader: familyHeaderFor(value, family),
    attrs: [],
  };
}
