/**
 * The loop every fuzzer shares: make input i from its own seeded stream, check it, count what must
 * never happen (an exception, something outside the input, a mismatch), time it, keep the first
 * few failures. An input over the budget by the wall clock is run twice more, timed by the wall
 * clock and by the process's CPU time (process.cpuUsage); its time is the least of those, so a
 * garbage collection or a busy machine (another process holding the core: the wall clock runs,
 * this process's CPU time does not) does not fail the run — only an input that costs the budget
 * in work does. Both figures of the slowest input are reported (README: Timing).
 */
import { inputSeed, mulberry32 } from './random.ts';
import type { Random } from './random.ts';
import { INPUT_BUDGET_MS, MAX_FAILURES } from './types.ts';
import type { FuzzResult } from './types.ts';

/** What a check found wrong with one input. */
export interface FuzzFinding {
  kind: 'outside' | 'mismatch';
  what: string;
}

export interface FuzzSpec<T> {
  /** Checks made once, before the inputs (a seed corpus reading back…). */
  setup?: () => FuzzFinding[];
  /** Input `index`, made from its own stream `rnd`. */
  input: (rnd: Random, index: number) => T;
  /**
   * Runs the code under test on one input; returns what went wrong, or null. It may draw from
   * `rnd` (chunk sizes…) and add to `figures`. Anything it throws counts as an exception.
   */
  check: (input: T, rnd: Random, figures: Record<string, number>) => FuzzFinding | null;
}

export interface FuzzLoopOptions {
  /** The first input's number (default 0): `start` with n = 1 runs one input alone. */
  start?: number;
  /** Inputs over this are timed again (default INPUT_BUDGET_MS). */
  budgetMs?: number;
  /** The clock, in ms (tests give a fake one). */
  now?: () => number;
  /** The process's CPU time (user + system), in ms, for the re-runs (tests give a fake one). */
  cpu?: () => number;
}

/** process.cpuUsage() in ms: the CPU this process used, whatever else the machine runs. */
export function processCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

const message = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

export function fuzzLoop<T>(
  seed: number,
  n: number,
  spec: FuzzSpec<T>,
  opts: FuzzLoopOptions = {},
): FuzzResult {
  const start = opts.start ?? 0;
  const budget = opts.budgetMs ?? INPUT_BUDGET_MS;
  const now = opts.now ?? (() => performance.now());
  const cpu = opts.cpu ?? processCpuMs;
  const figures: Record<string, number> = {};
  const r: FuzzResult = {
    seed,
    inputs: 0,
    exceptions: 0,
    outside: 0,
    mismatches: 0,
    slowestMs: 0,
    failures: [],
    figures,
  };
  const fail = (input: number, what: string) => {
    if (r.failures.length < MAX_FAILURES) r.failures.push({ input, what });
  };
  const found = (input: number, f: FuzzFinding) => {
    if (f.kind === 'outside') r.outside++;
    else r.mismatches++;
    fail(input, f.what);
  };

  try {
    for (const f of spec.setup?.() ?? []) found(-1, f);
  } catch (e) {
    r.exceptions++;
    fail(-1, `exception in the setup: ${message(e)}`);
  }

  /**
   * Run input i once: its finding, the exception it threw, and its time by the wall clock (and by
   * the process's CPU time when `withCpu`: the re-runs only, the first run reads one clock).
   */
  const once = (i: number, into: Record<string, number>, withCpu: boolean) => {
    const rnd = mulberry32(inputSeed(seed, i));
    let input: T;
    try {
      input = spec.input(rnd, i);
    } catch (e) {
      return { threw: `exception making the input: ${message(e)}`, ms: 0, cpuMs: 0, finding: null };
    }
    const c0 = withCpu ? cpu() : 0;
    const t0 = now();
    let threw: string | null = null;
    let finding: FuzzFinding | null = null;
    try {
      finding = spec.check(input, rnd, into);
    } catch (e) {
      threw = `exception: ${message(e)}`;
    }
    const ms = now() - t0;
    return { threw, ms, cpuMs: withCpu ? cpu() - c0 : NaN, finding };
  };

  for (let i = start; i < start + n; i++) {
    const first = once(i, figures, false);
    let ms = first.ms;
    let wallMs = first.ms;
    let cpuMs = NaN;
    // A slow input is timed again (twice at most), by both clocks: its time is the least of the
    // re-runs' wall and CPU times — it is slow only when it is slow by both, every time.
    for (let again = 0; again < 2 && ms > budget && !first.threw; again++) {
      const re = once(i, {}, true);
      wallMs = Math.min(wallMs, re.ms);
      cpuMs = Number.isNaN(cpuMs) ? re.cpuMs : Math.min(cpuMs, re.cpuMs);
      ms = Math.min(wallMs, cpuMs);
    }
    if (first.threw) {
      r.exceptions++;
      fail(i, first.threw);
    } else if (first.finding) found(i, first.finding);
    if (ms > r.slowestMs || r.slowestInput === undefined) {
      r.slowestMs = Math.max(r.slowestMs, ms);
      r.slowestInput = i;
      if (Number.isNaN(cpuMs)) {
        delete r.slowestWallMs;
        delete r.slowestCpuMs;
      } else {
        r.slowestWallMs = wallMs;
        r.slowestCpuMs = cpuMs;
      }
    }
    r.inputs++;
  }
  return r;
}

/** Adds `k` to figure `name`. */
export function count(figures: Record<string, number>, name: string, k = 1): void {
  figures[name] = (figures[name] ?? 0) + k;
}
