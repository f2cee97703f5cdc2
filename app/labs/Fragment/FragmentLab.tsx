import { memo } from 'react';
import { useLater } from '../../lab-kit/useLater.ts';
import { useShallow } from 'zustand/react/shallow';
import type { OutputSnapshot, SendResult } from '../../../core/ip/index.ts';
import type { TraceStep } from '../../../core/trace/index.ts';
import { CountersPanel } from '../../components/drops/index.ts';
import { LazySkbPanel } from '../../components/skb/LazySkbPanel.tsx';
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
  selectStepIndex,
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

/**
 * The step list and the sk_buff at the selected step: a trace of the result the list was given,
 * the selection clamped into it (the store's step belongs to the newest result, which may be a
 * render ahead of `trace`).
 */
function StepsPart({
  trace,
  step,
  stale,
  selectStep,
}: {
  trace: readonly TraceStep<OutputSnapshot, Msg>[];
  step: number;
  stale: boolean;
  selectStep: (step: number | null) => void;
}) {
  const index = Math.max(0, Math.min(step, trace.length - 1));
  const current = trace[index];
  const { r, t } = useWords();
  const upNote = t(W.upNote);
  return (
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
          {current && <LazySkbPanel trace={trace} index={index} />}
        </section>
      </div>
    </Panel>
  );
}

/** The wire packets' table: the accessible twin of the diagram. */
function WirePart({ wire, stale }: { wire: SendResult['wire']; stale: boolean }) {
  const { r } = useWords();
  return (
    <Panel titleId="wire-title" title={r(W.wire)} stale={stale}>
      <WirePacketsTable wire={wire} stale={stale} />
    </Panel>
  );
}

/**
 * Issue 17: an edit paints the summary and the diagram (the result) in its own frame; the parts
 * below them, out of view beside the inputs, are given the result a render late
 * (useLater) and skip the edit's own render (memo: their props are those of the result
 * before), then follow in the render after it, which the next keystroke may interrupt. Selecting
 * a step is not deferred: only the result is.
 */
const LaterWire = memo(WirePart);
const LaterCounters = memo(CountersPanel);
const LaterSteps = memo(StepsPart);
/** The result's own parts: a step selected leaves them as they are. */
const QuietSummary = memo(ResultSummary);
const QuietDiagram = memo(FragmentDiagram);
/** The inputs read the store themselves: the lab's render passes them by. */
const QuietInputs = memo(InputsPanel);

export function FragmentLab() {
  const result = useFragment(selectResult);
  const issues = useFragment(selectIssues);
  const stale = useFragment(selectIsStale);
  const modelError = useFragment(selectModelError);
  const step = useFragment(selectStepIndex);
  const { selectStep } = useFragment(useShallow(selectActions));
  const later = useLater(result);
  const { r, field } = useWords();

  return (
    <LabShell
      intro={INTRO}
      inputs={<QuietInputs />}
      banner={<IssuesBanner issues={issues} stale={stale} modelError={modelError} fieldName={field} />}
      diagram={
        result ? (
          <Panel titleId="result-title" title={r(W.result)} className="result" stale={stale}>
            <Part kind="result">
              <QuietSummary result={result} />
            </Part>
            <Part kind="diagram">
              <QuietDiagram result={result} />
            </Part>
          </Panel>
        ) : (
          <section className="panel">
            <p>{r(W.noResult)}</p>
          </section>
        )
      }
    >
      {later && (
        <>
          <Part kind="tables">
            <LaterWire wire={later.wire} stale={stale} />
          </Part>

          <Part kind="detail">
            <LaterCounters drops={later.drop_reasons} delta={later.snmp_delta} stale={stale} />
          </Part>

          <Part kind="steps">
            <LaterSteps trace={later.trace} step={step} stale={stale} selectStep={selectStep} />
          </Part>
        </>
      )}
    </LabShell>
  );
}
