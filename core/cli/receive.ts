/**
 * `sockscope receive --datagrams 1000,1000,… [--rcvbuf N] [--read N] [--family inet6] [--mtu N]
 * [--no-socket] [--json]`: datagrams sent on loopback to a UDP socket that reads only after the
 * last send — who is queued, who is dropped (and why), what recvmsg returns, which counters move.
 */
import { udpReceive, type UdpReceiveInput } from '../receive/index.ts';
import { parseFlags, table, type CommandResult } from './args.ts';
import { mibLines } from './mib.ts';

export const RECEIVE_HELP = `usage: sockscope receive --datagrams 1000,1000,... [--rcvbuf N] [--read N] [--family inet|inet6]
                         [--mtu N] [--no-socket] [--json]
  --datagrams  the size of each datagram sent, in order (a count may repeat one: 1000x400)
  --rcvbuf     the value given to SO_RCVBUF before bind (the kernel doubles it, within
               [2,304, 2 × rmem_max]); default: untouched, net.core.rmem_default = 212,992
  --read       recvmsg()'s buffer size (default 65,536); the application reads only after the
               last send, until EAGAIN
  --mtu        the loopback MTU (default 65,536)
  --no-socket  the port's socket was closed before the sends (NO_SOCKET, ICMP port unreachable)`;

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

export function receiveCommand(args: string[]): CommandResult {
  const f = parseFlags(args, {
    values: ['datagrams', 'rcvbuf', 'read', 'mtu', 'family'],
    booleans: ['json', 'help', 'no-socket'],
  });
  if (!f.ok) return { code: 2, out: `${f.why}\n${RECEIVE_HELP}` };
  const o = f.flags;
  if (o.help) return { code: 0, out: RECEIVE_HELP };
  const problems: string[] = [];
  const datagrams = typeof o.datagrams === 'string' ? parseDatagrams(o.datagrams) : null;
  if (!datagrams) problems.push('--datagrams takes sizes separated by commas, e.g. 1000,1000 or 1000x400');
  const num = (k: string): number | undefined => {
    if (o[k] === undefined) return undefined;
    if (typeof o[k] !== 'string' || !/^\d+$/.test(o[k] as string)) {
      problems.push(`--${k} takes a whole number`);
      return undefined;
    }
    return Number(o[k]);
  };
  const rcvbuf = num('rcvbuf');
  const read = num('read');
  const mtu = num('mtu');
  if (o.family !== undefined && o.family !== 'inet' && o.family !== 'inet6')
    problems.push('--family is inet or inet6');
  if (problems.length) return { code: 2, out: `${problems.join('\n')}\n${RECEIVE_HELP}` };
  const input: UdpReceiveInput = {
    family: (o.family as UdpReceiveInput['family'] | undefined) ?? 'inet',
    rcvbuf: rcvbuf ?? null,
    datagrams: datagrams ?? [],
    read_buffer: read ?? 65536,
    ...(mtu !== undefined ? { mtu } : {}),
    ...(o['no-socket'] ? { receiver: 'none' as const } : {}),
  };
  const r = udpReceive(input);
  if (!r.ok) return { code: 2, out: `${r.why}\n${RECEIVE_HELP}` };
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
    `${input.family === 'inet6' ? 'IPv6' : 'IPv4'} UDP: ${n} datagram${n === 1 ? '' : 's'} to ${input.receiver === 'none' ? 'a port without a socket' : `a socket with sk_rcvbuf ${r.sk_rcvbuf}`} on loopback (MTU ${input.mtu ?? 65536}); read with recvmsg(${input.read_buffer}) after the last send`,
    `→ ${queued} queued and read, ${n - queued} not`,
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
        d.fate ?? '-',
        d.read ? `${d.read.length}${d.read.truncated ? ' (MSG_TRUNC)' : ''}` : '-',
      ]);
    start = i;
  }
  lines.push(table(['datagram', 'size', 'sendto', 'packets', 'truesize', 'at the socket', 'read'], rows));
  for (const [type, code] of r.icmp.slice(0, 1))
    lines.push(
      `ICMP${input.family === 'inet6' ? 'v6' : ''} type ${type} code ${code} sent back ×${r.icmp.length}`,
    );
  lines.push(...mibLines(r.drop_reasons, r.snmp_delta));
  return { code: 0, out: lines.join('\n') };
}
