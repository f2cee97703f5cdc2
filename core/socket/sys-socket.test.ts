import { describe, expect, it } from 'vitest';
import { formatMsg } from '../i18n/index.ts';
import {
  AF,
  CALLER_UNPRIVILEGED,
  DEFAULT_PROFILE,
  IPPROTO,
  LINUX_6_18_FC,
  SOCK,
  SOCK_CLOEXEC,
  SOCK_NONBLOCK,
  htons,
  profileFor,
  sockCreate,
  sysSocket,
  withCaller,
  type SocketResult,
} from './index.ts';

const user = profileFor('unprivileged');
const readBack = (r: SocketResult) => (r.ok ? [r.so_domain, r.so_type, r.so_protocol] : r.errno);

describe('sysSocket: __sys_socket → __sock_create → pf->create', () => {
  it('names the fixture kernel as the default profile', () => {
    expect(DEFAULT_PROFILE).toBe(LINUX_6_18_FC);
    expect(DEFAULT_PROFILE.release).toBe('6.18.44-fc-v595');
    expect(DEFAULT_PROFILE.pingGroupRange).toEqual([1, 0]);
  });

  it('resolves protocol 0 to the default and picks the tables', () => {
    const r = sysSocket(AF.AF_INET, SOCK.SOCK_DGRAM, 0);
    expect(readBack(r)).toEqual([2, 2, 17]);
    if (!r.ok) throw new Error('expected a socket');
    expect(r.ops.name).toBe('inet_dgram_ops');
    expect(r.prot.name).toBe('udp_prot');
    expect(r.prot.displayName).toBe('UDP');
    expect(r.ops.slots.find((s) => s.field === 'listen')).toEqual({
      field: 'listen',
      fn: 'sock_no_listen',
      stub: { errno: 'EOPNOTSUPP' },
    });
    expect(r.trace.map((s) => s.fn)).toEqual([
      '__sys_socket',
      '__sys_socket_create',
      '__sock_create',
      '__sock_create',
      'inet_create',
      'inet_create',
      'sk_alloc',
      'inet_create',
      'sock_map_fd',
    ]);
    expect(r.trace.every((s) => s.file.length > 0 && s.dir === 'down')).toBe(true);
  });

  it('TCP, MPTCP, UDP-Lite and IPv6 tables', () => {
    const tcp = sysSocket(AF.AF_INET, SOCK.SOCK_STREAM, 0);
    expect(tcp.ok && [tcp.ops.name, tcp.prot.name]).toEqual(['inet_stream_ops', 'tcp_prot']);
    const connect = tcp.ok && tcp.prot.slots.find((s) => s.field === 'connect');
    expect(connect).toEqual({ field: 'connect', fn: 'tcp_v4_connect' });
    const mptcp = sysSocket(AF.AF_INET6, SOCK.SOCK_STREAM, IPPROTO.IPPROTO_MPTCP, user);
    expect(mptcp.ok && [mptcp.so_protocol, mptcp.ops.name, mptcp.prot.name]).toEqual([
      262,
      'mptcp_v6_stream_ops',
      'mptcp_v6_prot',
    ]);
    const lite = sysSocket(AF.AF_INET, SOCK.SOCK_DGRAM, IPPROTO.IPPROTO_UDPLITE);
    expect(lite.ok && lite.prot.name).toBe('udplite_prot');
    const v6 = sysSocket(AF.AF_INET6, SOCK.SOCK_DGRAM, 0);
    expect(v6.ok && [v6.ops.name, v6.prot.name]).toEqual(['inet6_dgram_ops', 'udpv6_prot']);
  });

  it('refuses unknown flag bits before anything else', () => {
    const r = sysSocket(255, SOCK.SOCK_DGRAM | 0x100, 0);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect([r.errno, r.fn, r.file]).toEqual(['EINVAL', '__sys_socket_create', 'net/socket.c']);
    expect(r.trace.at(-1)?.snapshot.errno).toBe('EINVAL');
  });

  it('keeps SOCK_NONBLOCK / SOCK_CLOEXEC as file flags', () => {
    const r = sysSocket(AF.AF_UNIX, SOCK.SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    expect(r.ok && [r.so_type, r.nonblock, r.cloexec]).toEqual([1, true, true]);
  });

  it('checks the family range before the type range', () => {
    expect(readBack(sysSocket(46, 11, 0))).toBe('EAFNOSUPPORT');
    expect(readBack(sysSocket(AF.AF_VSOCK, 11, 0))).toBe('EINVAL');
    expect(readBack(sysSocket(-1, 1, 0))).toBe('EAFNOSUPPORT');
    const bt = sysSocket(AF.AF_BLUETOOTH, SOCK.SOCK_STREAM, 0);
    expect(bt.ok === false && [bt.errno, bt.fn]).toEqual(['EAFNOSUPPORT', '__sock_create']);
  });

  it('rewrites PF_INET + SOCK_PACKET to PF_PACKET before the inet protocol check', () => {
    const r = sysSocket(AF.AF_INET, SOCK.SOCK_PACKET, -1);
    expect(readBack(r)).toEqual([17, 10, 0]);
    expect(
      r.trace.some((s) => s.fn === '__sock_create' && formatMsg(s.why, 'en').includes('PF_PACKET')),
    ).toBe(true);
    expect(r.ok && r.ops.name).toBe('packet_ops_spkt');
    expect(readBack(sysSocket(AF.AF_INET, SOCK.SOCK_PACKET, 0, user))).toBe('EPERM');
    expect(readBack(sysSocket(AF.AF_INET6, SOCK.SOCK_PACKET, 0))).toBe('ESOCKTNOSUPPORT');
  });

  it('raw sockets: EPROTONOSUPPORT for 0 whatever the privilege, EPERM after the lookup', () => {
    expect(readBack(sysSocket(AF.AF_INET, SOCK.SOCK_RAW, 0, user))).toBe('EPROTONOSUPPORT');
    expect(readBack(sysSocket(AF.AF_INET, SOCK.SOCK_RAW, IPPROTO.IPPROTO_RAW, user))).toBe('EPERM');
    const raw = sysSocket(AF.AF_INET, SOCK.SOCK_RAW, IPPROTO.IPPROTO_RAW);
    expect(raw.ok && raw.details).toMatchObject({ inet_num: 255, hdrincl: true });
    expect(readBack(sysSocket(AF.AF_INET, SOCK.SOCK_RAW, 262))).toEqual([2, 3, 262]);
    expect(readBack(sysSocket(AF.AF_INET, SOCK.SOCK_RAW, 263))).toBe('EINVAL');
  });

  it('ping sockets follow ping_group_range, root included', () => {
    const r = sysSocket(AF.AF_INET, SOCK.SOCK_DGRAM, IPPROTO.IPPROTO_ICMP);
    expect(r.ok === false && [r.errno, r.fn, r.file]).toEqual([
      'EACCES',
      'ping_init_sock',
      'net/ipv4/ping.c',
    ]);
    const open = { ...DEFAULT_PROFILE, pingGroupRange: [0, 0] as const };
    expect(readBack(sysSocket(AF.AF_INET, SOCK.SOCK_DGRAM, 1, open))).toEqual([2, 2, 1]);
    expect(readBack(sysSocket(AF.AF_INET6, SOCK.SOCK_DGRAM, 58, withCaller(open, CALLER_UNPRIVILEGED)))).toBe(
      'EACCES',
    );
    const wide = { ...DEFAULT_PROFILE, pingGroupRange: [0, 2147483647] as const };
    expect(
      readBack(sysSocket(AF.AF_INET6, SOCK.SOCK_DGRAM, 58, withCaller(wide, CALLER_UNPRIVILEGED))),
    ).toEqual([10, 2, 58]);
  });

  it('MPTCP refuses with ENOPROTOOPT when net.mptcp.enabled = 0', () => {
    const off = { ...DEFAULT_PROFILE, mptcpEnabled: false };
    const r = sysSocket(AF.AF_INET, SOCK.SOCK_STREAM, 262, off);
    expect(r.ok === false && [r.errno, r.fn]).toEqual(['ENOPROTOOPT', 'mptcp_init_sock']);
  });

  it('netlink: type, MAX_LINKS, registered protocols', () => {
    expect(readBack(sysSocket(AF.AF_NETLINK, SOCK.SOCK_STREAM, 0))).toBe('ESOCKTNOSUPPORT');
    expect(readBack(sysSocket(AF.AF_NETLINK, SOCK.SOCK_RAW, 32))).toBe('EPROTONOSUPPORT');
    expect(readBack(sysSocket(AF.AF_NETLINK, SOCK.SOCK_RAW, 8))).toBe('EPROTONOSUPPORT');
    expect(readBack(sysSocket(AF.AF_NETLINK, SOCK.SOCK_DGRAM, 16, user))).toEqual([16, 2, 16]);
  });

  it('unix: protocol before type, SOCK_RAW becomes SOCK_DGRAM', () => {
    expect(readBack(sysSocket(AF.AF_UNIX, 0, 2))).toBe('EPROTONOSUPPORT');
    expect(readBack(sysSocket(AF.AF_UNIX, 0, 0))).toBe('ESOCKTNOSUPPORT');
    const r = sysSocket(AF.AF_UNIX, SOCK.SOCK_RAW, 1);
    expect(readBack(r)).toEqual([1, 2, 0]);
    expect(r.ok && [r.ops.name, r.prot.name]).toEqual(['unix_dgram_ops', 'unix_dgram_proto']);
  });

  it('packet: CAP_NET_RAW before the type, protocol kept as po->num only', () => {
    expect(readBack(sysSocket(AF.AF_PACKET, SOCK.SOCK_STREAM, 0, user))).toBe('EPERM');
    expect(readBack(sysSocket(AF.AF_PACKET, SOCK.SOCK_STREAM, 0))).toBe('ESOCKTNOSUPPORT');
    const r = sysSocket(AF.AF_PACKET, SOCK.SOCK_RAW, htons(0x0003));
    expect(readBack(r)).toEqual([17, 3, 0]);
    expect(r.ok && r.details).toEqual({ po_num: 0x0300, ethertype: 3 });
  });

  it('vsock and xdp', () => {
    expect(readBack(sysSocket(AF.AF_VSOCK, SOCK.SOCK_DGRAM, 0))).toBe('ENODEV');
    expect(readBack(sysSocket(AF.AF_VSOCK, SOCK.SOCK_SEQPACKET, 0, user))).toEqual([40, 5, 0]);
    expect(readBack(sysSocket(AF.AF_VSOCK, SOCK.SOCK_STREAM, 1))).toBe('EPROTONOSUPPORT');
    expect(readBack(sysSocket(AF.AF_XDP, SOCK.SOCK_RAW, 0))).toEqual([44, 3, 0]);
    expect(readBack(sysSocket(AF.AF_XDP, SOCK.SOCK_RAW, 1))).toBe('EPROTONOSUPPORT');
    expect(readBack(sysSocket(AF.AF_XDP, SOCK.SOCK_STREAM, 0, user))).toBe('EPERM');
  });

  it('takes arguments as C ints', () => {
    const r = sysSocket(2 + 2 ** 32, 1, 0);
    expect(r.request.family).toBe(2);
    expect(readBack(r)).toEqual([2, 1, 6]);
    expect(readBack(sysSocket(Number.NaN, 1, 0))).toBe('EAFNOSUPPORT');
  });

  it('sockCreate is __sock_create alone: flag bits fail its type range check', () => {
    const r = sockCreate(AF.AF_INET, SOCK.SOCK_DGRAM | SOCK_CLOEXEC, 0);
    expect(r.ok === false && [r.errno, r.fn]).toEqual(['EINVAL', '__sock_create']);
    expect(readBack(sockCreate(AF.AF_INET, SOCK.SOCK_DGRAM, 0))).toEqual([2, 2, 17]);
  });
});
