/**
 * The Intl worker, both ends: public/intl-warm.js (run here with a stand-in for the worker's
 * global) and the app's wait for it (intl-warm.ts). route-preload.test.ts covers the page's start.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { INTL_WARMED_EVENT, INTL_WARMING, intlWarmed } from './intl-warm.ts';

const WORKER = readFileSync('public/intl-warm.js', 'utf8');

/** Run the worker's source against a stand-in `self`; returns what it answered and whether it closed. */
function runWorker(data: unknown) {
  const self: { onmessage?: (e: { data: unknown }) => void; posted: unknown[]; closed: boolean } & Record<
    string,
    unknown
  > = { posted: [], closed: false };
  self.postMessage = (m: unknown) => self.posted.push(m);
  self.close = () => {
    self.closed = true;
  };
  new Function('self', WORKER)(self);
  self.onmessage!({ data });
  return { posted: self.posted, closed: self.closed };
}

describe('public/intl-warm.js', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads the language’s number, date and plural data, answers true and closes', () => {
    const number = vi.spyOn(Intl.NumberFormat, 'supportedLocalesOf');
    const date = vi.spyOn(Intl.DateTimeFormat, 'supportedLocalesOf');
    expect(runWorker('zh-CN')).toEqual({ posted: [true], closed: true });
    expect(number).toHaveBeenCalledWith('zh-CN');
    expect(date).toHaveBeenCalledWith('zh-CN');
  });

  it('anything else as its message reads English; a browser that refuses gets false, not a throw', () => {
    const number = vi.spyOn(Intl.NumberFormat, 'supportedLocalesOf');
    for (const data of [undefined, null, 42, { locale: 'zh-CN' }]) {
      expect(runWorker(data)).toEqual({ posted: [true], closed: true });
      expect(number).toHaveBeenLastCalledWith('en');
    }
    // A tag Intl rejects (RangeError), and an Intl that throws.
    expect(runWorker('not a language tag!')).toEqual({ posted: [false], closed: true });
    number.mockImplementation(() => {
      throw new TypeError('no Intl data');
    });
    expect(runWorker('en')).toEqual({ posted: [false], closed: true });
  });
});

describe('intlWarmed: the first render’s wait for the worker', () => {
  const root = document.documentElement;
  afterEach(() => {
    vi.useRealTimers();
    delete root.dataset.intl;
  });
  const settled = async (p: Promise<void>) => {
    let done = false;
    void p.then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    return done;
  };

  it('resolves at once when no worker is at work', async () => {
    vi.useFakeTimers();
    expect(await settled(intlWarmed(document, 300))).toBe(true);
  });

  it('waits for the worker’s event while the page is marked', async () => {
    vi.useFakeTimers();
    root.dataset.intl = INTL_WARMING;
    const p = intlWarmed(document, 300);
    expect(await settled(p)).toBe(false);
    await vi.advanceTimersByTimeAsync(100);
    expect(await settled(p)).toBe(false);
    delete root.dataset.intl;
    document.dispatchEvent(new Event(INTL_WARMED_EVENT));
    expect(await settled(p)).toBe(true);
    // Its timer cleared: nothing left to fire.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a worker that never answers holds it maxMs, no longer', async () => {
    vi.useFakeTimers();
    root.dataset.intl = INTL_WARMING;
    const p = intlWarmed(document, 300);
    await vi.advanceTimersByTimeAsync(299);
    expect(await settled(p)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(p)).toBe(true);
  });
});
