/** The CLI's commands, by name. Each returns its output instead of printing it. */
import type { CommandResult } from './args.ts';
import { fragmentCommand, FRAGMENT_HELP } from './fragment.ts';
import { netlinkCommand, NETLINK_HELP } from './netlink.ts';
import { reassembleCommand, REASSEMBLE_HELP } from './reassemble.ts';
import { receiveCommand, RECEIVE_HELP } from './receive.ts';
import { socketCommand, SOCKET_USAGE } from './socket.ts';
import { traceCommand, TRACE_HELP } from './trace.ts';

export const COMMANDS: Record<string, { help: string; run: (args: string[]) => CommandResult }> = {
  fragment: { help: FRAGMENT_HELP, run: fragmentCommand },
  trace: { help: TRACE_HELP, run: traceCommand },
  reassemble: { help: REASSEMBLE_HELP, run: reassembleCommand },
  receive: { help: RECEIVE_HELP, run: receiveCommand },
  netlink: { help: NETLINK_HELP, run: netlinkCommand },
  socket: {
    help: Array.isArray(SOCKET_USAGE) ? SOCKET_USAGE.join('\n') : String(SOCKET_USAGE),
    run: socketCommand,
  },
};

export const USAGE = `sockscope — what the Linux kernel does between socket() and the wire

usage: sockscope <command> [options]

commands:
${Object.keys(COMMANDS)
  .map((c) => `  ${c}`)
  .join('\n')}

Run \`sockscope <command> --help\` for a command's options.`;

export function runCli(argv: string[]): CommandResult {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') return { code: cmd ? 0 : 2, out: USAGE };
  const c = COMMANDS[cmd];
  if (!c) return { code: 2, out: `unknown command: ${cmd}\n\n${USAGE}` };
  try {
    return c.run(rest);
  } catch (e) {
    return { code: 70, out: `internal error in ${cmd}: ${(e as Error).message}` };
  }
}
