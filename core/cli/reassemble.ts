/** `sockscope reassemble --frags 0:1480:1,1480:1480:1,2960:40:0 --len 2992 [--order 2,0,1] [--family inet6] [--json]`. */
import {
  icmpNameMsg,
  reassemble,
  VERDICT_MSG,
  type DefragInput,
  type DefragOk,
  type FragmentSpec,
} from '../ip/index.ts';
import { defineMessages, formatMsg, msg, msgOptional, type Locale, type Msg } from '../i18n/index.ts';
import {
  DEFRAG_PARAMS,
  orderIssue,
  parseFrags,
  parseIndexList,
  splitTimes,
  type Param,
} from '../params/index.ts';
import { parseFlags, say, table, type CliContext, type CommandResult } from './args.ts';
import { renderHelp, type HelpLine } from './help.ts';
import { mibLines } from './mib.ts';

const H = defineMessages({
  frags: {
    id: 'cli.reassemble.help.frags',
    defaultMessage:
      'the fragments as byte ranges of the UDP datagram (its 8-byte header included):{br}offset (a multiple of 8), length, MF (1/0), optionally <code>":other"</code> for different bytes{br}and <code>":idN"</code> for an IP id of its own',
    description: 'br: a line break (keeps the option column).',
  },
  len: {
    id: 'cli.reassemble.help.len',
    defaultMessage: 'the UDP payload length the sender sent (the datagram is <code>len</code> + 8 bytes)',
  },
  order: {
    id: 'cli.reassemble.help.order',
    defaultMessage:
      'arrival order as indexes into <code>--frags</code> (repeat one to duplicate it, leave one out to drop it)',
  },
  at: {
    id: 'cli.reassemble.help.at',
    defaultMessage: 'arrival times in ms, one per arrival (the queue timer: 30 s IPv4, 60 s IPv6)',
  },
  until: {
    id: 'cli.reassemble.help.until',
    defaultMessage: 'keep the clock running until this time (default: last arrival + 100 ms)',
  },
  source: {
    id: 'cli.reassemble.help.source',
    defaultMessage:
      '<code>remote</code>: the fragments come from another host (<code>ip_expire</code> may then send ICMP)',
  },
  maxDist: {
    id: 'cli.reassemble.help.maxDist',
    defaultMessage:
      '<code>net.ipv4.ipfrag_max_dist</code> (IPv4; default 64, 0 = off): a queue more than this many{br}fragments from the same source behind is purged (<code>FRAG_TOO_FAR</code>)',
    description: 'br: a line break (keeps the option column).',
  },
  rcvbuf: {
    id: 'cli.reassemble.help.rcvbuf',
    defaultMessage:
      "<code>sk_rcvbuf</code> of the bound UDP socket as <code>SO_RCVBUF</code> reads it back (default{br}<code>net.core.rmem_default</code> = 212,992): each reassembled datagram is charged its <code>truesize</code>{br}and dropped when it does not fit (<code>SOCKET_RCVBUFF</code>, <code>UdpRcvbufErrors</code>) — the same{br}receive queue as <code>''sockscope receive''</code> and the labs",
    description: 'br: a line break (keeps the option column).',
  },
  noSocket: {
    id: 'cli.reassemble.help.noSocket',
    defaultMessage: 'nobody is bound to the port: <code>NO_SOCKET</code>, ICMP port unreachable',
  },
});

const REASSEMBLE_HELP_LINES: readonly HelpLine[] = [
  'usage: sockscope reassemble --frags OFFSET:LENGTH:MF[:other],... --len N',
  '                            [--order 2,0,1] [--family inet|inet6] [--id N] [--at 0,0,31000]',
  '                            [--until MS] [--source self|remote] [--max-dist N]',
  '                            [--rcvbuf N | --no-socket] [--json]',
  ['  --frags   ', H.frags],
  ['  --len     ', H.len],
  ['  --order   ', H.order],
  ['  --at      ', H.at],
  ['  --until   ', H.until],
  ['  --source  ', H.source],
  ['  --max-dist ', H.maxDist, {}, 12],
  ['  --rcvbuf  ', H.rcvbuf],
  ['  --no-socket ', H.noSocket],
];

/** `sockscope reassemble --help` in `locale`. */
export const reassembleHelp = (locale: Locale = 'en'): string => renderHelp(REASSEMBLE_HELP_LINES, locale);

export const REASSEMBLE_HELP = reassembleHelp('en');

const M = defineMessages({
  head: {
    id: 'cli.reassemble.head',
    defaultMessage:
      '{family} reassembly of a {len}-byte UDP payload ({dlen}-byte datagram), {n, plural, one {# arrival} other {# arrivals}}',
  },
  verdict: {
    id: 'cli.reassemble.verdict',
    defaultMessage:
      '{verdict}{trimmed, select, yes { (trimmed to {end})} other {}}{reinit, select, yes { (after <code>ip_frag_reinit</code>)} other {}}',
    description:
      'verdict: ip.defrag.verdict.*; end: where a non-last fragment was cut back to a multiple of 8.',
  },
  colFrag: { id: 'cli.reassemble.col.frag', defaultMessage: 'frag' },
  colMs: { id: 'cli.reassemble.col.ms', defaultMessage: 'ms' },
  colBytes: { id: 'cli.reassemble.col.bytes', defaultMessage: 'bytes' },
  colFill: { id: 'cli.reassemble.col.fill', defaultMessage: 'fill' },
  colQueue: { id: 'cli.reassemble.col.queue', defaultMessage: 'queue' },
  colVerdict: { id: 'cli.reassemble.col.verdict', defaultMessage: 'verdict' },
  colReturn: { id: 'cli.reassemble.col.return', defaultMessage: 'return' },
  colFn: { id: 'cli.reassemble.col.fn', defaultMessage: 'kernel function' },
  fillOther: {
    id: 'cli.reassemble.fillOther',
    defaultMessage: 'other',
    description: 'Bytes that are not the sender’s.',
  },
  nothing: { id: 'cli.reassemble.nothing', defaultMessage: '→ nothing reassembled, nothing delivered' },
  delivered: {
    id: 'cli.reassemble.delivered',
    defaultMessage:
      '→ delivered: {len} bytes{queue, select, none { (not fragmented)} other { from queue #{queue}}}, {equal, select, yes {equal to what was sent} other {NOT equal to what was sent}} (<code>{fn}</code>, <code>{file}</code>)',
  },
  notDelivered: {
    id: 'cli.reassemble.notDelivered',
    defaultMessage:
      '→ reassembled {len} bytes{queue, select, none {} other { in queue #{queue}}} (truesize {truesize}) but not delivered: {why} (<code>{fn}</code>, <code>{file}</code>)',
  },
  queue: {
    id: 'cli.reassemble.queue',
    defaultMessage:
      'queue #{serial} (id {id}): {state, select, waiting {waiting} dropped {dropped} expired {expired} other {reassembled}} — {why} (<code>{fn}</code>, <code>{file}</code>)',
  },
  icmp: { id: 'cli.reassemble.icmp', defaultMessage: '{name} at {at} ms: {why}' },
  required: { id: 'cli.reassemble.required', defaultMessage: '<code>--{name}</code> is required' },
  exclusive: {
    id: 'cli.reassemble.exclusive',
    defaultMessage: '<code>--rcvbuf</code> and <code>--no-socket</code> exclude each other',
  },
  atCount: {
    id: 'cli.reassemble.atCount',
    defaultMessage: '<code>--at</code> needs one time per arrival ({n})',
  },
});

/** A Msg in English (the JSON's machine fields) and in the reader's language (`…_text`). */
const both = (m: Msg, locale: Locale) => ({ en: formatMsg(m, 'en'), text: formatMsg(m, locale) });

/**
 * The facts of a run, as plain JSON (the trace is left out: `sockscope trace` territory). Every
 * `why` stays the English sentence it always was; `why_text` (and `verdict_text`) carry the
 * sentence in the chosen language.
 */
export function reassembleFacts(r: DefragOk, locale: Locale = 'en'): Record<string, unknown> {
  const why = (m: Msg) => {
    const b = both(m, locale);
    return { why: b.en, why_text: b.text };
  };
  return {
    family: r.family,
    len: r.len,
    datagram_length: r.datagramLength,
    until: r.until,
    delivered: r.delivered.length,
    delivered_lengths: r.delivered.map((d) => d.length),
    delivered_equals_expected: r.delivered.map((d) => d.equal),
    arrivals: r.arrivals.map((a) => ({
      index: a.index,
      at: a.at,
      offset: a.offset,
      length: a.length,
      mf: a.mf,
      id: a.id,
      fill: a.fill,
      queue: a.queue,
      verdict: a.verdict,
      verdict_text: formatMsg(VERDICT_MSG[a.verdict], locale),
      return: a.ret,
      ...(a.errno ? { errno: a.errno } : {}),
      ...(a.trimmedEnd !== undefined ? { trimmed_end: a.trimmedEnd } : {}),
      ...(a.reinit ? { reinit: true } : {}),
      function: a.fn,
      file: a.file,
      ...why(a.why),
    })),
    datagrams: r.datagrams.map((d) => ({
      queue: d.queue,
      ip_length: d.ipLength,
      delivered: d.delivered,
      fate: d.fate,
      truesize: d.truesize,
      chained: d.chained,
      length: d.length,
      equal: d.equal,
      function: d.fn,
      ...why(d.why),
      pieces: d.pieces.map((p) => [p.offset, p.end, p.fill]),
    })),
    queues: r.queues.map((q) => ({
      queue: q.serial,
      id: q.id,
      state: q.state,
      created_at: q.createdAt,
      ended_at: q.endedAt,
      function: q.fn,
      ...why(q.why),
      icmp: q.icmp ? [q.icmp.type, q.icmp.code] : null,
      len: q.last.len,
      meat: q.last.meat,
      holes: q.last.holes.map((h) => [h.from, h.to]),
    })),
    icmp: r.icmp.map((m) => ({
      type: m.type,
      code: m.code,
      name: m.name,
      name_text: formatMsg(icmpNameMsg(m), locale),
      at: m.at,
      ...why(m.why),
    })),
    sk_rcvbuf: r.rcvbuf,
    drop_reasons: r.drop_reasons,
    snmp_delta: r.snmp_delta,
  };
}

export function reassembleCommand(args: string[], ctx?: CliContext): CommandResult {
  const locale = ctx?.locale ?? 'en';
  const t = (m: Msg) => say(m, ctx);
  const help = reassembleHelp(locale);
  const f = parseFlags(args, {
    values: ['frags', 'len', 'order', 'family', 'id', 'at', 'until', 'source', 'max-dist', 'rcvbuf'],
    booleans: ['json', 'help', 'no-socket'],
  });
  if (!f.ok) return { code: 2, out: `${t(f.msg)}\n${help}` };
  const o = f.flags as Record<string, string | undefined> & { json?: boolean; help?: boolean };
  if (o.help) return { code: 0, out: help };
  const problems: string[] = [];
  const take = <T>(p: Param<T>, text: string | undefined): T | undefined => {
    if (text === undefined) return undefined;
    const r = p.parse(text, `--${p.key}`);
    if (r.ok) return r.value;
    problems.push(t(r.issue.msg));
    return undefined;
  };
  if (o.frags === undefined) problems.push(t(msg(M.required, { name: 'frags' })));
  if (o.len === undefined) problems.push(t(msg(M.required, { name: 'len' })));
  const len = take(DEFRAG_PARAMS.len, o.len);
  const family = take(DEFRAG_PARAMS.family, o.family);
  const source = take(DEFRAG_PARAMS.source, o.source);
  const id = take(DEFRAG_PARAMS.id, o.id);
  const until = take(DEFRAG_PARAMS.until, o.until);
  const maxDist = take(DEFRAG_PARAMS.maxDist, o['max-dist']);
  const rcvbuf = take(DEFRAG_PARAMS.rcvbuf, o.rcvbuf);
  const noSocket = (o as { 'no-socket'?: boolean })['no-socket'] === true;
  if (noSocket && rcvbuf !== undefined) problems.push(t(msg(M.exclusive)));
  const parsed = o.frags === undefined ? null : parseFrags(o.frags, '--frags');
  if (parsed && !parsed.ok) problems.push(...parsed.issues.map((i) => t(i.msg)));
  const frags = parsed?.ok ? parsed.frags : [];
  let order = frags.map((_, i) => i);
  if (o.order !== undefined) {
    const v = parseIndexList(o.order, frags.length);
    if (!v.ok) problems.push(t(orderIssue(v, frags.length, o.order, '--order').msg));
    else order = v.value;
  }
  let at: number[] | null = null;
  if (o.at !== undefined) {
    const times = splitTimes(o.at).map((t) => take({ ...DEFRAG_PARAMS.at, key: 'at' }, t));
    if (times.every((t) => t !== undefined)) at = times as number[];
    if (times.length !== order.length) problems.push(t(msg(M.atCount, { n: order.length })));
  }
  if (problems.length) return { code: 2, out: `${problems.join('\n')}\n${help}` };
  const input: DefragInput = {
    family: family ?? 'inet',
    len: len ?? 0,
    fragments: order.map((i, k) => ({
      ...(frags[i] as FragmentSpec),
      ...(at ? { at: at[k] as number } : {}),
    })),
    ...(id !== undefined ? { id } : {}),
    ...(until !== undefined ? { until } : {}),
    ...(source === 'remote' ? { source: 'remote' as const } : {}),
    ...(maxDist !== undefined ? { ipfrag_max_dist: maxDist } : {}),
    ...(rcvbuf !== undefined ? { rcvbuf } : {}),
    ...(noSocket ? { socket: 'none' as const } : {}),
  };
  const r = reassemble(input);
  if (!r.ok) return { code: 2, out: `${t(r.whyMsg)}\n${help}` };
  if (o.json) return { code: 0, out: JSON.stringify({ input, ...reassembleFacts(r, locale) }, null, 2) };
  const lines = [
    t(
      msg(M.head, {
        family: r.family === 'inet' ? 'IPv4' : 'IPv6',
        len: r.len,
        dlen: r.datagramLength,
        n: r.arrivals.length,
      }),
    ),
  ];
  const rows = r.arrivals.map((a) => [
    String(a.index + 1),
    String(order[a.index] ?? ''),
    a.at ? String(a.at) : '0',
    `[${a.offset}, ${a.offset + a.length})`,
    a.mf ? 'MF' : '',
    a.fill === 'other' ? t(msg(M.fillOther)) : '',
    a.queue === null ? '-' : `#${a.queue}`,
    t(
      msgOptional(M.verdict, {
        verdict: VERDICT_MSG[a.verdict],
        trimmed: a.trimmedEnd !== undefined ? 'yes' : 'no',
        end: a.trimmedEnd,
        reinit: a.reinit ? 'yes' : 'no',
      }),
    ),
    String(a.ret),
    a.fn,
  ]);
  const col = (m: { id: string }) => t(msg(m));
  lines.push(
    table(
      [
        '#',
        col(M.colFrag),
        col(M.colMs),
        col(M.colBytes),
        'MF',
        col(M.colFill),
        col(M.colQueue),
        col(M.colVerdict),
        col(M.colReturn),
        col(M.colFn),
      ],
      rows,
    ),
  );
  lines.push('');
  if (!r.datagrams.length) lines.push(t(msg(M.nothing)));
  for (const d of r.datagrams)
    lines.push(
      t(
        d.delivered
          ? msg(M.delivered, {
              len: d.length ?? 0,
              queue: d.queue ?? 'none',
              equal: d.equal ? 'yes' : 'no',
              fn: d.fn,
              file: d.file,
            })
          : msg(M.notDelivered, {
              len: d.ipLength,
              queue: d.queue ?? 'none',
              truesize: d.truesize,
              why: d.why,
              fn: d.fn,
              file: d.file,
            }),
      ),
    );
  for (const q of r.queues.filter((q) => q.state !== 'reassembled'))
    lines.push(
      t(msg(M.queue, { serial: q.serial, id: q.id, state: q.state, why: q.why, fn: q.fn, file: q.file })),
    );
  for (const m of r.icmp) lines.push(t(msg(M.icmp, { name: icmpNameMsg(m), at: m.at, why: m.why })));
  lines.push(...mibLines(r.drop_reasons, r.snmp_delta, ctx));
  return { code: 0, out: lines.join('\n') };
}
