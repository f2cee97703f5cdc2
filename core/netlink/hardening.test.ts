/**
 * Issue 19's netlink defects, each reproduced, and the decoder's bounds: unsigned 32-bit length
 * arithmetic, NLMSG_ERROR echoes that claim any length, message/attribute/depth limits with a
 * diagnostic when reached, bad options, and the lazily built result equal to the eager one.
 */
import { describe, expect, it } from 'vitest';
import { allDiagnostics } from './arbitraries.ts';
import {
  NETLINK_SAMPLES,
  alignU32,
  decodeNetlink,
  diagnosticText,
  encodeNetlink,
  nlaAlign,
  nlmsgAlign,
  nlmsgOk,
  parseHex,
  rtaAlign,
  type NlDecodeResult,
} from './index.ts';

const bytesOf = (hex: string) => {
  const p = parseHex(hex);
  if (!p.ok) throw new Error(p.why);
  return p.bytes;
};
const inBuffer = (r: NlDecodeResult, n: number) =>
  allDiagnostics(r).filter((d) => !(d.offset >= 0 && d.length >= 0 && d.offset + d.length <= n));

describe('issue 19: an echoed nlmsg_len of 2^31 or more', () => {
  it('with NLM_F_ACK_TLVS the message still decodes (defect 1: was a RangeError and 0 messages)', () => {
    const b = bytesOf('2400000002000002000000000000000000000000000000ee000000000000000000000000');
    const r = decodeNetlink(b, { family: 'route' });
    expect(r.messages).toHaveLength(1);
    const m = r.messages[0]!;
    expect(m.error).toMatchObject({ errno: 0, name: 'ACK', extack: [] });
    expect(m.error?.echoed?.len).toBe(0xee000000);
    expect(allDiagnostics(r).map((d) => d.code)).not.toContain('internal');
    expect(m.diagnostics.filter((d) => d.code === 'echo-overrun')).toEqual([
      expect.objectContaining({ offset: 20, length: 4 }),
    ]);
    expect(inBuffer(r, b.length)).toEqual([]);
  });

  it('without it no diagnostic lands outside the 36 bytes (defect 2: was offset -2,147,483,628)', () => {
    const b = bytesOf('240000000200000000000000000000000000000000000080000000000000000000000000');
    const r = decodeNetlink(b, { family: 'route', eager: true });
    expect(inBuffer(r, b.length)).toEqual([]);
    expect(allDiagnostics(r).map((d) => d.code)).not.toContain('unexpected-trailing');
    expect(r.messages[0]?.error?.echoed?.len).toBe(0x80000000);
  });

  it('the ALIGN macros are unsigned 32-bit, as C computes them, and never negative', () => {
    expect(nlmsgAlign(0x80000000)).toBe(0x80000000);
    expect(nlmsgAlign(0x80000001)).toBe(0x80000004);
    expect(nlmsgAlign(0xfffffffc)).toBe(0xfffffffc);
    // (0xfffffffd + 3) wraps to 0 modulo 2^32, as the C expression does.
    expect(nlmsgAlign(0xfffffffd)).toBe(0);
    expect(nlaAlign(0xffffffff)).toBe(0);
    expect(rtaAlign(0x7fffffff)).toBe(0x80000000);
    expect(alignU32(13, 8)).toBe(16);
    for (const v of [undefined, 'x', null, {}, Symbol('s'), 1n])
      expect(nlmsgAlign(v as unknown as number)).toBeNaN();
    expect(nlmsgOk(Symbol('s') as unknown as number, 100)).toBe(false);
  });
});

describe('bounds, each reported where it stops the decoder', () => {
  const noops = (k: number) => {
    const e = encodeNetlink(
      Array.from({ length: k }, (_, i) => ({ type: 'NLMSG_NOOP', flags: 0, seq: i, pid: 0, attributes: [] })),
      { family: 'route' },
    );
    if (!e.ok) throw new Error(e.why);
    return e.bytes;
  };

  it('messages: the walk stops at the limit and says how many bytes were left', () => {
    const b = noops(5);
    const r = decodeNetlink(b, { family: 'route', limits: { messages: 2 } });
    expect(r.messages.map((m) => m.seq)).toEqual([0, 1]);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: 'limit-messages', severity: 'warning', offset: 32, length: 48 }),
    ]);
    expect(r.walk.map((w) => w.offset)).toEqual([0, 16, 32]);
    expect(decodeNetlink(b, { family: 'route' }).messages).toHaveLength(5);
  });

  it('attributes: counted over the whole buffer, nested ones included, reported once', () => {
    const attrs = Array.from({ length: 4 }, () => ({
      type: 'IFLA_MTU',
      value: { kind: 'u32' as const, v: 1500 },
    }));
    const e = encodeNetlink(
      [0, 1].map((seq) => ({ type: 'RTM_NEWLINK', flags: 0, seq, pid: 0, attributes: attrs })),
      { family: 'route' },
    );
    if (!e.ok) throw new Error(e.why);
    const r = decodeNetlink(e.bytes, { family: 'route', limits: { attributes: 6 } });
    expect(r.messages.map((m) => m.attributes.length)).toEqual([4, 2]);
    const limits = allDiagnostics(r).filter((d) => d.code === 'limit-attributes');
    expect(limits).toHaveLength(1);
    expect(limits[0]).toMatchObject({ offset: r.messages[1]!.offset + 48, length: 16 });
  });

  it('depth: a nest deeper than the limit is shown as bytes with an info diagnostic', () => {
    let inner: { type: number; nested?: unknown[]; value?: { kind: 'u8'; v: number } } = {
      type: 1,
      value: { kind: 'u8', v: 7 },
    };
    for (let i = 0; i < 6; i++) inner = { type: 1, nested: [inner] };
    const e = encodeNetlink([{ type: 0x10, flags: 0, seq: 0, pid: 0, attributes: [inner as never] }], {
      family: 'raw',
    });
    if (!e.ok) throw new Error(e.why);
    const r = decodeNetlink(e.bytes, { family: 'raw', rawAttrs: true, limits: { depth: 3 } });
    const d = allDiagnostics(r).filter((x) => x.code === 'limit-depth');
    expect(d).toHaveLength(1);
    let a = r.messages[0]!.attributes[0]!;
    for (let i = 0; i < 3; i++) a = a.children![0]!;
    expect(a.children).toBeUndefined();
    expect(a.display).toMatch(/^\d+ bytes: /);
    expect(d[0]).toMatchObject({ offset: a.offset, length: a.len, severity: 'info' });
  });

  it('bad arguments are a diagnostic, whatever they are', () => {
    const b = new Uint8Array(16);
    for (const [bytes, opts, id] of [
      ['abc', { family: 'route' }, 'bad-input'],
      [b, { family: 'nope' }, 'bad-input.option'],
      [b, null, 'bad-input.option'],
      [b, { family: 'route', endian: 'middle' }, 'bad-input.option'],
      [b, { family: 'route', limits: { messages: -1 } }, 'bad-input.option'],
      [b, { family: 'route', truncated: 'yes' }, 'bad-input.option'],
    ] as const) {
      const r = decodeNetlink(bytes as unknown as Uint8Array, opts as never);
      expect(r.messages).toEqual([]);
      expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'bad-input', id, severity: 'error' })]);
    }
    expect(decodeNetlink(b.buffer as unknown as Uint8Array, { family: 'route' }).messages).toHaveLength(1);
  });
});

describe('the result', () => {
  it('built when read equals built at once, for every kernel sample in both byte orders', () => {
    // The same fields whatever their key order (toJSON runs before the replacer), lazy ones read.
    const text = (r: NlDecodeResult) =>
      JSON.stringify(r, (_k, v: unknown) =>
        typeof v === 'bigint'
          ? `${v}n`
          : v && typeof v === 'object' && !Array.isArray(v)
            ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
            : v,
      );
    for (const s of NETLINK_SAMPLES)
      for (const endian of ['le', 'be'] as const) {
        const b = bytesOf(s.hex);
        const lazy = text(decodeNetlink(b, { family: s.family, endian }));
        const eager = text(decodeNetlink(b, { family: s.family, endian, eager: true }));
        expect(lazy === eager, `${s.id} ${endian}`).toBe(true);
      }
  });

  it('diagnostics are data: an id and values, and the message is the table text of them', () => {
    const b = bytesOf('2400000002000002000000000000000000000000000000ee000000000000000000000000');
    for (const s of [
      ...NETLINK_SAMPLES.map((x) => bytesOf(x.hex)),
      b,
      new Uint8Array(3),
      bytesOf('14000000030000000000000000000000'),
    ]) {
      for (const d of allDiagnostics(decodeNetlink(s, { family: 'route' }))) {
        expect(d.id, d.code).toBeDefined();
        expect(d.message).toBe(diagnosticText(d.id!, d.values));
        expect(d.fn).toBeDefined();
      }
    }
  });

  it('ifi_type 0 is ARPHRD_NETROM (include/uapi/linux/if_arp.h), not unknown', () => {
    const e = encodeNetlink(
      [{ type: 'RTM_NEWLINK', flags: 0, seq: 0, pid: 0, familyHeader: { ifi_type: 0 }, attributes: [] }],
      {
        family: 'route',
      },
    );
    if (!e.ok) throw new Error(e.why);
    const f = decodeNetlink(e.bytes, { family: 'route' }).messages[0]!.familyHeader!.fields;
    expect(f.find((x) => x.name === 'ifi_type')?.display).toBe('0 (ARPHRD_NETROM)');
    const e2 = encodeNetlink(
      [{ type: 16, flags: 0, seq: 0, pid: 0, familyHeader: { ifi_type: 824 }, attributes: [] }],
      {
        family: 'route',
      },
    );
    if (!e2.ok) throw new Error(e2.why);
    expect(decodeNetlink(e2.bytes, { family: 'route' }).messages[0]!.familyHeader!.fields[2]?.display).toBe(
      '824 (ARPHRD_NETLINK)',
    );
  });
});

describe('every exported function, given anything', () => {
  it('never throws: hostile Proxies, revoked Proxies, throwing getters, wrong types', async () => {
    const api = { ...(await import('./index.ts')), ...(await import('../hex/index.ts')) };
    const boom = () => {
      throw new Error('a trap that throws');
    };
    const traps = {
      get: boom,
      has: boom,
      ownKeys: boom,
      getPrototypeOf: boom,
      getOwnPropertyDescriptor: boom,
    };
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const getters: Record<string, unknown> = {};
    for (const k of [
      'family',
      'type',
      'flags',
      'len',
      'offset',
      'attributes',
      'messages',
      'iovLens',
      'length',
    ])
      Object.defineProperty(getters, k, { get: boom, enumerable: true });
    const values: unknown[] = [
      undefined,
      null,
      NaN,
      -1,
      2 ** 53,
      10n,
      'route',
      Symbol('s'),
      [],
      {},
      new Uint8Array(40).fill(0xff),
      new Proxy({}, traps),
      new Proxy([], traps),
      new Proxy(new Uint8Array(16), traps),
      revoked.proxy,
      getters,
      [getters],
    ];
    const thrown: string[] = [];
    let calls = 0;
    for (const [name, f] of Object.entries(api)) {
      if (typeof f !== 'function' || /^[A-Z]/.test(name)) continue;
      for (const a of values)
        for (const b of [undefined, 'route', a, values[10]]) {
          calls++;
          try {
            (f as (...x: unknown[]) => unknown)(a, b, a, b);
          } catch (e) {
            thrown.push(`${name}: ${String(e)}`);
          }
        }
    }
    expect(thrown).toEqual([]);
    expect(calls).toBeGreaterThan(2000);
  });
});
