/**
 * The decoder is lazy (issue 17): decoding walks and checks every byte but makes no hex or other
 * text; a field's value and display are rendered when read, once. toHex, hexPreview and hexSpaced
 * are counted through a mock of core/hex that calls the real functions.
 */
import { describe, expect, it, vi } from 'vitest';
import type * as Hex from '../hex/index.ts';
import type { NlAttr } from './types.ts';

const calls = vi.hoisted(() => ({ toHex: 0, hexPreview: 0, hexSpaced: 0 }));
vi.mock('../hex/index.ts', async (importOriginal) => {
  const real = await importOriginal<typeof Hex>();
  return {
    ...real,
    toHex: (...a: Parameters<typeof real.toHex>) => (calls.toHex++, real.toHex(...a)),
    hexPreview: (...a: Parameters<typeof real.hexPreview>) => (calls.hexPreview++, real.hexPreview(...a)),
    hexSpaced: (...a: Parameters<typeof real.hexSpaced>) => (calls.hexSpaced++, real.hexSpaced(...a)),
  };
});

const { decodeNetlink, parseHex } = await import('./index.ts');
const { allDiagnostics } = await import('./arbitraries.ts');
const { LazyField } = await import('./lazy.ts');
const dump = (
  await import('../conformance/fixtures/linux-6.18/netlink-link-dump.json', { with: { type: 'json' } })
).default;

const bytes = (() => {
  const parts = dump.conversations[0]!.replies.map((r) => {
    const p = parseHex(r.hex);
    if (!p.ok) throw new Error(p.why);
    return p.bytes;
  });
  const all = new Uint8Array(parts.reduce((n, b) => n + b.length, 0));
  parts.reduce((at, b) => (all.set(b, at), at + b.length), 0);
  return all;
})();
const made = () => calls.toHex + calls.hexPreview + calls.hexSpaced;
const reset = () => Object.assign(calls, { toHex: 0, hexPreview: 0, hexSpaced: 0 });

describe('the decoder renders text only when asked', () => {
  it('decoding the 204-link dump, its diagnostics and every message header make no hex string', () => {
    reset();
    const r = decodeNetlink(bytes, { family: 'route' });
    expect(r.messages).toHaveLength(dump.meta.links + 1);
    void allDiagnostics(r);
    for (const m of r.messages) void [m.type, m.len, m.flags, m.seq, m.pid, m.typeName];
    expect(made()).toBe(0);
  });

  it('building every attribute (names, offsets, children) makes none either', () => {
    const r = decodeNetlink(bytes, { family: 'route' });
    reset();
    let n = 0;
    const visit = (a: { name: string; offset: number; children?: unknown[] }): void => {
      n++;
      (a.children as (typeof a)[] | undefined)?.forEach(visit);
    };
    for (const m of r.messages) m.attributes.forEach(visit);
    expect(n).toBeGreaterThan(50 * dump.meta.links);
    expect(made()).toBe(0);
  });

  it('one payload read renders that payload once, as hex, and nothing else', () => {
    const r = decodeNetlink(bytes, { family: 'route' });
    // The first attribute anywhere in the dump whose payload is shown as bytes (hex).
    const bytesLeaf = (a: NlAttr): NlAttr | undefined =>
      a.fields.some((f) => f instanceof LazyField && f.lazy.render === 'bytes' && f.size > 0)
        ? a
        : a.children?.map(bytesLeaf).find(Boolean);
    const leaf = r.messages
      .flatMap((m) => m.attributes)
      .map(bytesLeaf)
      .find(Boolean);
    expect(leaf, 'an attribute shown as bytes').toBeDefined();
    const payload = leaf!.fields.find((f) => f instanceof LazyField)!;
    reset();
    const v1 = payload.value;
    expect(calls.toHex).toBe(1);
    const v2 = payload.value;
    expect(v2).toBe(v1);
    // The attribute's value is the same rendering, not a second one.
    expect(leaf!.value).toBe(v1);
    expect(calls.toHex).toBe(1);
    expect(calls.hexPreview).toBe(0);
    void payload.display;
    void payload.display;
    expect(calls.hexPreview).toBe(1);
    expect(typeof v1 === 'string' && v1.length).toBe(2 * (leaf!.len - 4));
  });
});
