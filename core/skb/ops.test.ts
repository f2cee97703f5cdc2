import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SKB_OP_NAMES, SKB_PRESETS, formatSkbOps, parseSkbOps, runSkbOps, type SkbOp } from './ops.ts';
import { llReservedSpace, skbAllocation } from './alloc.ts';

describe('sk_buff sizing (hand-computed for x86-64)', () => {
  it('LL_RESERVED_SPACE is 16 for Ethernet and loopback (hard_header_len 14)', () => {
    expect(llReservedSpace(14)).toBe(16);
    expect(llReservedSpace(14, 16)).toBe(32);
  });
  it('small heads come from the 576-byte cache (truesize 832); larger from kmalloc buckets', () => {
    expect(skbAllocation(99)).toMatchObject({ objectSize: 576, end: 256, truesize: 832 });
    expect(skbAllocation(1531)).toMatchObject({ objectSize: 2048, end: 1728, truesize: 2304 });
    expect(skbAllocation(9031)).toMatchObject({ objectSize: 16384, cache: 'pages' });
  });
});

describe('runSkbOps', () => {
  it('UDP send preset: headers pushed into the reserved headroom', () => {
    const r = runSkbOps(SKB_PRESETS.udpSend!.ops);
    expect(r.outcomes.every((o) => o.ok)).toBe(true);
    expect(r.final).toMatchObject({ headroom: 2, headlen: 142 });
    expect(r.final.skb).toMatchObject({ data: 2, tail: 144, len: 142 });
    expect(r.final.skb.regions.map((x) => x.kind)).toEqual(['eth', 'ip', 'udp', 'payload']);
  });
  it('receive preset: pulls move data forward and leave only the payload', () => {
    const r = runSkbOps(SKB_PRESETS.receive!.ops);
    expect(r.final.skb).toMatchObject({ data: 44, len: 100 });
  });
  it('an underflow is refused with skb_under_panic and leaves the buffer unchanged', () => {
    const r = runSkbOps(SKB_PRESETS.underflow!.ops);
    const last = r.outcomes.at(-1);
    expect(last?.ok).toBe(false);
    expect(last?.error?.kind).toBe('skb_under_panic');
    expect(last?.error?.message).toMatch(/^skb_under_panic: text:\S+ len:64 put:8 /);
    expect(r.trace.at(-1)?.snapshot.skb).toEqual(r.trace.at(-2)?.snapshot.skb);
  });
  it('put past end is skb_over_panic; pull past len returns NULL', () => {
    const over = runSkbOps([
      { op: 'alloc', n: 100 },
      { op: 'put', n: 257 },
    ]);
    expect(over.outcomes[1]?.error?.kind).toBe('skb_over_panic');
    const pull = runSkbOps([
      { op: 'alloc', n: 100 },
      { op: 'put', n: 10 },
      { op: 'pull', n: 11 },
    ]);
    expect(pull.outcomes[2]?.error?.kind).toBe('null');
  });
  it('URL form round-trips', () => {
    const p = parseSkbOps('reserve:32,put:100,push:8:udp,push:20');
    expect(p.ok && formatSkbOps(p.ops)).toBe('reserve:32,put:100,push:8:udp,push:20');
    expect(parseSkbOps('shove:3').ok).toBe(false);
  });
});

const opArb: fc.Arbitrary<SkbOp> = fc.record({
  op: fc.constantFrom(...SKB_OP_NAMES.filter((o) => o !== 'alloc')),
  n: fc.integer({ min: 0, max: 600 }),
});

describe('sk_buff invariants (any sequence of ops)', () => {
  it('head ≤ data ≤ tail ≤ end and len = headlen + data_len after every op, refused or not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), fc.array(opArb, { maxLength: 30 }), (size, ops) => {
        const r = runSkbOps([{ op: 'alloc', n: size }, ...ops]);
        for (const s of r.trace) {
          const k = s.snapshot.skb;
          expect(k.head).toBeLessThanOrEqual(k.data);
          expect(k.data).toBeLessThanOrEqual(k.tail);
          expect(k.tail).toBeLessThanOrEqual(k.end);
          expect(k.len).toBe(s.snapshot.headlen + k.data_len);
          expect(s.snapshot.headroom + k.len + s.snapshot.tailroom).toBe(k.end);
        }
      }),
    );
  });
  it('push n then pull n is the identity', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), (reserve, n) => {
        fc.pre(n <= reserve); // a push past head is refused (skb_under_panic), so there is nothing to undo
        const base: SkbOp[] = [
          { op: 'alloc', n: 512 },
          { op: 'reserve', n: reserve },
          { op: 'put', n: 50 },
        ];
        const a = runSkbOps(base).final.skb;
        const b = runSkbOps([...base, { op: 'push', n }, { op: 'pull', n }]).final.skb;
        expect([b.data, b.tail, b.len]).toEqual([a.data, a.tail, a.len]);
      }),
    );
  });
});
