import { act, fireEvent, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SendResult } from '../../../core/ip/index.ts';
import { I18nProvider } from '../../i18n/I18nProvider.tsx';
import { FragmentDiagram } from './FragmentDiagram.tsx';
import { createFragmentStore } from './store.ts';
import type { FragmentFields } from './params.ts';

/** The core's result for these fields (the lab's own store: fields → parse → ipSend). */
function resultOf(patch: Partial<FragmentFields>): SendResult {
  const store = createFragmentStore();
  store.getState().setFields(patch);
  const { result, issues } = store.getState();
  expect(issues).toEqual([]);
  return result!;
}

const drawing = (result: SendResult) =>
  render(
    <I18nProvider>
      <FragmentDiagram result={result} />
    </I18nProvider>,
  );

/** The cuts the drawing shows: the path's moves, and the cuts each run's dashed line stands for. */
function cutsDrawn(svg: SVGSVGElement) {
  const g = svg.querySelector('g.cuts')!;
  const single = (g.querySelector('path')!.getAttribute('d') ?? '').split('M').length - 1;
  const runs = [...g.querySelectorAll('line')].map((l) => Number(l.getAttribute('data-cuts')));
  return { single, runs, total: single + runs.reduce((a, b) => a + b, 0) };
}

afterEach(() => vi.restoreAllMocks());

describe('<FragmentDiagram> (issue 17)', () => {
  it('draws 1,364 cuts between 1,365 fragments with a few elements: a run’s cuts are one dashed line', () => {
    const result = resultOf({ len: '65507', mtu: '68', sndbufcheck: '0' });
    expect(result.wire).toHaveLength(1365);
    const { container } = drawing(result);
    const svg = container.querySelector<SVGSVGElement>('svg[data-main-diagram]')!;
    const cuts = cutsDrawn(svg);
    expect(cuts.total).toBe(1364);
    expect(cuts.runs.length).toBeGreaterThan(0);
    // The whole drawing stays small, whatever the number of fragments.
    expect(svg.querySelectorAll('*').length).toBeLessThan(60);
  });

  it('draws the cuts of wide packets one by one, in the path', () => {
    const result = resultOf({ len: '4000', mtu: '1500' });
    expect(result.wire).toHaveLength(3);
    const { container } = drawing(result);
    const cuts = cutsDrawn(container.querySelector<SVGSVGElement>('svg[data-main-diagram]')!);
    expect(cuts).toEqual({ single: 2, runs: [], total: 2 });
  });

  it('fetches d3-zoom only when wanted, and binds it once: a new result moves its limits', async () => {
    const added = vi.spyOn(SVGSVGElement.prototype, 'addEventListener');
    const first = resultOf({ len: '11560', mtu: '76' });
    const view = drawing(first);
    const svg = view.container.querySelector<SVGSVGElement & { __zoom?: unknown }>('svg[data-main-diagram]')!;
    // Drawn without it: d3-zoom keeps its transform on the element it is bound to.
    expect(svg.__zoom).toBeUndefined();
    fireEvent.pointerEnter(view.container.querySelector('figure')!);
    await waitFor(() => expect(svg.__zoom).toBeDefined());
    const bound = added.mock.calls.filter(([type]) => type === 'wheel').length;
    expect(bound).toBe(2); // the held-gesture listener, and d3-zoom's
    // 207 → 241 fragments: a smaller slice, so a deeper zoom allowed.
    act(() =>
      view.rerender(
        <I18nProvider>
          <FragmentDiagram result={resultOf({ len: '11560', mtu: '68' })} />
        </I18nProvider>,
      ),
    );
    fireEvent.pointerEnter(view.container.querySelector('figure')!);
    expect(added.mock.calls.filter(([type]) => type === 'wheel')).toHaveLength(bound);
    expect(view.container.querySelector('svg')).toHaveAccessibleName(/241 packets/);
  });

  it('zooms from a button pressed before d3-zoom is here, as soon as it is', async () => {
    const view = drawing(resultOf({ len: '11560', mtu: '76' }));
    const svg = view.container.querySelector<SVGSVGElement>('svg[data-main-diagram]')!;
    expect(svg).not.toHaveClass('is-zoomed');
    fireEvent.click(view.getByRole('button', { name: /^zoom in$/i }));
    await waitFor(() => expect(svg).toHaveClass('is-zoomed'));
  });

  it('holds a Ctrl + wheel made before d3-zoom is here (not the page’s zoom) and zooms with it', async () => {
    const view = drawing(resultOf({ len: '11560', mtu: '76' }));
    const svg = view.container.querySelector<SVGSVGElement>('svg[data-main-diagram]')!;
    const plain = new WheelEvent('wheel', { deltaY: -100, bubbles: true, cancelable: true });
    svg.dispatchEvent(plain);
    expect(plain.defaultPrevented).toBe(false); // a plain wheel scrolls the page
    const ctrl = new WheelEvent('wheel', { deltaY: -100, ctrlKey: true, bubbles: true, cancelable: true });
    svg.dispatchEvent(ctrl);
    expect(ctrl.defaultPrevented).toBe(true);
    await waitFor(() => expect(svg).toHaveClass('is-zoomed'));
  });

  it('drops a press let go before d3-zoom came (no drag left hanging)', async () => {
    const view = drawing(resultOf({ len: '11560', mtu: '76' }));
    const svg = view.container.querySelector<SVGSVGElement & { __zoom?: unknown }>('svg[data-main-diagram]')!;
    const downs: Event[] = [];
    const spy = (e: Event) => void (e.isTrusted || downs.push(e));
    svg.addEventListener('mousedown', spy);
    fireEvent.mouseDown(svg, { button: 0, clientX: 50, clientY: 20 });
    fireEvent.mouseUp(window, { button: 0 });
    downs.length = 0;
    await waitFor(() => expect(svg.__zoom).toBeDefined());
    await new Promise((r) => setTimeout(r, 0));
    expect(downs).toEqual([]);
    expect(svg).not.toHaveClass('is-zoomed');
  });
});

describe('<FragmentDiagram> packet labels at 360 px', () => {
  it('names the last packet: 8 packets never read as #1–#7', () => {
    const rect = { width: 306, height: 124, top: 0, left: 0, right: 306, bottom: 124, x: 0, y: 0 };
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({ ...rect, toJSON: () => rect });
    const result = resultOf({ len: '4000', mtu: '576' });
    expect(result.wire).toHaveLength(8);
    const { container } = drawing(result);
    const labels = [...container.querySelectorAll('text.cap-label')].map((t) => t.textContent ?? '');
    expect(labels.some((l) => /#8\b/.test(l))).toBe(true);
    // Each label starts clear of the one before it.
    const xs = [...container.querySelectorAll('text.cap-label')].map((t) => Number(t.getAttribute('x')));
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
  });
});
