/**
 * Recording sk_buffs for a trace step without building their snapshots (issue 17).
 *
 * A step of the output path can hold every fragment of a datagram (1,365 at MTU 68, 7,171 with
 * IPv4 options), and a pipeline mutates those skbs on (push a header, pull it again). Freezing
 * each one as a `SkbSnapshot` object at every step cost most of `ipSend`'s time and garbage. A
 * capture instead writes each skb's numbers into one flat array and keeps references to what
 * never changes in place:
 * - `regions` arrays only ever grow at their end (skb_put, a header labelled after the last
 *   region, skb_try_coalesce) or are replaced whole (skbLabel inside, skbTrim): the array and its
 *   length at the step name exactly the regions of that moment, and Region objects are never
 *   changed in place;
 * - labels are strings;
 * - page fragments are changed in place (skbAppendPageFrag coalesces), so the few an skb has
 *   (≤ MAX_SKB_FRAGS) are copied at once, as before.
 * `materialize` builds the same `SkbSnapshot`s `skbSnapshot` would have built at that moment;
 * steps call it the first time their `skbs` are read, so recording a step costs a few numbers
 * per skb and nothing is copied twice.
 */
import type { PageFrag, Region, SkbSnapshot } from './types.ts';
import type { SkBuff } from './skb.ts';

/** Numbers per captured skb: id, data, tail, end, len, data_len, truesize, nh, th, mh, regions, frag_list. */
const W = 12;
const NONE = -1;

/**
 * Captured skbs: `nums` holds W numbers per skb, `refs` three references (label, regions array,
 * copied page fragments); frag_list members follow their skb. Grows by doubling.
 */
export class SkbStore {
  nums: Float64Array;
  refs: unknown[] = [];
  /** skbs captured. */
  n = 0;

  constructor(capacity = 4) {
    this.nums = new Float64Array(W * Math.max(1, capacity));
  }

  private grow(k: number): void {
    let cap = this.nums.length;
    while (cap < k * W) cap *= 2;
    const next = new Float64Array(cap);
    next.set(this.nums);
    this.nums = next;
  }

  /** Capture `s` (and its frag_list) as it is now; returns its index. */
  put(s: SkBuff): number {
    const i = this.n++;
    if ((i + 1) * W > this.nums.length) this.grow(i + 1 + s.frag_list.length);
    const nums = this.nums;
    const b = i * W;
    nums[b] = s.id;
    nums[b + 1] = s.data;
    nums[b + 2] = s.tail;
    nums[b + 3] = s.end;
    nums[b + 4] = s.len;
    nums[b + 5] = s.data_len;
    nums[b + 6] = s.truesize;
    nums[b + 7] = s.network_header ?? NONE;
    nums[b + 8] = s.transport_header ?? NONE;
    nums[b + 9] = s.mac_header ?? NONE;
    nums[b + 10] = s.regions.length;
    nums[b + 11] = s.frag_list.length;
    const frags = s.frags;
    let fragCopy: readonly PageFrag[] = NO_FRAGS;
    if (frags.length) {
      const c: PageFrag[] = [];
      for (const f of frags) c.push({ size: f.size, regions: f.regions.slice() });
      fragCopy = c;
    }
    this.refs.push(s.label, s.regions, fragCopy);
    captureWork.captured++;
    const fl = s.frag_list;
    for (let k = 0; k < fl.length; k++) this.put(fl[k] as SkBuff);
    return i;
  }

  /** The snapshot of the skb captured at `index` (and its frag_list), built now. */
  build(index: number): SkbSnapshot {
    return build(this, { at: index });
  }
}

const NO_FRAGS: readonly PageFrag[] = Object.freeze([]);

/** Work done so far by captures (skbs written) and materialisations (snapshots built): for tests. */
export const captureWork = { captured: 0, built: 0 };

/** A list of skbs captured as they are now (and every skb on their frag_lists). */
export interface SkbCapture {
  readonly store: SkbStore;
  /** Where each listed skb sits in the store. */
  readonly at: readonly number[];
}

export function captureSkbs(skbs: readonly SkBuff[]): SkbCapture {
  let total = 0;
  for (let i = 0; i < skbs.length; i++) total += 1 + (skbs[i] as SkBuff).frag_list.length;
  const store = new SkbStore(total);
  const at: number[] = [];
  for (let i = 0; i < skbs.length; i++) at.push(store.put(skbs[i] as SkBuff));
  return { store, at };
}

function build(store: SkbStore, cur: { at: number }): SkbSnapshot {
  const { nums, refs } = store;
  const i = cur.at++;
  const b = i * W;
  const r = i * 3;
  const nFragList = nums[b + 11] as number;
  const frag_list: SkbSnapshot[] = [];
  for (let k = 0; k < nFragList; k++) frag_list.push(build(store, cur));
  const frags = refs[r + 2] as readonly PageFrag[];
  const snap: SkbSnapshot = {
    id: nums[b] as number,
    label: refs[r] as string,
    head: 0,
    data: nums[b + 1] as number,
    tail: nums[b + 2] as number,
    end: nums[b + 3] as number,
    len: nums[b + 4] as number,
    data_len: nums[b + 5] as number,
    truesize: nums[b + 6] as number,
    frags: frags === NO_FRAGS ? [] : frags.map((f) => ({ size: f.size, regions: f.regions.slice() })),
    frag_list,
    regions: (refs[r + 1] as Region[]).slice(0, nums[b + 10] as number),
  };
  const nh = nums[b + 7] as number;
  const th = nums[b + 8] as number;
  const mh = nums[b + 9] as number;
  if (nh !== NONE) snap.network_header = nh;
  if (th !== NONE) snap.transport_header = th;
  if (mh !== NONE) snap.mac_header = mh;
  captureWork.built++;
  return snap;
}

/** The `SkbSnapshot`s of a capture, in order (new objects, built now). */
export function materialize(c: SkbCapture): SkbSnapshot[] {
  const out: SkbSnapshot[] = new Array<SkbSnapshot>(c.at.length);
  for (let i = 0; i < c.at.length; i++) out[i] = c.store.build(c.at[i] as number);
  return out;
}
