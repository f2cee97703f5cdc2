/** `npm run conformance -- FILE...`: replay oracle files; exit 1 when any case fails. */
import { readFileSync } from 'node:fs';
import { formatReport, runDocument } from './run.ts';
// The core's own rules checked as it runs (core/test-invariants.ts).
import '../test-invariants.ts';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const files = args.filter((a) => !a.startsWith('--'));
if (!files.length) {
  console.error('usage: npm run conformance -- FILE... [--verbose]   (oracle JSON files, any known format)');
  process.exit(2);
}
const reports = files.map((f) => {
  try {
    return runDocument(f, readFileSync(f, 'utf8'));
  } catch (e) {
    return { file: f, format: null, outcomes: [], error: (e as Error).message };
  }
});
const { text, failed } = formatReport(reports, verbose);
console.log(text);
process.exit(failed ? 1 : 0);
