/**
 * The Socket lab's inputs: the form as typed (strings, so a bad value can be shown, shared in a
 * URL and corrected), read by core/socket's own parsers, and the lab's state as a hash query:
 *
 *   #/socket?domain=AF_INET&type=SOCK_DGRAM&protocol=0&priv=root&op=connect
 *
 * - `domain`, `type`, `protocol`: symbolic names (AF_INET or PF_INET, SOCK_STREAM, IPPROTO_UDP,
 *   NETLINK_ROUTE, htons(ETH_P_ALL)…) or any number (decimal, 0x hex, negative), exactly as
 *   core/socket's parsers read them. `type` may carry extra bits joined with `|`
 *   (`type=SOCK_STREAM|0x100`, which the kernel refuses with EINVAL).
 * - Flags: `nonblock=1` and `cloexec=1` (written only when set). On reading, `type=SOCK_DGRAM|SOCK_NONBLOCK`
 *   is accepted too: the named flags move to their parameters, so the canonical URL of that is
 *   `type=SOCK_DGRAM&nonblock=1`.
 * - `priv=root` (every capability) or `priv=user` (uid 65534, no capabilities).
 * - `op=connect|bind|listen|accept|sendmsg|recvmsg|shutdown|setsockopt|getsockopt|poll|ioctl|mmap`,
 *   and `level=SOL_SOCKET` for setsockopt/getsockopt at the socket level (written only then).
 * - `step=N`: the selected trace step, counting from 1 like the step list; omitted when the last
 *   step (the outcome) is on show.
 *
 * Values are kept as typed, so a bad one reaches the form and is reported there, never thrown.
 */
import {
  SOCKET_OPS,
  asSentence,
  SOCK_CLOEXEC,
  SOCK_NONBLOCK,
  parseDomain,
  parseProtocol,
  parseType,
  profileFor,
} from '../../../core/socket/index.ts';
import type { KernelProfile, ParseResult, SocketOp } from '../../../core/socket/index.ts';
import { defineMessages, msg, renderText, type Msg } from '../../../core/i18n/index.ts';
import { encodeQuery, parseStep } from '../../lab-kit/index.ts';
import type { Issue, Parsed } from '../../lab-kit/index.ts';

/** Who calls socket(): the URL's `priv=root|user`. */

/** The lab's own input issues, in the catalogs (the English `message` stays for tests and logs). */
const M = defineMessages({
  empty: {
    id: 'lab.socket.issue.empty',
    defaultMessage:
      'Enter {field, select, domain {a domain} type {a type} other {a protocol (0 for the default)}}, by name or as a number.',
  },
  flag: { id: 'lab.socket.issue.flag', defaultMessage: '<code>{name}</code> must be 0 or 1.' },
  op: { id: 'lab.socket.issue.op', defaultMessage: 'Operation must be one of {ops}.' },
  parse: {
    id: 'lab.socket.issue.parse',
    defaultMessage: '{why}.',
    description: 'why: the reason core/socket gives (socket.parse.*), as the start of a sentence.',
  },
  priv: { id: 'lab.socket.issue.priv', defaultMessage: 'Privilege must be root or user (no capabilities).' },
  level: {
    id: 'lab.socket.issue.level',
    defaultMessage: 'The option level must be {protocol} or <code>SOL_SOCKET</code>.',
  },
});

export type Privilege = 'root' | 'user';
export const PRIVILEGES: readonly Privilege[] = ['root', 'user'];

/** setsockopt/getsockopt: the level decides whether the family is reached at all. */
export type SockoptLevel = 'protocol' | 'SOL_SOCKET';
export const SOCKOPT_LEVELS: readonly SockoptLevel[] = ['protocol', 'SOL_SOCKET'];

export interface SocketFields {
  /** AF_* / PF_* or a number. */
  domain: string;
  /** SOCK_* or a number, possibly with `|`-joined extra bits (e.g. `SOCK_STREAM|0x100`). */
  type: string;
  /** '1' or '0' (kept as typed so a bad URL value can be reported). */
  nonblock: string;
  cloexec: string;
  /** IPPROTO_* / NETLINK_* / ETH_P_* (as the domain names them) or a number. */
  protocol: string;
  priv: string;
  op: string;
  level: string;
}

export type SocketFieldName = keyof SocketFields;

export type SocketIssue = Issue;

export const DEFAULT_SOCKET_FIELDS: SocketFields = {
  domain: 'AF_INET',
  type: 'SOCK_DGRAM',
  nonblock: '0',
  cloexec: '0',
  protocol: '0',
  priv: 'root',
  op: 'connect',
  level: 'protocol',
};

/** The call the form describes, once every field parses. */
export interface SocketCall {
  family: number;
  /** The type argument as passed, flag bits included. */
  type: number;
  protocol: number;
  privilege: Privilege;
  op: SocketOp;
  level: SockoptLevel;
}

export type FieldsToCall = Parsed<SocketCall>;

/** The issue of a field core/socket could not read: its reason as a sentence. */
function parseIssue(field: 'domain' | 'type' | 'protocol', why: Msg): SocketIssue {
  const m = msg(M.parse, { why: asSentence(why) });
  return { field, message: renderText(m, 'en'), msg: m };
}

/** Parse the form with core/socket's parsers (names or numbers); report each bad field. */
export function fieldsToCall(f: SocketFields): FieldsToCall {
  const issues: SocketIssue[] = [];
  const empty = (field: 'domain' | 'type' | 'protocol', what: string) => {
    issues.push({ field, message: `Enter ${what}, by name or as a number.`, msg: msg(M.empty, { field }) });
  };

  /** A number field, by name or number: null, with an issue, when it is empty or does not parse. */
  const number = (
    field: 'domain' | 'type' | 'protocol',
    what: string,
    parse: (text: string) => ParseResult | null,
  ): number | null => {
    if (f[field].trim() === '') {
      empty(field, what);
      return null;
    }
    const r = parse(f[field]);
    if (r && !r.ok) issues.push(parseIssue(field, r.why));
    return r?.ok ? r.value : null;
  };
  const family = number('domain', 'a domain', parseDomain);
  const type = number('type', 'a type', parseType);
  // The protocol's names follow the domain; with a bad domain there is nothing to read it against.
  const protocol = number('protocol', 'a protocol (0 for the default)', (text) =>
    family === null ? null : parseProtocol(family, text),
  );

  const flag = (field: 'nonblock' | 'cloexec', bit: number, name: string): number => {
    if (f[field] === '1') return bit;
    if (f[field] !== '0')
      issues.push({ field, message: `${name} must be 0 or 1.`, msg: msg(M.flag, { name }) });
    return 0;
  };
  const flags =
    flag('nonblock', SOCK_NONBLOCK, 'SOCK_NONBLOCK') | flag('cloexec', SOCK_CLOEXEC, 'SOCK_CLOEXEC');

  const privilege = PRIVILEGES.find((p) => p === f.priv);
  if (!privilege)
    issues.push({
      field: 'priv',
      message: 'Privilege must be root or user (no capabilities).',
      msg: msg(M.priv),
    });
  const op = SOCKET_OPS.find((o) => o === f.op);
  if (!op)
    issues.push({
      field: 'op',
      message: `Operation must be one of ${SOCKET_OPS.join(', ')}.`,
      msg: msg(M.op, { ops: SOCKET_OPS.join(', ') }),
    });
  const level = SOCKOPT_LEVELS.find((l) => l === f.level);
  if (!level)
    issues.push({
      field: 'level',
      message: 'The option level must be protocol or SOL_SOCKET.',
      msg: msg(M.level, { protocol: 'protocol' }),
    });

  if (
    issues.length > 0 ||
    family === null ||
    type === null ||
    protocol === null ||
    !privilege ||
    !op ||
    !level
  )
    return { ok: false, issues };
  return { ok: true, input: { family, type: type | flags, protocol, privilege, op, level } };
}

/** The kernel profile for a privilege: the default kernel, called by root or by nobody. */
export function socketProfile(privilege: Privilege): KernelProfile {
  return profileFor(privilege === 'root' ? 'root' : 'unprivileged');
}

export const SOCKET_KEYS: readonly string[] = [
  'domain',
  'type',
  'protocol',
  'nonblock',
  'cloexec',
  'priv',
  'op',
  'level',
  'step',
];

export interface SocketUrlState {
  fields: SocketFields;
  /** The selected step (0-based), or null for the last one. */
  step: number | null;
  /** Problems with parameters that have no form field of their own (step). */
  issues: SocketIssue[];
}

const FLAG_PARTS: Readonly<Record<string, 'nonblock' | 'cloexec'>> = {
  SOCK_NONBLOCK: 'nonblock',
  SOCK_CLOEXEC: 'cloexec',
};

/** Parse the query part of `#/socket?...` (without the `?`). Missing parameters take defaults. */
export function parseSocketQuery(query: string): SocketUrlState {
  const q = new URLSearchParams(query);
  const fields: SocketFields = { ...DEFAULT_SOCKET_FIELDS };
  for (const k of ['domain', 'type', 'protocol', 'nonblock', 'cloexec', 'priv', 'op', 'level'] as const) {
    const v = q.get(k);
    if (v !== null) fields[k] = v;
  }
  // Named flags written into the type move to their checkboxes (unless the checkbox says otherwise).
  const parts = fields.type.split('|').map((p) => p.trim());
  if (parts.length > 1) {
    const rest: string[] = [];
    for (const p of parts) {
      const flag = FLAG_PARTS[p.toUpperCase()];
      if (flag && !q.has(flag)) fields[flag] = '1';
      else if (!flag) rest.push(p);
    }
    if (rest.length > 0) fields.type = rest.join('|');
  }
  const { step, issues } = parseStep(q, 'the outcome');
  return { fields, step, issues };
}

/** The canonical query: the call, the privilege and the operation, then what is not default. */
export function serialiseSocketQuery(fields: SocketFields, step: number | null): string {
  const parts: [string, string][] = [
    ['domain', fields.domain],
    ['type', fields.type],
    ['protocol', fields.protocol],
  ];
  if (fields.nonblock !== '0') parts.push(['nonblock', fields.nonblock]);
  if (fields.cloexec !== '0') parts.push(['cloexec', fields.cloexec]);
  parts.push(['priv', fields.priv], ['op', fields.op]);
  if (fields.level !== DEFAULT_SOCKET_FIELDS.level) parts.push(['level', fields.level]);
  if (step !== null) parts.push(['step', String(step + 1)]);
  // `|` stays readable (`type=SOCK_STREAM|0x100`); `(` and `)` are never encoded.
  return encodeQuery(parts, '|');
}
