import { describe, expect, it } from 'vitest';
import { renderText } from '../i18n/index.ts';
import fc from 'fast-check';
import { DEFAULT_SEND_INPUT } from '../ip/index.ts';
import { DEFAULT_JOURNEY_INPUT, journey, type JourneyInput } from './scenario.ts';
import {
  DECK_DX,
  DECK_DY,
  GROUP_LIMIT,
  RX_X,
  STACK_LIMIT,
  TX_X,
  WIRE_ROW,
  buildTimeline,
  positionAt,
  stopAt,
  stopEnd,
} from './timeline.ts';
import { placeRank } from './types.ts';
import { segmentsLength } from './segments.ts';
import { simpleDefrag } from './defrag-verdict.ts';

const input = (p: Partial<JourneyInput> & { len?: number; mtu?: number } = {}): JourneyInput => {
  const { len, mtu, ...rest } = p;
  return {
    ...DEFAULT_JOURNEY_INPUT,
    send: { ...DEFAULT_SEND_INPUT, sends: [len ?? 4000], mtu: mtu ?? 1500, sndbufCheck: false },
    ...rest,
  };
};

describe('timeline', () => {
  const r = journey(input());
  const tl = buildTimeline(r.stops);

  it('starts with sendto at the sender, ends with recvfrom at the receiver', () => {
    expect(r.stops[0]).toMatchObject({ fn: '__sys_sendto', side: 'tx', layer: 'app' });
    expect(r.stops.at(-1)).toMatchObject({ fn: 'udp_recvmsg', side: 'rx', layer: 'app' });
    expect(r.stops.map((s) => s.fn)).toContain('ip_fraglist_prepare');
  });

  it('stopAt and stopEnd agree', () => {
    for (let i = 0; i < r.stops.length; i++) {
      expect(stopAt(tl, stopEnd(tl, i) - 1e-9).index).toBe(i);
      expect(stopAt(tl, (tl.starts[i] as number) + 1e-9).index).toBe(i);
    }
    expect(stopAt(tl, -5)).toEqual({ index: 0, progress: 0 });
    expect(stopAt(tl, tl.total + 5)).toEqual({ index: r.stops.length - 1, progress: 1 });
  });

  it('at time 0 the buffer is at the sending application; at the end the datagram is with the receiver', () => {
    const a = positionAt(tl, 0).packets;
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({ x: TX_X, y: 0, status: 'moving' });
    const z = positionAt(tl, tl.total).packets;
    expect(z).toEqual([expect.objectContaining({ x: RX_X, y: 0, status: 'delivered', len: 4000 })]);
  });

  it('mid-step, two packets drawn in the same place of a layer are never closer than one slot', () => {
    const cases: Partial<JourneyInput>[] = [
      {},
      { fault: { kind: 'lose', datagram: 0, fragment: 1 } },
      { fault: { kind: 'reorder', datagram: 0, fragment: 0 } },
      { datagrams: 3, read: 'end', rcvbuf: 16384 },
    ];
    for (const c of cases) {
      const t = buildTimeline(journey(input(c)).stops);
      for (let time = 0.05; time < t.total; time += 0.1) {
        const shown = positionAt(t, time).packets.filter((p) => p.opacity > 0);
        for (let i = 0; i < shown.length; i++)
          for (let j = i + 1; j < shown.length; j++) {
            const a = shown[i]!;
            const b = shown[j]!;
            if (Math.abs(a.x - b.x) > 1e-9 || Math.abs(a.row - b.row) > 1e-9) continue;
            expect(
              Math.abs(a.slot - b.slot),
              `${JSON.stringify(c)} at ${time.toFixed(2)}: ${a.key} / ${b.key}`,
            ).toBeGreaterThan(0.999);
          }
      }
    }
  });

  it('a fragment the wire reorders waits at the sender while the others leave, then lands last', () => {
    const t = buildTimeline(journey(input({ fault: { kind: 'reorder', datagram: 0, fragment: 0 } })).stops);
    const w = t.stops.findIndex((s) => s.layer === 'wire');
    const at = (f: number) => positionAt(t, (t.starts[w] as number) + f * (t.durations[w] as number)).packets;
    const late = (f: number) => at(f).find((p) => p.fragment === 0)!;
    expect(late(0.5)).toMatchObject({ row: 4, opacity: 1 });
    expect(
      at(0.5)
        .filter((p) => p.fragment !== 0)
        .every((p) => p.row === WIRE_ROW),
    ).toBe(true);
    expect(late(1).row).toBe(WIRE_ROW);
    expect(late(1).opacity).toBeCloseTo(1, 6);
    expect(late(1).x).toBeLessThan(
      Math.min(
        ...at(1)
          .filter((p) => p.fragment !== 0)
          .map((p) => p.x),
      ),
    );
  });

  it('on the wire the fragments leave one after another, left to right', () => {
    const w = r.stops.findIndex((s) => s.layer === 'wire');
    // the stack drops onto the wire together (its order kept: no packet passes another) ...
    const drop = positionAt(tl, (tl.starts[w] as number) + 0.2 * (tl.durations[w] as number)).packets;
    const ys = drop.map((p) => p.row + p.slot * 0.01);
    expect(new Set(drop.map((p) => p.row.toFixed(6))).size).toBe(1);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    // ... then its packets leave one after another
    const mid = positionAt(tl, (tl.starts[w] as number) + 0.7 * (tl.durations[w] as number)).packets;
    expect(mid).toHaveLength(3);
    const xs = mid.map((p) => p.x);
    expect(xs[0]).toBeGreaterThan(xs[1] as number);
    expect(xs[1]).toBeGreaterThan(xs[2] as number);
    const end = positionAt(tl, stopEnd(tl, w)).packets;
    for (const p of end) expect(p.y).toBeCloseTo(WIRE_ROW, 0);
  });

  it('headers grow down the sender and shrink up the receiver, as the sk_buff model says', () => {
    const seg = (fn: string, dir: 'down' | 'up') =>
      r.stops.find((s) => s.fn === fn && s.dir === dir)?.packets[0]?.segments.map((x) => x.kind);
    expect(seg('ip_finish_output2', 'down')).toEqual(['eth', 'ip', 'udp', 'payload']);
    expect(seg('eth_type_trans', 'up')).toEqual(['ip', 'udp', 'payload']);
    expect(seg('ip_local_deliver_finish', 'up')).toEqual(['udp', 'payload']);
  });

  it('a few packets in one layer stack vertically; more form a deck spread right and down within the cell', () => {
    const at = (len: number, fn: string) => {
      const j = journey(input({ len, mtu: 1500 }));
      const t = buildTimeline(j.stops);
      const i = j.stops.findIndex((s) => s.fn === fn && s.side === 'rx');
      return positionAt(t, stopEnd(t, i)).packets;
    };
    const few = at(4000, 'ip_rcv');
    expect(few).toHaveLength(3);
    expect(new Set(few.map((p) => p.x)).size).toBe(1);
    const ys = few.map((p) => p.y);
    expect(ys[0]).toBeLessThan(ys[1] as number);
    const many = at(20000, 'ip_rcv');
    expect(many.length).toBeGreaterThan(STACK_LIMIT);
    const xs = many.map((p) => p.x);
    const ys2 = many.map((p) => p.y);
    for (let i = 1; i < many.length; i++) {
      expect(xs[i]).toBeGreaterThan(xs[i - 1] as number);
      expect(ys2[i]).toBeGreaterThan(ys2[i - 1] as number);
    }
    expect((xs.at(-1) as number) - (xs[0] as number)).toBeCloseTo(DECK_DX, 9);
    expect((ys2.at(-1) as number) - (ys2[0] as number)).toBeCloseTo(DECK_DY, 9);
    // the deck stays inside its layer's row
    for (const y of ys2) expect(Math.abs(y - Math.round(y))).toBeLessThan(0.5);
  });

  it('groups more than GROUP_LIMIT fragments (65,507 B over MTU 68: 1,365 fragments)', () => {
    const big = journey(input({ len: 65507, mtu: 68 }));
    expect(big.packetsPerDatagram).toBe(1365);
    const t2 = buildTimeline(big.stops);
    const w = big.stops.findIndex((s) => s.layer === 'wire');
    const f = positionAt(t2, (t2.starts[w] as number) + 0.5);
    expect(f.grouped).toBe(true);
    expect(f.packets.length).toBeLessThanOrEqual(GROUP_LIMIT);
    expect(f.packets.reduce((a, p) => a + p.count, 0)).toBe(1365);
  });
});

describe('scenarios', () => {
  it('a lost non-first fragment: the queue expires after 30 s (no ICMP on loopback: own source)', () => {
    const r = journey(input({ fault: { kind: 'lose', datagram: 0, fragment: 2 } }));
    expect(r.outcomes[0]?.fate).toBe('expired');
    expect(r.stops.at(-1)).toMatchObject({
      fn: 'ip_expire',
      vars: { seconds: 30, icmp_time_exceeded: false },
    });
    expect(renderText(r.stops.at(-1)?.why, 'en')).toMatch(/own address/);
    expect(r.counters).toMatchObject({ REASMFAILS: 1, REASMTIMEOUT: 1, ICMP_TIME_EXCEEDED: 0 });
  });
  it('with the simple verdicts (a remote sender), ICMP time exceeded when the first fragment was in', () => {
    const r = journey(input({ fault: { kind: 'lose', datagram: 0, fragment: 2 } }), {
      defrag: simpleDefrag,
    });
    expect(r.counters).toMatchObject({ REASMFAILS: 1, ICMP_TIME_EXCEEDED: 1 });
  });
  it('a lost first fragment: no ICMP', () => {
    const r = journey(input({ fault: { kind: 'lose', datagram: 0, fragment: 0 } }));
    expect(r.counters.ICMP_TIME_EXCEEDED).toBe(0);
  });
  it('a reordered fragment still delivers the datagram whole', () => {
    const r = journey(input({ fault: { kind: 'reorder', datagram: 0, fragment: 0 } }));
    expect(r.outcomes[0]).toMatchObject({ fate: 'delivered', received: { returned: 4000 } });
  });
  it('a small receive buffer read late drops, and a short buffer truncates', () => {
    const r = journey(input({ mtu: 65536, datagrams: 4, rcvbuf: 16384, read: 'end', bufsize: 1000 }));
    expect(r.outcomes.map((o) => o.fate)).toEqual([
      'truncated',
      'dropped-rcvbuf',
      'dropped-rcvbuf',
      'dropped-rcvbuf',
    ]);
    expect(r.counters).toMatchObject({ RcvbufErrors: 3, InErrors: 3, sk_drops: 3, InDatagrams: 1 });
  });
  it('65,508 bytes: sendto fails with EMSGSIZE, nothing on the wire', () => {
    const r = journey(input({ len: 65508, mtu: 65536 }));
    expect(r.outcomes[0]?.fate).toBe('send-failed');
    expect(renderText(r.stops.at(-1)?.why, 'en')).toMatch(/EMSGSIZE/);
    expect(renderText(r.stops.at(-1)?.why, 'zh-CN')).toMatch(/返回 -1，errno 为 EMSGSIZE/);
    expect(r.stops.some((s) => s.layer === 'wire')).toBe(false);
  });
  it('a custom defrag verdict function is used', () => {
    const r = journey(input(), {
      defrag: () => ({
        events: [],
        delivered: false,
        expired: { afterSeconds: 30, icmpTimeExceeded: false, why: { id: 'x' } },
      }),
    });
    expect(r.outcomes[0]?.fate).toBe('expired');
  });

  const arb = fc.record({
    len: fc.oneof(fc.integer({ min: 0, max: 9000 }), fc.constantFrom(65507)),
    mtu: fc.constantFrom(68, 576, 1280, 1500, 9000, 65536),
    family: fc.constantFrom('inet' as const, 'inet6' as const),
    datagrams: fc.integer({ min: 1, max: 4 }),
    fault: fc.oneof(
      fc.constant({ kind: 'none' as const }),
      fc.record({
        kind: fc.constantFrom('lose' as const, 'reorder' as const),
        datagram: fc.integer({ min: 0, max: 3 }),
        fragment: fc.integer({ min: 0, max: 50 }),
      }),
    ),
    rcvbuf: fc.integer({ min: 2304, max: 300_000 }),
    read: fc.constantFrom('each' as const, 'slow' as const, 'end' as const),
    bufsize: fc.integer({ min: 1, max: 70_000 }),
  });

  it('properties: layer order never goes back; delivered lengths equal the send; drops only over sk_rcvbuf', () => {
    fc.assert(
      fc.property(arb, (a) => {
        const r = journey({
          ...input({ len: a.len, mtu: a.family === 'inet6' ? Math.max(a.mtu, 1280) : a.mtu }),
          send: {
            ...DEFAULT_SEND_INPUT,
            family: a.family,
            sends: [a.len],
            mtu: a.family === 'inet6' ? Math.max(a.mtu, 1280) : a.mtu,
            sndbufCheck: false,
          },
          datagrams: a.datagrams,
          fault: a.fault,
          rcvbuf: a.rcvbuf,
          read: a.read,
          bufsize: a.bufsize,
        });
        const rank = new Map<string, number>();
        for (const s of r.stops)
          for (const p of s.packets) {
            const k = placeRank(p.side, p.layer);
            if (k < (rank.get(p.key) ?? -1)) return false;
            rank.set(p.key, k);
          }
        for (const o of r.outcomes) {
          if (o.received && o.received.len !== a.len) return false;
          if (o.received && o.received.copied !== Math.min(a.len, a.bufsize)) return false;
        }
        for (const s of r.stops)
          if (s.fn === '__udp_enqueue_schedule_skb' && s.vars.queued === false) {
            const ts = s.vars.truesize as number;
            const before = s.vars.sk_rmem_alloc as number;
            if (!(before + ts > s.rcvq.rcvbuf && before > 0)) return false;
          }
        // tx segments of a moving packet add up to skb->len
        for (const s of r.stops)
          for (const p of s.packets)
            if (p.status === 'moving' && p.key.includes(':s') && segmentsLength(p.segments) !== p.len)
              return false;
        return true;
      }),
      { numRuns: 60 },
    );
  });

  it('property: positionAt never moves a packet back to an earlier place as time advances', () => {
    const r = journey(input({ datagrams: 2, read: 'slow' }));
    const tl = buildTimeline(r.stops);
    fc.assert(
      fc.property(
        fc.float({ min: 0, max: Math.fround(tl.total), noNaN: true }),
        fc.float({ min: 0, max: Math.fround(tl.total), noNaN: true }),
        (t1, t2) => {
          const [a, b] = t1 <= t2 ? [t1, t2] : [t2, t1];
          const pa = new Map(positionAt(tl, a).packets.map((p) => [p.key, placeRank(p.side, p.layer)]));
          for (const p of positionAt(tl, b).packets) {
            const before = pa.get(p.key);
            if (before !== undefined && placeRank(p.side, p.layer) < before) return false;
          }
          return true;
        },
      ),
    );
  });
});
