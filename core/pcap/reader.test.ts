/**
 * The reader against Wireshark: every recorded capture (tcpdump / dumpcap on Linux 6.18,
 * editcap's variants, big-endian and SPB rewrites) read packet by packet and compared with
 * tshark's facts for the same file (fixtures/captures.json, tools/record-captures.py).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { createPcapReader, readPcap } from './reader.ts';
import { dissectPacket } from './dissect.ts';
import { CAPTURES, FIXTURE_FILES, fixtureBytes, type TsharkRow } from './fixtures.test-helper.ts';
import type { CapturedPacket } from './types.ts';

const num = (s: string | undefined): number | undefined => (s === undefined ? undefined : Number(s));
const bool = (s: string | undefined): boolean | undefined =>
  s === undefined ? undefined : s === '1' || s === 'True';

/** What the reader and dissector say about one packet, in tshark's field names. */
function ourFacts(p: CapturedPacket): Record<string, unknown> {
  const v = dissectPacket(p);
  const f: Record<string, unknown> = { 'frame.len': p.origlen, 'frame.cap_len': p.caplen };
  const ip = v.ip;
  if (ip?.version === 4)
    Object.assign(f, {
      'ip.hdr_len': ip.ihl,
      'ip.len': ip.totalLength,
      'ip.id': ip.id,
      'ip.flags.df': ip.df,
      'ip.flags.mf': ip.mf,
      'ip.frag_offset': ip.fragOffset,
      'ip.proto': ip.protocol,
      'ip.src': ip.src,
      'ip.dst': ip.dst,
    });
  if (ip?.version === 6) {
    Object.assign(f, {
      'ipv6.plen': ip.payloadLen,
      'ipv6.nxt': ip.nextHeader,
      'ipv6.src': ip.src,
      'ipv6.dst': ip.dst,
    });
    if (ip.frag)
      Object.assign(f, {
        'ipv6.fraghdr.offset': ip.frag.offset,
        'ipv6.fraghdr.more': ip.frag.mf,
        'ipv6.fraghdr.ident': ip.frag.id,
        'ipv6.fraghdr.nxt': ip.frag.nextHeader,
      });
  }
  if (v.udp)
    Object.assign(f, {
      'udp.length': v.udp.length,
      'udp.srcport': v.udp.srcPort,
      'udp.dstport': v.udp.dstPort,
    });
  if (v.netlink)
    Object.assign(f, {
      'netlink.hdr_len': v.netlink.messages
        .flatMap((m) => (m.echoedLen ? [m.len, m.echoedLen] : [m.len]))
        .join(','),
    });
  if (v.link?.pktType !== undefined && !v.netlink) f['sll.pkttype'] = v.link.pktType;
  return f;
}

/** tshark's facts in the same units (offsets in bytes, ids as numbers, flags as booleans). */
function theirFacts(r: TsharkRow): Record<string, unknown> {
  const f: Record<string, unknown> = {
    'frame.len': num(r['frame.len']),
    'frame.cap_len': num(r['frame.cap_len']),
  };
  if (r['ip.len'])
    Object.assign(f, {
      'ip.hdr_len': num(r['ip.hdr_len']),
      'ip.len': num(r['ip.len']),
      'ip.id': Number(r['ip.id']),
      'ip.flags.df': bool(r['ip.flags.df']),
      'ip.flags.mf': bool(r['ip.flags.mf']),
      'ip.frag_offset': Number(r['ip.frag_offset']) * 8,
      'ip.proto': num(r['ip.proto']),
      'ip.src': r['ip.src'],
      'ip.dst': r['ip.dst'],
    });
  if (r['ipv6.plen']) {
    Object.assign(f, {
      'ipv6.plen': num(r['ipv6.plen']),
      'ipv6.nxt': num(r['ipv6.nxt']),
      'ipv6.src': r['ipv6.src'],
      'ipv6.dst': r['ipv6.dst'],
    });
    if (r['ipv6.fraghdr.ident'])
      Object.assign(f, {
        'ipv6.fraghdr.offset': Number(r['ipv6.fraghdr.offset']) * 8,
        'ipv6.fraghdr.more': bool(r['ipv6.fraghdr.more']),
        'ipv6.fraghdr.ident': Number(r['ipv6.fraghdr.ident']),
        'ipv6.fraghdr.nxt': num(r['ipv6.fraghdr.nxt']),
      });
  }
  if (r['udp.length'])
    Object.assign(f, {
      'udp.length': num(r['udp.length']),
      'udp.srcport': num(r['udp.srcport']),
      'udp.dstport': num(r['udp.dstport']),
    });
  if (r['netlink.hdr_len']) f['netlink.hdr_len'] = r['netlink.hdr_len'];
  if (r['sll.pkttype'] !== undefined) f['sll.pkttype'] = num(r['sll.pkttype']);
  return f;
}

describe('recorded captures: the reader agrees with tshark packet by packet', () => {
  it('has the files the recording script lists, each a few KB', () => {
    const files = readdirSync(new URL('./fixtures/', import.meta.url)).filter((f) => /\.pcap(ng)?$/.test(f));
    expect(files.sort()).toEqual([...FIXTURE_FILES].sort());
    for (const f of files) expect(fixtureBytes(f).length).toBeLessThan(16 * 1024);
  });

  it.each(FIXTURE_FILES)('%s', (file) => {
    const cap = readPcap(fixtureBytes(file));
    const rows = CAPTURES.files[file] as TsharkRow[];
    expect(cap.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(cap.progress).toMatchObject({ stopped: false, packets: rows.length });
    expect(cap.packets).toHaveLength(rows.length);
    cap.packets.forEach((p, i) => {
      const r = rows[i] as TsharkRow;
      expect(ourFacts(p), `${file} packet ${i + 1}`).toEqual(theirFacts(r));
      if (r['frame.interface_id']) expect(p.interface).toBe(Number(r['frame.interface_id']));
      if (r['frame.time_epoch']) {
        const [sec, frac] = (r['frame.time_epoch'] as string).split('.');
        expect(p.time.sec).toBe(Number(sec));
        expect(Math.abs(p.time.nsec - Number((frac ?? '0').padEnd(9, '0')))).toBeLessThan(1000);
      }
    });
  });

  it('knows each file’s format, byte order, resolution and link types', () => {
    const facts = (f: string) => {
      const c = readPcap(fixtureBytes(f));
      return [c.format, c.endian, c.nanosecond, c.interfaces.map((i) => [i.linkType, i.tsresol.exp])];
    };
    expect(facts('sendto-lo.pcap')).toEqual(['pcap', 'le', false, [[1, 6]]]);
    expect(facts('sendto-lo-be.pcap')).toEqual(['pcap', 'be', false, [[1, 6]]]);
    expect(facts('sendto-lo-nsec.pcap')).toEqual(['pcap', 'le', true, [[1, 9]]]);
    expect(facts('sendto-lo-nsec.pcapng')).toEqual(['pcapng', 'le', false, [[1, 9]]]);
    expect(facts('sendto-any.pcap')).toEqual(['pcap', 'le', false, [[276, 6]]]);
    expect(facts('sendto-sll.pcap')).toEqual(['pcap', 'le', false, [[113, 6]]]);
    expect(facts('netlink.pcap')).toEqual(['pcap', 'le', false, [[253, 6]]]);
    expect(facts('multi-if.pcapng')).toEqual([
      'pcapng',
      'le',
      false,
      [
        [1, 6],
        [253, 6],
      ],
    ]);
    expect(facts('raw-frags-be-spb.pcapng')).toEqual(['pcapng', 'be', false, [[1, 6]]]);
    expect(readPcap(fixtureBytes('raw-frags-be-spb.pcapng')).packets.every((p) => p.block === 'SPB')).toBe(
      true,
    );
    expect(readPcap(fixtureBytes('multi-if.pcapng')).packets.every((p) => p.block === 'EPB')).toBe(true);
  });

  it('the same packets in every byte order and resolution', () => {
    const base = readPcap(fixtureBytes('sendto-lo.pcap')).packets;
    for (const f of ['sendto-lo-be.pcap', 'sendto-lo-nsec.pcap', 'sendto-lo-nsec.pcapng']) {
      const other = readPcap(fixtureBytes(f)).packets;
      expect(other.map((p) => [p.time, p.origlen, Array.from(p.data)])).toEqual(
        base.map((p) => [p.time, p.origlen, Array.from(p.data)]),
      );
    }
  });
});

describe('streaming', () => {
  it.each(FIXTURE_FILES)('%s read in small chunks gives the same packets, with progress', (file) => {
    const bytes = fixtureBytes(file);
    const whole = readPcap(bytes);
    for (const size of [1, 7, 333]) {
      const r = createPcapReader();
      const seen: number[] = [];
      let last = 0;
      for (let o = 0; o < bytes.length; o += size) {
        const res = r.push(bytes.subarray(o, o + size));
        seen.push(...res.added.map((p) => p.index));
        expect(res.progress.bytes).toBe(Math.min(o + size, bytes.length));
        expect(res.progress.consumed).toBeGreaterThanOrEqual(last);
        last = res.progress.consumed;
      }
      const end = r.end();
      expect(end.progress).toMatchObject({ done: true, consumed: bytes.length });
      const cap = r.capture();
      expect(seen).toEqual(whole.packets.map((p) => p.index));
      expect(cap.packets.map((p) => [p.offset, p.dataOffset, Array.from(p.data)])).toEqual(
        whole.packets.map((p) => [p.offset, p.dataOffset, Array.from(p.data)]),
      );
    }
  });

  it('packet bytes are views of the pushed buffer, not copies', () => {
    const bytes = fixtureBytes('multi-if.pcapng');
    const cap = readPcap(bytes);
    for (const p of cap.packets) {
      expect(p.data.buffer).toBe(bytes.buffer);
      expect(p.data.byteOffset - bytes.byteOffset).toBe(p.dataOffset);
    }
  });
});

const le32 = (v: number) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24];

describe('corrupt and truncated input: a diagnostic naming the block and offset, the rest kept', () => {
  it.each(FIXTURE_FILES)('%s cut anywhere keeps the packets before the cut', (file) => {
    const bytes = fixtureBytes(file);
    const whole = readPcap(bytes);
    for (const cut of [1, 3, 20, 25, 40, bytes.length >> 1, bytes.length - 1]) {
      const c = readPcap(bytes.subarray(0, cut));
      const before = whole.packets.filter((p) => p.dataOffset + p.caplen + 4 <= cut);
      expect(c.packets.length).toBeGreaterThanOrEqual(before.length - 1);
      c.packets.forEach((p, i) => expect(p.offset).toBe(whole.packets[i]?.offset));
      const t = c.diagnostics.find((d) => d.code === 'truncated');
      expect(t, `cut at ${cut}`).toBeDefined();
      expect(t!.offset).toBeLessThan(cut);
      expect(t!.message).toContain(`at byte ${t!.offset.toLocaleString('en-US')}`);
      expect(t!.message).toContain(t!.block);
    }
  });

  it('names a pcap record cut short', () => {
    const bytes = fixtureBytes('sendto-lo.pcap');
    const whole = readPcap(bytes);
    const third = whole.packets[2] as CapturedPacket;
    const c = readPcap(bytes.subarray(0, third.offset + 30));
    expect(c.packets).toHaveLength(2);
    expect(c.diagnostics).toEqual([
      expect.objectContaining({
        code: 'truncated',
        block: 'pcap record',
        offset: third.offset,
        severity: 'error',
      }),
    ]);
  });

  it('refuses a file that is not a capture', () => {
    const c = readPcap(new TextEncoder().encode('hello, world'));
    expect(c.format).toBeNull();
    expect(c.diagnostics[0]).toMatchObject({ code: 'bad-magic', offset: 0 });
    expect(c.diagnostics[0]?.message).toContain('68656c6c');
    expect(readPcap(new Uint8Array(0)).diagnostics[0]?.code).toBe('empty-file');
  });

  it('stops at a pcapng block whose trailing length disagrees, keeping what came before', () => {
    const bytes = fixtureBytes('sendto-lo-nsec.pcapng').slice();
    const whole = readPcap(bytes);
    const p = whole.packets[4] as CapturedPacket;
    const len = bytes[p.offset + 4]! | (bytes[p.offset + 5]! << 8);
    bytes[p.offset + len - 4] = bytes[p.offset + len - 4]! ^ 0x10;
    const c = readPcap(bytes);
    expect(c.packets).toHaveLength(4);
    expect(c.diagnostics.at(-1)).toMatchObject({ code: 'length-mismatch', block: 'EPB', offset: p.offset });
  });

  it('stops at a block length that is not a multiple of 4, or too long', () => {
    const bytes = fixtureBytes('sendto-lo-nsec.pcapng').slice();
    const p = readPcap(bytes).packets[1] as CapturedPacket;
    const a = bytes.slice();
    a[p.offset + 4] = (a[p.offset + 4]! + 2) & 0xff;
    expect(readPcap(a).diagnostics.at(-1)).toMatchObject({
      code: 'bad-block-length',
      block: 'EPB',
      offset: p.offset,
    });
    const b = bytes.slice();
    b.set(le32(0x7ffffff0), p.offset + 4);
    expect(readPcap(b).diagnostics.at(-1)).toMatchObject({ code: 'block-too-long', offset: p.offset });
    expect(readPcap(b).packets).toHaveLength(1);
  });

  it('skips a packet naming an interface the section does not declare', () => {
    const bytes = fixtureBytes('multi-if.pcapng').slice();
    const p = readPcap(bytes).packets[3] as CapturedPacket;
    bytes.set(le32(9), p.offset + 8);
    const c = readPcap(bytes);
    expect(c.packets).toHaveLength(19);
    expect(c.diagnostics).toEqual([
      expect.objectContaining({ code: 'no-interface', block: 'EPB', offset: p.offset }),
    ]);
  });

  it('refuses an unknown pcap version and a bad byte-order magic', () => {
    const pcap = fixtureBytes('sendto-lo.pcap').slice();
    pcap[4] = 3;
    expect(readPcap(pcap).diagnostics[0]).toMatchObject({ code: 'bad-version', block: 'pcap file header' });
    const ng = fixtureBytes('sendto-lo-nsec.pcapng').slice();
    ng[8] = 0x99;
    expect(readPcap(ng).diagnostics[0]).toMatchObject({
      code: 'bad-byte-order-magic',
      block: 'SHB',
      offset: 0,
    });
  });

  it('skips unknown pcapng blocks and says so once per type', () => {
    const bytes = fixtureBytes('sendto-lo-nsec.pcapng');
    const p = readPcap(bytes).packets[0] as CapturedPacket;
    const custom = [...le32(0x00000bad), ...le32(16), 1, 2, 3, 4, ...le32(16)];
    const withBlocks = Uint8Array.from([
      ...bytes.subarray(0, p.offset),
      ...custom,
      ...custom,
      ...bytes.subarray(p.offset),
    ]);
    const c = readPcap(withBlocks);
    expect(c.packets).toHaveLength(10);
    expect(c.skipped).toEqual({ 'custom block': 2 });
    expect(c.diagnostics).toEqual([expect.objectContaining({ code: 'block-skipped', severity: 'info' })]);
  });
});

describe('bounds', () => {
  it('stops at the byte limit with a clear message, keeping what was read', () => {
    const bytes = fixtureBytes('sendto-lo.pcap');
    const c = readPcap(bytes, { maxBytes: 3000 });
    expect(c.progress.stopped).toBe(true);
    expect(c.packets.length).toBeGreaterThan(0);
    expect(c.diagnostics.at(-1)).toMatchObject({ code: 'limit-bytes', offset: 3000 });
    expect(c.diagnostics.at(-1)?.message).toContain('3,000-byte limit');
  });

  it('stops at the packet limit', () => {
    const c = readPcap(fixtureBytes('raw-frags-lo.pcap'), { maxPackets: 5 });
    expect(c.packets).toHaveLength(5);
    expect(c.diagnostics.at(-1)).toMatchObject({ code: 'limit-packets' });
  });

  it('refuses a captured length past the snapshot limit (libpcap MAXIMUM_SNAPLEN)', () => {
    const bytes = fixtureBytes('sendto-lo.pcap').slice();
    bytes.set(le32(300_000), 24 + 8);
    const c = readPcap(bytes);
    expect(c.packets).toHaveLength(0);
    expect(c.diagnostics[0]).toMatchObject({ code: 'caplen-over-limit', block: 'pcap record', offset: 24 });
  });

  it('ignores what is not bytes, and anything after a stop', () => {
    const r = createPcapReader();
    for (const junk of [null, undefined, 42, 'pcap', {}, [1, 2]])
      expect(() => r.push(junk as unknown as Uint8Array)).not.toThrow();
    expect(r.capture().diagnostics.every((d) => d.code === 'bad-chunk')).toBe(true);
    const s = createPcapReader({ maxBytes: 'x' as unknown as number });
    s.push(new TextEncoder().encode('nonsense'));
    expect(s.push(fixtureBytes('sendto-lo.pcap')).added).toEqual([]);
    expect(s.capture().packets).toEqual([]);
  });
});

describe('core/pcap runs in a Web Worker', () => {
  it('imports no Node module outside tests and tools', () => {
    const dir = new URL('./', import.meta.url);
    const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !/\.test(-helper)?\.ts$/.test(f));
    expect(sources.length).toBeGreaterThan(8);
    for (const f of sources)
      expect(readFileSync(new URL(f, dir), 'utf8'), f).not.toMatch(/from 'node:|from '(fs|path|os)'/);
  });
});
