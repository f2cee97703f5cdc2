/**
 * Exports: each lab's case written as pcapng, read back by our reader (round trip) and —
 * when Wireshark's tshark is installed (.ci/run installs it) — by tshark, which must dissect
 * every packet without a malformed-packet warning and with the lengths, offsets and flags
 * the model says, and verify the IPv4 header and UDP checksums.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_SEND_INPUT,
  reassemble,
  ipSend,
  type DefragOk,
  type SendInput,
  type SendResult,
} from '../ip/index.ts';
import { NETLINK_SAMPLES, parseHex } from '../netlink/index.ts';
import { analyzeCapture } from './analyze.ts';
import { capturedWireFacts } from './compare.ts';
import { exportNetlink, exportReassembly, exportSend, EXPORT_EPOCH, type ExportOptions } from './export.ts';
import { readPcap } from './reader.ts';
import { writePcapng } from './writer.ts';
import { fixtureBytes } from './fixtures.test-helper.ts';
import { wireFacts } from '../ip/index.ts';

const SENDS: [string, Partial<SendInput>, ExportOptions][] = [
  ['IPv4 4000 bytes, MTU 1500', { sends: [4000], mtu: 1500 }, {}],
  ['IPv4 with a router-alert option (copied)', { sends: [3000], mtu: 1000, options: [0x94, 4, 0, 0] }, {}],
  [
    'IPv4 with record route (not copied)',
    { sends: [2000], mtu: 576, options: [7, 11, 4, 0, 0, 0, 0, 0, 0, 0, 0] },
    {},
  ],
  ['IPv4 unfragmented, raw link', { sends: [1000], mtu: 1500 }, { link: 'raw' }],
  ['IPv4 raw socket, protocol 253', { sock: 'raw', protocol: 253, sends: [3000], mtu: 1500 }, {}],
  ['IPv6 3000 bytes, MTU 1280, VLAN 10', { family: 'inet6', sends: [3000], mtu: 1280 }, { vlan: 10 }],
  ['IPv6 big-endian file', { family: 'inet6', sends: [5000], mtu: 1500 }, { endian: 'be' }],
  ['IPv4 65,507 bytes, MTU 1500 (45 fragments)', { sends: [65507], mtu: 1500 }, {}],
];

const send = (p: Partial<SendInput>): SendResult => ipSend({ ...DEFAULT_SEND_INPUT, ...p });

function reasm(): DefragOk {
  const r = reassemble({
    family: 'inet',
    len: 2992,
    fragments: [
      { offset: 2960, length: 40, mf: false },
      { offset: 0, length: 1480, mf: true, at: 3 },
      { offset: 0, length: 1480, mf: true, fill: 'other', at: 4 },
      { offset: 1480, length: 1480, mf: true, at: 31.5 },
    ],
  });
  if (!r.ok) throw new Error(r.why);
  return r;
}

function reasm6(): DefragOk {
  const r = reassemble({
    family: 'inet6',
    len: 392,
    fragments: [
      { offset: 0, length: 200, mf: true },
      { offset: 192, length: 208, mf: false, fill: 'other', at: 1 },
    ],
  });
  if (!r.ok) throw new Error(r.why);
  return r;
}

describe('exports read back by our reader', () => {
  it.each(SENDS)('%s', (_, p, opts) => {
    const r = send(p);
    const e = exportSend(r, opts);
    if (!e.ok) throw new Error(e.message);
    const cap = readPcap(e.bytes);
    expect(cap.diagnostics).toEqual([]);
    expect(cap.format).toBe('pcapng');
    expect(cap.endian).toBe(opts.endian ?? 'le');
    const a = analyzeCapture(cap);
    // Every field of every wire packet, ids included, as the model made them.
    expect(a.views.map((v) => capturedWireFacts(v))).toEqual(r.wire.map(wireFacts));
    expect(a.views.every((v) => v.ip?.version !== 4 || v.ip.checksumOk)).toBe(true);
    if (opts.vlan) expect(a.views.every((v) => v.link?.vlan?.[0] === opts.vlan)).toBe(true);
    // The reassembled datagram is delivered whole, as the model sent it.
    for (const g of a.replays) expect(g.result.ok && g.result.delivered.map((d) => d.equal)).toEqual([true]);
    expect(cap.packets[0]?.time).toEqual(EXPORT_EPOCH);
  });

  it('the same case exports the same bytes', () => {
    const a = exportSend(send({ sends: [4000] }));
    const b = exportSend(send({ sends: [4000] }));
    expect(a.ok && b.ok && Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });

  it('reassembly arrivals in order, at their times, with the model’s verdicts replayed the same', () => {
    for (const r of [reasm(), reasm6()]) {
      const e = exportReassembly(r);
      if (!e.ok) throw new Error(e.message);
      const a = analyzeCapture(readPcap(e.bytes));
      expect(a.replays).toHaveLength(1);
      const back = a.replays[0]!.result;
      if (!back.ok) throw new Error(back.why);
      expect(back.arrivals.map((x) => [x.offset, x.length, x.mf, x.fill, x.at, x.verdict])).toEqual(
        r.arrivals.map((x) => [x.offset, x.length, x.mf, x.fill, x.at, x.verdict]),
      );
      expect(back.delivered.map((d) => [d.length, d.equal])).toEqual(
        r.delivered.map((d) => [d.length, d.equal]),
      );
    }
  });

  it('netlink buffers as LINKTYPE_NETLINK, decoded again by core/netlink', () => {
    const frames = NETLINK_SAMPLES.map((s) => {
      const h = parseHex(s.hex);
      return { bytes: h.ok ? h.bytes : new Uint8Array(0), family: s.family === 'raw' ? 2 : s.family };
    });
    const e = exportNetlink(frames);
    if (!e.ok) throw new Error(e.message);
    const a = analyzeCapture(readPcap(e.bytes));
    expect(a.views.map((v) => Array.from(v.netlink!.bytes))).toEqual(frames.map((f) => Array.from(f.bytes)));
    expect(a.views.map((v) => v.netlink!.family)).toEqual(NETLINK_SAMPLES.map((s) => s.family));
  });

  it('refuses what it cannot export, with a reason, for any value', () => {
    for (const junk of [null, undefined, 42, {}, { wire: 'x' }])
      expect(exportSend(junk as unknown as SendResult)).toMatchObject({
        ok: false,
        code: 'export-bad-input',
      });
    expect(exportSend(send({}), { vlan: 5000 })).toMatchObject({ ok: false });
    expect(exportSend(send({}), { vlan: 5, link: 'raw' })).toMatchObject({ ok: false });
    expect(exportReassembly({} as DefragOk)).toMatchObject({ ok: false });
    expect(exportNetlink('x' as never)).toMatchObject({ ok: false });
    expect(exportNetlink([{ bytes: new Uint8Array(4), family: 'nosuch' }])).toMatchObject({ ok: false });
  });
});

/* ---- tshark ---- */

function hasTshark(): boolean {
  try {
    execFileSync('tshark', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const TSHARK = hasTshark();
if (!TSHARK)
  console.warn(
    'export.test.ts: tshark is not installed; the Wireshark read-back tests are SKIPPED (apt-get install tshark)',
  );

const dir = TSHARK ? mkdtempSync(join(tmpdir(), 'sockscope-pcap-')) : '';
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const FIELDS = [
  'frame.len',
  'vlan.id',
  'ip.hdr_len',
  'ip.len',
  'ip.flags.df',
  'ip.flags.mf',
  'ip.frag_offset',
  'ip.opt.type',
  'ip.checksum.status',
  'ipv6.plen',
  'ipv6.fraghdr.offset',
  'ipv6.fraghdr.more',
  'netlink.hdr_len',
  '_ws.malformed',
  '_ws.expert.severity',
];

/** tshark's fields for each packet, IP reassembly off (each fragment alone) or on (checksums). */
function tshark(
  bytes: Uint8Array,
  name: string,
  extra: string[] = [],
  fields = FIELDS,
): Record<string, string>[] {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const out = execFileSync(
    'tshark',
    [
      '-n',
      '-r',
      file,
      '-o',
      'ip.check_checksum:TRUE',
      '-o',
      'udp.check_checksum:TRUE',
      ...extra,
      '-T',
      'fields',
      '-E',
      'separator=\t',
      '-E',
      'occurrence=a',
      '-E',
      'aggregator=,',
      ...fields.flatMap((f) => ['-e', f]),
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
  );
  return out
    .split('\n')
    .filter(Boolean)
    .map((l) =>
      Object.fromEntries(
        l
          .split('\t')
          .map((c, i) => [fields[i], c] as const)
          .filter(([, c]) => c !== ''),
      ),
    );
}

/**
 * No malformed packet and no expert error. Warnings are allowed: Wireshark warns "4 NOP in a
 * row" where ip_options_fragment overwrote a non-copied option with NOPs, as it does on the
 * real capture of the same send (checked below).
 */
const clean = (r: Record<string, string>) => {
  expect(r['_ws.malformed']).toBeUndefined();
  const worst = Math.max(0, ...(r['_ws.expert.severity'] ?? '').split(',').filter(Boolean).map(Number));
  expect(worst).toBeLessThan(0x00800000); // PI_ERROR
};

describe.skipIf(!TSHARK)('exports read back by Wireshark (tshark)', () => {
  it.each(SENDS)('%s: dissected as the model describes it, checksums good', (_, p, opts) => {
    const r = send(p);
    const e = exportSend(r, opts);
    if (!e.ok) throw new Error(e.message);
    const rows = tshark(e.bytes, 'send.pcapng', ['-o', 'ip.defragment:FALSE', '-o', 'ipv6.defragment:FALSE']);
    expect(rows).toHaveLength(r.wire.length);
    rows.forEach((row, i) => {
      clean(row);
      const w = r.wire[i]!;
      if (opts.vlan) expect(row['vlan.id']).toBe(String(opts.vlan));
      if (w.family === 'inet') {
        expect(Number(row['ip.len'])).toBe(w.total_length);
        expect(Number(row['ip.hdr_len'])).toBe(w.ihl);
        expect(Number(row['ip.frag_offset']) * 8).toBe(w.offset);
        expect(row['ip.flags.mf'] === '1').toBe(w.mf);
        expect(row['ip.flags.df'] === '1').toBe(w.df);
        expect(row['ip.checksum.status']).toBe('1');
      } else {
        expect(Number(row['ipv6.plen'])).toBe(w.payload_length);
        if (w.frag) {
          expect(Number(row['ipv6.fraghdr.offset']) * 8).toBe(w.frag.offset);
          expect(row['ipv6.fraghdr.more'] === '1').toBe(w.frag.mf);
        }
      }
    });
    if (r.input.sock === 'udp') {
      // With reassembly on, tshark checks the UDP checksum over the whole datagram.
      const whole = tshark(
        e.bytes,
        'send-defrag.pcapng',
        [],
        ['udp.length', 'udp.checksum.status', '_ws.malformed'],
      );
      const udp = whole.filter((x) => x['udp.length']);
      expect(udp).toEqual([{ 'udp.length': String(r.datagramLength), 'udp.checksum.status': '1' }]);
    }
  });

  it('reassembly arrivals: one frame per arrival, in order, at the model’s times, verdicts as comments', () => {
    for (const r of [reasm(), reasm6()]) {
      const e = exportReassembly(r);
      if (!e.ok) throw new Error(e.message);
      const fields = [
        'frame.time_relative',
        'ip.len',
        'ip.frag_offset',
        'ip.flags.mf',
        'ipv6.plen',
        'ipv6.fraghdr.offset',
        'frame.comment',
        '_ws.malformed',
        '_ws.expert.severity',
      ];
      const rows = tshark(
        e.bytes,
        'reasm.pcapng',
        ['-o', 'ip.defragment:FALSE', '-o', 'ipv6.defragment:FALSE'],
        fields,
      );
      expect(rows).toHaveLength(r.arrivals.length);
      rows.forEach((row, i) => {
        clean(row);
        const a = r.arrivals[i]!;
        expect(Number(row['frame.time_relative']) * 1000).toBeCloseTo(a.at, 6);
        if (r.family === 'inet') {
          expect(Number(row['ip.len'])).toBe(20 + a.length);
          expect(Number(row['ip.frag_offset']) * 8).toBe(a.offset);
          expect(row['ip.flags.mf'] === '1').toBe(a.mf);
        } else {
          expect(Number(row['ipv6.plen'])).toBe(8 + a.length);
          expect(Number(row['ipv6.fraghdr.offset']) * 8).toBe(a.offset);
        }
        expect(row['frame.comment']).toContain(a.fn);
      });
    }
  });

  it('netlink: LINKTYPE_NETLINK frames with the message lengths core/netlink walks', () => {
    const frames = NETLINK_SAMPLES.map((s) => {
      const h = parseHex(s.hex);
      return { bytes: h.ok ? h.bytes : new Uint8Array(0), family: s.family === 'raw' ? 2 : s.family };
    });
    const e = exportNetlink(frames);
    if (!e.ok) throw new Error(e.message);
    const rows = tshark(
      e.bytes,
      'netlink.pcapng',
      [],
      ['netlink.family', 'netlink.hdr_len', '_ws.malformed'],
    );
    const ours = analyzeCapture(readPcap(e.bytes)).views;
    rows.forEach((row, i) => {
      const v = ours[i]!.netlink!;
      // Malformed exactly where core/netlink finds an error (the sample cut by a small recv buffer).
      expect(row['_ws.malformed'] !== undefined, NETLINK_SAMPLES[i]!.id).toBe(
        v.diagnostics.some((d) => d.severity === 'error'),
      );
      expect(Number(row['netlink.family'])).toBe(v.protocol);
      const lens = v.messages.flatMap((m) => (m.echoedLen ? [m.len, m.echoedLen] : [m.len]));
      expect(row['netlink.hdr_len']).toBe(lens.join(','));
    });
  });

  it('the kernel’s NOP-overwritten record route draws the same Wireshark warning in the real capture as in the export', () => {
    const real = tshark(
      fixtureBytes('sendto-lo.pcap'),
      'real.pcap',
      ['-o', 'ip.defragment:FALSE'],
      ['ip.opt.type', '_ws.expert.severity'],
    );
    const r = send({ sends: [1000], mtu: 576, options: [7, 11, 4, 0, 0, 0, 0, 0, 0, 0, 0] });
    const e = exportSend(r);
    if (!e.ok) throw new Error(e.message);
    const ours = tshark(
      e.bytes,
      'rr.pcapng',
      ['-o', 'ip.defragment:FALSE'],
      ['ip.opt.type', '_ws.expert.severity'],
    );
    const second = (rows: Record<string, string>[]) =>
      rows.find((x) => x['ip.opt.type']?.startsWith('1,1,1'));
    expect(second(ours)).toEqual(second(real));
    expect(second(ours)?.['_ws.expert.severity']).toBe(String(0x00600000));
  });

  it('a recorded capture rewritten by our writer reads the same in tshark, packet for packet', () => {
    const orig = fixtureBytes('multi-if.pcapng');
    const cap = readPcap(orig);
    const copy = writePcapng({
      interfaces: cap.interfaces.map((i) => ({ linkType: i.linkType, snaplen: i.snaplen })),
      packets: cap.packets.map((p) => ({
        interface: p.interface,
        time: p.time,
        data: p.data,
        origlen: p.origlen,
      })),
      endian: 'be',
    });
    const fields = [
      'frame.len',
      'frame.time_epoch',
      'frame.interface_id',
      'ip.len',
      'ip.frag_offset',
      'ipv6.plen',
      'netlink.hdr_len',
      '_ws.malformed',
    ];
    const off = ['-o', 'ip.defragment:FALSE', '-o', 'ipv6.defragment:FALSE'];
    expect(tshark(copy, 'copy.pcapng', off, fields)).toEqual(tshark(orig, 'orig.pcapng', off, fields));
  });
});
