import { formatMsg } from '../i18n/index.ts';
import { describe, expect, it } from 'vitest';
import {
  AF,
  DEFAULT_PROFILE,
  INETSW_ARRAY,
  SOCK,
  buildInetsw,
  inetRegisterProtosw,
  inetswList,
  inetswLookup,
  sysSocket,
  type InetProtosw,
} from './index.ts';

const entry = (type: number, protocol: number, perm: boolean, prot = `p${protocol}`): InetProtosw => ({
  type,
  protocol,
  prot,
  ops: 'o',
  flags: perm ? ['PERMANENT'] : [],
  registeredBy: 't',
  file: 'f',
});

describe('inet_register_protosw', () => {
  it('inserts after the last PERMANENT entry, so UDP-Lite sits between UDP and ping', () => {
    const dgram = inetswList(DEFAULT_PROFILE, AF.AF_INET, SOCK.SOCK_DGRAM).map((e) => e.prot);
    expect(dgram).toEqual(['udp_prot', 'udplite_prot', 'ping_prot']);
    const stream = inetswList(DEFAULT_PROFILE, AF.AF_INET, SOCK.SOCK_STREAM).map((e) => e.prot);
    expect(stream).toEqual(['tcp_prot', 'mptcp_prot']);
    const dgram6 = inetswList(DEFAULT_PROFILE, AF.AF_INET6, SOCK.SOCK_DGRAM).map((e) => e.prot);
    expect(dgram6).toEqual(['udpv6_prot', 'udplitev6_prot', 'pingv6_prot']);
    expect(inetswList(DEFAULT_PROFILE, AF.AF_INET, SOCK.SOCK_SEQPACKET)).toEqual([]);
  });

  it('refuses to override a permanent protocol and ignores types >= SOCK_MAX', () => {
    const lists: InetProtosw[][] = [];
    expect(inetRegisterProtosw(lists, entry(1, 6, true))).toBeNull();
    expect(formatMsg(inetRegisterProtosw(lists, entry(1, 6, false)), 'en')).toMatch(
      /override permanent protocol 6/,
    );
    expect(formatMsg(inetRegisterProtosw(lists, entry(11, 1, false)), 'en')).toMatch(
      /invalid socket type 11/,
    );
    // A non-permanent newcomer goes before older non-permanent entries.
    inetRegisterProtosw(lists, entry(1, 7, false));
    inetRegisterProtosw(lists, entry(1, 8, false));
    expect(lists[1]!.map((e) => e.protocol)).toEqual([6, 8, 7]);
  });

  it('builds the boot-time lists from inetsw_array alone', () => {
    const lists = buildInetsw(INETSW_ARRAY);
    expect(lists[SOCK.SOCK_RAW]!.map((e) => e.protocol)).toEqual([0]);
    expect(lists).toHaveLength(11);
  });
});

describe('the inetsw lookup loop', () => {
  const dgram = inetswList(DEFAULT_PROFILE, AF.AF_INET, SOCK.SOCK_DGRAM);
  const raw = inetswList(DEFAULT_PROFILE, AF.AF_INET, SOCK.SOCK_RAW);

  it('protocol 0 takes the first entry', () => {
    const l = inetswLookup(dgram, 0);
    expect([l.err, l.protocol, l.walk.map((w) => w.outcome)]).toEqual([0, 17, ['default']]);
  });

  it('an exact match walks past the entries before it', () => {
    const l = inetswLookup(dgram, 1);
    expect(l.walk.map((w) => w.outcome)).toEqual(['skipped', 'skipped', 'matched']);
    expect(l.answer?.prot).toBe('ping_prot');
  });

  it('the wildcard entry takes any non-zero protocol but not 0', () => {
    expect(inetswLookup(raw, 47).walk.map((w) => w.outcome)).toEqual(['wildcard']);
    const zero = inetswLookup(raw, 0);
    expect([zero.err, zero.walk.map((w) => w.outcome)]).toEqual(['EPROTONOSUPPORT', ['skipped']]);
  });

  it('an empty list is ESOCKTNOSUPPORT, a list without a match EPROTONOSUPPORT', () => {
    expect(inetswLookup([], 6).err).toBe('ESOCKTNOSUPPORT');
    expect(inetswLookup(dgram, 6).err).toBe('EPROTONOSUPPORT');
  });

  it('the trace carries the walk for the panels', () => {
    const r = sysSocket(AF.AF_INET, SOCK.SOCK_DGRAM, 136);
    const step = r.trace.find((s) => s.snapshot.inetsw);
    expect(step?.snapshot.inetsw?.walk.map((w) => [w.prot, w.outcome])).toEqual([
      ['udp_prot', 'skipped'],
      ['udplite_prot', 'matched'],
    ]);
  });

  it('the protocol range check comes before the lookup', () => {
    const r = sysSocket(AF.AF_INET, SOCK.SOCK_RDM, -1);
    expect(r.ok === false && [r.errno, r.fn]).toEqual(['EINVAL', 'inet_create']);
    const r6 = sysSocket(AF.AF_INET6, SOCK.SOCK_STREAM, 263);
    expect(r6.ok === false && [r6.errno, r6.fn, r6.file]).toEqual([
      'EINVAL',
      'inet6_create',
      'net/ipv6/af_inet6.c',
    ]);
  });
});
