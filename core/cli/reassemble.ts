/** `sockscope reassemble --frags 0:1480:1,1480:1480:1,2960:40:0 --len 2992 [--order 2,0,1] [--family inet6] [--json]`. */
import { reassemble, VERDICT_TEXT, type DefragInput, type DefragOk, type FragmentSpec } from '../ip/index.ts';
import {
  DEFRAG_PARAMS,
  orderIssue,
  parseFrags,
  parseIndexList,
  splitTimes,
  type Param,
} from '../params/index.ts';
import { parseFlags, table, type CommandResult } from './args.ts';
import { mibLines } from './mib.ts';

export const REASSEMBLE_HELP = `usage: sockscope reassemble --frags OFFSET:LENGTH:MF[:other],... --len N
                            [--order 2,0,1] [--family inet|inet6] [--id N] [--at 0,0,31000]
                            [--until MS] [--source self|remote] [--max-dist N]
                            [--rcvbuf N | --no-socket] [--json]
  --frags   the fragments as byte ranges of the UDP datagram (its 8-byte header included):
            offset (a multiple of 8), length, MF (1/0), optionally ":other" for different bytes
            and ":idN" for an IP id of its own
  --len     the UDP payload length the sender sent (the datagram is len + 8 bytes)
  --order   arrival order as indexes into --frags (repeat one to duplicate it, leave one out to drop it)
  --at      arrival times in ms, one per arrival (the queue timer: 30 s IPv4, 60 s IPv6)
  --until   keep the clock running until this time (default: last arrival + 100 ms)
  --source  remote: the fragments come from another host (ip_expire may then send ICMP)
  --max-dist net.ipv4.ipfrag_max_dist (IPv4; default 64, 0 = off): a queue more than this many
            fragments from the same source behind is purged (FRAG_TOO_FAR)
  --rcvbuf  sk_rcvbuf of the bound UDP socket as SO_RCVBUF reads it back (default
            net.core.rmem_default = 212,992): each reassembled datagram is charged its truesize
            and dropped when it does not fit (SOCKET_RCVBUFF, UdpRcvbufErrors) — the same
            receive queue as 'sockscope receive' and the labs
  --no-socket nobody is bound to the port: NO_SOCKET, ICMP port unreachable`;

/** The facts of a run, as plain JSON (the trace is left out: `sockscope trace` territory). */
export function reassembleFacts(r: DefragOk): Record<string, unknown> {
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
      return: a.ret,
      ...(a.errno ? { errno: a.errno } : {}),
      ...(a.trimmedEnd !== undefined ? { trimmed_end: a.trimmedEnd } : {}),
      ...(a.reinit ? { reinit: true } : {}),
      function: a.fn,
      file: a.file,
      why: a.why,
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
      why: d.why,
      pieces: d.pieces.map((p) => [p.offset, p.end, p.fill]),
    })),
    queues: r.queues.map((q) => ({
      queue: q.serial,
      id: q.id,
      state: q.state,
      created_at: q.createdAt,
      ended_at: q.endedAt,
      function: q.fn,
      why: q.why,
      icmp: q.icmp ? [q.icmp.type, q.icmp.code] : null,
      len: q.last.len,
      meat: q.last.meat,
      holes: q.last.holes.map((h) => [h.from, h.to]),
    })),
    icmp: r.icmp.map((m) => ({ type: m.type, code: m.code, name: m.name, at: m.at, why: m.why })),
    sk_rcvbuf: r.rcvbuf,
    drop_reasons: r.drop_reasons,
    snmp_delta: r.snmp_delta,
  };
}

export function reassembleCommand(args: string[]): CommandResult {
  const f = parseFlags(args, {
    values: ['frags', 'len', 'order', 'family', 'id', 'at', 'until', 'source', 'max-dist', 'rcvbuf'],
    booleans: ['json', 'help', 'no-socket'],
  });
  if (!f.ok) return { code: 2, out: `${f.why}\n${REASSEMBLE_HELP}` };
  const o = f.flags as Record<string, string | undefined> & { json?: boolean; help?: boolean };
  if (o.help) return { code: 0, out: REASSEMBLE_HELP };
  const problems: string[] = [];
  const take = <T>(p: Param<T>, text: string | undefined): T | undefined => {
    if (text === undefined) return undefined;
    const r = p.parse(text, `--${p.key}`);
    if (r.ok) return r.value;
    problems.push(r.issue.message);
    return undefined;
  };
  if (o.frags === undefined) problems.push('--frags is required');
  if (o.len === undefined) problems.push('--len is required');
  const len = take(DEFRAG_PARAMS.len, o.len);
  const family = take(DEFRAG_PARAMS.family, o.family);
  const source = take(DEFRAG_PARAMS.source, o.source);
  const id = take(DEFRAG_PARAMS.id, o.id);
  const until = take(DEFRAG_PARAMS.until, o.until);
  const maxDist = take(DEFRAG_PARAMS.maxDist, o['max-dist']);
  const rcvbuf = take(DEFRAG_PARAMS.rcvbuf, o.rcvbuf);
  const noSocket = (o as { 'no-socket'?: boolean })['no-socket'] === true;
  if (noSocket && rcvbuf !== undefined) problems.push('--rcvbuf and --no-socket exclude each other');
  const parsed = o.frags === undefined ? null : parseFrags(o.frags, '--frags');
  if (parsed && !parsed.ok) problems.push(...parsed.issues.map((i) => i.message));
  const frags = parsed?.ok ? parsed.frags : [];
  let order = frags.map((_, i) => i);
  if (o.order !== undefined) {
    const v = parseIndexList(o.order, frags.length);
    if (!v.ok) problems.push(orderIssue(v, frags.length, o.order, '--order').message);
    else order = v.value;
  }
  let at: number[] | null = null;
  if (o.at !== undefined) {
    const times = splitTimes(o.at).map((t) => take({ ...DEFRAG_PARAMS.at, key: 'at' }, t));
    if (times.every((t) => t !== undefined)) at = times as number[];
    if (times.length !== order.length) problems.push(`--at needs one time per arrival (${order.length})`);
  }
  if (problems.length) return { code: 2, out: `${problems.join('\n')}\n${REASSEMBLE_HELP}` };
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
  if (!r.ok) return { code: 2, out: `${r.why}\n${REASSEMBLE_HELP}` };
  if (o.json) return { code: 0, out: JSON.stringify({ input, ...reassembleFacts(r) }, null, 2) };
  const lines = [
    `${r.family === 'inet' ? 'IPv4' : 'IPv6'} reassembly of a ${r.len}-byte UDP payload (${r.datagramLength}-byte datagram), ${r.arrivals.length} arrival${r.arrivals.length === 1 ? '' : 's'}`,
  ];
  const rows = r.arrivals.map((a) => [
    String(a.index + 1),
    String(order[a.index] ?? ''),
    a.at ? String(a.at) : '0',
    `[${a.offset}, ${a.offset + a.length})`,
    a.mf ? 'MF' : '',
    a.fill === 'other' ? 'other' : '',
    a.queue === null ? '-' : `#${a.queue}`,
    `${VERDICT_TEXT[a.verdict]}${a.trimmedEnd !== undefined ? ` (trimmed to ${a.trimmedEnd})` : ''}${a.reinit ? ' (after ip_frag_reinit)' : ''}`,
    String(a.ret),
    a.fn,
  ]);
  lines.push(
    table(['#', 'frag', 'ms', 'bytes', 'MF', 'fill', 'queue', 'verdict', 'return', 'kernel function'], rows),
  );
  lines.push('');
  if (!r.datagrams.length) lines.push('→ nothing reassembled, nothing delivered');
  for (const d of r.datagrams)
    lines.push(
      d.delivered
        ? `→ delivered: ${d.length} bytes${d.queue ? ` from queue #${d.queue}` : ' (not fragmented)'}, ${d.equal ? 'equal to what was sent' : 'NOT equal to what was sent'} (${d.fn}, ${d.file})`
        : `→ reassembled ${d.ipLength} bytes${d.queue ? ` in queue #${d.queue}` : ''} (truesize ${d.truesize}) but not delivered: ${d.why} (${d.fn}, ${d.file})`,
    );
  for (const q of r.queues.filter((q) => q.state !== 'reassembled'))
    lines.push(`queue #${q.serial} (id ${q.id}): ${q.state} — ${q.why} (${q.fn}, ${q.file})`);
  for (const m of r.icmp) lines.push(`${m.name} at ${m.at} ms: ${m.why}`);
  lines.push(...mibLines(r.drop_reasons, r.snmp_delta));
  return { code: 0, out: lines.join('\n') };
}
