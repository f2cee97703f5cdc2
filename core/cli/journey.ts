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
import { parseFlags, table, type CliContext, type CommandResult } from './args.ts';
import { mibLines } from './mib.ts';

export const JOURNEY_HELP = `usage: sockscope journey --len N [--mtu 1500] [--family inet|inet6] [--datagrams 1..8]
                         [--rcvbuf N] [--read each|slow|end] [--buf N] [--json]
  --len        the UDP payload of each sendto() (default 4,000)
  --mtu        the loopback MTU (default 1,500)
  --datagrams  how many times the application sends it (1 to 8; default 1)
  --rcvbuf     sk_rcvbuf of the receiving socket, as SO_RCVBUF reads it back (default
               net.core.rmem_default = 212,992): each datagram is charged its truesize
  --read       each: recvfrom after every arrival; slow: one per two; end: after the last
  --buf        recvfrom()'s buffer size (default 65,536; smaller truncates: MSG_TRUNC)`;

export function journeyCommand(args: string[], ctx?: CliContext): CommandResult {
  const f = parseFlags(args, {
    values: ['len', 'mtu', 'family', 'datagrams', 'rcvbuf', 'read', 'buf'],
    booleans: ['json', 'help'],
  });
  if (!f.ok) return { code: 2, out: `${f.why}\n${JOURNEY_HELP}` };
  const o = f.flags as Record<string, string | boolean | undefined>;
  if (o.help) return { code: 0, out: JOURNEY_HELP };
  const problems: string[] = [];
  const num = (k: string, lo: number, hi: number): number | undefined => {
    const v = o[k];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || !/^\d+$/.test(v) || Number(v) < lo || Number(v) > hi) {
      problems.push(`--${k} takes a whole number from ${lo} to ${hi}`);
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
    problems.push('--family is inet or inet6');
  if (o.read !== undefined && !READ_MODES.includes(o.read as ReadMode))
    problems.push(`--read is one of ${READ_MODES.join(', ')}`);
  if (problems.length) return { code: 2, out: `${problems.join('\n')}\n${JOURNEY_HELP}` };
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
  const lines = [
    `${input.send.family === 'inet6' ? 'IPv6' : 'IPv4'} UDP journey: ${input.datagrams} × sendto(${input.send.sends[0]}) over MTU ${input.send.mtu} (${r.packetsPerDatagram} packet${r.packetsPerDatagram === 1 ? '' : 's'} each), sk_rcvbuf ${input.rcvbuf}, read ${input.read} with recvfrom(${input.bufsize})`,
    table(
      ['datagram', 'sendto', 'truesize', 'fate', 'read'],
      outcomes.map((x) => [
        String(x.datagram + 1),
        x.sent === null ? 'failed' : String(x.sent),
        x.truesize === null ? '-' : String(x.truesize),
        x.fate,
        x.received ? `${x.received.length}${x.received.truncated ? ' (MSG_TRUNC)' : ''}` : '-',
      ]),
    ),
  ];
  lines.push(...mibLines(r.drop_reasons, r.snmp_delta, ctx));
  return { code: 0, out: lines.join('\n') };
}
