/** `npm run cli -- …` / the `sockscope` bin: run a command and print its output. */
import { runCli } from './commands.ts';

const { code, out } = runCli(process.argv.slice(2));
(code === 0 || code === 1 ? process.stdout : process.stderr).write(out + '\n');
process.exitCode = code;
