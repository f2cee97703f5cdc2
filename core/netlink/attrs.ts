/**
 * Attributes: nla_for_each_attr (include/net/netlink.h) — while nla_ok(nla, rem) (rem >= 4,
 * nla_len >= 4, nla_len <= rem) take the attribute and move NLA_ALIGN(nla_len) on; leftover
 * bytes are what __nla_validate_parse (lib/nlattr.c) warns about. Nested attributes recurse
 * with the enum of their policy, a struct before them (VETH_INFO_PEER's ifinfomsg) included.
 */
import { AttrNode } from './attr-node.ts';
import { NLA_F_NESTED, NLA_F_NET_BYTEORDER, nlaAlign } from './constants.ts';
import type { Ctx } from './decode-context.ts';
import { diag, nonZero, paddingProblem } from './diagnostics.ts';
import { GENL_UNKNOWN, childSet, lookupAttr, structSize, type AttrDef, type AttrSet } from './families.ts';
import { cString } from './lazy.ts';
import { bytesValue, leafProblem, leafValue } from './values.ts';
import type { NlAttr, NlDiagnostic } from './types.ts';
import { msg } from '../i18n/index.ts';
import { DISPLAY } from './display-messages.ts';

const NO_ATTRS: NlAttr[] = [];

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

/** One attribute's header as read: its numbers and the policy entry for its type. */
interface Header {
  off: number;
  nlaLen: number;
  type: number;
  flagNested: boolean;
  netByteorder: boolean;
  /** The policy entry for the type (before IFLA_INFO_KIND picks a link kind's). */
  def: AttrDef | undefined;
  /** Built only when fields are built; otherwise made for a diagnostic when one is needed. */
  a: AttrNode | null;
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

const nameOf = (h: Header, lv: Level): string => h.a?.name ?? attrName(lv.set, h.def, h.type);

/**
 * One attribute at `off`: its header, then its payload as nested attributes or a leaf value.
 * Returns where the next one starts, or -1 when nla_ok fails and the walk stops.
 */
function decodeAttr(ctx: Ctx, off: number, lv: Level, attrs: NlAttr[]): number {
  const rem = lv.end - off;
  const nlaLen = ctx.dv.getUint16(off, ctx.le);
  const rawType = ctx.dv.getUint16(off + 2, ctx.le);
  const type = rawType & ~(NLA_F_NESTED | NLA_F_NET_BYTEORDER);
  const def = lv.set ? lookupAttr(lv.set, type) : undefined;
  const h: Header = {
    off,
    nlaLen,
    type,
    flagNested: (rawType & NLA_F_NESTED) !== 0,
    netByteorder: (rawType & NLA_F_NET_BYTEORDER) !== 0,
    def,
    a: ctx.build ? newAttr(ctx, off, nlaLen, rawType, type, def, lv.set) : null,
  };
  if (h.a) attrs.push(h.a);
  if (h.flagNested && h.netByteorder)
    lv.out.push(diag('warning', 'nla-flags-exclusive', { name: nameOf(h, lv) }, off + 2, 2));
  if (nlaLen < 4) {
    lv.out.push(diag('error', 'attr-len-short', { name: nameOf(h, lv), len: nlaLen }, off, 2));
    return -1;
  }
  if (nlaLen > rem) {
    const name = nameOf(h, lv);
    lv.out.push(
      lv.cut
        ? diag('info', 'attr-truncated', { name, len: nlaLen, rem }, off, rem)
        : diag('error', 'attr-overrun', { name, len: nlaLen, over: nlaLen - rem, rem }, off, rem),
    );
    h.a?.setShape('cut', def, lv.end);
    return -1;
  }
  const pEnd = off + nlaLen;
  decodePayload(ctx, h, resolveByKind(def, lv.selected), lv);
  if (def && def.kind === 'string' && lv.set && selectorsOf(lv.set).has(def.name))
    (lv.selected ??= new Map()).set(def.name, cString(ctx.bytes, off + 4, pEnd).text);
  const padEnd = Math.min(off + nlaAlign(nlaLen), lv.end);
  if (padEnd > pEnd) {
    if (h.a) h.a.padding = padEnd - pEnd;
    if (nonZero(ctx.bytes, pEnd, padEnd)) paddingProblem(ctx.bytes, pEnd, padEnd, lv.out, nameOf(h, lv));
  }
  return off + nlaAlign(nlaLen);
}

function newAttr(
  ctx: Ctx,
  off: number,
  nlaLen: number,
  rawType: number,
  type: number,
  def: AttrDef | undefined,
  set: AttrSet | null,
): AttrNode {
  const a = new AttrNode(ctx, off, nlaLen, rawType, type, attrName(set, def, type));
  if (def) a.kind = def.kind;
  if (set && !set.element && set !== GENL_UNKNOWN) a.enum = set.name;
  if (rawType & NLA_F_NESTED) a.nested = true;
  if (rawType & NLA_F_NET_BYTEORDER) a.netByteorder = true;
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
function decodePayload(ctx: Ctx, h: Header, def: AttrDef | undefined, lv: Level): void {
  const { off, nlaLen, flagNested, a } = h;
  const pStart = off + 4;
  const pEnd = off + nlaLen;
  const kind = def?.kind;
  let wantNested =
    kind === 'nested' ||
    kind === 'nested-array' ||
    flagNested ||
    (kind === 'nested-guess' && tilesAsAttrs(ctx, pStart, pEnd, lv.depth));
  if (wantNested && lv.depth >= ctx.limits.depth) {
    lv.out.push(diag('info', 'limit-depth', { name: nameOf(h, lv), depth: lv.depth }, off, nlaLen));
    wantNested = false;
  }
  if (wantNested && def?.header) return decodeHeaderNest(ctx, h, def, lv);
  if (wantNested && flagNested && !def && nlaLen > 4 && !tilesAsAttrs(ctx, pStart, pEnd, lv.depth)) {
    // NLA_F_NESTED on an attribute whose policy we do not know, and the payload is no list of
    // attributes: keep the bytes (a struct before the attributes, as in VETH_INFO_PEER, looks so).
    lv.out.push(diag('info', 'nested-not-attrs', { name: nameOf(h, lv) }, pStart, nlaLen - 4));
    if (a) {
      a.setShape('leaf', undefined);
      a.setLeaf(bytesValue(ctx, pStart, pEnd));
    }
    return;
  }
  if (wantNested) {
    const children = decodeAttrs(ctx, pStart, pEnd, def ? childSet(def) : null, lv.out, lv.cut, lv.depth + 1);
    if (a) {
      a.setShape('nest', def);
      a.nested = true;
      a.children = children;
      a.showMsg(msg(DISPLAY.nested, { n: children.length }));
    }
    return;
  }
  const p = leafProblem(kind, def, nlaLen - 4);
  if (p) lv.out.push(diag('warning', 'attr-size', { name: nameOf(h, lv), ...p.values }, off, nlaLen, p.id));
  if (a) {
    a.setShape('leaf', def);
    a.setLeaf(leafValue(ctx, def, pStart, pEnd, h.netByteorder));
  }
}

/** A struct, NLA_ALIGNed, then attributes (rtnl_nla_parse_ifinfomsg skips sizeof(struct ifinfomsg)). */
function decodeHeaderNest(ctx: Ctx, h: Header, def: AttrDef, lv: Level): void {
  const { off, nlaLen, a } = h;
  const header = def.header as NonNullable<AttrDef['header']>;
  const size = structSize(header);
  if (a) {
    a.setShape('header-nest', def);
    a.nested = true;
  }
  if (nlaLen - 4 < size) {
    const values = { name: nameOf(h, lv), struct: header.name, size, len: nlaLen - 4 };
    lv.out.push(diag(lv.cut ? 'info' : 'error', 'attr-size', values, off, nlaLen, 'attr-size.nest-header'));
    if (a) a.children = [];
    return;
  }
  const start = off + 4 + nlaAlign(size);
  const children = decodeAttrs(ctx, start, off + nlaLen, def.set ?? null, lv.out, lv.cut, lv.depth + 1);
  if (a) {
    a.children = children;
    a.showMsg(msg(DISPLAY.headerNest, { name: header.name, n: children.length }));
  }
}
