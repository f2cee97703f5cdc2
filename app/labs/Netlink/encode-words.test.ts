/**
 * The encoder's failures on a builder field in the reader's language: ENCODE_TEXT has a message
 * for every `encode.*` id a row can meet, with the English of core's SPEC_TEXT word for word.
 */
import { describe, expect, it } from 'vitest';
import type { MessageDescriptor } from 'react-intl';
import { formatMsg, msg as coreMsg, type Locale } from '../../../core/i18n/index.ts';
import { rowToBytes, type NlMessageRow } from '../../../core/netlink/spec-rows.ts';
import { SPEC_TEXT } from '../../../core/netlink/spec-text.ts';
import { ENCODE_ISSUE, ENCODE_TEXT, encodeValues } from './words.ts';

const CJK = /[\u4e00-\u9fff]/;

/** A catalog descriptor (react-intl's type, whose id is optional) as a message. */
const msg = (d: MessageDescriptor, values: Record<string, string>) => coreMsg({ id: d.id ?? '' }, values);
const fmt = (m: ReturnType<typeof msg>, locale: Locale) => formatMsg(m, locale);

/** Values for every id, as encode.ts passes them. */
const SAMPLES: Record<string, Record<string, string | number>> = {
  'encode.unknown-type': { path: 'messages[0]', type: 'RTM_NOPE', family: 'route' },
  'encode.unknown-flag': { path: 'messages[0]', flags: '["NOPE"]' },
  'encode.not-u32': { path: 'messages[0]', key: 'seq', value: -1 },
  'encode.header-range': {
    path: 'messages[0]',
    struct: 'ifinfomsg',
    member: 'ifi_family',
    value: 300,
    size: 1,
  },
  'encode.header-unknown': {
    path: 'messages[0]',
    struct: 'ifinfomsg',
    extra: 'x',
    fields: 'ifi_family, ifi_type',
  },
  'encode.no-header': { path: 'messages[0]', type: 'NLMSG_DONE', family: 'route' },
  'encode.len-override': { path: 'messages[0]', value: -4 },
  'encode.too-big': { limit: 67108864 },
  'encode.attr-type': { path: 'messages[0].attributes[0]', type: 'X', set: 'IFLA' },
  'encode.nest-too-big': { path: 'messages[0].attributes[0]', name: 'IFLA_LINKINFO', size: 70000 },
  'encode.attr-too-big': { path: 'messages[0].attributes[0]', name: 'IFLA_IFNAME', size: 70000 },
  'encode.attr-hex': { path: 'messages[0].attributes[0]', name: 'IFLA_ADDRESS', why: 'odd digits' },
  'encode.attr-range': {
    path: 'messages[0].attributes[0]',
    name: 'IFLA_MTU',
    value: '5000000000',
    kind: 'u32',
  },
};

const en = (id: string, v: Record<string, string | number>) =>
  fmt(msg(ENCODE_TEXT[id]!, encodeValues(id, v)), 'en');
const zh = (id: string, v: Record<string, string | number>) =>
  fmt(msg(ENCODE_TEXT[id]!, encodeValues(id, v)), 'zh-CN');

describe('the builder’s encoder failures', () => {
  it('cover every encode.* id but the options (the builder sets those itself)', () => {
    const ids = Object.keys(SPEC_TEXT).filter((k) => k.startsWith('encode.') && k !== 'encode.bad-options');
    expect(Object.keys(ENCODE_TEXT).sort()).toEqual(ids.sort());
    expect(Object.keys(SAMPLES).sort()).toEqual(ids.sort());
  });

  it.each(Object.keys(SAMPLES))('%s: the English of core, and Chinese with the same values', (id) => {
    const v = SAMPLES[id]!;
    expect(en(id, v)).toBe(SPEC_TEXT[id]!(v));
    const z = zh(id, v);
    expect(z).toMatch(CJK);
    for (const x of Object.values(v)) expect(z).toContain(String(x));
  });

  it('attr-type without an enum: no “in …_*” in either language', () => {
    const v = { path: 'p', type: 'X', set: '' };
    expect(en('encode.attr-type', v)).toBe(SPEC_TEXT['encode.attr-type']!(v));
    expect(zh('encode.attr-type', v)).not.toMatch(/_\*/);
  });

  it('a row the encoder refuses carries the cause for the catalog', () => {
    const row: NlMessageRow = {
      type: 'RTM_NEWLINK',
      flags: 0,
      seq: '1',
      pid: '0',
      familyHeader: [],
      attrs: [
        {
          type: 'IFLA_IFNAME',
          kind: 'bytes',
          value: '00'.repeat(70000),
          children: [],
          nlaNested: false,
          netByteorder: false,
        },
      ],
    };
    const r = rowToBytes(row, 'route', 'le');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const i = r.issues[0]!;
    expect(i.id).toBe('row.encode');
    expect(i.cause?.id).toBe('encode.attr-too-big');
    const d = ENCODE_TEXT[i.cause!.id]!;
    const zhText = fmt(
      msg(ENCODE_ISSUE, {
        errno: String(i.values.errno),
        why: fmt(msg(d, encodeValues(i.cause!.id, i.cause!.values)), 'zh-CN'),
      }),
      'zh-CN',
    );
    expect(zhText).toMatch(/^EMSGSIZE：.*字节/);
    const enText = fmt(
      msg(ENCODE_ISSUE, {
        errno: String(i.values.errno),
        why: fmt(msg(d, encodeValues(i.cause!.id, i.cause!.values)), 'en'),
      }),
      'en',
    );
    expect(enText).toBe(i.message);
  });
});
