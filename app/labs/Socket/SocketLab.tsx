import { useShallow } from 'zustand/react/shallow';
import { IssuesBanner, LabShell, Part, StepNav, issueOf } from '../../lab-kit/index.ts';
import type { LabIntro } from '../../lab-kit/index.ts';
import {
  selectSocketActions,
  selectSocketDispatch,
  selectSocketFields,
  selectSocketIsStale,
  selectSocketIssues,
  selectSocketModelError,
  selectSocketResult,
  selectSocketStep,
  useSocket,
} from './store.ts';
import type { SocketState } from './store.ts';
import { CallPath } from './CallPath.tsx';
import { DispatchChain, OpPicker } from './DispatchChain.tsx';
import { OpsTables } from './OpsTables.tsx';
import { SocketInputs } from './SocketInputs.tsx';
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

const INTRO: LabIntro = {
  eyebrow: 'Lab · net/socket.c → pf->create',
  title: 'Socket creation',
  lede: (
    <>
      Call <code>socket(domain, type, protocol)</code> and follow <code>__sock_create</code> into the family’s
      create function and the <code>inetsw</code> walk, to the <code>proto_ops</code> and <code>proto</code>{' '}
      tables — or to the errno and the line that returns it. Then send a call through those tables.
    </>
  ),
};

const selectView = (s: SocketState) => ({
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
  const { result, dispatch, issues, stale, modelError, step, op, level } = useSocket(useShallow(selectView));
  const { selectStep, setField } = useSocket(useShallow(selectSocketActions));
  const staleCls = stale ? ' is-stale' : '';
  const err = (f: string) => issueOf(issues, f);
  const trace = result?.trace ?? [];

  return (
    <LabShell
      className="sk-lab"
      intro={INTRO}
      inputs={<SocketInputs />}
      banner={
        <IssuesBanner
          issues={issues}
          stale={stale}
          modelError={modelError}
          fieldName={(f) => `${FIELD_NAMES[f] ?? f}:`}
        />
      }
    >
      {result ? (
        <>
          <Part kind="result">
            <div className={`panel result${staleCls}`}>
              <SocketSummary result={result} />
            </div>
          </Part>

          <section className={`panel trace${staleCls}`} aria-labelledby="sk-path-title">
            <div className="panel-head">
              <h2 id="sk-path-title" className="panel-title">
                Call path
              </h2>
              <Part kind="playback">
                <StepNav index={step} count={trace.length} onSelect={selectStep} />
              </Part>
            </div>
            {/* One view of the steps: the call path's lines are the step list (arrows, Home/End). */}
            <CallPath result={result} selected={step} onSelect={selectStep} />
          </section>

          <Part kind="tables">
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
          </Part>
        </>
      ) : (
        <section className="panel">
          <p>Enter a valid call to see what the kernel does with it.</p>
        </section>
      )}
    </LabShell>
  );
}
