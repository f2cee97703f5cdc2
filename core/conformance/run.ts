/** Replay parsed oracle documents through the core; a report the CLI prints. */
import { formatFor } from './formats/index.ts';
import type { CaseOutcome } from './types.ts';

export interface FileReport {
  file: string;
  format: string | null;
  outcomes: CaseOutcome[];
  error?: string;
}

export function runDocument(file: string, text: string): FileReport {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { file, format: null, outcomes: [], error: `not JSON: ${(e as Error).message}` };
  }
  const format = formatFor(doc);
  if (!format)
    return { file, format: null, outcomes: [], error: 'no known oracle format recognises this file' };
  try {
    return { file, format: format.name, outcomes: format.run(doc) };
  } catch (e) {
    return {
      file,
      format: format.name,
      outcomes: [],
      error: `the ${format.name} runner failed: ${(e as Error).message}`,
    };
  }
}

const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

export function formatReport(
  reports: FileReport[],
  verbose = false,
): { text: string; passed: number; failed: number } {
  const lines: string[] = [];
  let passed = 0;
  let failed = 0;
  for (const r of reports) {
    if (r.error) {
      failed++;
      lines.push(`${r.file}: ERROR ${r.error}`);
      continue;
    }
    const bad = r.outcomes.filter((o) => !o.pass);
    passed += r.outcomes.length - bad.length;
    failed += bad.length;
    lines.push(`${r.file} (${r.format}): ${r.outcomes.length - bad.length}/${r.outcomes.length} cases match`);
    for (const o of bad) {
      lines.push(`  FAIL ${o.name}`);
      for (const d of o.diffs.slice(0, verbose ? Infinity : 8))
        lines.push(`    ${d.field}: expected ${show(d.expected)}, got ${show(d.got)}`);
      if (!verbose && o.diffs.length > 8)
        lines.push(`    … ${o.diffs.length - 8} more differences (--verbose)`);
    }
  }
  lines.push(`${passed} passed, ${failed} failed`);
  return { text: lines.join('\n'), passed, failed };
}
