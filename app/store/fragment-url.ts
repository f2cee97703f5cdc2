/**
 * The Fragmentation lab's state as a hash query:
 * `#/fragment?len=4000&mtu=1500&family=inet&sock=udp&pmtu=want` plus `opts=` (hex), `sends=1000,1000`
 * (MSG_MORE sends) or `iov=500,500` (one sendmsg), `proto=`, `sg=0|1`, `sndbuf=`, `sndbufcheck=0|1`,
 * `df=0|1` and `step=`. Values are kept as typed, so a bad one reaches the form and is reported there.
 */
import { DEFAULT_FIELDS } from './fragment-fields.ts';
import type { FieldIssue, FragmentFields } from './fragment-fields.ts';

export interface FragmentUrlState {
  fields: FragmentFields;
  step: number;
  /** Problems with parameters that have no form field of their own (step). */
  issues: FieldIssue[];
}

/** Parse the query part of `#/fragment?...` (without the `?`). Missing parameters take defaults. */
export function parseFragmentQuery(query: string): FragmentUrlState {
  const q = new URLSearchParams(query);
  const fields: FragmentFields = { ...DEFAULT_FIELDS };
  const issues: FieldIssue[] = [];
  const take = (k: keyof FragmentFields, param: string = k) => {
    const v = q.get(param);
    if (v !== null) fields[k as Exclude<keyof FragmentFields, 'mode'>] = v;
  };
  if (q.has('iov')) fields.mode = 'iov';
  else if (q.has('sends')) fields.mode = 'sends';
  else fields.mode = 'len';
  for (const k of [
    'len',
    'sends',
    'iov',
    'mtu',
    'family',
    'sock',
    'proto',
    'pmtu',
    'opts',
    'sg',
    'sndbuf',
    'sndbufcheck',
    'df',
  ] as const)
    take(k);
  let step = 0;
  const s = q.get('step');
  if (s !== null) {
    // step= counts as the step list does, from 1; the store keeps a 0-based index.
    if (/^\d+$/.test(s.trim()) && Number(s.trim()) >= 1) step = Number(s.trim()) - 1;
    else
      issues.push({
        field: 'step',
        message: `step=${s} is not a step number (they count from 1); showing the first step.`,
      });
  }
  return { fields, step, issues };
}

/** Serialise to a canonical query: the payload parameter of the mode, the four always-shown ones, then non-defaults. */
export function serialiseFragmentQuery(fields: FragmentFields, step: number): string {
  const parts: [string, string][] = [];
  parts.push([fields.mode, fields[fields.mode]]);
  parts.push(['mtu', fields.mtu], ['family', fields.family], ['sock', fields.sock]);
  if (fields.sock === 'raw' && fields.proto !== DEFAULT_FIELDS.proto) parts.push(['proto', fields.proto]);
  parts.push(['pmtu', fields.pmtu]);
  if (fields.opts !== '') parts.push(['opts', fields.opts]);
  if (fields.sg !== DEFAULT_FIELDS.sg) parts.push(['sg', fields.sg]);
  if (fields.sndbuf !== DEFAULT_FIELDS.sndbuf) parts.push(['sndbuf', fields.sndbuf]);
  if (fields.sndbufcheck !== DEFAULT_FIELDS.sndbufcheck) parts.push(['sndbufcheck', fields.sndbufcheck]);
  if (fields.sock === 'raw-hdrincl' && fields.df !== DEFAULT_FIELDS.df) parts.push(['df', fields.df]);
  if (step > 0) parts.push(['step', String(step + 1)]);
  // Commas stay readable in list parameters (sends=1000,1000): they are legal in a fragment.
  return parts.map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2C/gi, ',')}`).join('&');
}

/** The fields a canonical URL keeps (parameters of the other payload modes and of other socket kinds drop out). */
export function canonicalFields(fields: FragmentFields): FragmentFields {
  const out = { ...DEFAULT_FIELDS, mode: fields.mode };
  out[fields.mode] = fields[fields.mode];
  Object.assign(out, {
    mtu: fields.mtu,
    family: fields.family,
    sock: fields.sock,
    pmtu: fields.pmtu,
    opts: fields.opts,
    sg: fields.sg,
    sndbuf: fields.sndbuf,
    sndbufcheck: fields.sndbufcheck,
  });
  if (fields.sock === 'raw') out.proto = fields.proto;
  if (fields.sock === 'raw-hdrincl') out.df = fields.df;
  return out;
}
