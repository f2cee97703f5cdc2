/**
 * What the Netlink lab reads on every edit costs only what it reads (issue 17). A message answers
 * `error` from its type: only an NLMSG_ERROR carries one, so reading `error` of any other message
 * decodes nothing (the lab's table reads every row's `error` to mark acks). A nested attribute's
 * display ("3 nested attributes") is words rendered when read, not while decoding. decodeAttrs and
 * renderText are counted through mocks that call the real functions.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type * as Attrs from './attrs.ts';
import type * as I18n from '../i18n/index.ts';

const calls = vi.hoisted(() => ({ decodeAttrs: 0, renderText: 0 }));
vi.mock('./attrs.ts', async (importOriginal) => {
  const real = await importOriginal<typeof Attrs>();
  return {
    ...real,
    decodeAttrs: (...a: Parameters<typeof real.decodeAttrs>) => (calls.decodeAttrs++, real.decodeAttrs(...a)),
  };
});

vi.mock('../i18n/index.ts', async (importOriginal) => {
  const real = await importOriginal<typeof I18n>();
  return {
    ...real,
    renderText: (...a: Parameters<typeof real.renderText>) => (calls.renderText++, real.renderText(...a)),
  };
});

const { decodeNetlink, parseHex, NETLINK_SAMPLES } = await import('./index.ts');
type Attr = ReturnType<typeof decodeNetlink>['messages'][number]['attributes'][number];

const bytesOf = (hex: string) => {
  const p = parseHex(hex);
  if (!p.ok) throw new Error(p.why);
  return p.bytes;
};

describe('a message’s error, read first', () => {
  it('decodes nothing for a message that is not NLMSG_ERROR', () => {
    const dump = NETLINK_SAMPLES.find((s) => s.id === 'getlink-dump')!;
    const r = decodeNetlink(bytesOf(dump.hex), { family: dump.family });
    expect(r.messages.length).toBeGreaterThan(1);
    calls.decodeAttrs = 0;
    for (const m of r.messages) expect(m.error).toBeUndefined();
    expect(calls.decodeAttrs).toBe(0);
    // Reading the attributes does decode them: the count above could have moved.
    void r.messages[0]!.attributes;
    expect(calls.decodeAttrs).toBeGreaterThan(0);
  });

  it('is the eager decoder’s, for any bytes and any message type, errors and acks included', () => {
    // An nlmsghdr with a random type (NLMSG_ERROR often), then random payload bytes.
    const buffer = fc
      .record({
        type: fc.oneof(fc.constant(2), fc.constant(3), fc.integer({ min: 0, max: 0xffff })),
        flags: fc.integer({ min: 0, max: 0xffff }),
        payload: fc.uint8Array({ maxLength: 80 }),
        cut: fc.integer({ min: 0, max: 8 }),
      })
      .map(({ type, flags, payload, cut }) => {
        const len = 16 + payload.length;
        const b = new Uint8Array(len);
        const dv = new DataView(b.buffer);
        dv.setUint32(0, len, true);
        dv.setUint16(4, type, true);
        dv.setUint16(6, flags, true);
        b.set(payload, 16);
        return b.subarray(0, Math.max(0, len - cut));
      });
    fc.assert(
      fc.property(
        buffer,
        fc.constantFrom('route', 'generic', 'raw') as fc.Arbitrary<'route'>,
        (b, family) => {
          const lazy = decodeNetlink(b, { family }).messages;
          const eager = decodeNetlink(b, { family, eager: true }).messages;
          expect(lazy.map((m) => m.error)).toEqual(eager.map((m) => m.error));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('of the kernel’s acks and errors in the samples, is there and equal to the eager one', () => {
    let errors = 0;
    for (const s of NETLINK_SAMPLES) {
      const b = bytesOf(s.hex);
      const lazy = decodeNetlink(b, { family: s.family }).messages;
      const eager = decodeNetlink(b, { family: s.family, eager: true }).messages;
      lazy.forEach((m, i) => {
        expect(m.error).toEqual(eager[i]!.error);
        if (m.error) errors++;
      });
    }
    expect(errors).toBeGreaterThan(0);
  });
});

/** Every attribute with children, depth first, of every message. */
function nestsOf(messages: readonly { attributes: Attr[] }[]): Attr[] {
  const out: Attr[] = [];
  const visit = (a: Attr): void => {
    if (a.children?.length) out.push(a);
    a.children?.forEach(visit);
  };
  for (const m of messages) m.attributes.forEach(visit);
  return out;
}

describe('a nested attribute’s display', () => {
  it('is rendered when read, once, and equals the eager decoder’s', () => {
    const dump = NETLINK_SAMPLES.find((s) => s.id === 'getlink-dump')!;
    const b = bytesOf(dump.hex);
    calls.renderText = 0;
    const nests = nestsOf(decodeNetlink(b, { family: dump.family }).messages);
    expect(nests.length).toBeGreaterThan(0);
    // Decoding and walking every attribute rendered no words.
    expect(calls.renderText).toBe(0);
    const want = nestsOf(decodeNetlink(b, { family: dump.family, eager: true }).messages).map((a) => [
      a.display,
      a.displayMsg,
    ]);
    expect(want.every(([d]) => typeof d === 'string' && d.length > 0)).toBe(true);
    calls.renderText = 0;
    expect(nests.map((a) => [a.display, a.displayMsg])).toEqual(want);
    const once = calls.renderText;
    expect(once).toBe(nests.length);
    for (const a of nests) void a.display;
    expect(calls.renderText).toBe(once);
  });
});
