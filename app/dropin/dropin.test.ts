import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HEIGHT_MESSAGE } from '../embed/height-reporter.ts';
import { MAX_HEIGHT, createDropin, type DropinApi, type DropinEnv } from './dropin.ts';

const SOCKSCOPE = 'https://labs.example';
const BASE = `${SOCKSCOPE}/course/sockscope/`;

/** A stand-in IntersectionObserver the test fires by hand. */
class FakeIO {
  static last: FakeIO | undefined;
  observed = new Set<Element>();
  constructor(readonly cb: IntersectionObserverCallback) {
    FakeIO.last = this;
  }
  observe(el: Element) {
    this.observed.add(el);
  }
  unobserve(el: Element) {
    this.observed.delete(el);
  }
  disconnect() {
    this.observed.clear();
  }
  show(el: Element) {
    this.cb([{ target: el, isIntersecting: true } as unknown as IntersectionObserverEntry], this as never);
  }
}

let api: DropinApi | undefined;
let warnings: string[];

function start(extra: Partial<DropinEnv> = {}) {
  const script = document.createElement('script');
  script.setAttribute('src', `${BASE}embed.js`);
  document.head.append(script);
  api = createDropin({
    window,
    document,
    script,
    nativeLazy: true,
    IntersectionObserver: FakeIO as unknown as typeof IntersectionObserver,
    warn: (m) => warnings.push(m),
    ...extra,
  });
  return api;
}

function placeholder(attrs: Record<string, string>, tag = 'div'): HTMLElement {
  const div = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) div.setAttribute(k, v);
  document.body.append(div);
  return div;
}

/** Where the drop-in draws: the placeholder's shadow root (or the placeholder, for elements without one). */
const inside = (el: Element): ParentNode => el.shadowRoot ?? el;
const frames = () =>
  [...document.querySelectorAll('[data-sockscope]')].flatMap((el) => [
    ...inside(el).querySelectorAll('iframe'),
  ]);
const links = () =>
  [...document.querySelectorAll('[data-sockscope]')].flatMap((el) => [
    ...inside(el).querySelectorAll('a.sockscope-fallback'),
  ]);
const flush = () => new Promise((r) => setTimeout(r, 0));

function post(source: Window | null, origin: string, data: unknown) {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
}

beforeEach(() => {
  warnings = [];
  document.head.replaceChildren();
  document.body.replaceChildren();
  document.documentElement.removeAttribute('lang');
  document.documentElement.removeAttribute('data-sockscope-theme');
});
afterEach(() => {
  api?.dispose();
  api = undefined;
});

describe('mounting', () => {
  it('makes one lazy iframe per placeholder with the lab address and title, replacing the fallback content', () => {
    const a = placeholder({ 'data-sockscope': '#/fragment?len=4000&mtu=1500', 'data-view': 'diagram' });
    a.innerHTML = '<a href="x">no-JS link</a>';
    placeholder({ 'data-sockscope': '#/socket' });
    start();
    const [f1, f2] = frames();
    expect(frames()).toHaveLength(2);
    expect(f1!.src).toBe(`${BASE}#/fragment?len=4000&mtu=1500&view=diagram&theme=auto&embed=1`);
    expect(f1!.title).toBe('sockscope: Fragmentation');
    expect(f1!.getAttribute('loading')).toBe('lazy');
    // In the shadow root: the placeholder's own (no-JS) content stays, unrendered, for hydration and print.
    expect(a.shadowRoot!.querySelector('iframe')).toBe(f1);
    expect(a.querySelector('a')?.textContent).toBe('no-JS link');
    expect(a.getAttribute('data-sockscope-state')).toBe('ready');
    expect(f2!.src).toBe(`${BASE}#/socket?theme=auto&embed=1`);
    expect(warnings).toEqual([]);
  });

  it('never initialises twice: mount and refresh keep the same iframe', () => {
    const a = placeholder({ 'data-sockscope': '#/skb' });
    start();
    const f = frames()[0];
    expect(api!.mount(a)).toBe(true);
    api!.refresh();
    api!.refresh();
    expect(frames()).toEqual([f]);
    expect(a.shadowRoot!.children).toHaveLength(1);
  });

  it('bad attributes: a warning naming the attribute, the embed still made', () => {
    placeholder({ 'data-sockscope': '#/fragment', 'data-view': 'giant', 'data-step': 'x' });
    start();
    expect(frames()).toHaveLength(1);
    expect(warnings).toEqual([
      expect.stringMatching(/^sockscope: data-view "giant"/),
      expect.stringMatching(/^sockscope: data-step "x"/),
    ]);
  });

  it('a placeholder naming no lab gets a visible link to sockscope, and a warning', () => {
    const a = placeholder({ 'data-sockscope': 'not a lab!' });
    start();
    expect(frames()).toHaveLength(0);
    const link = inside(a).querySelector('a.sockscope-fallback');
    expect(link?.getAttribute('href')).toBe(BASE);
    expect(link?.textContent).toMatch(/Open the lab in sockscope/);
    expect(a.getAttribute('data-sockscope-state')).toBe('error');
    expect(warnings).toEqual([expect.stringMatching(/names no lab/)]);
  });

  it('without a usable script src, the lab named by a full address still embeds; others get a message', () => {
    placeholder({ 'data-sockscope': 'https://labs.example/s/#/skb' });
    const b = placeholder({ 'data-sockscope': '#/skb' });
    api = createDropin({ window, document, script: null, warn: (m) => warnings.push(m), nativeLazy: true });
    expect(frames().map((f) => f.src)).toEqual(['https://labs.example/s/#/skb?theme=auto&embed=1']);
    expect(inside(b).textContent).toBe('sockscope embed unavailable');
    expect(warnings).toEqual([expect.stringMatching(/cannot tell where sockscope is/)]);
  });

  it('mount() refuses non-placeholders without throwing', () => {
    start();
    for (const v of [null, undefined, 42, {}, 'div', document.createElement('div')])
      expect(api!.mount(v)).toBe(false);
    expect(warnings).toHaveLength(6);
  });

  it('bounds the embeds per page: beyond maxEmbeds, links', () => {
    for (let i = 0; i < 5; i++) placeholder({ 'data-sockscope': '#/skb' });
    start({ maxEmbeds: 3 });
    expect(frames()).toHaveLength(3);
    expect(links()).toHaveLength(2);
    expect(warnings.filter((w) => /more than 3 embeds/.test(w))).toHaveLength(2);
  });

  it('the page language and theme pass into the address; the fallback link speaks it', () => {
    document.documentElement.setAttribute('lang', 'zh-cn');
    document.documentElement.setAttribute('data-sockscope-theme', 'light');
    placeholder({ 'data-sockscope': '#/skb' });
    const bad = placeholder({ 'data-sockscope': '' });
    start();
    expect(frames()[0]!.src).toBe(`${BASE}#/skb?theme=light&lang=zh-CN&embed=1`);
    expect(frames()[0]!.style.colorScheme).toBe('light');
    expect(inside(bad).textContent).toContain('在 sockscope 中打开实验');
  });
});

describe('lazy loading', () => {
  it('makes the first maxEager iframes at once and the rest when they near the viewport', () => {
    const els = [0, 1, 2, 3].map(() => placeholder({ 'data-sockscope': '#/journey' }));
    start({ maxEager: 2 });
    expect(frames()).toHaveLength(2);
    expect(els.map((e) => e.getAttribute('data-sockscope-state'))).toEqual([
      'ready',
      'ready',
      'waiting',
      'waiting',
    ]);
    expect([...FakeIO.last!.observed]).toEqual([els[2], els[3]]);
    FakeIO.last!.show(els[3]!);
    expect(frames()).toHaveLength(3);
    expect(inside(els[3]!).querySelector('iframe')).not.toBeNull();
    expect(FakeIO.last!.observed.has(els[3]!)).toBe(false);
    FakeIO.last!.show(els[3]!); // a late second notification makes nothing more
    expect(frames()).toHaveLength(3);
  });

  it('without native lazy iframes, every embed waits for the IntersectionObserver', () => {
    const a = placeholder({ 'data-sockscope': '#/journey' });
    start({ nativeLazy: false });
    expect(frames()).toHaveLength(0);
    FakeIO.last!.show(a);
    expect(frames()).toHaveLength(1);
  });
});

// jsdom gives no window to an iframe in a shadow root, so these use <li> placeholders (light DOM);
// e2e/dropin.spec.ts checks the same rules with real frames in shadow roots.
describe('height messages', () => {
  it('size only the iframe that sent them, from the embed origin, with a sane height', () => {
    placeholder({ 'data-sockscope': '#/fragment' }, 'li');
    placeholder({ 'data-sockscope': '#/socket' }, 'li');
    start();
    const [f1, f2] = frames() as [HTMLIFrameElement, HTMLIFrameElement];
    const msg = (height: unknown) => ({ type: HEIGHT_MESSAGE, height, path: 'fragment' });
    const before2 = f2.style.height;

    post(f1.contentWindow, SOCKSCOPE, msg(1234.2));
    expect(f1.style.height).toBe('1235px');
    expect(f2.style.height).toBe(before2);
    expect(f1.parentElement!.getAttribute('data-sockscope-state')).toBe('sized');

    post(f1.contentWindow, 'https://evil.example', msg(10)); // right frame, wrong origin
    post(window, SOCKSCOPE, msg(11)); // the host itself, or a script on it
    post(null, SOCKSCOPE, msg(12));
    for (const bad of [-5, 0, NaN, Infinity, '300', null]) post(f1.contentWindow, SOCKSCOPE, msg(bad));
    post(f1.contentWindow, SOCKSCOPE, { type: 'other', height: 13 });
    post(f1.contentWindow, SOCKSCOPE, 'sockscope:height');
    expect(f1.style.height).toBe('1235px');

    post(f1.contentWindow, SOCKSCOPE, msg(1e9));
    expect(f1.style.height).toBe(`${MAX_HEIGHT}px`);
    post(f2.contentWindow, SOCKSCOPE, msg(700));
    expect(f2.style.height).toBe('700px');
    expect(f1.style.height).toBe(`${MAX_HEIGHT}px`);
  });

  it('an embed from a full address accepts only its own origin', () => {
    placeholder({ 'data-sockscope': 'https://other.example/s/#/skb' }, 'li');
    start();
    const f = frames()[0]!;
    post(f.contentWindow, SOCKSCOPE, { type: HEIGHT_MESSAGE, height: 400 });
    expect(f.style.height).not.toBe('400px');
    post(f.contentWindow, 'https://other.example', { type: HEIGHT_MESSAGE, height: 400 });
    expect(f.style.height).toBe('400px');
  });

  it('stop after dispose', () => {
    placeholder({ 'data-sockscope': '#/skb' }, 'li');
    start();
    const f = frames()[0]!;
    api!.dispose();
    post(f.contentWindow, SOCKSCOPE, { type: HEIGHT_MESSAGE, height: 321 });
    expect(f.style.height).not.toBe('321px');
  });
});

describe('a page that changes', () => {
  it('mounts placeholders added later, once', async () => {
    start();
    const wrap = document.createElement('section');
    wrap.innerHTML = '<div data-sockscope="#/netlink"></div><p><span data-sockscope="#/skb"></span></p>';
    document.body.append(wrap);
    await flush();
    expect(frames().map((f) => f.src)).toEqual([
      `${BASE}#/netlink?theme=auto&embed=1`,
      `${BASE}#/skb?theme=auto&embed=1`,
    ]);
    api!.refresh();
    await flush();
    expect(frames()).toHaveLength(2);
  });

  it('follows an attribute change in place (same iframe, new address)', async () => {
    const a = placeholder({ 'data-sockscope': '#/fragment?len=4000' });
    start();
    const f = frames()[0]!;
    a.setAttribute('data-sockscope', '#/fragment?len=9000');
    a.setAttribute('data-theme', 'dark');
    await flush();
    expect(frames()).toEqual([f]);
    expect(f.src).toBe(`${BASE}#/fragment?len=9000&theme=dark&embed=1`);
    expect(f.style.colorScheme).toBe('dark');
  });

  it("follows the host's theme switch (Docusaurus html[data-theme])", async () => {
    placeholder({ 'data-sockscope': '#/skb' });
    placeholder({ 'data-sockscope': '#/socket', 'data-theme': 'light' });
    start();
    document.documentElement.setAttribute('data-theme', 'dark');
    await flush();
    expect(frames().map((f) => new URLSearchParams(f.src.split('?')[1]).get('theme'))).toEqual([
      'dark',
      'light',
    ]);
    document.documentElement.removeAttribute('data-theme');
  });

  it('a framework re-rendering the placeholder children leaves the iframe (it is in the shadow root)', async () => {
    const a = placeholder({ 'data-sockscope': '#/skb' });
    start();
    const f = frames()[0];
    a.replaceChildren(document.createTextNode('hydrated'));
    await flush();
    expect(frames()).toEqual([f]);
    expect(f!.isConnected).toBe(true);
  });

  it('an element without a shadow root: the iframe replaces its children, and is put back a bounded number of times', async () => {
    const a = placeholder({ 'data-sockscope': '#/skb' }, 'li');
    start();
    expect(a.shadowRoot).toBeNull();
    expect(a.querySelectorAll('iframe')).toHaveLength(1);
    for (let i = 0; i < 3; i++) {
      a.replaceChildren();
      await flush();
      expect(a.querySelectorAll('iframe')).toHaveLength(1);
    }
    a.replaceChildren();
    await flush();
    expect(a.querySelectorAll('iframe')).toHaveLength(0);
  });

  it('a placeholder broken and fixed again gets its iframe back, without using up the eager slots', async () => {
    const a = placeholder({ 'data-sockscope': '#/skb' });
    const b = placeholder({ 'data-sockscope': '#/socket' });
    start({ maxEager: 2 });
    for (let i = 0; i < 3; i++) {
      a.setAttribute('data-sockscope', '!!');
      await flush();
      expect(inside(a).querySelector('a.sockscope-fallback')).not.toBeNull();
      a.setAttribute('data-sockscope', '#/skb');
      await flush();
      expect(a.getAttribute('data-sockscope-state')).toBe('ready');
    }
    expect(b.getAttribute('data-sockscope-state')).toBe('ready');
    placeholder({ 'data-sockscope': '#/netlink' });
    await flush();
    expect(frames()).toHaveLength(2);
    expect(document.querySelectorAll('[data-sockscope-state="waiting"]')).toHaveLength(1);
  });

  it('forgets removed placeholders, which frees their eager slot', async () => {
    const a = placeholder({ 'data-sockscope': '#/skb' });
    start({ maxEager: 1 });
    a.remove();
    await flush();
    placeholder({ 'data-sockscope': '#/socket' });
    await flush();
    expect(frames()).toHaveLength(1);
    expect(frames()[0]!.src).toContain('#/socket');
  });
});

describe('embed.ts', () => {
  it('installs window.sockscope once, even when the script is included twice', async () => {
    vi.resetModules();
    const before = window.sockscope;
    delete window.sockscope;
    placeholder({ 'data-sockscope': '#/skb' });
    const s = document.createElement('script');
    s.src = `${BASE}embed.js`;
    document.head.append(s);
    await import('./embed.ts');
    const installed = () => window.sockscope; // a call: TypeScript keeps no narrowing from the delete
    const first = installed();
    expect(first?.mount).toBeTypeOf('function');
    vi.resetModules();
    await import('./embed.ts');
    expect(installed()).toBe(first);
    expect(frames()).toHaveLength(1);
    expect(frames()[0]!.src).toBe(`${BASE}#/skb?theme=auto&embed=1`);
    window.sockscope = before;
  });
});
