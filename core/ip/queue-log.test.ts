/**
 * The cork queue's whole-queue trace steps (__ip_append_data's layout step, once per send) share
 * an append-only log instead of copying the growing queue (append.ts, issue 17). Linearity is
 * shown by counting work, not by timing: the skbs snapshotted per whole-queue step stay bounded
 * however long the queue is, and every step still shows the queue as it was then.
 */
import { describe, expect, it } from 'vitest';
import { queueLogWork } from './append.ts';
import { DEFAULT_SEND_INPUT, ipSend } from './index.ts';

/** 200 MSG_MORE sends of 300 bytes over MTU 68: the queue grows to ~1,250 skbs across 200 layout steps. */
const input = (sends: number) => ({
  ...DEFAULT_SEND_INPUT,
  sends: Array.from({ length: sends }, () => 300),
  mtu: 68,
  sndbufCheck: false,
});

/** The layout step of each send: the one step that shows the whole queue. */
const isLayout = (s: { fn: string; snapshot: { vars: Record<string, unknown> } }) =>
  s.fn === '__ip_append_data' && s.snapshot.vars['cork->length'] !== undefined;

describe('whole-queue steps share one log', () => {
  it('snapshots a bounded number of skbs per step, whatever the queue length', () => {
    const work = (sends: number) => {
      queueLogWork.snapshotted = 0;
      const r = ipSend(input(sends));
      expect(r.ok).toBe(true);
      if (!r.ok) return { perStep: NaN, queue: 0 };
      const layout = r.trace.filter(isLayout).filter((s) => s.snapshot.skbs.length > 0);
      const queue = Math.max(...layout.map((s) => s.snapshot.skbs.length));
      return { perStep: queueLogWork.snapshotted / layout.length, queue };
    };
    const small = work(10);
    const big = work(200);
    expect(big.queue).toBeGreaterThan(10 * small.queue);
    // Each layout step snapshots the skbs added since the last one, plus the one that was last:
    // about 300 / 48 + 1 ≈ 8 per send, not the queue's length (≈ 1,250 at the end).
    expect(big.perStep).toBeLessThan(10);
    expect(big.perStep).toBeLessThan(small.perStep * 1.5);
  });

  it('every whole-queue step shows the queue as it was at that step', () => {
    const r = ipSend(input(40));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const layout = r.trace.filter(isLayout);
    let prev = 0;
    for (const s of layout) {
      const skbs = s.snapshot.skbs;
      // The queue only grows; the step's own vars say how long it was.
      expect(skbs.length).toBeGreaterThanOrEqual(prev);
      prev = skbs.length;
      // Each skb is one of the queue's, in order; past its 20-byte IP header its bytes add up to what
      // was appended before this send (UDP header included).
      skbs.forEach((k, i) => expect(k.label).toBe(`ip queue[${i}]`));
      const appended = Number(s.snapshot.vars['cork->length']) - Number(s.snapshot.vars.length);
      const inQueue = skbs.reduce((a, k) => a + k.len - 20, 0);
      expect(inQueue).toBe(appended);
    }
    expect(JSON.parse(JSON.stringify(layout.map((s) => s.snapshot)))).toEqual(
      layout.map((s) => ({ ...s.snapshot })),
    );
  });
});
