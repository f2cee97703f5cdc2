/**
 * The sk_buff lab's state as a hash query:
 * `#/skb?ops=reserve:32,put:100,push:8,push:20` (the core's op syntax, `op:BYTES[:kind]`), plus
 * `alloc=` (the alloc_skb size, when it is not the core's default of 1,024; an `alloc:N` first op
 * is accepted too), `step=` (counting from 1 like the step list; omitted on the last step), or
 * `preset=fragmented` (the Fragmentation lab's trace, replayed) with its `step=`.
 *
 * Parsing never throws: a parameter that does not parse becomes an issue and `null`, so the store
 * keeps its last good state for it.
 */
import { formatSkbOps, parseSkbOps } from '../../../core/skb/index.ts';
import type { RegionKind, SkbOp } from '../../../core/skb/index.ts';
import { echo } from '../../../core/params/param.ts';
import { defineMessages, msg, renderText } from '../../../core/i18n/index.ts';
import type { Msg } from '../../../core/i18n/index.ts';
import { encodeQuery, parseStep } from '../../lab-kit/index.ts';
import type { Issue } from '../../lab-kit/index.ts';

/** The size alloc_skb gets when the sequence does not say (runSkbOps assumes it too). */
export const DEFAULT_ALLOC = 1024;
/** The largest byte count the core takes (applySkbOp refuses more). */
export const MAX_BYTES = 1 << 20;

export const REGION_KINDS: readonly RegionKind[] = ['eth', 'ip', 'ipopt', 'ip6', 'frag6', 'udp', 'payload'];

/** The replays of a kernel trace the lab offers besides the user's own sequence. */
export type SkbReplay = 'fragmented';
export const SKB_REPLAYS: readonly SkbReplay[] = ['fragmented'];

/** Issues of the lab's URL: `ops`, `alloc`, `step`, `preset` (or a parameter it does not have). */
export type SkbIssue = Issue;

export const SKB_KEYS: readonly string[] = ['ops', 'alloc', 'step', 'preset'];

export interface SkbUrlState {
  /** null: the parameter was bad, keep the current size. */
  alloc: number | null;
  /** null: the parameter was bad, keep the current sequence. */
  ops: SkbOp[] | null;
  /** 0-based; null: not given (the last step of a sequence, the first of a replay). */
  step: number | null;
  replay: SkbReplay | null;
  issues: SkbIssue[];
}

export type ParsedSequence = { ok: true; alloc: number | null; ops: SkbOp[] } | { ok: false; why: Msg };

const M = defineMessages({
  badKind: {
    id: 'lab.skb.sequence.badKind',
    defaultMessage: '“{kind}” is not a region kind: use {kinds} (e.g. <code>push:20:ip</code>)',
  },
  presetUnknown: {
    id: 'lab.skb.issue.presetUnknown',
    defaultMessage: '{param}={value} is not a replay the lab knows (try {example}); showing your own buffer.',
  },
  opsKept: { id: 'lab.skb.issue.opsKept', defaultMessage: '{why}. Keeping the last good sequence.' },
  allocBad: {
    id: 'lab.skb.issue.allocBad',
    defaultMessage:
      '{param}={value} is not a buffer size: use a whole number of bytes from 0 to {max}. Keeping the last good buffer.',
    description: 'max: the largest size, written with its thousands separator (2,048).',
  },
  allocTooBig: {
    id: 'lab.skb.sequence.allocTooBig',
    defaultMessage: '<code>alloc:{n}</code> is over the {max} bytes the lab takes',
  },
});

/**
 * Parse the op list as typed in the URL or the sequence box: the core's syntax, with region kinds
 * checked against the ones the panels can draw, and an optional `alloc:N` first op split off.
 */
export function parseSequence(text: string): ParsedSequence {
  const p = parseSkbOps(text);
  if (!p.ok) return { ok: false, why: p.why };
  const bad = p.ops.find((o) => o.kind !== undefined && !REGION_KINDS.includes(o.kind));
  if (bad)
    return {
      ok: false,
      why: msg(M.badKind, { kind: echo(String(bad.kind)), kinds: REGION_KINDS.join(', ') }),
    };
  const [first, ...rest] = p.ops;
  if (first?.op === 'alloc') {
    if (first.n > MAX_BYTES) return { ok: false, why: msg(M.allocTooBig, { n: first.n, max: MAX_BYTES }) };
    return { ok: true, alloc: first.n, ops: rest };
  }
  return { ok: true, alloc: null, ops: p.ops };
}

/** `alloc=`: a size, or the issue (the English and the message say the same). */
function parseAlloc(text: string): number | SkbIssue {
  const t = text.trim();
  if (!/^\d+$/.test(t) || Number(t) > MAX_BYTES) {
    const m = msg(M.allocBad, { param: 'alloc', value: echo(text), max: MAX_BYTES.toLocaleString('en-US') });
    return { field: 'alloc', message: renderText(m, 'en'), msg: m };
  }
  return Number(t);
}

/** Parse the query part of `#/skb?...` (without the `?`). */
export function parseSkbQuery(query: string): SkbUrlState {
  const q = new URLSearchParams(query);
  const issues: SkbIssue[] = [];
  let replay: SkbReplay | null = null;
  let alloc: number | null = null;
  let ops: SkbOp[] | null = null;

  const preset = q.get('preset');
  if (preset !== null) {
    const r = SKB_REPLAYS.find((x) => x === preset.trim());
    if (r) replay = r;
    else
      issues.push({
        field: 'preset',
        message: `preset=${echo(preset)} is not a replay the lab knows (try preset=fragmented); showing your own buffer.`,
        msg: msg(M.presetUnknown, { param: 'preset', value: echo(preset), example: 'preset=fragmented' }),
      });
  }

  const allocText = q.get('alloc');
  if (allocText !== null) {
    const a = parseAlloc(allocText);
    if (typeof a === 'number') alloc = a;
    else issues.push(a);
  }

  const opsText = q.get('ops');
  if (opsText !== null) {
    const p = parseSequence(opsText);
    if (!p.ok) {
      issues.push({
        field: 'ops',
        message: `${renderText(p.why, 'en')}. Keeping the last good sequence.`,
        msg: msg(M.opsKept, { why: p.why }),
      });
      alloc = null;
    } else if (issues.some((i) => i.field === 'alloc')) {
      // The size was bad: do not run the sequence on a buffer it was not written for.
    } else {
      ops = p.ops;
      // `alloc:N` as the first op; an explicit alloc= wins.
      if (alloc === null) alloc = p.alloc ?? DEFAULT_ALLOC;
    }
  } else if (alloc !== null) ops = [];

  const st = parseStep(q, replay ? 'the first step' : 'the last step');
  return { alloc, ops, step: st.step, replay, issues: [...issues, ...st.issues] };
}

/** The canonical query. `lastStep` is the index of the sequence's last step (the default one). */
export function serialiseSkbQuery(s: {
  alloc: number;
  ops: readonly SkbOp[];
  step: number;
  replay: SkbReplay | null;
  lastStep: number;
}): string {
  if (s.replay) return `preset=${s.replay}${s.step > 0 ? `&step=${s.step + 1}` : ''}`;
  const parts: [string, string][] = [];
  if (s.alloc !== DEFAULT_ALLOC) parts.push(['alloc', String(s.alloc)]);
  parts.push(['ops', formatSkbOps(s.ops)]);
  if (s.step !== s.lastStep) parts.push(['step', String(s.step + 1)]);
  // Commas and colons stay readable: both are legal in a URL fragment.
  return encodeQuery(parts, ',:');
}
