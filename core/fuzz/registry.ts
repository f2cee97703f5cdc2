/**
 * The fuzzers `npm run fuzz` runs, in order. One entry each: add yours here (see README.md).
 */
import { fuzzPcap } from '../pcap/fuzz.ts';
import { fuzzPcapWriter } from '../pcap/fuzz-writer.ts';
import { fuzzNetlink } from '../netlink/fuzz.ts';
import { fuzzParams } from '../params/fuzz.ts';
import { fuzzCli } from '../cli/fuzz.ts';
import { fuzzJourney, fuzzReassemble, fuzzReceive, fuzzSends, fuzzSkb, fuzzSocket } from './pipelines.ts';
import { URL_FUZZERS } from './urls.ts';
import { MAX_FAILURES, type FuzzResult, type FuzzerEntry } from './types.ts';

/** `fuzzNetlink` reports in its own words (one fast-check stream); the runner's shape here. */
function netlinkResult(seed: number, n: number): FuzzResult {
  const r = fuzzNetlink(seed, n);
  return {
    seed: r.seed,
    inputs: r.inputs,
    exceptions: r.exceptions,
    outside: r.outOfBuffer,
    mismatches: r.roundTripMismatches,
    slowestMs: r.slowestMs,
    ...(r.slowestInput !== undefined ? { slowestInput: r.slowestInput } : {}),
    failures: r.failures.slice(0, MAX_FAILURES).map((what) => ({ input: -1, what })),
    figures: r.byKind,
  };
}

export const FUZZERS: readonly FuzzerEntry[] = [
  {
    name: 'netlink',
    what: 'netlink decode/encode/split/specs: random and mutated buffers (huge length fields, NLMSG_ERROR echoes), round trips through specs and builder rows, lazy = eager, any value into every entry point',
    kind: 'decoder',
    run: netlinkResult,
  },
  {
    name: 'pcap',
    what: 'capture reader: random and mutated pcap/pcapng files, read whole and in random chunks, then dissected, grouped and replayed',
    kind: 'decoder',
    run: fuzzPcap,
    startable: true,
  },
  {
    name: 'pcap-writer',
    what: 'pcapng writer round trip: random interfaces and packets (UTF-8 names and comments, far times, both byte orders) written and read back unchanged',
    kind: 'decoder',
    run: fuzzPcapWriter,
    startable: true,
  },
  {
    name: 'params',
    what: 'parameter tables (send, fragment list, netlink) and the sk_buff op list: random and mutated text; parse never throws, messages bounded, format∘parse a fixed point',
    kind: 'parser',
    run: fuzzParams,
    startable: true,
  },
  {
    name: 'cli',
    what: 'runCli with random argv (commands, flags, values; no file system): never throws, exit codes 0/1/2 only, output bounded',
    kind: 'parser',
    run: fuzzCli,
    startable: true,
  },
  {
    name: 'sends',
    what: 'ipSend: random sends (options, MSG_MORE lists, iovecs, scatter-gather, DF, tiny and huge MTUs, wrong types); packets inside the datagram, its texts read back unchanged',
    kind: 'pipeline',
    run: fuzzSends,
    startable: true,
  },
  {
    name: 'reassemble',
    what: 'reassemble: fragment lists cut and mutated (lost, duplicated, overlapping, other bytes, ids, times); lengths inside the datagram, frags= read back unchanged',
    kind: 'pipeline',
    run: fuzzReassemble,
    startable: true,
  },
  {
    name: 'socket',
    what: 'sysSocket and parseSocketCall: random numbers and words; the same call answers the same, numbers and their texts parse alike',
    kind: 'pipeline',
    run: fuzzSocket,
    startable: true,
  },
  {
    name: 'skb',
    what: 'runSkbOps and parseSkbOps: random op lists (past the cap, wrong ops); head ≤ data ≤ tail ≤ end, ops= read back unchanged',
    kind: 'pipeline',
    run: fuzzSkb,
    startable: true,
  },
  {
    name: 'receive',
    what: 'udpReceive: random queues of datagrams, SO_RCVBUF and read buffers; one outcome each, reads within the buffer',
    kind: 'pipeline',
    run: fuzzReceive,
    startable: true,
  },
  {
    name: 'journey',
    what: 'journey: random sends, datagram counts, faults, rcvbuf and read modes; one outcome each, reads within the buffer',
    kind: 'pipeline',
    run: fuzzJourney,
    startable: true,
  },
  ...URL_FUZZERS.map((u): FuzzerEntry => ({
    name: u.name,
    what: `the ${u.name.slice(4)} lab's URL adapter (app/labs/…/params.ts): random and mutated queries (its keys and others, full-width digits, 400-digit numbers, 20 KB values, bad escapes); read never throws, issues bounded, what it writes is a fixed point`,
    kind: 'parser',
    run: u.run,
    startable: true,
  })),
];
