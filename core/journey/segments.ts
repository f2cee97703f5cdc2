/** Header segments of an sk_buff snapshot: the bytes between data and tail, its page frags and frag_list. */
import type { RegionKind, SkbSnapshot } from '../skb/index.ts';
import type { Segment } from './types.ts';

const cache = new WeakMap<SkbSnapshot, readonly Segment[]>();

function push(out: Segment[], kind: RegionKind, bytes: number): void {
  if (bytes <= 0) return;
  const last = out[out.length - 1];
  if (last && last.kind === kind) last.bytes += bytes;
  else out.push({ kind, bytes });
}

function walk(s: SkbSnapshot, out: Segment[]): void {
  // Linear part: only what lies in [data, tail) is in the packet; pulled headers (before data) are not.
  for (const r of s.regions) {
    const from = Math.max(r.start, s.data);
    const to = Math.min(r.end, s.tail);
    push(out, r.kind, to - from);
  }
  for (const f of s.frags) for (const r of f.regions) push(out, r.kind, r.end - r.start);
  for (const m of s.frag_list) walk(m, out);
}

/** What the packet holds, in order, as the sk_buff model says (snapshots are immutable: cached). */
export function skbSegments(s: SkbSnapshot): readonly Segment[] {
  let seg = cache.get(s);
  if (!seg) {
    const out: Segment[] = [];
    walk(s, out);
    seg = out.map((x) => ({ ...x }));
    cache.set(s, seg);
  }
  return seg;
}

export function segmentsLength(seg: readonly Segment[]): number {
  return seg.reduce((a, s) => a + s.bytes, 0);
}
