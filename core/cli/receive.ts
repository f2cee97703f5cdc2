/**
 * `sockscope receive --datagrams 1000,1000,… [--rcvbuf N] [--read N] [--family inet6] [--mtu N]
 * [--no-socket] [--json]`: datagrams sent on loopback to a UDP socket that reads only after the
 * last send — who is queued, who is dropped (and why), what recvmsg returns, which counters move.
 */
import { udpReceive, type UdpReceiveInput } from '../receive/index.ts';
import { defineMessages, msg, type Locale, type Msg } from '../i18n/index.ts';
import { parseFlags, say, table, type CliContext, type CommandResult } from './args.ts';
import { renderHelp, type HelpLine } from './help.ts';
import { mibLines } from './mib.ts';

const H = defineMessages({
  datagrams: {
    id: 'cli.receive.help.datagrams',
    defaultMessage:
      'the size of each datagram sent, in order (a count may repeat one: <code>1000x400</code>)',
  },
  rcvbuf: {
    id: 'cli.receive.help.rcvbuf',
    defaultMessage:
      'the value given to <code>SO_RCVBUF</code> before <code>bind</code> (the kernel doubles it, within{br}[2,304, 2 × <code>rmem_max</code>]); default: untouched, <code>net.core.rmem_default</code> = 212,992',
    description: 'br: a line break (keeps the option column).',
  },
  read: {
    id: 'cli.receive.help.read',
    defaultMessage:
      "<code>recvmsg()</code>'s buffer size (default 65,536); the application reads only after the{br}last send, until <code>EAGAIN</code>",
    description: 'br: a line break (keeps the option column).',
  },
  mtu: { id: 'cli.receive.help.mtu', defaultMessage: 'the loopback MTU (default 65,536)' },
  noSocket: {
    id: 'cli.receive.help.noSocket',
    defaultMessage:
      "the port's socket was closed before the sends (<code>NO_SOCKET</code>, ICMP port unreachable)",
  },
});

const RECEIVE_HELP_LINES: readonly HelpLine[] = [
  'usage: sockscope receive --datagrams 1000,1000,... [--rcvbuf N] [--read N] [--family inet|inet6]',
  '                         [--mtu N] [--no-socket] [--json]',
  ['  --datagrams  ', H.datagrams],
  ['  --rcvbuf     ', H.rcvbuf],
  ['  --read       ', H.read],
  ['  --mtu        ', H.mtu],
  ['  --no-socket  ', H.noSocket],
];

/** `sockscope receive --help` in `locale`. */
export const receiveHelp = (locale: Locale = 'en'): string => renderHelp(RECEIVE_HELP_LINES, locale);

export const RECEIVE_HELP = receiveHelp('en');

const M = defineMessages({
  head: {
    id: 'cli.receive.head',
    defaultMessage:
      '{family} UDP: {n, plural, one {# datagram} other {# datagrams}} to {socket, select, none {a port without a socket} other {a socket with <code>sk_rcvbuf</code> {rcvbuf}}} on loopback (MTU {mtu}); read with <code>recvmsg({read})</code> after the last send',
  },
  summary: { id: 'cli.receive.summary', defaultMessage: '→ {queued} queued and read, {dropped} not' },
  colDatagram: { id: 'cli.receive.col.datagram', defaultMessage: 'datagram' },
  colSize: { id: 'cli.receive.col.size', defaultMessage: 'size' },
  colPackets: { id: 'cli.receive.col.packets', defaultMessage: 'packets' },
  colSocket: { id: 'cli.receive.col.socket', defaultMessage: 'at the socket' },
  colRead: { id: 'cli.receive.col.read', defaultMessage: 'read' },
  fate: {
    id: 'cli.receive.fate',
    defaultMessage:
      '{fate, select, queued {queued} rcvbuf {rcvbuf} noSocket {no-socket} noHeader {no-header} short {short} csum {csum} other {-}}',
    description:
      'What UDP did with a datagram (the English keeps the machine words; other languages explain them).',
  },
  icmp: {
    id: 'cli.receive.icmp',
    defaultMessage: '{v6, select, yes {ICMPv6} other {ICMP}} type {type} code {icmpCode} sent back ×{n}',
  },
  badDatagrams: {
    id: 'cli.receive.badDatagrams',
    defaultMessage: '<code>--datagrams</code> takes sizes separated by commas, e.g. 1000,1000 or 1000x400',
  },
  whole: { id: 'cli.receive.whole', defaultMessage: '<code>--{name}</code> takes a whole number' },
  badFamily: {
    id: 'cli.receive.badFamily',
    defaultMessage: '<code>--family</code> is <code>inet</code> or <code>inet6</code>',
  },
});

const FATE_KEY: Record<string, string> = { 'no-socket': 'noSocket', 'no-header': 'noHeader' };

/** `1000,1000,65507` or `1000x400,65507x2`. */
export function parseDatagrams(s: string): number[] | null {
  if (!/^\d+(x\d+)?(,\d+(x\d+)?)*$/.test(s)) return null;
  const out: number[] = [];
  for (const part of s.split(',')) {
    const [n, times] = part.split('x').map(Number) as [number, number | undefined];
    const k = times ?? 1;
    if (out.length + k > 100_000) return null;
    for (let i = 0; i < k; i++) out.push(n);
  }
  return out;
}

export function receiveCommand(args: string[], ctx?: CliContext): CommandResult {
  const t = (m: Msg) => say(m, ctx);
  const help = receiveHelp(ctx?.locale);
  const f = parseFlags(args, {
    values: ['datagrams', 'rcvbuf', 'read', 'mtu', 'family'],
    booleans: ['json', 'help', 'no-socket'],
  });
  if (!f.ok) return { code: 2, out: `${t(f.msg)}\n${help}` };
  const o = f.flags;
  if (o.help) return { code: 0, out: help };
  const problems: string[] = [];
  const datagrams = typeof o.datagrams === 'string' ? parseDatagrams(o.datagrams) : null;
  if (!datagrams) problems.push(t(msg(M.badDatagrams)));
  const num = (k: string): number | undefined => {
    if (o[k] === undefined) return undefined;
    if (typeof o[k] !== 'string' || !/^\d+$/.test(o[k] as string)) {
      problems.push(t(msg(M.whole, { name: k })));
      return undefined;
    }
    return Number(o[k]);
  };
  const rcvbuf = num('rcvbuf');
  const read = num('read');
  const mtu = num('mtu');
  if (o.family !== undefined && o.family !== 'inet' && o.family !== 'inet6')
    problems.push(t(msg(M.badFamily)));
  if (problems.length) return { code: 2, out: `${problems.join('\n')}\n${help}` };
  const input: UdpReceiveInput = {
    family: (o.family as UdpReceiveInput['family'] | undefined) ?? 'inet',
    rcvbuf: rcvbuf ?? null,
    datagrams: datagrams ?? [],
    read_buffer: read ?? 65536,
    ...(mtu !== undefined ? { mtu } : {}),
    ...(o['no-socket'] ? { receiver: 'none' as const } : {}),
  };
  const r = udpReceive(input);
  if (!r.ok) return { code: 2, out: `${t(r.whyMsg)}\n${help}` };
  if (o.json)
    return {
      code: 0,
      out: JSON.stringify(
        {
          input,
          sk_rcvbuf: r.sk_rcvbuf,
          sent: r.sent,
          received: r.received,
          icmp: r.icmp,
          datagrams: r.datagrams,
          drop_reasons: r.drop_reasons,
          snmp_delta: r.snmp_delta,
        },
        null,
        2,
      ),
    };
  const n = r.datagrams.length;
  const queued = r.datagrams.filter((d) => d.fate === 'queued').length;
  const lines = [
    t(
      msg(M.head, {
        family: input.family === 'inet6' ? 'IPv6' : 'IPv4',
        n,
        socket: input.receiver === 'none' ? 'none' : 'bound',
        rcvbuf: r.sk_rcvbuf,
        mtu: input.mtu ?? 65536,
        read: input.read_buffer,
      }),
    ),
    t(msg(M.summary, { queued, dropped: n - queued })),
  ];
  // One row per run of datagrams that fared alike, so 400 sends stay readable.
  const rows: string[][] = [];
  let start = 0;
  const key = (i: number) => {
    const d = r.datagrams[i];
    return d ? JSON.stringify([d.size, d.sent, d.packets, d.fate, d.truesize, d.read]) : '';
  };
  for (let i = 1; i <= n; i++) {
    if (i < n && key(i) === key(start)) continue;
    const d = r.datagrams[start];
    if (d)
      rows.push([
        i - start > 1 ? `${start + 1}–${i}` : String(start + 1),
        String(d.size),
        String(d.sent),
        String(d.packets),
        d.truesize === null ? '-' : String(d.truesize),
        t(msg(M.fate, { fate: d.fate ? (FATE_KEY[d.fate] ?? d.fate) : 'none' })),
        d.read ? `${d.read.length}${d.read.truncated ? ' (MSG_TRUNC)' : ''}` : '-',
      ]);
    start = i;
  }
  const col = (m: { id: string }) => t(msg(m));
  lines.push(
    table(
      [
        col(M.colDatagram),
        col(M.colSize),
        'sendto',
        col(M.colPackets),
        'truesize',
        col(M.colSocket),
        col(M.colRead),
      ],
      rows,
    ),
  );
  for (const [type, code] of r.icmp.slice(0, 1))
    lines.push(
      t(msg(M.icmp, { v6: input.family === 'inet6' ? 'yes' : 'no', type, icmpCode: code, n: r.icmp.length })),
    );
  lines.push(...mibLines(r.drop_reasons, r.snmp_delta, ctx));
  return { code: 0, out: lines.join('\n') };
}
