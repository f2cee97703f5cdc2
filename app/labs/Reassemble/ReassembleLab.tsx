import { useCallback, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { bootlinUrl } from '../../../core/trace/index.ts';
import { num } from '../../format.ts';
import { CountersPanel } from '../../components/drops/index.ts';
import { IssuesBanner, LabShell, StepNav, undoKeys, useGlobalKeys } from '../../lab-kit/index.ts';
import {
  selectReassembleActions,
  selectReassembleFields,
  selectReassembleIsStale,
  selectReassembleIssues,
  selectReassembleModelError,
  selectReassembleResult,
  selectReassembleStep,
  useReassemble,
} from './store.ts';
import type { ReassembleIssueField } from './params.ts';
import { ArrivalsTable } from './ArrivalsTable.tsx';
import { DatagramInputs } from './DatagramInputs.tsx';
import { FragmentCards } from './FragmentCards.tsx';
import { OutcomePanel } from './OutcomePanel.tsx';
import { arrivalWindow, pageOf } from './Pager.tsx';
import { QueueDiagram } from './QueueDiagram.tsx';
import { ReassembleSteps } from './ReassembleSteps.tsx';
import { QueueTable } from './QueueTable.tsx';
import { stopsOf } from './view.ts';
import './reassemble.css';

const CARD_FIELD_NAMES: Record<string, string> = {
  offset: 'offset',
  length: 'length',
  mf: 'MF',
  fill: 'bytes',
  id: 'id',
  extra: 'extra',
};

/** How an issue's field is named in the banner. */
function fieldName(f: ReassembleIssueField, order: readonly number[]): string {
  const card = /^frags\.(\d+)\.(\w+)$/.exec(f);
  if (card) {
    const i = Number(card[1]);
    const k = order.indexOf(i);
    return `${k >= 0 ? `Arrival ${k + 1}` : `Lost fragment ${i}`}, ${CARD_FIELD_NAMES[card[2] ?? ''] ?? card[2]}`;
  }
  const at = /^arrivals\.(\d+)\.at$/.exec(f);
  if (at) return `Arrival ${Number(at[1]) + 1}, time`;
  const names: Record<string, string> = {
    len: 'Payload length',
    mtu: 'MTU',
    family: 'Family',
    source: 'Sender',
    until: 'Clock',
    frags: 'frags=',
    order: 'order=',
    at: 'at=',
    step: 'step=',
  };
  return names[f] ?? f;
}

export function ReassembleLab() {
  const fields = useReassemble(selectReassembleFields);
  const result = useReassemble(selectReassembleResult);
  const issues = useReassemble(selectReassembleIssues);
  const stale = useReassemble(selectReassembleIsStale);
  const modelError = useReassemble(selectReassembleModelError);
  const step = useReassemble(selectReassembleStep);
  const { selectStep, undo, redo } = useReassemble(useShallow(selectReassembleActions));
  const [announcement, setAnnouncement] = useState('');
  // The same words twice still reach a screen reader: alternate a trailing no-break space.
  const announce = useCallback((s: string) => setAnnouncement((prev) => (prev === s ? `${s}\u00a0` : s)), []);
  useGlobalKeys(undoKeys(undo, redo));
  // Over 60 fragments the cards and the Arrivals table show one page; stepping brings the page along.
  const [page, setPage] = useState(0);
  const win = arrivalWindow(fields.arrivals.length, page);
  const select = (i: number) => {
    selectStep(i);
    const a = result?.trace[Math.max(0, Math.min(i, result.trace.length - 1))]?.snapshot.arrival;
    if (a !== null && a !== undefined) setPage(pageOf(a));
  };
  const order = fields.arrivals.map((a) => a.frag);
  const st = result?.trace[step];
  const stops = result ? stopsOf(result.trace) : [];
  const prevStop = [...stops].reverse().find((s) => s < step);
  const nextStop = stops.find((s) => s > step);
  const arrival = st?.snapshot.arrival ?? null;

  return (
    <LabShell
      className="rq-lab"

      intro={{
        eyebrow: 'Lab · IPv4 and IPv6 input path',
        title: 'Reassembly',
        lede: (
          <>
            Reorder, drop, duplicate and overlap the fragments of one UDP datagram and watch{' '}
            <code>{fields.family === 'inet6' ? 'ipv6_frag_rcv' : 'ip_defrag'}</code> file them into the
            queue’s runs — then deliver the datagram, drop the queue, or let its timer expire.
          </>
        ),
      }}
      inputs={<DatagramInputs onPreset={announce} />}
      banner={
        <IssuesBanner
          issues={issues}
          stale={stale}
          modelError={modelError}
          fieldName={(f) => `${fieldName(f as ReassembleIssueField, order)}:`}
        />
      }
    >
      <FragmentCards announce={announce} announcement={announcement} win={win} onPage={setPage} />

      {result ? (
        <>
          <section
            className={`panel rq-queue-panel${stale ? ' is-stale' : ''}`}
            aria-labelledby="rq-queue-title"
          >
            <div className="panel-head">
              <h2 id="rq-queue-title" className="panel-title">
                The queue, fragment by fragment
              </h2>
              <StepNav
                index={step}
                count={result.trace.length}
                onSelect={select}
                label="Step through the arrivals"
                prev={prevStop ?? null}
                next={nextStop ?? null}
                previousWord="← Previous arrival"
                nextWord="Next arrival →"
                status={
                  arrival === null
                    ? st
                      ? `${st.fn}, t = ${num(st.snapshot.at)} ms`
                      : '—'
                    : `Arrival ${num(arrival + 1)} of ${num(result.arrivals.length)}`
                }
              />
            </div>
            {st && (
              <p className="rq-step-caption">
                After step {num(step + 1)} of {num(result.trace.length)},{' '}
                <a className="mono" href={bootlinUrl(st.file)} target="_blank" rel="noreferrer">
                  {st.fn}
                </a>
                <span className="muted"> — t = {num(st.snapshot.at)} ms</span>
              </p>
            )}
            <QueueDiagram result={result} step={step} />
            <ul className="legend rq-legend" aria-label="Colour key">
              <li>
                <span className="swatch rq-sw-ok" aria-hidden="true" /> queued / completed
              </li>
              <li>
                <span className="swatch rq-sw-dup" aria-hidden="true" /> duplicate (dropped alone)
              </li>
              <li>
                <span className="swatch rq-sw-drop" aria-hidden="true" /> dropped the queue
              </li>
              <li>
                <span className="swatch rq-sw-future" aria-hidden="true" /> still to come
              </li>
              <li>
                <span className="swatch rq-sw-run" aria-hidden="true" /> run (rbtree node)
              </li>
              <li>
                <span className="swatch rq-sw-hole" aria-hidden="true" /> hole
              </li>
            </ul>
            <QueueTable result={result} step={step} />
          </section>

          <section
            className={`panel rq-outcome-panel${stale ? ' is-stale' : ''}`}
            aria-labelledby="rq-outcome-title"
          >
            <h2 id="rq-outcome-title" className="panel-title">
              Outcome at t = {num(result.until)} ms
            </h2>
            <OutcomePanel result={result} />
          </section>

          <div className={stale ? 'is-stale' : undefined}>
            <CountersPanel drops={result.drop_reasons} delta={result.snmp_delta} />
          </div>

          <section className={`panel${stale ? ' is-stale' : ''}`} aria-labelledby="rq-arrivals-title">
            <h2 id="rq-arrivals-title" className="panel-title">
              Arrivals
            </h2>
            <ArrivalsTable
              result={result}
              order={order}
              current={arrival}
              onSelect={select}
              win={win}
              onPage={setPage}
            />
          </section>

          <section className={`panel trace${stale ? ' is-stale' : ''}`} aria-labelledby="rq-trace-title">
            <div className="panel-head">
              <h2 id="rq-trace-title" className="panel-title">
                Through the kernel
              </h2>
              <StepNav index={step} count={result.trace.length} onSelect={select} live={false} />
            </div>
            <ReassembleSteps result={result} selected={step} onSelect={select} />
          </section>
        </>
      ) : (
        <section className="panel">
          <p>Enter valid fragments to see the queue.</p>
        </section>
      )}
    </LabShell>
  );
}
