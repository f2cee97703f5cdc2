import { useCallback, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { ChallengeVeilProvider } from '../view.tsx';
import { asksOf, isRight, readAnswer } from './check.ts';
import { ChallengeProvider } from './context.ts';
import type { ChallengeContextValue, Reveal, WrongTry } from './context.ts';
import { readScore, recordAnswer, resetScore, sessionScoreStorage } from './score.ts';
import type { BoundChallenge } from './types.ts';
import { useChallengeOn } from './useChallengeOn.ts';

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
  const { path, store, challenge } = bound;
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

  const veiled = on && ask !== null && revealed === null;
  const value: ChallengeContextValue = {
    path,
    on,
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
