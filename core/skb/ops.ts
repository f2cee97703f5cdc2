/**
 * The sk_buff lab's pipeline: a sequence of pointer operations applied to one buffer, as the
 * kernel's inline helpers do them (include/linux/skbuff.h, net/core/skbuff.c). What the
 * kernel would BUG() on (skb_over_panic, skb_under_panic, SKB_LINEAR_ASSERT) is a value with
 * the numbers the panic prints; the buffer stays as it was.
 */
import type { TraceStep } from '../trace/index.ts';
import { defineMessages, msg, type Msg } from '../i18n/index.ts';
import { echo } from '../params/param.ts';
import { skbAllocation } from './alloc.ts';
import {
  allocSkb,
  headlen,
  resetSkbIds,
  skbPull,
  skbPush,
  skbPut,
  skbReserve,
  skbSnapshot,
  skbTrim,
  type SkBuff,
} from './skb.ts';
import type { RegionKind, SkbSnapshot } from './types.ts';

export const SKBUFF_H = 'include/linux/skbuff.h';
export const SKBUFF_C = 'net/core/skbuff.c';

export type SkbOpName = 'alloc' | 'reserve' | 'put' | 'push' | 'pull' | 'trim';
export const SKB_OP_NAMES: readonly SkbOpName[] = ['alloc', 'reserve', 'put', 'push', 'pull', 'trim'];

export interface SkbOp {
  op: SkbOpName;
  /** Byte count (for alloc: the size asked of alloc_skb). */
  n: number;
  /** What the bytes are, for drawing (put/push). */
  kind?: RegionKind;
}

export interface SkbOpOutcome {
  op: SkbOp;
  ok: boolean;
  /**
   * For a refused op: the kernel's reaction (panic name or NULL return), why, and for a panic the
   * line the kernel prints (its own text, never translated).
   */
  error?: {
    kind: 'skb_over_panic' | 'skb_under_panic' | 'SKB_LINEAR_ASSERT' | 'null' | 'warn' | 'invalid';
    message: Msg;
    log?: string;
  };
}

export interface SkbLabSnapshot {
  skb: SkbSnapshot;
  headroom: number;
  tailroom: number;
  headlen: number;
}

export interface SkbRun {
  outcomes: SkbOpOutcome[];
  trace: TraceStep<SkbLabSnapshot, Msg>[];
  /** The buffer after the last op (refused ops leave it unchanged). */
  final: SkbLabSnapshot;
  /** Set when the input itself was refused in part (not a list, over SKB_OPS_MAX). */
  issue?: Msg;
  /**
   * Set when an op hit a kernel BUG (skb_over_panic, skb_under_panic, SKB_LINEAR_ASSERT): the
   * machine is gone, so nothing after it runs. `step` is the trace index of the panic; `notRun`
   * how many ops of the input came after it.
   */
  halted?: { step: number; notRun: number };
}

/** The refusals that are a kernel BUG(): after one of them the kernel is gone. */
export const SKB_BUG_KINDS: ReadonlySet<string> = new Set([
  'skb_over_panic',
  'skb_under_panic',
  'SKB_LINEAR_ASSERT',
]);

/** Whether a refused op is a kernel BUG() (a panic), not a NULL return or a warning. */
export const isSkbBug = (o: SkbOpOutcome | undefined): boolean =>
  o !== undefined && !o.ok && o.error !== undefined && SKB_BUG_KINDS.has(o.error.kind);

/** The most operations one lab sequence runs after alloc_skb: each is a trace step and a drawing. */
export const SKB_OPS_MAX = 256;

const FN: Record<SkbOpName, string> = {
  alloc: 'alloc_skb',
  reserve: 'skb_reserve',
  put: 'skb_put',
  push: 'skb_push',
  pull: 'skb_pull',
  trim: 'skb_trim',
};

const M = defineMessages({
  badCount: {
    id: 'skb.op.badCount',
    defaultMessage: '<code>{fn}</code> takes a byte count from 0 to {max}',
    description: 'A byte count that is not a whole number in range; max is 1,048,576 written out.',
  },
  allocFirst: {
    id: 'skb.op.allocFirst',
    defaultMessage: '<code>alloc_skb</code> starts a buffer; it is the first operation only',
  },
  reserveNotEmpty: {
    id: 'skb.op.reserveNotEmpty',
    defaultMessage:
      '<code>skb_reserve</code> is for an empty buffer (<code>len</code> {len}): the kernel would move <code>data</code> and <code>tail</code> over live bytes',
  },
  reservePastEnd: {
    id: 'skb.op.reservePastEnd',
    defaultMessage:
      '<code>skb_reserve({n})</code> would move <code>data</code> and <code>tail</code> past <code>end</code> ({tail} + {n} > {end}): <code>skb_reserve</code> does not check, so nothing stops it here, and the next <code>skb_put</code> would hit <code>skb_over_panic</code>',
  },
  putNonlinear: {
    id: 'skb.op.putNonlinear',
    defaultMessage:
      '<code>skb_put</code> on a nonlinear skb (<code>data_len</code> {dataLen}): <code>BUG_ON(skb_is_nonlinear(skb))</code>',
  },
  overPanic: {
    id: 'skb.op.overPanic',
    defaultMessage:
      '<code>skb_put({n})</code> moves <code>tail</code> to {tail}, past <code>end</code> {end}: <code>skb_over_panic</code> prints the line below and calls <code>BUG()</code>',
  },
  underPanic: {
    id: 'skb.op.underPanic',
    defaultMessage:
      '<code>skb_push({n})</code> moves <code>data</code> {n} bytes back with only {headroom} bytes of headroom: <code>skb_under_panic</code> prints the line below and calls <code>BUG()</code>',
  },
  pullPastLen: {
    id: 'skb.op.pullPastLen',
    defaultMessage:
      '<code>skb_pull({n})</code> on a {len}-byte skb returns <code>NULL</code> and changes nothing',
  },
  pullPaged: {
    id: 'skb.op.pullPaged',
    defaultMessage:
      '<code>skb_pull</code> cannot reach into paged data (<code>skb_headlen()</code> {headlen}): use <code>pskb_pull</code>',
  },
  trimNonlinear: {
    id: 'skb.op.trimNonlinear',
    defaultMessage:
      '<code>skb_trim</code> on a nonlinear skb: <code>WARN_ON</code> and nothing happens (use <code>pskb_trim</code>)',
  },
  notAnOp: {
    id: 'skb.op.notAnOp',
    defaultMessage: 'not an operation: use <code>{ops}</code>',
  },
  allocDone: {
    id: 'skb.step.alloc',
    defaultMessage:
      '<code>alloc_skb({n})</code>: {cache, select, small {the small-head cache} kmalloc {kmalloc bucket {size}} other {{pages} pages}}; <code>skb_shared_info</code> sits at <code>end</code> = {end}; <code>head</code> = <code>data</code> = <code>tail</code>; <code>truesize</code> {truesize}',
    description: 'cache: small (skb_small_head_cache), kmalloc (a kmalloc bucket of size bytes) or pages.',
  },
  reserveDone: {
    id: 'skb.step.reserve',
    defaultMessage:
      '<code>skb_reserve({n})</code>: <code>data</code> and <code>tail</code> move {n} bytes forward, leaving headroom for headers pushed later',
  },
  putDone: {
    id: 'skb.step.put',
    defaultMessage:
      '<code>skb_put({n})</code>: <code>tail</code> {from} → {to}, <code>len</code> {len}; returns the old <code>tail</code> to write {kind, select, eth {the Ethernet header} ip {the IPv4 header} ipopt {the IP options} ip6 {the IPv6 header} frag6 {the fragment header} udp {the UDP header} other {payload}} at',
  },
  pushDone: {
    id: 'skb.step.push',
    defaultMessage:
      '<code>skb_push({n})</code>: <code>data</code> {from} → {to}, <code>len</code> {len}; returns the new <code>data</code> to write {kind, select, eth {the Ethernet header} ip {the IPv4 header} ipopt {the IP options} ip6 {the IPv6 header} frag6 {the fragment header} udp {the UDP header} payload {payload} other {the header}} at',
  },
  pullDone: {
    id: 'skb.step.pull',
    defaultMessage:
      '<code>skb_pull({n})</code>: <code>data</code> {from} → {to}, <code>len</code> {len}; the bytes stay in memory, they are just behind <code>data</code> now',
  },
  trimDone: {
    id: 'skb.step.trim',
    defaultMessage: '<code>skb_trim({n})</code>: <code>len</code> {len}, <code>tail</code> {tail}',
  },
  refused: {
    id: 'skb.step.refused',
    defaultMessage: 'refused — {why}; the buffer is unchanged',
  },
  notList: {
    id: 'skb.run.notList',
    defaultMessage: 'the operations are a list',
  },
  tooMany: {
    id: 'skb.run.tooMany',
    defaultMessage:
      'at most {max} operations after <code>alloc_skb</code> ({given} given); the rest are not run',
  },
  notText: {
    id: 'skb.parse.notText',
    defaultMessage: 'the operations are text, e.g. <code>reserve:32,put:100</code>',
  },
  countTooLarge: {
    id: 'skb.parse.countTooLarge',
    defaultMessage: '"{text}": the byte count is too large',
    description: 'parseSkbOps: a count with more digits than a safe integer.',
  },
  parseTooMany: {
    id: 'skb.parse.tooMany',
    defaultMessage: 'at most {max} operations ({given} given)',
  },
  emptyItem: {
    id: 'skb.parse.emptyItem',
    defaultMessage: 'an empty operation between two commas',
  },
  badItem: {
    id: 'skb.parse.badItem',
    defaultMessage: '"{text}" is not an operation: use <code>{ops}:BYTES</code>, e.g. <code>push:20</code>',
  },
  udpSendLabel: { id: 'skb.preset.udpSend.label', defaultMessage: 'UDP send' },
  udpSendWhy: {
    id: 'skb.preset.udpSend.why',
    defaultMessage:
      'A 100-byte UDP datagram on Ethernet: <code>alloc_skb(128 + 16 + 15)</code> as <code>__ip_append_data</code> sizes it, headroom for all three headers (16 + 20 + 8), put the payload, then push UDP, IP and Ethernet in front.',
  },
  receiveLabel: { id: 'skb.preset.receive.label', defaultMessage: 'Receive' },
  receiveWhy: {
    id: 'skb.preset.receive.why',
    defaultMessage:
      'The same frame arriving: <code>eth_type_trans</code> pulls 14, <code>ip_local_deliver_finish</code> pulls the 20-byte IP header, <code>udp_recvmsg</code> skips the 8-byte UDP header.',
  },
  underflowLabel: { id: 'skb.preset.underflow.label', defaultMessage: 'Underflow' },
  underflowWhy: {
    id: 'skb.preset.underflow.why',
    defaultMessage: 'Pushing a header without reserving headroom first: <code>skb_under_panic</code>.',
  },
});

/** The kernel function a lab operation models, and its file. */
export function skbOpFunction(op: SkbOpName): { fn: string; file: string } {
  return {
    fn: FN[op],
    file: op === 'alloc' || op === 'put' || op === 'push' || op === 'pull' ? SKBUFF_C : SKBUFF_H,
  };
}

export function skbLabSnapshot(skb: SkBuff): SkbLabSnapshot {
  return {
    skb: skbSnapshot(skb),
    headroom: skb.data,
    tailroom: skb.data_len ? 0 : skb.end - skb.tail,
    headlen: headlen(skb),
  };
}

/** Apply one op to a (mutable) skb; the skb is unchanged when the op is refused. */
export function applySkbOp(skb: SkBuff, op: SkbOp): SkbOpOutcome {
  if (!Number.isInteger(op.n) || op.n < 0 || op.n > 1 << 20)
    return {
      op,
      ok: false,
      error: {
        kind: 'invalid',
        message: msg(M.badCount, { fn: FN[op.op] ?? String(op.op), max: '1,048,576' }),
      },
    };
  switch (op.op) {
    case 'alloc':
      return {
        op,
        ok: false,
        error: { kind: 'invalid', message: msg(M.allocFirst) },
      };
    case 'reserve': {
      if (skb.len !== 0)
        return {
          op,
          ok: false,
          error: {
            kind: 'warn',
            message: msg(M.reserveNotEmpty, { len: skb.len }),
          },
        };
      // skb_reserve is an inline helper without a check: past end it would leave tail beyond the
      // buffer (no panic of its own; the next skb_put would BUG). The lab refuses it with that.
      if (skb.tail + op.n > skb.end)
        return {
          op,
          ok: false,
          error: {
            kind: 'warn',
            message: msg(M.reservePastEnd, { n: op.n, tail: skb.tail, end: skb.end }),
          },
        };
      skbReserve(skb, op.n);
      return { op, ok: true };
    }
    case 'put': {
      if (skb.data_len)
        return {
          op,
          ok: false,
          error: {
            kind: 'SKB_LINEAR_ASSERT',
            message: msg(M.putNonlinear, { dataLen: skb.data_len }),
          },
        };
      const r = skbPut(
        skb,
        op.n,
        op.kind ?? 'payload',
        op.kind && op.kind !== 'payload' ? undefined : { from: 0, to: op.n },
      );
      return r.ok
        ? { op, ok: true }
        : {
            op,
            ok: false,
            error: {
              kind: r.panic,
              message: msg(M.overPanic, { n: op.n, tail: skb.tail + op.n, end: skb.end }),
              log: r.message,
            },
          };
    }
    case 'push': {
      const r = skbPush(skb, op.n, op.kind);
      return r.ok
        ? { op, ok: true }
        : {
            op,
            ok: false,
            error: {
              kind: r.panic,
              message: msg(M.underPanic, { n: op.n, headroom: skb.data }),
              log: r.message,
            },
          };
    }
    case 'pull': {
      if (op.n > skb.len)
        return {
          op,
          ok: false,
          error: {
            kind: 'null',
            message: msg(M.pullPastLen, { n: op.n, len: skb.len }),
          },
        };
      if (skb.len - op.n < skb.data_len)
        return {
          op,
          ok: false,
          error: {
            kind: 'null',
            message: msg(M.pullPaged, { headlen: headlen(skb) }),
          },
        };
      skbPull(skb, op.n);
      return { op, ok: true };
    }
    case 'trim': {
      if (skb.data_len)
        return {
          op,
          ok: false,
          error: {
            kind: 'warn',
            message: msg(M.trimNonlinear),
          },
        };
      if (op.n < skb.len) skbTrim(skb, op.n);
      return { op, ok: true };
    }
  }
}

function describe(op: SkbOp, before: SkBuff, after: SkbLabSnapshot): Msg {
  const { n } = op;
  switch (op.op) {
    case 'alloc': {
      const a = skbAllocation(n);
      const cache =
        a.cache === 'skb_small_head_cache' ? 'small' : a.cache === 'kmalloc' ? 'kmalloc' : 'pages';
      return msg(M.allocDone, {
        n,
        cache,
        size: a.objectSize,
        pages: a.objectSize / 4096,
        end: a.end,
        truesize: a.truesize,
      });
    }
    case 'reserve':
      return msg(M.reserveDone, { n });
    case 'put':
      return msg(M.putDone, {
        n,
        from: before.tail,
        to: after.skb.tail,
        len: after.skb.len,
        kind: op.kind ?? 'payload',
      });
    case 'push':
      return msg(M.pushDone, {
        n,
        from: before.data,
        to: after.skb.data,
        len: after.skb.len,
        kind: op.kind ?? 'header',
      });
    case 'pull':
      return msg(M.pullDone, { n, from: before.data, to: after.skb.data, len: after.skb.len });
    case 'trim':
      return msg(M.trimDone, { n, len: after.skb.len, tail: after.skb.tail });
  }
}

/**
 * Run a sequence of ops. The first must be `alloc` (when it is not, a 1,024-byte alloc_skb
 * is assumed). Refused ops are reported and skipped; the rest still run — until a kernel BUG()
 * (a panic): then the run stops there (`halted`), as the machine would.
 */
export function runSkbOps(input: readonly SkbOp[]): SkbRun {
  resetSkbIds();
  // Checked at run time (any JavaScript value): a list of at most SKB_OPS_MAX objects.
  const issue = !Array.isArray(input)
    ? msg(M.notList)
    : input.length > SKB_OPS_MAX + 1
      ? msg(M.tooMany, { max: SKB_OPS_MAX, given: input.length - 1 })
      : undefined;
  const ops: readonly SkbOp[] = Array.isArray(input) ? input.slice(0, SKB_OPS_MAX + 1) : [];
  const run = runChecked(ops);
  return issue ? { ...run, issue } : run;
}

function isSkbOp(op: unknown): op is SkbOp {
  return (
    typeof op === 'object' && op !== null && SKB_OP_NAMES.includes((op as { op: unknown }).op as SkbOpName)
  );
}

function runChecked(ops: readonly SkbOp[]): SkbRun {
  const first = isSkbOp(ops[0]) && ops[0].op === 'alloc' ? ops[0] : { op: 'alloc' as const, n: 1024 };
  const size = Number.isInteger(first.n) && first.n >= 0 && first.n <= 1 << 20 ? first.n : 1024;
  const skb = allocSkb(size, 'skb');
  const trace: TraceStep<SkbLabSnapshot, Msg>[] = [];
  const outcomes: SkbOpOutcome[] = [{ op: { op: 'alloc', n: size }, ok: true }];
  const start = skbLabSnapshot(skb);
  trace.push({
    ...skbOpFunction('alloc'),
    why: describe({ op: 'alloc', n: size }, skb, start),
    dir: 'down',
    snapshot: start,
  });
  const rest = ops.slice(isSkbOp(ops[0]) && ops[0].op === 'alloc' ? 1 : 0);
  for (const [i, op] of rest.entries()) {
    if (!isSkbOp(op)) {
      outcomes.push({
        op: { op: 'alloc', n: 0 },
        ok: false,
        error: { kind: 'invalid', message: msg(M.notAnOp, { ops: SKB_OP_NAMES.join('|') }) },
      });
      continue;
    }
    const before = { ...skb };
    const o = applySkbOp(skb, op);
    outcomes.push(o);
    const snap = skbLabSnapshot(skb);
    trace.push({
      ...skbOpFunction(op.op),
      why: o.ok ? describe(op, before as SkBuff, snap) : msg(M.refused, { why: o.error?.message ?? '' }),
      dir: op.op === 'pull' ? 'up' : 'down',
      snapshot: snap,
    });
    if (isSkbBug(o))
      return {
        outcomes,
        trace,
        final: skbLabSnapshot(skb),
        halted: { step: trace.length - 1, notRun: rest.length - i - 1 },
      };
  }
  return { outcomes, trace, final: skbLabSnapshot(skb) };
}

/** Parse `reserve:32,put:100,push:8` (the lab's URL form). */
export function parseSkbOps(text: string): { ok: true; ops: SkbOp[] } | { ok: false; why: Msg } {
  const ops: SkbOp[] = [];
  if (typeof text !== 'string') return { ok: false, why: msg(M.notText) };
  const parts = text.split(',').map((p) => p.trim());
  // One grammar with the CLI's lists: an empty item ("put:1,,put:2") is refused, not skipped.
  if (parts.length > SKB_OPS_MAX + 1)
    return { ok: false, why: msg(M.parseTooMany, { max: SKB_OPS_MAX, given: parts.length }) };
  if (text.trim() === '') return { ok: true, ops };
  for (const part of parts) {
    if (part === '') return { ok: false, why: msg(M.emptyItem) };
    const m = /^([a-z]+):(\d+)(?::([a-z0-9]+))?$/.exec(part);
    if (!m || !SKB_OP_NAMES.includes(m[1] as SkbOpName))
      return { ok: false, why: msg(M.badItem, { text: echo(part), ops: SKB_OP_NAMES.join('|') }) };
    const kind = m[3] as RegionKind | undefined;
    // A 44-digit count would come back as 1e+43, which reads as nothing: refuse it here.
    if (!Number.isSafeInteger(Number(m[2])))
      return { ok: false, why: msg(M.countTooLarge, { text: echo(part) }) };
    ops.push({ op: m[1] as SkbOpName, n: Number(m[2]), ...(kind ? { kind } : {}) });
  }
  return { ok: true, ops };
}

export function formatSkbOps(ops: readonly SkbOp[]): string {
  return ops.map((o) => `${o.op}:${o.n}${o.kind ? `:${o.kind}` : ''}`).join(',');
}

/**
 * Presets that replay real paths with the kernel's numbers. "UDP send" is the push order
 * (as tunnels and TCP build packets): a buffer of the size __ip_append_data asks for 100
 * bytes of UDP on Ethernet (fraglen 128 + LL_RESERVED_SPACE 16 + 15 = 159), headroom for
 * every header (16 + 20 + 8 = 44), the payload put, then UDP, IP and finally the Ethernet
 * header pushed in front (neigh_hh_output). "Receive" pulls them back off in receive order.
 */
export const SKB_PRESETS: Record<string, { label: Msg; why: Msg; ops: SkbOp[] }> = {
  udpSend: {
    label: msg(M.udpSendLabel),
    why: msg(M.udpSendWhy),
    ops: [
      { op: 'alloc', n: 159 },
      { op: 'reserve', n: 44 },
      { op: 'put', n: 100, kind: 'payload' },
      { op: 'push', n: 8, kind: 'udp' },
      { op: 'push', n: 20, kind: 'ip' },
      { op: 'push', n: 14, kind: 'eth' },
    ],
  },
  receive: {
    label: msg(M.receiveLabel),
    why: msg(M.receiveWhy),
    ops: [
      { op: 'alloc', n: 256 },
      { op: 'reserve', n: 2 },
      { op: 'put', n: 14, kind: 'eth' },
      { op: 'put', n: 20, kind: 'ip' },
      { op: 'put', n: 8, kind: 'udp' },
      { op: 'put', n: 100, kind: 'payload' },
      { op: 'pull', n: 14 },
      { op: 'pull', n: 20 },
      { op: 'pull', n: 8 },
    ],
  },
  underflow: {
    label: msg(M.underflowLabel),
    why: msg(M.underflowWhy),
    ops: [
      { op: 'alloc', n: 128 },
      { op: 'put', n: 64, kind: 'payload' },
      { op: 'push', n: 8, kind: 'udp' },
    ],
  },
};
