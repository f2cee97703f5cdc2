import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  FRAG_QUEUE_SIZE,
  fragmentsFromWire,
  fragmentTruesize,
  inetFragQueueInsert,
  reassemble,
  type DefragOk,
  type FragmentSpec,
  type FragPiece,
} from './defrag.ts';
import { DEFAULT_SEND_INPUT, ipSend } from './index.ts';

const F = (offset: number, length: number, mf: boolean, more: Partial<FragmentSpec> = {}): FragmentSpec => ({
  offset,
  length,
  mf,
  ...more,
});
const THREE = [F(0, 1480, true), F(1480, 1480, true), F(2960, 40, false)];
const run = (fragments: FragmentSpec[], more: Partial<Parameters<typeof reassemble>[0]> = {}): DefragOk => {
  const r = reassemble({ family: 'inet', len: 2992, fragments, ...more });
  if (!r.ok) throw new Error(r.why);
  return r;
};
const verdicts = (r: DefragOk) => r.arrivals.map((a) => a.verdict);

describe('inetFragQueueInsert: the runs of inet_frag_queue_insert (hand-computed)', () => {
  const p = (offset: number, end: number, arrival = 0): FragPiece => ({ offset, end, fill: 'same', arrival });
  it('appends at the tail, starts a run after a gap, searches below the tail', () => {
    const runs: { start: number; end: number; frags: FragPiece[] }[] = [];
    let tail = inetFragQueueInsert(runs, null, p(0, 800)).tail;
    tail = inetFragQueueInsert(runs, tail, p(800, 1600)).tail; // fragrun_append_to_last
    expect(runs.map((r) => [r.start, r.end])).toEqual([[0, 1600]]);
    tail = inetFragQueueInsert(runs, tail, p(2400, 3000)).tail; // gap: new run
    const mid = inetFragQueueInsert(runs, tail, p(1600, 2400)); // below the tail: own node
    expect(mid.result).toBe('ok');
    expect(runs.map((r) => [r.start, r.end])).toEqual([
      [0, 1600],
      [1600, 2400],
      [2400, 3000],
    ]);
    // byte-identical to bytes we hold, but across two runs: OVERLAP; inside one run: DUP
    expect(inetFragQueueInsert(runs, tail, p(800, 2400)).result).toBe('overlap');
    expect(inetFragQueueInsert(runs, tail, p(200, 1600)).result).toBe('dup');
    expect(inetFragQueueInsert(runs, tail, p(2400, 3000)).result).toBe('dup');
    // reaching back under the tail while passing it: OVERLAP
    expect(inetFragQueueInsert(runs, tail, p(2992, 3008)).result).toBe('overlap');
  });
});

describe('reassemble, IPv4 (each outcome recorded on Linux 6.18)', () => {
  it('in any order: delivered once, equal, the last arrival completes it in ip_frag_reasm', () => {
    const r = run([THREE[2], THREE[0], THREE[1]] as FragmentSpec[]);
    expect(verdicts(r)).toEqual(['queued', 'queued', 'completed']);
    expect(r.arrivals.map((a) => a.ret)).toEqual([-115, -115, 0]);
    expect(r.arrivals[2]?.fn).toBe('ip_frag_reasm');
    expect(r.delivered.map((d) => [d.length, d.equal])).toEqual([[2992, true]]);
    expect(r.queues.map((q) => q.state)).toEqual(['reassembled']);
    const last = r.trace.at(-1);
    expect(last?.fn).toBe('udp_recvmsg');
    expect(last?.dir).toBe('up');
    const reasm = r.trace.find((s) => s.fn === 'ip_frag_reasm');
    expect(reasm?.snapshot.skbs[0]?.frag_list.length).toBe(2);
    expect(reasm?.snapshot.skbs[0]?.len).toBe(3020);
  });

  it('an exact duplicate is dropped alone; the first-received copy is the one delivered', () => {
    const r = run([THREE[0], F(1480, 1480, true, { fill: 'other' }), THREE[1], THREE[2]] as FragmentSpec[]);
    expect(verdicts(r)).toEqual(['queued', 'queued', 'duplicate', 'completed']);
    expect(r.arrivals[2]?.errno).toBe('EINVAL');
    expect(r.delivered.map((d) => [d.length, d.equal])).toEqual([[2992, false]]);
  });

  it('a byte-identical fragment straddling two runs is an overlap: the whole queue goes', () => {
    const r = run([
      F(800, 800, true),
      F(2400, 600, false),
      F(1600, 800, true),
      F(800, 1600, true),
      F(0, 800, true),
    ]);
    expect(verdicts(r)).toEqual(['queued', 'queued', 'queued', 'overlap', 'queued']);
    expect(r.queues.map((q) => q.state)).toEqual(['dropped', 'waiting']);
    expect(r.delivered).toHaveLength(0);
  });

  it('the same bytes inside one run are a duplicate', () => {
    const r = run([
      F(0, 800, true),
      F(800, 800, true),
      F(1600, 800, true),
      F(800, 1600, true),
      F(2400, 600, false),
    ]);
    expect(verdicts(r)).toEqual(['queued', 'queued', 'queued', 'duplicate', 'completed']);
    expect(r.delivered).toHaveLength(1);
  });

  it('last-fragment rules: a second end that disagrees, an end below q.len, a non-last past the end', () => {
    expect(verdicts(run([THREE[0], THREE[2], F(2960, 48, false), THREE[1]] as FragmentSpec[]))[2]).toBe(
      'bad-last',
    );
    expect(verdicts(run([THREE[0], THREE[1], F(1400, 80, false)] as FragmentSpec[]))[2]).toBe('bad-last');
    expect(verdicts(run([THREE[2], THREE[0], F(1480, 1528, true)] as FragmentSpec[]))[2]).toBe('beyond-last');
  });

  it('non-last fragments are trimmed to a multiple of 8; trimmed to nothing drops the queue', () => {
    const r = run([F(0, 1484, true), F(1480, 1520, false)]);
    expect(r.arrivals[0]?.trimmedEnd).toBe(1480);
    expect(r.delivered.map((d) => d.length)).toEqual([2992]);
    expect(verdicts(run([THREE[0], F(1480, 4, true)] as FragmentSpec[]))[1]).toBe('empty');
    expect(verdicts(run([THREE[0], F(1480, 0, true)] as FragmentSpec[]))[1]).toBe('empty');
  });

  it('20 + q.len over 65,535 is E2BIG; exactly 65,535 is delivered', () => {
    const big = (n: number, last: number) =>
      reassemble({
        family: 'inet',
        len: n,
        fragments: [F(0, 32768, true), F(32768, 32744, true), F(65512, last, false)],
      });
    const over = big(65508, 4);
    expect(over.ok && over.arrivals[2]?.verdict).toBe('too-big');
    expect(over.ok && over.arrivals[2]?.errno).toBe('E2BIG');
    const max = big(65507, 3);
    expect(max.ok && max.delivered.map((d) => d.length)).toEqual([65507]);
  });

  it('offset 0 without MF is not a fragment; fragments after completion start a new queue', () => {
    const r = run([THREE[0], F(0, 3000, false), THREE[1], THREE[2], THREE[0]] as FragmentSpec[]);
    expect(verdicts(r)).toEqual(['queued', 'unfragmented', 'queued', 'completed', 'queued']);
    expect(r.delivered).toHaveLength(2);
    expect(r.queues.map((q) => q.state)).toEqual(['reassembled', 'waiting']);
  });

  it('the UDP view: a longer datagram is trimmed, a shorter one and a foreign header are dropped', () => {
    expect(
      run([THREE[0], THREE[1], F(2960, 80, false)] as FragmentSpec[]).delivered.map((d) => d.length),
    ).toEqual([2992]);
    expect(run([THREE[0], THREE[1], F(2960, 32, false)] as FragmentSpec[]).delivered).toHaveLength(0);
    expect(
      run([F(0, 1480, true, { fill: 'other' }), THREE[1], THREE[2]] as FragmentSpec[]).delivered,
    ).toHaveLength(0);
  });

  it('timeout 30 s from the first fragment, not extended; ICMP only with FIRST_IN and a routable source', () => {
    const late = run([
      F(0, 1480, true, { at: 0 }),
      F(1480, 1480, true, { at: 0 }),
      F(2960, 40, false, { at: 31000 }),
    ]);
    expect(late.queues.map((q) => q.state)).toEqual(['expired', 'waiting']);
    expect(late.queues[0]?.endedAt).toBe(30000);
    expect(late.icmp).toEqual([]); // loopback to itself: ip_route_input_noref rejects the head (recorded)
    const remote = run([F(0, 1480, true)], { until: 31000, source: 'remote' });
    expect(remote.icmp.map((m) => [m.type, m.code, m.at])).toEqual([[11, 1, 30000]]);
    const noFirst = run([F(1480, 1480, true)], { until: 31000, source: 'remote' });
    expect(noFirst.icmp).toEqual([]);
    const inTime = run([
      F(0, 1480, true, { at: 0 }),
      F(1480, 1480, true, { at: 1000 }),
      F(2960, 40, false, { at: 29999 }),
    ]);
    expect(inTime.delivered).toHaveLength(1);
  });

  it('ip_frag_too_far: 64 fragments of other queues in between purge the queue, 63 do not', () => {
    const others = (k: number) => Array.from({ length: k }, (_, i) => F(0, 8, true, { id: 0x100 + i }));
    const withOthers = (k: number) =>
      run([
        F(0, 1480, true, { id: 7 }),
        ...others(k),
        F(1480, 1480, true, { id: 7 }),
        F(2960, 40, false, { id: 7 }),
      ]);
    expect(withOthers(63).delivered).toHaveLength(1);
    const far = withOthers(64);
    expect(far.delivered).toHaveLength(0);
    expect(far.arrivals[65]?.reinit).toBe(true);
  });

  it('memory: inet_frag_find refuses every fragment once frag memory passes high_thresh', () => {
    const big = Array.from({ length: 64 }, (_, i) => F(0, 60000, true, { id: 0x100 + i }));
    const r = run([...big, ...THREE.map((f) => ({ ...f, id: 0x5000 }))]);
    expect(fragmentTruesize('inet', 60000)).toBe(65792);
    expect(r.arrivals.at(-1)?.verdict).toBe('no-memory');
    expect(r.arrivals.at(-1)?.errno).toBe('ENOMEM');
    expect(r.trace.at(-1)?.snapshot.mem).toBe(64 * (65792 + FRAG_QUEUE_SIZE.inet));
  });

  it('the snapshot after each fragment shows runs, holes, len, meat, flags', () => {
    const r = run([THREE[2], THREE[0]] as FragmentSpec[]);
    const q = r.trace.at(-1)?.snapshot.queues[0];
    expect(q?.runs.map((x) => [x.start, x.end])).toEqual([
      [0, 1480],
      [2960, 3000],
    ]);
    expect(q?.holes).toEqual([{ from: 1480, to: 2960 }]);
    expect([q?.len, q?.meat, q?.flags.FIRST_IN, q?.flags.LAST_IN]).toEqual([3000, 1520, true, true]);
  });

  it('bad input is a value, not a throw', () => {
    const r = reassemble({ family: 'inet', len: 10, fragments: [F(3, 10, true)] });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues[0]?.field).toBe('fragments[0].offset');
    expect(reassemble(null as never).ok).toBe(false);
  });
});

describe('reassemble, IPv6 (recorded on Linux 6.18)', () => {
  const run6 = (fragments: FragmentSpec[], until?: number) => {
    const r = reassemble({ family: 'inet6', len: 2992, fragments, ...(until ? { until } : {}) });
    if (!r.ok) throw new Error(r.why);
    return r;
  };
  it('a misaligned non-last fragment gets Parameter Problem and leaves the queue alone', () => {
    const r = run6([THREE[0], F(1480, 1484, true), THREE[1], THREE[2]] as FragmentSpec[]);
    expect(verdicts(r)).toEqual(['queued', 'param-problem', 'queued', 'completed']);
    expect(r.icmp.map((m) => [m.type, m.code, m.pointer])).toEqual([[4, 0, 4]]);
    expect(r.delivered).toHaveLength(1);
    expect(r.arrivals.map((a) => a.ret)).toEqual([-1, -1, -1, 1]);
  });
  it('ends past 65,535 and a first fragment without the UDP header get Parameter Problem', () => {
    expect(run6([F(65528, 16, false)]).icmp.map((m) => [m.type, m.code, m.pointer])).toEqual([[4, 0, 42]]);
    expect(run6([F(0, 0, true)]).icmp.map((m) => [m.type, m.code])).toEqual([[4, 3]]);
  });
  it('timeout 60 s; ICMPv6 Time Exceeded with the first fragment in, even on loopback', () => {
    expect(run6([THREE[0]] as FragmentSpec[], 61000).icmp.map((m) => [m.type, m.code, m.at])).toEqual([
      [3, 1, 60000],
    ]);
    expect(run6([THREE[1]] as FragmentSpec[], 61000).icmp).toEqual([]);
  });
});

describe('reassemble: properties', () => {
  /** A complete, non-overlapping fragment set of a datagram of `len` payload bytes. */
  const fragmentSet = fc
    .record({
      len: fc.integer({ min: 1, max: 9000 }),
      unit: fc.integer({ min: 1, max: 200 }),
      family: fc.constantFrom<'inet' | 'inet6'>('inet', 'inet6'),
    })
    .map(({ len, unit, family }) => {
      const total = len + 8;
      const size = unit * 8;
      const frags: FragmentSpec[] = [];
      for (let o = 0; o < total; o += size) frags.push(F(o, Math.min(size, total - o), o + size < total));
      return { len, family, frags };
    });

  it('any permutation of a complete, non-overlapping set is delivered exactly once and equals the original', () => {
    fc.assert(
      fc.property(
        fragmentSet.chain((s) =>
          fc
            .shuffledSubarray(s.frags, { minLength: s.frags.length, maxLength: s.frags.length })
            .map((p) => ({ ...s, p })),
        ),
        ({ len, family, p }) => {
          const r = reassemble({ family, len, fragments: p });
          expect(r.ok && r.delivered.map((d) => [d.length, d.equal])).toEqual([[len, true]]);
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);

  it('removing any one fragment prevents delivery', () => {
    fc.assert(
      fc.property(
        fragmentSet
          .filter((s) => s.frags.length > 1)
          .chain((s) => fc.nat(s.frags.length - 1).map((k) => ({ ...s, k }))),
        ({ len, family, frags, k }) => {
          const r = reassemble({ family, len, fragments: frags.filter((_, i) => i !== k) });
          expect(r.ok && r.delivered.length).toBe(0);
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);

  it('never throws on random fragment lists, and counts memory back to zero when nothing waits', () => {
    const frag = fc.record({
      offset: fc.oneof(
        fc.integer({ min: 0, max: 400 }).map((u) => u * 8),
        fc.integer({ min: -8, max: 70000 }),
      ),
      length: fc.integer({ min: -1, max: 4000 }),
      mf: fc.boolean(),
      id: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      fill: fc.constantFrom<'same' | 'other' | undefined>('same', 'other', undefined),
      at: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.constantFrom<'inet' | 'inet6'>('inet', 'inet6'),
        fc.integer({ min: 0, max: 3000 }),
        fc.array(frag, { maxLength: 40 }),
        (family, len, fragments) => {
          const r = reassemble({ family, len, fragments: fragments as FragmentSpec[], until: 200_000 });
          if (r.ok) {
            expect(r.queues.every((q) => q.state !== 'waiting')).toBe(true);
            expect(r.trace.at(-1)?.snapshot.mem ?? 0).toBe(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);

  it('reassemble(fragment(d)) = d: what ipSend puts on the wire comes back whole', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20000 }),
        fc.integer({ min: 576, max: 9000 }),
        fc.constantFrom<'inet' | 'inet6'>('inet', 'inet6'),
        (len, mtu, family) => {
          const s = ipSend({
            ...DEFAULT_SEND_INPUT,
            family,
            mtu: Math.max(mtu, family === 'inet6' ? 1280 : 576),
            sends: [len],
          });
          if (!s.ok) return;
          const r = reassemble({ family, len, fragments: fragmentsFromWire(s.wire).reverse() });
          expect(r.ok && r.delivered.map((d) => [d.length, d.equal])).toEqual([[len, true]]);
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);
});
