/** `npm run fuzz -- [--scale F] [--only NAME] [--seed S] [--n N] [--input I] [--json] [--list]` (see README.md). */
import { FUZZERS } from './registry.ts';
// The core's own rules checked as it runs (core/test-invariants.ts).
import '../test-invariants.ts';
import { fuzzMessage } from './messages.ts';
import {
  DEFAULT_SEED,
  formatFuzzReport,
  fullCount,
  fuzzReportJson,
  parseFuzzArgs,
  planFuzz,
  runPlanned,
} from './runner.ts';

const names = FUZZERS.map((f) => f.name).join(', ');
const parsed = parseFuzzArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error(parsed.message);
  process.exit(2);
}
const o = parsed.value;
if (o.help) {
  console.log(fuzzMessage('usage', { seed: DEFAULT_SEED, names }));
  process.exit(0);
}
if (o.list) {
  for (const f of FUZZERS)
    console.log(`${f.name}  ${f.kind}  ${fullCount(f).toLocaleString('en-US')}  ${f.what}`);
  process.exit(0);
}
const plan = planFuzz(FUZZERS, o);
if (!plan.ok) {
  console.error(plan.message);
  process.exit(2);
}
const reports = plan.value.map((run) => {
  console.error(fuzzMessage('starting', { name: run.entry.name, inputs: run.n, seed: o.seed }));
  return runPlanned(run, o.seed);
});
console.log(o.json ? fuzzReportJson(reports, o.seed) : formatFuzzReport(reports));
process.exit(reports.every((r) => r.passed) ? 0 : 1);
