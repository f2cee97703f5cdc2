/** The CLI's commands, by name. Each returns its output instead of printing it. */
import { defineMessages, formatMsg, msg, type Locale } from '../i18n/index.ts';
import { takeLang, type CliContext, type CommandResult } from './args.ts';
import { fragmentCommand, FRAGMENT_HELP } from './fragment.ts';
import { journeyCommand, JOURNEY_HELP } from './journey.ts';
import { netlinkCommand, NETLINK_HELP } from './netlink.ts';
import { pcapCommand, PCAP_HELP } from './pcap.ts';
import { withPcapOut, PCAP_OUT_HELP } from './pcap-out.ts';
import { reassembleCommand, REASSEMBLE_HELP } from './reassemble.ts';
import { receiveCommand, RECEIVE_HELP } from './receive.ts';
import { socketCommand, SOCKET_USAGE } from './socket.ts';
import { traceCommand, TRACE_HELP } from './trace.ts';

/** Commands get the context (`--lang`); those not converted to messages yet print English. */
export const COMMANDS: Record<
  string,
  { help: string; run: (args: string[], ctx: CliContext) => CommandResult }
> = {
  fragment: { help: `${FRAGMENT_HELP}\n${PCAP_OUT_HELP}`, run: withPcapOut('fragment', fragmentCommand) },
  trace: { help: TRACE_HELP, run: traceCommand },
  reassemble: {
    help: `${REASSEMBLE_HELP}\n${PCAP_OUT_HELP}`,
    run: withPcapOut('reassemble', reassembleCommand),
  },
  netlink: { help: `${NETLINK_HELP}\n${PCAP_OUT_HELP}`, run: withPcapOut('netlink', netlinkCommand) },
  pcap: { help: PCAP_HELP, run: pcapCommand },
  receive: { help: RECEIVE_HELP, run: receiveCommand },
  journey: { help: JOURNEY_HELP, run: journeyCommand },
  socket: {
    help: Array.isArray(SOCKET_USAGE) ? SOCKET_USAGE.join('\n') : String(SOCKET_USAGE),
    run: socketCommand,
  },
};

const M = defineMessages({
  title: {
    id: 'cli.usage.title',
    defaultMessage: 'sockscope — what the Linux kernel does between <code>socket()</code> and the wire',
  },
  usage: {
    id: 'cli.usage.line',
    defaultMessage: 'usage: <code>sockscope {command} [options] [--lang en|zh-CN]</code>',
    description: 'command: the text <command>.',
  },
  commands: {
    id: 'cli.usage.commands',
    defaultMessage: 'commands:',
  },
  more: {
    id: 'cli.usage.more',
    defaultMessage:
      "Run <code>sockscope {command} --help</code> for a command's options. <code>--lang zh-CN</code> prints every command in Chinese.",
    description: 'command: the text <command>.',
  },
  unknownCommand: {
    id: 'cli.unknownCommand',
    defaultMessage: 'unknown command: {command}',
  },
  badLang: {
    id: 'cli.badLang',
    defaultMessage:
      '{got, select, none {<code>--lang</code> needs a value} other {<code>--lang</code> takes <code>en</code> or <code>zh-CN</code>, not "{got}"}}',
    description: 'got: what followed --lang ("none" when nothing did).',
  },
  internal: {
    id: 'cli.internalError',
    defaultMessage: 'internal error in {command}: {message}',
  },
});

/** The top-level help in `locale`. */
export function usage(locale: Locale = 'en'): string {
  const t = (m: Parameters<typeof msg>[0]) => formatMsg(msg(m, { command: '<command>' }), locale);
  return [
    t(M.title),
    '',
    t(M.usage),
    '',
    t(M.commands),
    ...Object.keys(COMMANDS).map((c) => `  ${c}`),
    '',
    t(M.more),
  ].join('\n');
}

export const USAGE = usage('en');

/** Longest echo of a bad value in an error. */
const MAX_ECHO = 64;

export function runCli(argv: string[]): CommandResult {
  const lang = takeLang(argv);
  if (!lang.ok) {
    const got = lang.got === null ? 'none' : lang.got.slice(0, MAX_ECHO);
    return { code: 2, out: `sockscope: ${formatMsg(msg(M.badLang, { got }), 'en')}\n\n${USAGE}` };
  }
  const { locale } = lang;
  const [cmd, ...rest] = lang.rest;
  const text = usage(locale);
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') return { code: cmd ? 0 : 2, out: text };
  const c = Object.hasOwn(COMMANDS, cmd) ? COMMANDS[cmd] : undefined;
  if (!c)
    return {
      code: 2,
      out: `${formatMsg(msg(M.unknownCommand, { command: cmd.slice(0, MAX_ECHO) }), locale)}\n\n${text}`,
    };
  try {
    return c.run(rest, { locale });
  } catch (e) {
    return {
      code: 70,
      out: formatMsg(msg(M.internal, { command: cmd, message: (e as Error).message }), locale),
    };
  }
}
