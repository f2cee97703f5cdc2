/**
 * The pcapng writer's round trip under fuzz: random interfaces (link types, names, snapshot
 * lengths) and packets (bytes, times to the nanosecond, wire lengths, comments), in either byte
 * order, written by writePcapng and read back by readPcap. Whatever goes in must come out: the
 * same interfaces, the same packets byte for byte, and no finding at all. `npm run fuzz -- --only
 * pcap-writer` (issue 19).
 */
import { count, fuzzLoop } from '../fuzz/harness.ts';
import type { FuzzFinding } from '../fuzz/harness.ts';
import { pick, randomBytes, randomInt } from '../fuzz/random.ts';
import type { Random } from '../fuzz/random.ts';
import type { FuzzResult } from '../fuzz/types.ts';
import { LINKTYPE } from './link.ts';
import { readPcap } from './reader.ts';
import { writePcapng } from './writer.ts';
import type { PcapngSpec, WriterInterface, WriterPacket } from './writer.ts';

const LINK_TYPES = [LINKTYPE.ETHERNET, LINKTYPE.RAW, LINKTYPE.NETLINK];
/** Letters, digits, punctuation, and a few characters UTF-8 takes 2–4 bytes for. */
const CHARS = [...'abcXYZ019 .-_/:é中文🙂\u0000'];

function randomText(rnd: Random, max: number): string {
  let s = '';
  for (let i = randomInt(rnd, max + 1); i > 0; i--) s += pick(rnd, CHARS);
  return s;
}

/** One random spec: 1–3 interfaces, 0–8 packets. */
export function writerSpec(rnd: Random): PcapngSpec {
  const interfaces: WriterInterface[] = Array.from({ length: 1 + randomInt(rnd, 3) }, () => {
    const i: WriterInterface = {
      linkType: rnd() < 0.8 ? pick(rnd, LINK_TYPES) : randomInt(rnd, 0x10000),
    };
    if (rnd() < 0.5) i.name = randomText(rnd, 24);
    if (rnd() < 0.5) i.snaplen = rnd() < 0.5 ? 65_535 : 1 + randomInt(rnd, 262_144);
    return i;
  });
  const packets: WriterPacket[] = Array.from({ length: randomInt(rnd, 9) }, () => {
    const iface = randomInt(rnd, interfaces.length);
    const snaplen = interfaces[iface]?.snaplen ?? 262_144;
    const size = Math.min(snaplen, rnd() < 0.98 ? randomInt(rnd, 300) : randomInt(rnd, 70_000));
    const p: WriterPacket = {
      interface: iface,
      // Any time a 64-bit nanosecond count holds for 32-bit seconds, edges included.
      time: {
        sec: rnd() < 0.2 ? pick(rnd, [0, 0xffffffff, 2 ** 31]) : randomInt(rnd, 2 ** 32),
        nsec: rnd() < 0.2 ? pick(rnd, [0, 999_999_999]) : randomInt(rnd, 1_000_000_000),
      },
      data: randomBytes(rnd, size),
    };
    if (rnd() < 0.3) p.origlen = size + randomInt(rnd, rnd() < 0.1 ? 2 ** 31 : 2_000);
    if (rnd() < 0.3) p.comment = randomText(rnd, rnd() < 0.01 ? 60_000 : 40);
    return p;
  });
  const spec: PcapngSpec = { interfaces, packets, endian: rnd() < 0.5 ? 'le' : 'be' };
  if (rnd() < 0.3) spec.application = randomText(rnd, 30);
  return spec;
}

const same = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** What differs between a spec and what its file reads back as; null when nothing does. */
export function roundTripFinding(spec: PcapngSpec, bytes: Uint8Array): FuzzFinding | null {
  const c = readPcap(bytes);
  const mismatch = (what: string): FuzzFinding => ({ kind: 'mismatch', what });
  for (const d of c.diagnostics)
    if (!(d.offset >= 0 && d.offset <= bytes.length))
      return { kind: 'outside', what: `diagnostic ${d.code} at ${d.offset} outside ${bytes.length}` };
  if (c.diagnostics.length)
    return mismatch(`a written file reads with ${c.diagnostics[0]?.code}: ${c.diagnostics[0]?.message}`);
  if (c.format !== 'pcapng' || c.endian !== (spec.endian ?? 'le'))
    return mismatch(`read as ${c.format} ${c.endian}`);
  if (c.interfaces.length !== spec.interfaces.length)
    return mismatch(`${c.interfaces.length} interfaces, not ${spec.interfaces.length}`);
  for (const [k, i] of spec.interfaces.entries()) {
    const got = c.interfaces[k];
    // A NUL ends if_name, as some writers pad it with one.
    const name = (i.name ?? '').split('\0')[0];
    if (got?.linkType !== i.linkType || got.snaplen !== (i.snaplen ?? 262_144) || (got.name ?? '') !== name)
      return mismatch(
        `interface ${k} reads back as ${JSON.stringify(got && [got.linkType, got.snaplen, got.name])}`,
      );
  }
  if (c.packets.length !== spec.packets.length)
    return mismatch(`${c.packets.length} packets, not ${spec.packets.length}`);
  for (const [k, p] of spec.packets.entries()) {
    const got = c.packets[k];
    if (!got) return mismatch(`packet ${k} missing`);
    if (got.interface !== p.interface)
      return mismatch(`packet ${k}: interface ${got.interface}, not ${p.interface}`);
    if (got.time.sec !== p.time.sec || got.time.nsec !== p.time.nsec)
      return mismatch(`packet ${k}: time ${got.time.sec}.${got.time.nsec}, not ${p.time.sec}.${p.time.nsec}`);
    if (got.origlen !== (p.origlen ?? p.data.length)) return mismatch(`packet ${k}: origlen ${got.origlen}`);
    if (got.caplen !== p.data.length || !same(got.data, p.data)) return mismatch(`packet ${k}: other bytes`);
    if (got.dataOffset < 0 || got.dataOffset + got.caplen > bytes.length)
      return { kind: 'outside', what: `packet ${k} outside the file` };
  }
  return null;
}

export function fuzzPcapWriter(seed: number, n: number, start = 0): FuzzResult {
  return fuzzLoop(
    seed,
    n,
    {
      input: writerSpec,
      check: (spec, _rnd, figures) => {
        const bytes = writePcapng(spec);
        count(figures, 'packets', spec.packets.length);
        count(figures, 'bytes', bytes.length);
        return roundTripFinding(spec, bytes);
      },
    },
    { start },
  );
}
