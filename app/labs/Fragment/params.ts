/**
 * The Fragmentation lab's inputs: the form as typed (strings, so a bad value can be shown, shared in
 * a URL and corrected), parsed by the core's send table (core/params/send.ts, which the CLI uses
 * too), and its URL:
 *
 *   #/fragment?len=4000&mtu=1500&family=inet&sock=udp&pmtu=want
 *
 * plus `opts=` (hex), `sends=1000,1000` (MSG_MORE sends) or `iov=500,500` (one sendmsg), `proto=`,
 * `sg=0|1`, `sndbuf=`, `sndbufcheck=0|1`, `df=0|1` and `step=` (from 1). Values are kept as typed,
 * so a bad one reaches the form and is reported there.
 */
import type { SendInput } from '../../../core/ip/index.ts';
import { defaultText } from '../../../core/params/param.ts';
import { SEND_KEYS, SEND_PARAMS, sendInputFromTexts } from '../../../core/params/send.ts';
import type { Param } from '../../../core/params/param.ts';
import type { SendKey, SendTexts } from '../../../core/params/send.ts';
import { encodeQuery, parseStep } from '../../lab-kit/index.ts';
import type { Issue, Parsed } from '../../lab-kit/index.ts';
import { LIMITS } from '../../../core/ip/validate.ts';
import { echo } from '../../../core/params/param.ts';
import { defineMessages, msg, renderText } from '../../../core/i18n/index.ts';

const PM = defineMessages({
  mtu: {
    id: 'lab.fragment.issue.mtu',
    defaultMessage:
      'MTU must be a whole number from {min} to {max} for {family} ({family, select, IPv6 {<code>IPV6_MIN_MTU</code> is 1,280} other {<code>ip link</code> refuses an IPv4 MTU below 68, <code>IPV4_MIN_MTU</code>}}); got “{value}”.',
    description: 'The one MTU message, with the range the MTU field’s hint gives; min, max with separators.',
  },
});

/**
 * The MTU's one message, its range the hint's (68 or 1,280 to 65,536 by family): the send table
 * (0 to 65,536) and validateSendInput's rule (68 to 65,536) each said a different range.
 */
function mtuIssue(f: FragmentFields): Issue {
  const v6 = f.family === 'inet6';
  const values = {
    min: (v6 ? LIMITS.mtuMin6 : LIMITS.mtuMin4).toLocaleString('en-US'),
    max: LIMITS.mtuMax.toLocaleString('en-US'),
    family: v6 ? 'IPv6' : 'IPv4',
    value: echo(f.mtu.trim()),
  };
  const m = msg(PM.mtu, values);
  return { field: 'mtu', message: renderText(m, 'en'), msg: m };
}

/** How the payload is handed to the kernel: one sendto(), sendto()s glued by MSG_MORE, or one sendmsg() with an iovec. */
export type PayloadMode = 'len' | 'sends' | 'iov';
export const PAYLOAD_MODES: readonly PayloadMode[] = ['len', 'sends', 'iov'];

export type FragmentFields = { mode: PayloadMode } & Record<SendKey, string>;
export type FieldName = keyof FragmentFields;

export const DEFAULT_FIELDS: FragmentFields = {
  mode: 'len',
  ...(Object.fromEntries(SEND_KEYS.map((k) => [k, defaultText(SEND_PARAMS[k] as Param<unknown>)])) as Record<
    SendKey,
    string
  >),
};

/** The texts the form's state sends to the core: the payload of its mode, and only what applies. */
export function textsOf(f: FragmentFields): SendTexts {
  const t: SendTexts = {
    [f.mode]: f[f.mode],
    mtu: f.mtu,
    family: f.family,
    sock: f.sock,
    pmtu: f.pmtu,
    sg: f.sg,
    sndbuf: f.sndbuf,
    sndbufcheck: f.sndbufcheck,
  };
  if (f.sock === 'raw') t.proto = f.proto;
  // IPv6 carries options in extension headers: the field is disabled, its text ignored.
  if (f.family !== 'inet6') t.opts = f.opts;
  if (f.sock === 'raw-hdrincl') t.df = f.df;
  return t;
}

/** Parse the form with the core's send table; its issues are the form's, field by field. */
export function fieldsToInput(f: FragmentFields): Parsed<SendInput> {
  const r = sendInputFromTexts(textsOf(f));
  return r.ok
    ? r
    : {
        ok: false,
        issues: r.issues.map((i) =>
          i.key === 'mtu' ? mtuIssue(f) : { field: i.key, message: i.message, msg: i.msg },
        ),
      };
}

export const FRAGMENT_KEYS: readonly string[] = [...SEND_KEYS, 'step'];

export interface FragmentUrlState {
  fields: FragmentFields;
  step: number;
  /** Problems with parameters that have no form field of their own (step). */
  issues: Issue[];
}

/** Parse the query part of `#/fragment?...` (without the `?`). Missing parameters take defaults. */
export function parseFragmentQuery(query: string): FragmentUrlState {
  const q = new URLSearchParams(query);
  const fields: FragmentFields = { ...DEFAULT_FIELDS };
  fields.mode = q.has('iov') ? 'iov' : q.has('sends') ? 'sends' : 'len';
  for (const k of SEND_KEYS) {
    const v = q.get(k);
    if (v !== null) fields[k] = v;
  }
  const { step, issues } = parseStep(q, 'the first step');
  return { fields, step: step ?? 0, issues };
}

/** Serialise to a canonical query: the payload parameter of the mode, the four always-shown ones, then non-defaults. */
export function serialiseFragmentQuery(fields: FragmentFields, step: number): string {
  const d = DEFAULT_FIELDS;
  const parts: [string, string][] = [[fields.mode, fields[fields.mode]]];
  parts.push(['mtu', fields.mtu], ['family', fields.family], ['sock', fields.sock]);
  if (fields.sock === 'raw' && fields.proto !== d.proto) parts.push(['proto', fields.proto]);
  parts.push(['pmtu', fields.pmtu]);
  if (fields.opts !== '') parts.push(['opts', fields.opts]);
  if (fields.sg !== d.sg) parts.push(['sg', fields.sg]);
  if (fields.sndbuf !== d.sndbuf) parts.push(['sndbuf', fields.sndbuf]);
  if (fields.sndbufcheck !== d.sndbufcheck) parts.push(['sndbufcheck', fields.sndbufcheck]);
  if (fields.sock === 'raw-hdrincl' && fields.df !== d.df) parts.push(['df', fields.df]);
  if (step > 0) parts.push(['step', String(step + 1)]);
  return encodeQuery(parts);
}

/** The fields a canonical URL keeps (parameters of the other payload modes and of other socket kinds drop out). */
export function canonicalFields(fields: FragmentFields): FragmentFields {
  const out: FragmentFields = { ...DEFAULT_FIELDS, mode: fields.mode };
  out[fields.mode] = fields[fields.mode];
  for (const k of ['mtu', 'family', 'sock', 'pmtu', 'opts', 'sg', 'sndbuf', 'sndbufcheck'] as const)
    out[k] = fields[k];
  if (fields.sock === 'raw') out.proto = fields.proto;
  if (fields.sock === 'raw-hdrincl') out.df = fields.df;
  return out;
}
