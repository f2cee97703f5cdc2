import { afterEach, describe, expect, it } from 'vitest';
import { createAppStore } from './index.ts';
import { startUrlSync } from './url-sync.ts';

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  stop = undefined;
  window.history.replaceState(null, '', '#');
});

describe('URL sync', () => {
  it('an empty hash becomes the default lab URL', () => {
    window.history.replaceState(null, '', '#');
    const store = createAppStore();
    stop = startUrlSync(store);
    expect(window.location.hash).toBe('#/fragment?len=4000&mtu=1500&family=inet&sock=udp&pmtu=want');
  });

  it('a pasted URL restores the lab, and store changes write the URL', () => {
    window.history.replaceState(null, '', '#/fragment?sends=700,800&mtu=576&family=inet&sock=udp&pmtu=dont');
    const store = createAppStore();
    stop = startUrlSync(store);
    expect(store.getState().fragment.input).toMatchObject({ sends: [700, 800], mtu: 576, pmtu: 'dont' });
    store.getState().fragment.setField('mtu', '1500');
    expect(window.location.hash).toBe('#/fragment?sends=700,800&mtu=1500&family=inet&sock=udp&pmtu=dont');
  });

  it('follows hashchange (a URL pasted into the same tab)', () => {
    window.history.replaceState(null, '', '#/fragment');
    const store = createAppStore();
    stop = startUrlSync(store);
    window.history.replaceState(null, '', '#/fragment?len=10&mtu=68&family=inet&sock=udp&pmtu=want');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(store.getState().fragment.input).toMatchObject({ sends: [10], mtu: 68 });
  });

  it('leaves other labs’ URLs alone', () => {
    window.history.replaceState(null, '', '#/socket');
    const store = createAppStore();
    stop = startUrlSync(store);
    // The socket lab writes its own canonical query; a Fragmentation change must not touch it.
    const before = window.location.hash;
    expect(before).toMatch(/^#\/socket/);
    store.getState().fragment.setField('mtu', '576');
    expect(window.location.hash).toBe(before);
  });
});
