import { describe, expect, it } from 'vitest';
import { formatMsg } from '../i18n/index.ts';
import { DEFAULT_SEND_INPUT, ipSend, parseOptionsHex, sendShapeIssues, validateSendInput } from './index.ts';
import type { InputIssue, SendInput } from './index.ts';
import { VM } from './validate-messages.ts';

const bad = (over: Partial<SendInput> | Record<string, unknown>): SendInput =>
  ({ ...DEFAULT_SEND_INPUT, ...over }) as SendInput;

/** Inputs that between them break every rule of validateSendInput and sendShapeIssues. */
const CASES: [string, InputIssue[]][] = [
  ['not an object', sendShapeIssues(7)],
  ['wrong types', sendShapeIssues({ family: 1, mtu: 'x', sg: 'yes', iov: ['a'], options: 'zz' })],
  ['sends not a list', sendShapeIssues({ ...DEFAULT_SEND_INPUT, sends: 'x', iov: undefined })],
  ['family', validateSendInput(bad({ family: 'inet5' as never }))],
  ['sock', validateSendInput(bad({ sock: 'tcp' as never }))],
  ['pmtu', validateSendInput(bad({ pmtu: 'maybe' as never }))],
  ['mtu4', validateSendInput(bad({ mtu: 40 }))],
  ['mtu6', validateSendInput(bad({ family: 'inet6', mtu: 1000, options: [1, 2, 3, 4] }))],
  ['no length', validateSendInput(bad({ sends: [] }))],
  ['one length', validateSendInput(bad({ sends: [-1] }))],
  ['send lengths', validateSendInput(bad({ sends: [1, 2e6] }))],
  ['iov lengths', validateSendInput(bad({ iov: [1.5], sends: [] }))],
  ['iov count', validateSendInput(bad({ iov: Array(1025).fill(1) }))],
  ['sends count', validateSendInput(bad({ sends: Array(257).fill(1) }))],
  ['raw protocol', validateSendInput(bad({ sock: 'raw', protocol: 300 }))],
  ['raw 0', validateSendInput(bad({ sock: 'raw', protocol: 0 }))],
  ['raw 0 over IPv6', validateSendInput(bad({ sock: 'raw', protocol: 0, family: 'inet6', mtu: 1500 }))],
  ['options', validateSendInput(bad({ options: [...Array(41).fill(1), 256] }))],
  ['hdrincl', validateSendInput(bad({ sock: 'raw-hdrincl', family: 'inet6', mtu: 1500, sends: [1, 2] }))],
  ['sndbuf', validateSendInput(bad({ sndbuf: 10 }))],
];

describe('the send input rules in both languages', () => {
  const all = CASES.flatMap(([, issues]) => issues);

  it.each(CASES)('%s: the message says in English word for word what the sentence says', (_, issues) => {
    expect(issues.length).toBeGreaterThan(0);
    for (const i of issues) expect(formatMsg(i.msg, 'en')).toBe(i.message);
  });

  it.each(CASES)('%s: and says it in Chinese, kernel names kept', (_, issues) => {
    for (const i of issues) {
      const zh = formatMsg(i.msg, 'zh-CN');
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      for (const name of i.message.match(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g) ?? []) expect(zh).toContain(name);
    }
  });

  it('every message of the table is reached by some input (none left English-only)', () => {
    const used = new Set(all.map((i) => i.msg.id));
    const opts = [parseOptionsHex('zz'), parseOptionsHex('940'), parseOptionsHex('00'.repeat(41))];
    for (const o of opts) {
      expect(o.ok).toBe(false);
      if (!o.ok) {
        expect(formatMsg(o.msg, 'en')).toBe(o.why);
        expect(formatMsg(o.msg, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
        used.add(o.msg.id);
      }
    }
    expect(
      Object.values(VM)
        .filter((d) => !used.has(d.id))
        .map((d) => d.id),
    ).toEqual([]);
  });
});

describe('ipSend refuses an input in the reader’s language', () => {
  it.each([
    ['shape', { family: 1, mtu: 'x', sg: 'yes', iov: ['a'], options: 'zz' }],
    ['rules', { ...DEFAULT_SEND_INPUT, family: 'inet6', mtu: 1000, options: [1, 2, 3, 4] }],
    ['one rule', { ...DEFAULT_SEND_INPUT, mtu: 40 }],
  ])('%s: EINVAL, its why the issues’ sentences in English and in Chinese', (_, input) => {
    const r = ipSend(input as SendInput);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errno).toBe('EINVAL');
    const issues = sendShapeIssues(input).length
      ? sendShapeIssues(input)
      : validateSendInput(input as SendInput);
    expect(formatMsg(r.why, 'en')).toBe(issues.map((i) => i.message).join(' '));
    const zh = formatMsg(r.why, 'zh-CN');
    expect(zh).toBe(issues.map((i) => formatMsg(i.msg, 'zh-CN')).join(''));
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    // No English sentence: no three plain English words in a row.
    expect(zh).not.toMatch(/\b[a-z]{2,}(?:[ ,;:]+[a-z]{2,}){2,}\b/);
  });
});
