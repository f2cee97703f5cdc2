import { describe, expect, it } from 'vitest';
import { socketCommand } from './socket.ts';

describe('sockscope socket', () => {
  it('prints the result, both tables and the trace', () => {
    const r = socketCommand(['AF_INET', 'SOCK_DGRAM', '0']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('SO_PROTOCOL=17 (IPPROTO_UDP)');
    expect(r.out).toContain('proto_ops inet_dgram_ops');
    expect(r.out).toContain('proto udp_prot "UDP"');
    expect(r.out).toMatch(/listen\s+sock_no_listen {2}→ EOPNOTSUPP/);
    expect(r.out).toMatch(/\[0\] 17\s+udp_prot\s+default/);
  });

  it('explains an errno with the function that returns it', () => {
    const r = socketCommand(['AF_INET', 'SOCK_RAW', 'IPPROTO_UDP', '--unprivileged']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('as unprivileged');
    expect(r.out).toContain('result: -1 EPERM, returned by inet_create (net/ipv4/af_inet.c)');
  });

  it('follows an operation through the tables and marks the slots used', () => {
    const r = socketCommand(['AF_INET', 'SOCK_STREAM', '0', '--op', 'connect']);
    expect(r.out).toMatch(/\* connect\s+inet_stream_connect/);
    expect(r.out).toMatch(/\* connect\s+tcp_v4_connect/);
    expect(r.out).toMatch(/sk->sk_prot->connect\s+tcp_v4_connect/);
    const stub = socketCommand(['AF_INET', 'SOCK_DGRAM', '0', '--op=listen']);
    expect(stub.out).toContain('error: EOPNOTSUPP (sock_no_listen)');
  });

  it('emits JSON for machines', () => {
    const r = socketCommand(['AF_NETLINK', 'SOCK_RAW', 'NETLINK_ROUTE', '--json', '--op', 'sendmsg']);
    const body = JSON.parse(r.out) as {
      profile: { id: string };
      result: { ok: boolean; so_domain: number; ops: { name: string } };
      dispatch: { chain: { fn: string }[] };
    };
    expect(body.profile.id).toBe('linux-6.18.44-fc');
    expect(body.result).toMatchObject({ ok: true, so_domain: 16, ops: { name: 'netlink_ops' } });
    expect(body.dispatch.chain.at(-1)?.fn).toBe('netlink_sendmsg');
  });

  it('takes numbers, negative ones included', () => {
    const r = socketCommand(['2', '3', '-1', '--json']);
    expect((JSON.parse(r.out) as { result: { errno: string } }).result.errno).toBe('EINVAL');
  });

  it('rejects unusable arguments with exit code 2 and the usage', () => {
    for (const args of [
      [],
      ['AF_INET', 'SOCK_DGRAM'],
      ['AF_FOO', 'SOCK_DGRAM', '0'],
      ['AF_INET', 'SOCK_DGRAM', '0', '--op', 'fly'],
    ]) {
      const r = socketCommand(args);
      expect(r.code).toBe(2);
      expect(r.out).toContain('usage: sockscope socket');
    }
    expect(socketCommand(['--help']).code).toBe(0);
  });

  it('says when there is nothing to dispatch', () => {
    const r = socketCommand(['AF_INET', 'SOCK_SEQPACKET', '0', '--op', 'connect']);
    expect(r.out).toContain('socket() failed, nothing to dispatch');
  });
});
