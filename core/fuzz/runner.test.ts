import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fuzzLoop } from './harness.ts';
import { FUZZERS } from './registry.ts';
import {
  DEFAULT_SEED,
  formatFuzzReport,
  fuzzReportJson,
  parseFuzzArgs,
  planFuzz,
  reproduceCommand,
  runPlanned,
} from './runner.ts';
import type { FuzzOptions } from './runner.ts';
import type { FuzzResult, FuzzerEntry } from './types.ts';

const clean = (seed: number, n: number): FuzzResult => ({
  seed,
  inputs: n,
  exceptions: 0,
  outside: 0,
  mismatches: 0,
  slowestMs: 3,
  slowestInput: 0,
  failures: [],
});

const entry = (over: Partial<FuzzerEntry>): FuzzerEntry => ({
  name: 'fake',
  what: 'a fake fuzzer',
  kind: 'decoder',
  run: clean,
  ...over,
});

const options = (over: Partial<FuzzOptions> = {}): FuzzOptions => ({
  scale: 1,
  only: [],
  seed: DEFAULT_SEED,
  json: false,
  list: false,
  help: false,
  ...over,
});

const parsed = (argv: string[]) => {
  const p = parseFuzzArgs(argv);
  return p.ok ? p.value : p.message;
};

describe('parseFuzzArgs', () => {
  it('defaults, and every option', () => {
    expect(parsed([])).toEqual(options());
    expect(
      parsed([
        '--scale',
        '0.01',
        '--only',
        'pcap,netlink',
        '--only',
        'url',
        '--seed',
        '77',
        '--n',
        '5',
        '--json',
      ]),
    ).toEqual(options({ scale: 0.01, only: ['pcap', 'netlink', 'url'], seed: 77, n: 5, json: true }));
    expect(parsed(['--scale=1e-3', '--input', '123456'])).toEqual(options({ scale: 0.001, input: 123456 }));
    expect(parsed(['--seed', '4294967295'])).toMatchObject({ seed: 4294967295 });
    // A value with one dash is the option's value (planFuzz then names the unknown fuzzer).
    expect(parsed(['--only', '-x', '--json'])).toMatchObject({ only: ['-x'], json: true });
  });

  it.each([
    [['--bogus', '1'], 'unknown option --bogus'],
    [['stray'], 'unexpected argument "stray": every option starts with --'],
    [['--scale', '.5', 'extra'], 'unexpected argument "extra"'],
    [['--json=1'], '--json takes no value'],
    [['--only'], '--only needs a value'],
    [['--seed', '-5'], '--seed takes a whole number, not "-5"'],
    [[`--${'x'.repeat(100)}`], `unknown option --${'x'.repeat(38)}…`],
    [['--scale'], '--scale needs a value'],
    [['--scale', '0'], '--scale is 0: it must be from 0 to 10'],
    [['--scale', '11'], '--scale is 11: it must be from 0 to 10'],
    [['--scale', 'abc'], '--scale takes a number, not "abc"'],
    [['--scale', 'Infinity'], '--scale takes a number, not "Infinity"'],
    [['--scale', '1'.repeat(400)], `--scale takes a number, not "${'1'.repeat(40)}…"`],
    [['--scale', '1'.repeat(300)], `--scale is ${'1'.repeat(40)}…: it must be from 0 to 10`],
    [['--seed', '1.5'], '--seed takes a whole number, not "1.5"'],
    [['--seed', '4294967296'], '--seed is 4294967296: it must be from 0 to 4,294,967,295'],
    [['--seed', '0x10'], '--seed takes a whole number'],
    [['--n', '0'], '--n is 0: it must be from 1 to 100,000,000'],
    [['--n', '100000001'], 'it must be from 1 to 100,000,000'],
    [['--input', '-1'], '--input takes a whole number, not "-1"'],
  ])('refuses %j: %s', (argv, message) => {
    const p = parseFuzzArgs(argv);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.message).toContain(message);
  });
});

describe('planFuzz', () => {
  const entries = [
    entry({ name: 'dec', kind: 'decoder' }),
    entry({ name: 'par', kind: 'parser' }),
    entry({ name: 'pipe', kind: 'pipeline', startable: true }),
    entry({ name: 'own', kind: 'pipeline', inputs: 2_000 }),
  ];
  const plan = (o: Partial<FuzzOptions>) => {
    const p = planFuzz(entries, options(o));
    return p.ok ? p.value.map((r) => [r.entry.name, r.n, r.start]) : p.message;
  };

  it('10⁶ inputs per decoder and parser, 10⁵ per pipeline, or the entry’s own count; scaled, at least 1', () => {
    expect(plan({})).toEqual([
      ['dec', 1_000_000, 0],
      ['par', 1_000_000, 0],
      ['pipe', 100_000, 0],
      ['own', 2_000, 0],
    ]);
    expect(plan({ scale: 0.01 })).toEqual([
      ['dec', 10_000, 0],
      ['par', 10_000, 0],
      ['pipe', 1_000, 0],
      ['own', 20, 0],
    ]);
    expect(plan({ scale: 1e-9 })).toEqual([
      ['dec', 1, 0],
      ['par', 1, 0],
      ['pipe', 1, 0],
      ['own', 1, 0],
    ]);
    expect(plan({ n: 7, scale: 0.5 })).toEqual([
      ['dec', 7, 0],
      ['par', 7, 0],
      ['pipe', 7, 0],
      ['own', 7, 0],
    ]);
  });

  it('--only keeps the registry’s order and names an unknown fuzzer', () => {
    expect(plan({ only: ['own', 'dec'], scale: 0.001 })).toEqual([
      ['dec', 1_000, 0],
      ['own', 2, 0],
    ]);
    expect(plan({ only: ['dec', 'nope'] })).toBe(
      'no fuzzer named "nope"; the fuzzers are: dec, par, pipe, own',
    );
  });

  it('--input runs one input of a fuzzer that can start anywhere, and says how to run the others', () => {
    expect(plan({ only: ['pipe'], input: 4_242 })).toEqual([['pipe', 1, 4_242]]);
    expect(plan({ only: ['own'], input: 9, seed: 3 })).toBe(
      'own cannot run one input alone (one random stream); run it from the start: npm run fuzz -- --only own --seed 3 --n 10',
    );
  });
});

describe('runPlanned', () => {
  const run = (e: FuzzerEntry, n = 100, start = 0) => runPlanned({ entry: e, n, start }, 5, () => 0);

  it('passes a clean result, and calls the fuzzer with the seed, the count and the start', () => {
    const calls: unknown[][] = [];
    const r = run(
      entry({
        startable: true,
        run: (...a: [number, number, number?]) => {
          calls.push(a);
          return clean(a[0], a[1]);
        },
      }),
      1,
      12,
    );
    expect(r).toMatchObject({ passed: true, problems: [], reproduce: [] });
    expect(calls).toEqual([[5, 1, 12]]);
  });

  it.each([
    ['an exception', { exceptions: 1, failures: [{ input: 17, what: 'exception: RangeError: x' }] }],
    ['a finding outside the input', { outside: 2, failures: [{ input: 17, what: 'offset -4 outside 36' }] }],
    ['a mismatch', { mismatches: 1, failures: [{ input: 17, what: '80 bytes, not 64' }] }],
  ])('fails %s and tells how to run that input again', (_name, over) => {
    const r = run(entry({ startable: true, run: (s, n) => ({ ...clean(s, n), ...over }) }));
    expect(r.passed).toBe(false);
    expect(r.problems).toEqual([`input #17: ${over.failures[0]?.what}`]);
    expect(r.reproduce).toEqual([{ input: 17, command: 'npm run fuzz -- --only fake --seed 5 --input 17' }]);
  });

  it('fails an input over 100 ms, naming it; a fuzzer with one stream is re-run up to it', () => {
    const r = run(entry({ run: (s, n) => ({ ...clean(s, n), slowestMs: 140.26, slowestInput: 99 }) }));
    expect(r.passed).toBe(false);
    expect(r.problems).toEqual(['input #99 took 140.3 ms, over the 100 ms budget']);
    expect(r.reproduce).toEqual([{ input: 99, command: 'npm run fuzz -- --only fake --seed 5 --n 100' }]);
    expect(run(entry({ run: (s, n) => ({ ...clean(s, n), slowestMs: 100 }) })).passed).toBe(true);
  });

  it('gives both clocks of a re-timed slow input, in the problem and under the table', () => {
    const retimed = { slowestMs: 120.4, slowestInput: 7, slowestWallMs: 131.2, slowestCpuMs: 120.4 };
    const r = run(entry({ startable: true, run: (s, n) => ({ ...clean(s, n), ...retimed }) }));
    expect(r.problems).toEqual([
      'input #7 took 120.4 ms, over the 100 ms budget (run three times: fastest 131.2 ms by the wall clock, 120.4 ms of CPU time on the re-runs)',
    ]);
    const ok = run(
      entry({ startable: true, run: (s, n) => ({ ...clean(s, n), ...retimed, slowestMs: 31, slowestCpuMs: 31 }) }),
    );
    expect(ok.passed).toBe(true);
    expect(formatFuzzReport([ok])).toContain(
      'fake: slowest input #7 was timed again: fastest 131.2 ms by the wall clock, 31 ms of CPU time',
    );
  });

  it('fails counts with no failure kept, a short run, a malformed result and a fuzzer that throws', () => {
    expect(run(entry({ run: (s, n) => ({ ...clean(s, n), exceptions: 3 }) })).problems).toEqual([
      'before the inputs: 3 exceptions, out-of-input findings or mismatches, none kept',
    ]);
    expect(run(entry({ run: (s) => clean(s, 99) })).problems).toEqual(['the fuzzer ran 99 inputs, not 100']);
    for (const bad of [
      null,
      42,
      {},
      { ...clean(1, 100), slowestMs: NaN },
      { ...clean(1, 100), failures: 'none' },
    ])
      expect(run(entry({ run: () => bad as unknown as FuzzResult })).problems[0]).toMatch(
        /^the fuzzer returned no result of the expected shape/,
      );
    const threw = run(
      entry({
        run: () => {
          throw new Error('boom');
        },
      }),
    );
    expect(threw).toMatchObject({ passed: false, problems: ['the fuzzer itself threw: boom'] });
  });

  it('a real loop’s failures come with their commands', () => {
    const looped = entry({
      name: 'odd',
      startable: true,
      run: (seed, n, start) =>
        fuzzLoop(
          seed,
          n,
          { input: (_r, i) => i, check: (i) => (i === 3 ? { kind: 'mismatch', what: 'three' } : null) },
          { start },
        ),
    });
    const r = run(looped, 5);
    expect(r.problems).toEqual(['input #3: three']);
    expect(r.reproduce[0]?.command).toBe(reproduceCommand(looped, 5, 3));
    expect(run(looped, 1, 3).problems).toEqual(['input #3: three']);
  });
});

describe('formatFuzzReport', () => {
  it('a table, the figures, each failure with its command, and N passed, M failed', () => {
    const ok = runPlanned(
      {
        entry: entry({ name: 'good', run: (s, n) => ({ ...clean(s, n), figures: { packets: 1234 } }) }),
        n: 10,
        start: 0,
      },
      1,
    );
    const bad = runPlanned(
      {
        entry: entry({
          name: 'bad',
          startable: true,
          run: (s, n) => ({
            ...clean(s, n),
            outside: 1,
            failures: [{ input: 4, what: 'offset 99 outside 36' }],
          }),
        }),
        n: 10,
        start: 0,
      },
      1,
    );
    const text = formatFuzzReport([ok, bad]);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(
      /^fuzzer\s+kind\s+inputs\s+exceptions\s+outside\s+mismatches\s+slowest ms\s+slowest #\s+time s\s+result$/,
    );
    expect(lines[2]).toMatch(/^good\s+decoder\s+10\s+0\s+0\s+0\s+3\.0\s+0\s+0\.0\s+ok$/);
    expect(lines[3]).toMatch(/^bad\s+decoder\s+10\s+0\s+1\s+0\s+3\.0\s+0\s+0\.0\s+FAILED$/);
    expect(text).toContain('good: 1,234 packets');
    expect(text).toContain(
      'bad: FAILED\n  input #4: offset 99 outside 36\n  reproduce: npm run fuzz -- --only bad --seed 1 --input 4',
    );
    expect(lines.at(-1)).toBe('1 passed, 1 failed');
    expect(JSON.parse(fuzzReportJson([ok, bad], 1))).toMatchObject({ seed: 1, passed: 1, failed: 1 });
  });
});

describe('the registry', () => {
  it('names each fuzzer once, in kebab-case, with a line saying what it does', () => {
    const names = FUZZERS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const f of FUZZERS) {
      expect(f.name).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(f.what.length).toBeGreaterThan(20);
    }
    expect(names).toContain('pcap');
  });

  it.each(FUZZERS.filter((f) => f.startable).map((f) => [f.name, f] as const))(
    '%s runs clean on a few inputs and runs one input alone',
    (_name, f) => {
      const r = runPlanned({ entry: f, n: 20, start: 0 }, 3);
      expect(r.problems).toEqual([]);
      expect(f.run(3, 1, 7).slowestInput).toBe(7);
    },
  );
});

describe('npm run fuzz', () => {
  const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
  const fuzz = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8', timeout: 60_000 });

  it('prints its table and the summary, exit 0; a bad option exits 2 with one line', () => {
    const ok = fuzz(['--only', 'pcap', '--n', '30', '--seed', '4']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^pcap\s+decoder\s+30\s+0\s+0\s+0\s/m);
    expect(ok.stdout.trim().split('\n').at(-1)).toBe('1 passed, 0 failed');
    expect(ok.stderr).toContain('fuzz: pcap: 30 inputs, seed 4…');
    const bad = fuzz(['--bogus']);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe('unknown option --bogus (see --help)');
    expect(
      execFileSync(process.execPath, ['--import', 'tsx', cli, '--help'], { encoding: 'utf8' }),
    ).toContain('usage: npm run fuzz');
  });
});
