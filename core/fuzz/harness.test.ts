import { describe, expect, it } from 'vitest';
import { count, fuzzLoop } from './harness.ts';
import type { FuzzSpec } from './harness.ts';
import { inputSeed, mulberry32, randomInt } from './random.ts';
import { MAX_FAILURES } from './types.ts';

/** Inputs are random integers below 1000; the check sorts them into findings by value. */
const spec = (seen: number[] = []): FuzzSpec<number> => ({
  input: (rnd) => randomInt(rnd, 1000),
  check: (x, _rnd, figures) => {
    seen.push(x);
    count(figures, 'inputs seen');
    if (x < 10) throw new RangeError(`small ${x}`);
    if (x < 20) return { kind: 'outside', what: `offset ${x}` };
    if (x < 30) return { kind: 'mismatch', what: `round trip ${x}` };
    return null;
  },
});

describe('fuzzLoop', () => {
  it('counts exceptions, outside findings and mismatches without throwing, and keeps the first failures', () => {
    const seen: number[] = [];
    const r = fuzzLoop(5, 2000, spec(seen));
    expect(r.inputs).toBe(2000);
    expect(r.exceptions).toBe(seen.filter((x) => x < 10).length);
    expect(r.outside).toBe(seen.filter((x) => x >= 10 && x < 20).length);
    expect(r.mismatches).toBe(seen.filter((x) => x >= 20 && x < 30).length);
    expect(r.exceptions).toBeGreaterThan(0);
    expect(r.failures).toHaveLength(MAX_FAILURES);
    const first = seen.findIndex((x) => x < 30);
    expect(r.failures[0]?.input).toBe(first);
    expect(r.failures.map((f) => f.what).join('\n')).toMatch(
      /exception: RangeError: small \d|offset \d+|round trip \d+/,
    );
    expect(r.figures).toEqual({ 'inputs seen': 2000 });
  });

  it('repeats from its seed, differs with another, and runs any input alone as it ran in the whole run', () => {
    const a: number[] = [];
    const b: number[] = [];
    const c: number[] = [];
    fuzzLoop(42, 50, spec(a));
    fuzzLoop(42, 50, spec(b));
    fuzzLoop(43, 50, spec(c));
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    for (const i of [0, 17, 49]) {
      const one: number[] = [];
      const r = fuzzLoop(42, 1, spec(one), { start: i });
      expect(one).toEqual([a[i]]);
      expect(r.slowestInput).toBe(i);
    }
  });

  it('each input has its own stream: input i is made from inputSeed(seed, i)', () => {
    const got: number[] = [];
    fuzzLoop(9, 3, spec(got));
    expect(got).toEqual([0, 1, 2].map((i) => randomInt(mulberry32(inputSeed(9, i)), 1000)));
  });

  /**
   * A loop of `n` inputs on fake clocks: input i's k-th run costs costs[i][k] ms of wall clock
   * (1 ms otherwise) and cpu[i][k] ms of CPU time (the wall time otherwise).
   */
  function timed(n: number, costs: Record<number, number[]>, cpu: Record<number, number[]> = {}) {
    let t = 0;
    let c = 0;
    const runs: number[] = [];
    const r = fuzzLoop(
      1,
      n,
      {
        input: (_rnd, i) => i,
        check: (i) => {
          const k = runs.filter((x) => x === i).length;
          runs.push(i);
          const wall = costs[i]?.[k] ?? 1;
          t += wall;
          c += cpu[i]?.[k] ?? wall;
          return null;
        },
      },
      { now: () => t, cpu: () => c, budgetMs: 100 },
    );
    return { r, runs: (i: number) => runs.filter((x) => x === i).length };
  }

  it('times a slow input again and keeps its fastest run, so a pause does not fail it', () => {
    const paused = timed(8, { 3: [150, 5, 5] });
    expect(paused.r).toMatchObject({ slowestMs: 5, slowestInput: 3, slowestWallMs: 5, slowestCpuMs: 5 });
    expect([paused.runs(3), paused.runs(1)]).toEqual([2, 1]);
  });

  it('reports an input slow every time with its number, after three runs', () => {
    const slow = timed(8, { 3: [150, 5, 5], 6: [150, 120, 130] });
    expect(slow.r).toMatchObject({ slowestMs: 120, slowestInput: 6, slowestWallMs: 120, slowestCpuMs: 120 });
    expect(slow.runs(6)).toBe(3);
  });

  it('times the re-runs by CPU time too: preempted (slow by the wall clock, not by CPU) passes', () => {
    // Another process holds the core: 140 ms pass on the wall clock, 30 ms of them this process's.
    const preempted = timed(8, { 5: [150, 140, 160] }, { 5: [150, 30, 35] });
    expect(preempted.r).toMatchObject({ slowestMs: 30, slowestInput: 5, slowestWallMs: 140, slowestCpuMs: 30 });
    expect(preempted.runs(5)).toBe(2);
  });

  it('fails an input slow by both clocks, and keeps the wall clock when CPU time is the larger', () => {
    // Work that really costs 120 ms: slow by both clocks, every time.
    const busy = timed(4, { 2: [150, 125, 130] }, { 2: [150, 121, 120] });
    expect(busy.r).toMatchObject({ slowestMs: 120, slowestInput: 2, slowestWallMs: 125, slowestCpuMs: 120 });
    // Parallel GC threads can add CPU time beyond the wall clock's: the wall clock then counts.
    const parallel = timed(4, { 1: [150, 110, 115] }, { 1: [150, 180, 190] });
    expect(parallel.r).toMatchObject({ slowestMs: 110, slowestWallMs: 110, slowestCpuMs: 180 });
  });

  it('reads the CPU clock only for re-runs, and reports no CPU time when nothing was re-run', () => {
    let reads = 0;
    const r = fuzzLoop(1, 5, { input: (_rnd, i) => i, check: () => null }, { cpu: () => ++reads });
    expect(reads).toBe(0);
    expect(r.slowestWallMs).toBeUndefined();
    expect(r.slowestCpuMs).toBeUndefined();
    // A re-timed input followed by a slower one that was not re-run: the figures go with the slowest.
    const later = timed(6, { 1: [150, 20, 20], 4: [60] });
    expect(later.r).toMatchObject({ slowestMs: 60, slowestInput: 4 });
    expect(later.r.slowestCpuMs).toBeUndefined();
  });

  it('counts a throwing input generator and a setup that finds or throws, before input 0', () => {
    const r = fuzzLoop(1, 3, {
      setup: () => [{ kind: 'mismatch', what: 'seed 2 does not read back' }],
      input: (_rnd, i) => {
        if (i === 1) throw new Error('no input');
        return i;
      },
      check: () => null,
    });
    expect(r).toMatchObject({ inputs: 3, exceptions: 1, mismatches: 1 });
    expect(r.failures).toEqual([
      { input: -1, what: 'seed 2 does not read back' },
      { input: 1, what: 'exception making the input: Error: no input' },
    ]);
    const s = fuzzLoop(1, 1, {
      setup: () => {
        throw new TypeError('bad corpus');
      },
      input: () => 0,
      check: () => null,
    });
    expect(s.exceptions).toBe(1);
    expect(s.failures[0]).toEqual({ input: -1, what: 'exception in the setup: TypeError: bad corpus' });
  });

  it('throws nothing, whatever the check throws (not only Errors)', () => {
    const r = fuzzLoop(1, 4, {
      input: (_rnd, i) => i,
      check: (i) => {
        if (i === 0) throw 'a string';
        if (i === 1) throw null;
        if (i === 2) throw { code: 7 };
        return null;
      },
    });
    expect(r.exceptions).toBe(3);
    expect(r.failures.map((f) => f.what)).toEqual([
      'exception: a string',
      'exception: null',
      'exception: [object Object]',
    ]);
  });
});
