import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  SKB_OP_NAMES,
  SKB_PRESETS,
  formatSkbOps,
  isSkbBug,
  parseSkbOps,
  runSkbOps,
  type SkbOp,
} from './ops.ts';
import { formatMsg } from '../i18n/index.ts';
import { llReservedSpace, skbAllocation } from './alloc.ts';
import { allocSkb, skbLabel, skbPush, skbPut, skbReserve, skbSnapshot, skbTrimLinear } from './skb.ts';
import type { Region } from './types.ts';

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
    // skb_push moves data and len first, then calls skb_under_panic: the line shows the moved
    // values (data 8 bytes below head, len 64 + 8); a fresh alloc_skb has no device.
    expect(last?.error?.log).toBe(
      'skbuff: skb_under_panic: text:ffffffff81000000 len:72 put:8 head:ffff888000000000 data:ffff887ffffffff8 tail:0x40 end:0x100 dev:<NULL>',
    );
    expect(r.trace.at(-1)?.snapshot.skb).toEqual(r.trace.at(-2)?.snapshot.skb);
  });
  it('a push on a fresh buffer: tail 0 prints as 0x0 (the kernel’s %#lx always writes 0x)', () => {
    const r = runSkbOps([
      { op: 'alloc', n: 100 },
      { op: 'push', n: 14 },
    ]);
    // data 14 below head, len 0 + 14, tail still at offset 0, end 256 (the 576-byte small-head object)
    expect(r.outcomes[1]?.error?.log).toBe(
      'skbuff: skb_under_panic: text:ffffffff81000000 len:14 put:14 head:ffff888000000000 data:ffff887ffffffff2 tail:0x0 end:0x100 dev:<NULL>',
    );
  });
  it('put past end is skb_over_panic; pull past len returns NULL', () => {
    const over = runSkbOps([
      { op: 'alloc', n: 100 },
      { op: 'put', n: 257 },
    ]);
    expect(over.outcomes[1]?.error?.kind).toBe('skb_over_panic');
    // skb_put moves tail and len first: tail 0 + 257 past end 256 (the 576-byte small-head object).
    expect(over.outcomes[1]?.error?.log).toBe(
      'skbuff: skb_over_panic: text:ffffffff81000000 len:257 put:257 head:ffff888000000000 data:ffff888000000000 tail:0x101 end:0x100 dev:<NULL>',
    );
    const reserve = runSkbOps([
      { op: 'alloc', n: 100 },
      { op: 'reserve', n: 300 },
    ]);
    // skb_reserve has no check of its own: no panic line, a warning instead.
    expect(reserve.outcomes[1]?.error?.kind).toBe('warn');
    expect(formatMsg(reserve.outcomes[1]!.error!.message, 'en')).toMatch(/does not check/);
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
  it('a kernel BUG() ends the run: nothing after a panic is run, a NULL return or a warning does not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), fc.array(opArb, { maxLength: 30 }), (size, ops) => {
        const r = runSkbOps([{ op: 'alloc', n: size }, ...ops]);
        const bug = r.outcomes.findIndex((o) => isSkbBug(o));
        if (bug < 0) {
          expect(r.halted).toBeUndefined();
          expect(r.trace).toHaveLength(ops.length + 1);
        } else {
          expect(r.halted).toEqual({ step: bug, notRun: ops.length - bug });
          expect(r.trace).toHaveLength(bug + 1);
          expect(r.outcomes).toHaveLength(bug + 1);
        }
      }),
    );
  });
  it('the underflow preset with more ops after the panic: they are not run', () => {
    const r = runSkbOps([...SKB_PRESETS.underflow!.ops, { op: 'pull', n: 4 }, { op: 'put', n: 1 }]);
    expect(r.halted).toEqual({ step: 2, notRun: 2 });
    expect(r.outcomes.map((o) => o.error?.kind ?? 'ok')).toEqual(['ok', 'ok', 'skb_under_panic']);
    const warned = runSkbOps([
      { op: 'alloc', n: 100 },
      { op: 'put', n: 10 },
      { op: 'pull', n: 11 },
      { op: 'pull', n: 2 },
    ]);
    expect(warned.halted).toBeUndefined();
    expect(warned.final.skb.len).toBe(8);
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

describe('skbLabel of a stretch labelled so already', () => {
  const region = fc.record({
    kind: fc.constantFrom('eth' as const, 'ip' as const, 'udp' as const, 'payload' as const),
    start: fc.integer({ min: 0, max: 200 }),
    len: fc.integer({ min: 1, max: 60 }),
    range: fc.option(fc.record({ from: fc.nat(1000), len: fc.integer({ min: 1, max: 60 }) }), {
      nil: undefined,
    }),
  });
  it('changes nothing: the regions array, and the last snapshot, stay the same objects', () => {
    fc.assert(
      fc.property(fc.array(region, { minLength: 1, maxLength: 6 }), fc.nat(), (labels, pick) => {
        const skb = allocSkb(512);
        skbReserve(skb, 16);
        skbPut(skb, 256);
        const rangeOf = (r: (typeof labels)[number]) =>
          r.range ? { from: r.range.from, to: r.range.from + r.range.len } : undefined;
        for (const r of labels) skbLabel(skb, r.kind, r.start, r.start + r.len, rangeOf(r));
        // Relabel one region exactly as it is now.
        const now = skb.regions[pick % skb.regions.length]!;
        const snap = skbSnapshot(skb);
        const before = skb.regions;
        const copy = before.map((r) => ({ ...r }));
        skbLabel(
          skb,
          now.kind,
          now.start,
          now.end,
          now.from === undefined ? undefined : { from: now.from, to: now.to! },
        );
        expect(skb.regions).toBe(before);
        expect(skb.regions).toEqual(copy);
        expect(skbSnapshot(skb)).toBe(snap);
      }),
    );
  });
  it('a stretch labelled differently (kind or bounds) still replaces what it covers', () => {
    const skb = allocSkb(512);
    skbReserve(skb, 16);
    skbPut(skb, 20, 'ip');
    skbPut(skb, 100, 'payload', { from: 0, to: 100 });
    const before = skb.regions;
    skbLabel(skb, 'udp', 16, 36);
    expect(skb.regions).not.toBe(before);
    expect(skb.regions.map((r) => [r.kind, r.start, r.end])).toEqual([
      ['udp', 16, 36],
      ['payload', 36, 136],
    ]);
    const udp = skb.regions;
    skbLabel(skb, 'udp', 16, 24);
    expect(skb.regions).not.toBe(udp);
    expect(skb.regions.map((r) => [r.kind, r.start, r.end])).toEqual([
      ['udp', 16, 24],
      ['payload', 36, 136],
    ]);
  });
});

describe('a snapshot keeps the regions it was taken with', () => {
  const op = fc.oneof(
    fc.record({ op: fc.constant('put' as const), n: fc.integer({ min: 1, max: 12 }) }),
    fc.record({ op: fc.constant('push' as const), n: fc.integer({ min: 1, max: 12 }) }),
    fc.record({ op: fc.constant('label' as const), at: fc.nat(300), n: fc.integer({ min: 1, max: 30 }) }),
    fc.constant({ op: 'snap' as const }),
  );
  it('whatever is put, pushed or labelled after it, short region lists and long ones alike', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const skb = allocSkb(600);
        skbReserve(skb, 150);
        const taken: { snap: ReturnType<typeof skbSnapshot>; json: string }[] = [];
        let from = 0;
        for (const o of ops) {
          if (o.op === 'put') {
            skbPut(skb, o.n, 'payload', { from, to: from + o.n });
            from += o.n;
          } else if (o.op === 'push') skbPush(skb, o.n, 'udp');
          else if (o.op === 'label') skbLabel(skb, 'ip', o.at, o.at + o.n);
          else {
            const snap = skbSnapshot(skb);
            taken.push({ snap, json: JSON.stringify(snap.regions) });
          }
        }
        for (const t of taken) expect(JSON.stringify(t.snap.regions)).toBe(t.json);
      }),
      { numRuns: 400 },
    );
  });
});

describe('skbLabel against a plain model of it', () => {
  // The model: drop every region the new one overlaps, add it, sort by start.
  const model = (rs: Region[], r: Region): Region[] =>
    [...rs.filter((x) => x.end <= r.start || x.start >= r.end), r].sort((a, b) => a.start - b.start);
  const label = fc.record({
    kind: fc.constantFrom('eth' as const, 'ip' as const, 'udp' as const, 'payload' as const),
    start: fc.integer({ min: 0, max: 300 }),
    len: fc.integer({ min: 1, max: 40 }),
  });
  it('in front of, after, between and over what is there: sorted, disjoint, what the model gives', () => {
    fc.assert(
      fc.property(fc.array(label, { maxLength: 24 }), (labels) => {
        const skb = allocSkb(600);
        skbReserve(skb, 16);
        skbPut(skb, 320);
        let want: Region[] = [];
        for (const l of labels) {
          const before = skb.regions;
          const copy = before.map((r) => ({ ...r }));
          skbLabel(skb, l.kind, l.start, l.start + l.len);
          want = model(want, { kind: l.kind, start: l.start, end: l.start + l.len });
          expect(skb.regions).toEqual(want);
          // The array a snapshot may hold is never written.
          expect(before).toEqual(copy);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('an skb changed while it hangs on a frag_list', () => {
  const chain = () => {
    const head = allocSkb(256);
    const member = allocSkb(256);
    skbReserve(member, 32);
    skbPut(member, 40, 'payload', { from: 0, to: 40 });
    head.frag_list = [member];
    return { head, member };
  };
  it('is caught while the tests run (core/test-invariants.ts checks every chained skb)', () => {
    const { head, member } = chain();
    skbSnapshot(head);
    expect(skbPush(member, 20, 'ip').ok).toBe(true);
    expect(() => skbSnapshot(head)).toThrow(/changed while chained/);
  });
  it('an unchanged frag_list keeps its snapshots; a grown one snapshots the new member', () => {
    const { head, member } = chain();
    const first = skbSnapshot(head);
    head.len += 1;
    const second = skbSnapshot(head);
    expect(second).not.toBe(first);
    expect(second.frag_list).toBe(first.frag_list);
    const next = allocSkb(128);
    head.frag_list.push(next);
    const third = skbSnapshot(head);
    expect(third.frag_list.map((s) => s.id)).toEqual([member.id, next.id]);
    expect(third.frag_list[0]).toBe(first.frag_list[0]);
  });
});

describe('header regions', () => {
  it('the same header at the same offsets is one region object, whichever skb holds it', () => {
    const a = allocSkb(256);
    const b = allocSkb(256);
    for (const s of [a, b]) {
      skbReserve(s, 32);
      skbPut(s, 20, 'ip');
      skbPut(s, 40, 'payload', { from: 0, to: 40 });
      skbPush(s, 14, 'eth');
    }
    expect(b.regions[0]).toBe(a.regions[0]);
    expect(b.regions[1]).toBe(a.regions[1]);
    // Payload carries its own byte range; another kind or offset is another region.
    expect(b.regions[2]).not.toBe(a.regions[2]);
    const c = allocSkb(256);
    skbReserve(c, 32);
    skbPut(c, 24, 'ip');
    expect(c.regions[0]).not.toBe(a.regions[1]);
    expect(c.regions[0]).toEqual({ kind: 'ip', start: 32, end: 56 });
  });
});

describe('skbTrimLinear against a plain model of it', () => {
  // The model: regions past the cut go, the one across it ends at the cut (its byte range too).
  const model = (rs: Region[], cut: number): Region[] =>
    rs.flatMap((r) =>
      r.start >= cut
        ? []
        : r.end <= cut
          ? [r]
          : [{ ...r, end: cut, ...(r.from !== undefined ? { to: r.from + (cut - r.start) } : {}) }],
    );
  const piece = fc.record({ n: fc.integer({ min: 1, max: 40 }), payload: fc.boolean() });
  it('whatever the regions and the cut: what the model gives, and a snapshot keeps its regions', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), fc.nat(400), (pieces, at) => {
        const skb = allocSkb(600);
        skbReserve(skb, 16);
        let from = 0;
        for (const p of pieces) {
          skbPut(skb, p.n, p.payload ? 'payload' : 'ip', p.payload ? { from, to: from + p.n } : undefined);
          if (p.payload) from += p.n;
        }
        const newLen = at % (skb.len + 1);
        const snap = skbSnapshot(skb);
        const before = JSON.stringify(snap.regions);
        const want = model(skb.regions, skb.data + newLen);
        skbTrimLinear(skb, newLen);
        expect(skb.regions).toEqual(want);
        expect(skb.len).toBe(newLen);
        expect(skb.tail).toBe(skb.data + newLen);
        expect(JSON.stringify(snap.regions)).toBe(before);
      }),
      { numRuns: 300 },
    );
  });
});
