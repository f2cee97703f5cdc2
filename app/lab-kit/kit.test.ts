import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HISTORY_MAX,
  clampStep,
  createFormStore,
  encodeQuery,
  isStale,
  keyName,
  parseHash,
  parseStep,
  pushHistory,
  redoHistory,
  undoHistory,
  unknownParams,
} from './index.ts';

describe('the URL contract’s pieces', () => {
  it('parseStep counts from 1 and says what a bad step becomes', () => {
    expect(parseStep(new URLSearchParams('step=3'), 'x')).toEqual({ step: 2, issues: [] });
    expect(parseStep(new URLSearchParams(''), 'x')).toEqual({ step: null, issues: [] });
    const bad = parseStep(new URLSearchParams(`step=${'9'.repeat(60)}`), 'the outcome');
    expect(bad.step).toBeNull();
    expect(bad.issues[0]?.message).toMatch(/showing the outcome/);
    expect(bad.issues[0]?.message).toMatch(/9{40}…/);
  });

  it('encodeQuery keeps the readable characters and round-trips through URLSearchParams', () => {
    expect(encodeQuery([['frags', '0:8:1,8:8:0']], ',:')).toBe('frags=0:8:1,8:8:0');
    expect(encodeQuery([['type', 'SOCK_STREAM|0x100']], '|')).toBe('type=SOCK_STREAM|0x100');
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(',', ',:', '|'), (v, keep) => {
        expect(new URLSearchParams(encodeQuery([['k', v]], keep)).get('k')).toBe(v);
      }),
    );
  });

  it('unknownParams names each parameter the lab does not have, page parameters aside, at most eight', () => {
    expect(unknownParams('len=1&foo=2&embed=1', ['len']).map((i) => i.param)).toEqual(['foo']);
    const many = Array.from({ length: 12 }, (_, i) => `p${i}=1`).join('&');
    const issues = unknownParams(many, []);
    expect(issues).toHaveLength(9);
    expect(issues.at(-1)?.message).toMatch(/4 more/);
    expect(isStale(issues)).toBe(false);
  });

  it('parseHash splits the lab from its query', () => {
    expect(parseHash('#/netlink?hex=00')).toEqual({ path: 'netlink', query: 'hex=00' });
  });
});

describe('the store pieces', () => {
  it('clampStep keeps a step inside the trace and null as null', () => {
    expect(clampStep(9, 3)).toBe(2);
    expect(clampStep(-1, 3)).toBe(0);
    expect(clampStep(null, 3)).toBeNull();
  });

  it('history: undo and redo move between snapshots, bounded', () => {
    let h: { past: readonly number[]; future: readonly number[] } = { past: [], future: [] };
    for (let i = 0; i < HISTORY_MAX + 5; i++) h = { ...h, ...pushHistory(h, i) };
    expect(h.past).toHaveLength(HISTORY_MAX);
    const u = undoHistory(h, 999)!;
    expect(u.to).toBe(HISTORY_MAX + 4);
    const r = redoHistory(u.history, u.to)!;
    expect(r.to).toBe(999);
    expect(undoHistory({ past: [], future: [] }, 1)).toBeNull();
  });

  it('a form store keeps the last good result, reports issues, and survives a core that throws', () => {
    const store = createFormStore<{ n: string }, number, number[]>({
      defaults: { n: '3' },
      parse: (f) =>
        /^\d+$/.test(f.n)
          ? { ok: true, input: Number(f.n) }
          : { ok: false, issues: [{ field: 'n', message: 'bad' }] },
      run: (n) => {
        if (n === 13) throw new Error('unlucky');
        return Array.from({ length: n }, (_, i) => i);
      },
      steps: (r) => r.length,
      initialStep: null,
    });
    const good = store.getState().result;
    store.getState().setField('n', 'x');
    expect(store.getState().result).toBe(good);
    expect(isStale(store.getState().issues)).toBe(true);
    store.getState().setField('n', '13');
    expect(store.getState().modelError).toBe('unlucky');
    expect(store.getState().result).toBe(good);
    store.getState().load({ n: '5' }, 99);
    expect(store.getState().step).toBe(4);
  });
});

describe('keys', () => {
  it('names a key as the map declares it', () => {
    const k = (key: string, m: Partial<KeyboardEvent> = {}) =>
      keyName({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...m });
    expect(k('z', { ctrlKey: true })).toBe('Mod+z');
    expect(k('Z', { metaKey: true, shiftKey: true })).toBe('Mod+Shift+z');
    expect(k('ArrowRight', { shiftKey: true })).toBe('ArrowRight');
    expect(k(' ')).toBe(' ');
  });
});
