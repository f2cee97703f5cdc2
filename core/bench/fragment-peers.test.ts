/**
 * The fragmentation benchmark's parts that can be checked without timing anything meaningful:
 * what fragment-timing.ts measures (the inputs, their fragment counts, stats of the right shape)
 * and how fragment-peers.ts puts the figures side by side (medians over rounds, ratios, a missing
 * peer shown as "—"). No assertion is about speed.
 */
import { describe, expect, it } from 'vitest';
import { casesTable, growthTable, median, scapyAnswer, type ScapyCase } from './fragment-peers.ts';
import {
  CASES,
  GROWTH,
  timeCase,
  timeGrowth,
  timeStats,
  wireFragments,
  type CaseTiming,
} from './fragment-timing.ts';

const QUICK = { warmMs: 0, sampleMs: 0 };

describe('fragment-timing', () => {
  it('cuts each input into the fragments the issue names', () => {
    expect(CASES.map((c) => wireFragments(c.size, c.mtu).length)).toEqual([1365, 3, 55, 45]);
    expect(GROWTH.map((n) => wireFragments(Math.min(65507, n * 48 - 8), 68).length)).toEqual([...GROWTH]);
  });

  it('times each function at least three times to warm it, then once a sample', () => {
    let calls = 0;
    const s = timeStats(() => calls++, 5, QUICK);
    expect(calls).toBe(3 + 5);
    expect(s.min).toBeLessThanOrEqual(s.med);
    expect(s.min).toBeGreaterThanOrEqual(0);
    // Node has process.cpuUsage: the CPU column is filled.
    expect(Number.isFinite(s.cpu)).toBe(true);
  });

  it('returns one input’s three timings, and the growth’s two', () => {
    const c = timeCase(1, QUICK);
    expect(c).toMatchObject({ size: 4000, mtu: 1500, fragments: 3 });
    for (const s of [c.wire, c.send, c.read, c.reassemble]) expect(s.med).toBeGreaterThan(0);
    const g = timeGrowth(0, QUICK);
    expect(g.fragments).toBe(10);
    expect(g.reassemble.med).toBeGreaterThan(0);
    expect(() => timeCase(CASES.length, QUICK)).toThrow(/no case/);
  });
});

const stats = (med: number, min = med) => ({ med, min, cpu: NaN });
const ours = (ms: number): CaseTiming[] =>
    CASES.map((c) => ({
    ...c,
    fragments: 1,
    wire: stats(ms / 4),
    send: stats(ms),
    read: stats(2 * ms),
    reassemble: stats(ms / 2),
  }));
const theirs = (ms: number): ScapyCase[] =>
  CASES.map((c) => ({
    case: `${c.size}:${c.mtu}`,
    fragments: 1,
    fragment_ms: ms,
    fragment_min_ms: ms / 2,
    defragment_ms: ms,
    defragment_min_ms: ms,
  }));

describe('fragment-peers tables', () => {
  it('takes the median over rounds and the fastest of the fastest, and divides', () => {
    const lines = casesTable([ours(1), ours(3), ours(2)], [theirs(200), theirs(100), theirs(300)]);
    expect(lines).toHaveLength(2 + CASES.length);
    const row = lines[2] as string;
    // To the wire: median 0.5 ms (fastest 0.25); scapy fragment() median 200 ms (fastest 50): 400× (200×).
    // ipSend: 2 ms (1) → 100× (50×) to fragment(); to fragment() + defragment(), summed a round
    // (400, 200, 600 ms; fastest 150, 300, 450): 200× (150×). With read: 4 ms (2) → 50× (25×).
    // reassemble: 1 ms (0.5) against defragment() 200 ms (100): 200× (200×).
    expect(row).toBe(
      '| 65,507 B / MTU 68 | 1 | 500 µs (250 µs) | 200.00 ms (50.00 ms) | 400× faster (200×) | 2.00 ms (1.00 ms) | 100× faster (50×) | 200× faster (150×) | 4.00 ms (2.00 ms) | 50× faster (25×) | 1.00 ms (500 µs) | 200.00 ms (100.00 ms) | 200× faster (200×) |',
    );
  });

  it('leaves the ratios empty when the peer is missing', () => {
    const row = casesTable([ours(1)], [])[2] as string;
    expect(row).toContain('| — (—) | — (—) |');
    expect(row).not.toContain('faster');
  });

  it('gives the time per fragment in the growth table, and no CPU where the runtime has none', () => {
    const [row] = growthTable([{ fragments: 100, send: stats(0.2, 0.1), reassemble: stats(0.05) }]).slice(2);
    expect(row).toBe(
      '| 100 | 200 µs (100 µs) | 1.0 µs (2.0 µs) | — | 50.0 µs (50.0 µs) | 0.5 µs (0.5 µs) | — |',
    );
  });

  it('median ignores what is not a number, and takes the mean of the middle two of an even count', () => {
    expect(median([3, NaN, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it("reads scapy's answer, or says why it cannot", () => {
    const ok = scapyAnswer(JSON.stringify({ version: '2.5.0', cases: theirs(1) }));
    expect(ok).toMatchObject({ version: '2.5.0', cases: theirs(1) });
    expect(scapyAnswer('Traceback (most recent call last)')).toMatch(/^scapy printed no JSON: Traceback/);
    expect(scapyAnswer('{"cases": [{"fragment_ms": "1"}]}')).toBe('scapy printed JSON of another shape');
    expect(scapyAnswer('null')).toBe('scapy printed JSON of another shape');
    expect(scapyAnswer(JSON.stringify({ version: '2.5.0', cases: theirs(1).slice(1) }))).toBe(
      `scapy timed ${CASES.length - 1} inputs, not ${CASES.length}`,
    );
  });
});
