/**
 * Random netlink inputs (fast-check arbitraries) and the checks that compare what was encoded
 * with what was decoded, shared by the property tests and the seeded fuzzer (fuzz.ts). Used by
 * tests and tools only; nothing in the app imports it.
 */
import fc from 'fast-check';
import { GENL_UNKNOWN, childSet, messageSchema, type AttrDef, type AttrSet } from './families.ts';
import { toHex } from '../hex/index.ts';
import type {
  NlAttr,
  NlAttrSpec,
  NlDecodeResult,
  NlDiagnostic,
  NlFamily,
  NlMessage,
  NlMessageSpec,
} from './types.ts';

const INT: Record<string, { kind: 'u8' | 'u16' | 'u32' | 'u64' | 's32'; max: number }> = {
  u8: { kind: 'u8', max: 0xff },
  u16: { kind: 'u16', max: 0xffff },
  u32: { kind: 'u32', max: 0xffffffff },
  s32: { kind: 's32', max: 0x7fffffff },
};
const ascii = fc
  .string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-_.'.split('')), maxLength: 20 })
  // IFLA_INFO_KIND values that select another layout for IFLA_INFO_DATA stay out of random specs.
  .map((s) => (s === 'veth' || s === 'vlan' ? `${s}x` : s));
const hexBytes = (min: number, max: number) =>
  fc.uint8Array({ minLength: min, maxLength: max }).map((b) => toHex(b));

/** A random attribute valid for `set` (known types with values of their kind, or unknown raw ones). */
export function attrArb(set: AttrSet | null, depth: number): fc.Arbitrary<NlAttrSpec> {
  const known: [number, AttrDef][] = set && !set.element ? [...set.attrs] : [];
  const leaf = (def: AttrDef | undefined, type: number): fc.Arbitrary<NlAttrSpec> => {
    const k = def?.kind;
    if (k && INT[k]) {
      const t = INT[k];
      return fc
        .integer({ min: k === 's32' ? -0x80000000 : 0, max: t.max })
        .map((v) => ({ type, value: { kind: t.kind, v } }));
    }
    if (k === 'u64')
      return fc
        .bigInt({ min: 0n, max: 2n ** 64n - 1n })
        .map((v) => ({ type, value: { kind: 'u64', v: `0x${v.toString(16)}` } }));
    if (k === 'string') return ascii.map((v) => ({ type, value: { kind: 'strz', v } }));
    if (k === 'flag') return fc.constant({ type });
    return hexBytes(0, 24).map((v) => ({ type, value: { kind: 'bytes', v } }));
  };
  const options: fc.Arbitrary<NlAttrSpec>[] = [];
  for (const [type, def] of known) {
    const nested = def.kind === 'nested' || def.kind === 'nested-array' || def.kind === 'nested-guess';
    if (!nested) options.push(leaf(def, type));
    else if (depth < 3 && !def.header) {
      const cs = childSet(def);
      const kids =
        def.kind === 'nested-array'
          ? fc
              .array(attrArb(cs?.element?.set ?? GENL_UNKNOWN, depth + 2), { maxLength: 3 })
              .map((els) => els.map((el, i) => ({ type: i + 1, nested: [el] })))
          : fc.array(attrArb(cs, depth + 1), {
              minLength: def.kind === 'nested-guess' ? 1 : 0,
              maxLength: 3,
            });
      options.push(kids.map((nested) => ({ type, nested })));
    }
  }
  // Unknown types (not in the enum) as raw bytes.
  const unknownType = fc
    .integer({ min: 1, max: 0x3fff })
    .filter((t) => !set || (!set.element && !set.attrs.has(t)));
  options.push(unknownType.chain((t) => leaf(undefined, t)));
  return fc.oneof(...options);
}

export const familyArb = fc.constantFrom<NlFamily>('route', 'generic', 'raw');

/** A random message of `family` that encodes (known types, header members in range). */
export function messageArb(family: NlFamily): fc.Arbitrary<NlMessageSpec> {
  const type =
    family === 'route'
      ? fc.integer({ min: 16, max: 31 })
      : family === 'generic'
        ? fc.oneof(fc.constant(0x10), fc.integer({ min: 0x11, max: 0xffff }))
        : fc.integer({ min: 0x10, max: 0xffff });
  return type.chain((t) => {
    const schema = messageSchema(t, family);
    const h = schema.header;
    const header = h
      ? fc
          .tuple(
            ...h.members.map((m) =>
              m.signed
                ? fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })
                : fc.integer({ min: 0, max: 2 ** (m.size * 8) - 1 }),
            ),
          )
          .map((vals) => Object.fromEntries(h.members.map((m, i) => [m.name, vals[i] as number])))
      : fc.constant(undefined);
    return fc
      .record({
        type: fc.constant(t),
        flags: fc.constantFrom(0x1, 0x5, 0x301, 0x605, 0x2, 0x0),
        seq: fc.nat({ max: 0xffffffff }),
        pid: fc.nat({ max: 0xffffffff }),
        familyHeader: header,
        attributes: fc.array(attrArb(family === 'raw' ? null : schema.attrs, 0), { maxLength: 6 }),
      })
      .map(({ familyHeader, ...rest }) => (familyHeader ? { ...rest, familyHeader } : rest));
  });
}

/** A family and one to three random messages of it. */
export const messagesArb = familyArb.chain((family) =>
  fc.tuple(fc.constant(family), fc.array(messageArb(family), { minLength: 1, maxLength: 3 })),
);

const te = new TextEncoder();
/** The payload bytes a spec attribute encodes to, in the given byte order (null for a nest). */
export function specPayload(a: NlAttrSpec, le: boolean): string | null {
  const v = a.value;
  if (a.nested) return null;
  if (!v || v.kind === 'flag') return '';
  if (v.kind === 'bytes') return String(v.v);
  if (v.kind === 'strz') return `${toHex(te.encode(String(v.v)))}00`;
  if (v.kind === 'str') return toHex(te.encode(String(v.v)));
  const size = { u8: 1, u16: 2, u32: 4, u64: 8, s32: 4 }[v.kind];
  const b = new Uint8Array(size);
  const dv = new DataView(b.buffer);
  if (size === 8) dv.setBigUint64(0, BigInt(v.v), le);
  else if (size === 4) dv.setUint32(0, Number(v.v) >>> 0, le);
  else if (size === 2) dv.setUint16(0, Number(v.v), le);
  else dv.setUint8(0, Number(v.v));
  return toHex(b);
}

function attrMismatches(
  spec: NlAttrSpec[],
  got: NlAttr[],
  bytes: Uint8Array,
  le: boolean,
  path: string,
  out: string[],
): void {
  const want = spec.map((s) => Number(s.type)).join(',');
  const have = got.map((a) => a.type).join(',');
  if (want !== have) {
    out.push(`${path} types: want [${want}] got [${have}]`);
    return;
  }
  spec.forEach((s, i) => {
    const a = got[i] as NlAttr;
    if (s.nested) {
      if (!a.children) out.push(`${path}[${i}]: not nested`);
      else attrMismatches(s.nested, a.children, bytes, le, `${path}[${i}]`, out);
    } else if (a.children) out.push(`${path}[${i}]: nested, want a leaf`);
    else {
      const p = toHex(bytes, a.offset + 4, a.offset + a.len);
      if (p !== specPayload(s, le)) out.push(`${path}[${i}] payload ${p} != ${String(specPayload(s, le))}`);
    }
  });
}

/** How a decoded message differs from the spec it was encoded from ([] when it does not). */
export function messageMismatches(
  spec: NlMessageSpec,
  m: NlMessage | undefined,
  bytes: Uint8Array,
  le: boolean,
): string[] {
  if (!m) return ['message missing'];
  const out: string[] = [];
  for (const k of ['type', 'flags', 'seq', 'pid'] as const)
    if (m[k] !== spec[k]) out.push(`${k}: want ${String(spec[k])} got ${m[k]}`);
  for (const [k, v] of Object.entries(spec.familyHeader ?? {})) {
    const got = m.familyHeader?.fields.find((f) => f.name === k)?.value;
    if (got !== v) out.push(`${k}: want ${v} got ${String(got)}`);
  }
  attrMismatches(spec.attributes, m.attributes, bytes, le, 'attributes', out);
  return out;
}

/** Every diagnostic of a result: the buffer's, each message's, each echoed request's. */
export function allDiagnostics(r: NlDecodeResult): NlDiagnostic[] {
  const out = [...r.diagnostics];
  const visit = (m: NlMessage) => {
    out.push(...m.diagnostics);
    if (m.error?.echoed) visit(m.error.echoed);
  };
  r.messages.forEach(visit);
  return out;
}

/** Codes that mean the bytes are not a well-formed buffer (an encoder never produces them). */
export const STRUCTURAL = new Set([
  'nlmsg-len-short',
  'nlmsg-len-beyond',
  'attr-len-short',
  'attr-overrun',
  'attr-trailing',
  'nonzero-padding',
  'msg-trunc',
  'internal',
  'trailing-bytes',
]);
