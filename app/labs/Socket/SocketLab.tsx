import { useShallow } from 'zustand/react/shallow';
import { IssuesBanner, LabShell, Panel, Part, StepNav, issueTextOf } from '../../lab-kit/index.ts';
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
import { SOCKET_WORDS as W } from './words.ts';
import { LAB_NAMES } from '../names.ts';
import { useIntl } from 'react-intl';
import type { MessageDescriptor } from 'react-intl';
import { codeChunks, fmtNode } from '../../i18n/format.tsx';
import './socket.css';

/** The names of the lab's inputs in the issues banner. */
const FIELD_NAMES: Record<string, MessageDescriptor | string> = {
  domain: W.domain,
  type: W.type,
  protocol: W.protocol,
  nonblock: 'SOCK_NONBLOCK',
  cloexec: 'SOCK_CLOEXEC',
  priv: W.privilege,
  op: W.fieldOp,
  level: W.fieldLevel,
  step: W.fieldStep,
};

function useIntro(): LabIntro {
  const intl = useIntl();
  return {
    eyebrow: fmtNode(intl, W.eyebrow, { code: codeChunks }),
    title: intl.formatMessage(LAB_NAMES.socket.title),
    lede: fmtNode(intl, W.lede, { code: codeChunks }),
  };
}

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
  const intl = useIntl();
  const intro = useIntro();
  const fieldName = (f: string) => {
    const n = FIELD_NAMES[f];
    return `${n === undefined ? f : typeof n === 'string' ? n : intl.formatMessage(n)}:`;
  };
  const { result, dispatch, issues, stale, modelError, step, op, level } = useSocket(useShallow(selectView));
  const { selectStep, setField } = useSocket(useShallow(selectSocketActions));
  const staleCls = stale ? ' is-stale' : '';
  const err = (f: string) => issueTextOf(issues, f);
  const trace = result?.trace ?? [];

  return (
    <LabShell
      className="sk-lab"
      intro={intro}
      inputs={<SocketInputs />}
      banner={<IssuesBanner issues={issues} stale={stale} modelError={modelError} fieldName={fieldName} />}
      diagram={
        result ? (
          <Panel
            titleId="sk-path-title"
            title={intl.formatMessage(W.callPath)}
            className="trace"
            stale={stale}
            head={
              <Part kind="playback">
                <StepNav index={step} count={trace.length} onSelect={selectStep} />
              </Part>
            }
          >
            {/* One view of the steps: the call path's lines are the step list (arrows, Home/End). */}
            <CallPath result={result} selected={step} onSelect={selectStep} />
          </Panel>
        ) : (
          <section className="panel">
            <p>{intl.formatMessage(W.enterValid)}</p>
          </section>
        )
      }
    >
      {result && (
        <>
          <Part kind="result">
            <div className={`panel result${staleCls}`}>
              <SocketSummary result={result} />
            </div>
          </Part>

          <Part kind="tables">
            <Panel titleId="sk-tables-title" title={intl.formatMessage(W.tablesTitle)} stale={stale}>
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
                  {fmtNode(intl, W.noSocket, { errno: result.errno, code: codeChunks })}
                </p>
              )}
            </Panel>
          </Part>
        </>
      )}
    </LabShell>
  );
}
