/**
 * The encoder's and the spec check's failures as messages: every `spec.*` / `encode.*` id has one,
 * its English is SPEC_TEXT's word for word (`why`), and its Chinese is Chinese with every value kept.
 * The failures come from real calls (one per id) where a call is cheap; two limits take values.
 */
import { describe, expect, it } from 'vitest';
import { formatMsg } from '../i18n/index.ts';
import { encodeNetlink } from './encode.ts';
import { errnoMsg, errnoText } from './names.ts';
import { SPEC_MESSAGES, encodeIssueMsg, specMsg } from './spec-messages.ts';
import { SPEC_TEXT, specFail, type SpecFailure } from './spec-text.ts';
import type { NlFamily, NlMessageSpec } from './types.ts';

const CJK = /[\u4e00-\u9fff]/;
/** Three plain English words in a row (as core/cli/lang.test.ts reads a line). */
const ENGLISH_RUN = /\b(?![a-f]+\b)[a-z]{2,}(?:[ ,;:]+(?![a-f]+\b)[a-z]{2,}){2,}\b/;

const deep = (n: number): unknown => (n === 0 ? { type: 1 } : { type: 1, nested: [deep(n - 1)] });
const throwing = new Proxy(
  {},
  {
    ownKeys() {
      throw new Error('boom');
    },
  },
);

/** An input per failure: the specs, the family (route unless said), and the id it must give. */
const CASES: [string, unknown, unknown?][] = [
  ['spec.not-array', { type: 16 }],
  ['spec.not-array', 'RTM_GETLINK'],
  ['spec.not-array', null],
  ['spec.too-many', Array.from({ length: 100_001 }, () => ({}))],
  ['spec.too-deep', [{ type: 16, attributes: [deep(40)] }]],
  ['spec.not-object', [1]],
  ['spec.not-object', [{ type: 16, attributes: [[]] }]],
  ['spec.not-object', [{ type: 16, attributes: [{ type: 1, value: 'x' }] }]],
  ['spec.not-object', [{ type: 16, attributes: [{ type: 1, nlaFlags: 1 }] }]],
  ['spec.unknown-key', [{ type: 16, nope: 1 }]],
  ['spec.missing', [{}]],
  ['spec.missing', [{ type: 16, attributes: [{ type: 1, value: { kind: 'u8' } }] }]],
  ['spec.bad-field', [{ type: true }]],
  ['spec.bad-field', [{ type: 16, flags: 'REQUEST' }]],
  ['spec.bad-field', [{ type: 16, seq: '1' }]],
  ['spec.bad-field', [{ type: 16, attributes: {} }]],
  ['spec.bad-field', [{ type: 16, familyHeader: 3 }]],
  ['spec.bad-field', [{ type: 16, familyHeader: { ifi_index: 'x'.repeat(50) } }]],
  ['spec.bad-field', [{ type: 16, attributes: [{ type: null }] }]],
  ['spec.bad-field', [{ type: 16, attributes: [{ type: 1, nested: 2 }] }]],
  ['spec.bad-field', [{ type: 16, attributes: [{ type: 1, value: { kind: 'u7', v: 1 } }] }]],
  ['spec.bad-field', [{ type: 16, attributes: [{ type: 1, value: { kind: 'u8', v: [] } }] }]],
  [
    'spec.bad-field',
    [{ type: 16, attributes: [{ type: 1, value: { kind: 'u8', v: 1 }, nlaFlags: { nested: 1 } }] }],
  ],
  ['spec.bad-field', [throwing]],
  [
    'spec.value-and-nested',
    [{ type: 16, attributes: [{ type: 1, value: { kind: 'u8', v: 1 }, nested: [] }] }],
  ],
  ['encode.bad-options', [], 'nope'],
  ['encode.bad-options', [], { family: 'route', endian: 'middle' }],
  ['encode.unknown-type', [{ type: 'RTM_NOPE' }]],
  ['encode.unknown-flag', [{ type: 'RTM_GETLINK', flags: ['NLM_F_NOPE'] }]],
  ['encode.not-u32', [{ type: 'RTM_GETLINK', seq: -1 }]],
  ['encode.header-range', [{ type: 'RTM_GETLINK', familyHeader: { ifi_family: 300 } }]],
  ['encode.header-unknown', [{ type: 'RTM_GETLINK', familyHeader: { nope: 1 } }]],
  ['encode.no-header', [{ type: 'NLMSG_DONE', familyHeader: { x: 1 } }]],
  ['encode.len-override', [{ type: 'RTM_GETLINK', lenOverride: -4 }]],
  ['encode.attr-type', [{ type: 'RTM_GETLINK', attributes: [{ type: 'IFLA_NOPE' }] }]],
  ['encode.attr-type', [{ type: 16, attributes: [{ type: 'X_NOPE' }] }], 'raw'],
  [
    'encode.nest-too-big',
    [
      {
        type: 'RTM_NEWLINK',
        attributes: [
          {
            type: 'IFLA_LINKINFO',
            nested: [
              { type: 1, value: { kind: 'bytes', v: '00'.repeat(40000) } },
              { type: 1, value: { kind: 'bytes', v: '00'.repeat(40000) } },
            ],
          },
        ],
      },
    ],
  ],
  [
    'encode.attr-too-big',
    [
      {
        type: 'RTM_NEWLINK',
        attributes: [{ type: 'IFLA_IFNAME', value: { kind: 'bytes', v: '00'.repeat(70000) } }],
      },
    ],
  ],
  [
    'encode.attr-hex',
    [{ type: 'RTM_NEWLINK', attributes: [{ type: 'IFLA_ADDRESS', value: { kind: 'bytes', v: '0g' } }] }],
  ],
  [
    'encode.attr-hex',
    [{ type: 'RTM_NEWLINK', attributes: [{ type: 'IFLA_ADDRESS', value: { kind: 'bytes', v: 'abc' } }] }],
  ],
  [
    'encode.attr-range',
    [{ type: 'RTM_NEWLINK', attributes: [{ type: 'IFLA_MTU', value: { kind: 'u32', v: 5e9 } }] }],
  ],
];

/** The two limits a cheap call cannot reach: the failure as encode.ts / spec-check.ts build it. */
const BUILT: SpecFailure[] = [
  specFail('EMSGSIZE', 'spec.too-many', {
    path: 'message 0 attribute 9',
    limit: 1_000_000,
    what: 'attributes',
  }),
  specFail('EMSGSIZE', 'encode.too-big', { limit: 67108864 }),
];

function run([, specs, opts]: [string, unknown, unknown?]): SpecFailure {
  const o =
    opts === undefined ? { family: 'route' as NlFamily } : typeof opts === 'string' ? { family: opts } : opts;
  const r = encodeNetlink(specs as NlMessageSpec[], o as { family: NlFamily });
  if (r.ok) throw new Error('expected a failure');
  return r as SpecFailure;
}

const failures: [string, SpecFailure][] = [
  ...CASES.map((c) => [c[0], run(c)] as [string, SpecFailure]),
  ...BUILT.map((f) => [f.id, f] as [string, SpecFailure]),
];

/** The path as the Chinese sentence says it: `message 0 attribute 1/x` → `消息 0 的属性 1/x`. */
const zhPath = (path: string): string =>
  path.replace(/^message (\d+)(?: attribute (\d+))?/, (_, m: string, a?: string) =>
    a === undefined ? `消息 ${m}` : `消息 ${m} 的属性 ${a}`,
  );

describe('spec and encode failures as messages', () => {
  it('every id of SPEC_TEXT has a message, and the calls reach every one', () => {
    expect(Object.keys(SPEC_MESSAGES).sort()).toEqual(Object.keys(SPEC_TEXT).sort());
    expect([...new Set(failures.map(([, f]) => f.id))].sort()).toEqual(Object.keys(SPEC_TEXT).sort());
  });

  it.each(failures.map(([id, f], i) => [i, id, f] as const))('%i %s: English as why, Chinese', (_, id, f) => {
    expect(f.id).toBe(id);
    expect(formatMsg(specMsg(f), 'en')).toBe(f.why);
    expect(formatMsg(encodeIssueMsg(f), 'en')).toBe(`${f.errno}: ${f.why}`);
    const zh = formatMsg(encodeIssueMsg(f), 'zh-CN');
    expect(zh).toMatch(CJK);
    expect(zh.startsWith(`${f.errno}：`)).toBe(true);
    // What a person typed and the kernel's names stay; no English sentence is left.
    for (const k of ['path', 'type', 'name', 'struct', 'member', 'key', 'limit', 'size', 'kind', 'set'])
      if (f.values[k] !== undefined && f.values[k] !== '' && f.values[k] !== 'a value')
        expect(zh).toContain(k === 'path' ? zhPath(String(f.values[k])) : String(f.values[k]));
    // Where in the spec, in Chinese too: the indexes and what is below them kept.
    expect(zh).not.toMatch(/\bmessage \d|\battribute \d/);
    const prose = formatMsg(encodeIssueMsg(f), 'zh-CN', { code: 'backticks' });
    expect(prose.replace(/`[^`]*`|"[^"]*"|“[^”]*”/g, '')).not.toMatch(ENGLISH_RUN);
  });
});

describe('strerror of any errno a reply can carry, in both languages', () => {
  it.each([
    [524, 'ENOTSUPP', 'Unknown error 524', '未知错误 524'],
    [16, 'EBUSY', 'Device or resource busy', '设备或资源忙'],
    [75, 'EOVERFLOW', 'Value too large for defined data type', '对已定义的数据类型来说值过大'],
    [95, 'EOPNOTSUPP', 'Operation not supported', '不支持的操作'],
    [4000, 'errno 4000', 'Unknown error 4000', '未知错误 4000'],
    [0, 'ACK', 'Success', '成功'],
  ])('%i: %s', (n, name, en, zh) => {
    expect(errnoText(n)).toEqual({ name, strerror: en });
    expect(formatMsg(errnoMsg(n), 'en')).toBe(en);
    expect(formatMsg(errnoMsg(n), 'zh-CN')).toBe(zh);
  });
  it('not a number', () => {
    expect(errnoText(1.5)).toEqual({ name: 'errno ?', strerror: 'Not an error number' });
    expect(formatMsg(errnoMsg(1.5), 'zh-CN')).toMatch(CJK);
  });
});
