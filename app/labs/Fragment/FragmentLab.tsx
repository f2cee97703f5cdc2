import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { OutputSnapshot } from '../../../core/ip/index.ts';
import type { TraceStep } from '../../../core/trace/index.ts';
import { CountersPanel } from '../../components/drops/index.ts';
import { SkbPanel, idsBefore } from '../../components/skb/index.ts';
import { IssuesBanner, LabShell, Panel, Part, StepList, StepNav } from '../../lab-kit/index.ts';
import type { StepView } from '../../lab-kit/index.ts';
import { FragmentDiagram } from './FragmentDiagram.tsx';
import { InputsPanel } from './InputsPanel.tsx';
import { ResultSummary } from './ResultSummary.tsx';
import {
  selectActions,
  selectIsStale,
  selectIssues,
  selectModelError,
  selectResult,
  selectStepView,
  useFragment,
} from './store.ts';
import { INTRO, W, useWords } from './words.tsx';
import { WirePacketsTable } from './WirePacketsTable.tsx';
import type { Msg } from '../../../core/i18n/index.ts';

/**
 * A step of the output path: its function and file; the way back up the receiver is marked (its
 * first step carries `upNote`, in the reader's language, as data-up-note for the CSS to draw).
 */
const stepView = (
  s: TraceStep<OutputSnapshot, Msg>,
  i: number,
  trace: readonly TraceStep<OutputSnapshot, Msg>[],
  upNote: string,
): StepView => {
  const firstUp = s.dir === 'up' && trace[i - 1]?.dir !== 'up';
  return {
    fn: s.fn,
    why: s.why,
    file: s.file,
    drops: s.drops,
    className: s.dir === 'up' ? 'step--up' : '',
    data: { 'up-note': firstUp ? upNote : undefined },
  };
};

export function FragmentLab() {
  const result = useFragment(selectResult);
  const issues = useFragment(selectIssues);
  const stale = useFragment(selectIsStale);
  const modelError = useFragment(selectModelError);
  const { selectStep } = useFragment(useShallow(selectActions));
  const { trace, index, current } = useFragment(useShallow(selectStepView));
  const seenBefore = useMemo(() => idsBefore(trace, index), [trace, index]);
  const { r, t, field } = useWords();
  const upNote = t(W.upNote);

  return (
    <LabShell
      intro={INTRO}
      inputs={<InputsPanel />}
      banner={<IssuesBanner issues={issues} stale={stale} modelError={modelError} fieldName={field} />}
      diagram={
        result ? (
          <Panel titleId="result-title" title={r(W.result)} className="result" stale={stale}>
            <Part kind="result">
              <ResultSummary result={result} />
            </Part>
            <Part kind="diagram">
              <FragmentDiagram result={result} />
            </Part>
          </Panel>
        ) : (
          <section className="panel">
            <p>{r(W.noResult)}</p>
          </section>
        )
      }
    >
      {result && (
        <>
          <Part kind="tables">
            <Panel titleId="wire-title" title={r(W.wire)} stale={stale}>
              <WirePacketsTable wire={result.wire} stale={stale} />
            </Panel>
          </Part>

          <Part kind="detail">
            <CountersPanel drops={result.drop_reasons} delta={result.snmp_delta} stale={stale} />
          </Part>

          <Part kind="steps">
            <Panel
              titleId="trace-title"
              title={r(W.trace)}
              className="trace"
              stale={stale}
              head={<StepNav index={index} count={trace.length} onSelect={selectStep} />}
            >
              <div className="trace-grid">
                <StepList
                  steps={trace}
                  selected={index}
                  onSelect={selectStep}
                  view={(s, i) => stepView(s, i, trace, upNote)}
                />
                <section className="skb-section" aria-labelledby="skb-title">
                  <h3 id="skb-title" className="sub-title">
                    {current ? r(W.skbAtFn, { n: index + 1, fn: current.fn }) : r(W.skbAt, { n: index + 1 })}
                  </h3>
                  {current && (
                    <SkbPanel snapshot={current.snapshot} seenBefore={seenBefore} first={index === 0} />
                  )}
                </section>
              </div>
            </Panel>
          </Part>
        </>
      )}
    </LabShell>
  );
}
