/**
 * `sockscope pcap FILE [--json] [--mtu N] [--max-bytes N] [--rows N]`: a capture's packets,
 * its datagrams and fragment groups, and the model's verdicts — each group replayed through
 * ip_defrag / ipv6_frag_rcv, each captured send compared with ipSend's send of the same.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { defineMessages, formatMsg, msg, msgOptional, type Locale, type MsgValue } from '../i18n/index.ts';
import { VERDICT_MSG } from '../ip/index.ts';
import {
  analyzeCapture,
  compareSend,
  createPcapReader,
  linkTypeName,
  pcapMessage,
  sendInputFor,
  DEFAULT_LIMITS,
  type CaptureAnalysis,
  type GroupReplay,
  type PacketView,
  type PcapCapture,
  type PcapDiagnostic,
  type SendComparison,
} from '../pcap/index.ts';
import { parseFlags, table, type CliContext, type CommandResult } from './args.ts';
import { renderHelp, type HelpLine } from './help.ts';

const M = defineMessages({
  oneFile: { id: 'cli.pcap.oneFile', defaultMessage: 'give exactly one capture <code>FILE</code>' },
  badNumber: {
    id: 'cli.pcap.badNumber',
    defaultMessage: '<code>--{flag}</code> takes a whole number from {min, number} to {max, number}',
  },
  cannotOpen: { id: 'cli.pcap.cannotOpen', defaultMessage: 'cannot open {path}: {why}' },
  cannotRead: { id: 'cli.pcap.cannotRead', defaultMessage: 'cannot read {path}: {why}' },
  head: {
    id: 'cli.pcap.head',
    defaultMessage:
      '{file}: {format}{endian, select, le {, little-endian} be {, big-endian} other {}}{nsec, select, yes {, nanosecond} other {}}, {interfaces, plural, one {# interface} other {# interfaces}} ({links}), {packets, plural, one {# packet} other {# packets}}',
    description:
      'format: pcap, pcapng or the unknownFormat message; links: LINKTYPE_* names or the none message.',
  },
  unknownFormat: { id: 'cli.pcap.unknownFormat', defaultMessage: 'unknown format' },
  none: { id: 'cli.pcap.none', defaultMessage: 'none' },
  colBytes: { id: 'cli.pcap.col.bytes', defaultMessage: 'bytes' },
  colPacket: { id: 'cli.pcap.col.packet', defaultMessage: 'packet' },
  colFill: { id: 'cli.pcap.col.fill', defaultMessage: 'fill' },
  colQueue: { id: 'cli.pcap.col.queue', defaultMessage: 'queue' },
  colVerdict: { id: 'cli.pcap.col.verdict', defaultMessage: 'verdict' },
  colFunction: { id: 'cli.pcap.col.function', defaultMessage: 'kernel function' },
  fillOther: { id: 'cli.pcap.fillOther', defaultMessage: 'other' },
  morePackets: {
    id: 'cli.pcap.morePackets',
    defaultMessage:
      '… {count, plural, one {# more packet} other {# more packets}} (<code>--rows N</code> or <code>--json</code> to see them)',
  },
  group: {
    id: 'cli.pcap.group',
    defaultMessage:
      'fragment group {serial}: {key} — {count, plural, one {# fragment} other {# fragments}}, datagram {bytes} bytes (from the {from, select, udp {UDP header} last {last fragment} other {largest fragment end}})',
  },
  outgoing: {
    id: 'cli.pcap.outgoing',
    defaultMessage: 'outgoing copies left out: {count, plural, one {packet} other {packets}} {list}',
  },
  cannotReplay: { id: 'cli.pcap.cannotReplay', defaultMessage: 'the model cannot replay it: {why}' },
  deliversNothing: { id: 'cli.pcap.deliversNothing', defaultMessage: '→ the model delivers nothing' },
  delivered: {
    id: 'cli.pcap.delivered',
    defaultMessage:
      '→ delivered: {bytes} bytes, {equal, select, yes {equal to what was sent} other {NOT equal to what was sent}}',
  },
  queueState: { id: 'cli.pcap.queueState', defaultMessage: 'queue #{serial}: {state} — {why}' },
  note: { id: 'cli.pcap.note', defaultMessage: 'note: {text}' },
  wholeUdp: { id: 'cli.pcap.wholeUdp', defaultMessage: 'whole UDP datagrams: {count}' },
  wholeUdpRow: { id: 'cli.pcap.wholeUdpRow', defaultMessage: 'packet {packet}: {bytes} bytes' },
  netlinkFrames: {
    id: 'cli.pcap.netlinkFrames',
    defaultMessage: 'netlink frames: {count} ({count, plural, one {packet} other {packets}} {list})',
  },
  groupsNotReplayed: {
    id: 'cli.pcap.groupsNotReplayed',
    defaultMessage:
      '{count, plural, one {# more fragment group} other {# more fragment groups}} listed, not replayed',
  },
  severity: {
    id: 'cli.pcap.severity',
    defaultMessage: '{severity, select, error {error} warning {warning} other {info}}: {text}',
  },
  modelSend: {
    id: 'cli.pcap.modelSend',
    defaultMessage:
      'model send ({family} {sock} {bytes} bytes, MTU {mtu}{hasOptions, select, yes {, options {optlen}B} other {}})',
  },
  agrees: {
    id: 'cli.pcap.agrees',
    defaultMessage: '{send}: the model agrees, packet for packet (ids and times are free)',
  },
  differs: { id: 'cli.pcap.differs', defaultMessage: '{send}: differs — {diffs}' },
});

const H = defineMessages({
  file: {
    id: 'cli.pcap.help.file',
    defaultMessage: 'a pcap or pcapng capture (<code>tcpdump -w</code>, Wireshark, <code>dumpcap</code>)',
  },
  mtu: {
    id: 'cli.pcap.help.mtu',
    defaultMessage:
      "compare each captured send with the model's send at this MTU (default: the{br}largest packet of the send, which reproduces the same fragment cut)",
    description: 'br: a line break (keeps the option column).',
  },
  maxBytes: {
    id: 'cli.pcap.help.maxBytes',
    defaultMessage: 'read at most this many bytes of the file (default {n})',
  },
  rows: {
    id: 'cli.pcap.help.rows',
    defaultMessage:
      'list at most this many packets in the table (default 200; <code>--json</code> lists all)',
  },
});

const PCAP_HELP_LINES: readonly HelpLine[] = [
  'usage: sockscope pcap FILE [--json] [--mtu N] [--max-bytes N] [--rows N]',
  ['  FILE          ', H.file],
  ['  --mtu         ', H.mtu],
  ['  --max-bytes   ', H.maxBytes, { n: DEFAULT_LIMITS.maxBytes.toLocaleString('en-US') }],
  ['  --rows        ', H.rows],
  // The JSON's field names, as they are in every language.
  '  --json        { file, format, interfaces, packets, groups, datagrams, netlink, diagnostics }',
];

/** `sockscope pcap --help` in `locale`. */
export const pcapHelp = (locale: Locale = 'en'): string => renderHelp(PCAP_HELP_LINES, locale);

export const PCAP_HELP = pcapHelp('en');

const CHUNK = 1 << 20;

/** Read a file in chunks through the streaming reader, stopping at the byte limit. */
export function readCaptureFile(
  path: string,
  maxBytes: number,
  locale: Locale = 'en',
): { ok: true; capture: PcapCapture } | { ok: false; why: string } {
  const why = (m: { id: string }, e: unknown) =>
    formatMsg(msg(m, { path, why: (e as NodeJS.ErrnoException).code ?? (e as Error).message }), locale);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    return { ok: false, why: why(M.cannotOpen, e) };
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
    return { ok: false, why: why(M.cannotRead, e) };
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

function groupJson(a: CaptureAnalysis, r: GroupReplay, mtu: number | undefined, locale: Locale) {
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
    ...(locale === 'en' ? {} : { diagnostics_text: r.diagnostics.map((d) => diagnosticText(d, locale)) }),
  };
}

/** A diagnostic in the reader's language, from its code and values. */
function diagnosticText(d: PcapDiagnostic, locale: Locale): string {
  return pcapMessage(d.code, d.values, locale);
}

export function pcapCommand(args: string[], ctx: CliContext = { locale: 'en' }): CommandResult {
  const { locale } = ctx;
  const t = (m: { id: string }, values?: Record<string, MsgValue | undefined>) =>
    formatMsg(msgOptional(m, values), locale);
  const f = parseFlags(args, {
    values: ['mtu', 'max-bytes', 'rows'],
    booleans: ['json', 'help'],
    positionals: 64,
  });
  const help = pcapHelp(locale);
  if (!f.ok) return { code: 2, out: `${f.why}\n${help}` };
  const o = f.flags;
  if (o.help) return { code: 0, out: help };
  const problems: string[] = [];
  if (f.positionals.length !== 1) problems.push(t(M.oneFile));
  const num = (k: string, min: number, max: number): number | undefined => {
    if (o[k] === undefined) return undefined;
    const s = String(o[k]);
    const v = /^\d{1,12}$/.test(s) ? Number(s) : NaN;
    if (!(v >= min && v <= max)) {
      problems.push(t(M.badNumber, { flag: k, min, max }));
      return undefined;
    }
    return v;
  };
  const mtu = num('mtu', 68, 65536);
  const maxBytes = num('max-bytes', 24, 4 * 1024 * 1024 * 1024) ?? DEFAULT_LIMITS.maxBytes;
  const rows = num('rows', 0, 1_000_000) ?? 200;
  if (problems.length) return { code: 2, out: `${problems.join('\n')}\n${help}` };
  const file = f.positionals[0] as string;
  const read = readCaptureFile(file, maxBytes, locale);
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
  // --json keeps the machine fields (and the English `message`); another language adds `message_text`.
  const diagJson = (d: PcapDiagnostic, withBlock = true) => ({
    severity: d.severity,
    code: d.code,
    ...(withBlock ? { block: d.block } : {}),
    offset: d.offset,
    message: d.message,
    ...(locale === 'en' ? {} : { message_text: diagnosticText(d, locale) }),
  });
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
          diagnostics: v.diagnostics.map((d) => diagJson(d, false)),
        };
      }),
      groups: a.replays.map((r) => groupJson(a, r, mtu, locale)),
      groups_not_replayed: a.groups.slice(a.replays.length).map((g) => g.key),
      datagrams: wholeDatagrams.map((v) => {
        const c = comparisonFor([v], mtu);
        return {
          packet: v.index + 1,
          compare: c && { mtu: c.input.mtu, agree: c.agree, diffs: c.rows.flatMap((r) => r.diffs) },
        };
      }),
      netlink: a.netlink.map((i) => i + 1),
      diagnostics: cap.diagnostics.map((d) => diagJson(d)),
    };
    return { code, out: JSON.stringify(out, null, 2) };
  }
  const lines: string[] = [];
  lines.push(
    t(M.head, {
      file,
      format: cap.format ?? t(M.unknownFormat),
      endian: cap.endian ?? 'none',
      nsec: cap.nanosecond ? 'yes' : 'no',
      interfaces: cap.interfaces.length,
      links: cap.interfaces.map((i) => linkTypeName(i.linkType)).join(', ') || t(M.none),
      packets: cap.packets.length,
    }),
  );
  if (a.views.length) {
    const shown = a.views.slice(0, rows);
    lines.push(
      '',
      table(
        ['#', 'ms', t(M.colBytes), t(M.colPacket)],
        shown.map((v) => [
          String(v.index + 1),
          ms(at(v.index)),
          String(cap.packets[v.index]?.origlen ?? ''),
          summary(v),
        ]),
      ),
    );
    if (a.views.length > shown.length) lines.push(t(M.morePackets, { count: a.views.length - shown.length }));
  }
  for (const r of a.replays) {
    lines.push(
      '',
      t(M.group, {
        serial: r.group.serial,
        key: r.group.key,
        count: r.packets.length,
        bytes: r.input.len + 8,
        from: r.lenFrom === 'udp-header' ? 'udp' : r.lenFrom === 'last-fragment' ? 'last' : 'largest',
      }),
    );
    if (r.group.outgoing.length)
      lines.push(
        `  ${t(M.outgoing, { count: r.group.outgoing.length, list: r.group.outgoing.map((i) => i + 1).join(', ') })}`,
      );
    const res = r.result;
    if (!res.ok) {
      lines.push(`  ${t(M.cannotReplay, { why: res.why })}`);
      continue;
    }
    lines.push(
      table(
        [
          `  ${t(M.colPacket)}`,
          'ms',
          t(M.colBytes),
          'MF',
          t(M.colFill),
          t(M.colQueue),
          t(M.colVerdict),
          t(M.colFunction),
        ],
        res.arrivals.map((x, k) => [
          `  ${(r.packets[k] as number) + 1}`,
          ms(x.at),
          `[${x.offset}, ${x.offset + x.length})`,
          x.mf ? 'MF' : '',
          x.fill === 'other' ? t(M.fillOther) : '',
          x.queue === null ? '-' : `#${x.queue}`,
          formatMsg(VERDICT_MSG[x.verdict], locale),
          x.fn,
        ]),
      ),
    );
    if (!res.delivered.length) lines.push(`  ${t(M.deliversNothing)}`);
    for (const d of res.delivered)
      lines.push(`  ${t(M.delivered, { bytes: d.length ?? '-', equal: d.equal ? 'yes' : 'no' })}`);
    for (const q of res.queues.filter((q) => q.state !== 'reassembled'))
      lines.push(`  ${t(M.queueState, { serial: q.serial ?? '-', state: q.state, why: q.why })}`);
    const c = comparisonFor(
      r.packets.map((i) => a.views[i] as PacketView),
      mtu,
    );
    if (c) lines.push(`  ${compareLine(c, locale)}`);
    for (const d of r.diagnostics) lines.push(`  ${t(M.note, { text: diagnosticText(d, locale) })}`);
  }
  const datagramRows = wholeDatagrams.filter((v) => v.udp);
  if (datagramRows.length) {
    lines.push('', t(M.wholeUdp, { count: datagramRows.length }));
    for (const v of datagramRows.slice(0, rows)) {
      const c = comparisonFor([v], mtu);
      const row = t(M.wholeUdpRow, { packet: v.index + 1, bytes: v.udp?.length ?? 0 });
      lines.push(`  ${row}${c ? ` — ${compareLine(c, locale)}` : ''}`);
    }
  }
  if (a.netlink.length)
    lines.push(
      '',
      t(M.netlinkFrames, {
        count: a.netlink.length,
        list: `${a.netlink
          .slice(0, 50)
          .map((i) => i + 1)
          .join(', ')}${a.netlink.length > 50 ? ', …' : ''}`,
      }),
    );
  if (a.groups.length > a.replays.length)
    lines.push(t(M.groupsNotReplayed, { count: a.groups.length - a.replays.length }));
  if (cap.diagnostics.length)
    lines.push(
      '',
      ...cap.diagnostics.map((d) => t(M.severity, { severity: d.severity, text: diagnosticText(d, locale) })),
    );
  return { code, out: lines.join('\n') };
}

function compareLine(c: SendComparison, locale: Locale): string {
  const send = formatMsg(
    msg(M.modelSend, {
      family: c.input.family === 'inet6' ? 'IPv6' : 'IPv4',
      sock: c.input.sock,
      bytes: c.input.sends[0] ?? 0,
      mtu: c.input.mtu,
      hasOptions: c.input.options.length ? 'yes' : 'no',
      optlen: c.input.options.length,
    }),
    locale,
  );
  if (c.agree) return formatMsg(msg(M.agrees, { send }), locale);
  const diffs = c.rows.filter((r) => r.diffs.length).map((r) => `#${r.index}: ${r.diffs.join(', ')}`);
  return formatMsg(
    msg(M.differs, {
      send,
      diffs: [...diffs, ...c.noteMessages.map((m) => formatMsg(m, locale))].join('; '),
    }),
    locale,
  );
}
