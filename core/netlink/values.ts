/**
 * Leaf values: what an attribute's payload holds by the kind its family's policy gives it — the
 * checks validate_nla (lib/nlattr.c) makes of its size, the value and display it reads as (an
 * integer, a C string, a MAC or IP address, a struct, an array of __u32/__u64, or bytes), and
 * the fields it is drawn as. Structs are read member by member as the UAPI headers lay them out.
 * Nothing here renders text until a value or display is read.
 */
import { readInt, type DecodeInput } from './decode-context.ts';
import { structSize, type AttrDef, type StructDef } from './families.ts';
import {
  LazyField,
  LazyValue,
  NumberField,
  ShownField,
  intCode,
  type Render,
  type Show,
  type Shown,
} from './lazy.ts';
import { headerValueDisplay } from './names.ts';
import type { NlField } from './types.ts';
import { msg } from '../i18n/index.ts';
import { DISPLAY } from './display-messages.ts';

/** Byte sizes of the integer kinds. */
export const INT_SIZES: Readonly<Record<string, number>> = { u8: 1, u16: 2, u32: 4, u64: 8, s32: 4 };

const showHeader: Show = (v, member) => headerValueDisplay(member, Number(v));

/** The members of struct `s` that fit in [start, end), each as a field. */
export function structFields(
  input: DecodeInput,
  s: StructDef,
  start: number,
  end: number,
  kind: NlField['kind'],
): NlField[] {
  const out: NlField[] = [];
  let at = start;
  for (const m of s.members) {
    if (at + m.size > end) break;
    const v = readInt(input, at, m.size, !!m.signed, input.le);
    const fk = m.name === '(padding)' ? 'pad' : kind;
    out.push(
      kind === 'family-header'
        ? new ShownField(m.name, at, m.size, v, fk, showHeader, m.name)
        : new NumberField(m.name, at, m.size, v, fk),
    );
    at += m.size;
  }
  return out;
}

/**
 * validate_nla's size checks for the kinds that have a size: an integer of the wrong width, a
 * flag with a payload, a struct cut short. The message id and its values (the caller adds the
 * attribute's name), or null.
 */
export function leafProblem(
  kind: string | undefined,
  def: AttrDef | undefined,
  len: number,
): { id: string; values: Record<string, string | number> } | null {
  if (kind !== undefined && kind in INT_SIZES) {
    const size = INT_SIZES[kind] as number;
    return len === size ? null : { id: 'attr-size.int', values: { kind, size, len } };
  }
  if (kind === 'flag') return len === 0 ? null : { id: 'attr-size.flag', values: { len } };
  if (kind === 'struct' && def?.struct) {
    const size = structSize(def.struct);
    return len >= size ? null : { id: 'attr-size.struct', values: { struct: def.struct.name, size, len } };
  }
  return null;
}

const lazy = (input: DecodeInput, s: number, e: number, r: Render, extra?: number | Shown) =>
  new LazyValue(input.bytes, s, e, r, extra);

/** A leaf attribute's value and display, by the kind of its policy (rendered when read). */
export function leafValue(
  input: DecodeInput,
  def: AttrDef | undefined,
  pStart: number,
  pEnd: number,
  netByteorder: boolean,
): LazyValue {
  const len = pEnd - pStart;
  const kind = def?.kind;
  if (kind !== undefined && kind in INT_SIZES) {
    const size = INT_SIZES[kind] as number;
    if (len !== size) return lazy(input, pStart, pEnd, 'count');
    // NLA_F_NET_BYTEORDER: the number is big-endian whatever the host's order.
    return lazy(input, pStart, pEnd, 'int', intCode(size, kind === 's32', netByteorder ? false : input.le));
  }
  switch (kind) {
    case 'string':
      return lazy(input, pStart, pEnd, 'string');
    case 'mac':
      return lazy(input, pStart, pEnd, 'mac');
    case 'ipaddr':
      return lazy(input, pStart, pEnd, 'ip');
    case 'flag':
      return len > 0
        ? lazy(input, pStart, pEnd, 'note', msg(DISPLAY.flag))
        : lazy(input, pStart, pEnd, 'flag');
    case 'struct':
      if (def?.struct)
        return lazy(input, pStart, pEnd, 'note', msg(DISPLAY.struct, { name: def.struct.name, n: len }));
      break;
    case 'u32-array':
    case 'u64-array': {
      const w = kind === 'u32-array' ? 4 : 8;
      return lazy(input, pStart, pEnd, 'note', `${Math.floor(len / w)} × ${w === 4 ? '__u32' : '__u64'}`);
    }
  }
  return lazy(input, pStart, pEnd, 'bytes');
}

/** Bytes shown as they are (a nest that is no list of attributes): `N bytes: …`. */
export function bytesValue(input: DecodeInput, pStart: number, pEnd: number): LazyValue {
  return lazy(input, pStart, pEnd, 'count');
}

/** The payload fields of a leaf whose value is `v`: members, array elements, or the one payload. */
export function leafFields(
  input: DecodeInput,
  def: AttrDef | undefined,
  pStart: number,
  pEnd: number,
  v: LazyValue,
): NlField[] {
  const len = pEnd - pStart;
  const kind = def?.kind;
  if (kind === 'struct' && def?.struct && v.render === 'note')
    return structMembers(input, def.struct, pStart, pEnd);
  if ((kind === 'u32-array' || kind === 'u64-array') && def) return arrayItems(input, def, pStart, pEnd);
  return len > 0 ? [new LazyField('payload', pStart, len, 'payload', v)] : [];
}

/** A struct attribute (IFLA_STATS64, IFA_CACHEINFO…): its members, then newer fields as bytes. */
function structMembers(input: DecodeInput, s: StructDef, pStart: number, pEnd: number): NlField[] {
  const len = pEnd - pStart;
  const size = structSize(s);
  const out = structFields(input, s, pStart, pEnd, 'payload');
  if (len > size) {
    const extra = lazy(input, pStart + size, pEnd, 'note', msg(DISPLAY.newer, { n: len - size }));
    out.push(new LazyField('(beyond struct)', pStart + size, len - size, 'payload', extra));
  }
  return out;
}

/** `[1]`, `[2]`…: element names made once. */
const ITEM_NAMES: string[] = [];
const itemName = (i: number): string => (ITEM_NAMES[i] ??= `[${i}]`);

/** An array of __u32 or __u64 (IFLA_INET6_CONF…), elements named by the policy where it can. */
function arrayItems(input: DecodeInput, def: AttrDef, pStart: number, pEnd: number): NlField[] {
  const w = def.kind === 'u32-array' ? 4 : 8;
  const base = def.itemsBase ?? 1;
  const out: NlField[] = [];
  let at = pStart;
  for (let i = 0; at + w <= pEnd; at += w, i++)
    out.push(
      new NumberField(
        def.items?.[i] ?? itemName(i + base),
        at,
        w,
        readInt(input, at, w, false, input.le),
        'payload',
      ),
    );
  if (at < pEnd)
    out.push(
      new LazyField('(rest)', at, pEnd - at, 'payload', lazy(input, at, pEnd, 'note', msg(DISPLAY.notWhole))),
    );
  return out;
}

/** A payload field of the bytes [start, end): hex, displayed as `N bytes: …`. */
export function payloadField(input: DecodeInput, start: number, end: number): NlField {
  return new LazyField('payload', start, end - start, 'payload', lazy(input, start, end, 'bytes'));
}

/** The rest of an attribute its container cut (`N of M bytes`). */
export function partField(input: DecodeInput, start: number, end: number, nlaLen: number): NlField {
  return new LazyField('payload', start, end - start, 'payload', lazy(input, start, end, 'part', nlaLen));
}
