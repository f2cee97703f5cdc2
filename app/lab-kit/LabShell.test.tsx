/** LabShell's turns after the first paint (issue 17): diagram first, then the inputs, then the results. */
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { mountPartsAtOnce } from './InTurns.tsx';
import { LabShell } from './LabShell.tsx';
import { flushLater, laterWaiting } from './useLater.ts';

const INTRO = { eyebrow: 'Lab', title: 'A lab', lede: 'What it shows.' };

function page(withDiagram: boolean) {
  return render(
    <I18nProvider>
      <LabShell
        intro={INTRO}
        diagram={withDiagram ? <div data-testid="diagram">diagram</div> : undefined}
        inputs={
          <label>
            MTU <input />
          </label>
        }
      >
        <p>first result</p>
        <p>second result</p>
      </LabShell>
    </I18nProvider>,
  );
}

describe('LabShell', () => {
  beforeEach(() => mountPartsAtOnce(false));
  afterEach(() => mountPartsAtOnce(true));

  const shown = () => ({
    inputs: screen.queryByRole('textbox', { name: 'MTU' }) !== null,
    results: screen.queryAllByText(/result$/).map((p) => p.textContent),
  });

  it('with a diagram: the diagram in the first render, the inputs a turn later, then a result per turn', () => {
    page(true);
    expect(screen.getByRole('heading', { level: 1, name: 'A lab' })).toBeInTheDocument();
    expect(screen.getByTestId('diagram')).toBeInTheDocument();
    // The inputs' region is there (a skip link's target), empty until its turn.
    const region = screen.getByRole('complementary');
    expect(region.id).toBe('lab-inputs');
    expect(shown()).toEqual({ inputs: false, results: [] });
    act(() => flushLater());
    expect(shown()).toEqual({ inputs: true, results: [] });
    act(() => flushLater());
    expect(shown()).toEqual({ inputs: true, results: ['first result'] });
    act(() => flushLater());
    expect(shown()).toEqual({ inputs: true, results: ['first result', 'second result'] });
    expect(laterWaiting()).toBe(0);
  });

  it('without a diagram the inputs are the first screen: in the first render, the results in turns', () => {
    page(false);
    expect(screen.getByRole('heading', { level: 1, name: 'A lab' })).toBeInTheDocument();
    expect(shown()).toEqual({ inputs: true, results: [] });
    act(() => flushLater());
    expect(shown()).toEqual({ inputs: true, results: ['first result'] });
  });
});
