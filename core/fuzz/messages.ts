/**
 * Every sentence the fuzz runner prints, in one table: a stable code plus values, rendered to
 * English here (and, later, from the ICU catalogs).
 */
export type FuzzMessageCode =
  | 'usage'
  | 'unknown-option'
  | 'unexpected-argument'
  | 'missing-value'
  | 'no-value'
  | 'bad-option'
  | 'bad-number'
  | 'number-range'
  | 'unknown-fuzzer'
  | 'input-not-startable'
  | 'starting'
  | 'result-malformed'
  | 'result-inputs'
  | 'fuzzer-threw'
  | 'slow-input'
  | 'slow-input-retimed'
  | 'retimed'
  | 'failure'
  | 'reproduce'
  | 'figures'
  | 'summary';

export type FuzzMessageValues = Record<string, string | number>;

const n = (v: string | number | undefined): string =>
  typeof v === 'number' ? v.toLocaleString('en-US', { maximumFractionDigits: 1 }) : String(v ?? '');

const TEXT: Record<FuzzMessageCode, (v: FuzzMessageValues) => string> = {
  usage: (v) =>
    [
      'usage: npm run fuzz -- [--scale F] [--only NAME[,NAME…]] [--seed S] [--n N] [--input I] [--json] [--list]',
      "  --scale F   run F × each fuzzer's full count (0 < F ≤ 10; 0.01 is the run in npm test)",
      '  --only      run these fuzzers only (repeatable)',
      `  --seed S    the run's seed, 0 … 4,294,967,295 (default ${v.seed})`,
      '  --n N       run exactly N inputs per fuzzer (1 … 100,000,000)',
      '  --input I   run input I alone (of the seed), to reproduce a failure',
      '  --json      print the results as JSON',
      '  --list      list the fuzzers and their full counts',
      `fuzzers: ${v.names}`,
    ].join('\n'),
  'unknown-option': (v) => `unknown option ${v.option} (see --help)`,
  'unexpected-argument': (v) => `unexpected argument "${v.value}": every option starts with -- (see --help)`,
  'missing-value': (v) => `${v.option} needs a value (see --help)`,
  'no-value': (v) => `${v.option} takes no value (see --help)`,
  'bad-option': (v) => `${v.detail} (see --help)`,
  'bad-number': (v) => `${v.option} takes ${v.expected}, not "${v.value}"`,
  'number-range': (v) => `${v.option} is ${v.value}: it must be from ${n(v.min)} to ${n(v.max)}`,
  'unknown-fuzzer': (v) => `no fuzzer named "${v.name}"; the fuzzers are: ${v.names}`,
  'input-not-startable': (v) =>
    `${v.name} cannot run one input alone (one random stream); run it from the start: npm run fuzz -- --only ${v.name} --seed ${v.seed} --n ${v.count}`,
  starting: (v) => `fuzz: ${v.name}: ${n(v.inputs)} input${v.inputs === 1 ? '' : 's'}, seed ${v.seed}…`,
  'result-malformed': (v) => `the fuzzer returned no result of the expected shape (${v.field})`,
  'result-inputs': (v) => `the fuzzer ran ${n(v.got)} inputs, not ${n(v.want)}`,
  'fuzzer-threw': (v) => `the fuzzer itself threw: ${v.error}`,
  'slow-input': (v) => `input #${v.input} took ${n(v.ms)} ms, over the ${v.budget} ms budget`,
  'slow-input-retimed': (v) =>
    `input #${v.input} took ${n(v.ms)} ms, over the ${v.budget} ms budget (run three times: fastest ${n(v.wall)} ms by the wall clock, ${n(v.cpu)} ms of CPU time on the re-runs)`,
  retimed: (v) =>
    `${v.name}: slowest input #${v.input} was timed again: fastest ${n(v.wall)} ms by the wall clock, ${n(v.cpu)} ms of CPU time`,
  failure: (v) => (Number(v.input) < 0 ? `before the inputs: ${v.what}` : `input #${v.input}: ${v.what}`),
  reproduce: (v) => `reproduce: ${v.command}`,
  figures: (v) => `${v.name}: ${v.list}`,
  summary: (v) => `${v.passed} passed, ${v.failed} failed`,
};

export function fuzzMessage(code: FuzzMessageCode, values: FuzzMessageValues = {}): string {
  return TEXT[code](values);
}

/** The columns of the runner's table. */
export const COLUMNS = [
  'fuzzer',
  'kind',
  'inputs',
  'exceptions',
  'outside',
  'mismatches',
  'slowest ms',
  'slowest #',
  'time s',
  'result',
] as const;

export const VERDICT = { passed: 'ok', failed: 'FAILED' } as const;
