import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readPcap } from '../pcap/index.ts';
import { runCli } from './commands.ts';

const fixture = (f: string) => fileURLToPath(new URL(`../pcap/fixtures/${f}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sockscope-cli-pcap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sockscope pcap', () => {
  it('lists packets, fragment groups with the model’s verdicts, and the comparison with ipSend', () => {
    const r = runCli(['pcap', fixture('raw-frags-lo.pcap')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('pcap, little-endian, 1 interface (LINKTYPE_ETHERNET), 27 packets');
    expect(r.out).toMatch(/fragment group 2: 127\.0\.0\.1 > 127\.0\.0\.1 id 20737 proto 17 — 4 fragments/);
    expect(r.out).toContain('duplicate: dropped alone');
    expect(r.out).toContain('overlap: queue dropped');
    expect(r.out).toContain('→ the model delivers nothing');
    const s = runCli(['pcap', fixture('sendto-lo.pcap')]);
    expect(s.out.match(/the model agrees, packet for packet/g)).toHaveLength(5);
  });

  it('--json: every packet, group, arrival verdict and comparison', () => {
    const r = runCli(['pcap', fixture('multi-if.pcapng'), '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.format).toBe('pcapng');
    expect(j.interfaces.map((i: { link_type_name: string }) => i.link_type_name)).toEqual([
      'LINKTYPE_ETHERNET',
      'LINKTYPE_NETLINK',
    ]);
    expect(j.packets).toHaveLength(20);
    expect(j.groups).toHaveLength(4);
    expect(j.groups.every((g: { compare: { agree: boolean } }) => g.compare.agree)).toBe(true);
    expect(j.groups[0].arrivals.map((a: { verdict: string }) => a.verdict)).toEqual(['queued', 'completed']);
    expect(j.netlink).toHaveLength(10);
    expect(j.packets[17].netlink.messages[0]).toMatchObject({ typeName: 'NLMSG_ERROR', errno: 'ENODEV' });
  });

  it('--mtu compares at another MTU and shows the differences', () => {
    const r = runCli(['pcap', fixture('sendto-lo.pcap'), '--mtu', '1000']);
    expect(r.out).toMatch(/MTU 1000\): differs — #1: total_length, payload_length/);
  });

  it('reads at most --max-bytes with a clear message, exit 1, what came before kept', () => {
    const r = runCli(['pcap', fixture('sendto-lo.pcap'), '--max-bytes', '3000']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('error: Stopped at byte 3,000: the file is larger than the 3,000-byte limit');
    expect(r.out).toMatch(/\d packets?\b/);
  });

  it('names the block and offset of a truncated file', () => {
    const bytes = readFileSync(fixture('sendto-lo-nsec.pcapng'));
    const f = join(dir, 'cut.pcapng');
    writeFileSync(f, bytes.subarray(0, 3000));
    const offset = readPcap(new Uint8Array(bytes)).packets.find(
      (p) => p.offset + 100 > 3000 || p.dataOffset + p.caplen > 3000,
    )!.offset;
    const r = runCli(['pcap', f]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`error: EPB at byte ${offset.toLocaleString('en-US')} is cut short`);
  });

  it('explains bad usage and unreadable files', () => {
    expect(runCli(['pcap']).code).toBe(2);
    expect(runCli(['pcap', 'a', 'b']).out).toContain('give exactly one capture FILE');
    expect(runCli(['pcap', fixture('veth.pcap'), '--mtu', '12']).out).toContain(
      '--mtu takes a whole number from 68',
    );
    expect(runCli(['pcap', join(dir, 'nope.pcap')])).toEqual({
      code: 2,
      out: expect.stringContaining('ENOENT'),
    });
    const r = runCli(['pcap', fixture('captures.json')]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Not a pcap or pcapng file');
  });

  it('bounds the table with --rows', () => {
    const r = runCli(['pcap', fixture('raw-frags-lo.pcap'), '--rows', '3']);
    expect(r.out).toContain('… 24 more packets');
  });
});

describe('--pcap OUT', () => {
  it('fragment writes its wire packets; reading them back gives the same table', () => {
    const out = join(dir, 'f.pcapng');
    const r = runCli(['fragment', '--len', '4000', '--mtu', '1500', '--pcap', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`wrote 3 packet(s) to ${out} (pcapng, Ethernet)`);
    const back = runCli(['pcap', out, '--mtu', '1500']);
    expect(back.out).toContain('the model agrees, packet for packet');
    expect(back.out).toContain('→ delivered: 4000 bytes, equal to what was sent');
  });

  it('reassemble writes the arrivals in order; replayed, the verdicts are the same', () => {
    const out = join(dir, 'r.pcapng');
    const args = ['--frags', '0:1480:1,1480:1480:1,2960:40:0', '--len', '2992', '--order', '2,0,1,1'];
    const r = runCli(['reassemble', ...args, '--json', `--pcap=${out}`]);
    expect(r.code).toBe(0);
    const verdicts = JSON.parse(r.out.split('\nwrote')[0] as string).arrivals.map(
      (a: { verdict: string }) => a.verdict,
    );
    const back = JSON.parse(runCli(['pcap', out, '--json']).out);
    expect(back.groups[0].arrivals.map((a: { verdict: string }) => a.verdict)).toEqual(verdicts);
  });

  it('netlink encode and decode write LINKTYPE_NETLINK', () => {
    const out = join(dir, 'n.pcapng');
    const hex = '280000001200010301000000000000000000000000000000000000000000000008001d0001000000';
    expect(runCli(['netlink', 'decode', '--family', 'route', '--hex', hex, '--pcap', out]).out).toContain(
      'LINKTYPE_NETLINK',
    );
    const j = JSON.parse(runCli(['pcap', out, '--json']).out);
    expect(j.packets[0].netlink).toMatchObject({
      family: 'route',
      messages: [{ typeName: 'RTM_GETLINK', len: 40 }],
    });
    const out2 = join(dir, 'n2.pcapng');
    runCli([
      'netlink',
      'encode',
      '--family',
      'generic',
      '--type',
      'GENL_ID_CTRL',
      '--flags',
      'REQUEST',
      '--pcap',
      out2,
    ]);
    expect(JSON.parse(runCli(['pcap', out2, '--json']).out).packets[0].netlink.protocol).toBe(16);
  });

  it('says what is wrong with --pcap', () => {
    expect(runCli(['fragment', '--len', '4000', '--pcap'])).toEqual({
      code: 2,
      out: '--pcap needs a file name',
    });
    expect(runCli(['fragment', '--len', '4000', '--pcap', join(dir, 'no/such/dir/x.pcapng')]).out).toContain(
      'cannot write',
    );
    expect(runCli(['fragment', '--help']).out).toContain('--pcap OUT');
  });
});

describe('sockscope pcap --lang zh-CN', () => {
  it('prints the summary, the groups, the comparison and the diagnostics in Chinese', () => {
    const r = runCli(['--lang', 'zh-CN', 'pcap', fixture('raw-frags-lo.pcap')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('：pcap，小端字节序，1 个接口（LINKTYPE_ETHERNET），27 个数据包');
    expect(r.out).toMatch(
      /分片组 2：127\.0\.0\.1 > 127\.0\.0\.1 id 20737 proto 17 —— 4 个分片，数据报 600 字节/,
    );
    expect(r.out).toContain('→ 已交付：592 字节，与发送的内容相同');
    expect(r.out).toContain('→ 模型没有交付任何数据');
    // The comparison's notes come from core/pcap's messages, in the same language.
    expect(r.out).toContain('抓包里有第 4 个数据包；模型在这个位置没有发出数据包。');
    expect(r.out).not.toMatch(/fragment group|delivered:|The capture has/);
    const s = runCli(['pcap', fixture('sendto-lo.pcap'), '--lang=zh-CN']);
    expect(s.out.match(/模型与抓包逐个数据包一致/g)).toHaveLength(5);
    expect(s.out).toContain('完整的 UDP 数据报：1 个');
  });

  it('diagnostics and bad usage in Chinese; the same exit codes as in English', () => {
    const en = runCli(['pcap', fixture('sendto-lo.pcap'), '--max-bytes', '3000']);
    const zh = runCli(['--lang', 'zh-CN', 'pcap', fixture('sendto-lo.pcap'), '--max-bytes', '3000']);
    expect(zh.code).toBe(en.code);
    expect(zh.out).toContain(
      '错误：在第 3,000 字节处停止：文件超过了 3,000 字节的上限；之前读到的内容仍然可用。',
    );
    const bad = runCli(['--lang', 'zh-CN', 'pcap', '--rows', '-1']);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('请给出且只给出一个抓包文件 FILE');
    expect(bad.out).toContain('--rows 只接受 0 到 1,000,000 之间的整数');
    const missing = runCli(['--lang', 'zh-CN', 'pcap', join(dir, 'missing.pcap')]);
    expect(missing).toEqual({ code: 2, out: `无法打开 ${join(dir, 'missing.pcap')}：ENOENT` });
  });

  it('--json keeps the machine fields and the English message, and adds the Chinese as message_text', () => {
    const args = ['pcap', fixture('sendto-lo.pcap'), '--max-bytes', '3000', '--json'];
    const en = JSON.parse(runCli(args).out);
    const zh = JSON.parse(runCli(['--lang', 'zh-CN', ...args]).out);
    expect(zh.diagnostics.map(({ message_text: _t, ...d }: Record<string, unknown>) => d)).toEqual(
      en.diagnostics,
    );
    expect(en.diagnostics[0].message_text).toBeUndefined();
    expect(zh.diagnostics[0]).toMatchObject({
      code: 'limit-bytes',
      message: expect.stringContaining('Stopped at byte 3,000'),
      message_text: expect.stringContaining('在第 3,000 字节处停止'),
    });
    expect(zh.packets).toEqual(en.packets);
  });
});
