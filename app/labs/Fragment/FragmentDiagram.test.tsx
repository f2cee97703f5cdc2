import { act, render } from '@testing-library/react';
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

  it('binds d3-zoom once: a new result moves its limits, it does not bind the gestures again', () => {
    const added = vi.spyOn(SVGSVGElement.prototype, 'addEventListener');
    const first = resultOf({ len: '11560', mtu: '76' });
    const view = drawing(first);
    const bound = added.mock.calls.filter(([type]) => type === 'wheel').length;
    expect(bound).toBe(1);
    // 207 → 241 fragments: a smaller slice, so a deeper zoom allowed.
    act(() =>
      view.rerender(
        <I18nProvider>
          <FragmentDiagram result={resultOf({ len: '11560', mtu: '68' })} />
        </I18nProvider>,
      ),
    );
    expect(added.mock.calls.filter(([type]) => type === 'wheel')).toHaveLength(bound);
    expect(view.container.querySelector('svg')).toHaveAccessibleName(/241 packets/);
  });
});
