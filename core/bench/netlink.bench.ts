/**
 * `npm run bench:core`: the netlink codec. First the side-by-side comparison with pyroute2 and
 * `tshark -V` on a real 204-link RTM_GETLINK dump (netlink-peers.ts: printed as a table with
 * ratios per byte, peers that are missing named as such), then Vitest's timings of the decoder
 * on that dump, on inputs of other shapes (cost per byte stays flat), and of the rest of the codec
 * on the 64 KiB buffer the #/netlink lab decodes on every keystroke. Benchmarks, not tests:
 * nothing here fails on a number.
 */
import { bench, describe } from 'vitest';
import {
  NETLINK_SAMPLES,
  decodeNetlink,
  encodeNetlink,
  messageToSpec,
  parseHex,
  splitMultipart,
  type NlMessageSpec,
} from '../netlink/index.ts';
import { comparePeers, loadDump, readDisplays, readValues, shapes } from './netlink-peers.ts';

console.log(comparePeers());

const { all: DUMP, links } = loadDump();

describe(`decodeNetlink on the real ${links}-link dump (${DUMP.length} bytes)`, () => {
  bench('decode: every header, attribute and diagnostic (values rendered when read)', () => {
    decodeNetlink(DUMP, { family: 'route' });
  });
  bench('decode, then read every attribute value (what pyroute2 returns)', () => {
    readValues(decodeNetlink(DUMP, { family: 'route' }));
  });
  bench('decode, then render every field value and display (what tshark -V prints)', () => {
    readDisplays(decodeNetlink(DUMP, { family: 'route' }));
  });
  bench('decode with every message built at once (eager)', () => {
    decodeNetlink(DUMP, { family: 'route', eager: true });
  });
});

describe('decodeNetlink by shape (cost per byte: divide by the bytes)', () => {
  for (const s of shapes().filter((x) => !x.name.startsWith('1,000,000'))) {
    const read = s.name.includes('hex read');
    bench(`${s.name}: ${s.bytes.length} bytes`, () => {
      const r = decodeNetlink(s.bytes, s.opts);
      if (read) void r.messages[0]?.familyHeader?.fields[0]?.value;
    });
  }
});

/** An RTM_GETLINK dump reply (RTM_NEWLINK with stats, nested IFLA_AF_SPEC…) repeated to 64 KiB. */
function linkDump(limit: number): Uint8Array {
  const one = parseHex(NETLINK_SAMPLES.find((s) => s.id === 'getlink-dump')?.hex ?? '');
  if (!one.ok) throw new Error(one.why);
  const out = new Uint8Array(limit);
  let at = 0;
  while (at + one.bytes.length <= limit) {
    out.set(one.bytes, at);
    at += one.bytes.length;
  }
  return out.subarray(0, at);
}

const LAB = linkDump(64 * 1024);
const decoded = decodeNetlink(LAB, { family: 'route' });
const SPECS: NlMessageSpec[] = decoded.messages.map((m) => messageToSpec(m, LAB));

describe(`netlink codec on a ${LAB.length}-byte RTM_NEWLINK buffer (${decoded.messages.length} messages, the lab's 64 KiB)`, () => {
  bench('decodeNetlink', () => {
    decodeNetlink(LAB, { family: 'route' });
  });
  bench('decodeNetlink, big-endian view of the same bytes', () => {
    decodeNetlink(LAB, { family: 'route', endian: 'be' });
  });
  bench('encodeNetlink of the decoded messages (messageToSpec round trip)', () => {
    encodeNetlink(SPECS, { family: 'route' });
  });
  bench('splitMultipart 64 KiB at MAX_PAYLOAD 1024 (correct) with join', () => {
    splitMultipart(64 * 1024, 1024, 'correct');
  });
  bench('splitMultipart 64 KiB at MAX_PAYLOAD 1024 ("common mistakes")', () => {
    splitMultipart(64 * 1024, 1024, 'mistakes');
  });
});
