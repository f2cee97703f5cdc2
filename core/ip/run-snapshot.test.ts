/**
 * Reassembly trace snapshots share each run's list of fragments and the queue's list of runs
 * (frag-net.ts, queueSnapshot) rather than copying them on every step (issue 17). Whatever order fragments come in, every step must
 * still show the runs as they were at that step: each run's pieces tile exactly [start, end), the
 * runs hold `meat` bytes between them, and the trace serialises to plain arrays.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reassemble, type FragmentSpec } from './defrag.ts';

const fragmentOrder = fc
  .record({
    len: fc.integer({ min: 1, max: 2000 }),
    unit: fc.integer({ min: 1, max: 100 }),
    family: fc.constantFrom<'inet' | 'inet6'>('inet', 'inet6'),
  })
  .chain(({ len, unit, family }) => {
    const total = len + 8;
    const size = unit * 8;
    const frags: FragmentSpec[] = [];
    for (let o = 0; o < total; o += size)
      frags.push({ offset: o, length: Math.min(size, total - o), mf: o + size < total });
    // Any order, some fragments sent twice (duplicates are dropped, runs keep growing).
    return fc
      .tuple(
        fc.shuffledSubarray(frags, { minLength: frags.length, maxLength: frags.length }),
        fc.array(fc.nat(frags.length - 1), { maxLength: 4 }),
      )
      .map(([order, again]) => ({
        len,
        family,
        fragments: [...order, ...again.map((i) => order[i] as FragmentSpec)],
      }));
  });

describe('reassembly snapshots share runs without losing a step', () => {
  it('every step shows its runs as they were then', () => {
    fc.assert(
      fc.property(fragmentOrder, ({ len, family, fragments }) => {
        const r = reassemble({ family, len, fragments });
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        // What each step shows, checked in plain code (one expect per case keeps this fast).
        const wrong: string[] = [];
        r.trace.forEach((step, k) => {
          for (const q of step.snapshot.queues) {
            let bytes = 0;
            for (const run of q.runs) {
              let at = run.start;
              for (const p of run.frags) {
                if (p.offset !== at) wrong.push(`step ${k}: a piece at ${p.offset}, expected ${at}`);
                at = p.end;
              }
              if (run.frags.length === 0 || at !== run.end)
                wrong.push(`step ${k}: run [${run.start}, ${run.end}) holds pieces up to ${at}`);
              bytes += run.end - run.start;
            }
            if (bytes !== q.meat) wrong.push(`step ${k}: runs hold ${bytes} bytes, meat ${q.meat}`);
            // The holes are what the runs leave of [0, len), read lazily like the runs.
            const gaps: { from: number; to: number }[] = [];
            let at = 0;
            for (const run of q.runs) {
              if (run.start > at) gaps.push({ from: at, to: run.start });
              at = Math.max(at, run.end);
            }
            if (at < q.len) gaps.push({ from: at, to: q.len });
            if (JSON.stringify(gaps) !== JSON.stringify(q.holes))
              wrong.push(`step ${k}: holes ${JSON.stringify(q.holes)}, the runs leave ${JSON.stringify(gaps)}`);
          }
        });
        expect(wrong.slice(0, 3)).toEqual([]);
        // The trace is plain data: what JSON keeps is what the steps show.
        const shown = r.trace.map((s) => s.snapshot.queues.map((q) => q.runs.map((run) => run.frags)));
        expect(JSON.stringify(r.trace.map((s) => s.snapshot.queues.map((q) => q.runs)))).toBe(
          JSON.stringify(
            r.trace.map((s, k) =>
              s.snapshot.queues.map((q, i) =>
                q.runs.map((run, j) => ({ start: run.start, end: run.end, frags: shown[k]?.[i]?.[j] })),
              ),
            ),
          ),
        );
      }),
      { numRuns: 80 },
    );
  }, 60_000);
});
