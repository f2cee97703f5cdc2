import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { useShallow } from 'zustand/react/shallow';
import { renderText } from '../../../core/i18n/index.ts';
import type { Text } from '../../../core/i18n/index.ts';
import { bootlinUrl } from '../../../core/trace/index.ts';
import { SkbBuffer, SkbFieldsTable, SkbLegend, SkbPanel, idsBefore } from '../../components/skb/index.ts';
import { num } from '../../format.ts';
import { codeChunks, fmt, fmtNode } from '../../i18n/format.tsx';
import { useLocale } from '../../i18n/locale.ts';
import {
  IssuesBanner,
  LabShell,
  Panel,
  Part,
  StepList,
  StepNav,
  undoKeys,
  useGlobalKeys,
} from '../../lab-kit/index.ts';
import type { LabIntro, StepView } from '../../lab-kit/index.ts';
import { OpsPanel } from './OpsPanel.tsx';
import { PanicCard } from './PanicCard.tsx';
import { selectSkbActions, selectSkbIssues, selectSkbReplay, selectSkbRunView, useSkb } from './store.ts';
import type { SkbReplayRun } from './store.ts';
import { SKB_WORDS as W } from './words.ts';
import './skb.css';

/** Text that is never translated (kernel names, offsets, key names), kept out of JSX literals. */
const verbatim = (...parts: (string | number)[]): string => parts.join('');

/** One step of the list: an op (with what the kernel does instead when it refuses), or a kernel step. */
interface SkbStepItem {
  fn: string;
  file: string;
  why: Text;
  dir: 'down' | 'up';
  refused?: string | undefined;
}

const stepView =
  (steps: readonly SkbStepItem[], locale: Parameters<typeof renderText>[1], upNote?: string) =>
  (s: SkbStepItem, i: number): StepView => ({
    fn: s.fn,
    why: renderText(s.why, locale),
    file: s.file,
    className: s.refused ? 'step--refused' : '',
    fnExtra: s.refused && <span className="refused-badge">{s.refused}</span>,
    data: {
      'up-note': upNote !== undefined && s.dir === 'up' && steps[i - 1]?.dir !== 'up' ? upNote : undefined,
    },
  });

function useIntro(): LabIntro {
  const intl = useIntl();
  return {
    eyebrow: fmtNode(intl, W.eyebrow, { code: codeChunks }),
    title: 'sk_buff',
    lede: fmtNode(intl, W.lede, { code: codeChunks }),
  };
}

/** The buffer view: its `buffer` panel (the main diagram, LabShell's diagram slot) or its `history`. */
function BufferView({ slot }: { slot: 'buffer' | 'history' }) {
  const intl = useIntl();
  const locale = useLocale();
  const { run, step, current, snapshot, outcome, halted, alloc } = useSkb(useShallow(selectSkbRunView));
  const { selectStep, recover, restart } = useSkb(useShallow(selectSkbActions));
  const steps: SkbStepItem[] = useMemo(
    () =>
      run.trace.map((t, i) => {
        const o = run.outcomes[i];
        const n = o?.op.n;
        return {
          fn: `${t.fn}(${n === undefined ? '' : String(n)})`,
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

  const atPanic = halted !== undefined && halted.step === step;
  if (slot === 'buffer')
    return (
      <Panel
        titleId="buffer-title"
        title={intl.formatMessage(W.bufferTitle)}
        className="buffer-panel"
        head={
          <Part kind="playback">
            <StepNav
              index={step}
              count={run.trace.length}
              onSelect={selectStep}
              label={intl.formatMessage(W.stepThrough)}
            />
          </Part>
        }
      >
        <Part kind="result">
          <p className="buffer-caption">
            {fmtNode(intl, W.afterStep, { step: step + 1 })}
            {verbatim(' ')}
            <a className="mono" href={bootlinUrl(current.file)} target="_blank" rel="noreferrer">
              {steps[step]?.fn}
            </a>
            {verbatim(' ')}
            <span className="muted">
              {fmtNode(intl, W.bufferFacts, {
                headroom: num(snapshot.headroom),
                len: num(skb.len),
                tailroom: num(snapshot.tailroom),
                code: codeChunks,
              })}
            </span>
          </p>
          {halted && !atPanic && (
            <p className="panic-note" role="status">
              {fmt(intl, W.haltedShort, { step: halted.step + 1 })}
            </p>
          )}
          {outcome && !outcome.ok && (
            <PanicCard
              outcome={outcome}
              step={step}
              halted={
                atPanic ? { notRun: halted.notRun, recover, restart: () => restart(alloc), alloc } : undefined
              }
            />
          )}
        </Part>
        <Part kind="diagram">
          <SkbBuffer skb={skb} previous={previous} />
        </Part>
        <Part kind="detail">
          <SkbLegend kinds={kinds} />
        </Part>
        <Part kind="tables">
          <SkbFieldsTable skbs={[skb]} previous={previous} />
        </Part>
      </Panel>
    );
  return (
    <>
      <Part kind="steps">
        <Panel titleId="history-title" title={intl.formatMessage(W.historyTitle)} className="history-panel">
          <StepList
            className="skb-steps"
            steps={steps}
            selected={step}
            onSelect={selectStep}
            view={stepView(steps, locale)}
            label={intl.formatMessage(W.historyLabel)}
          />
        </Panel>
      </Part>
    </>
  );
}

function ReplayView({ replay }: { replay: SkbReplayRun }) {
  const intl = useIntl();
  const locale = useLocale();
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
  const label = intl.formatMessage(W.replayFragmented);

  return (
    <>
      <Part kind="intro">
        <div className="replay-note">
          <p>
            {fmtNode(intl, W.replayNote, {
              label: <strong>{label}</strong>,
              len: num(len),
              mtu: num(input.mtu),
              code: codeChunks,
              seen: (
                <span className="id-badge id-badge--same">
                  <span className="id-state">{intl.formatMessage(W.seenBefore)}</span>
                </span>
              ),
              fresh: (
                <span className="id-badge id-badge--new">
                  <span className="id-state">{intl.formatMessage(W.isNew)}</span>
                </span>
              ),
            })}
          </p>
          <p className="replay-actions">
            <a href={fragmentHref}>{intl.formatMessage(W.openInFragment)}</a>
            <button type="button" className="btn-quiet" onClick={leaveReplay}>
              {intl.formatMessage(W.backToBuffer)}
            </button>
          </p>
        </div>
      </Part>
      <Panel
        titleId="replay-title"
        title={fmt(intl, W.replayTitle, { label })}
        className="trace"
        head={
          <Part kind="playback">
            <StepNav
              index={step}
              count={trace.length}
              onSelect={selectStep}
              label={intl.formatMessage(W.stepThrough)}
            />
          </Part>
        }
      >
        <div className="trace-grid">
          <Part kind="steps">
            <StepList
              className="skb-steps"
              steps={steps}
              selected={step}
              onSelect={selectStep}
              view={stepView(steps, locale, intl.formatMessage(W.upNote))}
            />
          </Part>
          <Part kind="diagram">
            <section className="skb-section" aria-labelledby="replay-skb-title">
              <h3 id="replay-skb-title" className="sub-title">
                {fmtNode(intl, W.replaySkbs, { step: step + 1, code: codeChunks })}
                {verbatim(' ')}
                {current && <span className="mono">{current.fn}</span>}
              </h3>
              {current && <SkbPanel snapshot={current.snapshot} seenBefore={seenBefore} first={step === 0} />}
            </section>
          </Part>
        </div>
      </Panel>
    </>
  );
}

export function SkbLab() {
  const intl = useIntl();
  const intro = useIntro();
  const replay = useSkb(selectSkbReplay);
  const issues = useSkb(selectSkbIssues);
  const { undo, redo, dismissIssues } = useSkb(useShallow(selectSkbActions));
  useGlobalKeys(undoKeys(undo, redo));

  return (
    <LabShell
      className="skb-lab"
      intro={intro}
      inputs={<OpsPanel />}
      inputsLabel={intl.formatMessage(W.operations)}
      banner={
        <IssuesBanner
          issues={issues}
          stale={false}
          fieldName={(f) => <span className="mono">{verbatim(f, '=')}</span>}
          onDismiss={dismissIssues}
        />
      }
      diagram={replay ? <ReplayView replay={replay} /> : <BufferView slot="buffer" />}
    >
      {!replay && <BufferView slot="history" />}
    </LabShell>
  );
}
