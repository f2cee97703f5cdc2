import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { intlWarm } from './intl-warm.ts';

const WORKER_JS = readFileSync('public/intl-warm.js', 'utf8');

/** Runs public/intl-warm.js as a worker would, with `self` standing in for the worker's scope. */
function runWorker(search: string, intl: unknown = Intl) {
  const posted: unknown[] = [];
  const self = { location: { search }, postMessage: (m: unknown) => posted.push(m), close: vi.fn() };
  new Function('self', 'Intl', WORKER_JS)(self, intl);
  return { posted, closed: self.close.mock.calls.length };
}

afterEach(() => vi.useRealTimers());

describe('intlWarm: the first render waits for the locale-data worker, a little while at most', () => {
  it('no worker started (the dev server, no Worker): nothing to wait for', async () => {
    let done = false;
    void intlWarm({}).then(() => (done = true));
    await Promise.resolve();
    await Promise.resolve();
    expect(done).toBe(true);
  });

  it('waits for the worker’s answer, not for the time limit', async () => {
    vi.useFakeTimers();
    let answer!: () => void;
    const warm = new Promise<void>((r) => (answer = r));
    let done = false;
    void intlWarm({ sockscopeIntlWarm: warm }, 400).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(100);
    expect(done).toBe(false);
    answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
    expect(vi.getTimerCount()).toBe(0); // the limit's timer is cleared
  });

  it('a worker that never answers costs the limit once, and one that fails costs nothing more', async () => {
    vi.useFakeTimers();
    let done = false;
    void intlWarm({ sockscopeIntlWarm: new Promise<void>(() => {}) }, 400).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(399);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
    let failed = false;
    void intlWarm({ sockscopeIntlWarm: Promise.reject(new Error('no')) }, 400).then(() => (failed = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(failed).toBe(true);
  });
});

describe('public/intl-warm.js: the worker', () => {
  it('uses the page’s language, answers once and closes', () => {
    const calls: string[] = [];
    const spy = new Proxy(Intl, {
      get(target, key: string) {
        const real = Reflect.get(target, key) as unknown;
        if (typeof real !== 'function') return real;
        return new Proxy(real as (...a: unknown[]) => unknown, {
          construct(t, args) {
            calls.push(`${key}(${String(args[0])})`);
            return Reflect.construct(t, args) as object;
          },
        });
      },
    });
    expect(runWorker('?lang=zh-CN', spy)).toEqual({ posted: ['warm'], closed: 1 });
    expect(calls).toContain('NumberFormat(zh-CN)');
    expect(calls).toContain('PluralRules(zh-CN)');
    expect(calls).toContain('DateTimeFormat(zh-CN)');
  });

  it('no language in its address: English; a language Intl rejects, or no Intl: it still answers', () => {
    expect(runWorker('')).toEqual({ posted: ['warm'], closed: 1 });
    expect(runWorker('?lang=not_a_tag!')).toEqual({ posted: ['warm'], closed: 1 });
    expect(runWorker('?lang=en', undefined)).toEqual({ posted: ['warm'], closed: 1 });
  });
});
