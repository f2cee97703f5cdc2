import { describe, expect, it } from 'vitest';
import { createIntl } from 'react-intl';
import { CATALOGS } from '../../../core/i18n/index.ts';
import { reassemble } from '../../../core/ip/defrag.ts';
import { fieldsToDefragInput, parseReassembleQuery } from './params.ts';
import { headline } from './OutcomePanel.tsx';

const intl = (locale: 'en' | 'zh-CN') =>
  createIntl({ locale, messages: CATALOGS[locale], defaultLocale: 'en' });

function run(query: string) {
  const parsed = fieldsToDefragInput(parseReassembleQuery(query).fields);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const r = reassemble(parsed.input);
  if (!r.ok) throw new Error('model error');
  return r;
}

/** The Overlap preset on the issue's datagram: a copy of the second fragment 8 bytes back. */
const OVERLAP = 'len=2992&frags=0:1480:1,1480:1480:1,2960:40:0,1472:1480:1&order=0,3,1,2';

describe('the outcome headline (issue 15)', () => {
  it('names every queue and how it ended: never "still waiting" alone above a dropped queue', () => {
    const r = run(OVERLAP);
    const ended = r.queues.map((q) => q.state);
    expect(ended).toContain('dropped');
    const text = String(headline(r, intl('en')));
    for (const q of r.queues)
      expect(text).toContain(q.state === 'dropped' ? `queue #${q.serial} was dropped` : `queue #${q.serial}`);
    expect(text).toBe('Nothing delivered yet: queue #1 was dropped and queue #2 is still waiting.');
    expect(String(headline(r, intl('zh-CN')))).toBe('还没有交付：队列 #1 被丢弃和队列 #2 仍在等待。');
  });

  it('one waiting queue alone still says so', () => {
    const r = run('len=2992&frags=0:1480:1,1480:1480:1,2960:40:0&order=2,1');
    expect(String(headline(r, intl('en')))).toBe('Nothing delivered yet: queue #1 is still waiting.');
  });
});
