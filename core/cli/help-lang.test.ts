/**
 * `sockscope <command> --help --lang zh-CN`: the explanatory prose of every command's help in
 * Chinese, the synopsis (flags and values) as it is; the English help word for word as it was
 * before the help became messages (fixtures/help-en.json, taken from that version).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS, runCli } from './commands.ts';

/** As in lang.test.ts: three plain ASCII words in a row. */
const WORD = '(?![a-f]+\\b)[a-z]{2,}';
const ENGLISH_RUN = new RegExp(`\\b${WORD}(?:[ ,;:]+${WORD}){2,}\\b`);
const CJK = /[\u4e00-\u9fff]/;

const ENGLISH: Record<string, string> = JSON.parse(
  readFileSync(new URL('./fixtures/help-en.json', import.meta.url), 'utf8'),
);

/** A synopsis line: the first (`usage:` translated), a continuation `[--…`, or another `sockscope …` form. */
const SYNOPSIS = /^(?:usage:|用法：|\s+\[--|\s+sockscope )/;

/** The help without its synopsis lines and without JSON shapes `{ … }` (field names are identifiers). */
function prose(out: string): string[] {
  let s = out;
  for (let prev = ''; prev !== s;) [prev, s] = [s, s.replace(/\{[^{}]*\}/g, '')];
  return s.split('\n').filter((l) => !SYNOPSIS.test(l));
}

const flags = (s: string) => [...new Set(s.match(/--[a-z][a-z-]*/g) ?? [])].sort();

const commands = Object.keys(COMMANDS);

describe('sockscope <command> --help', () => {
  it('covers every command', () => {
    expect(Object.keys(ENGLISH).sort()).toEqual([...commands].sort());
  });

  it.each(commands)('%s: the English help as it was', (cmd) => {
    const r = runCli([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(ENGLISH[cmd]);
  });

  it.each(commands)('%s --lang zh-CN: Chinese prose, the same flags, the synopsis kept', (cmd) => {
    const en = runCli([cmd, '--help']);
    const zh = runCli([cmd, '--help', '--lang', 'zh-CN']);
    expect(zh.code).toBe(en.code);
    expect(zh.out).toMatch(CJK);
    expect(zh.out.startsWith('用法：')).toBe(true);
    const english = prose(en.out);
    const chinese = prose(zh.out);
    expect(chinese.filter((l) => ENGLISH_RUN.test(l))).toEqual([]);
    // The check could fail: the English help has such runs wherever it has prose.
    if (english.some((l) => l.trim())) expect(english.some((l) => ENGLISH_RUN.test(l))).toBe(true);
    expect(flags(zh.out)).toEqual(flags(en.out));
    // The synopsis lines are the English ones, but for the word `usage:`.
    const synopsis = (s: string) => s.split('\n').filter((l) => SYNOPSIS.test(l));
    expect(synopsis(zh.out).map((l) => l.replace(/^用法：\s*/, 'usage: '))).toEqual(synopsis(en.out));
  });

  it('keeps the option column in Chinese: every continuation line starts under the text', () => {
    const zh = runCli(['netlink', '--help', '--lang', 'zh-CN']).out.split('\n');
    const at = zh.findIndex((l) => l.startsWith('  --max-bytes     '));
    expect(zh[at + 1]).toMatch(/^ {18}\S/);
    const r = runCli(['reassemble', '--help', '--lang', 'zh-CN']).out.split('\n');
    const d = r.findIndex((l) => l.startsWith('  --max-dist '));
    expect(r[d + 1]).toMatch(/^ {12}\S/);
  });

  it('a usage error in Chinese shows the Chinese help', () => {
    for (const cmd of ['journey', 'pcap', 'receive', 'reassemble', 'netlink']) {
      const zh = runCli([cmd, '--no-such-flag', '--lang', 'zh-CN']);
      expect(zh.code, cmd).toBe(2);
      expect(zh.out, cmd).toMatch(/^用法：\s*sockscope/m);
    }
  });
});
