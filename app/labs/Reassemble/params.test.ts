import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REASSEMBLE_FIELDS,
  cutFragments,
  fieldsToDefragInput,
  parseCard,
  parseReassembleQuery,
  serialiseReassembleQuery,
} from './params.ts';
import { createReassembleStore } from './store.ts';
import { roundTrips } from '../../lab-kit/testing.ts';

const ISSUE = 'len=2992&frags=0:1480:1,1480:1480:1,2960:40:0&order=2,0,1';

describe('reassemble URL', () => {
  it('parses the issue example', () => {
    const { fields, step, issues } = parseReassembleQuery(ISSUE);
    expect(issues).toEqual([]);
    expect(step).toBeNull();
    expect(fields.len).toBe('2992');
    expect(fields.frags.map((c) => [c.offset, c.length, c.mf])).toEqual([
      ['0', '1480', '1'],
      ['1480', '1480', '1'],
      ['2960', '40', '0'],
    ]);
    expect(fields.arrivals.map((a) => a.frag)).toEqual([2, 0, 1]);
  });

  it('the defaults are the issue example, with the family', () => {
    expect(serialiseReassembleQuery(DEFAULT_REASSEMBLE_FIELDS, null)).toBe(
      'len=2992&family=inet&frags=0:1480:1,1480:1480:1,2960:40:0&order=2,0,1',
    );
    expect(parseReassembleQuery(ISSUE).fields).toEqual(DEFAULT_REASSEMBLE_FIELDS);
  });

  it.each([
    'len=2992&family=inet&frags=0:1480:1,1480:1480:1,2960:40:0&order=2,0,1',
    'len=2992&mtu=576&family=inet6&frags=0:552:1,552:552:1&order=1,0,0&step=3',
    'len=2992&family=inet&frags=0:1480:1:other:id7,1480:1480:1,2960:40:0&order=0,2&at=0,31000&until=40000&source=remote',
    'len=2992&family=inet&frags=0:1480:1&order=',
    // Invalid values survive the round trip, so the cards can show and explain them.
    'len=abc&family=inet9&frags=13:x:2:banana,hello::&order=0,1&until=soon&source=moon',
  ])('round-trips %s', roundTrips(parseReassembleQuery, serialiseReassembleQuery));

  it('writes any query in the canonical parameter order, keeping every value', () => {
    const q = 'source=moon&until=soon&order=0,1&frags=13:x:2:banana,hello::&family=inet9&len=abc';
    const p = parseReassembleQuery(q);
    expect(serialiseReassembleQuery(p.fields, p.step)).toBe(
      'len=abc&family=inet9&frags=13:x:2:banana,hello::&order=0,1&until=soon&source=moon',
    );
  });

  it('a bad URL gives one clear issue per bad value and keeps the last good result', () => {
    const store = createReassembleStore();
    const good = store.getState().result;
    const p = parseReassembleQuery(
      'len=abc&family=inet9&frags=13:x:2:banana,hello::&order=0,1&until=soon&source=moon',
    );
    expect(p.issues).toEqual([]); // every bad value has a field of its own, reported there
    store.getState().load(p.fields, p.step, p.issues);
    const r = store.getState();
    expect(r.result).toBe(good);
    expect(r.issues.map((i) => i.field).sort()).toEqual(
      [
        'family',
        'len',
        'source',
        'until',
        'frags.0.length',
        'frags.0.mf',
        'frags.0.extra',
        'frags.1.offset',
        'frags.1.length',
        'frags.1.mf',
      ].sort(),
    );
    expect(r.issues.find((i) => i.field === 'frags.0.extra')?.message).toMatch(/“banana” means nothing/);
  });

  it('never throws, and parse ∘ serialise is a fixed point, for any query', () => {
    const value = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('0', '8', '1480', '2992', ',', ':', '0,1', '0:8:1,8:8:0', '%', '&', '='),
    );
    const key = fc.constantFrom('len', 'mtu', 'family', 'frags', 'order', 'at', 'until', 'source', 'step');
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value), { maxLength: 8 }), (pairs) => {
        const q = pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
        const once = parseReassembleQuery(q);
        const canonical = serialiseReassembleQuery(once.fields, once.step);
        const twice = parseReassembleQuery(canonical);
        expect(twice.fields).toEqual(once.fields);
        expect(serialiseReassembleQuery(twice.fields, twice.step)).toBe(canonical);
      }),
    );
  });

  it('reads card items as the CLI writes them, plus :idN', () => {
    expect(parseCard('8:16:0:other')).toMatchObject({
      offset: '8',
      length: '16',
      mf: '0',
      fill: 'other',
      id: '',
      extra: '',
    });
    expect(parseCard('8:16:1:id42')).toMatchObject({ fill: 'same', id: '42' });
    expect(parseCard('8:16:1:what')).toMatchObject({ extra: 'what' });
  });

  it('a datagram without frags= is cut as the sender cuts it', () => {
    const p = parseReassembleQuery('len=65507&mtu=68');
    expect(p.issues).toEqual([]);
    expect(p.fields.frags.length).toBe(1365);
    expect(p.fields.arrivals.map((a) => a.frag)).toEqual([...Array(1365).keys()]);
    expect(p.fields.frags.at(-1)).toMatchObject({ offset: '65472', length: '43', mf: '0' });
    const v6 = parseReassembleQuery('len=2992&family=inet6&mtu=1280&order=2,1,0');
    expect(v6.fields.frags.map((c) => c.offset)).toEqual(['0', '1232', '2464']);
    expect(v6.fields.arrivals.map((a) => a.frag)).toEqual([2, 1, 0]);
    // One that cannot be cut keeps the default cards; the length reports itself.
    expect(parseReassembleQuery('len=lots').fields.frags).toEqual(DEFAULT_REASSEMBLE_FIELDS.frags);
  });

  it('without order= every card arrives once, in order', () => {
    expect(parseReassembleQuery('frags=0:8:1,8:8:0').fields.arrivals.map((a) => a.frag)).toEqual([0, 1]);
  });

  it('reports an order it cannot read and falls back to every card in order', () => {
    const bad = parseReassembleQuery('frags=0:8:1,8:8:0&order=1,x');
    expect(bad.issues).toEqual([
      {
        field: 'order',
        message: expect.stringMatching(/not a list/),
        msg: expect.objectContaining({ id: 'lab.reassemble.issue.orderNotList' }),
      },
    ]);
    expect(bad.fields.arrivals.map((a) => a.frag)).toEqual([0, 1]);
    const far = parseReassembleQuery('frags=0:8:1,8:8:0&order=0,5');
    expect(far.issues[0]?.message).toMatch(/fragment 5, but there are 2 fragments/);
  });

  it('reports at= with the wrong count', () => {
    const p = parseReassembleQuery('frags=0:8:1,8:8:0&order=0,1&at=0');
    expect(p.issues[0]).toMatchObject({ field: 'at' });
    expect(p.fields.arrivals.every((a) => a.at === '')).toBe(true);
  });

  it('counts step= from 1 and reports a bad one', () => {
    expect(parseReassembleQuery('step=4').step).toBe(3);
    const bad = parseReassembleQuery('step=0');
    expect(bad.step).toBeNull();
    expect(bad.issues[0]).toMatchObject({ field: 'step' });
  });
});

describe('ipfrag_max_dist and sk_rcvbuf (issue 12)', () => {
  it('max-dist and rcvbuf go from the URL to the core input and back', () => {
    const { fields } = parseReassembleQuery('len=2992&max-dist=2&rcvbuf=4096');
    expect(fields.maxDist).toBe('2');
    expect(fields.rcvbuf).toBe('4096');
    const p = fieldsToDefragInput(fields);
    expect(p.ok && p.input.ipfrag_max_dist).toBe(2);
    expect(p.ok && p.input.rcvbuf).toBe(4096);
    expect(serialiseReassembleQuery(fields, null)).toContain('max-dist=2&rcvbuf=4096');
  });
  it('empty means the kernel default (nothing passed), a bad value is named on its field', () => {
    const p = fieldsToDefragInput(DEFAULT_REASSEMBLE_FIELDS);
    expect(p.ok && 'ipfrag_max_dist' in p.input).toBe(false);
    const bad = fieldsToDefragInput({ ...DEFAULT_REASSEMBLE_FIELDS, maxDist: 'x', rcvbuf: '10' });
    expect(bad.ok).toBe(false);
    expect(bad.ok ? [] : bad.issues.map((i) => i.field)).toContain('maxDist');
    const small = fieldsToDefragInput({ ...DEFAULT_REASSEMBLE_FIELDS, rcvbuf: '10' });
    expect(small.ok ? [] : small.issues.map((i) => i.field)).toEqual(['rcvbuf']);
  });
});

describe('input typed with a Chinese IME (issue 13)', () => {
  it('reads full-width digits as ASCII in every number field', () => {
    // Cut as the same numbers in ASCII (store.test.ts checks those cuts).
    const cut = cutFragments('４０００', '１５００', 'inet');
    expect(cut.ok).toBe(true);
    expect(cut).toEqual(cutFragments('4000', '1500', 'inet'));
    const typed = fieldsToDefragInput({
      ...DEFAULT_REASSEMBLE_FIELDS,
      len: '２９９２',
      until: '５００',
      maxDist: '６４',
      rcvbuf: '２１２９９２',
      arrivals: DEFAULT_REASSEMBLE_FIELDS.arrivals.map((a, k) => ({ ...a, at: k === 1 ? '１０' : '' })),
    });
    expect(typed.ok).toBe(true);
    if (!typed.ok) return;
    expect(typed.input.len).toBe(2992);
    expect(typed.input.until).toBe(500);
    expect(typed.input.ipfrag_max_dist).toBe(64);
    expect(typed.input.rcvbuf).toBe(212992);
    expect(typed.input.fragments.map((f) => f.at)).toEqual([undefined, 10, undefined]);
    // Still refused: a full-width letter is not a digit.
    expect(cutFragments('４０００ｘ', '1500', 'inet').ok).toBe(false);
  });
});
