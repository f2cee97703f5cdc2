/**
 * The shape every fuzzer returns (issue 19), and the registry's entries. A fuzzer is a pure,
 * seeded function `(seed, n) → FuzzResult`: the same seed and count give the same inputs, so any
 * failure can be run again.
 */

/** An input over this many milliseconds fails the run (measured per input, never in a test). */
export const INPUT_BUDGET_MS = 100;

/** One thing that went wrong, with the input's number (−1: before the inputs, e.g. a seed corpus). */
export interface FuzzFailure {
  input: number;
  what: string;
}

export interface FuzzResult {
  seed: number;
  /** Inputs run. */
  inputs: number;
  /** Exceptions, caught or not: any throw out of the code under test. */
  exceptions: number;
  /** Diagnostics, offsets or byte ranges outside the input. */
  outside: number;
  /** Round trips that did not give back what went in, and other disagreements. */
  mismatches: number;
  /**
   * The slowest input, in ms: its wall-clock time, or — when it went over the budget and was
   * run again — the least of the re-runs' wall-clock and CPU times (harness.ts, README: Timing).
   */
  slowestMs: number;
  /** When the slowest input was run again: its fastest wall-clock time over all its runs… */
  slowestWallMs?: number;
  /** …and its least process CPU time over the re-runs. */
  slowestCpuMs?: number;
  /** Its number, to run it again. */
  slowestInput?: number;
  /** The first few failures (at most MAX_FAILURES). */
  failures: FuzzFailure[];
  /** What the inputs did, for the table: packets read, diagnostics, messages… */
  figures?: Record<string, number>;
}

/** Failures kept per fuzzer: enough to reproduce, never the whole run. */
export const MAX_FAILURES = 10;

/**
 * Decoders and parsers take 10⁶ inputs in a full run, pipelines 10⁵ (issue 19): a pipeline input
 * runs a whole kernel path and costs more.
 */
export type FuzzerKind = 'decoder' | 'parser' | 'pipeline';

export const DEFAULT_INPUTS: Record<FuzzerKind, number> = {
  decoder: 1_000_000,
  parser: 1_000_000,
  pipeline: 100_000,
};

/** A fuzzer as the runner knows it. */
export interface FuzzerEntry {
  /** Short, kebab-case: `pcap`, `netlink`, `url-fragment`… (`--only NAME`). */
  name: string;
  /** One line: what it feeds to what, and what it checks. */
  what: string;
  kind: FuzzerKind;
  /** Inputs in a full run (default DEFAULT_INPUTS[kind]). */
  inputs?: number;
  /**
   * Runs inputs `start` … `start + n − 1` of `seed`. Fuzzers built on `fuzzLoop` derive each
   * input from (seed, index), so one input runs alone (`--input I`); a fuzzer with one random
   * stream leaves `startable` unset and is re-run from its first input.
   */
  run: (seed: number, n: number, start?: number) => FuzzResult;
  startable?: boolean;
}
