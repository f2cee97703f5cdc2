/**
 * The encoder's failures on a builder field in the reader's language: a row the encoder refuses
 * carries the failure's id and values (`cause`), and core's encodeIssueMsg (spec-messages.ts,
 * tested there for every id) says it in English exactly as the row's message, and in Chinese.
 */
import { describe, expect, it } from 'vitest';
import { formatMsg } from '../../../core/i18n/index.ts';
import { encodeIssueMsg } from '../../../core/netlink/index.ts';
import { rowToBytes, type NlMessageRow } from '../../../core/netlink/spec-rows.ts';

describe('the builder’s encoder failures', () => {
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
    const m = encodeIssueMsg({ errno: String(i.values.errno), ...i.cause! });
    expect(formatMsg(m, 'zh-CN')).toMatch(/^EMSGSIZE：.*字节/);
    expect(formatMsg(m, 'en')).toBe(i.message);
  });
});
