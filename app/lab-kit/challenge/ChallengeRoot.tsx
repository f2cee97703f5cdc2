import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ComponentType, ReactNode } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { loadCatalogPart } from '../../../core/i18n/index.ts';
import { ChallengeVeilProvider } from '../view.tsx';
import { asksOf, isRight, readAnswer } from './check.ts';
import { ChallengeProvider } from './context.ts';
import type { ChallengeContextValue, Reveal, WrongTry } from './context.ts';
import { readScore, recordAnswer, resetScore, sessionScoreStorage } from './score.ts';
import type { BoundChallenge, LabChallenge } from './types.ts';
import { useChallengeOn } from './useChallengeOn.ts';

/** What challenge mode needs beyond the kit's first chunk: the lab's questions and the panel. */
interface Loaded {
  challenge: LabChallenge<unknown, object>;
  Panel: ComponentType;
}

const NO_QUESTIONS: LabChallenge<unknown, object> = { caseOf: () => null, questions: [] };

/**
 * Challenge mode's code and words come when it is first turned on, not with every lab (issue 17:
 * a page carries what it shows): the lab's questions (its challenge.ts) with their catalog part
 * (`challenge.<lab>`), and the panel (ChallengePanel.tsx) with the kit's (`challenge`). One fetch
 * per lab: turning the mode off and on again reuses it; a failed one is forgotten, to be retried.
 */
const loads = new Map<string, Promise<Loaded>>();

function loadChallenge(path: string, load: BoundChallenge['load']): Promise<Loaded> {
  let p = loads.get(path);
  if (!p) {
    p = Promise.all([
      load(),
      import('./ChallengePanel.tsx'),
      loadCatalogPart('challenge'),
      loadCatalogPart(`challenge.${path}`),
    ]).then(([challenge, m]) => ({ challenge, Panel: m.ChallengePanel }));
    loads.set(path, p);
    p.catch(() => loads.delete(path));
  }
  return p;
}

interface Asked {
  /** The case the question is about: a new case is a new question (same index, nothing revealed). */
  forCase: object | null;
  index: number;
  revealed: Reveal | null;
  wrong: WrongTry | null;
}

/**
 * Challenge mode around a lab's view (define-lab.ts puts it there when the lab declares
 * `challenge`): reads the case from the lab's store, asks the lab's questions of it, keeps the
 * session score, and tells the shell and the `Part`s to hide the results while a question is open.
 */
export function ChallengeRoot({ bound, children }: { bound: BoundChallenge; children: ReactNode }) {
  const [on, toggle] = useChallengeOn();
  const { path, store, load } = bound;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!on || loaded) return;
    let live = true;
    loadChallenge(path, load).then(
      (l) => {
        if (live) setLoaded(l);
      },
      () => {
        if (live) setFailed(true);
      },
    );
    return () => {
      // Turned off (or another lab's root): a failure is forgotten, the next turn-on retries.
      live = false;
      setFailed(false);
    };
  }, [on, loaded, path, load]);
  const challenge = loaded?.challenge ?? NO_QUESTIONS;
  const c = useStore(
    store,
    useShallow((s: unknown) => {
      if (!on) return null;
      try {
        return challenge.caseOf(s);
      } catch {
        return null;
      }
    }),
  );
  const { asks, broken } = useMemo(() => asksOf(challenge, c), [challenge, c]);
  const storage = useMemo(sessionScoreStorage, []);
  const [score, setScore] = useState(() => readScore(storage, path));
  const [asked, setAsked] = useState<Asked>({ forCase: c, index: 0, revealed: null, wrong: null });
  // A new case (other inputs, another step) asks again: derive during render, as React advises.
  let cur = asked;
  if (asked.forCase !== c) {
    cur = { forCase: c, index: asked.index, revealed: null, wrong: null };
    setAsked(cur);
  }
  const index = asks.length ? cur.index % asks.length : 0;
  const ask = asks[index] ?? null;
  const revealed = cur.revealed;
  const wrong = cur.wrong;

  const reveal = useCallback(
    (r: Reveal) => {
      setAsked((a) => (a.revealed ? a : { ...a, revealed: r, wrong: null }));
      setScore(recordAnswer(storage, path, r.right && r.tries === 0));
    },
    [storage, path],
  );
  const submit = useCallback(
    (typed: string) => {
      if (!ask || revealed) return null;
      const g = readAnswer(ask.answer, typed);
      if (!g.ok) return g.why;
      const tries = wrong?.count ?? 0;
      if (isRight(ask.answer, g.value)) reveal({ given: g.value, right: true, tries });
      else setAsked((a) => ({ ...a, wrong: { given: g.value, count: tries + 1 } }));
      return null;
    },
    [ask, revealed, reveal, wrong],
  );
  const giveUp = useCallback(() => {
    if (ask && !revealed) reveal({ given: wrong?.given ?? null, right: false, tries: wrong?.count ?? 0 });
  }, [ask, revealed, reveal, wrong]);
  const next = useCallback(
    () =>
      setAsked((a) => ({
        ...a,
        index: (index + 1) % Math.max(1, asks.length),
        revealed: null,
        wrong: null,
      })),
    [index, asks.length],
  );
  const reset = useCallback(() => setScore(resetScore(storage, path)), [storage, path]);

  // While the questions load the results wait too: the answer is never shown before its question.
  const veiled = on && (loaded ? ask !== null && revealed === null : !failed);
  const value: ChallengeContextValue = {
    path,
    on,
    Panel: loaded?.Panel ?? null,
    failed: on && failed,
    asks,
    broken,
    index,
    ask,
    revealed,
    wrong,
    score,
    veiled,
    toggle,
    submit,
    giveUp,
    next,
    resetScore: reset,
  };
  return (
    <ChallengeProvider value={value}>
      <ChallengeVeilProvider value={veiled}>{children}</ChallengeVeilProvider>
    </ChallengeProvider>
  );
}
