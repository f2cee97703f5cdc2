/** The fuzz runner's face: the loop fuzzers share, their seeded randomness, the registry and the runner. */
export { fuzzLoop, count, type FuzzSpec, type FuzzFinding, type FuzzLoopOptions } from './harness.ts';
export { mulberry32, inputSeed, randomInt, randomBytes, pick, type Random } from './random.ts';
export {
  INPUT_BUDGET_MS,
  MAX_FAILURES,
  DEFAULT_INPUTS,
  type FuzzResult,
  type FuzzFailure,
  type FuzzerEntry,
  type FuzzerKind,
} from './types.ts';
export { FUZZERS } from './registry.ts';
export {
  parseFuzzArgs,
  planFuzz,
  runPlanned,
  formatFuzzReport,
  fuzzReportJson,
  reproduceCommand,
  fullCount,
  DEFAULT_SEED,
  MAX_SCALE,
  MAX_INPUTS,
  type FuzzOptions,
  type FuzzReport,
  type PlannedRun,
} from './runner.ts';
