import { describe, expect, it } from 'vitest';
import { runCli } from './commands.ts';

describe('the global --lang flag', () => {
  it('is English by default and takes en or zh-CN anywhere on the line', () => {
    const args = ['socket', 'AF_INET', 'SOCK_DGRAM', '0'];
    expect(runCli(args).out).toContain('result: a socket');
    expect(runCli(['--lang', 'en', ...args]).out).toContain('result: a socket');
    expect(runCli(['--lang', 'zh-CN', ...args]).out).toContain('结果：得到一个套接字');
    expect(runCli([...args, '--lang=zh-CN']).out).toContain('结果：得到一个套接字');
    expect(runCli(['socket', '--lang', 'zh-cn', 'AF_INET', 'SOCK_DGRAM', '0']).out).toContain('结果');
  });

  it('refuses other languages with a clear message and exit code 2', () => {
    const fr = runCli(['--lang', 'fr', 'socket', 'AF_INET', 'SOCK_DGRAM', '0']);
    expect(fr.code).toBe(2);
    expect(fr.out).toMatch(/^sockscope: --lang takes en or zh-CN, not "fr"/);
    expect(fr.out).toContain('usage: sockscope <command>');
    const none = runCli(['socket', 'AF_INET', 'SOCK_DGRAM', '0', '--lang']);
    expect(none.code).toBe(2);
    expect(none.out).toMatch(/^sockscope: --lang needs a value/);
    expect(runCli(['--lang', 'x'.repeat(500)]).out.length).toBeLessThan(1000);
  });

  it('prints the top-level help and errors in the chosen language', () => {
    expect(runCli(['--lang', 'zh-CN', 'help']).out).toMatch(/^sockscope —— 看 Linux 内核/);
    expect(runCli(['--lang', 'zh-CN', 'help']).out).toContain(
      '用法：sockscope <command> [options] [--lang en|zh-CN]',
    );
    const unknown = runCli(['--lang', 'zh-CN', 'frob']);
    expect(unknown.code).toBe(2);
    expect(unknown.out).toMatch(/^未知命令：frob/);
    expect(runCli(['toString']).code).toBe(2);
  });

  it('prints fragment in Chinese with --lang zh-CN: sentences, table heads, counters', () => {
    const r = runCli(['--lang', 'zh-CN', 'fragment', '--len', '4000', '--mtu', '1500']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('IPv4 udp 套接字发送 4000 字节，MTU 1500，pmtudisc 为 want');
    expect(r.out).toMatch(/→ 已发送 4000 字节，共 3 个数据包（ip_do_fragment 走快速路径：/);
    expect(r.out).toContain('载荷长度');
    expect(r.out).toContain('计数器（即 nstat 会显示的内容）：');
    expect(r.out).not.toContain('payload length');
  });

  it('prints fragment errors in Chinese: a bad value, an unknown flag, an errno', () => {
    const bad = runCli(['fragment', '--len', '1.5', '--lang', 'zh-CN']);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('--len 必须是整数（单位：字节）；收到的是“1.5”。');
    expect(bad.out).toMatch(/^用法： sockscope fragment/m);
    const flag = runCli(['--lang=zh-CN', 'fragment', '--bogus', '1']);
    expect(flag.out.split('\n')[0]).toBe('未知选项 --bogus');
    const big = runCli(['--lang', 'zh-CN', 'fragment', '--len', '70000']);
    expect(big.code).toBe(1);
    expect(big.out).toMatch(/→ EMSGSIZE（90，消息过长），由 \S+（\S+）返回：/);
  });

  it('prints trace in Chinese and adds the rendered text to --json', () => {
    const t = runCli(['trace', '--len', '4000', '--lang', 'zh-CN']);
    expect(t.code).toBe(0);
    expect(t.out).toMatch(/→ 已发送 4000 字节/);
    const j = JSON.parse(runCli(['trace', '--len', '4000', '--json', '--lang', 'zh-CN']).out);
    expect(j.sent).toBe(4000);
    expect(j.text[1]).toMatch(/^→ 已发送 4000 字节/);
    expect(typeof j.steps[0].why_text).toBe('string');
    const f = JSON.parse(runCli(['fragment', '--len', '4000', '--json', '--lang', 'zh-CN']).out);
    expect(f.wire).toHaveLength(3);
    expect(f.text[0]).toContain('套接字发送');
  });

  it('keeps English by default, word for word', () => {
    const r = runCli(['fragment', '--len', '4000']);
    expect(r.out.split('\n')[0]).toBe('IPv4 udp send of 4000 bytes, MTU 1500, pmtudisc want');
    expect(runCli(['fragment', '--len', 'x']).out.split('\n')[0]).toBe(
      '--len must be a whole number of bytes; got “x”.',
    );
  });
});
