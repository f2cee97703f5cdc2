/** issueListMsg: every problem of a long list is said, in order, in both languages. */
import { describe, expect, it } from 'vitest';
import { formatMsg, msg } from '../i18n/index.ts';
import { IM, issueListMsg } from './input-messages.ts';

describe('issueListMsg', () => {
  it.each([1, 2, 7, 11, 40])('%i problems: each one printed once, in order, none cut to "…"', (n) => {
    const issues = Array.from({ length: n }, (_, k) => ({ field: `f${k}`, msg: msg(IM.notInput) }));
    for (const locale of ['en', 'zh-CN'] as const) {
      const text = formatMsg(issueListMsg(issues), locale);
      expect(text).not.toContain('…');
      const at = issues.map((i) => text.indexOf(`${i.field}`));
      expect(at.every((x) => x >= 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
    }
  });
});
