/**
 * `npm run bench`: how long the netlink codec takes on a full 64 KiB buffer — what the #/netlink
 * lab decodes on every keystroke in the hex editor. A benchmark, not a test: it reports numbers.
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

const DUMP = linkDump(64 * 1024);
const decoded = decodeNetlink(DUMP, { family: 'route' });
const SPECS: NlMessageSpec[] = decoded.messages.map((m) => messageToSpec(m, DUMP));

describe(`netlink codec on a ${DUMP.length}-byte RTM_NEWLINK dump (${decoded.messages.length} messages)`, () => {
  bench('decodeNetlink (every field, attribute and diagnostic)', () => {
    decodeNetlink(DUMP, { family: 'route' });
  });
  bench('decodeNetlink, big-endian view of the same bytes', () => {
    decodeNetlink(DUMP, { family: 'route', endian: 'be' });
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
