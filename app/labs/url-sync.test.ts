import { afterEach, describe, expect, it, vi } from 'vitest';
import { URL_IDLE_MS, flushUrl, onUrlWritten, startUrlSync } from '../lab-kit/index.ts';
import type { LabInstance } from '../lab-kit/index.ts';
import type { FragmentState } from './Fragment/store.ts';
import { DEFAULT_LAB, LABS } from './index.ts';

/**
 * Every lab with a fresh store, as main.tsx makes them (loaded beforehand, so sync starts with
 * every lab live), and the Fragmentation lab's store.
 */
async function start(): Promise<{ labs: LabInstance[]; fragment: () => FragmentState }> {
  const labs = LABS.map((l) => l.instantiate());
  await Promise.all(labs.map((l) => l.load()));
  stop = startUrlSync(labs, DEFAULT_LAB);
  const f = labs.find((l) => l.lab.path === 'fragment')!;
  return { labs, fragment: () => f.live!.store.getState() as FragmentState };
}

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  stop = undefined;
  window.history.replaceState(null, '', '#');
});

describe('URL sync', () => {
  it('an empty hash becomes the default lab URL', async () => {
    window.history.replaceState(null, '', '#');
    await start();
    expect(window.location.hash).toBe('#/fragment?len=4000&mtu=1500&family=inet&sock=udp&pmtu=want');
  });

  it('a pasted URL restores the lab, and store changes write the URL', async () => {
    window.history.replaceState(null, '', '#/fragment?sends=700,800&mtu=576&family=inet&sock=udp&pmtu=dont');
    const { fragment } = await start();
    expect(fragment().input).toMatchObject({ sends: [700, 800], mtu: 576, pmtu: 'dont' });
    fragment().setField('mtu', '1500');
    flushUrl();
    expect(window.location.hash).toBe('#/fragment?sends=700,800&mtu=1500&family=inet&sock=udp&pmtu=dont');
  });

  it('follows hashchange (a URL pasted into the same tab)', async () => {
    window.history.replaceState(null, '', '#/fragment');
    const { fragment } = await start();
    window.history.replaceState(null, '', '#/fragment?len=10&mtu=68&family=inet&sock=udp&pmtu=want');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(fragment().input).toMatchObject({ sends: [10], mtu: 68 });
  });

  it('leaves other labs’ URLs alone', async () => {
    window.history.replaceState(null, '', '#/socket');
    const { fragment } = await start();
    // The socket lab writes its own canonical query; a Fragmentation change must not touch it.
    const before = window.location.hash;
    expect(before).toMatch(/^#\/socket/);
    fragment().setField('mtu', '576');
    flushUrl();
    expect(window.location.hash).toBe(before);
  });
});

describe('unknown parameters', () => {
  it('are named in the lab’s issues and left out of the canonical URL', async () => {
    window.history.replaceState(
      null,
      '',
      '#/fragment?len=4000&foo=1&mtu=1500&family=inet&sock=udp&pmtu=want',
    );
    const { fragment } = await start();
    expect(fragment().issues).toEqual([expect.objectContaining({ field: 'url', param: 'foo' })]);
    expect(window.location.hash).toBe('#/fragment?len=4000&mtu=1500&family=inet&sock=udp&pmtu=want');
  });

  it('keep the page’s own parameters (embed=1)', async () => {
    window.history.replaceState(null, '', '#/socket?embed=1&bogus=2');
    const { labs } = await start();
    const socket = labs.find((l) => l.lab.path === 'socket')!;
    expect(
      (socket.live!.store.getState() as { issues: { param?: string }[] }).issues.map((i) => i.param),
    ).toEqual(['bogus']);
    expect(window.location.hash).toMatch(/&embed=1$/);
  });
});

describe('lazy labs', () => {
  it('loads only the lab the URL names, reads its query once loaded, and leaves the URL alone until then', async () => {
    window.history.replaceState(null, '', '#/fragment?mtu=576&len=10');
    const labs = LABS.map((l) => l.instantiate());
    stop = startUrlSync(labs, DEFAULT_LAB);
    const f = labs.find((l) => l.lab.path === 'fragment')!;
    // Nothing is live yet: the URL is as given until the lab's code is in.
    expect(f.live).toBeNull();
    expect(window.location.hash).toBe('#/fragment?mtu=576&len=10');
    await f.load();
    await vi.waitFor(() =>
      expect(window.location.hash).toBe('#/fragment?len=10&mtu=576&family=inet&sock=udp&pmtu=want'),
    );
    expect((f.live!.store.getState() as FragmentState).input).toMatchObject({ sends: [10], mtu: 576 });
    expect(labs.filter((l) => l.live).map((l) => l.lab.path)).toEqual(['fragment']);
    // Once live, its changes reach the address bar.
    (f.live!.store.getState() as FragmentState).setField('mtu', '68');
    flushUrl();
    expect(window.location.hash).toBe('#/fragment?len=10&mtu=68&family=inet&sock=udp&pmtu=want');
  });

  it('an empty hash loads the default lab and then writes its URL', async () => {
    window.history.replaceState(null, '', '#');
    const labs = LABS.map((l) => l.instantiate());
    stop = startUrlSync(labs, DEFAULT_LAB);
    await vi.waitFor(() =>
      expect(window.location.hash).toBe('#/fragment?len=4000&mtu=1500&family=inet&sock=udp&pmtu=want'),
    );
    expect(labs.filter((l) => l.live).map((l) => l.lab.path)).toEqual([DEFAULT_LAB]);
  });
});

/**
 * Every lab loaded and synced with a window whose `extra` properties stand in for its own (the
 * location a test watches, idle callbacks jsdom lacks); the Fragmentation lab's state.
 */
async function syncWithWindow(extra: Record<string, unknown>): Promise<() => FragmentState> {
  const win = new Proxy(window, {
    get: (w, k) => {
      if (typeof k === 'string' && k in extra) return extra[k];
      const v = Reflect.get(w, k, w) as unknown;
      return typeof v === 'function' ? (v as () => unknown).bind(w) : v;
    },
  });
  const labs = LABS.map((l) => l.instantiate());
  await Promise.all(labs.map((l) => l.load()));
  stop = startUrlSync(labs, DEFAULT_LAB, win);
  return () => labs.find((l) => l.lab.path === 'fragment')!.live!.store.getState() as FragmentState;
}

describe('writes wait until the lab is still (issue 17)', () => {
  afterEach(() => vi.useRealTimers());
  const WANT = '#/fragment?len=4000&mtu=MTU&family=inet&sock=udp&pmtu=want';

  it('a run of edits is one write, URL_IDLE_MS after the last', async () => {
    window.history.replaceState(null, '', '#/fragment?len=4000&mtu=1500&family=inet&sock=udp&pmtu=want');
    const { fragment } = await start();
    vi.useFakeTimers();
    const replace = vi.spyOn(window.history, 'replaceState');
    const heard = vi.fn();
    const unhear = onUrlWritten(heard);
    for (const mtu of ['5', '57', '576']) {
      fragment().setField('mtu', mtu);
      vi.advanceTimersByTime(URL_IDLE_MS - 1);
    }
    expect(replace).not.toHaveBeenCalled();
    expect(window.location.hash).toBe(WANT.replace('MTU', '1500'));
    vi.advanceTimersByTime(1);
    expect(replace).toHaveBeenCalledTimes(1);
    expect(window.location.hash).toBe(WANT.replace('MTU', '576'));
    expect(heard).toHaveBeenCalledTimes(1);
    unhear();
    replace.mockRestore();
  });

  it('flushUrl, a hidden page, a followed link and stopping write the waiting state at once', async () => {
    window.history.replaceState(null, '', '#/fragment?len=4000&mtu=1500&family=inet&sock=udp&pmtu=want');
    const { fragment } = await start();
    vi.useFakeTimers();
    fragment().setField('mtu', '576');
    flushUrl();
    expect(window.location.hash).toBe(WANT.replace('MTU', '576'));

    fragment().setField('mtu', '600');
    window.dispatchEvent(new Event('pagehide'));
    expect(window.location.hash).toBe(WANT.replace('MTU', '600'));

    fragment().setField('mtu', '700');
    const a = document.createElement('a');
    a.href = '#/socket';
    a.addEventListener('click', (e) => e.preventDefault());
    document.body.append(a);
    a.click();
    a.remove();
    expect(window.location.hash).toBe(WANT.replace('MTU', '700'));

    fragment().setField('mtu', '800');
    stop?.();
    stop = undefined;
    expect(window.location.hash).toBe(WANT.replace('MTU', '800'));
  });

  it('an edit does not read the address: the write, when due, does (a 64 KiB netlink hash is 130 KB)', async () => {
    window.history.replaceState(null, '', '#/fragment?len=4000&mtu=1500&family=inet&sock=udp&pmtu=want');
    let reads = 0;
    const location = new Proxy(window.location, {
      get: (l, k) => {
        if (k === 'hash') reads++;
        const v = Reflect.get(l, k, l) as unknown;
        return typeof v === 'function' ? (v as () => unknown).bind(l) : v;
      },
    });
    const fragment = await syncWithWindow({ location });
    vi.useFakeTimers();
    reads = 0;
    for (const mtu of ['5', '57', '576']) fragment().setField('mtu', mtu);
    expect(reads).toBe(0);
    vi.advanceTimersByTime(URL_IDLE_MS);
    expect(reads).toBeGreaterThan(0);
    expect(window.location.hash).toBe(WANT.replace('MTU', '576'));
  });

  it('where the page has idle callbacks, the still lab is written when the page is idle, and a flush does not wait', async () => {
    window.history.replaceState(null, '', '#/fragment?len=4000&mtu=1500&family=inet&sock=udp&pmtu=want');
    const idle = new Map<number, () => void>();
    let ids = 0;
    const extra: Record<string, unknown> = {
      requestIdleCallback: (cb: () => void) => (idle.set(++ids, cb), ids),
      cancelIdleCallback: (id: number) => idle.delete(id),
    };
    const fragment = await syncWithWindow(extra);
    vi.useFakeTimers();
    fragment().setField('mtu', '576');
    vi.advanceTimersByTime(URL_IDLE_MS);
    expect(window.location.hash).toBe(WANT.replace('MTU', '1500'));
    expect(idle.size).toBe(1);
    // Another edit before the idle callback: it is cancelled, and the wait starts again.
    fragment().setField('mtu', '600');
    expect(idle.size).toBe(0);
    vi.advanceTimersByTime(URL_IDLE_MS);
    const due = [...idle.values()];
    idle.clear();
    due.forEach((cb) => cb());
    expect(window.location.hash).toBe(WANT.replace('MTU', '600'));
    fragment().setField('mtu', '700');
    vi.advanceTimersByTime(URL_IDLE_MS);
    flushUrl();
    expect(window.location.hash).toBe(WANT.replace('MTU', '700'));
    expect(idle.size).toBe(0);
  });

  it('a change of a lab not on screen is not written over the address of the one that is', async () => {
    window.history.replaceState(null, '', '#/fragment?len=4000&mtu=1500&family=inet&sock=udp&pmtu=want');
    const { labs } = await start();
    vi.useFakeTimers();
    const other = labs.find((l) => l.lab.path === 'netlink')!.live!.store.getState() as {
      setHex: (t: string) => void;
    };
    other.setHex('00');
    vi.advanceTimersByTime(URL_IDLE_MS);
    flushUrl();
    expect(window.location.hash).toBe(WANT.replace('MTU', '1500'));
  });

  it('a new address drops the waiting write: the address the student went to wins', async () => {
    window.history.replaceState(null, '', '#/fragment?len=4000&mtu=1500&family=inet&sock=udp&pmtu=want');
    const { fragment } = await start();
    vi.useFakeTimers();
    fragment().setField('mtu', '576');
    window.history.replaceState(null, '', '#/fragment?len=10&mtu=68&family=inet&sock=udp&pmtu=want');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    vi.advanceTimersByTime(URL_IDLE_MS * 2);
    expect(window.location.hash).toBe('#/fragment?len=10&mtu=68&family=inet&sock=udp&pmtu=want');
    expect(fragment().input).toMatchObject({ sends: [10], mtu: 68 });
  });
});
