import { describe, expect, it } from 'vitest';
import { fuzzPcapWriter, roundTripFinding, writerSpec } from './fuzz-writer.ts';
import { mulberry32 } from '../fuzz/random.ts';
import { readPcap } from './reader.ts';
import { writePcapng } from './writer.ts';
import type { PcapngSpec } from './writer.ts';

const one = (over: Partial<PcapngSpec> = {}): PcapngSpec => ({
  interfaces: [{ linkType: 1 }],
  packets: [
    { interface: 0, time: { sec: 1, nsec: 2 }, data: Uint8Array.of(1, 2, 3) },
    { interface: 0, time: { sec: 3, nsec: 4 }, data: Uint8Array.of(9) },
  ],
  ...over,
});

describe('the pcapng writer round trip (fuzzPcapWriter)', () => {
  it('a seeded run gives back every interface and packet, and repeats from its seed', () => {
    const a = fuzzPcapWriter(3, 300);
    expect(a).toMatchObject({ inputs: 300, exceptions: 0, outside: 0, mismatches: 0, failures: [] });
    expect(a.figures?.packets).toBeGreaterThan(500);
    expect(fuzzPcapWriter(3, 300).figures).toEqual(a.figures);
  });

  it('if_name is UTF-8, and a NUL ends it (found by the fuzzer: it was read as Latin-1)', () => {
    const spec = one({
      interfaces: [
        { linkType: 1, name: 'eth0 中文 🙂 é' },
        { linkType: 101, name: 'lo\0pad' },
      ],
    });
    const c = readPcap(writePcapng(spec));
    expect(c.interfaces.map((i) => i.name)).toEqual(['eth0 中文 🙂 é', 'lo']);
    expect(roundTripFinding(spec, writePcapng(spec))).toBeNull();
  });

  it('a comment over 65,535 bytes is cut at a character boundary (found by the fuzzer: its length wrapped)', () => {
    const comment = '中'.repeat(30_000); // 90,000 bytes of UTF-8
    const spec = one();
    (spec.packets[0] as { comment?: string }).comment = comment;
    const bytes = writePcapng(spec);
    const c = readPcap(bytes);
    expect(c.diagnostics).toEqual([]);
    expect(c.packets.map((p) => [...p.data])).toEqual([[1, 2, 3], [9]]);
    // The option (code 1, then its length, little-endian) holds whole characters: 21,845 of them.
    const at = bytes.findIndex((b, i) => b === 0xe4 && bytes[i + 1] === 0xb8 && bytes[i + 2] === 0xad);
    const len = (bytes[at - 2] as number) | ((bytes[at - 1] as number) << 8);
    expect([bytes[at - 4], bytes[at - 3], len]).toEqual([1, 0, 65_535]);
    const value = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(at, at + len));
    expect(value).toBe('中'.repeat(21_845));
  });

  it('the reader says when an EPB option runs past its block (so a broken writer cannot hide)', () => {
    const spec = one();
    (spec.packets[0] as { comment?: string }).comment = 'hello';
    const bytes = writePcapng(spec);
    // The comment option's length (little-endian u16, just before "hello") made too long.
    const at = new TextDecoder('latin1').decode(bytes).indexOf('hello') - 2;
    bytes[at] = 0xff;
    const c = readPcap(bytes);
    expect(c.diagnostics.map((d) => [d.code, d.block])).toEqual([['bad-option', 'EPB']]);
    expect(c.packets).toHaveLength(2);
    expect(roundTripFinding(spec, bytes)?.kind).toBe('mismatch');
  });

  it('specs cover the edges: both byte orders, big packets, far times, foreign link types', () => {
    const specs = Array.from({ length: 400 }, (_, i) => writerSpec(mulberry32(i)));
    const packets = specs.flatMap((s) => s.packets);
    expect(new Set(specs.map((s) => s.endian))).toEqual(new Set(['le', 'be']));
    expect(packets.some((p) => p.data.length > 1000)).toBe(true);
    expect(packets.some((p) => p.time.sec === 0xffffffff)).toBe(true);
    expect(packets.some((p) => (p.origlen ?? 0) > 2 ** 30)).toBe(true);
    expect(specs.some((s) => s.interfaces.some((i) => ![1, 101, 253].includes(i.linkType)))).toBe(true);
  });
});
