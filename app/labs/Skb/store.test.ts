import { describe, expect, it } from 'vitest';
import { formatMsg } from '../../../core/i18n/index.ts';
import { SKB_PRESETS, runSkbOps } from '../../../core/skb/index.ts';
import { parseSkbQuery } from './params.ts';
import { DEFAULT_EDIT, createSkbStore } from './store.ts';

const fresh = () => {
  const store = createSkbStore();
  store.getState().restart(1024);
  return store;
};
const skb = (store: ReturnType<typeof createSkbStore>) => store.getState();

describe('sk_buff store', () => {
  it('starts with the core run of the UDP send preset, on its last step', () => {
    const s = skb(createSkbStore());
    expect(s.run).toEqual(runSkbOps(SKB_PRESETS.udpSend!.ops));
    expect(s.alloc).toBe(DEFAULT_EDIT.alloc);
    expect(s.step).toBe(s.run.trace.length - 1);
    expect(s.past).toEqual([]);
  });

  it('apply runs the ops through the core: reserve 32, put 100, push 8 → data 24, len 108', () => {
    const store = fresh();
    skb(store).apply({ op: 'reserve', n: 32 });
    skb(store).apply({ op: 'put', n: 100, kind: 'payload' });
    skb(store).apply({ op: 'push', n: 8, kind: 'udp' });
    const s = skb(store);
    expect(s.run.final.skb).toMatchObject({ data: 24, tail: 132, len: 108 });
    expect(s.step).toBe(3);
  });

  it('a refused op is kept as a step with the panic, the buffer unchanged', () => {
    const store = fresh();
    skb(store).apply({ op: 'put', n: 64, kind: 'payload' });
    skb(store).apply({ op: 'push', n: 8, kind: 'udp' });
    const s = skb(store);
    expect(s.run.outcomes.at(-1)?.error?.kind).toBe('skb_under_panic');
    expect(s.run.trace.at(-1)?.snapshot.skb).toEqual(s.run.trace.at(-2)?.snapshot.skb);
  });

  it('after a panic the kernel is gone: apply changes nothing until undo, recover or a new buffer', () => {
    const store = fresh();
    skb(store).apply({ op: 'put', n: 64, kind: 'payload' });
    skb(store).apply({ op: 'push', n: 8, kind: 'udp' });
    expect(skb(store).run.halted).toEqual({ step: 2, notRun: 0 });
    const before = skb(store);
    skb(store).apply({ op: 'reserve', n: 16 });
    expect(skb(store).ops).toBe(before.ops);
    expect(skb(store).past).toBe(before.past);
    // recover: back to the op before the panic, undoable
    skb(store).recover();
    expect(skb(store).ops).toEqual([{ op: 'put', n: 64, kind: 'payload' }]);
    expect(skb(store).run.halted).toBeUndefined();
    skb(store).apply({ op: 'pull', n: 4 });
    expect(skb(store).run.final.skb.len).toBe(60);
    skb(store).undo();
    skb(store).undo();
    expect(skb(store).run.halted).toBeDefined();
    skb(store).undo();
    skb(store).apply({ op: 'push', n: 0 });
    expect(skb(store).run.halted).toBeUndefined();
  });

  it('a pasted URL with ops after the panic runs up to the panic and keeps the rest in the URL', () => {
    const store = createSkbStore();
    store.getState().load(parseSkbQuery('alloc=128&ops=put:64,push:8,put:4,pull:2'));
    const s = skb(store);
    expect(s.run.halted).toEqual({ step: 2, notRun: 2 });
    expect(s.ops).toHaveLength(4);
    expect(s.step).toBe(2);
    s.recover();
    expect(skb(store).ops).toEqual([{ op: 'put', n: 64 }]);
  });

  it('undo and redo walk the history; a new op clears redo', () => {
    const store = fresh();
    skb(store).apply({ op: 'reserve', n: 32 });
    skb(store).apply({ op: 'put', n: 100 });
    skb(store).undo();
    expect(skb(store).ops).toEqual([{ op: 'reserve', n: 32 }]);
    expect(skb(store).future).toHaveLength(1);
    skb(store).redo();
    expect(skb(store).ops).toHaveLength(2);
    skb(store).undo();
    skb(store).apply({ op: 'push', n: 8 });
    expect(skb(store).future).toEqual([]);
    expect(skb(store).ops.map((o) => o.op)).toEqual(['reserve', 'push']);
    skb(store).undo();
    skb(store).undo();
    skb(store).undo(); // back to the UDP send preset the store started with
    expect(skb(store).alloc).toBe(DEFAULT_EDIT.alloc);
    skb(store).undo(); // nothing left: no-op
    expect(skb(store).past).toEqual([]);
  });

  it('presets start at their first step and are undoable', () => {
    const store = fresh();
    skb(store).loadPreset('receive');
    expect(skb(store).step).toBe(0);
    expect(skb(store).run.final.skb).toMatchObject({ data: 44, len: 100 });
    skb(store).undo();
    expect(skb(store).ops).toEqual([]);
  });

  it('the fragmented-send replay shows the Fragmentation trace, and leaving it keeps the buffer', () => {
    const store = fresh();
    skb(store).apply({ op: 'reserve', n: 16 });
    skb(store).loadPreset('fragmented');
    const r = skb(store).replay!;
    expect(r.trace.some((t) => t.fn === 'ip_do_fragment')).toBe(true);
    expect(r.trace.some((t) => t.dir === 'up')).toBe(true);
    skb(store).selectStep(999);
    expect(skb(store).step).toBe(r.trace.length - 1);
    skb(store).leaveReplay();
    expect(skb(store).replay).toBeNull();
    expect(skb(store).ops).toEqual([{ op: 'reserve', n: 16 }]);
  });

  it('setSequence parses typed text and reports what does not parse', () => {
    const store = fresh();
    expect(skb(store).setSequence('alloc:256,reserve:2,put:14:eth')).toBeNull();
    expect(skb(store).alloc).toBe(256);
    const before = skb(store).run;
    expect(formatMsg(skb(store).setSequence('reserve:2,yank:4') ?? { id: 'none' }, 'en')).toMatch(/yank/);
    expect(skb(store).run).toBe(before);
  });

  it('load() restores a pasted URL, clamps the step, and starts a new history', () => {
    const store = fresh();
    skb(store).apply({ op: 'reserve', n: 8 });
    skb(store).load(parseSkbQuery('ops=reserve:32,put:100,push:8,push:20&step=3'));
    const s = skb(store);
    expect(s.step).toBe(2);
    expect(s.run.trace[2]?.snapshot.skb).toMatchObject({ data: 32, len: 100 });
    expect(s.past).toEqual([]);
  });

  it('each test gets a fresh store', () => {
    const a = fresh();
    const b = fresh();
    a.getState().apply({ op: 'reserve', n: 4 });
    expect(b.getState().ops).toEqual([]);
  });
});
