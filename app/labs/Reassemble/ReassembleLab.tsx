import { memo, useCallback, useMemo, useState } from 'react';
import { useLater } from '../../lab-kit/useLater.ts';
import { defragFunctionOf } from './defrag-fn.ts';
import { useIntl } from 'react-intl';
import type { IntlShape, MessageDescriptor } from 'react-intl';
import type { ReactNode } from 'react';
import type { DefragOk } from '../../../core/ip/defrag-types.ts';
import { useShallow } from 'zustand/react/shallow';
import { bootlinUrl } from '../../../core/trace/index.ts';
import { num } from '../../format.ts';
import { CountersPanel } from '../../components/drops/index.ts';
import {
  IssuesBanner,
  LabShell,
  Panel,
  Part,
  StepNav,
  undoKeys,
  useGlobalKeys,
} from '../../lab-kit/index.ts';
import { codeChunks, fmt, fmtNode } from '../../i18n/format.tsx';
import { LAB_NAMES } from '../names.ts';
import { W } from './words.ts';
import {
  selectReassembleActions,
  selectReassembleFields,
  selectReassembleIsStale,
  selectReassembleIssues,
  selectReassembleModelError,
  selectReassembleResult,
  selectReassembleStep,
  useReassemble,
  useReassembleApi,
} from './store.ts';
import type { ReassembleIssueField } from './params.ts';
import { ArrivalsTable } from './ArrivalsTable.tsx';
import { DatagramInputs } from './DatagramInputs.tsx';
import { FragmentCards } from './FragmentCards.tsx';
import type { CardsView } from './FragmentCards.tsx';
import { OutcomePanel } from './OutcomePanel.tsx';
import { arrivalWindow, pageOf } from './Pager.tsx';
import { QueueDiagram } from './QueueDiagram.tsx';
import { ReassembleSteps } from './ReassembleSteps.tsx';
import { QueueTable } from './QueueTable.tsx';
import { stopsOf } from './view.ts';
import './reassemble.css';

/** The diagram's colour key: swatch class and words. */
const LEGEND: readonly (readonly [string, MessageDescriptor])[] = [
  ['rq-sw-ok', W.legendOk],
  ['rq-sw-dup', W.legendDup],
  ['rq-sw-drop', W.legendDrop],
  ['rq-sw-future', W.legendFuture],
  ['rq-sw-run', W.legendRun],
  ['rq-sw-hole', W.legendHole],
];

const CARD_FIELD_NAMES: Record<string, MessageDescriptor | string> = {
  offset: W.fieldOffset,
  length: W.fieldLength,
  mf: 'MF',
  fill: W.fieldBytes,
  id: W.fieldId,
  extra: W.fieldExtra,
};

/**
 * The banner names a field as the form labels it (the label's own words, code and all); the URL's
 * parameters that have no field of their own are named as written (the same in every language).
 */
const FIELD_NAMES: Record<string, MessageDescriptor | string> = {
  len: W.len,
  mtu: W.mtu,
  family: W.family,
  source: W.source,
  until: W.until,
  maxDist: W.maxDist,
  rcvbuf: W.rcvbuf,
  frags: 'frags=',
  order: 'order=',
  at: 'at=',
  step: 'step=',
};

/** How an issue's field is named in the banner. */
function fieldName(intl: IntlShape, f: ReassembleIssueField, order: readonly number[]): ReactNode {
  const name = (d: MessageDescriptor | string | undefined, fallback: string) =>
    d === undefined ? fallback : typeof d === 'string' ? d : fmt(intl, d);
  const card = /^frags\.(\d+)\.(\w+)$/.exec(f);
  if (card) {
    const i = Number(card[1]);
    const k = order.indexOf(i);
    const field = name(CARD_FIELD_NAMES[card[2] ?? ''], card[2] ?? '');
    return k >= 0 ? fmt(intl, W.fieldArrival, { i: k + 1, field }) : fmt(intl, W.fieldLost, { i, field });
  }
  const at = /^arrivals\.(\d+)\.at$/.exec(f);
  if (at) return fmt(intl, W.fieldTime, { i: Number(at[1]) + 1 });
  const d = FIELD_NAMES[f];
  const label = d === undefined || typeof d === 'string' ? (d ?? f) : fmtNode(intl, d, { code: codeChunks });
  return fmtNode(intl, W.fieldOther, { field: label });
}

export function ReassembleLab() {
  const fields = useReassemble(selectReassembleFields);
  const result = useReassemble(selectReassembleResult);
  const issues = useReassemble(selectReassembleIssues);
  const stale = useReassemble(selectReassembleIsStale);
  const modelError = useReassemble(selectReassembleModelError);
  const step = useReassemble(selectReassembleStep);
  const intl = useIntl();
  const { selectStep, undo, redo } = useReassemble(useShallow(selectReassembleActions));
  const [announcement, setAnnouncement] = useState('');
  // The same words twice still reach a screen reader: alternate a trailing no-break space.
  const announce = useCallback((s: string) => setAnnouncement((prev) => (prev === s ? `${s}\u00a0` : s)), []);
  useGlobalKeys(undoKeys(undo, redo));
  // Over 60 fragments the cards and the Arrivals table show one page; stepping brings the page along.
  const [page, setPage] = useState(0);
  const api = useReassembleApi();
  // One function for the life of the lab (the panels below are memoised on their props).
  const select = useCallback(
    (i: number) => {
      selectStep(i);
      const r = api.getState().result;
      const a = r?.trace[Math.max(0, Math.min(i, r.trace.length - 1))]?.snapshot.arrival;
      if (a !== null && a !== undefined) setPage(pageOf(a));
    },
    [api, selectStep],
  );
  const order = useMemo(() => fields.arrivals.map((a) => a.frag), [fields.arrivals]);
  const st = result?.trace[step];
  const stops = result ? stopsOf(result.trace) : [];
  const prevStop = [...stops].reverse().find((s) => s < step);
  const nextStop = stops.find((s) => s > step);
  const arrival = st?.snapshot.arrival ?? null;

  const clock = (at: number) => fmt(intl, W.clock, { at: num(at), until: num(result?.until ?? at) });

  return (
    <LabShell
      className="rq-lab"
      intro={{
        eyebrow: fmt(intl, W.eyebrow),
        title: fmt(intl, LAB_NAMES.reassemble.title),
        lede: fmtNode(intl, W.lede, {
          code: codeChunks,
          fn: defragFunctionOf(fields.family),
        }),
      }}
      skipLinks={
        result
          ? [
              { target: 'rq-queue-panel', label: fmt(intl, W.skipQueue) },
              { target: 'rq-outcome-panel', label: fmt(intl, W.skipOutcome) },
            ]
          : []
      }
      inputs={<DatagramInputs onPreset={announce} />}
      banner={
        <IssuesBanner
          issues={issues}
          stale={stale}
          modelError={modelError}
          fieldName={(f) => fieldName(intl, f as ReassembleIssueField, order)}
        />
      }
      diagram={
        result ? (
          <Part kind="diagram">
            <Panel
              id="rq-queue-panel"
              tabIndex={-1}
              titleId="rq-queue-title"
              title={fmt(intl, W.queueTitle)}
              className="rq-queue-panel"
              stale={stale}
              head={
                <Part kind="playback">
                  <StepNav
                    index={step}
                    count={result.trace.length}
                    onSelect={select}
                    label={fmt(intl, W.stepThrough)}
                    prev={prevStop ?? null}
                    next={nextStop ?? null}
                    previousWord={fmt(intl, W.prevArrival)}
                    nextWord={fmt(intl, W.nextArrival)}
                    status={
                      arrival === null
                        ? st
                          ? fmtNode(intl, W.timerStatus, {
                              code: codeChunks,
                              fn: st.fn,
                              clock: clock(st.snapshot.at),
                            })
                          : '—'
                        : fmt(intl, W.arrivalOf, { i: num(arrival + 1), n: num(result.arrivals.length) })
                    }
                  />
                </Part>
              }
            >
              {st && (
                <p className="rq-step-caption">
                  {fmtNode(intl, W.caption, {
                    i: num(step + 1),
                    n: num(result.trace.length),
                    fn: (
                      <a className="mono" href={bootlinUrl(st.file)} target="_blank" rel="noreferrer">
                        {st.fn}
                      </a>
                    ),
                    clock: <span className="muted rq-clock">{clock(st.snapshot.at)}</span>,
                  })}
                </p>
              )}
              <QueueDiagram result={result} step={step} />
              <ul className="legend rq-legend" aria-label={fmt(intl, W.legendLabel)}>
                {LEGEND.map(([cls, d]) => (
                  <li key={cls}>
                    <span className={`swatch ${cls}`} aria-hidden="true" /> {fmt(intl, d)}
                  </li>
                ))}
              </ul>
              <Part kind="tables">
                <QueueTable result={result} step={step} />
              </Part>
            </Panel>
          </Part>
        ) : (
          <section className="panel">
            <p>{fmt(intl, W.noResult)}</p>
          </section>
        )
      }
    >
      <LabBody
        fields={fields}
        issues={issues}
        result={result}
        step={step}
        stale={stale}
        order={order}
        page={page}
        announce={announce}
        announcement={announcement}
        onSelect={select}
        onPage={setPage}
      />
    </LabShell>
  );
}

interface LaterProps {
  result: DefragOk;
  step: number;
  stale: boolean;
  order: readonly number[];
  page: number;
  onSelect: (i: number) => void;
  onPage: (page: number) => void;
}

interface BodyProps extends Omit<LaterProps, 'result'>, Omit<CardsView, 'result'> {
  result: DefragOk | null;
  announce: (s: string) => void;
  announcement: string;
}

/**
 * The lab's one deferred value (useLater, as the Netlink lab's views below its diagram):
 * an edit paints the diagram, the cards in view and the page's counts first; the cards out of
 * view and the panels below the fold (outcome, counters, arrivals, trace) see the new state in the
 * render after that frame is painted (rapid edits coalesce into one). A new step alone (stepping through the trace)
 * reaches the panels at once. Only this part renders again for the late state, not the lab.
 */
function LabBody(p: BodyProps) {
  const { fields, issues, result, step, stale, order } = p;
  const now = useMemo(
    () => ({ fields, issues, result, step, stale, order }),
    [fields, issues, result, step, stale, order],
  );
  const later = useLater(now);
  const q = later.result === result ? now : later;
  return (
    <>
      <Part kind="detail">
        <FragmentCards
          announce={p.announce}
          announcement={p.announcement}
          win={arrivalWindow(fields.arrivals.length, p.page)}
          onPage={p.onPage}
          later={later}
        />
      </Part>
      {q.result && (
        <LaterPanels
          result={q.result}
          step={q.step}
          stale={q.stale}
          order={q.order}
          page={p.page}
          onSelect={p.onSelect}
          onPage={p.onPage}
        />
      )}
    </>
  );
}

/** The outcome, the counters, the Arrivals table and the kernel steps, memoised on their props. */
const LaterPanels = memo(function LaterPanels({
  result,
  step,
  stale,
  order,
  page,
  onSelect,
  onPage,
}: LaterProps) {
  const intl = useIntl();
  const win = arrivalWindow(order.length, page);
  const arrival = result.trace[step]?.snapshot.arrival ?? null;
  return (
    <>
      <Part kind="result">
        <Panel
          id="rq-outcome-panel"
          tabIndex={-1}
          titleId="rq-outcome-title"
          title={fmt(intl, W.outcomeTitle, { until: num(result.until) })}
          className="rq-outcome-panel"
          stale={stale}
        >
          <OutcomePanel result={result} />
        </Panel>
      </Part>

      <Part kind="detail">
        <CountersPanel drops={result.drop_reasons} delta={result.snmp_delta} stale={stale} />
      </Part>

      <Part kind="tables">
        <Panel titleId="rq-arrivals-title" title={fmt(intl, W.arrivalsTitle)} stale={stale}>
          <ArrivalsTable
            result={result}
            order={order}
            current={arrival}
            onSelect={onSelect}
            win={win}
            onPage={onPage}
          />
        </Panel>
      </Part>

      <Part kind="steps">
        <Panel
          titleId="rq-trace-title"
          title={fmt(intl, W.traceTitle)}
          className="trace"
          stale={stale}
          head={<StepNav index={step} count={result.trace.length} onSelect={onSelect} live={false} />}
        >
          <ReassembleSteps result={result} selected={step} onSelect={onSelect} />
        </Panel>
      </Part>
    </>
  );
});
