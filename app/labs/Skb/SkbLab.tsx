import { IssuesBanner } from '../../components/IssuesBanner.tsx';
import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { bootlinUrl } from '../../../core/trace/index.ts';
import {
  SkbBuffer,
  SkbFieldsTable,
  SkbLegend,
  SkbPanel,
  SkbSvgDefs,
  idsBefore,
} from '../../components/SkbPanel.tsx';
import { num } from '../../format.ts';
import { useAppStore } from '../../store/index.ts';
import {
  selectSkbActions,
  selectSkbIssues,
  selectSkbReplay,
  selectSkbRunView,
} from '../../store/skb-slice.ts';
import type { SkbReplayRun } from '../../store/skb-slice.ts';
import { OpsPanel } from './OpsPanel.tsx';
import { PanicCard } from './PanicCard.tsx';
import { SkbSteps } from './SkbSteps.tsx';
import type { SkbStepItem } from './SkbSteps.tsx';
import './skb.css';

const ISSUE_NAMES = { ops: 'ops', alloc: 'alloc', step: 'step', preset: 'preset' } as const;

/** Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) anywhere in the lab except inside a text field, which keeps its own undo. */
function useUndoKeys(undo: () => void, redo: () => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) undo();
      else if ((k === 'z' && e.shiftKey) || k === 'y') redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);
}

function StepNav({
  index,
  count,
  onSelect,
}: {
  index: number;
  count: number;
  onSelect: (i: number) => void;
}) {
  return (
    <div className="step-nav" role="group" aria-label="Step through">
      <button type="button" className="btn-quiet" onClick={() => onSelect(index - 1)} disabled={index <= 0}>
        ← Previous step
      </button>
      <span className="step-count" aria-live="polite">
        Step {num(Math.min(index + 1, count))} of {num(count)}
      </span>
      <button
        type="button"
        className="btn-quiet"
        onClick={() => onSelect(index + 1)}
        disabled={index >= count - 1}
      >
        Next step →
      </button>
    </div>
  );
}

function BufferView() {
  const { run, step, current, snapshot, outcome } = useAppStore(useShallow(selectSkbRunView));
  const { selectStep } = useAppStore(useShallow(selectSkbActions));
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
          <StepNav index={step} count={run.trace.length} onSelect={selectStep} />
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
        <SkbSteps steps={steps} selected={step} onSelect={selectStep} label="Operation history" />
      </section>
    </>
  );
}

function ReplayView({ replay }: { replay: SkbReplayRun }) {
  const step = useAppStore((s) => s.skb.step);
  const { selectStep, leaveReplay } = useAppStore(useShallow(selectSkbActions));
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
          <StepNav index={step} count={trace.length} onSelect={selectStep} />
        </div>
        <div className="trace-grid">
          <SkbSteps
            steps={steps}
            selected={step}
            onSelect={selectStep}
            label="Kernel steps"
            upNote="↑ back up the receiver’s stack (loopback)"
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
  const replay = useAppStore(selectSkbReplay);
  const issues = useAppStore(selectSkbIssues);
  const { undo, redo, dismissIssues } = useAppStore(useShallow(selectSkbActions));
  useUndoKeys(undo, redo);

  return (
    <div className="lab skb-lab">
      <SkbSvgDefs />
      <div className="lab-intro">
        <p className="eyebrow">Lab · include/linux/skbuff.h</p>
        <h1>sk_buff</h1>
        <p className="lede">
          Every packet lives in an <code>sk_buff</code>: one buffer, four pointers. <code>skb_reserve</code>{' '}
          leaves room, <code>skb_put</code> adds data at the tail, <code>skb_push</code> puts headers in
          front, <code>skb_pull</code> strips them on the way up — and stepping outside <code>head…end</code>{' '}
          is a kernel panic.
        </p>
      </div>

      <aside className="lab-inputs" aria-label="Operations">
        <OpsPanel />
      </aside>

      <div className="lab-results">
        <IssuesBanner
          issues={issues}
          stale={false}
          fieldName={(f) => <span className="mono">{ISSUE_NAMES[f as keyof typeof ISSUE_NAMES]}=</span>}
          onDismiss={dismissIssues}
        />
        {replay ? <ReplayView replay={replay} /> : <BufferView />}
      </div>
    </div>
  );
}
