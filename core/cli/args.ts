/** Small helpers shared by the CLI commands: flags and plain-text tables. */
import { echo } from '../params/index.ts';
export interface CommandResult {
  code: number;
  out: string;
}

export type Flags = Record<string, string | boolean>;

/** The flags a command takes: `--name value` ones, boolean `--flag`s, and how many positionals. */
export interface FlagSpec {
  values: readonly string[];
  booleans: readonly string[];
  /** The most positional arguments (default 0: a stray word is an error, not silently ignored). */
  positionals?: number;
}

/**
 * `--name value`, `--name=value`, and boolean `--flag`s. Strict: an unknown flag, a value given to
 * a boolean flag, a flag given twice or a positional past `spec.positionals` is an error naming it.
 */
export function parseFlags(
  args: readonly string[],
  spec: FlagSpec,
): { ok: true; flags: Flags; positionals: string[] } | { ok: false; why: string } {
  const flags: Flags = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (!a.startsWith('--')) {
      if (positionals.length >= (spec.positionals ?? 0))
        return { ok: false, why: `unexpected argument “${echo(a)}”` };
      positionals.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (name in flags) return { ok: false, why: `--${echo(name)} is given twice` };
    if (spec.booleans.includes(name)) {
      if (inline !== undefined) return { ok: false, why: `--${name} takes no value (got “${echo(inline)}”)` };
      flags[name] = true;
    } else if (!spec.values.includes(name)) return { ok: false, why: `unknown option --${echo(name)}` };
    else if (inline !== undefined) flags[name] = inline;
    else if (i + 1 < args.length) flags[name] = args[++i] as string;
    else return { ok: false, why: `--${name} needs a value` };
  }
  return { ok: true, flags, positionals };
}

/** A plain-text table with aligned columns. */
export function table(head: string[], rows: string[][]): string {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(w[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(head), line(w.map((n) => '-'.repeat(n))), ...rows.map(line)].join('\n');
}
