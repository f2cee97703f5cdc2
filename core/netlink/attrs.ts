/**
 * Attributes: nla_for_each_attr (include/net/netlink.h) — while nla_ok(nla, rem) (rem >= 4,
 * nla_len >= 4, nla_len <= rem) take the attribute and move NLA_ALIGN(nla_len) on; leftover
 * bytes are what __nla_validate_parse (lib/nlattr.c) warns about. Nested attributes recurse
 * with the enum of their policy, a struct before them (VETH_INFO_PEER's ifinfomsg) included.
 */
import { NLA_F_NESTED, NLA_F_NET_BYTEORDER, nlaAlign } from './constants.ts';
import { diag, paddingProblem } from './diagnostics.ts';
import type { Ctx } from './decode-context.ts';
import { GENL_UNKNOWN, childSet, lookupAttr, structSize, type AttrDef, type AttrSet } from './families.ts';
import { AttrNode, NumberField, cString } from './lazy.ts';
import { buildBytes, buildLeaf, leafProblems, partField, structFields } from './values.ts';
import type { NlAttr, NlDiagnostic, NlField } from './types.ts';

const NO_ATTRS: NlAttr[] = [];
const PADDING = () => 'NLA_ALIGN padding';

/** The names of the attributes whose string value selects a sibling's policy (IFLA_INFO_KIND). */
const selectorCache = new WeakMap<AttrSet, ReadonlySet<string>>();
function selectorsOf(set: AttrSet): ReadonlySet<string> {
  let s = selectorCache.get(set);
  if (!s) {
    s = new Set([...set.attrs.values()].flatMap((d) => (d.byKind ? [d.byKind.selector] : [])));
    selectorCache.set(set, s);
  }
  return s;
}

/** Where one walk of a container stands: its policy and the selector values seen so far. */
interface Level {
  set: AttrSet | null;
  end: number;
  cut: boolean;
  depth: number;
  out: NlDiagnostic[];
  /** String values of this level's selector attributes (IFLA_INFO_KIND → "veth"). */
  selected: Map<string, string> | null;
}

/** Walk the attributes in [start, end); diagnostics go to `out`. Built attributes are returned. */
export function decodeAttrs(
  ctx: Ctx,
  start: number,
  end: number,
  set: AttrSet | null,
  out: NlDiagnostic[],
  cut: boolean,
  depth: number,
): NlAttr[] {
  const attrs: NlAttr[] = ctx.build ? [] : NO_ATTRS;
  const lv: Level = { set, end, cut, depth, out, selected: null };
  let off = start;
  while (end - off >= 4) {
    if (ctx.attrs >= ctx.limits.attributes) {
      if (!ctx.attrLimitReported)
        out.push(
          diag('warning', 'limit-attributes', { limit: ctx.limits.attributes, n: end - off }, off, end - off),
        );
      ctx.attrLimitReported = true;
      return attrs;
    }
    ctx.attrs++;
    const next = decodeAttr(ctx, off, lv, attrs);
    if (next < 0) return attrs;
    off = next;
  }
  if (off < end) out.push(diag(cut ? 'info' : 'warning', 'attr-trailing', { n: end - off }, off, end - off));
  return attrs;
}

/** The name an attribute is shown by: its enum name, `NAME[i]` in an array, or `attr N`. */
function attrName(set: AttrSet | null, def: AttrDef | undefined, type: number): string {
  if (!def) return `attr ${type}`;
  return set?.element ? `${def.name}[${type}]` : def.name;
}

/**
 * One attribute at `off`: its header, then its payload as nested attributes or a leaf value.
 * Returns where the next one starts, or -1 when nla_ok fails and the walk stops.
 */
function decodeAttr(ctx: Ctx, off: number, lv: Level, attrs: NlAttr[]): number {
  const { dv, le } = ctx;
  const rem = lv.end - off;
  const nlaLen = dv.getUint16(off, le);
  const rawType = dv.getUint16(off + 2, le);
  const type = rawType & ~(NLA_F_NESTED | NLA_F_NET_BYTEORDER);
  const flagNested = (rawType & NLA_F_NESTED) !== 0;
  const netByteorder = (rawType & NLA_F_NET_BYTEORDER) !== 0;
  const def = lv.set ? lookupAttr(lv.set, type) : undefined;
  const name =
    ctx.build || nlaLen < 4 || nlaLen > rem || (flagNested && netByteorder)
      ? attrName(lv.set, def, type)
      : '';
  const a = ctx.build
    ? newAttr(off, nlaLen, rawType, type, name, def, lv.set, flagNested, netByteorder)
    : null;
  if (a) attrs.push(a);
  if (flagNested && netByteorder) lv.out.push(diag('warning', 'nla-flags-exclusive', { name }, off + 2, 2));
  if (nlaLen < 4) {
    lv.out.push(diag('error', 'attr-len-short', { name, len: nlaLen }, off, 2));
    return -1;
  }
  if (nlaLen > rem) {
    lv.out.push(
      lv.cut
        ? diag('info', 'attr-truncated', { name, len: nlaLen, rem }, off, rem)
        : diag('error', 'attr-overrun', { name, len: nlaLen, over: nlaLen - rem, rem }, off, rem),
    );
    a?.fields.push(partField(ctx, off + 4, lv.end, nlaLen));
    return -1;
  }
  const pEnd = off + nlaLen;
  const resolved = resolveByKind(def, lv.selected);
  decodePayload(ctx, a, resolved, type, off, nlaLen, flagNested, netByteorder, lv);
  if (def && def.kind === 'string' && lv.set && selectorsOf(lv.set).has(def.name))
    (lv.selected ??= new Map()).set(def.name, cString(ctx.bytes, off + 4, pEnd).text);
  const padEnd = Math.min(off + nlaAlign(nlaLen), lv.end);
  if (padEnd > pEnd) {
    if (a) {
      a.padding = padEnd - pEnd;
      a.fields.push(new NumberField('(padding)', pEnd, a.padding, a.padding, 'pad', PADDING));
    }
    paddingProblem(ctx.bytes, pEnd, padEnd, lv.out, name || attrName(lv.set, def, type));
  }
  return off + nlaAlign(nlaLen);
}

function newAttr(
  off: number,
  nlaLen: number,
  rawType: number,
  type: number,
  name: string,
  def: AttrDef | undefined,
  set: AttrSet | null,
  flagNested: boolean,
  netByteorder: boolean,
): AttrNode {
  const typeDisplay = () =>
    `${rawType} (${name}${flagNested ? ' | NLA_F_NESTED' : ''}${netByteorder ? ' | NLA_F_NET_BYTEORDER' : ''})`;
  const fields: NlField[] = [
    new NumberField('nla_len', off, 2, nlaLen, 'attr-header'),
    new NumberField('nla_type', off + 2, 2, rawType, 'attr-header', typeDisplay),
  ];
  const a = new AttrNode(off, nlaLen, type, name, fields);
  if (def) a.kind = def.kind;
  if (set && !set.element && set !== GENL_UNKNOWN) a.enum = set.name;
  if (flagNested) a.nested = true;
  if (netByteorder) a.netByteorder = true;
  return a;
}

/**
 * IFLA_INFO_DATA's children follow the policy of the link kind named by IFLA_INFO_KIND, as
 * rtnl_newlink (net/core/rtnetlink.c) finds it with rtnl_link_ops_get; kinds we do not know stay
 * a nested guess.
 */
function resolveByKind(def: AttrDef | undefined, selected: Map<string, string> | null): AttrDef | undefined {
  if (!def?.byKind) return def;
  const kind = selected?.get(def.byKind.selector);
  const s = kind === undefined ? undefined : def.byKind.sets[kind];
  return s ? { ...def, kind: 'nested', set: s } : def;
}

/** True when [start, end) is exactly a sequence of well-formed attributes (a nested guess). */
export function tilesAsAttrs(ctx: Ctx, start: number, end: number, depth: number): boolean {
  if (end - start < 4 || depth > 8) return false;
  let off = start;
  while (end - off >= 4) {
    const l = ctx.dv.getUint16(off, ctx.le);
    if (l < 4 || l > end - off) return false;
    off += nlaAlign(l);
  }
  return off >= end && off - end < 4;
}

/** The payload of a well-formed attribute: nested attributes (policy, NLA_F_NESTED, a guess) or a leaf. */
function decodePayload(
  ctx: Ctx,
  a: AttrNode | null,
  def: AttrDef | undefined,
  type: number,
  off: number,
  nlaLen: number,
  flagNested: boolean,
  netByteorder: boolean,
  lv: Level,
): void {
  const pStart = off + 4;
  const pEnd = off + nlaLen;
  const len = nlaLen - 4;
  const kind = def?.kind;
  // Names are made only for a diagnostic when nothing is built (the validating pass).
  const name = (): string => a?.name ?? attrName(lv.set, def, type);
  let wantNested =
    kind === 'nested' ||
    kind === 'nested-array' ||
    flagNested ||
    (kind === 'nested-guess' && tilesAsAttrs(ctx, pStart, pEnd, lv.depth));
  if (wantNested && lv.depth >= ctx.limits.depth) {
    lv.out.push(diag('info', 'limit-depth', { name: name(), depth: lv.depth }, off, nlaLen));
    wantNested = false;
  }
  if (wantNested && def?.header) return decodeHeaderNest(ctx, a, def, name, off, nlaLen, lv);
  if (wantNested && flagNested && !def && len > 0 && !tilesAsAttrs(ctx, pStart, pEnd, lv.depth)) {
    // NLA_F_NESTED on an attribute whose policy we do not know, and the payload is no list of
    // attributes: keep the bytes (a struct before the attributes, as in VETH_INFO_PEER, looks so).
    lv.out.push(diag('info', 'nested-not-attrs', { name: name() }, pStart, len));
    if (a) buildBytes(ctx, a, pStart, pEnd);
    return;
  }
  if (wantNested) {
    const set = def ? childSet(def) : null;
    const children = decodeAttrs(ctx, pStart, pEnd, set, lv.out, lv.cut, lv.depth + 1);
    if (a) {
      a.nested = true;
      a.children = children;
      a.display = `${children.length} nested attribute(s)`;
    }
    return;
  }
  leafProblems(kind, def, name, len, off, nlaLen, lv.out);
  if (a) buildLeaf(ctx, a, def, pStart, pEnd, netByteorder);
}

/** A struct, NLA_ALIGNed, then attributes (rtnl_nla_parse_ifinfomsg skips sizeof(struct ifinfomsg)). */
function decodeHeaderNest(
  ctx: Ctx,
  a: AttrNode | null,
  def: AttrDef,
  name: () => string,
  off: number,
  nlaLen: number,
  lv: Level,
): void {
  const h = def.header as NonNullable<AttrDef['header']>;
  const structName = h.name;
  const pStart = off + 4;
  const pEnd = off + nlaLen;
  const size = structSize(h);
  if (a) {
    a.nested = true;
    a.fields.push(...structFields(ctx, h, pStart, pEnd, 'family-header'));
  }
  if (nlaLen - 4 < size) {
    lv.out.push(
      diag(
        lv.cut ? 'info' : 'error',
        'attr-size',
        { name: name(), struct: structName, size, len: nlaLen - 4 },
        off,
        nlaLen,
        'attr-size.nest-header',
      ),
    );
    if (a) a.children = [];
    return;
  }
  const children = decodeAttrs(
    ctx,
    pStart + nlaAlign(size),
    pEnd,
    def.set ?? null,
    lv.out,
    lv.cut,
    lv.depth + 1,
  );
  if (a) {
    a.children = children;
    a.display = `struct ${structName} + ${children.length} nested attribute(s)`;
  }
}
