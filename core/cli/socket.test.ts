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

describe('sockscope socket --lang zh-CN', () => {
  const zh = { locale: 'zh-CN' as const };

  it('explains an errno in Chinese, identifiers as they are', () => {
    const r = socketCommand(['AF_INET', 'SOCK_RAW', '0', '--unprivileged'], zh);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('以非特权用户身份在 linux-6.18.44-fc 上调用 socket(AF_INET, SOCK_RAW, IPPROTO_IP)');
    expect(lines[1]).toBe('结果：-1 EPROTONOSUPPORT，由 inet_create（net/ipv4/af_inet.c）返回');
    expect(lines[2]).toBe('  errno 93：不支持的协议');
    expect(lines[3]).toBe(
      '  原因：inetsw[SOCK_RAW] 里没有协议 IPPROTO_IP 的表项（原始套接字必须显式给出协议号：0 永远匹配不到通配表项）',
    );
    expect(r.out).toContain('跟踪（内核走过的每一步）：');
    expect(r.out).toMatch(/\[0\] 0\s+raw_prot\s+跳过\s+两者都是 IPPROTO_IP（0）/);
    // No English prose is left: every line's words outside identifiers are Chinese.
    for (const line of lines.slice(5)) expect(line).not.toMatch(/\b(the|is|and|of|no|protocol)\b/);
  });

  it('prints the whole report in Chinese: result, tables, trace, walk, dispatch', () => {
    const r = socketCommand(['AF_INET', 'SOCK_DGRAM', '0', '--op', 'listen'], zh);
    expect(r.out).toContain('以 root 身份在 linux-6.18.44-fc 上调用 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP)');
    expect(r.out).toContain(
      '结果：得到一个套接字；SO_DOMAIN=2 (AF_INET) SO_TYPE=2 (SOCK_DGRAM) SO_PROTOCOL=17 (IPPROTO_UDP)',
    );
    expect(r.out).toContain('附加信息：pmtudisc=IP_PMTUDISC_WANT');
    expect(r.out).toMatch(/\* listen\s+sock_no_listen {2}→ EOPNOTSUPP/);
    expect(r.out).toMatch(
      /\[0\] 17\s+udp_prot\s+默认\s+协议号 0 的意思是“用默认协议”：于是取第一个表项的协议号 17/,
    );
    expect(r.out).toContain(
      '套接字拿到当前最小的空闲文件描述符（fd）；SO_DOMAIN/SO_TYPE/SO_PROTOCOL 读回 2/2/17',
    );
    expect(r.out).toContain('分发 listen()：');
    expect(r.out).toContain('错误：EOPNOTSUPP（sock_no_listen）');
    const ok = socketCommand(['AF_INET', 'SOCK_STREAM', '0', '--op', 'shutdown'], zh);
    expect(ok.out).toContain(
      '对刚创建的套接字（TCP_CLOSE），inet_shutdown 仍会调用 sk_prot->shutdown，但最终返回 ENOTCONN',
    );
    const none = socketCommand(['AF_INET', 'SOCK_SEQPACKET', '0', '--op', 'connect'], zh);
    expect(none.out).toContain('--op connect：socket() 已失败，没有可以分发的调用');
  });

  it('lines up the walk table by display width (Chinese characters take two columns)', () => {
    const r = socketCommand(['AF_INET6', 'SOCK_DGRAM', 'IPPROTO_ICMPV6'], zh);
    const walk = r.out.split('\n').filter((l) => /^ {6}\[\d\]/.test(l));
    expect(walk.length).toBeGreaterThan(1);
    const whyColumn = (l: string) => {
      const m = /^( {6}\[\d\] \S+\s+\S+\s+\S+\s+)/.exec(l)!;
      return [...m[1]!].reduce((w, c) => w + (/[\u4e00-\u9fff]/.test(c) ? 2 : 1), 0);
    };
    expect(new Set(walk.map(whyColumn)).size).toBe(1);
  });

  it('says what is wrong with the arguments in Chinese', () => {
    const r = socketCommand(['AF_FOO', 'SOCK_DGRAM', '0'], zh);
    expect(r.code).toBe(2);
    expect(r.out).toContain('sockscope socket: 地址族参数（domain）：未知的地址族 "AF_FOO"');
    expect(r.out).toContain('用法：sockscope socket DOMAIN TYPE PROTOCOL');
    expect(socketCommand(['AF_INET'], zh).out).toContain('需要 DOMAIN TYPE PROTOCOL 三个参数，实际给了 1 个');
    expect(socketCommand(['AF_INET', 'SOCK_DGRAM', '0', '--op', 'fly'], zh).out).toContain(
      '--op 需要以下之一：connect, bind',
    );
    expect(socketCommand(['--help'], zh).out).toMatch(/^用法：/);
  });

  it('reads full-width input typed with a Chinese IME', () => {
    const r = socketCommand(['ＡＦ＿ＩＮＥＴ', 'SOCK_DGRAM｜SOCK_CLOEXEC', '１７', '--json']);
    const body = JSON.parse(r.out) as {
      names: unknown;
      result: { ok: boolean; cloexec: boolean; so_protocol: number };
    };
    expect(body.result).toMatchObject({ ok: true, cloexec: true, so_protocol: 17 });
    expect(body.names).toEqual({ family: 'AF_INET', type: 'SOCK_DGRAM|SOCK_CLOEXEC', protocol: '17' });
  });
});

describe('sockscope socket --json and languages', () => {
  type Text = { id: string; values?: Record<string, unknown> };
  interface Body {
    lang: string;
    profile: { description: Text; description_text: string };
    result: {
      errno?: string;
      why?: Text;
      why_text?: string;
      strerror?: Text;
      strerror_text?: string;
      trace: {
        fn: string;
        why: Text;
        why_text: string;
        snapshot: { inetsw?: { walk: { why: Text; why_text: string }[] } };
      }[];
    };
    dispatch?: {
      note: Text;
      note_text: string;
      chain: { why_text: string }[];
      skipped?: Text;
      skipped_text?: string;
    };
  }
  const json = (args: string[], locale: 'en' | 'zh-CN') =>
    JSON.parse(socketCommand([...args, '--json'], { locale }).out) as Body;

  it('keeps messages machine-shaped and adds the sentence in the chosen language', () => {
    const en = json(['AF_INET', 'SOCK_RAW', '0', '--unprivileged'], 'en');
    const zh = json(['AF_INET', 'SOCK_RAW', '0', '--unprivileged'], 'zh-CN');
    expect([en.lang, zh.lang]).toEqual(['en', 'zh-CN']);
    expect(zh.result.errno).toBe('EPROTONOSUPPORT');
    expect(zh.result.why).toEqual(en.result.why);
    expect(zh.result.why).toEqual({
      id: 'socket.inet.noEntryRaw',
      values: { list: 'inetsw[SOCK_RAW]', protocol: 'IPPROTO_IP' },
    });
    expect(en.result.why_text).toMatch(/^inetsw\[SOCK_RAW\] has no entry for protocol IPPROTO_IP/);
    expect(zh.result.why_text).toMatch(/^inetsw\[SOCK_RAW\] 里没有协议 IPPROTO_IP 的表项/);
    expect([en.result.strerror_text, zh.result.strerror_text]).toEqual([
      'Protocol not supported',
      '不支持的协议',
    ]);
    expect(zh.profile.description_text).toContain('内核');
    for (const s of zh.result.trace) {
      expect(s.why_text).toMatch(/[\u4e00-\u9fff]|^[^a-z]*$/);
      for (const w of s.snapshot.inetsw?.walk ?? []) expect(w.why_text).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('adds the text to dispatch notes, chains and a skipped dispatch', () => {
    const d = json(['AF_INET', 'SOCK_STREAM', '0', '--op', 'connect'], 'zh-CN').dispatch!;
    expect(d.note).toEqual({ id: 'socket.dispatch.note.depends', values: { prot: 'tcp_prot' } });
    expect(d.note_text).toBe('结果取决于调用的参数和 tcp_prot');
    expect(d.chain.every((s) => s.why_text.length > 0)).toBe(true);
    const skipped = json(['AF_INET', 'SOCK_SEQPACKET', '0', '--op', 'connect'], 'en').dispatch!;
    expect(skipped.skipped).toEqual({ id: 'cli.socket.skipped' });
    expect(skipped.skipped_text).toBe('socket() failed; nothing to dispatch');
  });
});
