/**
 * `--lang zh-CN` for the commands whose words are messages: reassemble, receive, journey, netlink decode.
 * The Chinese output keeps kernel identifiers (function names, counters, SKB_DROP_REASON_*,
 * errno names, file paths) but no English sentence; the English output still is English.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './commands.ts';
import { NETLINK_SAMPLES } from '../netlink/samples.ts';

/**
 * Three plain ASCII words in a row (identifiers have _ / . or capitals and stand alone; a word
 * of hex digits only, as in ff:ff:ff, is a value).
 */
const WORD = '(?![a-f]+\\b)[a-z]{2,}';
const ENGLISH_RUN = new RegExp(`\\b${WORD}(?:[ ,;:]+${WORD}){2,}\\b`);
const CJK = /[\u4e00-\u9fff]/;

const englishLines = (out: string) => out.split('\n').filter((l) => ENGLISH_RUN.test(l));

function both(args: string[]): { en: string; zh: string; codes: [number, number] } {
  const en = runCli(args);
  const zh = runCli([...args, '--lang', 'zh-CN']);
  return { en: en.out, zh: zh.out, codes: [en.code, zh.code] };
}

const REASSEMBLE_CASES: string[][] = [
  // in order, reordered with a duplicate, overlap, a missing middle (expires), too big, IPv6
  ['--frags', '0:1480:1,1480:1480:1,2960:40:0', '--len', '2992'],
  ['--frags', '0:1480:1,1480:1480:1,2960:40:0', '--len', '2992', '--order', '2,0,0,1'],
  ['--frags', '0:1480:1,1000:1480:1,2960:40:0', '--len', '2992'],
  [
    '--frags',
    '0:1480:1,2960:40:0',
    '--len',
    '2992',
    '--at',
    '0,10',
    '--until',
    '40000',
    '--source',
    'remote',
  ],
  ['--frags', '0:1480:1,1480:1480:1,2960:40:0', '--len', '2992', '--rcvbuf', '2304', '--order', '0,1,2'],
  ['--frags', '0:1480:1,1480:1480:1,2960:40:0', '--len', '2992', '--no-socket'],
  ['--frags', '0:1480:1,1480:1480:1,2960:40:0,8:1480:0', '--len', '2992', '--order', '0,1,2,3'],
  ['--frags', '0:1448:1,1448:1448:1,2896:104:0', '--len', '2992', '--family', 'inet6', '--order', '0,2'],
  ['--frags', '0:4:1,1448:1448:0', '--len', '2888', '--family', 'inet6'],
];

describe('sockscope --lang zh-CN', () => {
  it.each(REASSEMBLE_CASES)('reassemble %#: Chinese verdicts and sentences, no English left', (...args) => {
    const r = both(['reassemble', ...args]);
    expect(r.codes[1]).toBe(r.codes[0]);
    expect(r.zh).toMatch(CJK);
    expect(r.zh).toMatch(/重组/);
    expect(englishLines(r.zh)).toEqual([]);
    // The same run in English is English (so the check above could fail).
    expect(englishLines(r.en).length).toBeGreaterThan(0);
    // Kernel identifiers stay as they are.
    for (const fn of r.en.match(
      /\b(?:ip6?_frag_\w+|inet_frag_\w+|ip_defrag|ipv6_frag_rcv|udp\w*_recvmsg)\b/g,
    ) ?? [])
      expect(r.zh).toContain(fn);
  });

  it('reassemble --json --lang zh-CN: machine fields as in English, text fields in Chinese', () => {
    const args = [
      'reassemble',
      '--frags',
      '0:1480:1,1480:1480:1,2960:40:0',
      '--len',
      '2992',
      '--order',
      '2,0,0,1',
      '--json',
    ];
    const en = JSON.parse(runCli(args).out);
    const zh = JSON.parse(runCli([...args, '--lang', 'zh-CN']).out);
    type A = { verdict: string; why: string; why_text: string; verdict_text: string };
    expect(zh.arrivals.map((a: A) => [a.verdict, a.why])).toEqual(
      en.arrivals.map((a: A) => [a.verdict, a.why]),
    );
    expect(en.arrivals.map((a: A) => a.why_text)).toEqual(en.arrivals.map((a: A) => a.why));
    for (const a of zh.arrivals as A[]) {
      expect(a.why).not.toMatch(CJK);
      expect(a.why_text).toMatch(CJK);
      expect(a.verdict_text).toMatch(CJK);
    }
    expect(zh.arrivals[2].why_text).toMatch(/IPFRAG_DUP/);
  });

  it('receive: Chinese head, columns, fates and counters', () => {
    for (const args of [
      ['--datagrams', '1000x400'],
      ['--datagrams', '4000x4', '--mtu', '1500', '--rcvbuf', '8192', '--read', '100'],
      ['--datagrams', '100,100', '--no-socket', '--family', 'inet6'],
    ]) {
      const r = both(['receive', ...args]);
      expect(r.codes).toEqual([0, 0]);
      expect(r.zh).toMatch(/数据报/);
      expect(englishLines(r.zh)).toEqual([]);
      expect(englishLines(r.en).length).toBeGreaterThan(0);
    }
    // The English table keeps its machine words.
    expect(runCli(['receive', '--datagrams', '1000x400']).out).toMatch(
      /^93–400\s+1000\s+1000\s+1\s+2304\s+rcvbuf\s+-$/m,
    );
  });

  it('netlink decode: the diagnostics and the framing in Chinese', () => {
    const bad = [
      '40000000100000000000000000000000aabbccdd',
      '1c000000ff0005000000000000000000000000000000000000000000',
    ];
    const sample = NETLINK_SAMPLES.find((s) => s.id === 'getlink-dump');
    for (const hex of [...bad, ...(sample ? [sample.hex] : [])]) {
      const r = both(['netlink', 'decode', '--family', 'route', '--hex', hex]);
      expect(r.codes[1]).toBe(r.codes[0]);
      expect(r.zh).toMatch(/字节/);
      expect(englishLines(r.zh)).toEqual([]);
      expect(englishLines(r.en).length).toBeGreaterThan(0);
    }
    const j = JSON.parse(
      runCli(['netlink', 'decode', '--hex', bad[0] as string, '--json', '--lang', 'zh-CN']).out,
    );
    const en = JSON.parse(runCli(['netlink', 'decode', '--hex', bad[0] as string, '--json']).out);
    expect(JSON.stringify(en)).not.toMatch(/message_text/);
    expect(JSON.stringify(j)).toMatch(/"message_text": ?"[^"]*[\u4e00-\u9fff]/);
  });

  it('reassemble and receive refusals: the grammar and the core in Chinese, the English as it was', () => {
    const cases: [string[], string][] = [
      [
        ['reassemble', '--frags', '0:x:1,8:8:zz', '--len', '8'],
        '--frags item 1 (“0:x:1”): The length is a whole number of bytes.\n--frags item 2 (“8:8:zz”): MF must be 1 or 0.',
      ],
      [
        ['reassemble', '--frags', '0:8:1', '--len', '8', '--order', '5'],
        '--order indexes run from 0 to 0; got 5.',
      ],
      [
        ['reassemble', '--frags', '0:8:1', '--len', '8', '--order', 'x'],
        '--order takes indexes separated by commas, e.g. 2,0,1; got “x”.',
      ],
      [
        ['reassemble', '--frags', '4:8:0,8:7:0', '--len', '8'],
        'fragments[0].offset: the offset must be a multiple of 8 from 0 to 65,528 (the header counts 8-byte units)',
      ],
      [
        ['receive', '--datagrams', '2000000'],
        'datagrams: each datagram size is a whole number from 0 to 1,048,576',
      ],
      [
        ['receive', '--datagrams', '100', '--mtu', '20', '--read', '2000000'],
        'mtu: the loopback MTU is a whole number from 68 to 65,536; read_buffer: the read buffer is a whole number of bytes from 0 to 1,048,576',
      ],
    ];
    for (const [args, english] of cases) {
      const r = both(args);
      expect(r.codes).toEqual([2, 2]);
      expect(r.en.startsWith(`${english}\nusage:`), r.en).toBe(true);
      const head = r.zh.split('\n用法')[0] as string;
      expect(head).toMatch(CJK);
      expect(englishLines(head)).toEqual([]);
    }
  });

  it('journey: the head, the fates and the refusals in Chinese, the English as it was', () => {
    const runs: [string[], number, RegExp][] = [
      // a plain run; a full receive queue (three drops); a cut read on IPv6; a send that fails
      [['--len', '4000'], 0, /^1\s+4000\s+6912\s+delivered\s+4000$/m],
      [
        ['--len', '4000', '--rcvbuf', '8192', '--datagrams', '4', '--read', 'end'],
        0,
        /^2\s+4000\s+6912\s+dropped-rcvbuf\s+-$/m,
      ],
      [['--len', '3000', '--buf', '100', '--family', 'inet6'], 0, /truncated\s+100 \(MSG_TRUNC\)$/m],
      [['--len', '65000', '--mtu', '68'], 0, /^1\s+failed\s+-\s+send-failed\s+-$/m],
      [['--len', 'x'], 2, /^--len takes a whole number from 0 to 65535\nusage:/],
      [['--family', 'inet6', '--mtu', '100'], 2, /^--mtu: IPv6 needs an MTU of 1,280 to 65,536 .*\nusage:/],
    ];
    for (const [args, code, english] of runs) {
      const r = both(['journey', ...args]);
      expect(r.codes).toEqual([code, code]);
      expect(r.en).toMatch(english);
      const head = code === 0 ? r.zh : (r.zh.split('\n用法')[0] as string);
      expect(head).toMatch(CJK);
      expect(englishLines(head), args.join(' ')).toEqual([]);
      if (code === 0) {
        expect(englishLines(r.en).length).toBeGreaterThan(0);
        expect(r.zh).toMatch(/^IPv[46] UDP 之旅：sendto\(\d+\) /);
        // Kernel names and values stay as they are.
        for (const k of r.en.match(
          /\b(?:sk_rcvbuf|recvfrom\(\d+\)|MSG_TRUNC|SOCKET_RCVBUFF|\w+_skb\w*)\b/g,
        ) ?? [])
          expect(r.zh).toContain(k);
      }
    }
    expect(
      both(['journey', '--len', '4000', '--rcvbuf', '8192', '--datagrams', '4', '--read', 'end']).zh,
    ).toMatch(/^2\s+4000\s+6912\s+接收缓冲区满，丢弃\s+-$/m);
    expect(runCli(['journey', '--nope', '--lang', 'zh-CN']).out).toMatch(/^未知选项 --nope\n用法/);
    // --json: only machine fields, the same in either language.
    const j = ['journey', '--len', '4000', '--rcvbuf', '8192', '--datagrams', '4', '--json'];
    expect(runCli([...j, '--lang', 'zh-CN']).out).toBe(runCli(j).out);
  });

  it('netlink decode: the decoded values have no English words in Chinese', () => {
    for (const s of NETLINK_SAMPLES) {
      const zh = runCli([
        'netlink',
        'decode',
        '--family',
        s.family ?? 'route',
        '--hex',
        s.hex,
        '--lang',
        'zh-CN',
      ]).out;
      expect(zh, s.id).not.toMatch(
        /nested attribute|\d bytes\b|whole request|request's header|ACK: success|\(complete\)|\(flag\)|\(empty\)/,
      );
    }
    const en = runCli([
      'netlink',
      'decode',
      '--family',
      'route',
      '--hex',
      NETLINK_SAMPLES.find((s) => s.id === 'newaddr-eexist')!.hex,
    ]).out;
    expect(en).toMatch(/msg=the whole request \(\d+ bytes\)/);
  });

  /** Lists of identifiers the messages put in <code> (the CLI prints code as plain text). */
  const withoutCode = (s: string) =>
    s
      .replace(/u8 u16 u32 u64 s32 str strz bytes flag( nest)?/, '')
      .replace('type, flags, seq, pid, familyHeader, attributes, lenOverride', '')
      .replace('route, generic, raw', '');

  /** The refusal above the help, in each language. */
  const refusal = (args: string[]) => {
    const r = both(args);
    return { ...r, enHead: r.en.split('\nusage:')[0] as string, zhHead: r.zh.split('\n用法')[0] as string };
  };

  it('netlink encode and decode refusals: every flag error in Chinese, the English as it was', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sockscope-zh-'));
    const notJson = join(dir, 'spec.json');
    writeFileSync(notJson, '[{"type": ');
    const big = join(dir, 'big.bin');
    writeFileSync(big, new Uint8Array(64));
    const enc = ['netlink', 'encode', '--family', 'route'];
    const cases: [string[], string][] = [
      [
        [...enc, '--type', 'RTM_GETLINK', '--header', 'ifi_family=x'],
        '--header item "ifi_family=x" is not name=number',
      ],
      [[...enc, '--type', 'RTM_GETLINK', '--attrs', 'A:u8=1}'], '--attrs: unbalanced "}" in "A:u8=1}"'],
      [
        [...enc, '--type', 'RTM_GETLINK', '--attrs', 'A:nest={B:u8=1'],
        '--attrs: a "{" is not closed in "A:nest={B:u8=1"',
      ],
      [
        [...enc, '--type', 'RTM_GETLINK', '--attrs', 'A:nest=1'],
        '--attrs item "A:nest=1": nest takes {attributes}',
      ],
      [
        [...enc, '--type', 'RTM_GETLINK', '--attrs', 'A:u9=1'],
        '--attrs item "A:u9=1" is not TYPE:KIND=VALUE (KIND: u8 u16 u32 u64 s32 str strz bytes flag nest)',
      ],
      [[...enc, '--type', 'RTM_GETLINK', '--attrs', 'A:u8'], '--attrs item "A:u8" needs =VALUE'],
      [[...enc, '--type', 'RTM_GETLINK', '--attrs', 'A:u8=x'], '--attrs item "A:u8=x": u8 takes a number'],
      [[...enc, '--type', 'RTM_GETLINK', '--seq', 'x'], '--seq takes a whole number'],
      [enc, 'encode needs --type (e.g. RTM_GETLINK) or --spec FILE.json'],
      [[...enc, '--spec', join(dir, 'none.json')], `--spec: cannot read ${join(dir, 'none.json')} (ENOENT)`],
      [
        [...enc, '--spec', big, '--max-bytes', '10'],
        `--spec: ${big} holds more than 10 bytes, the limit (raise it with --max-bytes, up to 1073741824)`,
      ],
      [
        [...enc, '--spec', notJson, '--max-bytes', '0'],
        '--max-bytes takes a size from 1 to 1G (a number of bytes, or with K, M or G)',
      ],
      [['netlink', 'decode', '--hex', '0g'], '--hex: not hex: unexpected character "g"'],
      [['netlink', 'decode', '--hex', 'abc'], '--hex: odd number of hex digits (3): a byte needs two'],
      [['netlink', 'decode'], 'decode needs --hex HEX or --file PATH'],
      [
        ['netlink', 'decode', '--hex', '00', '--max-depth', 'x'],
        '--max-depth takes a whole number (0 to 999999999)',
      ],
      [
        ['netlink', 'decode', '--hex', '00', '--family', 'nope'],
        '--family must be one of route, generic, raw; got “nope”.',
      ],
    ];
    for (const [args, english] of cases) {
      const r = refusal(args);
      expect(r.codes, args.join(' ')).toEqual([2, 2]);
      expect(r.enHead).toBe(english);
      expect(r.zhHead, args.join(' ')).toMatch(CJK);
      expect(englishLines(withoutCode(r.zhHead)), args.join(' ')).toEqual([]);
    }
    // The JSON parser's own words are quoted as its words, inside a Chinese sentence.
    const j = refusal([...enc, '--spec', notJson]);
    expect(j.enHead).toMatch(/^--spec: .* is not JSON \(.+\)$/);
    expect(j.zhHead).toMatch(/^--spec：.* 不是 JSON（JSON 解析器的原话：.+）$/);
  });

  it('netlink encode: the encoder and the spec check in Chinese (every failure a CLI can meet)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sockscope-zh-'));
    const spec = (x: unknown) => {
      const f = join(dir, `s${Math.random().toString(36).slice(2)}.json`);
      writeFileSync(f, JSON.stringify(x));
      return ['netlink', 'encode', '--family', 'route', '--spec', f];
    };
    const enc = ['netlink', 'encode', '--family', 'route'];
    const cases: [string[], RegExp][] = [
      [[...enc, '--type', 'RTM_NOPE'], /^EINVAL: message 0: unknown type "RTM_NOPE" for the route family$/],
      [[...enc, '--type', 'RTM_GETLINK', '--flags', 'NOPE'], /^EINVAL: message 0: unknown flag in/],
      [
        [...enc, '--type', 'RTM_GETLINK', '--header', 'ifi_family=300'],
        /^ERANGE: message 0: ifinfomsg.ifi_family = 300 does not fit 1 byte/,
      ],
      [
        [...enc, '--type', 'RTM_GETLINK', '--attrs', 'IFLA_NOPE:u8=1'],
        /^EINVAL: message 0 attribute 0: unknown attribute type "IFLA_NOPE" in IFLA_\*/,
      ],
      [
        [...enc, '--type', 'RTM_NEWLINK', '--attrs', 'IFLA_ADDRESS:bytes=0g'],
        /^EINVAL: .*: not hex: unexpected character "g"$/,
      ],
      [
        [...enc, '--type', 'RTM_NEWLINK', '--attrs', 'IFLA_MTU:u32=5000000000'],
        /^ERANGE: .*does not fit a u32$/,
      ],
      [spec({ type: 16 }), /^EINVAL: the specs are a list \(a JSON array\) of messages, not an object$/],
      [spec([{ type: 16, nope: 1 }]), /^EINVAL: message 0: unknown key "nope" \(known: type, flags/],
      [
        spec([{ type: 16, flags: 'REQUEST' }]),
        /^EINVAL: message 0: flags is a number or a list of NLM_F_\* names, not the text "REQUEST"$/,
      ],
      [spec([{}]), /^EINVAL: message 0: "type" is missing$/],
      [
        spec([{ type: 16, attributes: [{ type: 1, value: { kind: 'u7', v: 1 } }] }]),
        /^EINVAL: .*kind is one of u8 u16/,
      ],
      [
        spec([{ type: 16, attributes: [{ type: 1, value: { kind: 'u8', v: 1 }, nested: [] }] }]),
        /^EINVAL: .*both "value" and "nested"/,
      ],
      [spec([{ type: 16, attributes: [1] }]), /^EINVAL: .*an attribute is an object \{ type/],
    ];
    for (const [args, english] of cases) {
      const r = both(args);
      expect(r.codes, args.join(' ')).toEqual([2, 2]);
      expect(r.en).toMatch(english);
      expect(r.zh, r.zh).toMatch(CJK);
      expect(r.zh.startsWith(r.en.slice(0, 6).replace(':', '：'))).toBe(true);
      // What was typed is quoted as typed; the rest is Chinese.
      expect(englishLines(withoutCode(r.zh).replace(/"[^"]*"|“[^”]*”/g, '""')), r.zh).toEqual([]);
    }
  });

  it('netlink decode: strerror in Chinese (also past the model: Unknown error 524), the extack quoted and labelled', () => {
    // NLMSG_ERROR with error -524 (ENOTSUPP) and -16 (EBUSY), the request's header echoed.
    const err = (e: number) => {
      const b = Buffer.alloc(36);
      b.writeUInt32LE(36, 0);
      b.writeUInt16LE(2, 4);
      b.writeUInt16LE(0x100, 6);
      b.writeInt32LE(-e, 16);
      b.writeUInt32LE(16, 20);
      b.writeUInt16LE(16, 24);
      return b.toString('hex');
    };
    for (const [n, en, zh] of [
      [524, 'error 524 ENOTSUPP: Unknown error 524', '错误 524 ENOTSUPP：未知错误 524'],
      [16, 'error 16 EBUSY: Device or resource busy', '错误 16 EBUSY：设备或资源忙'],
      [95, 'error 95 EOPNOTSUPP: Operation not supported', '错误 95 EOPNOTSUPP：不支持的操作'],
    ] as const) {
      const r = both(['netlink', 'decode', '--family', 'route', '--hex', err(n)]);
      expect(r.en).toContain(en);
      expect(r.zh).toContain(zh);
      expect(englishLines(r.zh)).toEqual([]);
      const j = JSON.parse(runCli(['netlink', 'decode', '--hex', err(n), '--json', '--lang', 'zh-CN']).out);
      expect(j[0].error.strerror).toBe(en.split(': ')[1]);
      expect(j[0].error.strerror_text).toBe(zh.split('：')[1]);
    }
    const ext = NETLINK_SAMPLES.find((s) => s.id === 'newlink-extack')!.hex;
    const r = both(['netlink', 'decode', '--family', 'route', '--hex', ext]);
    // The kernel's text stays English, quoted, under a heading that says whose words they are, once.
    const zhLines = r.zh.split('\n');
    const at = zhLines.findIndex((l) => l.includes('"Unknown device type"'));
    expect(zhLines[at - 1]).toMatch(/内核发来的原文/);
    expect(zhLines.filter((l) => l.includes('"Unknown device type"'))).toHaveLength(1);
    expect(englishLines(r.zh.replace(/"Unknown device type"/, ''))).toEqual([]);
    expect(r.en).toMatch(
      /the kernel’s own words.*\n\s+\+36 NLMSGERR_ATTR_MSG \(type 1, len 24\) = "Unknown device type"/,
    );
  });

  it('journey --read: the modes listed in the reader’s language', () => {
    const r = refusal(['journey', '--len', '10', '--read', 'never']);
    expect(r.enHead).toBe('--read is one of each, slow or end');
    expect(r.zhHead).toBe('--read 取 each、slow 或 end 之一');
  });
});
