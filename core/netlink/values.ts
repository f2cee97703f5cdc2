/**
 * Leaf values: what an attribute's payload holds by the kind its family's policy gives it — the
 * checks validate_nla (lib/nlattr.c) makes of its size, and the fields it is drawn as (an
 * integer, a C string, a MAC or IP address, a struct, an array of __u32/__u64, or bytes).
 * Structs are read member by member as the UAPI headers lay them out.
 */
import { diag } from './diagnostics.ts';
import { readInt, type Ctx } from './decode-context.ts';
import { structSize, type AttrDef, type StructDef } from './families.ts';
import type { AttrNode } from './lazy.ts';
import { LazyField, LazyValue, NumberField, type Render } from './lazy.ts';
import { headerValueDisplay } from './names.ts';
import type { NlDiagnostic, NlField } from './types.ts';

/** Byte sizes of the integer kinds. */
export const INT_SIZES: Readonly<Record<string, number>> = { u8: 1, u16: 2, u32: 4, u64: 8, s32: 4 };

const headerDisplay = (name: string) => (v: number | bigint) => headerValueDisplay(name, Number(v));

/** The members of struct `s` that fit in [start, end), each as a field. */
export function structFields(
  ctx: Ctx,
  s: StructDef,
  start: number,
  end: number,
  kind: NlField['kind'],
): NlField[] {
  const out: NlField[] = [];
  let at = start;
  for (const m of s.members) {
    if (at + m.size > end) break;
    const v = readInt(ctx, at, m.size, !!m.signed, ctx.le);
    const fk = m.name === '(padding)' ? 'pad' : kind;
    out.push(
      new NumberField(
        m.name,
        at,
        m.size,
        v,
        fk,
        kind === 'family-header' ? headerDisplay(m.name) : undefined,
      ),
    );
    at += m.size;
  }
  return out;
}

/**
 * validate_nla's size checks for the kinds that have a size: an integer of the wrong width, a
 * flag with a payload, a struct cut short. Run by every pass, so diagnostics never depend on
 * whether the fields were built.
 */
export function leafProblems(
  kind: string | undefined,
  def: AttrDef | undefined,
  name: () => string,
  len: number,
  offset: number,
  nlaLen: number,
  out: NlDiagnostic[],
): void {
  if (kind !== undefined && kind in INT_SIZES) {
    const size = INT_SIZES[kind] as number;
    if (len !== size)
      out.push(
        diag('warning', 'attr-size', { name: name(), kind, size, len }, offset, nlaLen, 'attr-size.int'),
      );
  } else if (kind === 'flag') {
    if (len !== 0)
      out.push(diag('warning', 'attr-size', { name: name(), len }, offset, nlaLen, 'attr-size.flag'));
  } else if (kind === 'struct' && def?.struct) {
    const size = structSize(def.struct);
    if (len < size)
      out.push(
        diag(
          'warning',
          'attr-size',
          { name: name(), struct: def.struct.name, size, len },
          offset,
          nlaLen,
          'attr-size.struct',
        ),
      );
  }
}

/** Value, display and payload field of a leaf whose value is the LazyValue `v`. */
function payload(a: AttrNode, start: number, len: number, v: LazyValue): void {
  a.setLazy(v);
  if (len > 0) a.fields.push(new LazyField('payload', start, len, 'payload', v));
}

const lazy = (ctx: Ctx, s: number, e: number, r: Render, extra?: number | string) =>
  new LazyValue(ctx.bytes, s, e, r, extra);

/** Build a leaf attribute's value and fields by its kind (nothing is rendered yet). */
export function buildLeaf(
  ctx: Ctx,
  a: AttrNode,
  def: AttrDef | undefined,
  pStart: number,
  pEnd: number,
  netByteorder: boolean,
): void {
  const len = pEnd - pStart;
  const kind = def?.kind;
  if (kind !== undefined && kind in INT_SIZES) {
    const size = INT_SIZES[kind] as number;
    if (len !== size) return payload(a, pStart, len, lazy(ctx, pStart, pEnd, 'count'));
    const v = readInt(ctx, pStart, size, kind === 's32', netByteorder ? false : ctx.le);
    a.value = v;
    a.display = v.toString();
    a.fields.push(new NumberField('payload', pStart, len, v, 'payload'));
    return;
  }
  switch (kind) {
    case 'string':
      return payload(a, pStart, len, lazy(ctx, pStart, pEnd, 'string'));
    case 'mac':
      return payload(a, pStart, len, lazy(ctx, pStart, pEnd, 'mac'));
    case 'ipaddr':
      return payload(a, pStart, len, lazy(ctx, pStart, pEnd, 'ip'));
    case 'flag':
      if (len > 0) return payload(a, pStart, len, lazy(ctx, pStart, pEnd, 'note', '(flag)'));
      a.value = 1;
      a.display = '(flag)';
      return;
    case 'struct':
      if (def?.struct) return buildStruct(ctx, a, def.struct, pStart, pEnd);
      break;
    case 'u32-array':
    case 'u64-array':
      return buildArray(ctx, a, def as AttrDef, pStart, pEnd);
  }
  payload(a, pStart, len, lazy(ctx, pStart, pEnd, 'bytes'));
}

/** A struct attribute (IFLA_STATS64, IFA_CACHEINFO…): its members, then newer fields as bytes. */
function buildStruct(ctx: Ctx, a: AttrNode, s: StructDef, pStart: number, pEnd: number): void {
  const len = pEnd - pStart;
  const size = structSize(s);
  a.fields.push(...structFields(ctx, s, pStart, pEnd, 'payload'));
  a.setLazy(lazy(ctx, pStart, pEnd, 'bytes'));
  a.display = `struct ${s.name} (${len} bytes)`;
  if (len > size) {
    const extra = lazy(ctx, pStart + size, pEnd, 'note', `${len - size} bytes (newer kernel fields)`);
    a.fields.push(new LazyField('(beyond struct)', pStart + size, len - size, 'payload', extra));
  }
}

/** An array of __u32 or __u64 (IFLA_INET6_CONF…), elements named by the policy where it can. */
function buildArray(ctx: Ctx, a: AttrNode, def: AttrDef, pStart: number, pEnd: number): void {
  const w = def.kind === 'u32-array' ? 4 : 8;
  const base = def.itemsBase ?? 1;
  let at = pStart;
  let i = 0;
  for (; at + w <= pEnd; at += w, i++) {
    const v = readInt(ctx, at, w, false, ctx.le);
    a.fields.push(new NumberField(def.items?.[i] ?? `[${i + base}]`, at, w, v, 'payload'));
  }
  if (at < pEnd)
    a.fields.push(
      new LazyField('(rest)', at, pEnd - at, 'payload', lazy(ctx, at, pEnd, 'note', 'not a whole element')),
    );
  a.setLazy(lazy(ctx, pStart, pEnd, 'bytes'));
  a.display = `${i} × ${w === 4 ? '__u32' : '__u64'}`;
}

/** Bytes shown as they are (a nest that is no list of attributes): `N bytes: …`. */
export function buildBytes(ctx: Ctx, a: AttrNode, pStart: number, pEnd: number): void {
  payload(a, pStart, pEnd - pStart, lazy(ctx, pStart, pEnd, 'count'));
}

/** A payload field of the bytes [start, end): hex, displayed as `N bytes: …`. */
export function payloadField(ctx: Ctx, start: number, end: number): NlField {
  return new LazyField('payload', start, end - start, 'payload', lazy(ctx, start, end, 'bytes'));
}

/** The rest of an attribute its container cut (`N of M bytes`). */
export function partField(ctx: Ctx, start: number, end: number, nlaLen: number): NlField {
  return new LazyField('payload', start, end - start, 'payload', lazy(ctx, start, end, 'part', nlaLen));
}
