/** Small helpers shared by the CLI commands: flags, the language, and plain-text tables. */
import {
  defineMessages,
  formatMsg,
  msg,
  parseLocale,
  DEFAULT_LOCALE,
  type Locale,
  type Msg,
} from '../i18n/index.ts';
import { echo } from '../params/index.ts';

export interface CommandResult {
  code: number;
  out: string;
}

/** What every command may use besides its own arguments. */
export interface CliContext {
  /** The language of the output (`--lang`, English by default). */
  locale: Locale;
}

/**
 * The global `--lang en|zh-CN` (or `--lang=…`), anywhere on the command line: the locale and the
 * arguments without it, or the value that is not a language we have (null when it is missing).
 */
export function takeLang(
  argv: readonly string[],
): { ok: true; locale: Locale; rest: string[] } | { ok: false; got: string | null } {
  const rest: string[] = [];
  let locale: Locale = DEFAULT_LOCALE;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a !== '--lang' && !a.startsWith('--lang=')) {
      rest.push(a);
      continue;
    }
    const v = a === '--lang' ? argv[++i] : a.slice('--lang='.length);
    const l = parseLocale(v);
    if (!l) return { ok: false, got: v ?? null };
    locale = l;
  }
  return { ok: true, locale, rest };
}

/** Columns a string takes in a terminal: East Asian wide and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd)
        ? 2
        : 1;
  }
  return w;
}

/** `s` padded with spaces to `n` columns (as wide characters count in a terminal). */
export function padColumns(s: string, n: number): string {
  const w = displayWidth(s);
  return w >= n ? s : s + ' '.repeat(n - w);
}

export type Flags = Record<string, string | boolean>;

const M = defineMessages({
  unexpected: { id: 'cli.flags.unexpected', defaultMessage: 'unexpected argument “{value}”' },
  twice: { id: 'cli.flags.twice', defaultMessage: '<code>--{name}</code> is given twice' },
  noValue: {
    id: 'cli.flags.noValue',
    defaultMessage: '<code>--{name}</code> takes no value (got “{value}”)',
  },
  unknown: { id: 'cli.flags.unknown', defaultMessage: 'unknown option <code>--{name}</code>' },
  needsValue: { id: 'cli.flags.needsValue', defaultMessage: '<code>--{name}</code> needs a value' },
  noSuchOption: {
    id: 'cli.flags.noSuchOption',
    defaultMessage: '<code>{command}</code> has no option <code>--{name}</code>',
    description: 'command: e.g. netlink decode.',
  },
});

/** `sockscope COMMAND` has no option `--name` (a command's own wording of an unknown flag). */
export const noSuchOption = (command: string, name: string): Msg => msg(M.noSuchOption, { command, name });

/** A message as the CLI prints it, in the reader's language. */
export const say = (m: Msg, ctx?: CliContext): string => formatMsg(m, ctx?.locale ?? DEFAULT_LOCALE);

/** The flags a command takes: `--name value` ones, boolean `--flag`s, and how many positionals. */
export interface FlagSpec {
  values: readonly string[];
  booleans: readonly string[];
  /** The most positional arguments (default 0: a stray word is an error, not silently ignored). */
  positionals?: number;
  /** How a command words an option it does not have (default: `unknown option --NAME`). */
  unknown?: (name: string) => Msg;
}

/**
 * `--name value`, `--name=value`, and boolean `--flag`s. Strict: an unknown flag, a value given to
 * a boolean flag, a flag given twice or a positional past `spec.positionals` is an error naming it.
 */
export function parseFlags(
  args: readonly string[],
  spec: FlagSpec,
): { ok: true; flags: Flags; positionals: string[] } | { ok: false; why: string; msg: Msg } {
  const flags: Flags = {};
  const positionals: string[] = [];
  const refuse = (m: Msg) => ({ ok: false as const, why: formatMsg(m, 'en'), msg: m });
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (!a.startsWith('--')) {
      if (positionals.length >= (spec.positionals ?? 0)) return refuse(msg(M.unexpected, { value: echo(a) }));
      positionals.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (name in flags) return refuse(msg(M.twice, { name: echo(name) }));
    if (spec.booleans.includes(name)) {
      if (inline !== undefined) return refuse(msg(M.noValue, { name, value: echo(inline) }));
      flags[name] = true;
    } else if (!spec.values.includes(name))
      return refuse(spec.unknown ? spec.unknown(echo(name)) : msg(M.unknown, { name: echo(name) }));
    else if (inline !== undefined) flags[name] = inline;
    else if (i + 1 < args.length) flags[name] = args[++i] as string;
    else return refuse(msg(M.needsValue, { name }));
  }
  return { ok: true, flags, positionals };
}

/** A plain-text table with aligned columns. */
export function table(head: string[], rows: string[][]): string {
  const w = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (r: string[]) =>
    r
      .map((c, i) => padColumns(c, w[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(head), line(w.map((n) => '-'.repeat(n))), ...rows.map(line)].join('\n');
}
