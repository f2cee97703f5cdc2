import { IssuesBanner } from '../../components/IssuesBanner.tsx';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/index.ts';
import type { AppState } from '../../store/index.ts';
import {
  selectSocketActions,
  selectSocketDispatch,
  selectSocketFields,
  selectSocketIsStale,
  selectSocketIssues,
  selectSocketModelError,
  selectSocketResult,
  selectSocketStep,
} from '../../store/socket-slice.ts';
import { num } from '../../format.ts';
import { CallPath } from './CallPath.tsx';
import { DispatchChain, OpPicker } from './DispatchChain.tsx';
import { OpsTables } from './OpsTables.tsx';
import { SocketInputs } from './SocketInputs.tsx';
import { SocketSteps } from './SocketSteps.tsx';
import { SocketSummary } from './SocketSummary.tsx';
import './socket.css';

const FIELD_NAMES: Record<string, string> = {
  domain: 'Domain',
  type: 'Type',
  protocol: 'Protocol',
  nonblock: 'SOCK_NONBLOCK',
  cloexec: 'SOCK_CLOEXEC',
  priv: 'Privilege',
  op: 'Operation',
  level: 'Option level',
  step: 'Step',
};

const selectView = (s: AppState) => ({
  result: selectSocketResult(s),
  dispatch: selectSocketDispatch(s),
  issues: selectSocketIssues(s),
  stale: selectSocketIsStale(s),
  modelError: selectSocketModelError(s),
  step: selectSocketStep(s),
  op: selectSocketFields(s).op,
  level: selectSocketFields(s).level,
});

export function SocketLab() {
  const { result, dispatch, issues, stale, modelError, step, op, level } = useAppStore(
    useShallow(selectView),
  );
  const { selectStep, setField } = useAppStore(useShallow(selectSocketActions));
  const staleCls = stale ? ' is-stale' : '';
  const err = (f: string) => issues.find((i) => i.field === f)?.message;
  const trace = result?.trace ?? [];

  return (
    <div className="lab sk-lab">
      <div className="lab-intro">
        <p className="eyebrow">Lab · net/socket.c → pf-&gt;create</p>
        <h1>Socket creation</h1>
        <p className="lede">
          Call <code>socket(domain, type, protocol)</code> and follow <code>__sock_create</code> into the
          family’s create function and the <code>inetsw</code> walk, to the <code>proto_ops</code> and{' '}
          <code>proto</code> tables — or to the errno and the line that returns it. Then send a call through
          those tables.
        </p>
      </div>

      <aside className="lab-inputs" aria-label="Inputs">
        <SocketInputs />
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
            <div className={`panel result${staleCls}`}>
              <SocketSummary result={result} />
            </div>

            <section className={`panel trace${staleCls}`} aria-labelledby="sk-path-title">
              <div className="panel-head">
                <h2 id="sk-path-title" className="panel-title">
                  Call path
                </h2>
                <div className="step-nav" role="group" aria-label="Step through the trace">
                  <button
                    type="button"
                    className="btn-quiet"
                    onClick={() => selectStep(step - 1)}
                    disabled={step <= 0}
                  >
                    ← Previous step
                  </button>
                  <span className="step-count" aria-live="polite">
                    Step {num(Math.min(step + 1, trace.length))} of {num(trace.length)}
                  </span>
                  <button
                    type="button"
                    className="btn-quiet"
                    onClick={() => selectStep(step + 1)}
                    disabled={step >= trace.length - 1}
                  >
                    Next step →
                  </button>
                </div>
              </div>
              <div className="sk-path-grid">
                <CallPath result={result} selected={step} onSelect={selectStep} />
                <section className="sk-steps-section" aria-labelledby="sk-steps-title">
                  <h3 id="sk-steps-title" className="sub-title">
                    Kernel steps
                  </h3>
                  <SocketSteps
                    trace={trace}
                    selected={step}
                    failedAt={result.ok ? null : trace.length - 1}
                    onSelect={selectStep}
                  />
                </section>
              </div>
            </section>

            <section className={`panel${staleCls}`} aria-labelledby="sk-tables-title">
              <h2 id="sk-tables-title" className="panel-title">
                Function tables and dispatch
              </h2>
              <OpPicker
                op={op}
                level={level}
                onOp={(o) => setField('op', o)}
                onLevel={(l) => setField('level', l)}
                opError={err('op')}
                levelError={err('level')}
              />
              {result.ok ? (
                <>
                  {dispatch && <DispatchChain dispatch={dispatch} />}
                  <OpsTables sock={result} dispatch={dispatch} />
                </>
              ) : (
                <p className="sk-no-socket">
                  socket() failed with <span className="mono">{result.errno}</span>: there is no socket, so no{' '}
                  <span className="mono">proto_ops</span> or <span className="mono">proto</span> table to
                  dispatch through. Pick a call that succeeds (a preset such as TCP or UDP).
                </p>
              )}
            </section>
          </>
        ) : (
          <section className="panel">
            <p>Enter a valid call to see what the kernel does with it.</p>
          </section>
        )}
      </div>
    </div>
  );
}
