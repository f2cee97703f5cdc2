import { afterEach, describe, expect, it } from 'vitest';
import { startUrlSync } from '../lab-kit/index.ts';
import type { LabInstance } from '../lab-kit/index.ts';
import type { FragmentState } from './Fragment/store.ts';
import { DEFAULT_LAB, LABS } from './index.ts';

/** Every lab with a fresh store, as main.tsx makes them, and the Fragmentation lab's store. */
function start(): { labs: LabInstance[]; fragment: () => FragmentState } {
  const labs = LABS.map((l) => l.instantiate());
  stop = startUrlSync(labs, DEFAULT_LAB);
  const f = labs.find((l) => l.lab.path === 'fragment')!;
  return { labs, fragment: () => f.store.getState() as FragmentState };
}

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  stop = undefined;
  window.history.replaceState(null, '', '#');
});

describe('URL sync', () => {
  it('an empty hash becomes the default lab URL', () => {
    window.history.replaceState(null, '', '#');
    start();
    expect(window.location.hash).toBe('#/fragment?len=4000&mtu=1500&family=inet&sock=udp&pmtu=want');
  });

  it('a pasted URL restores the lab, and store changes write the URL', () => {
    window.history.replaceState(null, '', '#/fragment?sends=700,800&mtu=576&family=inet&sock=udp&pmtu=dont');
    const { fragment } = start();
    expect(fragment().input).toMatchObject({ sends: [700, 800], mtu: 576, pmtu: 'dont' });
    fragment().setField('mtu', '1500');
    expect(window.location.hash).toBe('#/fragment?sends=700,800&mtu=1500&family=inet&sock=udp&pmtu=dont');
  });

  it('follows hashchange (a URL pasted into the same tab)', () => {
    window.history.replaceState(null, '', '#/fragment');
    const { fragment } = start();
    window.history.replaceState(null, '', '#/fragment?len=10&mtu=68&family=inet&sock=udp&pmtu=want');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(fragment().input).toMatchObject({ sends: [10], mtu: 68 });
  });

  it('leaves other labs’ URLs alone', () => {
    window.history.replaceState(null, '', '#/socket');
    const { fragment } = start();
    // The socket lab writes its own canonical query; a Fragmentation change must not touch it.
    const before = window.location.hash;
    expect(before).toMatch(/^#\/socket/);
    fragment().setField('mtu', '576');
    expect(window.location.hash).toBe(before);
  });
});

describe('unknown parameters', () => {
  it('are named in the lab’s issues and left out of the canonical URL', () => {
    window.history.replaceState(
      null,
      '',
      '#/fragment?len=4000&foo=1&mtu=1500&family=inet&sock=udp&pmtu=want',
    );
    const { fragment } = start();
    expect(fragment().issues).toEqual([expect.objectContaining({ field: 'url', param: 'foo' })]);
    expect(window.location.hash).toBe('#/fragment?len=4000&mtu=1500&family=inet&sock=udp&pmtu=want');
  });

  it('keep the page’s own parameters (embed=1)', () => {
    window.history.replaceState(null, '', '#/socket?embed=1&bogus=2');
    const { labs } = start();
    const socket = labs.find((l) => l.lab.path === 'socket')!;
    expect((socket.store.getState() as { issues: { param?: string }[] }).issues.map((i) => i.param)).toEqual([
      'bogus',
    ]);
    expect(window.location.hash).toMatch(/&embed=1$/);
  });
});
