/**
 * `sockscope pcap FILE [--json] [--mtu N] [--max-bytes N] [--rows N]`: a capture's packets,
 * its datagrams and fragment groups, and the model's verdicts — each group replayed through
 * ip_defrag / ipv6_frag_rcv, each captured send compared with ipSend's send of the same.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { VERDICT_TEXT } from '../ip/index.ts';
import {
  analyzeCapture,
  compareSend,
  createPcapReader,
  linkTypeName,
  sendInputFor,
  DEFAULT_LIMITS,
  type CaptureAnalysis,
  type GroupReplay,
  type PacketView,
  type PcapCapture,
  type SendComparison,
} from '../pcap/index.ts';
import { parseFlags, table, type CommandResult } from './args.ts';

export const PCAP_HELP = `usage: sockscope pcap FILE [--json] [--mtu N] [--max-bytes N] [--rows N]
  FILE          a pcap or pcapng capture (tcpdump -w, Wireshark, dumpcap)
  --mtu         compare each captured send with the model's send at this MTU (default: the
                largest packet of the send, which reproduces the same fragment cut)
  --max-bytes   read at most this many bytes of the file (default ${DEFAULT_LIMITS.maxBytes.toLocaleString('en-US')})
  --rows        list at most this many packets in the table (default 200; --json lists all)
  --json        { file, format, interfaces, packets, groups, datagrams, netlink, diagnostics }`;

const CHUNK = 1 << 20;

/** Read a file in chunks through the streaming reader, stopping at the byte limit. */
export function readCaptureFile(
  path: string,
  maxBytes: number,
): { ok: true; capture: PcapCapture } | { ok: false; why: string } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    return {
      ok: false,
      why: `cannot open ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    };
  }
  const reader = createPcapReader({ maxBytes });
  try {
    const buf = new Uint8Array(CHUNK);
    let total = 0;
    // Read one byte past the limit, so the reader can say the file is larger than it.
    while (total <= maxBytes) {
      const n = readSync(fd, buf, 0, Math.min(CHUNK, maxBytes + 1 - total), null);
      if (n <= 0) break;
      total += n;
      const r = reader.push(buf.slice(0, n));
      if (r.progress.stopped) break;
    }
  } catch (e) {
    return {
      ok: false,
      why: `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    };
  } finally {
    closeSync(fd);
  }
  reader.end();
  return { ok: true, capture: reader.capture() };
}

const ms = (n: number): string => n.toFixed(3);

function summary(v: PacketView): string {
  if (v.netlink)
    return `netlink ${v.netlink.family} (${v.netlink.protocol}): ${v.netlink.messages.map((m) => m.typeName + (m.errno ? ` ${m.errno}` : '')).join(', ') || 'no message'}`;
  const ip = v.ip;
  if (!ip) return v.diagnostics[0]?.message ?? (v.link ? v.link.name : '?');
  const udp = v.udp ? ` UDP ${v.udp.srcPort} > ${v.udp.dstPort} len ${v.udp.length}` : '';
  if (ip.version === 4) {
    const flags = [ip.df ? 'DF' : '', ip.mf ? 'MF' : ''].filter(Boolean).join(' ');
    const frag = ip.isFragment ? ` [${ip.fragOffset}, ${ip.fragOffset + ip.payloadLength})` : '';
    const opt = ip.options.length ? ` options ${ip.options.length}B` : '';
    return `IPv4 ${ip.src} > ${ip.dst} id ${ip.id} proto ${ip.protocol} len ${ip.totalLength}${frag}${flags ? ` ${flags}` : ''}${opt}${udp}`;
  }
  const frag = ip.frag
    ? ` frag id ${ip.frag.id} [${ip.frag.offset}, ${ip.frag.offset + ip.payloadLength})${ip.frag.mf ? ' M' : ''}`
    : '';
  return `IPv6 ${ip.src} > ${ip.dst} nh ${ip.nextHeader} plen ${ip.payloadLen}${frag}${udp}`;
}

/** The packets a group or a whole datagram holds, for the comparison with ipSend. */
function comparisonFor(views: readonly PacketView[], mtu: number | undefined): SendComparison | null {
  const input = sendInputFor(views, mtu);
  if (!input) return null;
  return compareSend(views, input);
}

function groupJson(a: CaptureAnalysis, r: GroupReplay, mtu: number | undefined) {
  const res = r.result;
  const cmp = comparisonFor(
    r.packets.map((i) => a.views[i] as PacketView),
    mtu,
  );
  return {
    group: r.group.serial,
    key: r.group.key,
    family: r.group.family,
    id: r.group.id,
    protocol: r.group.protocol,
    packets: r.packets.map((i) => i + 1),
    outgoing_left_out: r.group.outgoing.map((i) => i + 1),
    input: r.input,
    len_from: r.lenFrom,
    ...(res.ok
      ? {
          arrivals: res.arrivals.map((x, k) => ({
            packet: (r.packets[k] as number) + 1,
            at: x.at,
            offset: x.offset,
            length: x.length,
            mf: x.mf,
            fill: x.fill,
            queue: x.queue,
            verdict: x.verdict,
            function: x.fn,
            why: x.why,
          })),
          delivered: res.delivered.map((d) => ({ length: d.length, equal: d.equal })),
          queues: res.queues.map((q) => ({ queue: q.serial, state: q.state, function: q.fn, why: q.why })),
        }
      : { error: res.why }),
    compare: cmp && {
      mtu: cmp.input.mtu,
      agree: cmp.agree,
      rows: cmp.rows.map((row) => ({
        packet: row.packet === null ? null : row.packet + 1,
        diffs: row.diffs,
        captured: row.captured,
        model: row.model,
      })),
      notes: cmp.notes,
    },
    diagnostics: r.diagnostics.map((d) => d.message),
  };
}

export function pcapCommand(args: string[]): CommandResult {
  const f = parseFlags(args, {
    values: ['mtu', 'max-bytes', 'rows'],
    booleans: ['json', 'help'],
    positionals: 64,
  });
  if (!f.ok) return { code: 2, out: `${f.why}\n${PCAP_HELP}` };
  const o = f.flags;
  if (o.help) return { code: 0, out: PCAP_HELP };
  const problems: string[] = [];
  if (f.positionals.length !== 1) problems.push('give exactly one capture FILE');
  const num = (k: string, min: number, max: number): number | undefined => {
    if (o[k] === undefined) return undefined;
    const s = String(o[k]);
    const v = /^\d{1,12}$/.test(s) ? Number(s) : NaN;
    if (!(v >= min && v <= max)) {
      problems.push(
        `--${k} takes a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`,
      );
      return undefined;
    }
    return v;
  };
  const mtu = num('mtu', 68, 65536);
  const maxBytes = num('max-bytes', 24, 4 * 1024 * 1024 * 1024) ?? DEFAULT_LIMITS.maxBytes;
  const rows = num('rows', 0, 1_000_000) ?? 200;
  if (problems.length) return { code: 2, out: `${problems.join('\n')}\n${PCAP_HELP}` };
  const file = f.positionals[0] as string;
  const read = readCaptureFile(file, maxBytes);
  if (!read.ok) return { code: 2, out: read.why };
  const cap = read.capture;
  const a = analyzeCapture(cap);
  const t0 = cap.packets[0]?.time;
  const at = (i: number): number => {
    const p = cap.packets[i];
    return p && t0 ? (p.time.sec - t0.sec) * 1000 + (p.time.nsec - t0.nsec) / 1e6 : 0;
  };
  const errors = cap.diagnostics.filter((d) => d.severity === 'error');
  const code = errors.length || !cap.packets.length ? 1 : 0;
  const wholeDatagrams = a.datagrams.map((i) => a.views[i] as PacketView);
  if (o.json) {
    const out = {
      file,
      format: cap.format,
      endian: cap.endian,
      nanosecond: cap.nanosecond,
      progress: cap.progress,
      interfaces: cap.interfaces.map((i) => ({ ...i, link_type_name: linkTypeName(i.linkType) })),
      packets: a.views.map((v) => {
        const p = cap.packets[v.index];
        return {
          packet: v.index + 1,
          offset: p?.offset,
          interface: p?.interface,
          time: p?.time,
          at_ms: at(v.index),
          caplen: p?.caplen,
          origlen: p?.origlen,
          link: v.link && {
            name: v.link.name,
            proto: v.link.proto,
            vlan: v.link.vlan,
            pkttype: v.link.pktType,
          },
          ip: v.ip && { ...v.ip, options: Array.from(v.ip.version === 4 ? v.ip.options : []) },
          udp: v.udp,
          netlink: v.netlink && {
            protocol: v.netlink.protocol,
            family: v.netlink.family,
            endian: v.netlink.endian,
            messages: v.netlink.messages,
            diagnostics: v.netlink.diagnostics,
          },
          summary: summary(v),
          diagnostics: v.diagnostics.map((d) => ({
            severity: d.severity,
            code: d.code,
            offset: d.offset,
            message: d.message,
          })),
        };
      }),
      groups: a.replays.map((r) => groupJson(a, r, mtu)),
      groups_not_replayed: a.groups.slice(a.replays.length).map((g) => g.key),
      datagrams: wholeDatagrams.map((v) => {
        const c = comparisonFor([v], mtu);
        return {
          packet: v.index + 1,
          compare: c && { mtu: c.input.mtu, agree: c.agree, diffs: c.rows.flatMap((r) => r.diffs) },
        };
      }),
      netlink: a.netlink.map((i) => i + 1),
      diagnostics: cap.diagnostics.map((d) => ({
        severity: d.severity,
        code: d.code,
        block: d.block,
        offset: d.offset,
        message: d.message,
      })),
    };
    return { code, out: JSON.stringify(out, null, 2) };
  }
  const lines: string[] = [];
  const ifs = cap.interfaces.map((i) => linkTypeName(i.linkType)).join(', ');
  lines.push(
    `${file}: ${cap.format ?? 'unknown format'}${cap.endian ? `, ${cap.endian === 'le' ? 'little' : 'big'}-endian` : ''}${cap.nanosecond ? ', nanosecond' : ''}, ${cap.interfaces.length} interface(s) (${ifs || 'none'}), ${cap.packets.length} packet(s)`,
  );
  if (a.views.length) {
    const shown = a.views.slice(0, rows);
    lines.push(
      '',
      table(
        ['#', 'ms', 'bytes', 'packet'],
        shown.map((v) => [
          String(v.index + 1),
          ms(at(v.index)),
          String(cap.packets[v.index]?.origlen ?? ''),
          summary(v),
        ]),
      ),
    );
    if (a.views.length > shown.length)
      lines.push(`… ${a.views.length - shown.length} more packet(s) (--rows N or --json to see them)`);
  }
  for (const r of a.replays) {
    lines.push(
      '',
      `fragment group ${r.group.serial}: ${r.group.key} — ${r.packets.length} fragment(s), datagram ${r.input.len + 8} bytes (from the ${r.lenFrom.replace('-', ' ')})`,
    );
    if (r.group.outgoing.length)
      lines.push(`  outgoing copies left out: packet(s) ${r.group.outgoing.map((i) => i + 1).join(', ')}`);
    const res = r.result;
    if (!res.ok) {
      lines.push(`  the model cannot replay it: ${res.why}`);
      continue;
    }
    lines.push(
      table(
        ['  packet', 'ms', 'bytes', 'MF', 'fill', 'queue', 'verdict', 'kernel function'],
        res.arrivals.map((x, k) => [
          `  ${(r.packets[k] as number) + 1}`,
          ms(x.at),
          `[${x.offset}, ${x.offset + x.length})`,
          x.mf ? 'MF' : '',
          x.fill === 'other' ? 'other' : '',
          x.queue === null ? '-' : `#${x.queue}`,
          VERDICT_TEXT[x.verdict],
          x.fn,
        ]),
      ),
    );
    if (!res.delivered.length) lines.push('  → the model delivers nothing');
    for (const d of res.delivered)
      lines.push(
        `  → delivered: ${d.length} bytes, ${d.equal ? 'equal to what was sent' : 'NOT equal to what was sent'}`,
      );
    for (const q of res.queues.filter((q) => q.state !== 'reassembled'))
      lines.push(`  queue #${q.serial}: ${q.state} — ${q.why}`);
    const c = comparisonFor(
      r.packets.map((i) => a.views[i] as PacketView),
      mtu,
    );
    if (c) lines.push(compareLine(c));
    for (const d of r.diagnostics) lines.push(`  note: ${d.message}`);
  }
  const datagramRows = wholeDatagrams.filter((v) => v.udp);
  if (datagramRows.length) {
    lines.push('', `whole UDP datagrams: ${datagramRows.length}`);
    for (const v of datagramRows.slice(0, rows)) {
      const c = comparisonFor([v], mtu);
      lines.push(`  packet ${v.index + 1}: ${v.udp?.length} bytes${c ? ` — ${compareLine(c).trim()}` : ''}`);
    }
  }
  if (a.netlink.length)
    lines.push(
      '',
      `netlink frames: ${a.netlink.length} (packet(s) ${a.netlink
        .slice(0, 50)
        .map((i) => i + 1)
        .join(', ')}${a.netlink.length > 50 ? ', …' : ''})`,
    );
  if (a.groups.length > a.replays.length)
    lines.push(`${a.groups.length - a.replays.length} more fragment group(s) listed, not replayed`);
  if (cap.diagnostics.length) lines.push('', ...cap.diagnostics.map((d) => `${d.severity}: ${d.message}`));
  return { code, out: lines.join('\n') };
}

function compareLine(c: SendComparison): string {
  const head = `  model send (${c.input.family === 'inet6' ? 'IPv6' : 'IPv4'} ${c.input.sock} ${c.input.sends[0]} bytes, MTU ${c.input.mtu}${c.input.options.length ? `, options ${c.input.options.length}B` : ''})`;
  if (c.agree) return `${head}: the model agrees, packet for packet (ids and times are free)`;
  const diffs = c.rows.filter((r) => r.diffs.length).map((r) => `#${r.index}: ${r.diffs.join(', ')}`);
  return `${head}: differs — ${[...diffs, ...c.notes].join('; ')}`;
}
