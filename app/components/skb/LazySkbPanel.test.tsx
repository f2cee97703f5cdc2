import type { ReactNode } from 'react';
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ipSend } from '../../../core/ip/send.ts';
import { DEFAULT_SEND_INPUT } from '../../../core/ip/types.ts';
import { I18nProvider } from '../../i18n/I18nProvider.tsx';
import { LazySkbPanel, NEAR_VIEW } from './LazySkbPanel.tsx';

/** An IntersectionObserver the test drives: `seen(true)` says the panel came near the view. */
class FakeObserver {
  static all: FakeObserver[] = [];
  observed: Element[] = [];
  constructor(
    readonly report: (entries: { isIntersecting: boolean }[]) => void,
    readonly options: { rootMargin?: string },
  ) {
    FakeObserver.all.push(this);
  }
  observe(el: Element) {
    this.observed.push(el);
  }
  disconnect() {
    this.observed = [];
  }
  seen(yes: boolean) {
    if (this.observed.length) this.report([{ isIntersecting: yes }]);
  }
}

/** A UDP send of 4,000 bytes at MTU 1500 (three fragments), as the Fragmentation lab runs it. */
const trace = () => {
  const r = ipSend({ ...DEFAULT_SEND_INPUT, sends: [4000], mtu: 1500 });
  if (!('trace' in r)) throw new Error('the send failed');
  return r.trace;
};
/** A panel as a lab places it: in a `.panel` section (with a step button to focus), with the app's words. */
const inPanel = (child: ReactNode, button = false) => (
  <I18nProvider>
    <section className="panel">
      {button && <button type="button">a step</button>}
      {child}
    </section>
  </I18nProvider>
);
const panel = (t = trace(), index = 3) => inPanel(<LazySkbPanel trace={t} index={index} />, true);

/** The module loaded afresh (its chunk not yet fetched on this page), its observer the fake one. */
async function freshModule() {
  vi.resetModules();
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  return import('./LazySkbPanel.tsx');
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeObserver.all = [];
});

describe('<LazySkbPanel> (issue 17: the sk_buff panel is fetched when wanted)', () => {
  it('holds its place until the panel nears the view, then draws the step’s sk_buffs; later panels draw at once', async () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const view = render(panel());
    const waiting = view.container.querySelector('.skb-panel-waiting');
    expect(waiting).toHaveAttribute('aria-busy', 'true');
    expect(FakeObserver.all).toHaveLength(1);
    expect(FakeObserver.all[0]!.options.rootMargin).toBe(NEAR_VIEW);
    act(() => FakeObserver.all[0]!.seen(false)); // still far below the fold
    await new Promise((r) => setTimeout(r, 20));
    expect(view.container.querySelector('.skb-panel-waiting')).not.toBeNull();
    act(() => FakeObserver.all[0]!.seen(true));
    await waitFor(() => expect(view.container.querySelector('.skb-panel-waiting')).toBeNull());
    expect(view.container.querySelector('.skb-panel')).toHaveTextContent(/skb/i);
    view.unmount();
    // Fetched once a page: another panel draws without waiting.
    const again = render(panel());
    expect(again.container.querySelector('.skb-panel-waiting')).toBeNull();
    expect(again.container.querySelector('.skb-panel')).not.toBeNull();
  });
});

describe('<LazySkbPanel> asked for', () => {
  it('comes when focus enters its panel (a step chosen from the keyboard)', async () => {
    const { LazySkbPanel: Fresh } = await freshModule();
    const t = trace();
    const view = render(inPanel(<Fresh trace={t} index={3} />, true));
    expect(view.container.querySelector('.skb-panel-waiting')).not.toBeNull();
    fireEvent.focusIn(view.getByRole('button', { name: 'a step' }));
    await waitFor(() => expect(view.container.querySelector('.skb-panel-waiting')).toBeNull());
    expect(FakeObserver.all.every((o) => o.observed.length === 0)).toBe(true); // stopped watching
  });
});

describe('<LazySkbPanel> once the page has settled', () => {
  it('comes IDLE_MS after the first screen, in the next idle period, even if never scrolled to (a printed page has it)', async () => {
    let idle: (() => void) | null = null;
    let timeout = 0;
    const cancelled: number[] = [];
    vi.stubGlobal('requestIdleCallback', (cb: () => void, o: { timeout: number }) => {
      idle = cb;
      timeout = o.timeout;
      return 7;
    });
    vi.stubGlobal('cancelIdleCallback', (id: number) => cancelled.push(id));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      // Scrolled to first: the settling wait is called off, no idle period asked for.
      const { LazySkbPanel: First, IDLE_MS } = await freshModule();
      const first = render(inPanel(<First trace={trace()} index={3} />));
      act(() => FakeObserver.all[0]!.seen(true));
      vi.advanceTimersByTime(2 * IDLE_MS);
      expect(idle).toBeNull();
      vi.useRealTimers();
      await waitFor(() => expect(first.container.querySelector('.skb-panel-waiting')).toBeNull());
      first.unmount();
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const { LazySkbPanel: Fresh } = await freshModule();
      const view = render(inPanel(<Fresh trace={trace()} index={3} />));
      // Not at the first idle moment (the first screen may still be loading): after IDLE_MS.
      vi.advanceTimersByTime(IDLE_MS - 1);
      expect(idle).toBeNull();
      vi.advanceTimersByTime(1);
      expect(idle).not.toBeNull();
      expect(timeout).toBe(IDLE_MS);
      expect(view.container.querySelector('.skb-panel-waiting')).not.toBeNull();
      expect(cancelled).toEqual([]);
      vi.useRealTimers();
      act(() => idle!());
      await waitFor(() => expect(view.container.querySelector('.skb-panel-waiting')).toBeNull());
      view.unmount();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('<LazySkbPanel> of one snapshot (the Reassembly lab’s delivered datagram)', () => {
  it('draws the snapshot’s sk_buffs as a first step (none marked new or reused), once near the view', async () => {
    const { LazySkbPanel: Fresh } = await freshModule();
    const t = trace();
    const last = t[t.length - 1]!.snapshot;
    const view = render(inPanel(<Fresh snapshot={last} />));
    expect(view.container.querySelector('.skb-panel-waiting')).toHaveAttribute('aria-busy', 'true');
    act(() => FakeObserver.all[0]!.seen(true));
    await waitFor(() => expect(view.container.querySelector('.skb-panel-waiting')).toBeNull());
    expect(view.container.querySelector('.id-badge')).not.toBeNull();
    expect(view.container.querySelector('.id-badge--same, .id-badge--new')).toBeNull();
    view.unmount();
    // The same sk_buffs as a trace's last step mark the ones earlier steps held; alone, none is.
    const inTrace = render(inPanel(<Fresh trace={t} index={t.length - 1} />));
    expect(inTrace.container.querySelector('.id-badge--same')).not.toBeNull();
  });
});

describe('<LazySkbPanel> while it waits (issue 17: its arrival moves nothing)', () => {
  it('reserves the height the panel will have (skbPanelHeight of its snapshot at its width)', async () => {
    const { LazySkbPanel: Fresh } = await freshModule();
    const { skbPanelHeight, charWidths } = await import('./panel-height.ts');
    const t = trace();
    const last = t[t.length - 1]!.snapshot;
    const view = render(inPanel(<Fresh snapshot={last} />));
    const waiting = view.container.querySelector<HTMLElement>('.skb-panel-waiting')!;
    // jsdom has no layout: the width is the fallback (520 px), the text measured by character.
    const h = skbPanelHeight({
      skbs: last.skbs,
      vars: last.vars,
      width: 520,
      locale: 'en',
      measure: charWidths,
    });
    expect(h).toBeGreaterThan(200);
    expect(waiting.style.height).toBe(`${h}px`);
  });

  it('comes on the page’s first scroll (a reader flinging down may pass the observer’s margin first)', async () => {
    const { LazySkbPanel: Fresh } = await freshModule();
    const view = render(inPanel(<Fresh trace={trace()} index={3} />));
    await new Promise((r) => setTimeout(r, 20));
    expect(view.container.querySelector('.skb-panel-waiting')).not.toBeNull();
    act(() => void window.dispatchEvent(new Event('scroll')));
    await waitFor(() => expect(view.container.querySelector('.skb-panel-waiting')).toBeNull());
  });
});
