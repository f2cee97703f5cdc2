import fc from 'fast-check';
import { renderText } from '../i18n/index.ts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEND_INPUT, LIMITS, ipSend } from '../ip/index.ts';
import { runCli } from '../cli/commands.ts';
import {
  DEFRAG_PARAMS,
  NETLINK_PARAMS,
  NL_BUFFER_MAX,
  parseNetlinkHex,
  ECHO_MAX,
  SEND_KEYS,
  SEND_PARAMS,
  echo,
  formatFragItem,
  fragItemSpec,
  parseFrags,
  parseIndexList,
  sendInputFromTexts,
  splitFragItem,
} from './index.ts';
import type { Param } from './index.ts';

const ALL: Param<unknown>[] = [
  ...SEND_KEYS.map((k) => SEND_PARAMS[k] as Param<unknown>),
  ...Object.values(DEFRAG_PARAMS).map((p) => p as Param<unknown>),
  ...Object.values(NETLINK_PARAMS).map((p) => p as Param<unknown>),
];

describe('parameter tables', () => {
  it('every parser takes any text without throwing; a failure names the parameter and echoes at most 40 characters', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL), fc.string({ maxLength: 300 }), (p, text) => {
        const r = p.parse(text, `--${p.key}`);
        if (r.ok) return;
        expect(r.issue.key).toBe(p.key);
        if (r.issue.code !== 'rule') expect(r.issue.message).toContain(`--${p.key}`);
        const v = r.issue.values.value;
        if (typeof v === 'string') expect([...v].length).toBeLessThanOrEqual(ECHO_MAX + 1);
      }),
    );
  });

  it('format and parse are inverse on every default', () => {
    for (const p of ALL) {
      const r = p.parse(p.format(p.default));
      expect(r).toEqual({ ok: true, value: p.default });
    }
  });

  it('echo cuts long values with an ellipsis', () => {
    expect(echo('x'.repeat(41))).toBe(`${'x'.repeat(40)}…`);
    expect(echo('short')).toBe('short');
  });

  it('the sends limit is the core’s (256), not the old lab’s 64', () => {
    const many = (n: number) => Array.from({ length: n }, () => '10').join(',');
    const ok = sendInputFromTexts({ sends: many(LIMITS.sendsMax) });
    expect(ok.ok).toBe(true);
    const over = sendInputFromTexts({ sends: many(LIMITS.sendsMax + 1) });
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.issues[0]?.message).toMatch(/at most 256 items; got 257/);
  });

  it('no texts is the core’s default send; each payload key makes its own kind of send', () => {
    expect(sendInputFromTexts({})).toEqual({ ok: true, input: DEFAULT_SEND_INPUT });
    const iov = sendInputFromTexts({ iov: '500,700' });
    expect(iov.ok && iov.input).toMatchObject({ iov: [500, 700], sends: [1200] });
    const r = sendInputFromTexts({ len: '3000', mtu: '1280', family: 'inet6' });
    expect(r.ok && ipSend(r.input).ok).toBe(true);
  });

  it('a rule of the model comes back under the parameter that shows it', () => {
    const r = sendInputFromTexts({ len: '100', mtu: '1000', family: 'inet6' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.key)).toEqual(['mtu']);
  });
});

describe('netlink inputs', () => {
  it('the buffer is bounded and counts start at 1', () => {
    expect(parseNetlinkHex('28 00 00 00').ok).toBe(true);
    const big = parseNetlinkHex('00'.repeat(NL_BUFFER_MAX + 1), '--hex');
    expect(big.ok || big.issue.message).toMatch(/--hex: at most 262,144 bytes/);
    expect(NETLINK_PARAMS.msg.parse('3')).toEqual({ ok: true, value: 2 });
    expect(NETLINK_PARAMS.msg.parse('0').ok).toBe(false);
    expect(NETLINK_PARAMS.cmsg.parse('SOL_SOCKET.SCM_RIGHTS.8')).toEqual({
      ok: true,
      value: [{ level: 'SOL_SOCKET', type: 'SCM_RIGHTS', len: '8' }],
    });
  });

  it('the CLI reads --family and --endian through the same table', () => {
    const r = runCli(['netlink', 'decode', '--hex', '00', '--family', 'routing']);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/--family must be one of route, generic, raw; got “routing”/);
  });
});

describe('fragment lists', () => {
  it('an item splits and formats back as typed, whatever it holds', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-z:]{0,30}$/), (item) => {
        const t = splitFragItem(item);
        expect(splitFragItem(formatFragItem(t))).toEqual(t);
      }),
    );
  });

  it('a good item becomes a FragmentSpec, a bad part is named', () => {
    expect(fragItemSpec(splitFragItem('8:16:1:other:id7'))).toEqual({
      ok: true,
      spec: { offset: 8, length: 16, mf: true, fill: 'other', id: 7 },
    });
    const bad = fragItemSpec(splitFragItem('0:x:2:banana'));
    expect(bad.ok || bad.issues.map((i) => i.part)).toEqual(['length', 'mf', 'extra']);
  });

  it('parseFrags names the item; parseIndexList checks the range', () => {
    const r = parseFrags('0:8:1,8:y:0', '--frags');
    expect(r.ok || r.issues[0]?.message).toMatch(/--frags item 2 .*length/);
    expect(parseIndexList('2,0,1', 3)).toEqual({ ok: true, value: [2, 0, 1] });
    expect(parseIndexList('3', 3)).toEqual({ ok: false, code: 'range', bad: 3 });
    expect(parseIndexList('2,zero', 3)).toEqual({ ok: false, code: 'not-list' });
  });
});

describe('the CLI is strict', () => {
  it.each([
    [['fragment', '--len', '10', '--bogus', '1'], /unknown option --bogus/],
    [['fragment', '--len', '10', '--sg', 'maybe'], /--sg must be 0 or 1; got “maybe”/],
    [['fragment', '--len', '10', 'stray'], /unexpected argument “stray”/],
    [['fragment', '--len', '10', '--len', '20'], /--len is given twice/],
    [['fragment', '--df=1'], /--df takes no value/],
    [['trace', '--nope'], /unknown option --nope/],
    [['reassemble', '--frags', '0:8:0', '--len', '0', '--colour', 'red'], /unknown option --colour/],
    [['netlink', 'decode', '--hex', '00', '--bogus', '1'], /netlink decode has no option --bogus/],
    [['fragment', '--len', 'x'.repeat(500)], /“x{40}…”/],
  ])('%j is refused', (args, why) => {
    const r = runCli(args);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(why);
  });

  it("fragment --len past the model's limit names the limit once", () => {
    // 65,536 is a real send (the kernel answers EMSGSIZE); 1 MiB is the model's bound.
    const r = runCli(['fragment', '--len', '2000000']);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/--len must be from 0 to 1,048,576; got 2,000,000/);
    expect(r.out).not.toMatch(/length length/);
  });

  it('the core rule says "The length" for one send', () => {
    // Past the parameter table (a JS caller), validateSendInput words it.
    const r = ipSend({ ...DEFAULT_SEND_INPUT, sends: [2_000_000] });
    expect(r.ok || renderText(r.why, 'en')).toMatch(/^The length is a whole number/);
  });
});

describe('parameter issues as messages', () => {
  it('say in the catalog what MESSAGES says in English, and render in Chinese', async () => {
    const { formatMsg } = await import('../i18n/index.ts');
    const { SEND_PARAMS, DEFRAG_PARAMS, NETLINK_PARAMS } = await import('./index.ts');
    const params = [
      ...Object.values(SEND_PARAMS),
      ...Object.values(DEFRAG_PARAMS),
      ...Object.values(NETLINK_PARAMS),
    ];
    const texts = [
      '',
      'x',
      '1.5',
      '-1',
      '9'.repeat(400),
      '70000',
      '1,,2',
      'zz',
      '123',
      '2',
      '0x',
      ' ',
      'a'.repeat(100),
    ];
    let n = 0;
    for (const p of params)
      for (const t of texts) {
        const r = (
          p as {
            parse: (t: string, name?: string) => { ok: boolean; issue?: { message: string; msg: unknown } };
          }
        ).parse(t, '--x');
        if (r.ok || !r.issue) continue;
        n++;
        expect(formatMsg(r.issue.msg, 'en')).toBe(r.issue.message);
        const zh = formatMsg(r.issue.msg, 'zh-CN');
        expect(zh.length).toBeGreaterThan(0);
        expect(zh.length).toBeLessThan(400);
      }
    expect(n).toBeGreaterThan(50);
  });
});
