/**
 * `npm run fuzz`: the options, the plan (which fuzzers, how many inputs, from which input), one
 * fuzzer's run judged, and the table. Pure but for the fuzzers' own clocks; cli.ts prints.
 */
import { parseArgs } from 'node:util';
import { COLUMNS, VERDICT, fuzzMessage } from './messages.ts';
import { DEFAULT_INPUTS, INPUT_BUDGET_MS } from './types.ts';
import type { FuzzResult, FuzzerEntry } from './types.ts';

export const DEFAULT_SEED = 1;
export const MAX_SCALE = 10;
/** Inputs per fuzzer at most (`--n`, and a full count × `--scale`). */
export const MAX_INPUTS = 100_000_000;
const MAX_SEED = 0xffffffff;
/** Characters of a bad value echoed back. */
export const MAX_ECHO = 40;

export interface FuzzOptions {
  scale: number;
  only: string[];
  seed: number;
  n?: number;
  input?: number;
  json: boolean;
  list: boolean;
  help: boolean;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Options that take a value. */
const VALUED = new Set(['--scale', '--only', '--seed', '--n', '--input']);

/** A bad value, echoed at most MAX_ECHO characters long. */
const echo = (text: string): string => (text.length > MAX_ECHO ? `${text.slice(0, MAX_ECHO)}…` : text);

const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const INTEGER = /^\d+$/;

function numberOption(
  option: string,
  text: string,
  min: number,
  max: number,
  integer: boolean,
  minExclusive = false,
): Parsed<number> {
  const ok = integer ? INTEGER.test(text) : NUMBER.test(text);
  const v = Number(text);
  const value = echo(text);
  if (!ok || !Number.isFinite(v))
    return {
      ok: false,
      message: fuzzMessage('bad-number', {
        option,
        value,
        expected: integer ? 'a whole number' : 'a number',
      }),
    };
  if (v > max || v < min || (minExclusive && v === min))
    return { ok: false, message: fuzzMessage('number-range', { option, value, min, max }) };
  return { ok: true, value: v };
}

/** The runner's options from its command-line arguments; strict: every token is known or named. */
export function parseFuzzArgs(argv: readonly string[]): Parsed<FuzzOptions> {
  let values: Record<string, string | string[] | boolean | undefined>;
  // `--seed -1`: a value that starts with one dash is the option's value (refused below as a
  // number), not an option of its own.
  const args = argv.map((a, i) =>
    i > 0 && /^-[^-]/.test(a) && VALUED.has(argv[i - 1] ?? '') ? `${argv[i - 1]}=${a}` : a,
  );
  const dropped = new Set(args.flatMap((a, i) => (a !== argv[i] ? [i - 1] : [])));
  try {
    ({ values } = parseArgs({
      args: args.filter((_, i) => !dropped.has(i)),
      strict: true,
      allowPositionals: false,
      options: {
        scale: { type: 'string' },
        only: { type: 'string', multiple: true },
        seed: { type: 'string' },
        n: { type: 'string' },
        input: { type: 'string' },
        json: { type: 'boolean' },
        list: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    const code = (e as { code?: string }).code;
    const text = e instanceof Error ? e.message : String(e);
    const option = /'([^']+)'/.exec(text)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      return { ok: false, message: fuzzMessage('unknown-option', { option: echo(option) }) };
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
      return { ok: false, message: fuzzMessage('unexpected-argument', { value: echo(option) }) };
    const name = option.split(' ')[0] ?? option;
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /argument missing/.test(text))
      return { ok: false, message: fuzzMessage('missing-value', { option: name }) };
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /does not take an argument/.test(text))
      return { ok: false, message: fuzzMessage('no-value', { option: name }) };
    return { ok: false, message: fuzzMessage('bad-option', { detail: text.split('.')[0] ?? text }) };
  }
  const options: FuzzOptions = {
    scale: 1,
    only: [],
    seed: DEFAULT_SEED,
    json: values.json === true,
    list: values.list === true,
    help: values.help === true,
  };
  const num = (name: string, min: number, max: number, integer: boolean, exclusive = false) => {
    const t = values[name];
    return typeof t === 'string' ? numberOption(`--${name}`, t, min, max, integer, exclusive) : null;
  };
  const scale = num('scale', 0, MAX_SCALE, false, true);
  const seed = num('seed', 0, MAX_SEED, true);
  const n = num('n', 1, MAX_INPUTS, true);
  const input = num('input', 0, MAX_INPUTS * 10, true);
  for (const p of [scale, seed, n, input]) if (p && !p.ok) return p;
  if (scale?.ok) options.scale = scale.value;
  if (seed?.ok) options.seed = seed.value;
  if (n?.ok) options.n = n.value;
  if (input?.ok) options.input = input.value;
  const only = values.only;
  if (Array.isArray(only)) options.only = only.flatMap((o) => o.split(',')).map((o) => o.trim());
  return { ok: true, value: options };
}

export interface PlannedRun {
  entry: FuzzerEntry;
  /** Inputs to run. */
  n: number;
  /** The first input's number. */
  start: number;
}

/** Inputs in a full run of `entry`. */
export const fullCount = (entry: FuzzerEntry): number => entry.inputs ?? DEFAULT_INPUTS[entry.kind];

/** Which fuzzers run, and how many inputs each, from the options. */
export function planFuzz(entries: readonly FuzzerEntry[], o: FuzzOptions): Parsed<PlannedRun[]> {
  const names = entries.map((e) => e.name).join(', ');
  for (const name of o.only)
    if (!entries.some((e) => e.name === name))
      return { ok: false, message: fuzzMessage('unknown-fuzzer', { name, names }) };
  const chosen = o.only.length ? entries.filter((e) => o.only.includes(e.name)) : [...entries];
  if (o.input !== undefined) {
    const fixed = chosen.find((e) => !e.startable);
    if (fixed)
      return {
        ok: false,
        message: fuzzMessage('input-not-startable', { name: fixed.name, seed: o.seed, count: o.input + 1 }),
      };
    return { ok: true, value: chosen.map((entry) => ({ entry, n: 1, start: o.input ?? 0 })) };
  }
  return {
    ok: true,
    value: chosen.map((entry) => ({
      entry,
      n: o.n ?? Math.min(MAX_INPUTS, Math.max(1, Math.round(fullCount(entry) * o.scale))),
      start: 0,
    })),
  };
}

export interface FuzzReport {
  name: string;
  kind: FuzzerEntry['kind'];
  seed: number;
  n: number;
  start: number;
  result: FuzzResult | null;
  elapsedMs: number;
  /** Why it failed (empty: it passed), each a line. */
  problems: string[];
  /** How to run each failure again. */
  reproduce: { input: number; command: string }[];
  passed: boolean;
}

const COUNTS = ['inputs', 'exceptions', 'outside', 'mismatches', 'slowestMs'] as const;

/** The result's shape, checked at run time: a fuzzer is code from another hand. */
function malformed(r: unknown): string | null {
  if (r === null || typeof r !== 'object') return 'not an object';
  const o = r as Record<string, unknown>;
  for (const k of COUNTS)
    if (typeof o[k] !== 'number' || !Number.isFinite(o[k]) || (o[k] as number) < 0) return k;
  if (!Array.isArray(o.failures)) return 'failures';
  return null;
}

/** The command that runs input `input` of `seed` again. */
export function reproduceCommand(entry: FuzzerEntry, seed: number, input: number): string {
  const base = `npm run fuzz -- --only ${entry.name} --seed ${seed}`;
  if (input >= 0 && entry.startable) return `${base} --input ${input}`;
  return `${base} --n ${Math.max(1, input + 1)}`;
}

/** Runs one planned fuzzer and judges it: any exception, anything outside, any mismatch or a slow input fails it. */
export function runPlanned(
  run: PlannedRun,
  seed: number,
  now: () => number = () => performance.now(),
): FuzzReport {
  const { entry, n, start } = run;
  const report: FuzzReport = {
    name: entry.name,
    kind: entry.kind,
    seed,
    n,
    start,
    result: null,
    elapsedMs: 0,
    problems: [],
    reproduce: [],
    passed: false,
  };
  const t0 = now();
  let raw: unknown;
  try {
    raw = start > 0 ? entry.run(seed, n, start) : entry.run(seed, n);
  } catch (e) {
    report.elapsedMs = now() - t0;
    report.problems.push(fuzzMessage('fuzzer-threw', { error: e instanceof Error ? e.message : String(e) }));
    return report;
  }
  report.elapsedMs = now() - t0;
  const bad = malformed(raw);
  if (bad) {
    report.problems.push(fuzzMessage('result-malformed', { field: bad }));
    return report;
  }
  const r = raw as FuzzResult;
  report.result = r;
  if (r.inputs !== n) report.problems.push(fuzzMessage('result-inputs', { got: r.inputs, want: n }));
  const seen = new Set<number>();
  const repro = (input: number) => {
    if (seen.has(input)) return;
    seen.add(input);
    report.reproduce.push({ input, command: reproduceCommand(entry, seed, input) });
  };
  for (const f of r.failures) {
    const input = typeof f?.input === 'number' ? f.input : -1;
    report.problems.push(fuzzMessage('failure', { input, what: String(f?.what ?? '') }));
    repro(input);
  }
  // Counted failures beyond the kept ones still fail the run.
  const counted = r.exceptions + r.outside + r.mismatches;
  if (counted > 0 && !r.failures.length)
    report.problems.push(
      fuzzMessage('failure', {
        input: -1,
        what: `${counted} exceptions, out-of-input findings or mismatches, none kept`,
      }),
    );
  if (r.slowestMs > INPUT_BUDGET_MS) {
    const input = r.slowestInput ?? -1;
    report.problems.push(
      r.slowestWallMs !== undefined && r.slowestCpuMs !== undefined
        ? fuzzMessage('slow-input-retimed', {
            input,
            ms: r.slowestMs,
            wall: r.slowestWallMs,
            cpu: r.slowestCpuMs,
            budget: INPUT_BUDGET_MS,
          })
        : fuzzMessage('slow-input', { input, ms: r.slowestMs, budget: INPUT_BUDGET_MS }),
    );
    repro(input);
  }
  report.passed = report.problems.length === 0;
  return report;
}

const fmt = (v: number, digits = 0): string =>
  v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The table, the figures, each failure with the command that reproduces it, and `N passed, M failed`. */
export function formatFuzzReport(reports: readonly FuzzReport[]): string {
  const rows: string[][] = [[...COLUMNS]];
  for (const rep of reports) {
    const r = rep.result;
    rows.push([
      rep.name,
      rep.kind,
      fmt(r?.inputs ?? 0),
      fmt(r?.exceptions ?? 0),
      fmt(r?.outside ?? 0),
      fmt(r?.mismatches ?? 0),
      fmt(r?.slowestMs ?? 0, 1),
      r?.slowestInput === undefined ? '–' : String(r.slowestInput),
      fmt(rep.elapsedMs / 1000, 1),
      rep.passed ? VERDICT.passed : VERDICT.failed,
    ]);
  }
  const widths = COLUMNS.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length)));
  const line = (row: string[]) =>
    row
      .map((cell, c) =>
        c < 2 || c === row.length - 1 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const out = [line(rows[0] ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
  const figures = reports.filter((rep) => rep.result?.figures && Object.keys(rep.result.figures).length);
  if (figures.length) {
    out.push('');
    for (const rep of figures)
      out.push(
        fuzzMessage('figures', {
          name: rep.name,
          list: Object.entries(rep.result?.figures ?? {})
            .map(([k, v]) => `${fmt(v)} ${k}`)
            .join(', '),
        }),
      );
  }
  // A slowest input that was timed again: both of its clocks (README: Timing).
  const retimed = reports.filter(
    (rep) => rep.result?.slowestWallMs !== undefined && rep.result.slowestCpuMs !== undefined,
  );
  if (retimed.length) {
    out.push('');
    for (const rep of retimed)
      out.push(
        fuzzMessage('retimed', {
          name: rep.name,
          input: rep.result?.slowestInput ?? -1,
          wall: rep.result?.slowestWallMs ?? NaN,
          cpu: rep.result?.slowestCpuMs ?? NaN,
        }),
      );
  }
  for (const rep of reports.filter((x) => !x.passed)) {
    out.push('', `${rep.name}: ${VERDICT.failed}`);
    for (const p of rep.problems) out.push(`  ${p}`);
    for (const r of rep.reproduce) out.push(`  ${fuzzMessage('reproduce', { command: r.command })}`);
  }
  const passed = reports.filter((r) => r.passed).length;
  out.push('', fuzzMessage('summary', { passed, failed: reports.length - passed }));
  return out.join('\n');
}

/** The same as JSON, for machines. */
export function fuzzReportJson(reports: readonly FuzzReport[], seed: number): string {
  const passed = reports.filter((r) => r.passed).length;
  return JSON.stringify({ seed, passed, failed: reports.length - passed, fuzzers: reports }, null, 2);
}
