/**
 * The labs' own input issues reach a Chinese page in Chinese: each carries a catalog message
 * (`msg`) whose English is the issue's English `message`, word for word.
 */
import { describe, expect, it } from 'vitest';
import { renderText } from '../../core/i18n/index.ts';
import { parseReassembleQuery } from './Reassemble/params.ts';
import { parseSkbQuery } from './Skb/params.ts';
import { DEFAULT_SOCKET_FIELDS, fieldsToCall } from './Socket/params.ts';
import type { Issue } from '../lab-kit/index.ts';
import { createNetlinkStore } from './Netlink/store.ts';

const CJK = /[\u4e00-\u9fff]/;

function check(issues: readonly Issue[]) {
  expect(issues.length).toBeGreaterThan(0);
  for (const i of issues) {
    expect(i.msg, `${i.field}: ${i.message}`).toBeDefined();
    const en = renderText(i.msg!, 'en').replace(/\s+/g, ' ');
    expect(en).toBe(i.message);
    expect(renderText(i.msg!, 'zh-CN')).toMatch(CJK);
  }
}

describe("the labs' own input issues, in both languages", () => {
  it('Reassembly: order= not a list, order= out of range, at= of the wrong length', () => {
    check(parseReassembleQuery('frags=0:8:1,8:8:0&order=x').issues.filter((i) => i.field === 'order'));
    check(parseReassembleQuery('frags=0:8:1,8:8:0&order=0,5').issues.filter((i) => i.field === 'order'));
    check(parseReassembleQuery('frags=0:8:1,8:8:0&at=1,2,3').issues.filter((i) => i.field === 'at'));
  });

  it('sk_buff: an unknown preset, a sequence it cannot read', () => {
    check(parseSkbQuery('preset=nope').issues);
    check(parseSkbQuery('ops=reserve:32,shove:5').issues);
  });

  it('Socket: empty arguments, bad flags, op and level', () => {
    const f = DEFAULT_SOCKET_FIELDS;
    const issuesOf = (r: ReturnType<typeof fieldsToCall>) => (r.ok ? [] : r.issues);
    check(issuesOf(fieldsToCall({ ...f, domain: '', type: '', protocol: '' })));
    check(issuesOf(fieldsToCall({ ...f, nonblock: '2', cloexec: 'x', op: 'bind', level: 'SOL_NOPE' })));
  });

  it('Netlink: a sample= it does not have (the value echoed cut when long)', () => {
    const store = createNetlinkStore();
    store.getState().load({ sample: 'nope' });
    check(store.getState().issues);
    store.getState().load({ sample: 'x'.repeat(100_000) });
    const [long] = store.getState().issues;
    expect(long!.message.length).toBeLessThan(300);
    check(store.getState().issues);
  });
});
