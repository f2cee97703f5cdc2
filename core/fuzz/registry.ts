/**
 * The fuzzers `npm run fuzz` runs, in order. One entry each: add yours here (see README.md).
 * Still to come from their owners (issue 19): netlink decode/encode/split (`fuzzNetlink`), every
 * URL adapter, the CLI parsers, and the pipelines (sends, fragment lists, socket calls, sk_buff ops).
 */
import { fuzzPcap } from '../pcap/fuzz.ts';
import { fuzzPcapWriter } from '../pcap/fuzz-writer.ts';
import type { FuzzerEntry } from './types.ts';

export const FUZZERS: readonly FuzzerEntry[] = [
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
];
