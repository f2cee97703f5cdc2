/**
 * Oracle format `netlink-tshark` (core/netlink/tools/record-tshark.py): real netlink requests
 * and kernel replies, each with Wireshark's dissection (tshark -T pdml). Wireshark's netlink
 * dissectors are an independent implementation, so agreeing with them on the walk and on the
 * attribute types is a second opinion on core/netlink. For every capture:
 *
 * - the message walk: the same messages at the same offsets with the same nlmsg_len and type;
 *   for NLMSG_ERROR the same error code and the same echoed request header;
 * - the attribute walk: every attribute tshark dissects exists in ours at the same offset with
 *   the same nla_len, type and NLA_F_NESTED / NLA_F_NET_BYTEORDER bits, and where tshark
 *   descends into nested attributes, ours does too, to the same children;
 * - attribute types: the enum tshark looked the type up in is ours (tshark's header-field
 *   names translated to the kernel's enum names below), a kernel-style name tshark gives
 *   (`CTRL_ATTR_FAMILY_NAME`) is ours, and the value tshark decodes (a string, an IPv4/IPv6
 *   address, a MAC, an integer of N bytes, a struct) is the kind our policy reads it as.
 *
 * Where tshark knows less (an attribute it shows as raw data, nested attributes it does not
 * descend into, extended-ack TLVs Wireshark 4.0 skips), there is nothing to compare.
 */
import { decodeNetlink, parseHex, type NlAttr, type NlFamily, type NlMessage } from '../../netlink/index.ts';
import type { CaseOutcome, FieldDiff, OracleFormat } from '../types.ts';

interface TAttr {
  offset: number;
  len: number;
  type: number;
  nested_flag: boolean;
  net_byteorder_flag: boolean;
  array_index?: number;
  enum_field?: string;
  name?: string;
  value_field?: string;
  value_ftype?: string;
  value_size?: number;
  children?: TAttr[];
}
interface TMessage {
  offset: number;
  len: number;
  type: number;
  tshark_type?: string;
  error?: number;
  echoed?: { offset: number; len: number; type: number };
  attributes: TAttr[];
}
interface Capture {
  name: string;
  family: string;
  direction?: string;
  hex: string;
  tshark: { messages: TMessage[]; malformed?: boolean };
}

/** Wireshark's attribute-type header fields, and the kernel enum each one is. */
export const TSHARK_ENUMS: Record<string, string> = {
  'netlink-route.ifla_attr_type': 'IFLA',
  'netlink-route.ifa_attr_type': 'IFA',
  'netlink-route.rta_attr_type': 'RTA',
  'genl.ctrl_attr': 'CTRL_ATTR',
  'genl.ctrl.ops_attr': 'CTRL_ATTR_OP',
  'genl.ctrl.groups_attr': 'CTRL_ATTR_MCAST_GRP',
};

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** What tshark decoded the payload as: a value class comparable with ours, or null (raw data). */
function tsharkClass(a: TAttr): string | null {
  const t = a.value_ftype;
  if (!t || t === 'FT_BYTES') return null;
  if (/^FT_STRING/.test(t)) return 'string';
  if (t === 'FT_IPv4' || t === 'FT_IPv6') return 'ipaddr';
  if (t === 'FT_ETHER') return 'mac';
  if (/^FT_U?INT\d+$|^FT_BOOLEAN$|^FT_CHAR$/.test(t)) return `int${a.value_size ?? '?'}`;
  if (t === 'FT_NONE') return 'struct';
  return null;
}

const INT_WIDTH: Record<string, number> = { u8: 1, u16: 2, u32: 4, s32: 4, u64: 8 };
/** Our policy's reading of an attribute, in the same classes. */
function ourClass(a: NlAttr): string {
  const k = a.kind ?? 'binary';
  if (k === 'string') return 'string';
  if (k === 'ipaddr') return 'ipaddr';
  if (k === 'mac') return 'mac';
  if (k in INT_WIDTH) return `int${INT_WIDTH[k]}`;
  if (k === 'struct' || k === 'u32-array' || k === 'u64-array') return 'struct';
  if (a.children) return 'nested';
  return k;
}

export interface TsharkTally {
  messages: number;
  attributes: number;
  typed: number;
  enums: number;
  names: number;
}

function compareAttrs(
  theirs: TAttr[],
  ours: NlAttr[],
  path: string,
  diffs: FieldDiff[],
  tally: TsharkTally,
): void {
  const byOffset = new Map(ours.map((a) => [a.offset, a]));
  theirs.forEach((t, i) => {
    const p = `${path}[${i}]`;
    const a = byOffset.get(t.offset);
    tally.attributes++;
    if (!a) {
      diffs.push({ field: `${p}.offset`, expected: t.offset, got: ours.map((x) => x.offset) });
      return;
    }
    const raw = Number(a.fields[1]?.value ?? a.type);
    const got = {
      len: a.len,
      type: a.type,
      nested_flag: (raw & 0x8000) !== 0,
      net_byteorder_flag: (raw & 0x4000) !== 0,
    };
    const want = {
      len: t.len,
      type: t.type,
      nested_flag: t.nested_flag,
      net_byteorder_flag: t.net_byteorder_flag,
    };
    for (const k of Object.keys(want) as (keyof typeof want)[])
      if (want[k] !== got[k]) diffs.push({ field: `${p}(${a.name}).${k}`, expected: want[k], got: got[k] });
    if (t.enum_field && TSHARK_ENUMS[t.enum_field]) {
      tally.enums++;
      if (a.enum !== TSHARK_ENUMS[t.enum_field])
        diffs.push({
          field: `${p}(${a.name}).enum`,
          expected: TSHARK_ENUMS[t.enum_field],
          got: a.enum ?? null,
        });
    }
    if (t.name && /^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/.test(t.name)) {
      tally.names++;
      if (a.name !== t.name) diffs.push({ field: `${p}.name`, expected: t.name, got: a.name });
    }
    if (t.children) {
      if (!a.children)
        diffs.push({ field: `${p}(${a.name}).children`, expected: t.children.length, got: 'not nested' });
      else compareAttrs(t.children, a.children, `${p}(${a.name}).children`, diffs, tally);
      return;
    }
    const tc = tsharkClass(t);
    if (tc) {
      tally.typed++;
      const oc = ourClass(a);
      if (tc !== oc)
        diffs.push({
          field: `${p}(${a.name}).kind`,
          expected: `${tc} (tshark ${t.value_field} ${t.value_ftype})`,
          got: `${oc} (${a.kind ?? 'unknown'})`,
        });
    }
  });
}

export function compareCapture(c: Capture): { diffs: FieldDiff[]; tally: TsharkTally } {
  const tally: TsharkTally = { messages: 0, attributes: 0, typed: 0, enums: 0, names: 0 };
  const diffs: FieldDiff[] = [];
  const parsed = parseHex(c.hex);
  if (!parsed.ok) return { diffs: [{ field: 'hex', expected: 'hex', got: parsed.why }], tally };
  const family: NlFamily = c.family === 'generic' ? 'generic' : c.family === 'route' ? 'route' : 'raw';
  const res = decodeNetlink(parsed.bytes, { family });
  const errors = [...res.diagnostics, ...res.messages.flatMap((m) => m.diagnostics)].filter(
    (d) => d.severity === 'error',
  );
  for (const d of errors)
    diffs.push({ field: 'diagnostics', expected: 'no error', got: `${d.code} @${d.offset}+${d.length}` });
  const theirs = c.tshark.messages;
  if (theirs.length !== res.messages.length)
    diffs.push({ field: 'messages.length', expected: theirs.length, got: res.messages.length });
  theirs.forEach((t, i) => {
    tally.messages++;
    const m: NlMessage | undefined = res.messages[i];
    const p = `messages[${i}]`;
    if (!m) return;
    const want = { offset: t.offset, len: t.len, type: t.type };
    const got = { offset: m.offset, len: m.len, type: m.type };
    for (const k of ['offset', 'len', 'type'] as const)
      if (want[k] !== got[k]) diffs.push({ field: `${p}.${k}`, expected: want[k], got: got[k] });
    if (t.error !== undefined && (m.error ? -m.error.errno : null) !== t.error)
      diffs.push({ field: `${p}.error`, expected: t.error, got: m.error ? -m.error.errno : null });
    if (t.echoed) {
      const e = m.error?.echoed;
      const g = e ? { offset: e.offset, len: e.len, type: e.type } : null;
      if (!g || g.offset !== t.echoed.offset || g.len !== t.echoed.len || g.type !== t.echoed.type)
        diffs.push({ field: `${p}.echoed`, expected: t.echoed, got: g });
    }
    compareAttrs(t.attributes, m.attributes, `${p}.attributes`, diffs, tally);
  });
  return { diffs, tally };
}

const isCapture = (c: unknown): c is Capture =>
  isObj(c) &&
  typeof c.name === 'string' &&
  typeof c.hex === 'string' &&
  typeof c.family === 'string' &&
  isObj(c.tshark) &&
  Array.isArray(c.tshark.messages);

export const netlinkTsharkFormat: OracleFormat = {
  name: 'netlink-tshark',
  detect(doc) {
    return isObj(doc) && doc.format === 'netlink-tshark' && Array.isArray(doc.captures);
  },
  run(doc) {
    if (!isObj(doc) || !Array.isArray(doc.captures)) return [];
    return doc.captures.map((raw: unknown, i): CaseOutcome => {
      if (!isCapture(raw))
        return {
          name: isObj(raw) && typeof raw.name === 'string' ? raw.name : `capture #${i}`,
          pass: false,
          diffs: [{ field: '(capture)', expected: 'a tshark capture', got: raw }],
        };
      const { diffs, tally } = compareCapture(raw);
      return {
        name: `${raw.name} (${raw.family}): ${tally.messages} message(s), ${tally.attributes} attribute(s), ${tally.typed} value type(s), ${tally.enums} enum(s), ${tally.names} name(s) compared`,
        pass: diffs.length === 0,
        diffs,
      };
    });
  },
};
