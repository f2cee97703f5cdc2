/**
 * The labs' own input issues reach a Chinese page in Chinese: each carries a catalog message
 * (`msg`) whose English is the issue's English `message`, word for word.
 */
import { describe, expect, it } from 'vitest';
import { renderText } from '../../core/i18n/index.ts';
import {
  DEFAULT_REASSEMBLE_FIELDS,
  blankCard,
  fieldsToDefragInput,
  parseReassembleQuery,
} from './Reassemble/params.ts';
import { parseSkbQuery } from './Skb/params.ts';
import { msghdrOf, readHex, splitOf } from './Netlink/buffer.ts';
import { DEFAULT_SOCKET_FIELDS, fieldsToCall } from './Socket/params.ts';
import type { Issue } from '../lab-kit/index.ts';
import { createNetlinkStore } from './Netlink/store.ts';

const CJK = /[\u4e00-\u9fff]/;

/** Each issue's English, as the labs wrote it before it moved to the catalogs. */
function checkOld(issues: readonly Issue[], old: readonly string[]) {
  check(issues);
  expect(issues.map((i) => renderText(i.msg!, 'en').replace(/\s+/g, ' '))).toEqual(old);
}

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

  it("Socket: the core's reasons as sentences (the page used to capitalise the English)", () => {
    const f = DEFAULT_SOCKET_FIELDS;
    const issuesOf = (r: ReturnType<typeof fieldsToCall>) => (r.ok ? [] : r.issues);
    checkOld(issuesOf(fieldsToCall({ ...f, domain: 'AF_NOPE' })), [
      'Unknown address family "AF_NOPE" (try AF_INET, AF_INET6, AF_UNIX, AF_NETLINK, AF_PACKET or a number).',
    ]);
    checkOld(issuesOf(fieldsToCall({ ...f, type: 'SOCK_NOPE', protocol: 'IPPROTO_NOPE' })), [
      'Unknown socket type "SOCK_NOPE" (try SOCK_STREAM, SOCK_DGRAM, SOCK_RAW…).',
      '"IPPROTO_NOPE" is not a protocol of this domain: use an IPPROTO_* name or a number.',
    ]);
    checkOld(issuesOf(fieldsToCall({ ...f, type: 'SOCK_DGRAM||1', priv: 'admin' })), [
      'Empty part in the type.',
      'Privilege must be root or user (no capabilities).',
    ]);
    // The Chinese carries the kernel names and the input as they are.
    const zh = issuesOf(fieldsToCall({ ...f, domain: 'AF_NOPE' })).map((i) => renderText(i.msg!, 'zh-CN'));
    expect(zh[0]).toMatch(/AF_NOPE[\s\S]*AF_INET6[\s\S]*。$/);
  });

  it('sk_buff: alloc= that is no size', () => {
    for (const bad of ['abc', '99999999'])
      checkOld(
        parseSkbQuery(`alloc=${bad}&ops=reserve:32`).issues.filter((i) => i.field === 'alloc'),
        [
          `alloc=${bad} is not a buffer size: use a whole number of bytes from 0 to 1,048,576. Keeping the last good buffer.`,
        ],
      );
  });

  it('Reassembly: fragment cards the grammar cannot read, and the form’s own fields', () => {
    const fields = {
      ...DEFAULT_REASSEMBLE_FIELDS,
      frags: [blankCard({ offset: 'x', length: '8.5', mf: '2', fill: 'odd', id: 'q', extra: 'zz' })],
      arrivals: [{ frag: 0, at: '' }],
      source: 'far',
      until: 'soon',
      maxDist: 'x',
      rcvbuf: 'big',
    };
    const r = fieldsToDefragInput(fields);
    expect(r.ok).toBe(false);
    checkOld(r.ok ? [] : r.issues, [
      'The sender is self (this host, loopback) or remote (another host).',
      'A whole number of milliseconds from 0 to 2,147,483,647, or empty (100 ms after the last arrival).',
      'ipfrag_max_dist is a whole number of fragments from 0 (the check off) to 1,000,000, or empty for 64.',
      'sk_rcvbuf is a whole number of bytes from 2,304 to 2,147,483,647, or empty for 212,992.',
      'The offset is a whole number of bytes.',
      'The length is a whole number of bytes.',
      'MF must be 1 or 0.',
      'The bytes are “same” (the sender’s) or “other”.',
      'The id is a whole number (or empty for the default).',
      '“zz” means nothing here: a fragment is offset:length:mf, optionally :other and :idN.',
    ]);
  });

  it("Reassembly: validateDefragInput's own refusals reach the cards in both languages", () => {
    // A fragment offset that is no multiple of 8: the grammar reads it, the core refuses it.
    const fields = {
      ...DEFAULT_REASSEMBLE_FIELDS,
      frags: [blankCard({ offset: '4', length: '8', mf: '0' })],
      arrivals: [{ frag: 0, at: '' }],
    };
    const r = fieldsToDefragInput(fields);
    checkOld(r.ok ? [] : r.issues, [
      'the offset must be a multiple of 8 from 0 to 65,528 (the header counts 8-byte units)',
    ]);
  });

  it('Netlink: the hex editor’s errors', () => {
    const old = [
      ['00 zz', '“z” is not a hex digit (use 0–9 and a–f, spaces allowed).'],
      ['000', 'Odd number of hex digits (3): every byte is two digits.'],
    ];
    for (const [text, english] of old) {
      const r = readHex(text as string);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.why).toBe(english);
      expect(renderText(r.msg!, 'en')).toBe(english);
      expect(renderText(r.msg!, 'zh-CN')).toMatch(CJK);
    }
  });

  it('Netlink: the splitter and the msghdr form (iovec lengths, a control message length)', () => {
    check(splitOf({ frame: 'x', max: '2', mode: 'correct' }).splitIssues);
    const iov = msghdrOf({ iov: '16,x', cmsgs: [] }, 64).msghdrIssue;
    const cmsg = msghdrOf(
      { iov: '', cmsgs: [{ level: 'SOL_NETLINK', type: 'NETLINK_PKTINFO', len: '99999' }] },
      64,
    ).msghdrIssue;
    expect(iov?.field).toBe('iov');
    expect(cmsg?.field).toBe('cmsg');
    check([iov!, cmsg!]);
    expect(renderText(cmsg!.msg, 'zh-CN')).toContain('NETLINK_PKTINFO');
  });
});
