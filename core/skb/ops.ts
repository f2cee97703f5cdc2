/**
 * The sk_buff lab's pipeline: a sequence of pointer operations applied to one buffer, as the
 * kernel's inline helpers do them (include/linux/skbuff.h, net/core/skbuff.c). What the
 * kernel would BUG() on (skb_over_panic, skb_under_panic, SKB_LINEAR_ASSERT) is a value with
 * the numbers the panic prints; the buffer stays as it was.
 */
import type { TraceStep } from '../trace/index.ts';
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
  /** For a refused op: the kernel's reaction (panic name or NULL return) and its message. */
  error?: {
    kind: 'skb_over_panic' | 'skb_under_panic' | 'SKB_LINEAR_ASSERT' | 'null' | 'warn' | 'invalid';
    message: string;
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
  trace: TraceStep<SkbLabSnapshot>[];
  /** The buffer after the last op (refused ops leave it unchanged). */
  final: SkbLabSnapshot;
  /** Set when the input itself was refused in part (not a list, over SKB_OPS_MAX). */
  issue?: string;
}

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
      error: { kind: 'invalid', message: `${FN[op.op]} takes a byte count from 0 to 1,048,576` },
    };
  switch (op.op) {
    case 'alloc':
      return {
        op,
        ok: false,
        error: { kind: 'invalid', message: 'alloc_skb starts a buffer; it is the first operation only' },
      };
    case 'reserve': {
      if (skb.len !== 0)
        return {
          op,
          ok: false,
          error: {
            kind: 'warn',
            message: `skb_reserve is for an empty buffer (len ${skb.len}): the kernel would move data and tail over live bytes`,
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
            message: `skb_reserve(${op.n}) would move data and tail past end (${skb.tail} + ${op.n} > ${skb.end}): skb_reserve does not check, so nothing stops it here, and the next skb_put would hit skb_over_panic`,
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
            message: `skb_put on a nonlinear skb (data_len ${skb.data_len}): BUG_ON(skb_is_nonlinear(skb))`,
          },
        };
      const r = skbPut(
        skb,
        op.n,
        op.kind ?? 'payload',
        op.kind && op.kind !== 'payload' ? undefined : { from: 0, to: op.n },
      );
      return r.ok ? { op, ok: true } : { op, ok: false, error: { kind: r.panic, message: r.message } };
    }
    case 'push': {
      const r = skbPush(skb, op.n, op.kind);
      return r.ok ? { op, ok: true } : { op, ok: false, error: { kind: r.panic, message: r.message } };
    }
    case 'pull': {
      if (op.n > skb.len)
        return {
          op,
          ok: false,
          error: {
            kind: 'null',
            message: `skb_pull(${op.n}) on a ${skb.len}-byte skb returns NULL and changes nothing`,
          },
        };
      if (skb.len - op.n < skb.data_len)
        return {
          op,
          ok: false,
          error: {
            kind: 'null',
            message: `skb_pull cannot reach into paged data (headlen ${headlen(skb)}): use pskb_pull`,
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
            message: 'skb_trim on a nonlinear skb: WARN_ON and nothing happens (use pskb_trim)',
          },
        };
      if (op.n < skb.len) skbTrim(skb, op.n);
      return { op, ok: true };
    }
  }
}

function describe(op: SkbOp, before: SkBuff, after: SkbLabSnapshot): string {
  switch (op.op) {
    case 'alloc': {
      const a = skbAllocation(op.n);
      return `alloc_skb(${op.n}): ${a.cache === 'skb_small_head_cache' ? 'the small-head cache' : a.cache === 'kmalloc' ? `kmalloc bucket ${a.objectSize}` : `${a.objectSize / 4096} pages`}; skb_shared_info sits at end = ${a.end}; head = data = tail; truesize ${a.truesize}`;
    }
    case 'reserve':
      return `skb_reserve(${op.n}): data and tail move ${op.n} bytes forward, leaving headroom for headers pushed later`;
    case 'put':
      return `skb_put(${op.n}): tail ${before.tail} → ${after.skb.tail}, len ${after.skb.len}; returns the old tail to write ${op.kind ?? 'payload'} at`;
    case 'push':
      return `skb_push(${op.n}): data ${before.data} → ${after.skb.data}, len ${after.skb.len}; returns the new data to write the ${op.kind ?? 'header'} at`;
    case 'pull':
      return `skb_pull(${op.n}): data ${before.data} → ${after.skb.data}, len ${after.skb.len}; the bytes stay in memory, they are just behind data now`;
    case 'trim':
      return `skb_trim(${op.n}): len ${after.skb.len}, tail ${after.skb.tail}`;
  }
}

/**
 * Run a sequence of ops. The first must be `alloc` (when it is not, a 1,024-byte alloc_skb
 * is assumed). Refused ops are reported and skipped; the rest still run.
 */
export function runSkbOps(input: readonly SkbOp[]): SkbRun {
  resetSkbIds();
  // Checked at run time (any JavaScript value): a list of at most SKB_OPS_MAX objects.
  const issue = !Array.isArray(input)
    ? 'the operations are a list'
    : input.length > SKB_OPS_MAX + 1
      ? `at most ${SKB_OPS_MAX} operations after alloc_skb (${input.length - 1} given); the rest are not run`
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
  const trace: TraceStep<SkbLabSnapshot>[] = [];
  const outcomes: SkbOpOutcome[] = [{ op: { op: 'alloc', n: size }, ok: true }];
  const start = skbLabSnapshot(skb);
  trace.push({
    ...skbOpFunction('alloc'),
    why: describe({ op: 'alloc', n: size }, skb, start),
    dir: 'down',
    snapshot: start,
  });
  for (const op of ops.slice(isSkbOp(ops[0]) && ops[0].op === 'alloc' ? 1 : 0)) {
    if (!isSkbOp(op)) {
      outcomes.push({
        op: { op: 'alloc', n: 0 },
        ok: false,
        error: { kind: 'invalid', message: `not an operation: use ${SKB_OP_NAMES.join('|')}` },
      });
      continue;
    }
    const before = { ...skb };
    const o = applySkbOp(skb, op);
    outcomes.push(o);
    const snap = skbLabSnapshot(skb);
    trace.push({
      ...skbOpFunction(op.op),
      why: o.ok
        ? describe(op, before as SkBuff, snap)
        : `refused — ${o.error?.message ?? ''}; the buffer is unchanged`,
      dir: op.op === 'pull' ? 'up' : 'down',
      snapshot: snap,
    });
  }
  return { outcomes, trace, final: skbLabSnapshot(skb) };
}

/** Parse `reserve:32,put:100,push:8` (the lab's URL form). */
export function parseSkbOps(text: string): { ok: true; ops: SkbOp[] } | { ok: false; why: string } {
  const ops: SkbOp[] = [];
  if (typeof text !== 'string') return { ok: false, why: 'the operations are text, e.g. reserve:32,put:100' };
  const parts = text.split(',').map((p) => p.trim());
  // One grammar with the CLI's lists: an empty item ("put:1,,put:2") is refused, not skipped.
  if (parts.length > SKB_OPS_MAX + 1)
    return { ok: false, why: `at most ${SKB_OPS_MAX} operations (${parts.length} given)` };
  if (text.trim() === '') return { ok: true, ops };
  for (const part of parts) {
    if (part === '') return { ok: false, why: 'an empty operation between two commas' };
    const m = /^([a-z]+):(\d+)(?::([a-z0-9]+))?$/.exec(part);
    if (!m || !SKB_OP_NAMES.includes(m[1] as SkbOpName))
      return {
        ok: false,
        why: `"${echo(part)}" is not an operation: use ${SKB_OP_NAMES.join('|')}:BYTES, e.g. push:20`,
      };
    const kind = m[3] as RegionKind | undefined;
    // A 44-digit count would come back as 1e+43, which reads as nothing: refuse it here.
    if (!Number.isSafeInteger(Number(m[2])))
      return { ok: false, why: `"${echo(part)}": the byte count is too large` };
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
export const SKB_PRESETS: Record<string, { label: string; why: string; ops: SkbOp[] }> = {
  udpSend: {
    label: 'UDP send',
    why: 'A 100-byte UDP datagram on Ethernet: alloc_skb(128 + 16 + 15) as __ip_append_data sizes it, headroom for all three headers (16 + 20 + 8), put the payload, then push UDP, IP and Ethernet in front.',
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
    label: 'Receive',
    why: 'The same frame arriving: eth_type_trans pulls 14, ip_local_deliver_finish pulls the 20-byte IP header, udp_recvmsg skips the 8-byte UDP header.',
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
    label: 'Underflow',
    why: 'Pushing a header without reserving headroom first: skb_under_panic.',
    ops: [
      { op: 'alloc', n: 128 },
      { op: 'put', n: 64, kind: 'payload' },
      { op: 'push', n: 8, kind: 'udp' },
    ],
  },
};
