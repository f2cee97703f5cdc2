/**
 * `--lang zh-CN` for the commands whose words are messages: reassemble, receive, journey, netlink decode.
 * The Chinese output keeps kernel identifiers (function names, counters, SKB_DROP_REASON_*,
 * errno names, file paths) but no English sentence; the English output still is English.
 */
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
});
