import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { bootlinUrl } from '../../../core/trace/index.ts';
import { SkbBuffer, SkbFieldsTable, SkbLegend, SkbPanel, idsBefore } from '../../components/skb/index.ts';
import { num } from '../../format.ts';
import { IssuesBanner, LabShell, StepList, StepNav, undoKeys, useGlobalKeys } from '../../lab-kit/index.ts';
import type { LabIntro, StepView } from '../../lab-kit/index.ts';
import { OpsPanel } from './OpsPanel.tsx';
import { PanicCard } from './PanicCard.tsx';
import { selectSkbActions, selectSkbIssues, selectSkbReplay, selectSkbRunView, useSkb } from './store.ts';
import type { SkbReplayRun } from './store.ts';
import './skb.css';

/** One step of the list: an op (with what the kernel does instead when it refuses), or a kernel step. */
interface SkbStepItem {
  fn: string;
  file: string;
  why: string;
  dir: 'down' | 'up';
  refused?: string | undefined;
}

const UP_NOTE = '↑ back up the receiver’s stack (loopback)';

const stepView =
  (steps: readonly SkbStepItem[], upNote?: string) =>
  (s: SkbStepItem, i: number): StepView => ({
    fn: s.fn,
    why: s.why,
    file: s.file,
    className: s.refused ? 'step--refused' : '',
    fnExtra: s.refused && <span className="refused-badge">{s.refused}</span>,
    data: {
      'up-note': upNote !== undefined && s.dir === 'up' && steps[i - 1]?.dir !== 'up' ? upNote : undefined,
    },
  });

const INTRO: LabIntro = {
  eyebrow: 'Lab · include/linux/skbuff.h',
  title: 'sk_buff',
  lede: (
    <>
      Every packet lives in an <code>sk_buff</code>: one buffer, four pointers. <code>skb_reserve</code>{' '}
      leaves room, <code>skb_put</code> adds data at the tail, <code>skb_push</code> puts headers in front,{' '}
      <code>skb_pull</code> strips them on the way up — and stepping outside <code>head…end</code> is a kernel
      panic.
    </>
  ),
};

function BufferView() {
  const { run, step, current, snapshot, outcome } = useSkb(useShallow(selectSkbRunView));
  const { selectStep } = useSkb(useShallow(selectSkbActions));
  const steps: SkbStepItem[] = useMemo(
    () =>
      run.trace.map((t, i) => {
        const o = run.outcomes[i];
        const n = o?.op.n;
        return {
          fn: `${t.fn}(${n === undefined ? '' : num(n)})`,
          file: t.file,
          why: t.why,
          dir: t.dir,
          refused: o && !o.ok ? o.error?.kind : undefined,
        };
      }),
    [run],
  );
  if (!snapshot || !current) return null;
  const previous = run.trace[step - 1]?.snapshot.skb;
  const skb = snapshot.skb;
  const kinds = [...new Set(skb.regions.map((r) => r.kind))];

  return (
    <>
      <section className="panel buffer-panel" aria-labelledby="buffer-title">
        <div className="panel-head">
          <h2 id="buffer-title" className="panel-title">
            The buffer
          </h2>
          <StepNav index={step} count={run.trace.length} onSelect={selectStep} label="Step through" />
        </div>
        <p className="buffer-caption">
          After step {step + 1}:{' '}
          <a className="mono" href={bootlinUrl(current.file)} target="_blank" rel="noreferrer">
            {steps[step]?.fn}
          </a>
          <span className="muted">
            {' '}
            — headroom {num(snapshot.headroom)} · len {num(skb.len)} · tailroom {num(snapshot.tailroom)}
          </span>
        </p>
        {outcome && !outcome.ok && <PanicCard outcome={outcome} step={step} />}
        <SkbBuffer skb={skb} previous={previous} />
        <SkbLegend kinds={kinds} />
        <SkbFieldsTable skbs={[skb]} previous={previous} />
      </section>
      <section className="panel history-panel" aria-labelledby="history-title">
        <h2 id="history-title" className="panel-title">
          Operations, step by step
        </h2>
        <StepList
          className="skb-steps"
          steps={steps}
          selected={step}
          onSelect={selectStep}
          view={stepView(steps)}
          label="Operation history"
        />
      </section>
    </>
  );
}

function ReplayView({ replay }: { replay: SkbReplayRun }) {
  const step = useSkb((s) => s.step);
  const { selectStep, leaveReplay } = useSkb(useShallow(selectSkbActions));
  const { trace, input } = replay;
  const current = trace[step];
  const seenBefore = useMemo(() => idsBefore(trace, step), [trace, step]);
  const steps: SkbStepItem[] = useMemo(
    () => trace.map((t) => ({ fn: t.fn, file: t.file, why: t.why, dir: t.dir })),
    [trace],
  );
  const len = input.sends.reduce((a, b) => a + b, 0);
  const fragmentHref = `#/fragment?len=${len}&mtu=${input.mtu}&family=${input.family}&sock=${input.sock}&pmtu=${input.pmtu}${step > 0 ? `&step=${step + 1}` : ''}`;

  return (
    <>
      <div className="replay-note">
        <p>
          <strong>{replay.label}:</strong> the Fragmentation lab’s {num(len)}-byte UDP send over MTU{' '}
          {num(input.mtu)}, every sk_buff at every kernel step.{' '}
          <span className="id-badge id-badge--same">
            <span className="id-state">seen before</span>
          </span>{' '}
          marks an sk_buff reused from an earlier step (the fast path),{' '}
          <span className="id-badge id-badge--new">
            <span className="id-state">new</span>
          </span>{' '}
          one just allocated.
        </p>
        <p className="replay-actions">
          <a href={fragmentHref}>Open this step in the Fragmentation lab</a>
          <button type="button" className="btn-quiet" onClick={leaveReplay}>
            ← Back to your buffer
          </button>
        </p>
      </div>
      <section className="panel trace" aria-labelledby="replay-title">
        <div className="panel-head">
          <h2 id="replay-title" className="panel-title">
            {replay.label}, through the kernel
          </h2>
          <StepNav index={step} count={trace.length} onSelect={selectStep} label="Step through" />
        </div>
        <div className="trace-grid">
          <StepList
            className="skb-steps"
            steps={steps}
            selected={step}
            onSelect={selectStep}
            view={stepView(steps, UP_NOTE)}
          />
          <section className="skb-section" aria-labelledby="replay-skb-title">
            <h3 id="replay-skb-title" className="sub-title">
              sk_buffs at step {step + 1}
              {current && (
                <>
                  : <span className="mono">{current.fn}</span>
                </>
              )}
            </h3>
            {current && <SkbPanel snapshot={current.snapshot} seenBefore={seenBefore} first={step === 0} />}
          </section>
        </div>
      </section>
    </>
  );
}

export function SkbLab() {
  const replay = useSkb(selectSkbReplay);
  const issues = useSkb(selectSkbIssues);
  const { undo, redo, dismissIssues } = useSkb(useShallow(selectSkbActions));
  useGlobalKeys(undoKeys(undo, redo));

  return (
    <LabShell
      className="skb-lab"
      intro={INTRO}

      inputs={<OpsPanel />}
      inputsLabel="Operations"
      banner={
        <IssuesBanner
          issues={issues}
          stale={false}
          fieldName={(f) => <span className="mono">{f}=</span>}
          onDismiss={dismissIssues}
        />
      }
    >
      {replay ? <ReplayView replay={replay} /> : <BufferView />}
    </LabShell>
  );
}
