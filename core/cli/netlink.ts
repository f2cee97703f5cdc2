/**
 * `sockscope netlink decode --family route --hex 2000… [--json]` (or `--file PATH`) and
 * `sockscope netlink encode --family route --type RTM_GETLINK --flags REQUEST,DUMP …`.
 * Decoding walks the buffer as NLMSG_OK / NLMSG_NEXT do (include/uapi/linux/netlink.h).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import {
  DECODE_LIMITS,
  decodeNetlink,
  encodeNetlink,
  parseHex,
  toHex,
  type Endian,
  type NlAttr,
  type NlAttrSpec,
  type NlAttrValueKind,
  type NlDecodeResult,
  type NlDiagnostic,
  type NlFamily,
  type NlMessage,
  type NlMessageSpec,
} from '../netlink/index.ts';
import { NETLINK_PARAMS, type Param } from '../params/index.ts';
import { defineMessages, formatMsg, msg, msgOptional, type Locale, type Msg } from '../i18n/index.ts';
import { diagnosticMsg, encodeIssueMsg, errnoMsg } from '../netlink/index.ts';
import { hexFailMsg } from '../hex/messages.ts';
import { noSuchOption, parseFlags, say, table, type CliContext, type CommandResult } from './args.ts';
import { renderHelp, type HelpLine } from './help.ts';

const M = defineMessages({
  summary: {
    id: 'cli.netlink.summary',
    defaultMessage:
      '{size} bytes, {n, plural, one {# message} other {# messages}}{trunc, select, yes { (<code>MSG_TRUNC</code>: truncated)} other {}}',
  },
  colOffset: { id: 'cli.netlink.col.offset', defaultMessage: 'offset' },
  colType: { id: 'cli.netlink.col.type', defaultMessage: 'type' },
  colFlags: { id: 'cli.netlink.col.flags', defaultMessage: 'flags' },
  messageAt: { id: 'cli.netlink.messageAt', defaultMessage: 'message at {offset}: <code>{typeName}</code>' },
  error: {
    id: 'cli.netlink.error',
    defaultMessage: 'error {errno} <code>{name}</code>: {strerror}',
    description: 'strerror: the C library text of the errno, in the reader’s language.',
  },
  extack: {
    id: 'cli.netlink.extack',
    defaultMessage:
      'extended ack (<code>NLM_F_ACK_TLVS</code>): the kernel’s own words, as it sent them (not translated):',
    description:
      'Heads the NLMSGERR_ATTR_* attributes after an NLMSG_ERROR; their text is quoted kernel output.',
  },
  attr: {
    id: 'cli.netlink.attr',
    defaultMessage:
      '+{offset} <code>{name}</code> (type {type}, len {len}){hasValue, select, yes { = {value}} other {}}',
  },
  diagnostic: {
    id: 'cli.netlink.diagnostic',
    defaultMessage:
      '{severity, select, error {error} warning {warning} other {info}} <code>{diag}</code> at {where, select, range {bytes {from}–{to}} other {offset {from}}}: {text}{src, select, none {} other { (<code>{fn}</code>{hasFile, select, yes {, <code>{file}</code>} other {}})}}',
  },
  buffer: { id: 'cli.netlink.buffer', defaultMessage: 'buffer:' },
  unexpected: { id: 'cli.netlink.unexpected', defaultMessage: 'unexpected argument “{arg}”' },
  noOption: {
    id: 'cli.netlink.noOption',
    defaultMessage: '<code>netlink {sub}</code> has no option <code>--{name}</code>',
  },
  headerItem: {
    id: 'cli.netlink.headerItem',
    defaultMessage: '<code>--header</code> item "{item}" is not <code>name=number</code>',
  },
  attrsBrace: {
    id: 'cli.netlink.attrsBrace',
    defaultMessage:
      '<code>--attrs</code>: {open, select, yes {a "{brace}" is not closed} other {unbalanced "{brace}"}} in "{text}"',
    description: 'brace: the brace character. text: the --attrs value.',
  },
  attrsNest: {
    id: 'cli.netlink.attrsNest',
    defaultMessage: '<code>--attrs</code> item "{item}": <code>nest</code> takes {shape}',
    description: 'shape: {attributes}, the nest syntax.',
  },
  attrsItem: {
    id: 'cli.netlink.attrsItem',
    defaultMessage:
      '<code>--attrs</code> item "{item}" is not <code>TYPE:KIND=VALUE</code> (<code>KIND</code>: <code>{kinds}</code>)',
  },
  attrsValue: {
    id: 'cli.netlink.attrsValue',
    defaultMessage: '<code>--attrs</code> item "{item}" needs <code>=VALUE</code>',
  },
  attrsNumber: {
    id: 'cli.netlink.attrsNumber',
    defaultMessage: '<code>--attrs</code> item "{item}": <code>{kind}</code> takes a number',
  },
  cannotRead: {
    id: 'cli.netlink.cannotRead',
    defaultMessage: '<code>{flag}</code>: cannot read {path} (<code>{errcode}</code>)',
    description: 'errcode: the system error code (ENOENT, EISDIR…).',
  },
  tooLarge: {
    id: 'cli.netlink.tooLarge',
    defaultMessage:
      '<code>{flag}</code>: {path} holds more than {limit} bytes, the limit (raise it with <code>--max-bytes</code>, up to {max})',
  },
  maxBytes: {
    id: 'cli.netlink.maxBytes',
    defaultMessage:
      '<code>--max-bytes</code> takes a size from 1 to 1G (a number of bytes, or with K, M or G)',
  },
  hex: { id: 'cli.netlink.hex', defaultMessage: '<code>--hex</code>: {why}' },
  needsInput: {
    id: 'cli.netlink.needsInput',
    defaultMessage: '<code>decode</code> needs <code>--hex HEX</code> or <code>--file PATH</code>',
  },
  limitWhole: {
    id: 'cli.netlink.limitWhole',
    defaultMessage: '<code>--{flag}</code> takes a whole number (0 to 999999999)',
  },
  notJson: {
    id: 'cli.netlink.notJson',
    defaultMessage: '<code>--spec</code>: {path} is not JSON ({error})',
    description: 'error: what the JSON parser said (English, as Node.js words it).',
  },
  needsType: {
    id: 'cli.netlink.needsType',
    defaultMessage:
      '<code>encode</code> needs <code>--type</code> (e.g. <code>RTM_GETLINK</code>) or <code>--spec FILE.json</code>',
  },
  whole: { id: 'cli.netlink.whole', defaultMessage: '<code>--{flag}</code> takes a whole number' },
  subcommands: {
    id: 'cli.netlink.subcommands',
    defaultMessage:
      '<code>netlink</code> has two subcommands, <code>decode</code> and <code>encode</code> (not “{sub}”)',
  },
});

/** The flags of `netlink decode` and `netlink encode` (the subcommand is the one positional). */
export const NETLINK_FLAGS = {
  values: [
    'family',
    'endian',
    'hex',
    'file',
    'type',
    'flags',
    'seq',
    'pid',
    'header',
    'attrs',
    'spec',
    'max-bytes',
    'max-messages',
    'max-attrs',
    'max-depth',
  ],
  booleans: ['json', 'help', 'trunc'],
  positionals: 1,
};

const H = defineMessages({
  decode: {
    id: 'cli.netlink.help.decode',
    defaultMessage:
      'walk a buffer of one or more messages as <code>NLMSG_OK</code>/<code>NLMSG_NEXT</code> do; every message,{br}family header and attribute with its offset, and diagnostics naming the bytes',
    description: 'br: a line break (keeps the option column).',
  },
  hex: {
    id: 'cli.netlink.help.hex',
    defaultMessage:
      'the bytes as hex (spaces, colons and <code>0x</code> allowed); <code>--file</code> reads raw bytes, or hex text',
  },
  trunc: {
    id: 'cli.netlink.help.trunc',
    defaultMessage: '<code>recvmsg()</code> reported <code>MSG_TRUNC</code> (the kernel cut the datagram)',
  },
  maxBytes: {
    id: 'cli.netlink.help.maxBytes',
    defaultMessage:
      '<code>--file</code> and <code>--spec</code> read at most this many bytes (default 16M; K, M, G suffixes;{br}at most 1G): a bigger file is refused, not read to its end',
    description: 'br: a line break (keeps the option column).',
  },
  maxMessages: {
    id: 'cli.netlink.help.maxMessages',
    defaultMessage: '<code>decode</code> walks at most this many messages (default {n})',
  },
  maxAttrs: {
    id: 'cli.netlink.help.maxAttrs',
    defaultMessage: '<code>decode</code> walks at most this many attributes in all (default {n})',
  },
  maxDepth: {
    id: 'cli.netlink.help.maxDepth',
    defaultMessage:
      '<code>decode</code> follows nested attributes this deep (default {n}); past a{br}limit the rest is reported, not decoded',
    description: 'br: a line break (keeps the option column).',
  },
  encode: {
    id: 'cli.netlink.help.encode',
    defaultMessage:
      'build one message and print its bytes as hex (<code>--json</code>: the decoded result too)',
  },
  flags: {
    id: 'cli.netlink.help.flags',
    defaultMessage: '<code>NLM_F_*</code> names with or without the prefix, separated by commas, or a number',
  },
  header: {
    id: 'cli.netlink.help.header',
    defaultMessage:
      "the family header's members (<code>ifinfomsg</code>, <code>ifaddrmsg</code>, <code>rtmsg</code>, <code>genlmsghdr</code>…) as <code>name=value</code>",
  },
  attrs: {
    id: 'cli.netlink.help.attrs',
    defaultMessage:
      'attributes <code>TYPE:KIND=VALUE</code> separated by <code>";"</code>, <code>KIND</code> one of{br}<code>u8</code> <code>u16</code> <code>u32</code> <code>u64</code> <code>s32</code> <code>str</code> <code>strz</code> <code>bytes(hex)</code> <code>flag</code>, or <code>{nest}</code> holding attributes:{br}<code>{example}</code>; <code>TYPE</code> by name{br}(in the enum of the message or of the enclosing nest) or number',
    description:
      'br: a line break (keeps the option column). nest: the nest syntax, nest={...}. example: an --attrs value.',
  },
  spec: {
    id: 'cli.netlink.help.spec',
    defaultMessage:
      'a JSON array of messages {message} (<code>flags</code>, <code>seq</code>, <code>pid</code> default to 0); attributes {attribute}; unknown keys are refused',
    description: 'message, attribute: the JSON shapes (their field names as they are).',
  },
  json: {
    id: 'cli.netlink.help.json',
    defaultMessage: '<code>decode</code>: an array of messages {message}',
    description: 'message: the JSON shape (its field names as they are).',
  },
});

/** The continuation indent of the option column. */
const COL = `\n${' '.repeat(12)}`;

const NETLINK_HELP_LINES: readonly HelpLine[] = [
  'usage: sockscope netlink decode --family route|generic|raw (--hex HEX | --file PATH)',
  '                               [--endian le|be] [--trunc] [--json] [--max-bytes N]',
  '                               [--max-messages N] [--max-attrs N] [--max-depth N]',
  '       sockscope netlink encode --family route|generic|raw --type RTM_GETLINK',
  '                               [--flags REQUEST,DUMP] [--seq N] [--pid N]',
  '                               [--header ifi_family=0,ifi_index=1]',
  '                               [--attrs "IFLA_IFNAME:str=lo;IFLA_MTU:u32=1500"]',
  '                               [--endian le|be] [--json]',
  '       sockscope netlink encode --family route --spec FILE.json [--json] [--max-bytes N]',
  ['  decode    ', H.decode],
  ['  --hex     ', H.hex],
  ['  --trunc   ', H.trunc],
  ['  --max-bytes     ', H.maxBytes],
  ['  --max-messages  ', H.maxMessages, { n: DECODE_LIMITS.messages }],
  ['  --max-attrs     ', H.maxAttrs, { n: DECODE_LIMITS.attributes }],
  ['  --max-depth     ', H.maxDepth, { n: DECODE_LIMITS.depth }],
  ['  encode    ', H.encode],
  ['  --flags   ', H.flags],
  ['  --header  ', H.header],
  [
    '  --attrs   ',
    H.attrs,
    { nest: 'nest={...}', example: '"IFLA_IFNAME:strz=p0;IFLA_LINKINFO:nest={IFLA_INFO_KIND:strz=veth}"' },
  ],
  [
    '  --spec    ',
    H.spec,
    {
      message: `{ type, flags?, seq?, pid?, familyHeader?, attributes?,${COL}lenOverride? }`,
      attribute: `{ type, value?: { kind, v },${COL}nested?: [...], nlaFlags?: { nested?, netByteorder? } }`,
    },
  ],
  [
    '  --json    ',
    H.json,
    {
      message: `{ offset, len, type, typeName, flags, flagNames, seq,${COL}pid, header, attributes: [{ offset, len, type, name, nested?, value? }], diagnostics }`,
    },
  ],
];

/** `sockscope netlink --help` in `locale`. */
export const netlinkHelp = (locale: Locale = 'en'): string => renderHelp(NETLINK_HELP_LINES, locale);

export const NETLINK_HELP = netlinkHelp('en');

const KINDS: readonly NlAttrValueKind[] = ['u8', 'u16', 'u32', 'u64', 's32', 'str', 'strz', 'bytes', 'flag'];

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

const jsonValue = (v: string | number | bigint | undefined): Json | undefined =>
  typeof v === 'bigint' ? v.toString() : v;

function attrJson(a: NlAttr): Json {
  const out: { [k: string]: Json } = { offset: a.offset, len: a.len, type: a.type, name: a.name };
  if (a.nested || a.children) out.nested = (a.children ?? []).map(attrJson);
  const v = jsonValue(a.value);
  if (v !== undefined) out.value = v;
  return out;
}

function diagnosticJson(d: NlDiagnostic, locale: Locale = 'en'): Json {
  const m = diagnosticMsg(d);
  return {
    severity: d.severity,
    code: d.code,
    message: d.message,
    ...(locale === 'en' ? {} : { message_text: typeof m === 'string' ? m : formatMsg(m, locale) }),
    offset: d.offset,
    length: d.length,
    ...(d.fn ? { fn: d.fn } : {}),
    ...(d.file ? { file: d.file } : {}),
  };
}

/** One decoded message in the documented `--json` shape. */
export function messageJson(m: NlMessage, locale: Locale = 'en'): Json {
  const header: Json = m.familyHeader
    ? {
        struct: m.familyHeader.name,
        offset: m.familyHeader.offset,
        size: m.familyHeader.size,
        fields: Object.fromEntries(
          m.familyHeader.fields.map((f) => [f.name, jsonValue(f.value) ?? null] as [string, Json]),
        ),
      }
    : null;
  return {
    offset: m.offset,
    len: m.len,
    type: m.type,
    typeName: m.typeName,
    flags: m.flags,
    flagNames: m.flagNames,
    seq: m.seq,
    pid: m.pid,
    header,
    ...(m.error
      ? {
          error: {
            errno: m.error.errno,
            name: m.error.name,
            strerror: m.error.strerror,
            ...(locale === 'en' ? {} : { strerror_text: formatMsg(errnoMsg(m.error.errno), locale) }),
            echoed: m.error.echoed ? messageJson(m.error.echoed, locale) : null,
            extack: m.error.extack.map(attrJson),
          },
        }
      : {}),
    attributes: m.attributes.map(attrJson),
    diagnostics: m.diagnostics.map((d) => diagnosticJson(d, locale)),
  };
}

function attrLines(attrs: NlAttr[], depth: number, out: string[], t: (m: Msg) => string): void {
  for (const a of attrs) {
    const v = a.displayMsg ? t(a.displayMsg) : (a.display ?? (a.value !== undefined ? String(a.value) : ''));
    out.push(
      `${'  '.repeat(depth + 2)}${t(msg(M.attr, { offset: a.offset, name: a.name, type: a.type, len: a.len, hasValue: v ? 'yes' : 'no', value: v }))}`,
    );
    if (a.children) attrLines(a.children, depth + 1, out, t);
  }
}

function diagnosticLine(d: NlDiagnostic, t: (m: Msg) => string): string {
  const text = diagnosticMsg(d);
  return `  ${t(
    msg(M.diagnostic, {
      severity: d.severity,
      diag: d.code,
      where: d.length > 0 ? 'range' : 'offset',
      from: d.offset,
      to: d.offset + d.length - 1,
      text,
      src: d.fn ? 'yes' : 'none',
      fn: d.fn ?? '',
      hasFile: d.file ? 'yes' : 'no',
      file: d.file ?? '',
    }),
  )}`;
}

/** The readable form: a table of messages, then each message's header and attributes. */
export function describeDecode(r: NlDecodeResult, size: number, locale: Locale = 'en'): string {
  const t = (m: Msg) => formatMsg(m, locale);
  const lines = [
    t(msg(M.summary, { size, n: r.messages.length, trunc: r.truncated ? 'yes' : 'no' })),
    '',
    table(
      [t(msg(M.colOffset)), 'nlmsg_len', t(msg(M.colType)), t(msg(M.colFlags)), 'seq', 'pid'],
      r.messages.map((m) => [
        String(m.offset),
        String(m.len),
        `${m.typeName} (${m.type})`,
        m.flagNames.join('|') || '0',
        String(m.seq),
        String(m.pid),
      ]),
    ),
  ];
  for (const m of r.messages) {
    lines.push('', t(msg(M.messageAt, { offset: m.offset, typeName: m.typeName })));
    if (m.familyHeader)
      lines.push(
        `    ${m.familyHeader.name}: ${m.familyHeader.fields.map((f) => `${f.name}=${f.displayMsg ? t(f.displayMsg) : f.display}`).join(' ')}`,
      );
    if (m.error)
      lines.push(
        `    ${t(msg(M.error, { errno: m.error.errno, name: m.error.name, strerror: errnoMsg(m.error.errno) }))}`,
      );
    if (m.error?.extack.length) {
      lines.push(`    ${t(msg(M.extack))}`);
      attrLines(m.error.extack, 0, lines, t);
    }
    // The extended-ack TLVs are the message's attributes too: shown once, under their heading.
    if (m.attributes !== m.error?.extack) attrLines(m.attributes, 0, lines, t);
    for (const d of m.diagnostics) lines.push(diagnosticLine(d, t));
  }
  if (r.diagnostics.length) {
    lines.push('', t(msg(M.buffer)));
    for (const d of r.diagnostics) lines.push(diagnosticLine(d, t));
  }
  return lines.join('\n');
}

type Parsed<T> = { ok: true; v: T } | { ok: false; why: Msg };

/** `ifi_family=0,ifi_index=1` → a record of numbers. */
export function parseHeader(s: string): Parsed<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const part of s.split(',').filter((p) => p.trim())) {
    const m = /^\s*([a-z_][a-z0-9_]*)\s*=\s*(-?(?:0x[0-9a-f]+|\d+))\s*$/i.exec(part);
    if (!m) return { ok: false, why: msg(M.headerItem, { item: part }) };
    out[m[1] as string] = Number(m[2]);
  }
  return { ok: true, v: out };
}

/** Split at `sep` outside braces: `A:u32=1;B:nest={C:u8=1;D:u8=2}` → two items. */
function splitTop(s: string, sep: string): Parsed<string[]> {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '{') depth++;
    if (ch === '}' && --depth < 0)
      return { ok: false, why: msg(M.attrsBrace, { open: 'no', brace: '}', text: s }) };
    if (ch === sep && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (depth) return { ok: false, why: msg(M.attrsBrace, { open: 'yes', brace: '{', text: s }) };
  out.push(cur);
  return { ok: true, v: out.filter((p) => p.trim()) };
}

/**
 * `IFLA_IFNAME:strz=lo;IFLA_MTU:u32=1500;IFLA_X:flag;IFLA_LINKINFO:nest={IFLA_INFO_KIND:strz=veth}`
 * → attribute specs (`nest` holds attributes in braces, named in the nested attribute's enum).
 */
export function parseAttrs(s: string): Parsed<NlAttrSpec[]> {
  const out: NlAttrSpec[] = [];
  const parts = splitTop(s, ';');
  if (!parts.ok) return parts;
  for (const part of parts.v) {
    const m = /^\s*([A-Za-z0-9_]+)\s*:\s*([a-z0-9]+)\s*(?:=(.*))?$/s.exec(part);
    const type = m && (/^\d+$/.test(m[1] as string) ? Number(m[1]) : (m[1] as string));
    if (m && type !== null && m[2] === 'nest') {
      const inner = /^\s*\{(.*)\}\s*$/s.exec(m[3] ?? '');
      if (!inner) return { ok: false, why: msg(M.attrsNest, { item: part, shape: '{attributes}' }) };
      const kids = parseAttrs(inner[1] as string);
      if (!kids.ok) return kids;
      out.push({ type, nested: kids.v });
      continue;
    }
    const kind = m?.[2] as NlAttrValueKind | undefined;
    if (!m || type === null || !kind || !KINDS.includes(kind))
      return { ok: false, why: msg(M.attrsItem, { item: part, kinds: `${KINDS.join(' ')} nest` }) };
    const raw = m[3] ?? '';
    if (kind !== 'flag' && m[3] === undefined) return { ok: false, why: msg(M.attrsValue, { item: part }) };
    const numeric = ['u8', 'u16', 'u32', 'u64', 's32'].includes(kind);
    if (numeric && !/^-?(0x[0-9a-f]+|\d+)$/i.test(raw.trim()))
      return { ok: false, why: msg(M.attrsNumber, { item: part, kind }) };
    out.push({
      type,
      value: { kind, v: numeric && kind !== 'u64' ? Number(raw.trim()) : raw },
    });
  }
  return { ok: true, v: out };
}

/** The default and the largest `--max-bytes`. */
export const FILE_LIMIT = 16 * 1024 * 1024;
export const FILE_LIMIT_MAX = 1024 * 1024 * 1024;

/** `16M`, `512K`, `1G` or a number of bytes. */
function parseSize(v: string): number | null {
  const m = /^\s*(\d+)\s*([kmg]?)i?b?\s*$/i.exec(v);
  if (!m) return null;
  const n =
    Number(m[1]) *
    { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(m[2] as string).toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Number.isSafeInteger(n) ? n : null;
}

const cannotRead = (flag: string, path: string, e: unknown): Parsed<never> => ({
  ok: false,
  why: msg(M.cannotRead, { flag, path, errcode: (e as NodeJS.ErrnoException).code ?? 'error' }),
});

/**
 * At most `limit` + 1 bytes of a file, read in chunks whatever the file is (a character device
 * such as /dev/zero has no size to trust): more than `limit` is refused with the limit named.
 */
export function readBounded(path: string, limit: number, flag: string): Parsed<Uint8Array> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    return cannotRead(flag, path, e);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for (;;) {
      const want = Math.min(1 << 20, limit + 1 - total);
      const chunk = Buffer.allocUnsafe(want);
      const got = readSync(fd, chunk, 0, want, null);
      if (got === 0) break;
      chunks.push(got === want ? chunk : chunk.subarray(0, got));
      total += got;
      if (total > limit)
        return { ok: false, why: msg(M.tooLarge, { flag, path, limit, max: FILE_LIMIT_MAX }) };
    }
  } catch (e) {
    return cannotRead(flag, path, e);
  } finally {
    closeSync(fd);
  }
  const all = Buffer.concat(chunks, total);
  return { ok: true, v: new Uint8Array(all.buffer, all.byteOffset, all.length) };
}

function fileLimit(o: Record<string, string | boolean>, problems: Msg[]): number {
  if (o['max-bytes'] === undefined) return FILE_LIMIT;
  const n = typeof o['max-bytes'] === 'string' ? parseSize(o['max-bytes']) : null;
  if (n === null || n < 1 || n > FILE_LIMIT_MAX) {
    problems.push(msg(M.maxBytes));
    return FILE_LIMIT;
  }
  return n;
}

function readBuffer(o: Record<string, string | boolean>, limit: number): Parsed<Uint8Array> {
  if (typeof o.hex === 'string') {
    const r = parseHex(o.hex);
    return r.ok ? { ok: true, v: r.bytes } : { ok: false, why: msg(M.hex, { why: hexFailMsg(r) }) };
  }
  if (typeof o.file === 'string') {
    const raw = readBounded(o.file, limit, '--file');
    if (!raw.ok) return raw;
    // A file of hex digits (with spaces/newlines) is hex text; anything else is the raw bytes.
    if (raw.v.length > 0 && isHexText(raw.v)) {
      const r = parseHex(Buffer.from(raw.v.buffer, raw.v.byteOffset, raw.v.length).toString('latin1'));
      if (r.ok) return { ok: true, v: r.bytes };
    }
    return raw;
  }
  return { ok: false, why: msg(M.needsInput) };
}

/** Only hex digits, whitespace, x , and : (what a hex dump saved as text holds). */
function isHexText(b: Uint8Array): boolean {
  for (const c of b) {
    const hex = (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
    if (!hex && c !== 120 && c !== 58 && c !== 44 && c !== 32 && (c < 9 || c > 13)) return false;
  }
  return true;
}

/** `--max-messages` etc.: a whole number 0 or more, or the default. */
function decodeLimits(o: Record<string, string | boolean>, problems: Msg[]) {
  const limits: { messages?: number; attributes?: number; depth?: number } = {};
  for (const [flag, key] of [
    ['max-messages', 'messages'],
    ['max-attrs', 'attributes'],
    ['max-depth', 'depth'],
  ] as const) {
    const v = o[flag];
    if (v === undefined) continue;
    if (typeof v !== 'string' || !/^\d{1,9}$/.test(v.trim())) problems.push(msg(M.limitWhole, { flag }));
    else limits[key] = Number(v);
  }
  return limits;
}

function common(o: Record<string, string | boolean>, problems: Msg[]): { family: NlFamily; endian: Endian } {
  const take = <T>(p: Param<T>, v: string | boolean | undefined): T => {
    if (typeof v !== 'string') return p.default;
    const r = p.parse(v, `--${p.key}`);
    if (!r.ok) problems.push(r.issue.msg);
    return r.ok ? r.value : p.default;
  };
  return { family: take(NETLINK_PARAMS.family, o.family), endian: take(NETLINK_PARAMS.endian, o.endian) };
}

/** Usage errors, one a line, in `locale`, then the help. */
const usage = (problems: readonly Msg[], locale: Locale): CommandResult => ({
  code: 2,
  out: `${problems.map((p) => formatMsg(p, locale)).join('\n')}\n${netlinkHelp(locale)}`,
});

function decodeCommand(o: Record<string, string | boolean>, locale: Locale = 'en'): CommandResult {
  const problems: Msg[] = [];
  const { family, endian } = common(o, problems);
  const limits = decodeLimits(o, problems);
  const limit = fileLimit(o, problems);
  if (problems.length) return usage(problems, locale);
  const buf = readBuffer(o, limit);
  if (!buf.ok) return usage([buf.why], locale);
  const r = decodeNetlink(buf.v, { family, endian, truncated: o.trunc === true, limits });
  const errors = [...r.diagnostics, ...r.messages.flatMap((m) => m.diagnostics)].some(
    (d) => d.severity === 'error',
  );
  if (o.json)
    return {
      code: 0,
      out: JSON.stringify(
        r.messages.map((m) => messageJson(m, locale)),
        null,
        2,
      ),
    };
  return { code: errors ? 1 : 0, out: describeDecode(r, buf.v.length, locale) };
}

function encodeCommand(o: Record<string, string | boolean>, locale: Locale = 'en'): CommandResult {
  const problems: Msg[] = [];
  const { family, endian } = common(o, problems);
  let specs: unknown = [];
  if (typeof o.spec === 'string') {
    const limit = fileLimit(o, problems);
    const raw = problems.length ? null : readBounded(o.spec, limit, '--spec');
    if (raw && !raw.ok) problems.push(raw.why);
    else if (raw?.ok)
      try {
        specs = JSON.parse(new TextDecoder().decode(raw.v));
      } catch (e) {
        problems.push(msg(M.notJson, { path: o.spec, error: (e as Error).message }));
      }
  } else {
    if (typeof o.type !== 'string') problems.push(msg(M.needsType));
    const flags =
      typeof o.flags === 'string'
        ? /^(0x[0-9a-f]+|\d+)$/i.test(o.flags)
          ? Number(o.flags)
          : o.flags
              .split(',')
              .map((f) => (f.trim().toUpperCase().startsWith('NLM_F_') ? f.trim() : `NLM_F_${f.trim()}`))
        : ['NLM_F_REQUEST'];
    const num = (k: 'seq' | 'pid'): number => {
      const v = o[k];
      if (v === undefined) return 0;
      if (typeof v !== 'string' || !/^\d+$/.test(v)) problems.push(msg(M.whole, { flag: k }));
      return Number(v);
    };
    const header = typeof o.header === 'string' ? parseHeader(o.header) : null;
    if (header && !header.ok) problems.push(header.why);
    const attrs = typeof o.attrs === 'string' ? parseAttrs(o.attrs) : null;
    if (attrs && !attrs.ok) problems.push(attrs.why);
    specs = [
      {
        type: typeof o.type === 'string' ? o.type : 0,
        flags,
        seq: num('seq'),
        pid: num('pid'),
        ...(header?.ok ? { familyHeader: header.v } : {}),
        attributes: attrs?.ok ? attrs.v : [],
      },
    ];
  }
  if (problems.length) return usage(problems, locale);
  // encodeNetlink checks whatever the JSON holds and names what is wrong (EINVAL), never throws.
  const r = encodeNetlink(specs as NlMessageSpec[], { family, endian });
  if (!r.ok) return { code: 2, out: formatMsg(encodeIssueMsg(r), locale) };
  const hex = toHex(r.bytes);
  if (o.json) {
    const d = decodeNetlink(r.bytes, { family, endian });
    return {
      code: 0,
      out: JSON.stringify({ hex, messages: d.messages.map((m) => messageJson(m, locale)) }, null, 2),
    };
  }
  return { code: 0, out: hex };
}

/** The options each subcommand takes; any other is refused by name. */
const OPTIONS: Record<string, readonly string[]> = {
  decode: [
    'family',
    'hex',
    'file',
    'endian',
    'trunc',
    'json',
    'help',
    'max-bytes',
    'max-messages',
    'max-attrs',
    'max-depth',
  ],
  encode: [
    'family',
    'type',
    'flags',
    'seq',
    'pid',
    'header',
    'attrs',
    'spec',
    'endian',
    'json',
    'help',
    'max-bytes',
  ],
};

export function netlinkCommand(args: string[], ctx?: CliContext): CommandResult {
  const locale = ctx?.locale ?? 'en';
  const t = (m: Msg) => say(m, ctx);
  const help = netlinkHelp(locale);
  const named = args.find((a) => a === 'decode' || a === 'encode');
  const f = parseFlags(args, {
    ...NETLINK_FLAGS,
    ...(named ? { unknown: (n: string) => noSuchOption(`netlink ${named}`, n) } : {}),
  });
  if (!f.ok) return { code: 2, out: `${t(f.msg)}\n${help}` };
  const [sub, ...extra] = f.positionals;
  if (f.flags.help || !sub) return { code: f.flags.help ? 0 : 2, out: help };
  if (extra.length) return { code: 2, out: `${t(msgOptional(M.unexpected, { arg: extra[0] }))}\n${help}` };
  const unknown = Object.keys(f.flags).find((k) => OPTIONS[sub] && !OPTIONS[sub].includes(k));
  if (unknown) return { code: 2, out: `${t(msg(M.noOption, { sub, name: unknown }))}\n${help}` };
  if (sub === 'decode') return decodeCommand(f.flags, locale);
  if (sub === 'encode') return encodeCommand(f.flags, locale);
  return { code: 2, out: `${t(msg(M.subcommands, { sub: sub.slice(0, 40) }))}\n${help}` };
}
