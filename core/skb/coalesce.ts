/**
 * skb_try_coalesce (net/core/skbuff.c): merge `from` into `to` instead of chaining it, as
 * inet_frag_reasm_finish tries for every fragment after the head. Two ways it can work:
 * - `from`'s bytes fit the tailroom of a still-linear `to`: they are copied in, `to.truesize`
 *   does not grow (the copy lives in memory `to` already owned) and `from` is freed as consumed;
 * - `from` holds no linear data (headlen 0, everything in page fragments) and `to` has no
 *   frag_list yet: its page fragments move over, and `to.truesize` grows by what they cost.
 * A linear `from` whose head came from kmalloc (every skb of the model: head_frag is 0) is
 * "locked" and cannot be stolen; then it is chained instead. Once `to` is nonlinear its tailroom
 * counts as 0, and once anything is chained on its frag_list nothing more coalesces.
 */
import { MAX_SKB_FRAGS, SHINFO_SIZE, SKB_STRUCT_SIZE } from './alloc.ts';
import { headlen, tailroom, writableRegions, type SkBuff } from './skb.ts';

export type CoalesceResult =
  { ok: false; why: string } | { ok: true; how: 'tailroom' | 'frags'; delta: number };

/** SKB_TRUESIZE(X): what an skb with X bytes of buffer costs. */
export const skbTruesize = (x: number): number => x + SKB_STRUCT_SIZE + SHINFO_SIZE;

export function skbTryCoalesce(to: SkBuff, from: SkBuff): CoalesceResult {
  const len = from.len;
  if (len <= tailroom(to)) {
    // skb_copy_bits(from, 0, skb_put(to, len), len): linear bytes then page bytes, in order.
    const base = to.tail;
    let at = base;
    for (const r of from.regions) {
      if (r.end <= from.data || r.start >= from.tail) continue;
      const start = Math.max(r.start, from.data);
      const end = Math.min(r.end, from.tail);
      const skip = start - r.start;
      writableRegions(to).push({
        ...r,
        start: at,
        end: at + (end - start),
        ...(r.from !== undefined ? { from: r.from + skip, to: r.from + skip + (end - start) } : {}),
      });
      at += end - start;
    }
    for (const f of from.frags) {
      for (const r of f.regions) writableRegions(to).push({ ...r, start: at + r.start, end: at + r.end });
      at += f.size;
    }
    to.tail += len;
    to.len += len;
    return { ok: true, how: 'tailroom', delta: 0 };
  }
  if (to.frag_list.length || from.frag_list.length)
    return {
      ok: false,
      why: to.frag_list.length ? 'the head already has a frag_list' : 'it has a frag_list',
    };
  if (headlen(from) !== 0) {
    if (to.frags.length + from.frags.length >= MAX_SKB_FRAGS)
      return { ok: false, why: 'too many page fragments together' };
    return {
      ok: false,
      why: "its linear bytes do not fit the head's tailroom, and a kmalloc'ed head cannot be stolen (head_frag 0: skb_head_is_locked)",
    };
  }
  if (to.frags.length + from.frags.length > MAX_SKB_FRAGS)
    return { ok: false, why: `more than MAX_SKB_FRAGS (${MAX_SKB_FRAGS}) page fragments together` };
  const delta = from.truesize - skbTruesize(from.end);
  to.frags.push(...from.frags);
  from.frags = [];
  to.truesize += delta;
  to.len += len;
  to.data_len += len;
  return { ok: true, how: 'frags', delta };
}
