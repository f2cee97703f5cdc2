/**
 * The send language: what `sockscope fragment`/`trace` take as flags, the Fragmentation lab as URL
 * parameters and form fields — `len, mtu, family, sock, proto, pmtu, opts, sends, iov, sg, sndbuf,
 * sndbufcheck, df` — each once, with the core's limits (LIMITS in core/ip/validate.ts: up to 256
 * MSG_MORE sends and 1,024 iovecs; the lab once allowed only 64 sends, the core's number won).
 * Rules between parameters (an IPv6 MTU of at least 1,280, IP_HDRINCL never corked…) stay
 * validateSendInput's; their issues come back under the parameter that shows them.
 */
import { normalizeInput } from '../i18n/input.ts';
// From their modules, not core/ip's index: a page that imports these (every lab's form) would
// otherwise reach the whole of core/ip, and its catalog part every message of it (issue 17).
import { parseOptionsHex } from '../ip/options.ts';
import { DEFAULT_SEND_INPUT, PMTU_MODES } from '../ip/types.ts';
import type { Family, InputIssue, PmtuMode, SendInput, SockKind } from '../ip/types.ts';
import { LIMITS, validateSendInput } from '../ip/validate.ts';
import { bit, echo, keyword, notText, paramIssue, whole, wholeList } from './param.ts';
import type { Param, ParamIssue, ParamName } from './param.ts';

export const FAMILIES: readonly Family[] = ['inet', 'inet6'];
export const SOCK_KINDS: readonly SockKind[] = ['udp', 'raw', 'raw-hdrincl'];

const lenItem = { min: 0, max: LIMITS.lenMax };

/** setsockopt(IP_OPTIONS) bytes as hex (core/ip's parseOptionsHex: at most 40 bytes). */
const optsParam: Param<number[]> = {
  key: 'opts',
  label: 'IPv4 options',
  default: [],
  limits: { maxItems: LIMITS.optionsMax },
  format: (b) => b.map((x) => x.toString(16).padStart(2, '0')).join(''),
  parse(text, name = 'IPv4 options') {
    const bad = notText('opts', text, name);
    if (bad) return { ok: false, issue: bad };
    text = normalizeInput(text);
    if (text.trim() === '') return { ok: true, value: [] };
    const o = parseOptionsHex(text);
    return o.ok
      ? { ok: true, value: o.bytes }
      : // The sentence is the core's, in the reader's language (msg) and in English (why).
        {
          ok: false,
          issue: { ...paramIssue('opts', 'rule', { why: o.why, value: echo(text) }, name), msg: o.msg },
        };
  },
};

export const SEND_PARAMS = {
  len: whole('len', 'Payload length', { ...lenItem, unit: 'bytes' }, 4000),
  sends: wholeList(
    'sends',
    'MSG_MORE sends',
    { ...lenItem, maxItems: LIMITS.sendsMax, example: '1000,1000' },
    [1000, 1000],
  ),
  iov: wholeList('iov', 'iovec', { ...lenItem, maxItems: LIMITS.iovMax, example: '500,500' }, [500, 500]),
  mtu: whole('mtu', 'MTU', { min: 0, max: LIMITS.mtuMax, unit: 'bytes' }, DEFAULT_SEND_INPUT.mtu),
  family: keyword('family', 'Family', FAMILIES, DEFAULT_SEND_INPUT.family),
  sock: keyword('sock', 'Socket', SOCK_KINDS, DEFAULT_SEND_INPUT.sock),
  proto: whole('proto', 'Raw protocol', { min: 0, max: 255 }, DEFAULT_SEND_INPUT.protocol),
  pmtu: keyword<PmtuMode>('pmtu', 'PMTU mode', PMTU_MODES, DEFAULT_SEND_INPUT.pmtu),
  opts: optsParam,
  sg: bit('sg', 'Scatter-gather', DEFAULT_SEND_INPUT.sg),
  sndbuf: whole(
    'sndbuf',
    'sk_sndbuf',
    { min: 0, max: LIMITS.sndbufMax, unit: 'bytes' },
    DEFAULT_SEND_INPUT.sndbuf,
  ),
  sndbufcheck: bit('sndbufcheck', 'Send-buffer check', DEFAULT_SEND_INPUT.sndbufCheck),
  df: bit('df', 'DF', DEFAULT_SEND_INPUT.df),
} as const;

export type SendKey = keyof typeof SEND_PARAMS;
export const SEND_KEYS = Object.keys(SEND_PARAMS) as SendKey[];

/** Parameter texts as given (a missing key keeps the core's default). */
export type SendTexts = Partial<Record<SendKey, string>>;

export type SendFromTexts = { ok: true; input: SendInput } | { ok: false; issues: ParamIssue[] };

/** The key under which a core InputIssue is shown, given which payload key the texts used. */
function keyOfInputIssue(i: InputIssue, payload: 'len' | 'sends' | 'iov'): SendKey {
  switch (i.field) {
    case 'len':
    case 'sends':
      return payload === 'iov' ? 'sends' : payload;
    case 'options':
      return 'opts';
    case 'protocol':
      return 'proto';
    case 'sndbufCheck':
      return 'sndbufcheck';
    default:
      return i.field as SendKey;
  }
}

/**
 * Parse the given texts into a SendInput and ask validateSendInput whether the model takes it.
 * `len` is one sendto(); `sends` (which wins over `len`) MSG_MORE sendto()s; `iov` one sendmsg().
 * Which texts apply is the caller's to say (the lab leaves out `proto` unless the socket is raw).
 * `name` says how a message calls a parameter (default: its label).
 */
export function sendInputFromTexts(
  t: SendTexts,
  name: (k: SendKey) => ParamName = (k) => SEND_PARAMS[k].label,
): SendFromTexts {
  const issues: ParamIssue[] = [];
  const input: SendInput = { ...DEFAULT_SEND_INPUT };
  const take = <T>(k: SendKey, apply: (v: T) => void) => {
    const text = t[k];
    if (text === undefined) return;
    const r = (SEND_PARAMS[k] as Param<unknown>).parse(text, name(k));
    if (r.ok) apply(r.value as T);
    else issues.push(r.issue);
  };
  take<Family>('family', (v) => (input.family = v));
  take<SockKind>('sock', (v) => (input.sock = v));
  take<PmtuMode>('pmtu', (v) => (input.pmtu = v));
  take<number>('mtu', (v) => (input.mtu = v));
  take<number>('proto', (v) => (input.protocol = v));
  take<number[]>('opts', (v) => (input.options = v));
  take<number>('sndbuf', (v) => (input.sndbuf = v));
  take<boolean>('sg', (v) => (input.sg = v));
  take<boolean>('sndbufcheck', (v) => (input.sndbufCheck = v));
  take<boolean>('df', (v) => (input.df = v));
  take<number>('len', (v) => (input.sends = [v]));
  take<number[]>('sends', (v) => (input.sends = v));
  take<number[]>('iov', (v) => {
    input.iov = v;
    if (t.len === undefined && t.sends === undefined) input.sends = [v.reduce((a, b) => a + b, 0)];
  });
  if (issues.length > 0) return { ok: false, issues };
  const payload = t.iov !== undefined ? 'iov' : t.sends !== undefined ? 'sends' : 'len';
  const rules = validateSendInput(input).map((i) => {
    const key = i.field === 'iov' ? 'iov' : keyOfInputIssue(i, payload);
    return { ...paramIssue(key, 'rule', { why: i.message }, name(key)), msg: i.msg };
  });
  return rules.length > 0 ? { ok: false, issues: rules } : { ok: true, input };
}
