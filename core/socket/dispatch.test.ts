import { formatMsg } from '../i18n/index.ts';
import { describe, expect, it } from 'vitest';
import { AF, SOCK, sockDispatch, sysSocket, usedSlots, type SocketCreated } from './index.ts';

function created(f: number, t: number, p: number): SocketCreated {
  const r = sysSocket(f, t, p);
  if (!r.ok) throw new Error(`socket(${f}, ${t}, ${p}) failed: ${r.errno}`);
  return r;
}

describe('sockDispatch', () => {
  it('connect on TCP: __sys_connect → inet_stream_connect → tcp_v4_connect', () => {
    const d = sockDispatch(created(AF.AF_INET, SOCK.SOCK_STREAM, 0), 'connect');
    expect(d.chain.map((s) => s.fn)).toEqual([
      '__sys_connect',
      '__sys_connect_file',
      'inet_stream_connect',
      '__inet_stream_connect',
      'tcp_v4_connect',
    ]);
    expect(d.chain.map((s) => s.snapshot.layer)).toEqual([
      'syscall',
      'syscall',
      'proto_ops',
      'helper',
      'proto',
    ]);
    expect([d.opsField, d.protoField, d.error]).toEqual(['connect', 'connect', null]);
    expect(d.chain.at(-1)?.file).toBe('net/ipv4/tcp_ipv4.c');
  });

  it('listen on UDP stops at sock_no_listen with EOPNOTSUPP', () => {
    const d = sockDispatch(created(AF.AF_INET, SOCK.SOCK_DGRAM, 0), 'listen');
    expect(d.chain.at(-1)?.fn).toBe('sock_no_listen');
    expect(d.error).toMatchObject({ errno: 'EOPNOTSUPP', fn: 'sock_no_listen', file: 'net/core/sock.c' });
  });

  it('mmap: tcp_mmap on TCP, ENODEV from sock_no_mmap on UDP, packet_mmap on packet sockets', () => {
    expect(sockDispatch(created(AF.AF_INET, SOCK.SOCK_STREAM, 0), 'mmap').chain.at(-1)?.fn).toBe('tcp_mmap');
    expect(sockDispatch(created(AF.AF_INET, SOCK.SOCK_DGRAM, 0), 'mmap').error?.errno).toBe('ENODEV');
    expect(sockDispatch(created(AF.AF_PACKET, SOCK.SOCK_RAW, 0), 'mmap').chain.at(-1)?.fn).toBe(
      'packet_mmap',
    );
  });

  it('bind goes to sk_prot->bind where the protocol has one, else __inet_bind → get_port', () => {
    const raw = sockDispatch(created(AF.AF_INET, SOCK.SOCK_RAW, 1), 'bind');
    expect(raw.chain.at(-1)?.fn).toBe('raw_bind');
    const udp = sockDispatch(created(AF.AF_INET, SOCK.SOCK_DGRAM, 0), 'bind');
    expect(udp.chain.slice(-2).map((s) => s.fn)).toEqual(['__inet_bind', 'udp_v4_get_port']);
    expect(udp.protoField).toBe('get_port');
  });

  it('sendmsg on IPv6 UDP reaches udpv6_sendmsg', () => {
    const d = sockDispatch(created(AF.AF_INET6, SOCK.SOCK_DGRAM, 0), 'sendmsg');
    expect(d.chain.map((s) => s.fn).slice(-3)).toEqual([
      'inet6_sendmsg',
      'inet_send_prepare',
      'udpv6_sendmsg',
    ]);
  });

  it('setsockopt: SOL_SOCKET stays in the core; a missing slot is EOPNOTSUPP from do_sock_getsockopt', () => {
    const udp = created(AF.AF_INET, SOCK.SOCK_DGRAM, 0);
    expect(sockDispatch(udp, 'setsockopt', { level: 'SOL_SOCKET' }).chain.at(-1)?.fn).toBe('sock_setsockopt');
    expect(sockDispatch(udp, 'setsockopt').chain.at(-1)?.fn).toBe('udp_setsockopt');
    const unix = created(AF.AF_UNIX, SOCK.SOCK_DGRAM, 0);
    const g = sockDispatch(unix, 'getsockopt');
    expect(g.error).toMatchObject({ errno: 'EOPNOTSUPP', fn: 'do_sock_getsockopt' });
    const stream = created(AF.AF_UNIX, SOCK.SOCK_STREAM, 0);
    expect(sockDispatch(stream, 'setsockopt', { level: 'SOL_SOCKET' }).chain.at(-1)?.fn).toBe(
      'unix_setsockopt',
    );
  });

  it('shutdown on a fresh inet socket notes ENOTCONN; netlink refuses shutdown', () => {
    const d = sockDispatch(created(AF.AF_INET, SOCK.SOCK_STREAM, 0), 'shutdown');
    expect(d.chain.at(-1)?.fn).toBe('tcp_shutdown');
    expect(formatMsg(d.note, 'en')).toMatch(/ENOTCONN/);
    expect(sockDispatch(created(AF.AF_NETLINK, SOCK.SOCK_RAW, 0), 'shutdown').error?.fn).toBe(
      'sock_no_shutdown',
    );
  });

  it('non-inet families end in their own proto_ops function', () => {
    const d = sockDispatch(created(AF.AF_NETLINK, SOCK.SOCK_RAW, 0), 'sendmsg');
    expect(d.chain.at(-1)?.fn).toBe('netlink_sendmsg');
    expect(d.protoField).toBeNull();
  });

  it('reports the slots it used for highlighting', () => {
    const s = created(AF.AF_INET, SOCK.SOCK_STREAM, 0);
    const d = sockDispatch(s, 'connect');
    expect(usedSlots(s.ops, d)).toEqual(['connect']);
    expect(usedSlots(s.prot, d)).toEqual(['connect']);
  });
});
