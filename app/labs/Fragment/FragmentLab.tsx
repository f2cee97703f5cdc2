import { IssuesBanner } from '../../components/IssuesBanner.tsx';
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/index.ts';
import {
  selectFragmentActions,
  selectIsStale,
  selectIssues,
  selectModelError,
  selectResult,
  selectStepView,
} from '../../store/selectors.ts';
import { num } from '../../format.ts';
import { FragmentDiagram } from './FragmentDiagram.tsx';
import { InputsPanel } from './InputsPanel.tsx';
import { ResultSummary } from './ResultSummary.tsx';
import { SkbPanel, idsBefore } from '../../components/SkbPanel.tsx';
import { TraceSteps } from './TraceSteps.tsx';
import { WirePacketsTable } from './WirePacketsTable.tsx';

const FIELD_NAMES: Record<string, string> = {
  len: 'Payload length',
  sends: 'MSG_MORE sends',
  iov: 'iovec',
  mtu: 'MTU',
  family: 'Family',
  sock: 'Socket',
  proto: 'Raw protocol',
  pmtu: 'PMTU mode',
  opts: 'IPv4 options',
  sg: 'Scatter-gather',
  sndbuf: 'sk_sndbuf',
  sndbufcheck: 'Send-buffer check',
  df: 'DF',
  step: 'Step',
};

/** Shared SVG patterns (hatched headroom/tailroom). */
function SvgDefs() {
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false" style={{ position: 'absolute' }}>
      <defs>
        <pattern
          id="room-hatch"
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="6" height="6" fill="var(--room)" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="var(--room-line)" strokeWidth="1.5" />
        </pattern>
      </defs>
    </svg>
  );
}

export function FragmentLab() {
  const result = useAppStore(selectResult);
  const issues = useAppStore(selectIssues);
  const stale = useAppStore(selectIsStale);
  const modelError = useAppStore(selectModelError);
  const { selectStep } = useAppStore(useShallow(selectFragmentActions));
  const { trace, index, current } = useAppStore(useShallow(selectStepView));
  const seenBefore = useMemo(() => idsBefore(trace, index), [trace, index]);

  return (
    <div className="lab">
      <SvgDefs />
      <div className="lab-intro">
        <p className="eyebrow">Lab · IPv4 and IPv6 output path</p>
        <h1>Fragmentation</h1>
        <p className="lede">
          Send a datagram bigger than the MTU and watch <code>__ip_append_data</code> cut it into sk_buffs,{' '}
          <code>ip_do_fragment</code> turn them into packets — or the kernel refuse with an errno.
        </p>
      </div>

      <aside className="lab-inputs" aria-label="Inputs">
        <InputsPanel />
      </aside>

      <div className="lab-results">
        <IssuesBanner
          issues={issues}
          stale={stale}
          modelError={modelError}
          fieldName={(f) => `${FIELD_NAMES[f] ?? f}:`}
        />

        {result ? (
          <>
            <section className={`panel result${stale ? ' is-stale' : ''}`} aria-labelledby="result-title">
              <h2 id="result-title" className="panel-title">
                Result
              </h2>
              <ResultSummary result={result} />
              <FragmentDiagram result={result} />
            </section>

            <section className={`panel${stale ? ' is-stale' : ''}`} aria-labelledby="wire-title">
              <h2 id="wire-title" className="panel-title">
                On the wire
              </h2>
              <WirePacketsTable wire={result.wire} stale={stale} />
            </section>

            <section className={`panel trace${stale ? ' is-stale' : ''}`} aria-labelledby="trace-title">
              <div className="panel-head">
                <h2 id="trace-title" className="panel-title">
                  Through the kernel
                </h2>
                <div className="step-nav" role="group" aria-label="Step through the trace">
                  <button
                    type="button"
                    className="btn-quiet"
                    onClick={() => selectStep(index - 1)}
                    disabled={index <= 0}
                  >
                    ← Previous step
                  </button>
                  <span className="step-count" aria-live="polite">
                    Step {num(Math.min(index + 1, trace.length))} of {num(trace.length)}
                  </span>
                  <button
                    type="button"
                    className="btn-quiet"
                    onClick={() => selectStep(index + 1)}
                    disabled={index >= trace.length - 1}
                  >
                    Next step →
                  </button>
                </div>
              </div>
              <div className="trace-grid">
                <TraceSteps trace={trace} selected={index} onSelect={selectStep} />
                <section className="skb-section" aria-labelledby="skb-title">
                  <h3 id="skb-title" className="sub-title">
                    sk_buffs at step {index + 1}
                    {current && (
                      <>
                        : <span className="mono">{current.fn}</span>
                      </>
                    )}
                  </h3>
                  {current && (
                    <SkbPanel snapshot={current.snapshot} seenBefore={seenBefore} first={index === 0} />
                  )}
                </section>
              </div>
            </section>
          </>
        ) : (
          <section className="panel">
            <p>Enter a valid send to see its fragments.</p>
          </section>
        )}
      </div>
    </div>
  );
}
