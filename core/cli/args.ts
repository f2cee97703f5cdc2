/** Small helpers shared by the CLI commands: flags and plain-text tables. */
export interface CommandResult {
  code: number;
  out: string;
}

export type Flags = Record<string, string | boolean>;

/** `--name value`, `--name=value`, and boolean `--flag`s named in `booleans`. Positionals under `_`. */
export function parseFlags(
  args: string[],
  booleans: string[],
): { ok: true; flags: Flags; positionals: string[] } | { ok: false; why: string } {
  const flags: Flags = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (!a.startsWith('--')) {
      positionals.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (booleans.includes(name)) flags[name] = true;
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
