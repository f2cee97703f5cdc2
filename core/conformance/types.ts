/**
 * The conformance runner replays oracle files (what a real kernel did) through the core.
 * Each oracle format is a module that recognises its files by content and checks every
 * case; `npm run conformance -- FILE...` dispatches each file to the first format that
 * claims it. A new format slots in by adding a module to `formats/index.ts`.
 */
export interface CaseOutcome {
  /** The case's name as the fixture names it (or a synthesised one). */
  name: string;
  pass: boolean;
  /** For a failure: each field that differs, expected vs. got. */
  diffs: FieldDiff[];
}

export interface FieldDiff {
  /** A path to the field, e.g. `wire[3].offset`. */
  field: string;
  expected: unknown;
  got: unknown;
}

export interface OracleFormat {
  /** Short name shown in the report, e.g. `fragmentation`. */
  name: string;
  /** True when the parsed JSON document is of this format. */
  detect(doc: unknown): boolean;
  /** Replay every case of the document through the core. Never throws on bad data. */
  run(doc: unknown): CaseOutcome[];
}

/** Compare two values field by field; returns the differing leaves. */
export function diffFields(expected: unknown, got: unknown, path = ''): FieldDiff[] {
  if (Object.is(expected, got)) return [];
  if (Array.isArray(expected) && Array.isArray(got)) {
    const out: FieldDiff[] = [];
    if (expected.length !== got.length)
      out.push({ field: `${path}.length`, expected: expected.length, got: got.length });
    const n = Math.min(expected.length, got.length);
    for (let i = 0; i < n; i++) out.push(...diffFields(expected[i], got[i], `${path}[${i}]`));
    return out;
  }
  if (isPlainObject(expected) && isPlainObject(got)) {
    const out: FieldDiff[] = [];
    const keys = new Set([...Object.keys(expected), ...Object.keys(got)]);
    for (const k of keys) out.push(...diffFields(expected[k], got[k], path ? `${path}.${k}` : k));
    return out;
  }
  return [{ field: path || '(value)', expected, got }];
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
