import { describe, expect, it } from 'vitest';
import { HEIGHT_MESSAGE, isFramed, startHeightReporter, type HeightMessage } from './height-reporter.ts';

/** A window inside a frame: its parent records what is posted; hashchange/load listeners are kept. */
function fakeWindow(hash = '#/fragment?len=4000&embed=1') {
  const posted: { message: HeightMessage; origin: string }[] = [];
  const listeners = new Map<string, Set<() => void>>();
  const win = {
    parent: {
      postMessage: (message: unknown, origin: string) =>
        posted.push({ message: message as HeightMessage, origin }),
    },
    document: { documentElement: document.createElement('html') },
    location: { hash },
    addEventListener: (t: string, cb: () => void) => {
      if (!listeners.has(t)) listeners.set(t, new Set());
      listeners.get(t)!.add(cb);
    },
    removeEventListener: (t: string, cb: () => void) => listeners.get(t)?.delete(cb),
    fire: (t: string) => listeners.get(t)?.forEach((cb) => cb()),
    listenerCount: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
  };
  return { win, posted };
}

/** A ResizeObserver whose callback the test calls; records what it observes. */
function fakeRO() {
  const state = { cb: undefined as undefined | (() => void), observed: [] as Element[], disconnected: false };
  class RO {
    constructor(cb: () => void) {
      state.cb = cb;
    }
    observe(el: Element) {
      state.observed.push(el);
    }
    unobserve() {}
    disconnect() {
      state.disconnected = true;
    }
  }
  return { RO: RO as unknown as typeof ResizeObserver, state };
}

describe('startHeightReporter', () => {
  it('posts {type, height, path} to the parent at once, with targetOrigin *', () => {
    const { win, posted } = fakeWindow();
    const { RO } = fakeRO();
    startHeightReporter(win, { measure: () => 812.3, ResizeObserverImpl: RO });
    expect(posted).toEqual([
      { message: { type: HEIGHT_MESSAGE, height: 813, path: 'fragment' }, origin: '*' },
    ]);
    expect(HEIGHT_MESSAGE).toBe('sockscope:height');
  });

  it('posts again when the observed root changes height, never twice with one value', () => {
    const { win, posted } = fakeWindow();
    const { RO, state } = fakeRO();
    let h = 800;
    startHeightReporter(win, { measure: () => h, ResizeObserverImpl: RO });
    expect(state.observed).toEqual([win.document.documentElement]);
    state.cb!();
    h = 1200;
    state.cb!();
    state.cb!();
    h = 640;
    state.cb!();
    expect(posted.map((p) => p.message.height)).toEqual([800, 1200, 640]);
  });

  it('a route change inside the frame re-posts, even with the same height', () => {
    const { win, posted } = fakeWindow();
    const { RO } = fakeRO();
    startHeightReporter(win, { measure: () => 700, ResizeObserverImpl: RO });
    win.location.hash = '#/socket?domain=AF_INET&embed=1';
    win.fire('hashchange');
    expect(posted.map((p) => p.message)).toEqual([
      { type: 'sockscope:height', height: 700, path: 'fragment' },
      { type: 'sockscope:height', height: 700, path: 'socket' },
    ]);
  });

  it('skips a zero height (not laid out yet) and reports on load', () => {
    const { win, posted } = fakeWindow();
    const { RO } = fakeRO();
    let h = 0;
    startHeightReporter(win, { measure: () => h, ResizeObserverImpl: RO });
    expect(posted).toEqual([]);
    h = 950;
    win.fire('load');
    expect(posted.map((p) => p.message.height)).toEqual([950]);
  });

  it('stops: disconnects the observer and removes its listeners', () => {
    const { win, posted } = fakeWindow();
    const { RO, state } = fakeRO();
    let h = 500;
    const stop = startHeightReporter(win, { measure: () => h, ResizeObserverImpl: RO });
    expect(win.listenerCount()).toBe(2);
    stop();
    expect(state.disconnected).toBe(true);
    expect(win.listenerCount()).toBe(0);
    h = 900;
    win.fire('hashchange');
    expect(posted).toHaveLength(1);
  });

  it('does nothing in a top-level window', () => {
    const { win, posted } = fakeWindow();
    const top = { ...win, parent: undefined as unknown as typeof win.parent };
    top.parent = top as unknown as typeof win.parent;
    const { RO, state } = fakeRO();
    startHeightReporter(top, { measure: () => 800, ResizeObserverImpl: RO })();
    expect(posted).toEqual([]);
    expect(state.observed).toEqual([]);
  });
});

describe('isFramed', () => {
  it('is false at the top, true in a frame, true when the parent cannot be read (cross-origin)', () => {
    const top = {} as { parent: unknown };
    top.parent = top;
    expect(isFramed(top as Pick<Window, 'parent'>)).toBe(false);
    expect(isFramed({ parent: {} } as Pick<Window, 'parent'>)).toBe(true);
    const guarded = {
      get parent(): Window {
        throw new Error('SecurityError');
      },
    };
    expect(isFramed(guarded)).toBe(true);
    expect(isFramed(window)).toBe(false);
  });
});
