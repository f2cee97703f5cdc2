/** `sockscope fragment --lang zh-CN`: the input rules (validateSendInput, the options hex) in Chinese. */
import { describe, expect, it } from 'vitest';
import { runCli } from './commands.ts';

const firstLine = (s: string) => s.split('\n')[0] ?? '';

describe('sockscope fragment, a refused input', () => {
  it.each([
    [['--len', '100', '--mtu', '40'], '--mtu: MTU must be a whole number from 68', 'IPV4_MIN_MTU'],
    [['--len', '100', '--opts', 'zz'], '--opts: Options are hex bytes', '94040000'],
    [['--len', '100', '--sock', 'raw', '--proto', '0'], 'fails with EPROTONOSUPPORT', 'EPROTONOSUPPORT'],
  ])('%j: English by default, Chinese with --lang zh-CN, the same exit code', (args, english, kept) => {
    const en = runCli(['fragment', ...args]);
    const zh = runCli(['fragment', ...args, '--lang', 'zh-CN']);
    expect(en.code).toBe(2);
    expect(zh.code).toBe(en.code);
    expect(firstLine(en.out)).toContain(english);
    expect(firstLine(zh.out)).toMatch(/[\u4e00-\u9fff]/);
    expect(firstLine(zh.out)).toContain(kept);
    expect(firstLine(zh.out)).not.toContain(english);
  });
});

describe('sockscope fragment, a send the kernel refuses', () => {
  it.each([
    [['--len', '70000'], 'EMSGSIZE'],
    [['--len', '4000', '--mtu', '1500', '--pmtu', 'do', '--sock', 'raw-hdrincl'], 'EMSGSIZE'],
  ])('%j: strerror in the reader\'s language, the errno name kept', (args, errno) => {
    const en = runCli(['fragment', ...args]);
    const zh = runCli(['fragment', ...args, '--lang', 'zh-CN']);
    const failed = (out: string) => out.split('\n').find((l) => l.startsWith('→')) ?? '';
    expect(failed(en.out)).toContain(`${errno} (90, Message too long)`);
    expect(failed(zh.out)).toContain(errno);
    expect(failed(zh.out)).toContain('消息过长');
    expect(failed(zh.out)).not.toContain('Message too long');
  });
});
