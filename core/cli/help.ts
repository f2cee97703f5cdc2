/**
 * A command's `--help` in the reader's language: the synopsis lines (flags and values, the same
 * in every language) as they are, then one catalog message per option, after its column. A
 * message's `{br}` is a line break that keeps the column (the message itself has none).
 */
import { defineMessages, formatMsg, msg, type Locale, type MessageDescriptor } from '../i18n/index.ts';

/** The first word of a help text. */
export const USAGE_WORD = defineMessages({
  usage: { id: 'cli.help.usage', defaultMessage: 'usage:' },
}).usage;

/** A synopsis line as it is, or [the option column (padded), its message, the message's values]. */
export type HelpLine =
  | string
  | readonly [
      column: string,
      text: MessageDescriptor,
      values?: Record<string, string | number>,
      indent?: number,
    ];

/** The lines of a help text in `locale`; a synopsis that starts with `usage:` gets that word translated. */
export function renderHelp(lines: readonly HelpLine[], locale: Locale = 'en'): string {
  const out = lines.map((l) => {
    if (typeof l === 'string') return l;
    const [column, text, values, indent = column.length] = l;
    const br = `\n${' '.repeat(indent)}`;
    return column + formatMsg(msg(text, { ...values, br }), locale);
  });
  return out.join('\n').replace(/^usage:/, formatMsg(msg(USAGE_WORD), locale));
}
