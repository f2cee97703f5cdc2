/**
 * Specs and rows: any JavaScript value checked with a message naming what is wrong; NlMessage ↔
 * spec and ↔ rows both ways, exact (the bytes come back), typed where the bytes allow it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messagesArb } from './arbitraries.ts';
import {
  NETLINK_SAMPLES,
  checkSpecs,
  decodeNetlink,
  encodeNetlink,
  messageToRow,
  messageToSpec,
  parseHex,
  parseNumberText,
  rowToSpec,
  rowsFromBytes,
  rowsToBytes,
  specToMessage,
  toHex,
  type Endian,
  type NlMessageRow,
} from './index.ts';

const bytesOf = (hex: string) => {
  const p = parseHex(hex);
  if (!p.ok) throw new Error(p.why);
  return p.bytes;
};

describe('checkSpecs / encodeNetlink on any JSON value', () => {
  it('[{"type":1}] is a NOOP with flags, seq and pid 0 (was: exit 70, "f is not iterable")', () => {
    const r = encodeNetlink(JSON.parse('[{"type":1}]') as never, { family: 'route' });
    expect(r.ok && toHex(r.bytes)).toBe('10000000010000000000000000000000');
  });

  it.each([
    ['{"type":1}', /list \(a JSON array\) of messages, not an object/],
    ['[1]', /message 0: a message is an object .* not 1/],
    ['[{}]', /message 0: "type" is missing/],
    ['[{"type":true}]', /type is a number or a message type name, not true/],
    [
      '[{"type":16,"flags":"REQUEST"}]',
      /flags is a number or a list of NLM_F_\* names, not the text "REQUEST"/,
    ],
    ['[{"type":16,"seq":"1"}]', /seq is a whole number/],
    ['[{"type":16,"atributes":[]}]', /unknown key "atributes"/],
    ['[{"type":16,"attributes":{}}]', /attributes is a list of attributes/],
    ['[{"type":16,"attributes":[{"value":{"kind":"u8","v":1}}]}]', /attribute 0: "type" is missing/],
    ['[{"type":16,"attributes":[{"type":3,"value":{"kind":"u9","v":1}}]}]', /kind is one of u8 u16/],
    ['[{"type":16,"attributes":[{"type":3,"value":{"kind":"u8"}}]}]', /"v" is missing/],
    [
      '[{"type":16,"attributes":[{"type":3,"value":{"kind":"u8","v":[1]}}]}]',
      /v is a number or text, not an array/,
    ],
    [
      '[{"type":16,"attributes":[{"type":3,"value":{"kind":"u8","v":1},"nested":[]}]}]',
      /both "value" and "nested"/,
    ],
    ['[{"type":16,"attributes":[{"type":3,"nlaFlags":{"nested":1}}]}]', /nested is true or false, not 1/],
    ['[{"type":16,"familyHeader":{"ifi_index":"3"}}]', /ifi_index is a number, not the text "3"/],
  ])('%s: EINVAL with the key that is wrong', (json, why) => {
    const r = encodeNetlink(JSON.parse(json) as never, { family: 'route' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errno).toBe('EINVAL');
    expect(r.why).toMatch(why);
    expect(r.id).toMatch(/^spec\./);
  });

  it('bounds nesting depth, and refuses bad options whatever they are', () => {
    let a: object = { type: 1, value: { kind: 'u8', v: 1 } };
    for (let i = 0; i < 40; i++) a = { type: 1, nested: [a] };
    expect(checkSpecs([{ type: 16, attributes: [a] }])).toMatchObject({
      ok: false,
      errno: 'EMSGSIZE',
      id: 'spec.too-deep',
    });
    for (const o of [undefined, null, 3, { family: 'x' }, { family: 'route', endian: 'xx' }])
      expect(encodeNetlink([], o as never)).toMatchObject({
        ok: false,
        errno: 'EINVAL',
        id: 'encode.bad-options',
      });
  });
});

describe('NlMessage <-> spec', () => {
  it('encode(messageToSpec(decode(b))) = b and specToMessage(spec) decodes the spec back', () => {
    fc.assert(
      fc.property(messagesArb, fc.constantFrom<Endian>('le', 'be'), ([family, specs], endian) => {
        const e = encodeNetlink(specs, { family, endian });
        if (!e.ok) throw new Error(e.why);
        // raw: the payload read as attributes (opaque bytes have no spec form).
        const d = decodeNetlink(e.bytes, { family, endian, rawAttrs: true });
        const again = encodeNetlink(
          d.messages.map((m) => messageToSpec(m, e.bytes)),
          { family, endian },
        );
        expect(again.ok && toHex(again.bytes)).toBe(toHex(e.bytes));
        const one = specToMessage(specs[0]!, { family, endian });
        expect(one.ok && [one.message.type, one.message.seq, one.message.attributes.length]).toEqual([
          specs[0]!.type,
          specs[0]!.seq,
          specs[0]!.attributes.length,
        ]);
      }),
      { numRuns: 300 },
    );
  });

  it('a value that is not a decoded message gives a spec the encoder refuses', () => {
    const s = messageToSpec(42 as never, new Uint8Array(0));
    expect(encodeNetlink([s], { family: 'route' })).toMatchObject({ ok: false, errno: 'EINVAL' });
  });
});

describe('rows: what a person types', () => {
  it('numbers as typed: decimal, 0x, 0b, _ separators, negatives wrap like a C cast', () => {
    expect(parseNumberText('1500', 4)).toEqual({ ok: true, value: 1500n });
    expect(parseNumberText(' 0x5dc ', 2)).toEqual({ ok: true, value: 1500n });
    expect(parseNumberText('0b101', 1)).toEqual({ ok: true, value: 5n });
    expect(parseNumberText('1_000_000', 4)).toEqual({ ok: true, value: 1000000n });
    expect(parseNumberText('-1', 4)).toEqual({ ok: true, value: 0xffffffffn });
    expect(parseNumberText('-1', 8)).toEqual({ ok: true, value: 0xffffffffffffffffn });
    expect(parseNumberText('256', 1)).toMatchObject({
      ok: false,
      id: 'row.too-big',
      why: '256 does not fit in 8 bits (max 255).',
    });
    expect(parseNumberText('-129', 1)).toMatchObject({ ok: false, id: 'row.too-negative' });
    expect(parseNumberText('', 4)).toMatchObject({ ok: false, id: 'row.empty', why: 'Enter a number.' });
    expect(parseNumberText('12ab', 4)).toMatchObject({ ok: false, id: 'row.not-a-number' });
    expect(parseNumberText(7 as never, 4)).toMatchObject({ ok: false });
  });

  it('a real RTM_NEWLINK reads as typed rows (names, u32, strings) that rebuild its exact bytes', () => {
    const s = NETLINK_SAMPLES.find((x) => x.id === 'getlink-dump')!;
    const b = bytesOf(s.hex);
    const r = decodeNetlink(b, { family: 'route' });
    const row = messageToRow(r.messages[0]!, b, 'route', 'le');
    expect(row).not.toBeNull();
    expect(row!.type).toBe('RTM_NEWLINK');
    expect(row!.attrs.find((a) => a.type === 'IFLA_IFNAME')).toMatchObject({ kind: 'strz', value: 'lo' });
    expect(row!.attrs.find((a) => a.type === 'IFLA_MTU')).toMatchObject({ kind: 'u32', value: '65536' });
    const af = row!.attrs.find((a) => a.type === 'IFLA_AF_SPEC');
    expect(af?.kind).toBe('nested');
    expect(af?.children.map((c) => c.type)).toEqual(['AF_INET', 'AF_INET6']);
    const out = rowsToBytes([row!], 'route', 'le');
    expect(out.ok && toHex(out.bytes)).toBe(toHex(b.subarray(0, r.messages[0]!.len)));
  });

  it('rowsToBytes(rowsFromBytes(b)) = b for any bytes; what rows cannot rebuild stays raw', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }),
          messagesArb.map(([family, specs]) => {
            const e = encodeNetlink(specs, { family });
            return e.ok ? e.bytes : new Uint8Array(0);
          }),
        ),
        fc.constantFrom('route', 'generic', 'raw' as const),
        (b, family) => {
          const rows = rowsFromBytes(b, decodeNetlink(b, { family }), family, 'le');
          const out = rowsToBytes(rows, family, 'le');
          expect(out.ok && toHex(out.bytes)).toBe(toHex(b));
        },
      ),
      { numRuns: 500 },
    );
    // Issue 19 defect 3: nlmsg_len 2^31 must not duplicate the bytes after it.
    const b = bytesOf('1000000001000000000000000000008001000000000000000000000000000000');
    const rows = rowsFromBytes(b, decodeNetlink(b, { family: 'route' }), 'route', 'le');
    const out = rowsToBytes(rows, 'route', 'le');
    expect(out.ok && toHex(out.bytes)).toBe(toHex(b));
    expect(rows.map((r) => ('raw' in r ? r.whyId : r.type))).toEqual(['NLMSG_NOOP', 'row.raw.len']);
  });

  it('a row kept by `reuse` reads no field of its message (only an NLMSG_ERROR is asked for its error)', () => {
    const dump = NETLINK_SAMPLES.find((x) => x.id === 'getlink-dump')!;
    const one = bytesOf(dump.hex);
    const b = new Uint8Array(one.length * 3);
    for (let i = 0; i < 3; i++) b.set(one, i * one.length);
    const r = decodeNetlink(b, { family: 'route' });
    const first = rowsFromBytes(b, r, 'route', 'le');
    expect(first.length).toBe(r.messages.length);
    // Every message behind a proxy that counts reads of what is built from the bytes on demand.
    const read: string[] = [];
    const LAZY = new Set(['header', 'familyHeader', 'attributes', 'error']);
    const watched = {
      ...r,
      messages: r.messages.map(
        (m, i) =>
          new Proxy(m, {
            get(t, k) {
              if (typeof k === 'string' && LAZY.has(k)) read.push(`${i}.${k}`);
              const v = Reflect.get(t, k, t) as unknown;
              return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
            },
          }),
      ),
    };
    // Keep every message but the second: only the second is read again.
    const rows = rowsFromBytes(b, watched, 'route', 'le', (from) => {
      const at = r.messages.findIndex((m) => m.offset === from);
      return at === 1 ? undefined : (first[at] as NlMessageRow);
    });
    expect(rows.length).toBe(first.length);
    expect(new Set(read.map((x) => x.split('.')[0]))).toEqual(new Set(['1']));
    const out = rowsToBytes(rows, 'route', 'le');
    expect(out.ok && toHex(out.bytes)).toBe(toHex(b));
    // An NLMSG_ERROR is still a raw row (its error is read).
    const ack = NETLINK_SAMPLES.find((x) => x.id === 'newaddr-ack');
    if (ack) {
      const ab = bytesOf(ack.hex);
      const ar = rowsFromBytes(
        ab,
        decodeNetlink(ab, { family: ack.family }),
        ack.family,
        'le',
        () => undefined,
      );
      expect(ar.some((x) => 'raw' in x && x.whyId === 'row.raw.error')).toBe(true);
    }
  });

  it('issues name the row and field by the caller’s ids, every one of them', () => {
    const row: NlMessageRow = {
      id: 7,
      type: 'RTM_NOPE',
      flags: 1,
      seq: 'x',
      pid: '0',
      familyHeader: [{ name: 'ifi_index', size: 4, value: '99999999999' }],
      attrs: [
        {
          id: 3,
          type: 'IFLA_MTU',
          kind: 'u32',
          value: '-1',
          children: [],
          nlaNested: false,
          netByteorder: false,
        },
        {
          id: 4,
          type: '20000',
          kind: 'bytes',
          value: 'zz',
          children: [],
          nlaNested: false,
          netByteorder: false,
        },
      ],
    };
    const r = rowToSpec(row, 'route');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.path, i.id])).toEqual([
      ['7.type', 'row.unknown-name'],
      ['7.seq', 'row.not-a-number'],
      ['7.fh.ifi_index', 'row.too-big'],
      // No message type, no enum to find IFLA_MTU in.
      ['7.a3.type', 'row.unknown-name'],
      ['7.a4.type', 'row.type-bits'],
      ['7.a4.value', 'row.bytes-not-hex'],
    ]);
    expect(
      rowToSpec({ ...row, type: 'RTM_GETLINK', seq: '1', familyHeader: [], attrs: [row.attrs[0]!] }, 'route'),
    ).toMatchObject({
      ok: true,
      spec: { type: 18, attributes: [{ type: 4, value: { kind: 'u32', v: 0xffffffff } }] },
    });
    expect(rowToSpec({ nope: 1 } as never, 'route')).toMatchObject({
      ok: false,
      issues: [{ id: 'row.malformed' }],
    });
  });
});
