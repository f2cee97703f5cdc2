/**
 * Messages as rows a person edits: the type and attribute names, each value as text the way it
 * is typed (`1500`, `0x5dc`, `-1`, `lo`, `0a 00 00 01`), attributes nested under their parent.
 * Both directions go through the codec, and both are exact:
 *
 * - `rowToSpec` parses the text (numbers as C casts them: decimal, 0x, 0b, a negative wraps) and
 *   names (in the enum that applies where the row sits) into a spec for encodeNetlink, or issues
 *   naming the row and the field that is wrong;
 * - `messageToRow` reads a decoded message as rows with typed values, and keeps the typed form
 *   only when it encodes back to the message's very bytes (else the bytes form, else none);
 * - `rowsFromBytes` / `rowsToBytes` do a whole buffer: messages as rows, whatever the rows cannot
 *   rebuild exactly (an NLMSG_ERROR, a bad nlmsg_len, bytes between messages) as raw bytes, so
 *   rowsToBytes(rowsFromBytes(b)) = b for every buffer.
 */
import { NLMSG_ERROR, nlmsgAlign } from './constants.ts';
import { encodeNetlink } from './encode.ts';
import { VALUE_KINDS } from './spec-check.ts';
import { attrNames, familyHeaderFields, typeNames } from './schema.ts';
import { hexSpaced, isBytes, parseHex } from '../hex/index.ts';
import type {
  Endian,
  NlAttr,
  NlAttrSpec,
  NlAttrValueKind,
  NlDecodeResult,
  NlFamily,
  NlMessage,
  NlMessageSpec,
} from './types.ts';

export type NlRowKind = NlAttrValueKind | 'nested';

export interface NlAttrRow {
  /** The caller's key for the row (issue paths use it; the index path when absent). */
  id?: number | string;
  /** A name in the enclosing enum (`IFLA_IFNAME`) or a number. */
  type: string;
  kind: NlRowKind;
  /** The value as typed (hex for `bytes`; ignored for `flag` and `nested`). */
  value: string;
  children: NlAttrRow[];
  /** NLA_F_NESTED / NLA_F_NET_BYTEORDER set in nla_type. */
  nlaNested: boolean;
  netByteorder: boolean;
}

export interface NlHeaderRow {
  name: string;
  size: number;
  value: string;
}

export interface NlMessageRow {
  id?: number | string;
  /** A name from the family's types (`RTM_GETLINK`) or a number. */
  type: string;
  flags: number;
  seq: string;
  pid: string;
  familyHeader: NlHeaderRow[];
  attrs: NlAttrRow[];
}

/** Bytes kept as they are, and why (a message id, the values it embeds, and its English). */
export interface NlRawRow {
  raw: true;
  hex: string;
  why: string;
  whyId: string;
  whyValues: Record<string, string | number>;
}

export interface NlRowIssue {
  /** `<message key>.seq`, `<message key>.fh.<member>`, `<message key>.a<attr key>.type|value`. */
  path: string;
  id: string;
  values: Record<string, string | number>;
  message: string;
  /** `row.encode`: the encoder's own message id and values (spec-text.ts), for a catalog. */
  cause?: { id: string; values: Record<string, string | number> };
}

type Values = Record<string, string | number>;
const s = (v: string | number | undefined) => String(v ?? '');

/** The English of every row message id. */
export const ROW_TEXT: Record<string, (v: Values) => string> = {
  'row.empty': () => 'Enter a number.',
  'row.not-a-number': (v) => `“${s(v.text)}” is not a number (decimal or 0x hex).`,
  'row.too-big': (v) => `${s(v.text)} does not fit in ${s(v.bits)} bits (max ${s(v.max)}).`,
  'row.too-negative': (v) => `${s(v.text)} does not fit in ${s(v.bits)} bits.`,
  'row.unknown-name': (v) => `Unknown name “${s(v.text)}”: pick one from the list or give a number.`,
  'row.type-bits': () => 'nla_type keeps 14 bits for the type (max 16383).',
  'row.bytes-not-hex': () => 'Bytes are hex digits (e.g. 0a 00 00 01).',
  'row.bytes-odd': (v) => `Odd number of hex digits (${s(v.n)}): each byte is two.`,
  'row.encode': (v) => `${s(v.errno)}: ${s(v.why)}`,
  'row.raw.error': (v) => `${s(v.typeName)}: edit its bytes in the hex editor`,
  'row.raw.len': () => 'nlmsg_len does not fit: kept as bytes',
  'row.raw.inexact': () => 'the builder cannot rebuild these bytes exactly: kept as bytes',
  'row.raw.between': () => 'bytes between messages',
  'row.raw.after': () => 'bytes after the last message',
  'row.raw.not-netlink': () => 'not a netlink message',
  'row.malformed': () =>
    'Not a message row: { type, flags, seq, pid, familyHeader: [{ name, size, value }], attrs: [{ type, kind, value, children, nlaNested, netByteorder }] }.',
};

/** Every kind a row may have: a value's kinds, and nested. */
export const ROW_KINDS: readonly NlRowKind[] = [...VALUE_KINDS, 'nested'];

function isAttrRow(a: unknown, depth: number): a is NlAttrRow {
  if (typeof a !== 'object' || a === null || depth > 32) return false;
  const r = a as Record<string, unknown>;
  return (
    typeof r.type === 'string' &&
    typeof r.kind === 'string' &&
    (ROW_KINDS as readonly string[]).includes(r.kind) &&
    typeof r.value === 'string' &&
    typeof r.nlaNested === 'boolean' &&
    typeof r.netByteorder === 'boolean' &&
    Array.isArray(r.children) &&
    r.children.every((c) => isAttrRow(c, depth + 1))
  );
}

/** Whether any JavaScript value is a well-formed message row (so reading it cannot fail). */
export function isMessageRow(m: unknown): m is NlMessageRow {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  return (
    typeof r.type === 'string' &&
    typeof r.flags === 'number' &&
    Number.isInteger(r.flags) &&
    typeof r.seq === 'string' &&
    typeof r.pid === 'string' &&
    Array.isArray(r.familyHeader) &&
    r.familyHeader.every(
      (f) =>
        typeof f === 'object' &&
        f !== null &&
        typeof (f as NlHeaderRow).name === 'string' &&
        typeof (f as NlHeaderRow).size === 'number' &&
        typeof (f as NlHeaderRow).value === 'string',
    ) &&
    Array.isArray(r.attrs) &&
    r.attrs.every((a) => isAttrRow(a, 0))
  );
}
const text = (id: string, v: Values = {}) => (ROW_TEXT[id] ? (ROW_TEXT[id] as (v: Values) => string)(v) : id);

// ---------------------------------------------------------------- numbers as typed

const MAX: Record<number, bigint> = { 1: 0xffn, 2: 0xffffn, 4: 0xffffffffn, 8: 0xffffffffffffffffn };

export type NumberText = { ok: true; value: bigint } | { ok: false; id: string; values: Values; why: string };

/**
 * A number as typed, as an unsigned value of `size` bytes: decimal, `0x` hex or `0b` binary,
 * `_` between digits allowed; a negative number wraps as a C cast to the unsigned type does.
 */
export function parseNumberText(input: string, size: number): NumberText {
  const fail = (id: string, values: Values = {}): NumberText => ({
    ok: false,
    id,
    values,
    why: text(id, values),
  });
  if (typeof input !== 'string') return fail('row.empty');
  const t = input.trim().replace(/_/g, '');
  if (t === '') return fail('row.empty');
  const m = /^(-)?(0x[0-9a-f]+|0b[01]+|\d+)$/i.exec(t);
  if (!m || t.length > 80) return fail('row.not-a-number', { text: input.trim().slice(0, 40) });
  let v = BigInt((m[2] as string).toLowerCase());
  const max = MAX[size] ?? (MAX[4] as bigint);
  const bits = (Object.keys(MAX).includes(String(size)) ? size : 4) * 8;
  if (m[1]) {
    if (v > (max >> 1n) + 1n) return fail('row.too-negative', { text: t, bits });
    v = v === 0n ? 0n : max + 1n - v;
  }
  if (v > max) return fail('row.too-big', { text: t, bits, max: max.toString() });
  return { ok: true, value: v };
}

function resolveName(
  input: string,
  names: readonly { name: string; value: number }[],
  size: number,
): { ok: true; value: number } | { ok: false; id: string; values: Values; why: string } {
  const t = input.trim();
  const hit = names.find((n) => n.name.toUpperCase() === t.toUpperCase());
  if (hit) return { ok: true, value: hit.value };
  const p = parseNumberText(t, size);
  if (p.ok) return { ok: true, value: Number(p.value) };
  if (/^[A-Za-z_]/.test(t))
    return {
      ok: false,
      id: 'row.unknown-name',
      values: { text: t },
      why: text('row.unknown-name', { text: t }),
    };
  return p;
}

// ---------------------------------------------------------------- rows → spec

const INT_SIZE: Partial<Record<NlRowKind, number>> = { u8: 1, u16: 2, u32: 4, u64: 8, s32: 4 };

function rowValue(
  a: NlAttrRow,
):
  | { ok: true; value: NonNullable<NlAttrSpec['value']> }
  | { ok: false; id: string; values: Values; why: string } {
  const kind = a.kind as NlAttrValueKind;
  const size = INT_SIZE[a.kind];
  if (size !== undefined) {
    const p = parseNumberText(a.value, size);
    if (!p.ok) return p;
    if (a.kind === 's32')
      return {
        ok: true,
        value: { kind, v: p.value > 0x7fffffffn ? Number(p.value) - 0x100000000 : Number(p.value) },
      };
    return { ok: true, value: { kind, v: size === 8 ? p.value.toString() : Number(p.value) } };
  }
  if (a.kind === 'bytes') {
    const h = parseHex(a.value);
    if (!h.ok) {
      const digits = a.value.replace(/0x|\\x|[^0-9a-f]/gi, '').length;
      const id = /odd/.test(h.why) ? 'row.bytes-odd' : 'row.bytes-not-hex';
      return { ok: false, id, values: { n: digits }, why: text(id, { n: digits }) };
    }
    return { ok: true, value: { kind, v: hexSpaced(h.bytes, '') } };
  }
  if (a.kind === 'flag') return { ok: true, value: { kind, v: '' } };
  return { ok: true, value: { kind, v: a.value } };
}

interface RowCtx {
  msgType: number;
  family: NlFamily;
  prefix: string;
  issues: NlRowIssue[];
}

const issue = (c: RowCtx, path: string, r: { id: string; values: Values; why: string }) =>
  c.issues.push({ path: `${c.prefix}${path}`, id: r.id, values: r.values, message: r.why });

function attrRowToSpec(a: NlAttrRow, key: string, path: number[], c: RowCtx): NlAttrSpec | null {
  const akey = `a${a.id ?? key}`;
  const t = resolveName(a.type, attrNames(c.msgType, c.family, path), 2);
  let ok = t.ok;
  if (!t.ok) issue(c, `${akey}.type`, t);
  else if (t.value > 0x3fff) {
    issue(c, `${akey}.type`, { id: 'row.type-bits', values: {}, why: text('row.type-bits') });
    ok = false;
  }
  const type = t.ok ? t.value : 0;
  const nlaFlags =
    a.nlaNested || a.netByteorder
      ? { ...(a.nlaNested ? { nested: true } : {}), ...(a.netByteorder ? { netByteorder: true } : {}) }
      : undefined;
  if (a.kind === 'nested') {
    const nested: NlAttrSpec[] = [];
    a.children.forEach((ch, i) => {
      const sp = attrRowToSpec(ch, `${key}-${i}`, [...path, type], c);
      if (sp) nested.push(sp);
      else ok = false;
    });
    return ok ? { type, nested, ...(nlaFlags ? { nlaFlags } : {}) } : null;
  }
  const v = rowValue(a);
  if (!v.ok) {
    issue(c, `${akey}.value`, v);
    return null;
  }
  return ok ? { type, value: v.value, ...(nlaFlags ? { nlaFlags } : {}) } : null;
}

const malformed = (key: number | string): { ok: false; issues: NlRowIssue[] } => ({
  ok: false,
  issues: [{ path: `${key}.row`, id: 'row.malformed', values: {}, message: text('row.malformed') }],
});

/** One message row's spec, or the issues (every one of them) that stop it. */
export function rowToSpec(
  m: NlMessageRow,
  family: NlFamily,
  key: number | string = 0,
): { ok: true; spec: NlMessageSpec } | { ok: false; issues: NlRowIssue[] } {
  try {
    return messageRowToSpec(m, family, key);
  } catch {
    return malformed(0); // a getter or Proxy that throws
  }
}

function messageRowToSpec(
  m: NlMessageRow,
  family: NlFamily,
  key: number | string = 0,
): { ok: true; spec: NlMessageSpec } | { ok: false; issues: NlRowIssue[] } {
  if (!isMessageRow(m)) return malformed(typeof key === 'number' || typeof key === 'string' ? key : 0);
  const c: RowCtx = { msgType: 0, family, prefix: `${m.id ?? key}.`, issues: [] };
  const type = resolveName(m.type, typeNames(family), 2);
  if (!type.ok) issue(c, 'type', type);
  const seq = parseNumberText(m.seq, 4);
  if (!seq.ok) issue(c, 'seq', seq);
  const pid = parseNumberText(m.pid, 4);
  if (!pid.ok) issue(c, 'pid', pid);
  const fh: Record<string, number> = {};
  for (const f of m.familyHeader) {
    const v = parseNumberText(f.value, f.size);
    if (v.ok) fh[f.name] = Number(v.value);
    else issue(c, `fh.${f.name}`, v);
  }
  c.msgType = type.ok ? type.value : 0;
  const attributes: NlAttrSpec[] = [];
  m.attrs.forEach((a, i) => {
    const sp = attrRowToSpec(a, String(i), [], c);
    if (sp) attributes.push(sp);
  });
  if (c.issues.length > 0 || !type.ok || !seq.ok || !pid.ok) return { ok: false, issues: c.issues };
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

/** The bytes of one message row (encodeNetlink), or the issues that stop it. */
export function rowToBytes(
  m: NlMessageRow,
  family: NlFamily,
  endian: Endian,
  key: number | string = 0,
): { ok: true; bytes: Uint8Array } | { ok: false; issues: NlRowIssue[] } {
  const sp = rowToSpec(m, family, key);
  if (!sp.ok) return sp;
  const e = encodeNetlink([sp.spec], { family, endian });
  if (e.ok) return e;
  const values = { errno: e.errno, why: e.why };
  return {
    ok: false,
    issues: [
      {
        path: `${m.id ?? key}.type`,
        id: 'row.encode',
        values,
        message: text('row.encode', values),
        ...(e.id ? { cause: { id: e.id, values: e.values ?? {} } } : {}),
      },
    ],
  };
}

/** A buffer from rows: message rows encoded, raw rows as they are. */
export function rowsToBytes(
  rows: readonly (NlMessageRow | NlRawRow)[],
  family: NlFamily,
  endian: Endian,
): { ok: true; bytes: Uint8Array } | { ok: false; issues: NlRowIssue[] } {
  try {
    return rowsBytes(rows, family, endian);
  } catch {
    return malformed('rows'); // a getter or Proxy that throws
  }
}

function rowsBytes(
  rows: readonly (NlMessageRow | NlRawRow)[],
  family: NlFamily,
  endian: Endian,
): { ok: true; bytes: Uint8Array } | { ok: false; issues: NlRowIssue[] } {
  if (!Array.isArray(rows)) return malformed('rows');
  const parts: Uint8Array[] = [];
  const issues: NlRowIssue[] = [];
  rows.forEach((r: unknown, i) => {
    if (typeof r !== 'object' || r === null) return issues.push(...malformed(i).issues);
    if ('raw' in r) {
      if (typeof (r as NlRawRow).hex !== 'string') return issues.push(...malformed(i).issues);
      const h = parseHex((r as NlRawRow).hex);
      if (h.ok) parts.push(h.bytes);
      else
        issues.push({
          path: `${i}.hex`,
          id: 'row.bytes-not-hex',
          values: {},
          message: text('row.bytes-not-hex'),
        });
      return;
    }
    const b = rowToBytes(r as NlMessageRow, family, endian, i);
    if (b.ok) parts.push(b.bytes);
    else issues.push(...b.issues);
  });
  if (issues.length) return { ok: false, issues };
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return { ok: true, bytes: out };
}

// ---------------------------------------------------------------- decoded message → rows

const PRINTABLE = /^[\x20-\x7e]*$/;
const utf8 = new TextDecoder();

/** The unsigned integer of `n` bytes of `p` in the given order. */
function readUint(p: Uint8Array, n: number, le: boolean): bigint {
  let v = 0n;
  for (let i = 0; i < n; i++) v |= BigInt(p[le ? i : n - 1 - i] ?? 0) << BigInt(8 * i);
  return v;
}

/** A typed value for a leaf's payload (by its policy kind and what the bytes look like), or null. */
function typedValue(k: string, p: Uint8Array, le: boolean): { kind: NlAttrValueKind; value: string } | null {
  const n = p.length;
  if (n === 0) return { kind: 'flag', value: '' };
  if (
    (/^(u8|u16|u32|u64|s32|uint|sint)$/.test(k) || (/^[us]\d+$/.test(k) && n <= 8)) &&
    [1, 2, 4, 8].includes(n)
  ) {
    const kind: NlAttrValueKind =
      n === 1 ? 'u8' : n === 2 ? 'u16' : n === 4 ? (k === 's32' ? 's32' : 'u32') : 'u64';
    let v = readUint(p, n, le);
    if (kind === 's32' && v > 0x7fffffffn) v -= 0x100000000n;
    return { kind, value: v.toString() };
  }
  const t = utf8.decode(p);
  if (n > 1 && p[n - 1] === 0 && PRINTABLE.test(t.slice(0, -1)) && !t.slice(0, -1).includes('\0'))
    return { kind: 'strz', value: t.slice(0, -1) };
  if (/str/.test(k) && PRINTABLE.test(t)) return { kind: 'str', value: t };
  if (n === 4 && !/binary|bytes/.test(k)) return { kind: 'u32', value: readUint(p, 4, le).toString() };
  return null;
}

interface ReadCtx {
  bytes: Uint8Array;
  le: boolean;
  typed: boolean;
  msgType: number;
  family: NlFamily;
}

function attrToRow(a: NlAttr, c: ReadCtx, path: number[]): NlAttrRow {
  const payload = c.bytes.subarray(a.offset + 4, Math.min(a.offset + a.len, c.bytes.length));
  const raw = typeof a.rawType === 'number' ? a.rawType : Number(a.fields[1]?.value ?? a.type);
  // A name only where rowToSpec finds it again: in the enum that applies at this path.
  const named = attrNames(c.msgType, c.family, path).some((n) => n.name === a.name);
  const base = {
    type: named ? a.name : String(a.type),
    children: [] as NlAttrRow[],
    nlaNested: (raw & 0x8000) !== 0,
    netByteorder: a.netByteorder === true,
    value: '',
  };
  if (a.children && a.children.length > 0 && a.nested && !a.fields.some((f) => f.kind === 'family-header')) {
    const children = a.children.map((ch) => attrToRow(ch, c, [...path, a.type]));
    return { ...base, kind: 'nested', children };
  }
  const t = c.typed ? typedValue(a.kind ?? '', payload, c.le && !a.netByteorder) : null;
  return t
    ? { ...base, kind: t.kind, value: t.value }
    : { ...base, kind: 'bytes', value: hexSpaced(payload) };
}

function messageRow(
  m: NlMessage,
  bytes: Uint8Array,
  family: NlFamily,
  le: boolean,
  typed: boolean,
): NlMessageRow {
  const named = typeNames(family).find((n) => n.value === m.type);
  const c: ReadCtx = { bytes, le, typed, msgType: m.type, family };
  const members = familyHeaderFields(m.type, family);
  return {
    type: named ? named.name : String(m.type),
    flags: m.flags,
    seq: String(m.seq),
    pid: String(m.pid),
    familyHeader: (m.familyHeader?.fields ?? [])
      .filter((f) => members.some((x) => x.name === f.name))
      .map((f) => ({ name: f.name, size: f.size, value: f.value.toString() })),
    attrs: m.attributes.map((a) => attrToRow(a, c, [])),
  };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Where a message's bytes end in the buffer: NLMSG_ALIGN(nlmsg_len) (at least a header), clipped. */
/**
 * Where a message's row ends in a buffer of `size` bytes: its NLMSG_ALIGN'd length (at least a
 * header), cut at the buffer's end. A row rowsFromBytes made for message `m` encodes to exactly
 * the bytes [m.offset, messageEnd(m, size)).
 */
export function messageEnd(m: NlMessage, size: number): number {
  const len = Math.max(m.len, 16);
  return len > size - m.offset ? size : Math.min(size, m.offset + nlmsgAlign(len));
}

/**
 * A decoded message as rows: typed values where they encode back to the same bytes, else every
 * leaf as bytes, else null (the rows cannot rebuild this message exactly).
 */
export function messageToRow(
  m: NlMessage,
  bytes: Uint8Array,
  family: NlFamily,
  endian: Endian,
): NlMessageRow | null {
  try {
    return exactRow(m, bytes, family, endian);
  } catch {
    return null; // not a decoded message of these bytes
  }
}

function exactRow(m: NlMessage, bytes: Uint8Array, family: NlFamily, endian: Endian): NlMessageRow | null {
  if (!isBytes(bytes) || (endian !== 'le' && endian !== 'be')) return null;
  if (m.len < 16 || m.len > bytes.length - m.offset || m.error) return null;
  const want = bytes.subarray(m.offset, messageEnd(m, bytes.length));
  for (const typed of [true, false]) {
    const row = messageRow(m, bytes, family, endian === 'le', typed);
    const b = rowToBytes(row, family, endian);
    if (b.ok && sameBytes(b.bytes, want)) return row;
  }
  return null;
}

const rawRow = (
  bytes: Uint8Array,
  from: number,
  to: number,
  whyId: string,
  values: Values = {},
): NlRawRow => ({
  raw: true,
  hex: hexSpaced(bytes.subarray(from, to)),
  why: text(whyId, values),
  whyId,
  whyValues: values,
});

/**
 * A row made before for the message whose bytes are [from, to) of the buffer, if the caller kept
 * one whose bytes are the same (an editor re-reading a buffer after a one-byte edit): it is used
 * as it is instead of being read again. It must be a row messageToRow gave for those bytes.
 */
export type ReuseRow<R> = (from: number, to: number) => R | undefined;

/**
 * A whole decoded buffer as rows; rowsToBytes of them gives back exactly `bytes`. `reuse` may
 * hand back a row kept from an earlier read of the same message bytes (see ReuseRow).
 */
export function rowsFromBytes<R extends NlMessageRow = NlMessageRow>(
  bytes: Uint8Array,
  result: NlDecodeResult,
  family: NlFamily,
  endian: Endian,
  reuse?: ReuseRow<R>,
): (NlMessageRow | R | NlRawRow)[] {
  try {
    return rowsOf(bytes, result, family, endian, reuse);
  } catch {
    return []; // not a decoded buffer
  }
}

function rowsOf<R extends NlMessageRow>(
  bytes: Uint8Array,
  result: NlDecodeResult,
  family: NlFamily,
  endian: Endian,
  reuse: ReuseRow<R> | undefined,
): (NlMessageRow | R | NlRawRow)[] {
  if (!isBytes(bytes)) return [];
  const messages: NlMessage[] = Array.isArray(result?.messages) ? result.messages : [];
  const rows: (NlMessageRow | R | NlRawRow)[] = [];
  let at = 0;
  for (const m of messages) {
    if (typeof m?.offset !== 'number' || typeof m.len !== 'number') continue;
    if (m.offset < at) continue;
    if (m.offset > at) rows.push(rawRow(bytes, at, m.offset, 'row.raw.between'));
    const end = messageEnd(m, bytes.length);
    // Only where messageToRow could give a row at all (a whole message, no NLMSG_ERROR). Only an
    // NLMSG_ERROR has an `error`: asking another message would build all its fields (decode.ts
    // makes them when first read), and a kept row never needs them.
    const error = m.type === NLMSG_ERROR && m.error;
    const whole = m.len >= 16 && m.len <= bytes.length - m.offset && !error;
    const row = (reuse && whole ? reuse(m.offset, end) : undefined) ?? messageToRow(m, bytes, family, endian);
    if (row) rows.push(row);
    else {
      const id = error
        ? 'row.raw.error'
        : m.len < 16 || m.len > bytes.length - m.offset
          ? 'row.raw.len'
          : 'row.raw.inexact';
      rows.push(rawRow(bytes, m.offset, end, id, { typeName: m.typeName }));
    }
    at = end;
  }
  if (at < bytes.length)
    rows.push(rawRow(bytes, at, bytes.length, at === 0 ? 'row.raw.not-netlink' : 'row.raw.after'));
  return rows;
}
