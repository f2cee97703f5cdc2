import { beforeEach, describe, expect, it } from 'vitest';
import { cutFragments, fieldsToDefragInput, parseReassembleQuery } from './params.ts';
import { createReassembleStore } from './store.ts';

let store: ReturnType<typeof createReassembleStore>;
const r = () => store.getState();
const order = () => r().fields.arrivals.map((a) => a.frag);
const verdicts = () => r().result?.arrivals.map((a) => a.verdict);

beforeEach(() => {
  store = createReassembleStore();
});

describe('reassemble slice', () => {
  it('starts with the issue example: delivered, in three fragments arriving 2, 0, 1', () => {
    expect(order()).toEqual([2, 0, 1]);
    expect(verdicts()).toEqual(['queued', 'queued', 'completed']);
    expect(r().result?.delivered[0]?.length).toBe(2992);
    expect(r().issues).toEqual([]);
    expect(r().step).toBeNull();
  });

  it('cuts the cards with ipSend as the Fragmentation lab does', () => {
    const cut = cutFragments('4000', '1500', 'inet');
    expect(cut.ok && cut.frags.map((c) => `${c.offset}:${c.length}:${c.mf}`)).toEqual([
      '0:1480:1',
      '1480:1480:1',
      '2960:1048:0',
    ]);
    const v6 = cutFragments('2992', '1280', 'inet6');
    expect(v6.ok && v6.frags.length).toBe(3);
    const tooBig = cutFragments('70000', '1500', 'inet');
    expect(tooBig.ok).toBe(false);
  });

  it('a new length or MTU cuts again, every card once in order', () => {
    r().setDatagram({ mtu: '576' });
    expect(r().fields.frags.length).toBe(6);
    expect(order()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(r().result?.delivered.length).toBe(1);
  });

  it('a datagram the sender cannot send is reported on its field; cards and result stay', () => {
    const before = r().result;
    r().setDatagram({ len: '70000' });
    expect(r().issues[0]?.field).toBe('len');
    expect(r().result).toBe(before);
    expect(r().fields.frags.length).toBe(3);
  });

  it('moves, drops and brings back arrivals', () => {
    r().moveArrival(0, 2);
    expect(order()).toEqual([0, 1, 2]);
    r().dropArrival(1);
    expect(order()).toEqual([0, 2]);
    expect(r().result?.queues[0]?.state).toBe('waiting');
    r().restoreCard(1);
    expect(order()).toEqual([0, 2, 1]);
    expect(r().result?.delivered.length).toBe(1);
  });

  it('a duplicate is a copy of the card arriving next: dropped alone', () => {
    r().duplicateArrival(1);
    expect(r().fields.frags.length).toBe(4);
    expect(order()).toEqual([2, 0, 3, 1]);
    expect(verdicts()).toEqual(['queued', 'queued', 'duplicate', 'completed']);
  });

  it('editing the copy makes an overlap: the whole queue is dropped', () => {
    r().duplicateArrival(1);
    r().editCard(3, { offset: '8' });
    expect(verdicts()?.[2]).toBe('overlap');
    expect(r().result?.queues[0]?.state).toBe('dropped');
    expect(r().result?.queues[0]?.fn).toBe('inet_frag_queue_insert');
  });

  it('a bad card value is reported on that card and keeps the last good result', () => {
    const before = r().result;
    r().editCard(0, { offset: '12a' });
    expect(r().issues).toEqual([
      { field: 'frags.0.offset', message: expect.any(String), msg: { id: 'params.frags.part.offset' } },
    ]);
    expect(r().result).toBe(before);
    // The core's own rule (multiples of 8) lands on the card too, found through the arrival order.
    r().editCard(0, { offset: '12' });
    expect(r().issues[0]?.field).toBe('frags.0.offset');
    expect(r().issues[0]?.message).toMatch(/multiple of 8/);
    expect(r().issues[0]?.msg?.id).toBe('ip.defrag.input.offset');
  });

  it('the timer: past 30 s the waiting queue expires, ICMP only to another host with the first fragment in', () => {
    r().dropArrival(0); // the last fragment never comes
    r().setField('until', '31000');
    expect(r().result?.queues[0]).toMatchObject({ state: 'expired', icmp: null });
    r().setField('source', 'remote');
    expect(r().result?.queues[0]?.state).toBe('expired');
    expect(r().result?.queues[0]?.icmp?.type).toBe(11);
  });

  it('undo and redo walk the edits; typing into one field is one step', () => {
    r().editCard(0, { offset: '1' });
    r().editCard(0, { offset: '14' });
    r().editCard(0, { offset: '1480' });
    r().dropArrival(0);
    expect(r().past.length).toBe(2);
    r().undo();
    expect(order()).toEqual([2, 0, 1]);
    r().undo();
    expect(r().fields.frags[0]?.offset).toBe('0');
    r().redo();
    expect(r().fields.frags[0]?.offset).toBe('1480');
  });

  it('steps: clamped to the trace, null follows the outcome, an edit shows the outcome again', () => {
    r().selectStep(2);
    expect(r().step).toBe(2);
    r().selectStep(999);
    expect(r().step).toBe((r().result?.trace.length ?? 0) - 1);
    r().moveArrival(0, 1);
    expect(r().step).toBeNull();
  });

  it('opening a URL of the state on show records no undo step', () => {
    const p = parseReassembleQuery('len=2992&frags=0:1480:1,1480:1480:1,2960:40:0&order=2,0,1');
    r().load(p.fields, p.step, p.issues);
    expect(r().past).toEqual([]);
  });

  it('loads a pasted URL, keeping URL issues', () => {
    const p = parseReassembleQuery('len=2992&frags=0:1480:1,1480:1480:1,2960:40:0&order=0,1&step=2');
    r().load(p.fields, p.step, p.issues);
    expect(r().result?.queues[0]?.state).toBe('waiting');
    expect(r().step).toBe(1);
    const bad = parseReassembleQuery('len=2992&frags=0:1480:1&order=7');
    const before = r().result;
    r().load(bad.fields, bad.step, bad.issues);
    expect(r().issues[0]?.field).toBe('order');
    // A bad order= is read as every card, in order (its message says so): the result is that one.
    expect(r().result).not.toBe(before);
    expect(r().result?.arrivals.length).toBe(1);
  });

  it('maps the core issues of arrival k onto the card it shows', () => {
    const f = {
      ...r().fields,
      frags: r().fields.frags.map((c, i) => (i === 2 ? { ...c, offset: '65536' } : c)),
    };
    const parsed = fieldsToDefragInput(f);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.issues[0]?.field).toBe('frags.2.offset');
  });
});
