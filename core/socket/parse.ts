/**
 * Reading domain / type / protocol as people and URLs write them: symbolic names (AF_INET or
 * PF_INET, SOCK_DGRAM|SOCK_CLOEXEC, IPPROTO_UDP, NETLINK_ROUTE, htons(ETH_P_ALL) or ETH_P_ALL)
 * or any number (decimal, 0x hex, negative). The protocol's namespace follows the domain.
 * What a Chinese IME types is read too (`ＡＦ＿ＩＮＥＴ`, `SOCK_DGRAM｜SOCK_CLOEXEC`, `０ｘ１１`).
 * Errors are values.
 */
import { defineMessages, msg, normalizeInput, type Msg } from '../i18n/index.ts';
import {
  AF,
  AF_ALIASES,
  ETH_P,
  IPPROTO,
  NETLINK,
  NETLINK_ALIASES,
  SOCK,
  SOCK_CLOEXEC,
  SOCK_NONBLOCK,
  htons,
} from './constants.ts';

export interface Parsed {
  ok: true;
  value: number;
  /** The canonical spelling of what was read (e.g. `AF_INET`, `htons(ETH_P_ALL)`). */
  name: string;
}

export interface ParseError {
  ok: false;
  /** Which argument could not be read. */
  field: 'domain' | 'type' | 'protocol';
  /** What was typed (cut to MAX_ECHO characters). */
  input: string;
  why: Msg;
}

/** The reasons start in lower case (the CLI puts them after a colon); a page shows them as sentences (`asSentence`). */
const M = defineMessages({
  notInt32: {
    id: 'socket.parse.notInt32',
    defaultMessage:
      '{sentence, select, yes {{field, select, domain {Domain} type {Type} other {Protocol}}} other {{field, select, domain {domain} type {type} other {protocol}}}} must be a 32-bit integer',
    description: 'sentence: yes when the reason starts a sentence (a page), no after a colon (the CLI).',
  },
  unknownFamily: {
    id: 'socket.parse.unknownFamily',
    defaultMessage:
      '{sentence, select, yes {Unknown} other {unknown}} address family "{input}" (try <code>AF_INET</code>, <code>AF_INET6</code>, <code>AF_UNIX</code>, <code>AF_NETLINK</code>, <code>AF_PACKET</code> or a number)',
  },
  emptyTypePart: {
    id: 'socket.parse.emptyTypePart',
    defaultMessage: '{sentence, select, yes {Empty} other {empty}} part in the type',
    description:
      'The type is names or numbers joined with |, and one of them is empty (SOCK_DGRAM||1). sentence: yes when the reason starts a sentence (a page), no after a colon (the CLI).',
  },
  unknownType: {
    id: 'socket.parse.unknownType',
    defaultMessage:
      '{sentence, select, yes {Unknown} other {unknown}} socket type "{input}" (try <code>SOCK_STREAM</code>, <code>SOCK_DGRAM</code>, <code>SOCK_RAW</code>…)',
  },
  notProtocol: {
    id: 'socket.parse.notProtocol',
    defaultMessage:
      '"{input}" is not a protocol of this domain: use {ns, select, ipproto {an <code>IPPROTO_*</code> name or a number} netlink {a <code>NETLINK_*</code> name or a number} ethertype {an <code>ETH_P_*</code> name, <code>htons(ETH_P_*)</code> or a number} unix {0 or <code>PF_UNIX</code>} vsock {0 or <code>PF_VSOCK</code>} other {a number}}',
    description:
      'ns: which names the domain takes (ipproto, netlink, ethertype, unix, vsock or none). The reason starts with the quoted input in any case.',
  },
});

/** Longest echo of what was typed, in an error. */
export const MAX_ECHO = 64;

function clip(s: string): string {
  return s.length > MAX_ECHO ? `${s.slice(0, MAX_ECHO - 1)}…` : s;
}

export type ParseResult = Parsed | ParseError;

const INT32_MIN = -0x80000000;
const UINT32_MAX = 0xffffffff;

/** A C int literal: decimal or 0x hex, optional sign; values up to 0xffffffff wrap as C would. */
export function parseIntLiteral(text: string): number | null {
  const t = normalizeInput(text).trim();
  const m = /^([+-]?)(0x[0-9a-f]+|\d+)$/i.exec(t);
  if (!m) return null;
  const mag = Number(m[2]);
  if (!Number.isSafeInteger(mag)) return null;
  const v = m[1] === '-' ? -mag : mag;
  if (v < INT32_MIN || v > UINT32_MAX) return null;
  return v | 0;
}

/** A reason as the start of a sentence (`Unknown address family…`), for a page that shows it on its own. */
export function asSentence(why: Msg): Msg {
  return why.values && 'sentence' in why.values
    ? { id: why.id, values: { ...why.values, sentence: 'yes' } }
    : why;
}

function err(field: ParseError['field'], input: string, why: Msg): ParseError {
  return { ok: false, field, input: clip(input), why };
}

function numberInput(field: ParseError['field'], input: number): ParseResult {
  if (!Number.isInteger(input) || input < INT32_MIN || input > UINT32_MAX)
    return err(field, String(input), msg(M.notInt32, { field, sentence: 'no' }));
  return { ok: true, value: input | 0, name: String(input | 0) };
}

/** AF_* / PF_* / a number. */
export function parseDomain(input: string | number): ParseResult {
  if (typeof input === 'number') return numberInput('domain', input);
  const t = normalizeInput(input).trim();
  const n = parseIntLiteral(t);
  if (n !== null) return { ok: true, value: n, name: String(n) };
  const up = t.toUpperCase().replace(/^PF_/, 'AF_');
  const key = (Object.keys(AF) as (keyof typeof AF)[]).find((k) => k.toUpperCase() === up);
  if (key) return { ok: true, value: AF[key], name: key };
  const alias = AF_ALIASES[up];
  if (alias !== undefined) return { ok: true, value: alias, name: up };
  return err('domain', normalizeInput(input), msg(M.unknownFamily, { input: clip(t), sentence: 'no' }));
}

const TYPE_FLAGS: Readonly<Record<string, number>> = { SOCK_NONBLOCK, SOCK_CLOEXEC };

/** SOCK_* names and numbers joined with `|` (e.g. `SOCK_DGRAM|SOCK_CLOEXEC`, `SOCK_DGRAM|0x100`). */
export function parseType(input: string | number): ParseResult {
  if (typeof input === 'number') return numberInput('type', input);
  const parts = normalizeInput(input)
    .split('|')
    .map((p) => p.trim());
  if (parts.length === 0 || parts.some((p) => p === ''))
    return err('type', normalizeInput(input), msg(M.emptyTypePart, { sentence: 'no' }));
  let value = 0;
  const names: string[] = [];
  for (const p of parts) {
    const n = parseIntLiteral(p);
    if (n !== null) {
      value |= n;
      names.push(p);
      continue;
    }
    const up = p.toUpperCase();
    const key = (Object.keys(SOCK) as (keyof typeof SOCK)[]).find((k) => k === up);
    const flag = TYPE_FLAGS[up];
    if (key) {
      value |= SOCK[key];
      names.push(key);
    } else if (flag !== undefined) {
      value |= flag;
      names.push(up);
    } else return err('type', normalizeInput(input), msg(M.unknownType, { input: clip(p), sentence: 'no' }));
  }
  return { ok: true, value: value | 0, name: names.join('|') };
}

/** Which protocol names a family's protocol argument uses. */
export type ProtocolNamespace = 'ipproto' | 'netlink' | 'ethertype' | 'unix' | 'vsock' | 'none';

export function protocolNamespace(domain: number): ProtocolNamespace {
  switch (domain) {
    case AF.AF_INET:
    case AF.AF_INET6:
      return 'ipproto';
    case AF.AF_NETLINK:
      return 'netlink';
    case AF.AF_PACKET:
      return 'ethertype';
    case AF.AF_UNIX:
      return 'unix';
    case AF.AF_VSOCK:
      return 'vsock';
    default:
      return 'none';
  }
}

/** The symbolic protocol names valid for `domain` (what a picker lists), with their values. */
export function protocolChoices(domain: number): { name: string; value: number }[] {
  switch (protocolNamespace(domain)) {
    case 'ipproto':
      return Object.entries(IPPROTO).map(([name, value]) => ({ name, value }));
    case 'netlink':
      return Object.entries(NETLINK).map(([name, value]) => ({ name, value }));
    case 'ethertype':
      return [
        { name: '0', value: 0 },
        ...Object.entries(ETH_P).map(([name, v]) => ({ name: `htons(${name})`, value: htons(v) })),
      ];
    case 'unix':
      return [
        { name: '0', value: 0 },
        { name: 'PF_UNIX', value: AF.AF_UNIX },
      ];
    case 'vsock':
      return [
        { name: '0', value: 0 },
        { name: 'PF_VSOCK', value: AF.AF_VSOCK },
      ];
    default:
      return [{ name: '0', value: 0 }];
  }
}

/**
 * A protocol for `domain`: a number, or a name from the domain's namespace. Packet sockets
 * take the ethertype in network order: `ETH_P_ALL` and `htons(ETH_P_ALL)` both give 0x0300.
 */
export function parseProtocol(domain: number, input: string | number): ParseResult {
  if (typeof input === 'number') return numberInput('protocol', input);
  const t = normalizeInput(input).trim();
  const n = parseIntLiteral(t);
  if (n !== null) return { ok: true, value: n, name: String(n) };
  const htonsM = /^htons\s*\(\s*(.+?)\s*\)$/i.exec(t);
  const inner = (htonsM ? htonsM[1]! : t).toUpperCase();
  if (htonsM) {
    const v = parseIntLiteral(inner);
    if (v !== null && v >= 0 && v <= 0xffff) return { ok: true, value: htons(v), name: `htons(${inner})` };
  }
  const ns = protocolNamespace(domain);
  const lookup = (table: Readonly<Record<string, number>>) =>
    Object.keys(table).find((k) => k.toUpperCase() === inner);
  if (ns === 'ethertype') {
    const k = lookup(ETH_P);
    if (k) return { ok: true, value: htons(ETH_P[k as keyof typeof ETH_P]), name: `htons(${k})` };
  } else if (!htonsM) {
    if (ns === 'ipproto') {
      const k = lookup(IPPROTO);
      if (k) return { ok: true, value: IPPROTO[k as keyof typeof IPPROTO], name: k };
    } else if (ns === 'netlink') {
      const k = lookup(NETLINK) ?? lookup(NETLINK_ALIASES);
      if (k) return { ok: true, value: NETLINK[k as keyof typeof NETLINK] ?? NETLINK_ALIASES[k]!, name: k };
    } else if (ns === 'unix' && /^[AP]F_(UNIX|LOCAL)$/.test(inner)) {
      return { ok: true, value: AF.AF_UNIX, name: 'PF_UNIX' };
    } else if (ns === 'vsock' && /^[AP]F_VSOCK$/.test(inner)) {
      return { ok: true, value: AF.AF_VSOCK, name: 'PF_VSOCK' };
    }
  }
  return err('protocol', normalizeInput(input), msg(M.notProtocol, { input: clip(t), ns }));
}

export interface ParsedCall {
  ok: true;
  family: number;
  type: number;
  protocol: number;
  names: { family: string; type: string; protocol: string };
}

/** All three arguments at once; the first error wins. */
export function parseSocketCall(
  domain: string | number,
  type: string | number,
  protocol: string | number,
): ParsedCall | ParseError {
  const d = parseDomain(domain);
  if (!d.ok) return d;
  const t = parseType(type);
  if (!t.ok) return t;
  const p = parseProtocol(d.value, protocol);
  if (!p.ok) return p;
  return {
    ok: true,
    family: d.value,
    type: t.value,
    protocol: p.value,
    names: { family: d.name, type: t.name, protocol: p.name },
  };
}
