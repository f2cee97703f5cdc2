import { describe, expect, it } from 'vitest';
import {
  allocSkb,
  skbAppendPageFrag,
  skbPull,
  skbPut,
  skbReserve,
  skbTryCoalesce,
  type SkBuff,
} from './index.ts';

/** A received fragment as raw_send_hdrinc builds it: alloc(20 + len + 16 + 15), reserve 16, header pulled. */
function fragment(len: number): SkBuff {
  const s = allocSkb(20 + len + 31);
  skbReserve(s, 16);
  skbPut(s, 20, 'ip');
  skbPut(s, len, 'payload', { from: 0, to: len });
  skbPull(s, 20);
  return s;
}

describe('skb_try_coalesce (hand-computed from the allocation sizes)', () => {
  it('copies into the tailroom of a linear head while it fits; truesize does not grow', () => {
    // 64-byte fragments: alloc 115 → the 576-byte small-head object, end 256; tailroom 256 − 16 − 84 = 156.
    const head = fragment(64);
    expect(head.end - head.tail).toBe(156);
    const before = head.truesize;
    expect(skbTryCoalesce(head, fragment(64))).toEqual({ ok: true, how: 'tailroom', delta: 0 });
    expect(skbTryCoalesce(head, fragment(64))).toEqual({ ok: true, how: 'tailroom', delta: 0 });
    // 28 bytes left: the third does not fit, and its kmalloc'ed head cannot be stolen.
    expect(skbTryCoalesce(head, fragment(64))).toMatchObject({ ok: false });
    expect(head).toMatchObject({ len: 3 * 64, data_len: 0, truesize: before });
    expect(head.regions.filter((r) => r.kind === 'payload')).toHaveLength(3);
  });

  it('a nonlinear head has no tailroom; a fragment with no linear data gives up its page frags', () => {
    const head = fragment(1000);
    skbAppendPageFrag(head, 20000, { from: 1000, to: 21000 }, false);
    const paged = allocSkb(48 + 31);
    skbReserve(paged, 16);
    skbPut(paged, 48);
    skbAppendPageFrag(paged, 19944, { from: 21000, to: 40944 }, false);
    skbPull(paged, 48); // ip6_frag_queue pulled the headers: headlen 0
    const before = head.truesize;
    // delta = from->truesize − SKB_TRUESIZE(skb_end_offset(from)): what its page bytes cost.
    expect(paged.truesize - (paged.end + 256 + 320)).toBe(19944);
    expect(skbTryCoalesce(head, paged)).toEqual({ ok: true, how: 'frags', delta: 19944 });
    expect(head).toMatchObject({ len: 21000 + 19944, data_len: 20000 + 19944, truesize: before + 19944 });
    expect(head.frags).toHaveLength(2);
    expect(paged.frags).toHaveLength(0);
    // once nonlinear, a small linear fragment cannot be copied in any more
    expect(skbTryCoalesce(head, fragment(8))).toMatchObject({ ok: false });
  });

  it('nothing coalesces once the head has a frag_list', () => {
    const head = fragment(1000);
    head.frag_list.push(fragment(100));
    head.data_len += 100;
    head.len += 100;
    expect(skbTryCoalesce(head, fragment(8)).ok).toBe(false);
  });
});
