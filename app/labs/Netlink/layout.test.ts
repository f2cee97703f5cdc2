import { describe, expect, it } from 'vitest';
import { decodeNetlink, NETLINK_SAMPLES, parseHex } from '../../../core/netlink/index.ts';
import { indexBuffer, keepSameFields, layoutRows, leafFields, wrapLabel } from './layout.ts';
import type { LeafField } from './layout.ts';

const f = (name: string, offset: number, size: number, kind: LeafField['kind'] = 'payload'): LeafField => ({
  key: `${offset}:${size}:${name}`,
  name,
  group: 'g',
  offset,
  size,
  display: '',
  kind,
  depth: 0,
});

describe('layoutRows', () => {
  it('puts nlmsghdr in four 32-bit rows, type and flags sharing one', () => {
    const rows = layoutRows(
      [
        f('nlmsg_len', 0, 4, 'len'),
        f('nlmsg_type', 4, 2, 'type'),
        f('nlmsg_flags', 6, 2, 'flags'),
        f('nlmsg_seq', 8, 4, 'seq'),
        f('nlmsg_pid', 12, 4, 'pid'),
      ],
      0,
    );
    expect(rows).toHaveLength(4);
    const r1 = rows[1]!;
    expect(r1.kind === 'row' && r1.segments.map((s) => [s.field.name, s.from, s.to])).toEqual([
      ['nlmsg_type', 0, 2],
      ['nlmsg_flags', 2, 4],
    ]);
  });

  it('elides the middle of a long payload and keeps its last row', () => {
    const rows = layoutRows([f('hdr', 0, 4), f('blob', 4, 1000), f('tail', 1004, 4)], 0);
    const elided = rows.filter((r) => r.kind === 'elided');
    expect(elided).toHaveLength(1);
    const covered = rows.reduce((n, r) => n + (r.kind === 'row' ? 4 : r.bytes), 0);
    expect(covered).toBe(1008);
    expect(rows.length).toBeLessThan(10);
  });

  it('labels a field that starts at the last byte of a row on its next piece', () => {
    const rows = layoutRows([f('a', 0, 3), f('b', 3, 5)], 0);
    const pieces = rows
      .flatMap((r) => (r.kind === 'row' ? r.segments : []))
      .filter((s) => s.field.name === 'b');
    expect(pieces.map((s) => s.labelled)).toEqual([false, true]);
  });
});

describe('wrapLabel', () => {
  it('keeps a label whole when it fits', () => {
    expect(wrapLabel('nlmsg_len', 9)).toEqual(['nlmsg_len']);
  });

  it('breaks after underscores and spaces, never dropping a character', () => {
    const lines = wrapLabel('ifi_family', 7);
    expect(lines).toEqual(['ifi_', 'family']);
    expect(wrapLabel('29 (IFLA_EXT_MASK)', 8).join('')).toBe('29 (IFLA_EXT_MASK)');
    for (const l of wrapLabel('0x301 (NLM_F_REQUEST|NLM_F_ROOT|NLM_F_MATCH)', 8))
      expect(l.length).toBeLessThanOrEqual(8);
  });

  it('never cuts a word that fits a line of its own (360 px: IFLA_IF|NAME, REQUES|T)', () => {
    expect(wrapLabel('IFLA_IFNAME', 8)).toEqual(['IFLA_', 'IFNAME']);
    expect(wrapLabel('RTM_NEWLINK', 9)).toEqual(['RTM_', 'NEWLINK']);
    // The break point early in the line is taken when the rest is one word that fits: not
    // 0 (ARPHRD / _NETROM) with the underscore leading, and not nlmsg / _flag / s.
    expect(wrapLabel('0 (ARPHRD_NETROM)', 9)).toEqual(['0 (', 'ARPHRD_', 'NETROM)']);
    expect(wrapLabel('nlmsg_flags', 5).join('|')).not.toMatch(/flag\|s/);
    expect(wrapLabel('3 (IFLA_IFNAME)', 11)).toEqual(['3 (IFLA_', 'IFNAME)']);
    expect(wrapLabel('0x301 (NLM_F_REQUEST|NLM_F_DUMP)', 9)).toEqual([
      '0x301 (',
      'NLM_F_',
      'REQUEST|',
      'NLM_F_',
      'DUMP)',
    ]);
  });

  it('cuts a word that has no break point', () => {
    expect(wrapLabel('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    // Cut once: the same label in the same box is the same lines.
    expect(wrapLabel('abcdefghij', 4.5)).toBe(wrapLabel('abcdefghij', 4));
  });

  it('ends in an ellipsis only when the lines run out', () => {
    expect(wrapLabel('aaaa bbbb cccc dddd', 5, 2)).toEqual(['aaaa', 'bbbb…']);
    expect(wrapLabel('x', 0)).toEqual([]);
  });
});

describe('indexBuffer', () => {
  it('finds each byte in the leaf fields of its message, building only the messages asked about', () => {
    const one = parseHex(NETLINK_SAMPLES.find((s) => s.id === 'getlink-dump')!.hex);
    if (!one.ok) throw new Error(one.why);
    const bytes = new Uint8Array(one.bytes.length * 3);
    for (let i = 0; i < 3; i++) bytes.set(one.bytes, i * one.bytes.length);
    const r = decodeNetlink(bytes, { family: 'route' });
    const leaves = r.messages.map((m) => leafFields(m, bytes.length));
    const read: number[] = [];
    const messages = r.messages.map(
      (m, i) => new Proxy(m, { get: (t, k) => (k === 'attributes' && read.push(i), Reflect.get(t, k)) }),
    );
    const index = indexBuffer({ ...r, messages }, bytes.length);
    const last = r.messages.at(-1)!;
    const probe = last.offset + 20;
    expect(index.at(probe)?.message).toBe(r.messages.length - 1);
    expect(new Set(read)).toEqual(new Set([r.messages.length - 1]));
    // Every byte: the same field as the eager list of every message's leaves.
    for (let o = 0; o < bytes.length; o++) {
      const i = r.messages.findIndex(
        (m, k) => o >= m.offset && (k + 1 === r.messages.length || o < r.messages[k + 1]!.offset),
      );
      const want = leaves[i]!.find((f) => o >= f.offset && o < f.offset + f.size);
      expect(index.at(o)?.field.key).toBe(want?.key);
    }
    expect(index.at(bytes.length)).toBeNull();
  });
});

describe('keepSameFields', () => {
  const dump = NETLINK_SAMPLES.find((s) => s.id === 'getlink-dump')!;
  const fieldsOf = (b: Uint8Array) =>
    leafFields(decodeNetlink(b, { family: 'route' }).messages[0]!, b.length);
  const bytes = (() => {
    const p = parseHex(dump.hex);
    if (!p.ok) throw new Error(p.why);
    return p.bytes;
  })();

  it('after a one-byte edit keeps every field object but the edited one; the same fields give back the list', () => {
    const before = fieldsOf(bytes);
    // "lo" → "ln": the first IFLA_IFNAME's second letter.
    const at = Buffer.from(bytes).toString('hex').indexOf('070003006c6f00') / 2 + 5;
    const edited = bytes.slice();
    edited[at] = 0x6e;
    const next = keepSameFields(before, fieldsOf(edited));
    expect(next).not.toBe(before);
    expect(next).toHaveLength(before.length);
    const changed = next.filter((x, i) => x !== before[i]);
    expect(changed.map((x) => [x.name, x.display])).toEqual([['payload', '"ln"']]);
    expect(next.every((x) => x.offset + x.size <= at || x.offset > at || changed.includes(x))).toBe(true);
    // Decoded again from the same bytes: the very list.
    expect(keepSameFields(next, fieldsOf(edited))).toBe(next);
    // Nothing to keep from: the new list as it is.
    const fresh = fieldsOf(bytes);
    expect(keepSameFields([], fresh)).toBe(fresh);
  });

  it('a field whose value reads differently is not kept', () => {
    const a = f('x', 0, 4);
    const b = { ...f('x', 0, 4), display: '5' };
    expect(keepSameFields([a], [b])[0]).toBe(b);
    expect(keepSameFields([a], [{ ...a }])[0]).toBe(a);
  });
});
