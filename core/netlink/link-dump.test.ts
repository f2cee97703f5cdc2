/**
 * The big real dump the benchmarks decode (204 links, 312,784 bytes in 12 recvmsg buffers,
 * recorded on Linux 6.18 by tools/record-link-dump.py, with the link names `ip -j link` and
 * /sys/class/net reported at the time): every message walked to its end, every
 * attribute built when read, nothing the decoder calls an error.
 */
import { describe, expect, it } from 'vitest';
import dump from '../conformance/fixtures/linux-6.18/netlink-link-dump.json' with { type: 'json' };
import { netlinkConversationsFormat } from '../conformance/formats/netlink-conversations.ts';
import { allDiagnostics } from './arbitraries.ts';
import { decodeNetlink, parseHex, type NlAttr } from './index.ts';

const replies = dump.conversations[0]!.replies.map((r) => {
  const p = parseHex(r.hex);
  if (!p.ok) throw new Error(p.why);
  return p.bytes;
});
const all = new Uint8Array(replies.reduce((n, b) => n + b.length, 0));
replies.reduce((at, b) => (all.set(b, at), at + b.length), 0);

describe(`the ${dump.meta.links}-link RTM_GETLINK dump (${dump.meta.bytes} bytes)`, () => {
  it('replays as a conformance case (walk, tiling, seq, NLMSG_DONE)', () => {
    const out = netlinkConversationsFormat.run(dump);
    expect(out.map((c) => [c.pass, c.diffs])).toEqual([[true, []]]);
  });

  it('one buffer of all the replies: one RTM_NEWLINK per link, then NLMSG_DONE, no error', () => {
    const r = decodeNetlink(all, { family: 'route' });
    expect(r.messages).toHaveLength(dump.meta.links + 1);
    expect(new Set(r.messages.slice(0, -1).map((m) => m.typeName))).toEqual(new Set(['RTM_NEWLINK']));
    expect(r.messages.at(-1)?.typeName).toBe('NLMSG_DONE');
    expect(allDiagnostics(r).filter((d) => d.severity !== 'info')).toEqual([]);
    const names = r.messages
      .slice(0, -1)
      .map((m) => m.attributes.find((a) => a.name === 'IFLA_IFNAME')?.value);
    expect(new Set(names).size).toBe(dump.meta.links);
    // The names the kernel reported another way when the dump was recorded (ip -j link, sysfs).
    expect([...names].sort()).toEqual([...dump.meta.names].sort());
    expect(names).toContain('br0');
    let attrs = 0;
    let fields = 0;
    let outside = 0;
    const visit = (a: NlAttr): void => {
      attrs++;
      for (const f of a.fields) {
        if (f.offset + f.size > all.length || f.display === undefined) outside++;
        fields++;
      }
      a.children?.forEach(visit);
    };
    r.messages.forEach((m) => m.attributes.forEach(visit));
    expect(outside).toBe(0);
    // Each link carries dozens of attributes; each attribute at least nla_len and nla_type.
    expect(attrs).toBeGreaterThan(50 * dump.meta.links);
    expect(fields).toBeGreaterThan(2 * attrs);
  });
});
