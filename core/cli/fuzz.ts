/**
 * The CLI's parsers under fuzz (issue 19): runCli with random argv built from the commands, their
 * flags and random values. Checked per input: never a throw, an exit code of 0, 1 or 2 only (70, an
 * internal error, is a failure), and output bounded. Flags that touch the file system (`--file`,
 * `--pcap`) and the `pcap` command (it reads a file) are left out: a fuzzer reads and writes nothing.
 */
import { count, fuzzLoop } from '../fuzz/harness.ts';
import { pick, randomInt, type Random } from '../fuzz/random.ts';
import type { FuzzResult } from '../fuzz/types.ts';
import { runCli } from './commands.ts';

const COMMAND_WORDS = [
  'fragment',
  'trace',
  'reassemble',
  'netlink',
  'receive',
  'socket',
  'help',
  '--help',
  'bogus',
];
const SUBCOMMANDS = ['decode', 'encode', 'split', 'msghdr', 'create', 'AF_INET', 'SOCK_DGRAM', '0'];
const FLAGS = [
  '--at',
  '--attrs',
  '--bogus',
  '--datagrams',
  '--df',
  '--endian',
  '--family',
  '--flags',
  '--frags',
  '--header',
  '--help',
  '--hex',
  '--json',
  '--lang',
  '--len',
  '--level',
  '--max-bytes',
  '--max-depth',
  '--max-dist',
  '--max-messages',
  '--mtu',
  '--no-sndbuf-check',
  '--op',
  '--order',
  '--pid',
  '--pmtu',
  '--rcvbuf',
  '--read',
  '--root',
  '--rows',
  '--seq',
  '--source',
  '--spec',
  '--type',
  '--unprivileged',
  '--user',
  '--sg',
  '--sends',
  '--iov',
  '--opts',
  '--sock',
  '--proto',
  '--until',
  '--id',
  '--len=4000',
  '--mtu=',
];
const VALUES = [
  '0',
  '1',
  '4000',
  '1500',
  '68',
  '65536',
  '1,,2',
  '1000,1000',
  'inet',
  'inet6',
  'route',
  'le',
  'maybe',
  '',
  ' ',
  '-1',
  '9'.repeat(400),
  'x'.repeat(300),
  '0:1480:1,1480:1480:0',
  '[{"type":1}]',
  '{}',
  'null',
  '10000000000',
  '2400000002000002000000000000000000000000000000ee000000000000000000000000',
  'zh-CN',
  'en',
  'udp',
  'raw-hdrincl',
];

/** The most output one command may print for these small inputs. */
export const CLI_OUTPUT_MAX = 2_000_000;

function argv(rnd: Random): string[] {
  const out = [pick(rnd, COMMAND_WORDS)];
  if (rnd() < 0.5) out.push(pick(rnd, SUBCOMMANDS));
  const k = randomInt(rnd, 8);
  for (let i = 0; i < k; i++) {
    const r = rnd();
    out.push(r < 0.5 ? pick(rnd, FLAGS) : r < 0.95 ? pick(rnd, VALUES) : pick(rnd, SUBCOMMANDS));
  }
  return out;
}

export function fuzzCli(seed: number, n: number, start = 0): FuzzResult {
  return fuzzLoop(
    seed,
    n,
    {
      input: argv,
      check: (args, _rnd, figures) => {
        const r = runCli(args);
        count(figures, `exit ${r.code}`);
        if (r.code !== 0 && r.code !== 1 && r.code !== 2)
          return {
            kind: 'mismatch',
            what: `exit ${r.code} for ${JSON.stringify(args).slice(0, 200)}: ${r.out.slice(0, 200)}`,
          };
        if (typeof r.out !== 'string' || r.out.length > CLI_OUTPUT_MAX)
          return { kind: 'mismatch', what: `output of ${String(r.out?.length)} characters` };
        return null;
      },
    },
    { start },
  );
}
