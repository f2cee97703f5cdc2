/**
 * Reassembly's cost grows as n·log n in the number of fragments, whatever order they come in
 * (issue 17): a trace step records its queue's runs and holes without copying them (frag-net.ts,
 * queueSnapshot), and inet_frag_queue_insert finds a fragment's place by binary search. 1,365
 * fragments in reverse order are 1,365 runs: copying them at each of ~1,370 steps made ~930,000
 * run copies. Shown by counting work, not by timing.
 */
import { describe, expect, it } from 'vitest';
import { defragWork } from './frag-net.ts';
import { DEFAULT_SEND_INPUT, fragmentsFromWire, ipSend, reassemble } from './index.ts';
import type { FragmentSpec } from './index.ts';

/** The fragments a UDP send of `len` bytes at MTU 68 puts on the wire (65,507 → 1,365). */
function cut(len: number): FragmentSpec[] {
  const sent = ipSend({ ...DEFAULT_SEND_INPUT, sends: [len], mtu: 68, sndbufCheck: false });
  if (!sent.ok) throw new Error('the send was refused');
  return fragmentsFromWire(sent.wire);
}

const ORDERS: Record<string, (f: FragmentSpec[]) => FragmentSpec[]> = {
  'in order': (f) => f,
  reversed: (f) => [...f].reverse(),
  // Every other fragment, then the rest: up to n/2 runs and n/2 holes at once.
  'odd then even': (f) => [...f.filter((_, i) => i % 2), ...f.filter((_, i) => i % 2 === 0)],
};

function run(frags: FragmentSpec[], len: number) {
  defragWork.runsRead = 0;
  defragWork.searched = 0;
  const r = reassemble({ family: 'inet', len, fragments: frags });
  expect(r.ok).toBe(true);
  if (!r.ok) throw new Error('refused');
  const recorded = { ...defragWork };
  return { r, recorded };
}

describe('reassembly of 1,365 fragments stays n·log n', () => {
  const big = cut(65507);
  const small = cut(8180); // 171 fragments: an eighth
  it('cuts the sizes the checks assume', () => {
    expect(big).toHaveLength(1365);
    expect(small.length).toBeGreaterThan(160);
    expect(small.length).toBeLessThan(180);
  });

  for (const [name, order] of Object.entries(ORDERS)) {
    it(`${name}: recording the trace reads no run; the search grows as n·log n`, () => {
      const a = run(order(small), 8180);
      const b = run(order(big), 65507);
      expect(b.r.delivered).toHaveLength(1);
      // One step per arrival (and a few more): the trace itself is linear.
      expect(b.r.trace.length).toBeLessThan(big.length + 10);
      // No step copied its queue's runs while the trace was recorded.
      expect(a.recorded.runsRead).toBe(0);
      expect(b.recorded.runsRead).toBe(0);
      // The binary search: at most log2(runs) + 1 comparisons a fragment (11 for 1,365).
      expect(b.recorded.searched).toBeLessThanOrEqual(big.length * 12);
      // Eight times the fragments is at most ~8 × 1.4 the search, not 64 times.
      expect(b.recorded.searched).toBeLessThanOrEqual(Math.max(8 * 1.5 * a.recorded.searched, 12 * big.length));
    });
  }

  it('reading a step reads that step’s runs once, and they are the runs as they were then', () => {
    const { r } = run(ORDERS.reversed!(big), 65507);
    // Halfway: the last 683 fragments have come, each its own run (nothing joins a run below it).
    const half = r.trace.findIndex((s) => s.snapshot.arrival === 682 && s.fn === 'inet_frag_queue_insert');
    expect(half).toBeGreaterThan(0);
    defragWork.runsRead = 0;
    const q = r.trace[half]!.snapshot.queues[0]!;
    expect(q.runs).toHaveLength(683);
    expect(q.runs[0]!.start).toBe(big[1365 - 683]!.offset);
    expect(q.holes).toEqual([{ from: 0, to: big[1365 - 683]!.offset }]);
    // Reading again (or the holes) costs nothing more: one pass over the queue's list as it is now.
    expect(q.runs).toBe(q.runs);
    expect(defragWork.runsRead).toBe(1365);
    // The run snapshot of an unchanged run is one object from step to step.
    const next = r.trace[half + 1]!.snapshot.queues[0]!;
    expect(next.runs.at(-1)).toBe(q.runs.at(-1));
  });
});
