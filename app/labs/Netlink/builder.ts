/**
 * The Netlink lab's builder: core/netlink's editable rows (spec-rows.ts: rowToBytes, rowsFromBytes,
 * parseNumberText — both directions exact, so builder(bytes) gives back the very same bytes),
 * with what the UI adds: a stable id on every row and attribute (React keys, issue paths, the row
 * an edit replaces), the rows' bytes kept per row, and pure edit helpers.
 */
import {
  familyHeaderFields,
  parseHex,
  parseNumberText,
  ROW_KINDS,
  rowToBytes,
  rowsFromBytes,
  typeNames,
} from '../../../core/netlink/index.ts';
// Not in the core's public index (which takes anything and never throws): a decoded message's end,
// and which family-header members are signed (ifi_index is an int).
import { messageEnd } from '../../../core/netlink/spec-rows.ts';
import { messageSchema } from '../../../core/netlink/families.ts';
import { msg, normalizeInput, renderText } from '../../../core/i18n/index.ts';
import { BW } from './builder-words.ts';
import type {
  Endian,
  NlAttrRow,
  NlDecodeResult,
  NlFamily,
  NlHeaderRow,
  NlMessageRow,
  NlRowKind,
} from '../../../core/netlink/index.ts';

export { hexSpaced } from '../../../core/netlink/index.ts';

export type AttrKind = NlRowKind;
export const ATTR_KINDS: readonly AttrKind[] = ROW_KINDS;

export interface BuilderAttr extends NlAttrRow {
  id: number;
  children: BuilderAttr[];
}

export type BuilderHeaderField = NlHeaderRow;

export interface BuilderMessage extends NlMessageRow {
  id: number;
  kind: 'message';
  attrs: BuilderAttr[];
}

/** Bytes the builder keeps as they are (a message it cannot rebuild exactly, trailing bytes). */
export interface BuilderRaw {
  id: number;
  kind: 'raw';
  hex: string;
  /** Why these bytes are raw, in a few words (English). */
  why: string;
  /** The same reason as a message id (core's `row.raw.*`) and its values, for the reader's language. */
  whyId: string;
  whyValues: Record<string, string | number>;
}

export type BuilderItem = BuilderMessage | BuilderRaw;

export interface BuilderIssue {
  /** `<item id>.seq`, `<item id>.type`, `<item id>.fh.<name>`, `<item id>.a<attr id>.type|value`. */
  path: string;
  /** The English. */
  message: string;
  /** The same as a message id (core's `row.*`) and its values, for the reader's language. */
  id: string;
  values: Record<string, string | number>;
  /** `row.encode`: the encoder's own message id and values. */
  cause?: { id: string; values: Record<string, string | number> };
}

let nextId = 1;
export const newId = () => nextId++;

/** Decimal, 0x hex, 0b binary or a negative number; `size` bytes unsigned (negatives wrap, as C casts). */
export function parseUnsigned(
  text: string,
  size: number,
): { ok: true; value: bigint } | { ok: false; why: string } {
  const r = parseNumberText(text, size);
  return r.ok ? r : { ok: false, why: r.why };
}

/** The message type a builder message names (by name or number), or null. */
export function messageTypeValue(m: BuilderMessage, family: NlFamily): number | null {
  const t = m.type.trim();
  const hit = typeNames(family).find((n) => n.name.toUpperCase() === t.toUpperCase());
  if (hit) return hit.value;
  const p = parseNumberText(t, 2);
  return p.ok ? Number(p.value) : null;
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

// ---- rows ↔ bytes, through core ----

export type BuilderBytes = { ok: true; bytes: Uint8Array } | { ok: false; issues: BuilderIssue[] };

// Rows are immutable (an edit replaces the one row it touches), so each message's bytes are kept
// per row: editing one message of a 44-message dump encodes one message, not 44.
const itemCache = new WeakMap<BuilderMessage, { key: string; out: BuilderBytes }>();

/** One builder message's bytes (core's rowToBytes), or the issues that stop it. */
export function builderItemBytes(it: BuilderMessage, family: NlFamily, endian: Endian): BuilderBytes {
  const key = `${family}/${endian}`;
  const hit = itemCache.get(it);
  if (hit && hit.key === key) return hit.out;
  const r = rowToBytes(it, family, endian, it.id);
  const own = rowIssues(it, family, r.ok ? [] : r.issues);
  const core: BuilderIssue[] = r.ok
    ? []
    : r.issues.map((i) => ({
        path: i.path,
        message: i.message,
        id: i.id,
        values: i.values,
        ...(i.cause ? { cause: i.cause } : {}),
      }));
  const issues = mergeIssues(own, core, it);
  const out: BuilderBytes = issues.length === 0 && r.ok ? r : { ok: false, issues };
  itemCache.set(it, { key, out });
  return out;
}

// ---- the builder's own checks: each issue on the field that is wrong ----

/** An issue the builder says itself (its English from the catalog, as core's row issues carry). */
function ownIssue(path: string, d: { id: string }, values: Record<string, string | number>): BuilderIssue {
  return { path, id: d.id, values, message: renderText(msg(d, values), 'en') };
}

const NEGATIVE = /^-(0x[0-9a-f]+|0b[01]+|\d+)$/i;
/** A number typed below zero (core reads it as a C cast would, wrapping it: the page says so instead). */
const isNegative = (text: string) => {
  const t = normalizeInput(text).trim().replace(/_/g, '');
  return NEGATIVE.test(t) && /[1-9a-f]/i.test(t.replace(/^-0[xb]?/i, ''));
};
const grouped = (n: number) => n.toLocaleString('en-US');
/** A value as a message may repeat it (the range message echoes what was typed, cut). */
const echoed = (text: string) => {
  const chars = [...text.trim()];
  return chars.length <= 24 ? chars.join('') : `${chars.slice(0, 24).join('')}…`;
};

/**
 * What core's row encoder lets through or puts elsewhere: a negative sequence number, port id,
 * message type or unsigned family-header member (core wraps it, as a C cast does: the student typed
 * −5 and meant −5), a signed member out of what the encoder writes (ifi_index), and a numeric
 * nlmsg_type the family does not define (core then reports each named attribute instead).
 */
function rowIssues(m: BuilderMessage, family: NlFamily, core: readonly NlRowIssueLike[]): BuilderIssue[] {
  const out: BuilderIssue[] = [];
  const p = `${m.id}.`;
  const range = (path: string, field: string, max: number, text: string) =>
    out.push(ownIssue(path, BW.range, { field, min: 0, max: grouped(max), value: echoed(text) }));
  if (isNegative(m.type)) range(`${p}type`, 'nlmsg_type', 0xffff, m.type);
  if (isNegative(m.seq)) range(`${p}seq`, 'nlmsg_seq', 0xffffffff, m.seq);
  if (isNegative(m.pid)) range(`${p}pid`, 'nlmsg_pid', 0xffffffff, m.pid);
  const type = messageTypeValue(m, family);
  const members = type === null ? [] : (messageSchema(type, family).header?.members ?? []);
  for (const f of m.familyHeader) {
    const mem = members.find((x) => x.name === f.name);
    const bits = f.size * 8;
    // A signed member holds up to 2^(bits−1) − 1 as the encoder writes it; below 0 is not written.
    const max = mem?.signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
    const v = parseNumberText(f.value, f.size);
    if (isNegative(f.value) || (mem?.signed && v.ok && v.value > BigInt(max)))
      range(`${p}fh.${f.name}`, f.name, max, f.value);
  }
  // A numeric type the family has no name for: its attributes cannot be read by name.
  const known = typeNames(family).some((n) => n.name.toUpperCase() === m.type.trim().toUpperCase());
  const unnamed = core.find((i) => i.id === 'row.unknown-name' && /\.a\d+\.type$/.test(i.path));
  if (!known && type !== null && !isNegative(m.type) && unnamed)
    out.push(
      ownIssue(`${p}type`, BW.typeNoNames, { value: String(type), name: String(unnamed.values.text ?? '') }),
    );
  return out;
}

interface NlRowIssueLike {
  path: string;
  id: string;
  values: Record<string, string | number>;
}

/**
 * The builder's issues first, then core's on fields the builder said nothing about: one issue a
 * field. An encoder refusal of a family-header member (`encode.header-range`) belongs on that
 * member; the attribute names a wrong type leaves unknown are said once, on the type.
 */
function mergeIssues(own: BuilderIssue[], core: BuilderIssue[], m: BuilderMessage): BuilderIssue[] {
  // A type that is wrong (or names no type) leaves every attribute name unknown: said once, on the type.
  const typeWrong = [...own, ...core].some((i) => i.path === `${m.id}.type`);
  const out = [...own];
  for (const i of core) {
    let path = i.path;
    const member = i.cause?.id === 'encode.header-range' ? i.cause.values.member : undefined;
    if (member !== undefined) path = `${m.id}.fh.${member}`;
    if (typeWrong && i.id === 'row.unknown-name' && /\.a\d+\.type$/.test(path)) continue;
    if (out.some((o) => o.path === path)) continue;
    if (member !== undefined) {
      const f = m.familyHeader.find((x) => x.name === String(member));
      const size = Number(i.cause?.values.size ?? f?.size ?? 4);
      out.push(
        ownIssue(path, BW.range, {
          field: String(member),
          min: 0,
          max: grouped(2 ** (size * 8) - 1),
          value: echoed(f?.value ?? String(i.cause?.values.value ?? '')),
        }),
      );
    } else out.push(i);
  }
  return out;
}

/** The buffer the builder describes: every message encoded by the core, raw rows as they are. */
export function builderToBytes(
  items: readonly BuilderItem[],
  family: NlFamily,
  endian: Endian,
): BuilderBytes {
  const parts: Uint8Array[] = [];
  const issues: BuilderIssue[] = [];
  for (const it of items) {
    if (it.kind === 'raw') {
      const h = parseHex(it.hex);
      parts.push(h.ok ? h.bytes : new Uint8Array(0));
      continue;
    }
    const e = builderItemBytes(it, family, endian);
    if (!e.ok) issues.push(...e.issues);
    else parts.push(e.bytes);
  }
  if (issues.length > 0) return { ok: false, issues };
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return { ok: true, bytes: out };
}

const withIds = (a: NlAttrRow): BuilderAttr => ({ ...a, id: newId(), children: a.children.map(withIds) });

/**
 * Attribute rows with ids: each the id of the attribute at the same place in `like`, when there is
 * one — and that very row when it reads the same (type, kind, value, flags, children), so the
 * builder's memoised rows of the attributes an edit did not touch skip it.
 */
export const idsLike = (
  attrs: readonly NlAttrRow[],
  like: readonly BuilderAttr[] | undefined,
): BuilderAttr[] =>
  attrs.map((a, i) => {
    const was = like?.[i];
    if (!was) return withIds(a);
    const children = idsLike(a.children, was.children);
    const same =
      a.type === was.type &&
      a.kind === was.kind &&
      a.value === was.value &&
      a.nlaNested === was.nlaNested &&
      a.netByteorder === was.netByteorder &&
      children.length === was.children.length &&
      children.every((c, j) => c === was.children[j]);
    return same ? was : { ...a, id: was.id, children };
  });

/** An earlier builder: its items (in buffer order) and the family and byte order they encode in. */
export interface BuilderBefore {
  items: readonly BuilderItem[];
  family: NlFamily;
  endian: Endian;
}

const rawLength = (it: BuilderRaw) => it.hex.replace(/\s/g, '').length / 2;

/** Where each earlier item started (its encoded bytes laid end to end), and the bytes they made. */
function startsOf(before: BuilderBefore): { at: Map<number, BuilderItem>; size: number } {
  const at = new Map<number, BuilderItem>();
  let o = 0;
  for (const it of before.items) {
    at.set(o, it);
    if (it.kind === 'raw') o += rawLength(it);
    else {
      const e = builderItemBytes(it, before.family, before.endian);
      if (!e.ok) break; // a draft: nothing after it has a known place
      o += e.bytes.length;
    }
  }
  return { at, size: o };
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The builder for a decoded buffer (core's rowsFromBytes, with ids); builderToBytes of it gives
 * back `bytes`. With `before` (the builder of the buffer before an edit), a message whose bytes
 * an earlier item encodes to exactly — at the same offset, or moved by as much as the buffer grew
 * or shrank — keeps that item, id and all: a one-digit edit reads one message again, not all of
 * them, and the editor on show stays mounted. The bytes stay the one truth: an item is kept only
 * when its own encoding is these bytes.
 */
export function builderFromBytes(
  bytes: Uint8Array,
  result: NlDecodeResult,
  family: NlFamily,
  endian: Endian,
  before?: BuilderBefore,
): BuilderItem[] {
  const prev = before && before.family === family && before.endian === endian ? before : null;
  const starts = prev ? startsOf(prev) : null;
  // Items after an edit that changed the length moved by as much.
  const shift = starts ? bytes.length - starts.size : 0;
  const candidates = (from: number) => [
    starts?.at.get(from),
    shift ? starts?.at.get(from - shift) : undefined,
  ];
  const reuse = (from: number, to: number): BuilderMessage | undefined => {
    for (const it of candidates(from)) {
      if (it?.kind !== 'message') continue;
      const e = builderItemBytes(it, family, endian);
      if (e.ok && equalBytes(e.bytes, bytes.subarray(from, to))) return it;
    }
    return undefined;
  };
  const byOffset = new Map(result.messages.map((m) => [m.offset, m]));
  const out: BuilderItem[] = [];
  let at = 0;
  for (const r of rowsFromBytes(bytes, result, family, endian, prev ? reuse : undefined)) {
    let item: BuilderItem;
    if ('raw' in r) {
      const kept = candidates(at).find((it) => it?.kind === 'raw' && it.hex === r.hex && it.why === r.why);
      item = kept ?? {
        id: newId(),
        kind: 'raw',
        hex: r.hex,
        why: r.why,
        whyId: r.whyId,
        whyValues: r.whyValues,
      };
    } else if ('id' in r) item = r as BuilderMessage;
    else {
      // A message whose bytes changed keeps the id of the item in its place, and its attributes
      // the ids of the attributes in theirs: the editor on show is updated, not mounted anew.
      const was = candidates(at).find((it) => it?.kind === 'message') as BuilderMessage | undefined;
      const fresh: BuilderMessage = {
        ...r,
        id: was?.id ?? newId(),
        kind: 'message',
        attrs: idsLike(r.attrs, was?.attrs),
      };
      item = fresh;
      // The core made this row only once it had encoded it and found the message's own bytes
      // (rowsFromBytes is exact; ids do not encode): those bytes are the item's, without
      // encoding it a second time (issue 17: a 64 KiB dump's rows were encoded twice).
      const m = byOffset.get(at);
      if (m)
        itemCache.set(fresh, {
          key: `${family}/${endian}`,
          out: { ok: true, bytes: bytes.slice(at, messageEnd(m, bytes.length)) },
        });
    }
    at += itemSize(item, { family, endian });
    out.push(item);
  }
  return out;
}

/** The bytes an item takes in the buffer (0 for a message that does not encode). */
function itemSize(it: BuilderItem, how: { family: NlFamily; endian: Endian }): number {
  if (it.kind === 'raw') return rawLength(it);
  const e = builderItemBytes(it, how.family, how.endian);
  return e.ok ? e.bytes.length : 0;
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
