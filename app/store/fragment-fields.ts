/**
 * The Fragmentation lab's form as the student typed it (strings, so an invalid value can be shown,
 * shared in a URL and corrected), and its translation into the core's SendInput. This is input
 * parsing only: every kernel rule (MTU limits per family, option syntax, EMSGSIZE…) is the core's.
 */
import { DEFAULT_SEND_INPUT, PMTU_MODES, parseOptionsHex, validateSendInput } from '../../core/ip/index.ts';
import type { Family, InputIssue, PmtuMode, SendInput, SockKind } from '../../core/ip/index.ts';

/** How the payload is handed to the kernel: one sendto(), sendto()s glued by MSG_MORE, or one sendmsg() with an iovec. */
export type PayloadMode = 'len' | 'sends' | 'iov';

export interface FragmentFields {
  mode: PayloadMode;
  len: string;
  sends: string;
  iov: string;
  mtu: string;
  family: string;
  sock: string;
  proto: string;
  pmtu: string;
  opts: string;
  /** '1' or '0' (checkboxes keep the URL's spelling so a bad value can be reported). */
  sg: string;
  sndbuf: string;
  sndbufcheck: string;
  df: string;
}

export type FieldName = keyof FragmentFields;

export interface FieldIssue {
  field: FieldName | 'step';
  message: string;
}

export const FAMILIES: readonly Family[] = ['inet', 'inet6'];
export const SOCK_KINDS: readonly SockKind[] = ['udp', 'raw', 'raw-hdrincl'];

export const DEFAULT_FIELDS: FragmentFields = {
  mode: 'len',
  len: String(DEFAULT_SEND_INPUT.sends.reduce((a, b) => a + b, 0)),
  sends: '1000,1000',
  iov: '500,500',
  mtu: String(DEFAULT_SEND_INPUT.mtu),
  family: DEFAULT_SEND_INPUT.family,
  sock: DEFAULT_SEND_INPUT.sock,
  proto: String(DEFAULT_SEND_INPUT.protocol),
  pmtu: DEFAULT_SEND_INPUT.pmtu,
  opts: '',
  sg: DEFAULT_SEND_INPUT.sg ? '1' : '0',
  sndbuf: String(DEFAULT_SEND_INPUT.sndbuf),
  sndbufcheck: DEFAULT_SEND_INPUT.sndbufCheck ? '1' : '0',
  df: DEFAULT_SEND_INPUT.df ? '1' : '0',
};

const MAX_LEN = 65535;

function parseCount(text: string, what: string, max: number): number | string {
  const t = text.trim();
  if (t === '') return `Enter ${what}.`;
  if (!/^\d+$/.test(t)) return `${what[0]?.toUpperCase()}${what.slice(1)} must be a whole number of bytes.`;
  const n = Number(t);
  if (n > max) return `${what[0]?.toUpperCase()}${what.slice(1)} must be 0..${max.toLocaleString('en-US')}.`;
  return n;
}

function parseList(text: string, what: string): number[] | string {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p, i, all) => p !== '' || all.length === 1);
  if (parts.length === 0 || (parts.length === 1 && parts[0] === ''))
    return `Enter ${what} as byte counts separated by commas, e.g. 1000,1000.`;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^\d+$/.test(p)) return `“${p}” is not a byte count: use whole numbers separated by commas.`;
    const n = Number(p);
    if (n > MAX_LEN) return `Each of the ${what} must be 0..65,535 bytes.`;
    out.push(n);
  }
  if (out.length > 64) return `At most 64 ${what}.`;
  return out;
}

function parseFlag(text: string, field: FieldName, label: string, issues: FieldIssue[]): boolean {
  if (text === '1') return true;
  if (text === '0') return false;
  issues.push({ field, message: `${label} must be 0 or 1.` });
  return DEFAULT_FIELDS[field] === '1';
}

/** Map a core InputIssue onto the form field that shows it. */
export function fieldOfCoreIssue(issue: InputIssue, mode: PayloadMode): FieldName {
  switch (issue.field) {
    case 'len':
    case 'sends':
      return mode;
    case 'iov':
      return 'iov';
    case 'options':
      return 'opts';
    case 'protocol':
      return 'proto';
    case 'sndbufCheck':
      return 'sndbufcheck';
    default:
      return issue.field;
  }
}

export type FieldsToInput = { ok: true; input: SendInput } | { ok: false; issues: FieldIssue[] };

/** Parse the form; when it parses, ask the core whether it can take the input. */
export function fieldsToInput(f: FragmentFields): FieldsToInput {
  const issues: FieldIssue[] = [];

  const family = FAMILIES.find((x) => x === f.family);
  if (!family) issues.push({ field: 'family', message: 'Family must be inet (IPv4) or inet6 (IPv6).' });
  const sock = SOCK_KINDS.find((x) => x === f.sock);
  if (!sock) issues.push({ field: 'sock', message: 'Socket kind must be udp, raw or raw-hdrincl.' });
  const pmtu = PMTU_MODES.find((x) => x === f.pmtu) as PmtuMode | undefined;
  if (!pmtu) issues.push({ field: 'pmtu', message: `PMTU mode must be one of ${PMTU_MODES.join(', ')}.` });

  let sends: number[] = DEFAULT_SEND_INPUT.sends;
  let iov: number[] | undefined;
  if (f.mode === 'len') {
    const n = parseCount(f.len, 'the payload length', MAX_LEN);
    if (typeof n === 'string') issues.push({ field: 'len', message: n });
    else sends = [n];
  } else if (f.mode === 'sends') {
    const l = parseList(f.sends, 'sends');
    if (typeof l === 'string') issues.push({ field: 'sends', message: l });
    else sends = l;
  } else {
    const l = parseList(f.iov, 'iovec entries');
    if (typeof l === 'string') issues.push({ field: 'iov', message: l });
    else {
      iov = l;
      sends = [l.reduce((a, b) => a + b, 0)];
    }
  }

  const mtuText = f.mtu.trim();
  let mtu = DEFAULT_SEND_INPUT.mtu;
  if (!/^\d+$/.test(mtuText)) issues.push({ field: 'mtu', message: 'MTU must be a whole number of bytes.' });
  else mtu = Number(mtuText);

  let protocol = DEFAULT_SEND_INPUT.protocol;
  if (sock === 'raw') {
    const p = f.proto.trim();
    if (!/^\d+$/.test(p) || Number(p) > 255)
      issues.push({
        field: 'proto',
        message: 'Protocol must be a number 0..255 (the IP header’s protocol byte).',
      });
    else protocol = Number(p);
  }

  let options: number[] = [];
  if (family !== 'inet6' && f.opts.trim() !== '') {
    const o = parseOptionsHex(f.opts);
    if (!o.ok) issues.push({ field: 'opts', message: `IP options: ${o.why}.` });
    else options = o.bytes;
  }

  let sndbuf = DEFAULT_SEND_INPUT.sndbuf;
  const sb = f.sndbuf.trim();
  if (!/^\d+$/.test(sb) || Number(sb) > 2 ** 31 - 1)
    issues.push({ field: 'sndbuf', message: 'sk_sndbuf must be a whole number of bytes.' });
  else sndbuf = Number(sb);

  const sg = parseFlag(f.sg, 'sg', 'Scatter-gather', issues);
  const sndbufCheck = parseFlag(f.sndbufcheck, 'sndbufcheck', 'The send-buffer check', issues);
  const df = parseFlag(f.df, 'df', 'DF', issues);

  if (issues.length > 0 || !family || !sock || !pmtu) return { ok: false, issues };

  const input: SendInput = {
    family,
    sock,
    protocol,
    mtu,
    pmtu,
    sends,
    options,
    sg,
    sndbuf,
    sndbufCheck,
    df: sock === 'raw-hdrincl' ? df : false,
  };
  if (iov) input.iov = iov;

  const core = validateSendInput(input).map((i) => ({
    field: fieldOfCoreIssue(i, f.mode),
    message: i.message,
  }));
  if (core.length > 0) return { ok: false, issues: core };
  return { ok: true, input };
}
