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

  it('leaves commands not yet translated in English, and working', () => {
    const r = runCli(['--lang', 'zh-CN', 'fragment', '--len', '4000', '--mtu', '1500']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('payload length');
  });
});
