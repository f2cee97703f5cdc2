/**
 * `sockscope journey --len 4000 [--mtu 1500] [--family inet|inet6] [--datagrams N] [--rcvbuf N]
 * [--read each|slow|end] [--buf N] [--json]`: the Journey lab's scenario — N sendto()s of one
 * datagram on loopback, reassembled, charged to the receiving socket by truesize (the one
 * receive-side model), read as the application reads — with its drops and counters.
 */
import {
  DEFAULT_JOURNEY_INPUT,
  journey,
  MAX_DATAGRAMS,
  READ_MODES,
  type JourneyInput,
  type ReadMode,
} from '../journey/index.ts';
import { validateSendInput } from '../ip/index.ts';
import { defineMessages, msg, type Locale, type Msg } from '../i18n/index.ts';
import { parseFlags, say, table, type CliContext, type CommandResult } from './args.ts';
import { renderHelp, type HelpLine } from './help.ts';
import { mibLines } from './mib.ts';

const H = defineMessages({
  len: {
    id: 'cli.journey.help.len',
    defaultMessage: 'the UDP payload of each <code>sendto()</code> (default 4,000)',
  },
  mtu: { id: 'cli.journey.help.mtu', defaultMessage: 'the loopback MTU (default 1,500)' },
  datagrams: {
    id: 'cli.journey.help.datagrams',
    defaultMessage: 'how many times the application sends it (1 to 8; default 1)',
  },
  rcvbuf: {
    id: 'cli.journey.help.rcvbuf',
    defaultMessage:
      '<code>sk_rcvbuf</code> of the receiving socket, as <code>SO_RCVBUF</code> reads it back (default{br}<code>net.core.rmem_default</code> = 212,992): each datagram is charged its <code>truesize</code>',
    description: 'br: a line break (keeps the option column).',
  },
  read: {
    id: 'cli.journey.help.read',
    defaultMessage:
      '<code>each</code>: <code>recvfrom</code> after every arrival; <code>slow</code>: one per two; <code>end</code>: after the last',
  },
  buf: {
    id: 'cli.journey.help.buf',
    defaultMessage:
      "<code>recvfrom()</code>'s buffer size (default 65,536; smaller truncates: <code>MSG_TRUNC</code>)",
  },
});

const M = defineMessages({
  head: {
    id: 'cli.journey.head',
    defaultMessage:
      '{family} UDP journey: {datagrams} × <code>sendto({len})</code> over MTU {mtu} ({packets, plural, one {{count} packet} other {{count} packets}} each), <code>sk_rcvbuf</code> {rcvbuf}, read <code>{read}</code> with <code>recvfrom({bufsize})</code>',
    description:
      'datagrams: how many sends; packets: packets per datagram (count: the same number, as printed); read: the read mode (each, slow or end).',
  },
  colDatagram: { id: 'cli.journey.col.datagram', defaultMessage: 'datagram' },
  colFate: { id: 'cli.journey.col.fate', defaultMessage: 'fate' },
  colRead: { id: 'cli.journey.col.read', defaultMessage: 'read' },
  sendFailed: {
    id: 'cli.journey.sendFailed',
    defaultMessage: 'failed',
    description: 'The sendto column when sendto() returned -1.',
  },
  fate: {
    id: 'cli.journey.fate',
    defaultMessage:
      '{fate, select, delivered {delivered} truncated {truncated} droppedRcvbuf {dropped-rcvbuf} lost {lost} expired {expired} sendFailed {send-failed} other {-}}',
    description:
      'What became of a datagram (the English keeps the machine words; other languages explain them).',
  },
  whole: {
    id: 'cli.journey.whole',
    defaultMessage: '<code>--{name}</code> takes a whole number from {lo} to {hi}',
    description: 'lo, hi: the bounds, as printed.',
  },
  badFamily: {
    id: 'cli.journey.badFamily',
    defaultMessage: '<code>--family</code> is <code>inet</code> or <code>inet6</code>',
  },
  badRead: {
    id: 'cli.journey.badRead',
    defaultMessage: '<code>--read</code> is one of {modes}',
    description: 'modes: the read modes as a list (cli.journey.modes.*): each, slow or end.',
  },
  modesTwo: { id: 'cli.journey.modes.two', defaultMessage: '<code>{a}</code> or <code>{b}</code>' },
  modesMore: {
    id: 'cli.journey.modes.more',
    defaultMessage: '<code>{first}</code>, {rest}',
    description: 'A list of three or more: the first, then the rest (itself a list).',
  },
});

/** Words as a list in the reader's language (`each, slow or end`; `each、slow 或 end`). */
function orList(words: readonly string[]): Msg {
  const n = words.length;
  if (n < 2) return msg(M.modesTwo, { a: words[0] ?? '', b: '' });
  let out = msg(M.modesTwo, { a: words[n - 2] as string, b: words[n - 1] as string });
  for (let k = n - 3; k >= 0; k--) out = msg(M.modesMore, { first: words[k] as string, rest: out });
  return out;
}

const FATE_KEY: Record<string, string> = {
  'dropped-rcvbuf': 'droppedRcvbuf',
  'send-failed': 'sendFailed',
};

const JOURNEY_HELP_LINES: readonly HelpLine[] = [
  'usage: sockscope journey --len N [--mtu 1500] [--family inet|inet6] [--datagrams 1..8]',
  '                         [--rcvbuf N] [--read each|slow|end] [--buf N] [--json]',
  ['  --len        ', H.len],
  ['  --mtu        ', H.mtu],
  ['  --datagrams  ', H.datagrams],
  ['  --rcvbuf     ', H.rcvbuf],
  ['  --read       ', H.read],
  ['  --buf        ', H.buf],
];

/** `sockscope journey --help` in `locale`. */
export const journeyHelp = (locale: Locale = 'en'): string => renderHelp(JOURNEY_HELP_LINES, locale);

export const JOURNEY_HELP = journeyHelp('en');

export function journeyCommand(args: string[], ctx?: CliContext): CommandResult {
  const f = parseFlags(args, {
    values: ['len', 'mtu', 'family', 'datagrams', 'rcvbuf', 'read', 'buf'],
    booleans: ['json', 'help'],
  });
  const t = (m: Msg) => say(m, ctx);
  const help = journeyHelp(ctx?.locale);
  if (!f.ok) return { code: 2, out: `${t(f.msg)}\n${help}` };
  const o = f.flags as Record<string, string | boolean | undefined>;
  if (o.help) return { code: 0, out: help };
  const problems: string[] = [];
  const num = (k: string, lo: number, hi: number): number | undefined => {
    const v = o[k];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || !/^\d+$/.test(v) || Number(v) < lo || Number(v) > hi) {
      problems.push(t(msg(M.whole, { name: k, lo: String(lo), hi: String(hi) })));
      return undefined;
    }
    return Number(v);
  };
  const len = num('len', 0, 65535);
  const mtu = num('mtu', 68, 65536);
  const datagrams = num('datagrams', 1, MAX_DATAGRAMS);
  const rcvbuf = num('rcvbuf', 0, 2 ** 31 - 1);
  const buf = num('buf', 0, 1 << 20);
  if (o.family !== undefined && o.family !== 'inet' && o.family !== 'inet6')
    problems.push(t(msg(M.badFamily)));
  if (o.read !== undefined && !READ_MODES.includes(o.read as ReadMode))
    problems.push(t(msg(M.badRead, { modes: orList(READ_MODES) })));
  if (problems.length) return { code: 2, out: `${problems.join('\n')}\n${help}` };
  const d = DEFAULT_JOURNEY_INPUT;
  const input: JourneyInput = {
    ...d,
    send: {
      ...d.send,
      family: (o.family as 'inet' | 'inet6' | undefined) ?? d.send.family,
      mtu: mtu ?? d.send.mtu,
      sends: [len ?? (d.send.sends[0] as number)],
    },
    datagrams: datagrams ?? d.datagrams,
    rcvbuf: rcvbuf ?? d.rcvbuf,
    read: (o.read as ReadMode | undefined) ?? d.read,
    bufsize: buf ?? d.bufsize,
  };
  // The send's own rules (an IPv6 MTU of at least 1,280…), refused as the fragment command refuses them.
  const refused = validateSendInput(input.send);
  if (refused.length) {
    const flag = (f: string) => (f === 'sends' || f === 'len' ? 'len' : f);
    return { code: 2, out: `${refused.map((i) => `--${flag(i.field)}: ${t(i.msg)}`).join('\n')}\n${help}` };
  }
  const r = journey(input);
  const outcomes = r.outcomes.map((x) => ({
    datagram: x.datagram,
    sent: x.sent,
    fate: x.fate,
    truesize: x.truesize,
    received: x.received ? { length: x.received.copied, truncated: x.received.truncated } : null,
  }));
  if (o.json)
    return {
      code: 0,
      out: JSON.stringify(
        {
          input,
          packets_per_datagram: r.packetsPerDatagram,
          outcomes,
          drop_reasons: r.drop_reasons,
          snmp_delta: r.snmp_delta,
        },
        null,
        2,
      ),
    };
  const col = (m: { id: string }) => t(msg(m));
  const lines = [
    t(
      msg(M.head, {
        family: input.send.family === 'inet6' ? 'IPv6' : 'IPv4',
        datagrams: String(input.datagrams),
        len: String(input.send.sends[0]),
        mtu: String(input.send.mtu),
        packets: r.packetsPerDatagram,
        count: String(r.packetsPerDatagram),
        rcvbuf: String(input.rcvbuf),
        read: input.read,
        bufsize: String(input.bufsize),
      }),
    ),
    table(
      [col(M.colDatagram), 'sendto', 'truesize', col(M.colFate), col(M.colRead)],
      outcomes.map((x) => [
        String(x.datagram + 1),
        x.sent === null ? col(M.sendFailed) : String(x.sent),
        x.truesize === null ? '-' : String(x.truesize),
        t(msg(M.fate, { fate: FATE_KEY[x.fate] ?? x.fate })),
        x.received ? `${x.received.length}${x.received.truncated ? ' (MSG_TRUNC)' : ''}` : '-',
      ]),
    ),
  ];
  lines.push(...mibLines(r.drop_reasons, r.snmp_delta, ctx));
  return { code: 0, out: lines.join('\n') };
}
