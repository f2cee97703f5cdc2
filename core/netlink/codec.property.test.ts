/**
 * Property tests of the codec: decode(encode(m)) = m for random messages of every family in both
 * byte orders (nested attributes included), and the decoder's robustness on random and mutated
 * bytes (it never throws, every diagnostic and every field lies inside the buffer).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENL_UNKNOWN, childSet, messageSchema, type AttrDef, type AttrSet } from './families.ts';
import {
  decodeNetlink,
  encodeNetlink,
  type Endian,
  type NlAttr,
  type NlAttrSpec,
  type NlDecodeResult,
  type NlFamily,
  type NlMessage,
  type NlMessageSpec,
} from './index.ts';

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
  fc
    .uint8Array({ minLength: min, maxLength: max })
    .map((b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(''));

/** A random attribute valid for `set` (known types with values of their kind, or unknown raw ones). */
function attrArb(set: AttrSet | null, depth: number): fc.Arbitrary<NlAttrSpec> {
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
              .chain((els) =>
                fc
                  .constant(els.map((_, i) => ({ type: i + 1, nested: [] as NlAttrSpec[] })))
                  .map((shells) => shells.map((s, i) => ({ ...s, nested: [els[i] as NlAttrSpec] }))),
              )
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

const familyArb = fc.constantFrom<NlFamily>('route', 'generic', 'raw');
const messageArb = (family: NlFamily): fc.Arbitrary<NlMessageSpec> => {
  const type =
    family === 'route'
      ? fc.integer({ min: 16, max: 31 })
      : family === 'generic'
        ? fc.oneof(fc.constant(0x10), fc.integer({ min: 0x11, max: 0xffff }))
        : fc.integer({ min: 0x10, max: 0xffff });
  return type.chain((t) => {
    const schema = messageSchema(t, family);
    const header = schema.header
      ? fc
          .tuple(
            ...schema.header.members.map((m) =>
              m.signed
                ? fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })
                : fc.integer({ min: 0, max: 2 ** (m.size * 8) - 1 }),
            ),
          )
          .map((vals) =>
            Object.fromEntries(schema.header!.members.map((m, i) => [m.name, vals[i] as number])),
          )
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
      .map((m) => {
        const { familyHeader, ...rest } = m;
        return familyHeader ? { ...rest, familyHeader } : rest;
      });
  });
};

const te = new TextEncoder();
const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
/** The payload bytes a spec attribute encodes to, in the given byte order. */
function specPayload(a: NlAttrSpec, le: boolean): string | null {
  const v = a.value;
  if (a.nested) return null;
  if (!v || v.kind === 'flag') return '';
  if (v.kind === 'bytes') return String(v.v);
  if (v.kind === 'strz') return `${hex(te.encode(String(v.v)))}00`;
  if (v.kind === 'str') return hex(te.encode(String(v.v)));
  const size = { u8: 1, u16: 2, u32: 4, u64: 8, s32: 4 }[v.kind];
  const b = new Uint8Array(size);
  const dv = new DataView(b.buffer);
  if (size === 8) dv.setBigUint64(0, BigInt(v.v), le);
  else if (size === 4) dv.setUint32(0, Number(v.v) >>> 0, le);
  else if (size === 2) dv.setUint16(0, Number(v.v), le);
  else dv.setUint8(0, Number(v.v));
  return hex(b);
}

function expectAttrs(spec: NlAttrSpec[], got: NlAttr[], bytes: Uint8Array, le: boolean, path: string): void {
  expect(
    got.map((a) => a.type),
    `${path} types`,
  ).toEqual(spec.map((s) => Number(s.type)));
  spec.forEach((s, i) => {
    const a = got[i] as NlAttr;
    if (s.nested) {
      expect(a.children, `${path}[${i}] nested`).toBeDefined();
      expectAttrs(s.nested, a.children ?? [], bytes, le, `${path}[${i}]`);
    } else {
      expect(a.children, `${path}[${i}] leaf`).toBeUndefined();
      expect(hex(bytes.subarray(a.offset + 4, a.offset + a.len)), `${path}[${i}] payload`).toBe(
        specPayload(s, le),
      );
    }
  });
}

function expectMessage(spec: NlMessageSpec, m: NlMessage, bytes: Uint8Array, le: boolean): void {
  expect({ type: m.type, flags: m.flags, seq: m.seq, pid: m.pid }).toEqual({
    type: spec.type,
    flags: spec.flags,
    seq: spec.seq,
    pid: spec.pid,
  });
  for (const [k, v] of Object.entries(spec.familyHeader ?? {}))
    expect(m.familyHeader?.fields.find((f) => f.name === k)?.value, k).toBe(v);
  expectAttrs(spec.attributes, m.attributes, bytes, le, 'attributes');
}

const STRUCTURAL = new Set([
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
const diagsOf = (r: NlDecodeResult) => {
  const out = [...r.diagnostics];
  const visit = (m: NlMessage) => {
    out.push(...m.diagnostics);
    if (m.error?.echoed) visit(m.error.echoed);
  };
  r.messages.forEach(visit);
  return out;
};

describe('codec properties', () => {
  it('decode(encode(m)) = m: random messages, families, nested attributes, both byte orders', () => {
    fc.assert(
      fc.property(
        familyArb.chain((family) =>
          fc.tuple(fc.constant(family), fc.array(messageArb(family), { minLength: 1, maxLength: 3 })),
        ),
        fc.constantFrom<Endian>('le', 'be'),
        ([family, msgs], endian) => {
          const enc = encodeNetlink(msgs, { family, endian });
          expect(enc.ok).toBe(true);
          if (!enc.ok) return;
          const dec = decodeNetlink(enc.bytes, { family, endian, rawAttrs: true });
          expect(dec.messages).toHaveLength(msgs.length);
          msgs.forEach((s, i) => expectMessage(s, dec.messages[i] as NlMessage, enc.bytes, endian === 'le'));
          expect(diagsOf(dec).filter((d) => STRUCTURAL.has(d.code))).toEqual([]);
          expect(dec.walk.at(-1)).toMatchObject({ offset: enc.bytes.length, remaining: 0 });
        },
      ),
      { numRuns: 300 },
    );
  });

  const robust = (bytes: Uint8Array, family: NlFamily, endian: Endian, truncated: boolean) => {
    const r = decodeNetlink(bytes, { family, endian, truncated });
    const n = bytes.length;
    for (const d of diagsOf(r)) {
      expect(d.code).not.toBe('internal');
      expect(d.offset, d.code).toBeGreaterThanOrEqual(0);
      expect(d.length, d.code).toBeGreaterThanOrEqual(0);
      expect(d.offset + d.length, `${d.code} @${d.offset}+${d.length} in ${n}`).toBeLessThanOrEqual(n);
    }
    const fields = (attrs: NlAttr[]): void => {
      for (const a of attrs) {
        for (const f of a.fields) expect(f.offset + f.size, `${a.name}.${f.name}`).toBeLessThanOrEqual(n);
        fields(a.children ?? []);
      }
    };
    for (const m of r.messages) {
      for (const f of m.header) expect(f.offset + f.size).toBeLessThanOrEqual(n);
      fields(m.attributes);
    }
    // NLMSG_NEXT may step past an unpadded last message (len goes negative); NLMSG_OK then fails.
    for (const w of r.walk)
      if (w.offset > n) expect([w.offset - n < 4, w.remaining < 0, w.nlmsgOk]).toEqual([true, true, false]);
  };

  it('never throws on random bytes; every diagnostic names bytes inside the buffer', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        familyArb,
        fc.constantFrom<Endian>('le', 'be'),
        fc.boolean(),
        (bytes, family, endian, truncated) => robust(bytes, family, endian, truncated),
      ),
      { numRuns: 2000 },
    );
  });

  it('never throws on mutated and truncated real messages', () => {
    fc.assert(
      fc.property(
        familyArb.chain((family) =>
          fc.tuple(fc.constant(family), fc.array(messageArb(family), { minLength: 1, maxLength: 2 })),
        ),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
        fc.nat(),
        ([family, msgs], edits, cut) => {
          const enc = encodeNetlink(msgs, { family });
          if (!enc.ok) return;
          const b = enc.bytes.slice();
          for (const [at, v] of edits) if (b.length) b[at % b.length] = v;
          robust(b.subarray(0, b.length ? cut % (b.length + 1) : 0), family, 'le', cut % 2 === 0);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
