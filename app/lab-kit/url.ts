/**
 * The URL contract every lab keeps, in one place. The hash is `#/<lab>?<query>`; each lab declares
 * the parameters its query carries (`params.keys`), how to read a query into its store and how to
 * write the canonical query of its state. The kit adds what every lab needs alike:
 *
 * - reading never throws: a lab's reader that throws becomes an issue, not a blank page;
 * - a parameter the lab does not have is named in the banner (`#/fragment?len=4000&foo=1`), never
 *   dropped silently; page parameters (`embed=1`, `lang=zh-CN`) are kept as they are;
 * - `step=N` counts from 1 for every lab (parseStep);
 * - serialise∘parse is a fixed point: writing what was read and reading it again changes nothing
 *   (property-tested for every lab in labs/url-contract.test.ts).
 */
import { echo } from '../../core/params/param.ts';
import { pairsOf } from './href.ts';
import { STEP_FIELD, URL_FIELD } from './issues.ts';
import type { Issue } from './issues.ts';
import { KIT_WORDS, kitMsg } from './words.ts';
import type { MsgValue } from '../../core/i18n/index.ts';

export interface HashLocation {
  path: string;
  query: string;
}

/** `#/fragment?len=1` → { path: 'fragment', query: 'len=1' }. */
export function parseHash(hash: string): HashLocation {
  const h = hash.replace(/^#/, '');
  const q = h.indexOf('?');
  const path = (q < 0 ? h : h.slice(0, q)).replace(/^\/+|\/+$/g, '');
  return { path, query: q < 0 ? '' : h.slice(q + 1) };
}

/** Parameters that belong to the page, not to a lab (kept as they are, e.g. `embed=1`). */
export const PAGE_PARAMS: readonly string[] = [
  'embed',
  'lang',
  // Embed views and the host's choices (issue 16, app/lab-kit/view.tsx).
  'view',
  'controls',
  'theme',
  'bg',
  'autoplay',
  'loop',
  // Challenge mode (issue 14, app/lab-kit/challenge): predict, then reveal.
  'challenge',
];

export function pageParams(query: string): string {
  const q = new URLSearchParams(pairsOf(query, PAGE_PARAMS));
  return PAGE_PARAMS.filter((k) => q.has(k))
    .map((k) => `${k}=${encodeURIComponent(q.get(k) ?? '')}`)
    .join('&');
}

export function withoutPageParams(query: string): string {
  if (pairsOf(query, PAGE_PARAMS) === '') return query;
  return query
    .split('&')
    .filter((p) => !PAGE_PARAMS.includes(safeDecode(p.split('=')[0] ?? '')))
    .join('&');
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The most unknown parameters the banner names one by one. */
const MAX_UNKNOWN = 8;

/** Issues naming the parameters of `query` that are not in `keys` (nor page parameters). */
export function unknownParams(query: string, keys: readonly string[]): Issue[] {
  const seen = [...new Set(new URLSearchParams(query).keys())].filter(
    (k) => !keys.includes(k) && !PAGE_PARAMS.includes(k),
  );
  const out: Issue[] = seen.slice(0, MAX_UNKNOWN).map((k) => ({
    field: URL_FIELD,
    param: echo(k),
    message: KIT_WORDS.unknownParam,
    msg: kitMsg.unknownParam(),
  }));
  if (seen.length > MAX_UNKNOWN)
    out.push({
      field: URL_FIELD,
      param: '…',
      message: KIT_WORDS.moreUnknown(seen.length - MAX_UNKNOWN),
      msg: kitMsg.moreUnknown(seen.length - MAX_UNKNOWN),
    });
  return out;
}

/**
 * `step=N` (counting from 1, like every step list) as a 0-based index; null when absent. A value
 * that is not a step number is reported, saying what is shown instead (`fallback`: English text,
 * or a message such as `msg(KIT.firstStep)`).
 */
export function parseStep(q: URLSearchParams, fallback: MsgValue): { step: number | null; issues: Issue[] } {
  const s = q.get('step');
  if (s === null) return { step: null, issues: [] };
  const t = s.trim();
  if (/^\d{1,9}$/.test(t) && Number(t) >= 1) return { step: Number(t) - 1, issues: [] };
  const text = echo(s);
  // A lab that names its fallback as a message (`msg(KIT.firstStep)`) gets the issue as a message
  // too, shown in the page's language; a plain English fallback keeps the English issue.
  const issue: Issue = { field: STEP_FIELD, message: KIT_WORDS.badStep(text, fallback) };
  if (typeof fallback !== 'string') issue.msg = kitMsg.badStep(text, fallback);
  return { step: null, issues: [issue] };
}

/**
 * A canonical query from ordered pairs. `readable` characters stay as they are (`,` in
 * `sends=1000,1000`, `|` in `type=SOCK_STREAM|0x100`, `:` in `frags=0:1480:1`): all are legal in a
 * URL fragment.
 */
export function encodeQuery(parts: readonly (readonly [string, string])[], readable = ','): string {
  const keep = new Map([...readable].map((c) => [encodeURIComponent(c).toLowerCase(), c]));
  return parts
    .map(
      ([k, v]) =>
        `${k}=${encodeURIComponent(v).replace(/%[0-9a-f]{2}/gi, (m) => keep.get(m.toLowerCase()) ?? m)}`,
    )
    .join('&');
}
