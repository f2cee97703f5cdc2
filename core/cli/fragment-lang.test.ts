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
