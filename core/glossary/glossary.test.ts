/**
 * The glossary as data: every entry renders in English and Chinese, its ids follow its key, its
 * related keys exist, its file is a kernel path; the numbers it states are the model's own; and
 * findTerms finds the terms a text mentions (longest first, whole words, any input).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOGS, formatMsg, formatMsgParts, type Locale, type Msg } from '../i18n/index.ts';
import { DEFAULT_SEND_INPUT, DEFRAG_DEFAULTS, ipSend } from '../ip/index.ts';
import { llReservedSpace } from '../skb/index.ts';
import { KERNEL_VERSION } from '../trace/index.ts';
import {
  GLOSSARY,
  MAX_FIND_TEXT,
  findTerms,
  glossaryEntry,
  glossaryLinks,
  glossarySlug,
  type GlossaryEntry,
} from './index.ts';

const KEYS = GLOSSARY.map((e) => e.key);
const LOCALES: Locale[] = ['en', 'zh-CN'];

/** Renders without an error, or fails the test. */
function render(m: Msg, locale: Locale): string {
  const errors: Error[] = [];
  const text = formatMsg(m, locale, { onError: (e) => errors.push(e) });
  expect(errors, `${m.id} in ${locale}`).toEqual([]);
  return text;
}

const en = (e: GlossaryEntry, part: 'plain' | 'detail') => render(e[part], 'en');

describe('the glossary entries', () => {
  it('has every term a student meets, each key once', () => {
    expect(new Set(KEYS).size).toBe(KEYS.length);
    expect(new Set(KEYS.map(glossarySlug)).size).toBe(KEYS.length);
    // prettier-ignore
    const required = [
      'MTU', 'PMTU', 'fragment', 'fragsize', 'fragheaderlen', 'maxfraglen', 'maxnonfragsize', 'dataPerFragment',
      'hh_len', 'truesize', 'headroom', 'tailroom', 'head', 'data', 'tail', 'end', 'len', 'data_len', 'sk_buff',
      'skb_shared_info', 'nr_frags', 'frag_list', 'MF', 'DF', 'frag_off', 'id', 'IHL', 'ip_options', 'IP_HDRINCL',
      'MSG_MORE', 'cork', 'iovec', 'NETIF_F_SG', 'sk_sndbuf', 'sk_rcvbuf', 'sk_rmem_alloc', 'ENOBUFS', 'EMSGSIZE',
      'ICMP_FRAG_NEEDED', 'ipq', 'FIRST_IN', 'LAST_IN', 'holes', 'runs', 'ipfrag_time', 'ipfrag_high_thresh',
      'ipfrag_max_dist', 'overlap', 'duplicate', 'skb_drop_reason', 'nstat', 'netlink', 'nlmsghdr', 'nlmsg_len',
      'nlmsg_type', 'nlmsg_flags', 'NLM_F_REQUEST', 'NLM_F_ACK', 'NLM_F_DUMP', 'NLM_F_MULTI', 'NLMSG_DONE',
      'NLMSG_ERROR', 'nlattr', 'rtattr', 'NLA_ALIGN', 'padding', 'nested', 'NLA_F_NESTED', 'NETLINK_EXT_ACK',
      'rtnetlink', 'genetlink', 'ifinfomsg', 'msghdr', 'cmsghdr', 'MSG_TRUNC', 'socket()', 'domain/type/protocol',
      'proto_ops', 'proto', 'inetsw', 'net_proto_family', 'struct sock', 'struct socket', 'SOCK_RAW', 'SOCK_DGRAM',
      'SOCK_STREAM', 'IPPROTO_*', 'errno', 'loopback', 'netns',
    ];
    expect(required.filter((k) => !glossaryEntry(k))).toEqual([]);
  });

  it.each(KEYS)('%s: its messages are glossary.<key>.*, in both catalogs', (key) => {
    const e = glossaryEntry(key)!;
    const slug = glossarySlug(key);
    expect(e.plain.id).toBe(`glossary.${slug}.plain`);
    expect(e.detail.id).toBe(`glossary.${slug}.detail`);
    if (e.name) expect(e.name.id).toBe(`glossary.${slug}.name`);
    for (const m of [e.plain, e.detail, e.name].filter((x): x is Msg => !!x))
      for (const l of LOCALES) expect(Object.hasOwn(CATALOGS[l], m.id), `${m.id} ${l}`).toBe(true);
  });

  it.each(KEYS)('%s renders in English and Chinese, the identifiers untranslated', (key) => {
    const e = glossaryEntry(key)!;
    for (const m of [e.plain, e.detail, e.name].filter((x): x is Msg => !!x)) {
      const [t, z] = LOCALES.map((l) => render(m, l)) as [string, string];
      expect(t.length, m.id).toBeGreaterThan(m === e.name ? 1 : 40);
      expect(z, m.id).toMatch(/[\u4e00-\u9fff]/);
      const code = (l: Locale) =>
        formatMsgParts(m, l)
          .filter((p) => p.kind === 'code')
          .map((p) => p.text)
          .sort();
      expect(code('zh-CN'), m.id).toEqual(code('en'));
    }
    // Plain words first: two or three sentences, the kernel detail after.
    const sentences = en(e, 'plain').split(/(?<=[.!?])\s+/);
    expect(sentences.length, en(e, 'plain')).toBeGreaterThanOrEqual(2);
    expect(sentences.length, en(e, 'plain')).toBeLessThanOrEqual(3);
    expect(en(e, 'detail')).toMatch(/[.)]$/);
  });

  it.each(KEYS)('%s: related keys exist, a kernel path and identifier to link', (key) => {
    const e = glossaryEntry(key)!;
    expect(e.related.length).toBeGreaterThan(0);
    for (const r of e.related) {
      expect(glossaryEntry(r), `${key} → ${r}`).toBeDefined();
      expect(r).not.toBe(key);
    }
    expect(new Set(e.related).size).toBe(e.related.length);
    expect(e.file).toMatch(/^(net|include|lib|drivers)\/[a-z0-9_\-/]+\.[ch]$/);
    expect(e.file).not.toMatch(/\/\/|\.\./);
    if (e.ident) expect(e.ident).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
    const links = glossaryLinks(e);
    expect(links.file).toBe(`https://elixir.bootlin.com/linux/${KERNEL_VERSION}/source/${e.file}`);
    if (e.ident)
      expect(links.ident).toBe(`https://elixir.bootlin.com/linux/${KERNEL_VERSION}/A/ident/${e.ident}`);
    expect(KERNEL_VERSION).toBe('v6.18');
    expect(e.match.length).toBeGreaterThan(0);
  });

  it('states the numbers the model uses', () => {
    const d = (k: string) => en(glossaryEntry(k)!, 'detail');
    const p = (k: string) => en(glossaryEntry(k)!, 'plain');
    const n = (x: number) => x.toLocaleString('en-US');
    expect(DEFRAG_DEFAULTS.inet.timeout).toBe(30_000);
    expect(p('ipfrag_time')).toContain(`${DEFRAG_DEFAULTS.inet.timeout / 1000} seconds for IPv4`);
    expect(p('ipfrag_time')).toContain(`${DEFRAG_DEFAULTS.inet6.timeout / 1000} for IPv6`);
    expect(d('ipfrag_high_thresh')).toContain(n(DEFRAG_DEFAULTS.inet.high_thresh));
    expect(DEFRAG_DEFAULTS.inet6.high_thresh).toBe(DEFRAG_DEFAULTS.inet.high_thresh);
    expect(p('ipfrag_high_thresh')).toContain(`${DEFRAG_DEFAULTS.inet.high_thresh / 2 ** 20} MiB`);
    expect(d('ipfrag_max_dist')).toContain(`default ${DEFRAG_DEFAULTS.inet.max_dist}`);
    expect(p('ipfrag_max_dist')).toContain(`${DEFRAG_DEFAULTS.inet.max_dist} by default`);
    expect(llReservedSpace(14)).toBe(16);
    expect(p('hh_len')).toContain('rounded up to 16');
    // The worked example of dataPerFragment is the model's send of 4,000 bytes at MTU 1,500.
    const r = ipSend({ ...DEFAULT_SEND_INPUT, sends: [4000], mtu: 1500 });
    expect(r.ok).toBe(true);
    expect(r.numbers.dataPerFragment).toBe(1480);
    expect(p('dataPerFragment')).toContain(`it is ${n(r.numbers.dataPerFragment!)}`);
    const frags = r.wire.map((w) => (w.family === 'inet' ? [w.total_length - 20, w.offset / 8] : [0, 0]));
    expect(d('dataPerFragment')).toContain(frags.map(([len]) => n(len!)).join(' + '));
    expect(d('dataPerFragment')).toContain(
      `offsets ${frags
        .map(([, o]) => o)
        .join(', ')
        .replace(/, (\d+)$/, ' and $1')}`,
    );
    for (const mtu of [1500, 1280]) {
      const g = ipSend({ ...DEFAULT_SEND_INPUT, sends: [3000], mtu });
      expect(d('maxfraglen')).toContain(n(g.numbers.maxfraglen!));
    }
    const big = ipSend({ ...DEFAULT_SEND_INPUT, sends: [65508] });
    expect(big.ok).toBe(false);
    expect(ipSend({ ...DEFAULT_SEND_INPUT, sends: [65507] }).ok).toBe(true);
    expect(d('maxnonfragsize')).toContain('65,507');
  });
});

describe('findTerms', () => {
  it('finds the terms a text mentions, in order, each once', () => {
    expect(
      findTerms('At MTU 1,500 each fragment carries 1,480 bytes: maxfraglen is 1500, MF is set, MTU again'),
    ).toEqual(['MTU', 'fragment', 'maxfraglen', 'MF']);
    expect(findTerms('nlmsg_len counts the nlmsghdr; NLM_F_MULTI until NLMSG_DONE')).toEqual([
      'nlmsg_len',
      'nlmsghdr',
      'NLM_F_MULTI',
      'NLMSG_DONE',
    ]);
  });

  it('lets the longest term claim a phrase', () => {
    expect(findTerms('the fragment offset is 185')).toEqual(['frag_off']);
    expect(findTerms('a raw socket with IP_HDRINCL')).toEqual(['SOCK_RAW', 'IP_HDRINCL']);
    expect(findTerms('skb_shinfo(skb)->nr_frags')).toEqual(['skb_shared_info', 'sk_buff', 'nr_frags']);
    expect(findTerms('path MTU discovery')).toEqual(['PMTU']);
  });

  it('matches identifiers whole and in their case, words in any case', () => {
    expect(findTerms('nlmsg_len')).toEqual(['nlmsg_len']); // not len
    expect(findTerms('maxfraglength, mf, df, Mtu')).toEqual([]);
    expect(findTerms('Fragments and FRAGMENTATION')).toEqual(['fragment']);
    expect(findTerms('IPPROTO_UDP, then SKB_DROP_REASON_DUP_FRAG')).toEqual(['IPPROTO_*', 'skb_drop_reason']);
    expect(findTerms('socket() returns')).toEqual(['socket()']);
    expect(findTerms('skb->data moves back; data alone is a word')).toEqual(['data']);
  });

  it('finds Chinese terms and identifiers in Chinese text', () => {
    expect(findTerms('分片到达后进入重组队列，片偏移为 185，带着 MF')).toEqual([
      'fragment',
      'ipq',
      'frag_off',
      'MF',
    ]);
    expect(findTerms('头部空间和尾部空间')).toEqual(['headroom', 'tailroom']);
  });

  it('every match string leads to its own entry, and no two entries claim one', () => {
    for (const e of GLOSSARY)
      for (const m of e.match) {
        const sample = m.endsWith('*') ? `${m.slice(0, -1)}X` : m;
        expect(findTerms(sample), `${e.key}: ${m}`).toEqual([e.key]);
      }
  });

  it('takes any value, and reads a bounded text', () => {
    for (const x of [undefined, null, 42, {}, [], ['MTU'], Symbol('MTU'), () => 'MTU', ''])
      expect(findTerms(x)).toEqual([]);
    expect(findTerms('MTU '.repeat(50_000))).toEqual(['MTU']);
    expect(findTerms(`${'x '.repeat(MAX_FIND_TEXT / 2)} MTU`)).toEqual([]);
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const keys = findTerms(s);
        expect(new Set(keys).size).toBe(keys.length);
        for (const k of keys) expect(glossaryEntry(k)).toBeDefined();
      }),
    );
  });

  it('finds terms in the entries themselves, which link only to entries', () => {
    for (const e of GLOSSARY)
      for (const k of findTerms(en(e, 'detail'))) expect(glossaryEntry(k)).toBeDefined();
    expect(findTerms(en(glossaryEntry('maxfraglen')!, 'detail'))).toEqual(
      expect.arrayContaining(['maxfraglen', 'fragheaderlen', 'MTU']),
    );
  });
});
