import { describe, expect, it } from 'vitest';
import { formatMsg } from '../i18n/index.ts';
import { MAX_ECHO } from './parse.ts';
import {
  parseDomain,
  parseIntLiteral,
  parseProtocol,
  parseSocketCall,
  parseType,
  protocolChoices,
} from './index.ts';

describe('parsing socket() arguments', () => {
  it('domains by AF_/PF_ name, alias or number', () => {
    expect(parseDomain('AF_INET')).toEqual({ ok: true, value: 2, name: 'AF_INET' });
    expect(parseDomain('pf_inet6')).toMatchObject({ ok: true, value: 10 });
    expect(parseDomain('AF_LOCAL')).toMatchObject({ ok: true, value: 1 });
    expect(parseDomain('-1')).toMatchObject({ ok: true, value: -1 });
    expect(parseDomain(46)).toMatchObject({ ok: true, value: 46 });
    expect(parseDomain('AF_NOPE')).toMatchObject({ ok: false, field: 'domain' });
    expect(parseDomain(1.5)).toMatchObject({ ok: false });
  });

  it('types with flags joined by |', () => {
    expect(parseType('SOCK_DGRAM|SOCK_CLOEXEC')).toEqual({
      ok: true,
      value: 0x80002,
      name: 'SOCK_DGRAM|SOCK_CLOEXEC',
    });
    expect(parseType('SOCK_DGRAM|0x100')).toMatchObject({ value: 0x102 });
    expect(parseType('11')).toMatchObject({ value: 11 });
    expect(parseType('SOCK_DGRAM|')).toMatchObject({ ok: false });
    expect(parseType('SOCK_FOO')).toMatchObject({ ok: false, field: 'type' });
  });

  it('protocols in the namespace of the domain', () => {
    expect(parseProtocol(2, 'IPPROTO_UDP')).toMatchObject({ value: 17 });
    expect(parseProtocol(10, 'ipproto_mptcp')).toMatchObject({ value: 262 });
    expect(parseProtocol(16, 'NETLINK_ROUTE')).toMatchObject({ value: 0 });
    expect(parseProtocol(16, 'NETLINK_INET_DIAG')).toMatchObject({ value: 4 });
    expect(parseProtocol(17, 'ETH_P_ALL')).toMatchObject({ value: 0x300, name: 'htons(ETH_P_ALL)' });
    expect(parseProtocol(17, 'htons(ETH_P_IP)')).toMatchObject({ value: 8 });
    expect(parseProtocol(17, 'htons(0x0003)')).toMatchObject({ value: 0x300 });
    expect(parseProtocol(1, 'PF_UNIX')).toMatchObject({ value: 1 });
    expect(parseProtocol(16, 'IPPROTO_UDP')).toMatchObject({ ok: false, field: 'protocol' });
    expect(parseProtocol(2, 'NETLINK_ROUTE')).toMatchObject({ ok: false });
    expect(parseProtocol(2, '256')).toMatchObject({ value: 256 });
  });

  it('numbers as C ints', () => {
    expect(parseIntLiteral('0xffffffff')).toBe(-1);
    expect(parseIntLiteral('4294967296')).toBeNull();
    expect(parseIntLiteral('1e3')).toBeNull();
  });

  it('the picker lists follow the domain', () => {
    expect(protocolChoices(2).some((c) => c.name === 'IPPROTO_SCTP')).toBe(true);
    expect(protocolChoices(16).some((c) => c.name === 'NETLINK_GENERIC')).toBe(true);
    expect(protocolChoices(17)).toContainEqual({ name: 'htons(ETH_P_ALL)', value: 0x300 });
  });

  it('what a Chinese IME types: full-width letters and digits, Chinese punctuation', () => {
    expect(parseDomain('ＡＦ＿ＩＮＥＴ６')).toEqual({ ok: true, value: 10, name: 'AF_INET6' });
    expect(parseType('SOCK_DGRAM｜SOCK_CLOEXEC')).toMatchObject({ ok: true, value: 0x80002 });
    expect(parseType('ＳＯＣＫ＿ＲＡＷ')).toMatchObject({ ok: true, value: 3 });
    expect(parseProtocol(2, '１７')).toMatchObject({ ok: true, value: 17 });
    expect(parseProtocol(2, '－１')).toMatchObject({ ok: true, value: -1 });
    expect(parseProtocol(17, 'htons（ETH_P_ALL）')).toMatchObject({ ok: true, value: 0x300 });
    expect(parseIntLiteral('０ｘｆｆ')).toBe(255);
  });

  it('errors are messages in both languages, echoing at most MAX_ECHO characters', () => {
    const d = parseDomain('AF_NOPE');
    expect(d.ok).toBe(false);
    if (d.ok) return;
    expect(formatMsg(d.why, 'en')).toBe(
      'unknown address family "AF_NOPE" (try AF_INET, AF_INET6, AF_UNIX, AF_NETLINK, AF_PACKET or a number)',
    );
    expect(formatMsg(d.why, 'zh-CN')).toMatch(/^未知的地址族 "AF_NOPE"（可以试试 AF_INET、/);
    const long = parseDomain('X'.repeat(10_000));
    expect(long.ok === false && long.input.length).toBe(MAX_ECHO);
    expect(long.ok === false && formatMsg(long.why, 'en').length).toBeLessThan(200);
    const p = parseProtocol(16, 'IPPROTO_UDP');
    expect(p.ok === false && formatMsg(p.why, 'zh-CN')).toBe(
      '"IPPROTO_UDP" 不是这个地址族的协议：请用 NETLINK_* 名称或数字',
    );
  });

  it('all three at once, first error wins', () => {
    expect(parseSocketCall('AF_NETLINK', 'SOCK_RAW', 'NETLINK_ROUTE')).toMatchObject({
      ok: true,
      family: 16,
      type: 3,
      protocol: 0,
    });
    expect(parseSocketCall('x', 'y', 'z')).toMatchObject({ ok: false, field: 'domain' });
  });
});
