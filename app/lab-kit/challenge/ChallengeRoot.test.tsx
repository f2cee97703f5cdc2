/**
 * Challenge mode's questions and panel come when it is turned on (ChallengeRoot.tsx): until they
 * are here the results are veiled and a status line stands in for the panel; a failed fetch says
 * so and leaves the results shown; turning the mode off and on again fetches again.
 */
import { act, render, screen } from '@testing-library/react';
import { createStore } from 'zustand/vanilla';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/I18nProvider.tsx';
import { mountPartsAtOnce } from '../InTurns.tsx';
import { LabShell } from '../LabShell.tsx';
import { flushLater } from '../useLater.ts';
import { ChallengeRoot } from './ChallengeRoot.tsx';
import type { LabChallenge } from './types.ts';

interface S {
  fragments: number;
}
const CHALLENGE: LabChallenge<S, S> = {
  caseOf: (s) => s,
  questions: [
    {
      id: 'count',
      ask: (c) => ({
        prompt: { id: 'app.kit.challenge.yourAnswer' },
        answer: { kind: 'number', value: c.fragments },
        explain: { id: 'app.kit.challenge.why' },
      }),
    },
  ],
};

/** A `load` whose answer the test gives, one per call. */
function loader() {
  const calls: { resolve: (c: LabChallenge<unknown, object>) => void; reject: (e: unknown) => void }[] = [];
  const load = () =>
    new Promise<LabChallenge<unknown, object>>((resolve, reject) => calls.push({ resolve, reject }));
  return { load, calls };
}

// Each test its own lab path: the root remembers one fetch per lab.
let n = 0;
function page(load: () => Promise<LabChallenge<unknown, object>>) {
  const store = createStore<S>(() => ({ fragments: 3 }));
  return render(
    <I18nProvider>
      <ChallengeRoot bound={{ path: `test${++n}`, store, load }}>
        <LabShell
          intro={{ eyebrow: 'Lab', title: 'A lab', lede: 'What it shows.' }}
          diagram={<div data-testid="diagram">diagram</div>}
          inputs={<p>inputs</p>}
        >
          <p>a result</p>
        </LabShell>
      </ChallengeRoot>
    </I18nProvider>,
  );
}

const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));
const setChallenge = (on: boolean) =>
  act(() => {
    window.history.replaceState(null, '', on ? '/?challenge=1#/lab' : '/#/lab');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });

describe('ChallengeRoot: challenge mode fetched when turned on', () => {
  beforeEach(() => mountPartsAtOnce(true));
  afterEach(() => setChallenge(false));

  it('off: only the toggle, the results shown, nothing fetched', async () => {
    const { load, calls } = loader();
    window.history.replaceState(null, '', '/#/lab');
    page(load);
    await settle();
    expect(screen.getByRole('button', { name: 'Challenge me' })).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByTestId('diagram')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it('on: veiled while the questions come, then the question; the results stay veiled until answered', async () => {
    const { load, calls } = loader();
    window.history.replaceState(null, '', '/?challenge=1#/lab');
    page(load);
    expect(screen.getByRole('status')).toHaveTextContent('Loading the questions…');
    expect(screen.getByText('Results hidden until you answer the challenge.')).toBeInTheDocument();
    expect(screen.queryByTestId('diagram')).toBeNull();
    expect(calls).toHaveLength(1);
    await act(async () => calls[0]!.resolve(CHALLENGE as LabChallenge<unknown, object>));
    // The panel's module is fetched beside the questions (the first time: transformed by Vitest).
    expect(await screen.findByText('Question 1 of 1', undefined, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.queryByText('Loading the questions…')).toBeNull();
    expect(screen.getByRole('region', { name: 'Challenge: predict, then reveal' })).toBeInTheDocument();
    expect(screen.queryByTestId('diagram')).toBeNull();
    act(() => flushLater());
  });

  it('a failed fetch says so and shows the results; off and on again fetches again', async () => {
    const { load, calls } = loader();
    window.history.replaceState(null, '', '/?challenge=1#/lab');
    page(load);
    await act(async () => calls[0]!.reject(new Error('offline')));
    await settle();
    expect(screen.getByRole('alert')).toHaveTextContent('The questions could not be loaded.');
    expect(screen.queryByText('Results hidden until you answer the challenge.')).toBeNull();
    expect(screen.getByTestId('diagram')).toBeInTheDocument();
    setChallenge(false);
    expect(screen.queryByRole('alert')).toBeNull();
    setChallenge(true);
    expect(calls).toHaveLength(2);
    expect(screen.getByRole('status')).toHaveTextContent('Loading the questions…');
    await act(async () => calls[1]!.resolve(CHALLENGE as LabChallenge<unknown, object>));
    expect(await screen.findByText('Question 1 of 1', undefined, { timeout: 10_000 })).toBeInTheDocument();
  });
});
