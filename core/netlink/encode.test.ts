import { describe, expect, it } from 'vitest';
import {
  NETLINK_SAMPLES,
  decodeNetlink,
  encodeNetlink,
  joinMultipart,
  messageToSpec,
  msghdrLayout,
  parseHex,
  splitMultipart,
  toHex,
} from './index.ts';

describe('encodeNetlink', () => {
  it('RTM_GETLINK dump request as `ip link` sends it: 32 bytes, ifinfomsg zeroed', () => {
    const r = encodeNetlink(
      [{ type: 'RTM_GETLINK', flags: ['REQUEST', 'DUMP'], seq: 1, pid: 0, attributes: [] }],
      {
        family: 'route',
      },
    );
    expect(r.ok && toHex(r.bytes)).toBe('20000000120001030100000000000000' + '00'.repeat(16));
  });
  it('pads strings and nests to NLA_ALIGN with zeroes; nested attributes get NLA_F_NESTED only when the policy does not say nested', () => {
    const r = encodeNetlink(
      [
        {
          type: 'RTM_NEWLINK',
          flags: ['REQUEST', 'CREATE', 'EXCL', 'ACK'],
          seq: 6,
          pid: 0,
          attributes: [
            { type: 'IFLA_IFNAME', value: { kind: 'strz', v: 'bad0' } },
            {
              type: 'IFLA_LINKINFO',
              nested: [{ type: 'IFLA_INFO_KIND', value: { kind: 'strz', v: 'nosuchkind' } }],
            },
            { type: 500, nested: [] },
          ],
        },
      ],
      { family: 'route' },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // the newlink-extack request of the oracle capture, plus the empty unknown nest (4 bytes)
    expect(toHex(r.bytes)).toBe(
      '44000000100005060600000000000000000000000000000000000000000000000900030062616430000000001400120' +
        '00f0001006e6f737563686b696e640000' +
        '0400f481',
    );
  });
  it('bad input is an errno value, never an exception', () => {
    const e1 = encodeNetlink([{ type: 'RTM_NOPE', flags: [], seq: 0, pid: 0, attributes: [] }], {
      family: 'route',
    });
    expect(e1).toMatchObject({ ok: false, errno: 'EINVAL' });
    const e2 = encodeNetlink(
      [
        {
          type: 'RTM_GETLINK',
          flags: ['REQUEST'],
          seq: 0,
          pid: 0,
          attributes: [{ type: 'IFLA_MTU', value: { kind: 'u8', v: 300 } }],
        },
      ],
      { family: 'route' },
    );
    expect(e2).toMatchObject({ ok: false, errno: 'ERANGE' });
    const e3 = encodeNetlink([{ type: 'RTM_GETLINK', flags: ['NOPE'], seq: 0, pid: 0, attributes: [] }], {
      family: 'route',
    });
    expect(e3).toMatchObject({ ok: false, errno: 'EINVAL' });
    const big = encodeNetlink(
      [
        {
          type: 16,
          flags: 0,
          seq: 0,
          pid: 0,
          attributes: [{ type: 3, value: { kind: 'bytes', v: '00'.repeat(70000) } }],
        },
      ],
      { family: 'route' },
    );
    expect(big).toMatchObject({ ok: false, errno: 'EMSGSIZE' });
  });
  it('messageToSpec re-encodes every kernel sample byte for byte', () => {
    for (const s of NETLINK_SAMPLES) {
      if (s.id.includes('small-buffer')) continue;
      const p = parseHex(s.hex);
      if (!p.ok) throw new Error(p.why);
      const d = decodeNetlink(p.bytes, { family: s.family });
      if (d.messages.some((m) => m.type < 0x10)) continue; // control messages have no spec form for their payload
      const again = encodeNetlink(
        d.messages.map((m) => messageToSpec(m, p.bytes)),
        { family: s.family },
      );
      expect(again.ok && toHex(again.bytes), s.id).toBe(s.hex);
    }
  });
});

describe('multipart: split into NLM_F_MULTI parts of at most MAX_PAYLOAD, then NLMSG_DONE', () => {
  it('correct splitter round-trips', () => {
    const r = splitMultipart(10000, 4096, 'correct');
    expect(r.messages.map((m) => [m.type, m.flags, m.payload])).toEqual([
      [16, 2, 4096],
      [16, 2, 4096],
      [16, 2, 1808],
      [3, 2, 4],
    ]);
    expect(r.diagnostics).toEqual([]);
    expect(r.joined).toEqual({ ok: true, size: 10000 });
    const d = decodeNetlink(r.bytes, { family: 'raw' });
    expect(d.messages.map((m) => m.offset)).toEqual(r.messages.map((m) => m.offset));
    expect(d.messages.flatMap((m) => m.diagnostics).filter((x) => x.severity === 'error')).toEqual([]);
    expect(splitMultipart(0, 1024, 'correct').messages.map((m) => m.type)).toEqual([3]);
  });
  it('"common mistakes": flag in nlmsg_type, inverted size test, frame_size/1024/63 + 1 chunks', () => {
    const r = splitMultipart(10000, 4096, 'mistakes');
    const codes = r.diagnostics.map((d) => d.code);
    expect(codes.filter((c) => c === 'flag-in-type')).toHaveLength(1); // 10000/1024/63 + 1 = 1 part
    expect(codes).toContain('payload-over-max');
    expect(codes).toContain('chunk-count');
    expect(r.messages[0]).toMatchObject({ type: 2, flags: 0, payload: 10000 });
    expect(r.joined.ok).toBe(false);
    expect(r.joined.why).toMatch(/NLMSG_ERROR/);
    for (const d of r.diagnostics) expect(d.offset + d.length).toBeLessThanOrEqual(r.bytes.length);
    // A frame shorter than MAX_PAYLOAD: the inverted test sends MAX_PAYLOAD and reads past the frame.
    const small = splitMultipart(100, 1024, 'mistakes');
    expect(small.diagnostics.find((d) => d.code === 'read-past-frame')).toMatchObject({
      offset: 116,
      length: 924,
    });
  });
  it('joinMultipart: a part without NLM_F_MULTI, a missing NLMSG_DONE', () => {
    const r = splitMultipart(3000, 1024, 'correct');
    const noDone = r.bytes.subarray(0, r.messages.at(-1)!.offset);
    expect(joinMultipart(noDone, 3000)).toMatchObject({
      ok: false,
      why: expect.stringMatching(/without NLMSG_DONE/),
    });
    const b = r.bytes.slice();
    b[6] = 0;
    expect(joinMultipart(b, 3000)).toMatchObject({ ok: false, why: expect.stringMatching(/NLM_F_MULTI/) });
    expect(splitMultipart(-1, 10, 'correct').joined.ok).toBe(false);
  });
});

describe('msghdr, iovec and cmsghdr on x86-64', () => {
  it('sizes and offsets: msghdr 56, sockaddr_nl 12, iovec 16, SCM_CREDENTIALS in CMSG_SPACE(12) = 32', () => {
    const l = msghdrLayout({
      iovLens: [16, 100],
      cmsgs: [{ level: 'SOL_SOCKET', type: 'SCM_CREDENTIALS', dataLen: 12 }],
    });
    const byName = Object.fromEntries(l.structs.map((s) => [s.name, s]));
    expect(byName['struct msghdr']).toMatchObject({ offset: 0, size: 56 });
    expect(byName['struct msghdr']?.fields.map((f) => [f.name, f.offset])).toContainEqual([
      'msg_controllen',
      40,
    ]);
    expect(byName['struct sockaddr_nl']).toMatchObject({ offset: 56, size: 12 });
    // the sockaddr_nl is followed by the iovec array, 8-aligned
    expect(byName['struct iovec iov[1]']).toMatchObject({ offset: 72 + 16, size: 16 });
    expect(l.controllen).toBe(32);
    expect(l.cmsgs).toEqual([{ offset: 104, len: 28, space: 32, dataOffset: 120 }]);
    const cm = byName['struct cmsghdr [0]'];
    expect(cm?.fields.map((f) => [f.name, f.size])).toEqual([
      ['cmsg_len', 8],
      ['cmsg_level', 4],
      ['cmsg_type', 4],
      ['pid', 4],
      ['uid', 4],
      ['gid', 4],
      ['(padding)', 4],
    ]);
  });
});
