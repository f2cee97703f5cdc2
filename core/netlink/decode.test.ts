import { describe, expect, it } from 'vitest';
import {
  NETLINK_SAMPLES,
  decodeNetlink,
  encodeNetlink,
  parseHex,
  toHex,
  type NlDecodeResult,
  type NlDiagnostic,
  type NlMessageSpec,
} from './index.ts';

const sample = (id: string): Uint8Array => {
  const s = NETLINK_SAMPLES.find((x) => x.id === id);
  if (!s) throw new Error(`no sample ${id}`);
  const p = parseHex(s.hex);
  if (!p.ok) throw new Error(p.why);
  return p.bytes;
};
const allDiags = (r: NlDecodeResult): NlDiagnostic[] => [
  ...r.diagnostics,
  ...r.messages.flatMap((m) => [...m.diagnostics, ...(m.error?.echoed?.diagnostics ?? [])]),
];
const only = (r: NlDecodeResult, code: string): NlDiagnostic[] => allDiags(r).filter((d) => d.code === code);
const encode = (msgs: NlMessageSpec[], family: 'route' | 'generic' | 'raw' = 'route'): Uint8Array => {
  const r = encodeNetlink(msgs, { family });
  if (!r.ok) throw new Error(r.why);
  return r.bytes;
};
const getlink = (flags: string[] | number, extra: Partial<NlMessageSpec> = {}): NlMessageSpec => ({
  type: 'RTM_GETLINK',
  flags,
  seq: 1,
  pid: 0,
  attributes: [{ type: 'IFLA_IFNAME', value: { kind: 'strz', v: 'lo' } }],
  ...extra,
});

describe('decodeNetlink on the kernel replies', () => {
  it('an RTM_GETLINK dump reply: ifinfomsg, IFLA_* with nested IFLA_AF_SPEC and stats structs', () => {
    const r = decodeNetlink(sample('getlink-dump'), { family: 'route' });
    expect(r.messages.map((m) => [m.offset, m.len, m.typeName, m.flagNames])).toEqual([
      [0, 1468, 'RTM_NEWLINK', ['NLM_F_MULTI']],
      [1468, 1496, 'RTM_NEWLINK', ['NLM_F_MULTI']],
    ]);
    const lo = r.messages[0]!;
    expect(lo.familyHeader?.name).toBe('ifinfomsg');
    expect(lo.familyHeader?.fields.map((f) => f.name)).toContain('ifi_flags');
    expect(lo.attributes.find((a) => a.name === 'IFLA_IFNAME')?.value).toBe('lo');
    expect(lo.attributes.find((a) => a.name === 'IFLA_MTU')?.value).toBe(65536);
    const stats64 = lo.attributes.find((a) => a.name === 'IFLA_STATS64');
    expect(stats64?.len).toBe(204);
    expect(stats64?.fields.filter((f) => f.kind === 'payload')).toHaveLength(25);
    const af = lo.attributes.find((a) => a.name === 'IFLA_AF_SPEC');
    expect(af?.children?.map((c) => c.name)).toEqual(['AF_INET', 'AF_INET6']);
    expect(af?.children?.[0]?.children?.[0]?.name).toBe('IFLA_INET_CONF');
    expect(allDiags(r).filter((d) => d.severity === 'error')).toEqual([]);
    // The dump goes on in the next recvmsg().
    expect(only(r, 'multipart-continues')).toHaveLength(1);
    expect(r.walk.at(-1)).toMatchObject({ offset: 2964, remaining: 0, nlmsgOk: false });
  });

  it('generic netlink: genlmsghdr, CTRL_ATTR_* with nested ops and multicast groups', () => {
    const r = decodeNetlink(sample('genl-ctrl-getfamily'), { family: 'generic' });
    const m = r.messages[0]!;
    expect(m.typeName).toBe('GENL_ID_CTRL');
    expect(m.familyHeader?.fields[0]?.display).toBe('1 (CTRL_CMD_NEWFAMILY)');
    const ops = m.attributes.find((a) => a.name === 'CTRL_ATTR_OPS');
    expect(ops?.children?.map((c) => c.name)).toEqual(['CTRL_ATTR_OP[1]', 'CTRL_ATTR_OP[2]']);
    expect(ops?.children?.[0]?.children?.map((c) => [c.name, c.value])).toEqual([
      ['CTRL_ATTR_OP_ID', 3],
      ['CTRL_ATTR_OP_FLAGS', 14],
    ]);
    const groups = m.attributes.find((a) => a.name === 'CTRL_ATTR_MCAST_GROUPS');
    expect(groups?.children?.[0]?.children?.map((c) => c.value)).toEqual([16, 'notify']);
  });

  it('NLMSG_ERROR: ACK (capped), -EEXIST with the whole request, -EOPNOTSUPP with extended ack', () => {
    const ack = decodeNetlink(sample('newaddr-ack'), { family: 'route' }).messages[0]!;
    expect(ack.error).toMatchObject({ errno: 0, name: 'ACK' });
    expect(ack.flagNames).toEqual(['NLM_F_CAPPED']);
    expect(ack.len).toBe(36);
    const eexist = decodeNetlink(sample('newaddr-eexist'), { family: 'route' }).messages[0]!;
    expect(eexist.error?.name).toBe('EEXIST');
    expect(eexist.error?.echoed?.typeName).toBe('RTM_NEWADDR');
    expect(eexist.error?.echoed?.attributes.map((a) => a.name)).toEqual(['IFA_ADDRESS', 'IFA_LOCAL']);
    const ext = decodeNetlink(sample('newlink-extack'), { family: 'route' }).messages[0]!;
    expect(ext.error?.errno).toBe(95);
    expect(ext.flagNames).toEqual(['NLM_F_CAPPED', 'NLM_F_ACK_TLVS']);
    expect(ext.error?.extack.map((a) => [a.name, a.value])).toEqual([
      ['NLMSGERR_ATTR_MSG', 'Unknown device type'],
    ]);
    // Capped: only the echoed header is decoded.
    expect(ext.error?.echoed?.attributes).toEqual([]);
  });

  it('NLMSG_DONE carries the dump status int', () => {
    const d = decodeNetlink(sample('getlink-done'), { family: 'route' }).messages[0]!;
    expect(d.typeName).toBe('NLMSG_DONE');
    expect(d.familyHeader?.fields[0]).toMatchObject({ name: 'dump_done_errno', value: 0 });
    expect(d.diagnostics).toEqual([]);
  });

  it('big-endian for teaching: nlmsg_len = 32 is 00 00 00 20', () => {
    const be = encodeNetlink([getlink(['REQUEST'])], { family: 'route', endian: 'be' });
    expect(be.ok).toBe(true);
    if (!be.ok) return;
    expect(toHex(be.bytes.subarray(0, 8))).toBe('000000280012' + '0001');
    const r = decodeNetlink(be.bytes, { family: 'route', endian: 'be' });
    expect(r.messages[0]).toMatchObject({ len: 40, type: 18, flags: 1 });
    expect(r.messages[0]?.attributes[0]?.value).toBe('lo');
    const le = encode([getlink(['REQUEST'])]);
    expect(toHex(le.subarray(0, 4))).toBe('28000000');
  });
});

describe('diagnostics name the offending bytes and the kernel rule', () => {
  const within = (r: NlDecodeResult, n: number) =>
    allDiags(r).every((d) => d.offset >= 0 && d.length >= 0 && d.offset + d.length <= n);

  it('MSG_TRUNC: a reply cut by a small recvmsg buffer', () => {
    const bytes = sample('getlink-dump-small-buffer');
    const r = decodeNetlink(bytes, { family: 'route', truncated: true });
    const [d] = only(r, 'msg-trunc');
    expect(d).toMatchObject({ severity: 'error', offset: 0, length: 256, fn: 'netlink_recvmsg' });
    expect(r.truncated).toBe(true);
    expect(within(r, bytes.length)).toBe(true);
  });

  it('nlmsg_len beyond the buffer (no MSG_TRUNC): the length field is named', () => {
    const bytes = encode([getlink(['REQUEST']), getlink(['REQUEST'])]).subarray(0, 60);
    const r = decodeNetlink(bytes, { family: 'route' });
    expect(only(r, 'nlmsg-len-beyond')).toEqual([
      expect.objectContaining({ offset: 40, length: 4, fn: 'netlink_rcv_skb' }),
    ]);
  });

  it('nlmsg_len < 16 stops the walk, the rest is ignored', () => {
    const bytes = encode([getlink(['REQUEST']), getlink(['REQUEST'])]);
    new DataView(bytes.buffer).setUint32(40, 8, true);
    const r = decodeNetlink(bytes, { family: 'route' });
    expect(only(r, 'nlmsg-len-short')).toEqual([expect.objectContaining({ offset: 40, length: 4 })]);
    expect(r.messages).toHaveLength(2);
    expect(r.walk.at(-1)).toMatchObject({ offset: 40, nlmsgOk: false });
  });

  it('fewer than 16 bytes left: trailing bytes', () => {
    const bytes = new Uint8Array([...encode([getlink(['REQUEST'])]), 1, 2, 3]);
    expect(only(decodeNetlink(bytes, { family: 'route' }), 'trailing-bytes')).toEqual([
      expect.objectContaining({ offset: 40, length: 3 }),
    ]);
  });

  it('attribute overrun and an nla_len below 4', () => {
    const bytes = encode([getlink(['REQUEST'])]);
    const dv = new DataView(bytes.buffer);
    dv.setUint16(32, 12, true); // IFLA_IFNAME claims 12 bytes, 8 are left
    let r = decodeNetlink(bytes, { family: 'route' });
    expect(only(r, 'attr-overrun')).toEqual([
      expect.objectContaining({ offset: 32, length: 8, severity: 'error', fn: '__nla_validate_parse' }),
    ]);
    dv.setUint16(32, 2, true);
    r = decodeNetlink(bytes, { family: 'route' });
    expect(only(r, 'attr-len-short')).toEqual([expect.objectContaining({ offset: 32, length: 2 })]);
  });

  it('non-zero padding after an attribute', () => {
    const bytes = encode([getlink(['REQUEST'])]);
    bytes[39] = 0xff; // "lo\0" is 7 bytes of attribute, byte 39 is NLA_ALIGN padding
    const r = decodeNetlink(bytes, { family: 'route' });
    expect(only(r, 'nonzero-padding')).toEqual([expect.objectContaining({ offset: 39, length: 1 })]);
  });

  it('a request without NLM_F_REQUEST', () => {
    const r = decodeNetlink(encode([getlink(['DUMP'])]), { family: 'route' });
    expect(only(r, 'request-without-request-flag')).toEqual([
      expect.objectContaining({ severity: 'error', offset: 6, length: 2 }),
    ]);
    // A dump reply (RTM_NEWLINK without NLM_F_REQUEST) is no such mistake.
    expect(
      only(decodeNetlink(sample('getlink-dump'), { family: 'route' }), 'request-without-request-flag'),
    ).toEqual([]);
    // Nor the GET types the kernel's own dumps reuse: RTM_GETACTION, RTM_GETMULTICAST,
    // RTM_GETANYCAST, RTM_GETMDB (a real RTM_GETMULTICAST dump part: NLM_F_MULTI, an ifaddrmsg)
    const reply = (type: number) => {
      const b = new Uint8Array(24);
      const v = new DataView(b.buffer);
      v.setUint32(0, 24, true);
      v.setUint16(4, type, true);
      v.setUint16(6, 0x02, true);
      b[16] = 10;
      return b;
    };
    for (const type of [50, 58, 62, 86])
      expect(only(decodeNetlink(reply(type), { family: 'route' }), 'request-without-request-flag')).toEqual(
        [],
      );
    // …while RTM_GETLINK (18) and RTM_GETADDR (22) in the same shape are requests missing their flag
    for (const type of [18, 22])
      expect(
        only(decodeNetlink(reply(type), { family: 'route' }), 'request-without-request-flag'),
      ).toHaveLength(1);
  });

  it('flags that make no sense for the type', () => {
    const multi = decodeNetlink(encode([getlink(['REQUEST', 'MULTI', 'APPEND'])]), { family: 'route' });
    expect(only(multi, 'flag-meaningless').map((d) => d.offset)).toEqual([6, 6]);
    const bad = decodeNetlink(encode([getlink(0x41)]), { family: 'route' });
    expect(only(bad, 'flag-unknown')).toEqual([expect.objectContaining({ offset: 6, length: 2 })]);
    const newBoth = decodeNetlink(
      encode([
        {
          type: 'RTM_NEWADDR',
          flags: ['REQUEST', 'REPLACE', 'EXCL'],
          seq: 1,
          pid: 0,
          familyHeader: { ifa_family: 2 },
          attributes: [],
        },
      ]),
      { family: 'route' },
    );
    expect(only(newBoth, 'flag-meaningless')).toHaveLength(1);
    expect(newBoth.messages[0]?.flagNames).toEqual(['NLM_F_REQUEST', 'NLM_F_REPLACE', 'NLM_F_EXCL']);
    // the same bits on a GET are NLM_F_DUMP
    expect(
      decodeNetlink(encode([getlink(['REQUEST', 'DUMP'])]), { family: 'route' }).messages[0]?.flagNames,
    ).toEqual(['NLM_F_REQUEST', 'NLM_F_DUMP']);
  });

  it('a flag stored in nlmsg_type: NLMSG_ERROR without an nlmsgerr, NLM_F_DUMP as a type', () => {
    const asError = encode([{ type: 2, flags: 0, seq: 1, pid: 0, attributes: [] }]);
    expect(only(decodeNetlink(asError, { family: 'route' }), 'flag-in-type')).toEqual([
      expect.objectContaining({ offset: 4, length: 2, severity: 'error' }),
    ]);
    const dumpType = encode([{ type: 0x300, flags: 0, seq: 1, pid: 0, attributes: [] }]);
    const [d] = only(decodeNetlink(dumpType, { family: 'route' }), 'unknown-type');
    expect(d).toMatchObject({ offset: 4, length: 2, fn: 'rtnetlink_rcv_msg' });
    expect(d?.message).toMatch(/NLM_F_DUMP/);
    const ctl = encode([{ type: 5, flags: 1, seq: 1, pid: 0, attributes: [] }]);
    expect(only(decodeNetlink(ctl, { family: 'route' }), 'reserved-control-type')).toHaveLength(1);
  });

  it('attribute sizes against the policy, and exclusive NLA_F_* bits', () => {
    const bytes = encode([
      getlink(['REQUEST'], {
        attributes: [
          { type: 'IFLA_MTU', value: { kind: 'u16', v: 1500 } },
          { type: 40, value: { kind: 'u32', v: 1 }, nlaFlags: { nested: true, netByteorder: true } },
        ],
      }),
    ]);
    const r = decodeNetlink(bytes, { family: 'route' });
    expect(only(r, 'attr-size')).toEqual([expect.objectContaining({ offset: 32, length: 6 })]);
    expect(only(r, 'nla-flags-exclusive')).toEqual([expect.objectContaining({ offset: 42, length: 2 })]);
  });

  it('a family header shorter than its struct', () => {
    const bytes = encode([
      { type: 'RTM_GETLINK', flags: ['REQUEST', 'DUMP'], seq: 1, pid: 0, attributes: [] },
    ]);
    const short = new Uint8Array([...bytes.subarray(0, 17), 0, 0, 0]);
    new DataView(short.buffer).setUint32(0, 17, true);
    short[16] = 0; // struct rtgenmsg { rtgen_family = AF_UNSPEC }
    const r = decodeNetlink(short, { family: 'route' });
    expect(only(r, 'family-header-short')).toEqual([expect.objectContaining({ offset: 16, length: 1 })]);
  });

  it('IFLA_INFO_DATA follows IFLA_INFO_KIND: VETH_INFO_PEER is an ifinfomsg and IFLA_*', () => {
    // `ip link add p0 type veth peer name p1` as sent on this machine (netlink-tshark.json).
    const veth = parseHex(
      '58000000100005060a000000000000000000000000000000000000000000000007000300703000003000128009000100' +
        '7665746800000000200002801c000180000000000000000000000000000000000700030070310000',
    );
    expect(veth.ok).toBe(true);
    if (!veth.ok) return;
    const r = decodeNetlink(veth.bytes, { family: 'route' });
    const info = r.messages[0]?.attributes.find((a) => a.name === 'IFLA_LINKINFO');
    const data = info?.children?.find((c) => c.name === 'IFLA_INFO_DATA');
    const peer = data?.children?.[0];
    expect(peer?.name).toBe('VETH_INFO_PEER');
    expect(peer?.fields.some((f) => f.name === 'ifi_index')).toBe(true);
    expect(peer?.children?.map((c) => [c.name, c.value])).toEqual([['IFLA_IFNAME', 'p1']]);
    expect(allDiags(r).filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('every diagnostic names a kernel function and file', () => {
    const bytes = encode([getlink(['DUMP', 'MULTI'])]);
    bytes[39] = 1;
    const r = decodeNetlink(bytes.subarray(0, 38), { family: 'route' });
    expect(allDiags(r).length).toBeGreaterThan(0);
    for (const d of allDiags(r)) expect(d.fn && d.file).toBeTruthy();
    for (const w of r.walk) expect(w.file).toBe('include/uapi/linux/netlink.h');
  });
});
