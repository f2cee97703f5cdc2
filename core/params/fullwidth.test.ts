import { describe, expect, it } from 'vitest';
import { SEND_PARAMS } from './send.ts';
import { bit, keyword, whole, wholeList } from './param.ts';
import { parseIndexList, splitFrags } from './frags.ts';

describe('parameters typed with a Chinese input method', () => {
  it('full-width digits are the same number (４０００ is 4000)', () => {
    expect(SEND_PARAMS.len.parse('４０００')).toEqual({ ok: true, value: 4000 });
    expect(whole('n', 'N', { min: 0, max: 9 }, 0).parse('　７　')).toEqual({ ok: true, value: 7 });
  });
  it('the full-width comma and 、 separate list items (1，2 is 1,2)', () => {
    const list = wholeList('l', 'L', { min: 0, max: 5000, maxItems: 8, example: '1,2' }, [1]);
    expect(list.parse('1，2')).toEqual({ ok: true, value: [1, 2] });
    expect(list.parse('１０００、２０００')).toEqual({ ok: true, value: [1000, 2000] });
    expect(parseIndexList('０，1', 2)).toEqual(parseIndexList('0,1', 2));
    expect(splitFrags('0：1480：1，1480：20：0')).toEqual(splitFrags('0:1480:1,1480:20:0'));
  });
  it('full-width letters in keywords and bits', () => {
    expect(keyword('f', 'F', ['ipv4', 'ipv6'], 'ipv4').parse('ｉｐｖ６')).toEqual({
      ok: true,
      value: 'ipv6',
    });
    expect(bit('b', 'B', false).parse('１')).toEqual({ ok: true, value: true });
  });
  it('what is still not a number is still refused, naming what was typed', () => {
    const r = SEND_PARAMS.len.parse('四千');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issue.values.value).toBe('四千');
  });
});
