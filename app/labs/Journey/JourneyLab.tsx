import { CountersPanel, DropNote } from '../../components/drops/index.ts';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useShallow } from 'zustand/react/shallow';
import { useAnimationClock } from '../../hooks/useAnimationClock.ts';
import {
  IssuesBanner,
  LabShell,
  isStale,
  issueTextOf,
  useGlobalKeys,
  usePrefersReducedMotion,
  StepList,
  TermRow,
  termCodeChunks,
  Control,
  Panel,
  Part,
  useControl,
  useEmbedView,
} from '../../lab-kit/index.ts';
import type { Issue, LabIntro, StepView } from '../../lab-kit/index.ts';
import type { JourneyFields } from './params.ts';
import { selectJourney, useJourney } from './store.ts';
import { reportedWidth } from '../../hooks/useElementWidth.ts';
import { bootlinUrl } from '../../../core/trace/index.ts';
import { UDP_MAX_PAYLOAD_V4, type JourneyResult, type Stop } from '../../../core/journey/index.ts';
import { Field, TextField } from '../../components/Field.tsx';
import { Legend } from '../../components/kinds.tsx';
import { num } from '../../format.ts';
import { JourneyDiagram } from './JourneyDiagram.tsx';
import './journey.css';
import { TableHead } from '../../components/TableHead.tsx';
import { useIntl } from 'react-intl';
import type { IntlShape, MessageDescriptor } from 'react-intl';
import type { ReactNode, RefObject } from 'react';
import { codeChunks, fmt, fmtNode } from '../../i18n/format.tsx';
import { LAB_NAMES } from '../names.ts';
import { MsgText } from '../../i18n/MsgText.tsx';

import { W, packetLabel } from './words.ts';
import { useKitWords } from '../../lab-kit/words.ts';

const SPEEDS = [0.5, 1, 2, 4];
/** Marks, not words: the same in every language. */
const NONE = '—';
const GLYPH = { back: '◀', forward: '▶', play: '▶', pause: '❚❚' };
const speedText = (s: number) => `${s}\u00d7`;
const callText = (fn: string) => `${fn}()`;
const paren = (s: string) => `(${s})`;
const failedSend = (errno: string | undefined) => `-1 ${errno ?? ''}`;
/** The receiver's counters as nstat names them (kernel names: never translated). */
const NSTAT = {
  rcvbuf: 'Udp RcvbufErrors',
  inErrors: 'Udp InErrors',
  inDatagrams: 'Udp InDatagrams',
  reasmFails: 'Ip ReasmFails',
  reasmTimeout: 'ReasmTimeout',
};
/** With `loop=1`, how long the last stop stays on show before the journey starts again (ms). */
export const LOOP_HOLD_MS = 1500;

const intro = (intl: IntlShape): LabIntro => ({
  eyebrow: fmt(intl, W.eyebrow),
  title: fmt(intl, LAB_NAMES.journey.title),
  lede: fmtNode(intl, W.lede, { code: codeChunks }),
});

/** Where a stop (or a packet) is: the host and the layer, or the wire. */
const placeName = (intl: IntlShape, s: Pick<Stop, 'side' | 'layer'>) =>
  s.side === 'wire' ? fmt(intl, W.placeWire) : fmt(intl, W.place, { side: s.side, layer: s.layer });

function Inputs({
  fields,
  issues,
  setField,
}: {
  fields: JourneyFields;
  issues: readonly Issue[];
  setField: <K extends keyof JourneyFields>(k: K, v: JourneyFields[K]) => void;
}) {
  const intl = useIntl();
  const t = (d: Parameters<typeof fmt>[1], v?: Record<string, string | number>) => fmt(intl, d, v);
  const rich = (d: Parameters<typeof fmt>[1], v?: Record<string, string | number>) =>
    fmtNode(intl, d, { ...v, code: codeChunks });
  const err = (f: keyof JourneyFields) => issueTextOf(issues, f);
  const text = (k: keyof JourneyFields, label: ReactNode, hint?: ReactNode) => (
    <TextField
      label={label}
      error={err(k)}
      hint={hint}
      type="text"
      inputMode="numeric"
      value={fields[k]}
      onChange={(text) => setField(k, text)}
    />
  );
  const select = (k: keyof JourneyFields, label: ReactNode, options: [string, string][]) => (
    <Field label={label} error={err(k)}>
      {(a) => (
        <select {...a} value={fields[k]} onChange={(e) => setField(k, e.target.value)}>
          {options.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  // Which inputs this embed view shows (every one in the full page): a group's heading goes with them.
  const on: Record<keyof JourneyFields, boolean> = {
    len: useControl('len'),
    mtu: useControl('mtu'),
    family: useControl('family'),
    n: useControl('n'),
    fault: useControl('fault'),
    frag: useControl('frag'),
    dg: useControl('dg'),
    rcvbuf: useControl('rcvbuf'),
    read: useControl('read'),
    buf: useControl('buf'),
  };
  const shown = (keys: readonly (keyof JourneyFields)[]) => keys.some((k) => on[k]);
  return (
    <form className="panel journey-inputs" onSubmit={(e) => e.preventDefault()} aria-label={t(W.scenario)}>
      {shown(['len', 'mtu', 'family', 'n']) && <h2 className="panel-title">{t(W.sender)}</h2>}
      <Control name="len">{text('len', t(W.len), t(W.lenHint, { max: UDP_MAX_PAYLOAD_V4 }))}</Control>
      <Control name="mtu">{text('mtu', t(W.mtu))}</Control>
      <Control name="family">
        {select('family', t(W.family), [
          ['inet', t(W.inet)],
          ['inet6', t(W.inet6)],
        ])}
      </Control>
      <Control name="n">{text('n', rich(W.n))}</Control>
      {shown(['fault', 'frag', 'dg']) && <h2 className="panel-title">{t(W.wire)}</h2>}
      <Control name="fault">
        {select('fault', t(W.fault), [
          ['none', t(W.faultNone)],
          ['lose', t(W.faultLose)],
          ['reorder', t(W.faultReorder)],
        ])}
      </Control>
      {(fields.fault !== 'none' || err('frag') || err('dg')) && (
        <div className="journey-row">
          <Control name="frag">{text('frag', t(W.frag))}</Control>
          <Control name="dg">{text('dg', t(W.dg))}</Control>
        </div>
      )}
      {shown(['rcvbuf', 'read', 'buf']) && <h2 className="panel-title">{t(W.receiver)}</h2>}
      <Control name="rcvbuf">{text('rcvbuf', rich(W.rcvbuf), rich(W.rcvbufHint, { def: 212992 }))}</Control>
      <Control name="read">
        {select('read', t(W.read), [
          ['each', t(W.readEach)],
          ['slow', t(W.readSlow)],
          ['end', t(W.readEnd)],
        ])}
      </Control>
      <Control name="buf">{text('buf', rich(W.buf))}</Control>
    </form>
  );
}

/** The label of each input, as the form shows it: the banner names a field by it. */
const FIELD_LABELS: Record<keyof JourneyFields, MessageDescriptor> = {
  len: W.len,
  mtu: W.mtu,
  family: W.family,
  n: W.n,
  fault: W.fault,
  frag: W.frag,
  dg: W.dg,
  rcvbuf: W.rcvbuf,
  read: W.read,
  buf: W.buf,
};

/** The stage's width (px) and the most height its drawing may take so that it fits the viewport (px). */
interface Stage {
  width: number;
  fit: number;
}

/**
 * The stage's width and the height the drawing may take so that it fits the viewport (issue 14):
 * below its own top when that is in the first screen (the whole drawing in view on arrival), else a
 * screen less the stage's head. Both are read together in the ResizeObserver's report, which comes
 * after the browser's layout of the frame the stage appears in and before that frame is painted:
 * the drawing waits for them (null until then) and is drawn once, at its size, in that frame. It
 * used to be drawn at a guessed width, then at the measured one, then at the measured height, a
 * frame later: three renders of the lab's largest part, in the first second (issue 17: Lighthouse's
 * total blocking time). A window that changes height only is measured again a frame later.
 * Without a ResizeObserver (jsdom): a width of 720 at once, the height a frame later. `shown`: the
 * stage is in the page (an input with no result shows none); it is observed from when it comes.
 */
function useStage(el: RefObject<HTMLElement | null>, shown: boolean): Stage | null {
  const observed = typeof ResizeObserver === 'function';
  const [stage, setStage] = useState<Stage | null>(() => (observed ? null : { width: 720, fit: Infinity }));
  useLayoutEffect(() => {
    const node = el.current;
    if (!shown || !node) return;
    const fitOf = () => {
      const h = window.innerHeight;
      const top = node.getBoundingClientRect().top + window.scrollY;
      return Math.max(360, top < h * 0.6 ? h - top - 16 : h - 90);
    };
    let frame = 0;
    const refit = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() =>
        setStage((s) => {
          const fit = s ? fitOf() : 0;
          return !s || s.fit === fit ? s : { width: s.width, fit };
        }),
      );
    };
    const ro = observed
      ? new ResizeObserver((entries) => {
          const width = reportedWidth(entries);
          if (width <= 0) return;
          // Its own drawing changes the stage's height, and so reports again: the same width and
          // fit keep the state (and the drawing) as they are.
          const fit = fitOf();
          flushSync(() => setStage((s) => (s && s.width === width && s.fit === fit ? s : { width, fit })));
        })
      : null;
    if (ro) ro.observe(node);
    else refit();
    window.addEventListener('resize', refit);
    return () => {
      ro?.disconnect();
      cancelAnimationFrame(frame);
      window.removeEventListener('resize', refit);
    };
  }, [el, observed, shown]);
  return stage;
}

/** The terms the Journey's picture names (its SVG labels cannot open a popover; the row under it does). */
const JOURNEY_TERMS = ['sk_buff', 'MTU', 'fragment', 'MF', 'ipq', 'sk_rmem_alloc', 'sk_rcvbuf', 'truesize'];

function Outcomes({ result }: { result: JourneyResult }) {
  const intl = useIntl();
  const t = (d: Parameters<typeof fmt>[1], v?: Record<string, string | number>) => fmt(intl, d, v);
  const rich = (d: Parameters<typeof fmt>[1], v?: Record<string, string | number>) =>
    fmtNode(intl, d, { ...v, code: termCodeChunks });
  const c = result.counters;
  return (
    <>
      <div className="journey-hscroll" tabIndex={0} role="region" aria-label={t(W.datagramsScroll)}>
        <table className="data-table journey-table" aria-label={t(W.datagrams)}>
          <TableHead
            columns={['#', rich(W.colSendto), t(W.colFate), rich(W.colRecvfrom), rich(W.colTruesize)]}
          />
          <tbody>
            {result.outcomes.map((o) => (
              <tr key={o.datagram}>
                <th scope="row">{o.datagram + 1}</th>
                <td>
                  {o.sent === null ? (result.send.ok ? NONE : failedSend(result.send.errno)) : num(o.sent)}
                </td>
                <td className={`fate fate-${o.fate}`}>{rich(W.fate, { fate: o.fate.replace('-', '_') })}</td>
                <td>
                  {o.received
                    ? o.received.truncated
                      ? rich(W.received, { returned: o.received.returned, len: o.received.len })
                      : num(o.received.returned)
                    : NONE}
                </td>
                <td>{o.truesize === null ? NONE : num(o.truesize)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Part kind="tables">
        <div className="journey-hscroll" tabIndex={0} role="region" aria-label={t(W.countersScroll)}>
          <table className="data-table journey-table" aria-label={t(W.counters)}>
            <tbody>
              <tr>
                <th scope="row">{NSTAT.rcvbuf}</th>
                <td>{num(c.RcvbufErrors ?? 0)}</td>
                <th scope="row">{NSTAT.inErrors}</th>
                <td>{num(c.InErrors ?? 0)}</td>
              </tr>
              <tr>
                <th scope="row">{rich(W.sockDrops)}</th>
                <td>{num(c.sk_drops ?? 0)}</td>
                <th scope="row">{NSTAT.inDatagrams}</th>
                <td>{num(c.InDatagrams ?? 0)}</td>
              </tr>
              <tr>
                <th scope="row">{NSTAT.reasmFails}</th>
                <td>{num(c.REASMFAILS ?? 0)}</td>
                <th scope="row">{NSTAT.reasmTimeout}</th>
                <td>{num(c.REASMTIMEOUT ?? 0)}</td>
              </tr>
            </tbody>
          </table>
        </div>
      </Part>
    </>
  );
}

/** A stop as the compact step list shows it: its function and where it is (and which datagram). */
const stopView =
  (intl: IntlShape, stops: readonly Stop[]) =>
  (s: Stop): StepView => ({
    fn: s.fn,
    why: stops.some((x) => x.datagram > 0)
      ? fmt(intl, W.placeOf, { d: s.datagram + 1, place: placeName(intl, s) })
      : placeName(intl, s),
    file: s.file,
    drops: s.drops,
    className: `dir-${s.dir}`,
  });

export function JourneyLab() {
  const { fields, issues, result, timeline, step, setField, selectStep } = useJourney(
    useShallow(selectJourney),
  );
  const intl = useIntl();
  const t = (d: Parameters<typeof fmt>[1], v?: Record<string, string | number>) => fmt(intl, d, v);
  const kit = useKitWords();
  const embed = useEmbedView();
  const reduced = usePrefersReducedMotion();
  // `autoplay=1` (an embed in a page of notes) plays from the start, or from a `step=` pinned in
  // the URL; never under prefers-reduced-motion, which shows that step still.
  const [playing, setPlaying] = useState(() => embed.autoplay && !reduced);
  const [speed, setSpeed] = useState(1);
  // `loop=1`: at the end, hold the last stop a moment, then play again from the first.
  const again = useRef<ReturnType<typeof setTimeout> | null>(null);
  const cancelAgain = useCallback(() => {
    if (again.current !== null) clearTimeout(again.current);
    again.current = null;
  }, []);
  useEffect(() => cancelAgain, [cancelAgain]);
  const play = useCallback(
    (on: boolean | ((p: boolean) => boolean)) => {
      cancelAgain();
      setPlaying(on);
    },
    [cancelAgain],
  );
  const onEnd = useCallback(() => {
    setPlaying(false);
    if (!embed.loop) return;
    cancelAgain();
    // playing from the end starts again at the first stop (useAnimationClock)
    again.current = setTimeout(() => {
      again.current = null;
      setPlaying(true);
    }, LOOP_HOLD_MS);
  }, [embed.loop, cancelAgain]);
  const wrapRef = useRef<HTMLDivElement>(null);
  // The stage is there while there is a stop to show (below): measured each time it comes.
  const stop = timeline?.stops[step];
  const stage = useStage(wrapRef, Boolean(result && stop));
  const width = stage?.width ?? 0;
  const drawRef = useRef<((t: number) => void) | null>(null);
  const scrubRef = useRef<HTMLInputElement>(null);
  const draw = useCallback((t: number) => {
    drawRef.current?.(t);
    if (scrubRef.current) scrubRef.current.value = String(t);
  }, []);
  const clock = useAnimationClock({
    timeline,
    step,
    playing,
    speed,
    reduced,
    draw,
    onStep: selectStep,
    onEnd,
  });
  // A new width (the first measurement, a resize) redraws the marks where the clock stands:
  // the frame writer's geometry changed but the clock did not move.
  useEffect(() => {
    draw(clock.now());
  }, [width, draw, clock]);
  const n = timeline?.stops.length ?? 0;
  const go = useCallback(
    (i: number) => {
      play(false);
      selectStep(Math.max(0, Math.min(n - 1, i)));
    },
    [n, selectStep, play],
  );

  // Space plays and pauses, ← and → step, Home and End jump (never while typing in a field).
  useGlobalKeys({
    ' ': () => play((p) => !p),
    ArrowRight: () => go(step + 1),
    ArrowLeft: () => go(step - 1),
    Home: () => go(0),
    End: () => go(n - 1),
  });

  const stale = isStale(issues);
  return (
    <LabShell
      className="journey-lab"
      intro={intro(intl)}
      inputsLabel={kit.inputs}
      inputs={<Inputs fields={fields} issues={issues} setField={setField} />}
      banner={
        <IssuesBanner
          issues={issues}
          stale={stale}
          fieldName={(f) => {
            const label = FIELD_LABELS[f as keyof JourneyFields];
            // A field is named as the form labels it; the URL's own (step=) as written.
            return label
              ? fmtNode(intl, W.fieldNamed, { field: fmtNode(intl, label, { code: codeChunks }) })
              : `${f}:`;
          }}
        />
      }
      diagram={
        result && timeline && stop ? (
          <section
            className={`panel journey-stage${stale ? ' is-stale' : ''}`}
            aria-labelledby="journey-title"
          >
            <div className="panel-head">
              <h2 id="journey-title" className="panel-title">
                {t(W.journey)}
              </h2>
              <Legend
                kinds={
                  result.input.send.family === 'inet6'
                    ? ['eth', 'ip6', 'frag6', 'udp', 'payload']
                    : ['eth', 'ip', 'udp', 'payload']
                }
              />
            </div>
            <Part kind="playback">
              <div className="journey-controls" role="toolbar" aria-label={t(W.playback)}>
                <button type="button" onClick={() => go(0)} aria-label={t(W.first)} title={t(W.firstTitle)}>
                  <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
                    <path d="M2 2h2v10H2zM12 2v10L5 7z" fill="currentColor" />
                  </svg>
                </button>
                <button
                  type="button"
                  onClick={() => go(step - 1)}
                  aria-label={t(W.back)}
                  title={t(W.backTitle)}
                  disabled={step <= 0}
                >
                  {GLYPH.back}
                </button>
                <button
                  type="button"
                  className="jc-play"
                  onClick={() => play((p) => !p)}
                  aria-label={playing ? t(W.pause) : t(W.play)}
                  aria-pressed={playing}
                  title={t(W.playTitle)}
                >
                  <span aria-hidden="true" className="jc-glyph">
                    {playing ? GLYPH.pause : GLYPH.play}
                  </span>
                  {playing ? t(W.pause) : t(W.play)}
                </button>
                <button
                  type="button"
                  onClick={() => go(step + 1)}
                  aria-label={t(W.forward)}
                  title={t(W.forwardTitle)}
                  disabled={step >= n - 1}
                >
                  {GLYPH.forward}
                </button>
                <button type="button" onClick={() => go(n - 1)} aria-label={t(W.last)} title={t(W.lastTitle)}>
                  <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
                    <path d="M10 2h2v10h-2zM2 2v10l7-5z" fill="currentColor" />
                  </svg>
                </button>
                <label className="jc-speed">
                  <span>{t(W.speed)}</span>
                  <select
                    value={speed}
                    onChange={(e) => setSpeed(Number(e.target.value))}
                    aria-label={t(W.speed)}
                  >
                    {SPEEDS.map((s) => (
                      <option key={s} value={s}>
                        {speedText(s)}
                      </option>
                    ))}
                  </select>
                </label>
                <span className="jc-count" aria-live="polite">
                  {kit.stepOf(step + 1, n)}
                </span>
              </div>
              <input
                ref={scrubRef}
                className="journey-scrub"
                type="range"
                min={0}
                max={timeline.total}
                step={0.01}
                defaultValue={clock.now()}
                aria-label={t(W.timeline)}
                onInput={(e) => {
                  play(false);
                  clock.seek(Number((e.target as HTMLInputElement).value));
                }}
              />
            </Part>
            <div className="journey-now" aria-live="polite">
              <p className="journey-caption">
                <MsgText msg={stop.caption} />
              </p>
              <a href={bootlinUrl(stop.file)} target="_blank" rel="noreferrer" className="journey-fn">
                <code>{callText(stop.fn)}</code>
              </a>
              <span className="journey-file">{stop.file}</span>
              <span className="journey-place">{placeName(intl, stop)}</span>
              <p className="journey-why">
                <MsgText msg={stop.why} />
              </p>
              <DropNote drops={stop.drops} />
            </div>
            <div ref={wrapRef} className="journey-svg-wrap">
              {stage && (
                <JourneyDiagram
                  timeline={timeline}
                  step={step}
                  width={stage.width}
                  drawRef={drawRef}
                  dense={embed.view !== 'full'}
                  mtu={result.input.send.mtu}
                  fit={embed.view === 'full' ? stage.fit : Infinity}
                />
              )}
            </div>
            {reduced && <p className="journey-note">{t(W.reduced)}</p>}
            <Part kind="detail">
              <TermRow keys={JOURNEY_TERMS} />
            </Part>
          </section>
        ) : undefined
      }
    >
      {result && timeline && stop && (
        <>
          <Part kind="steps">
            <Panel titleId="journey-steps-title" title={t(W.steps)} className="journey-side">
              <StepList
                variant="compact"
                className="journey-steps"
                label={t(W.stepsList)}
                steps={timeline.stops}
                selected={step}
                onSelect={go}
                view={stopView(intl, timeline.stops)}
              />
            </Panel>
          </Part>
          <Part kind="result">
            <Panel titleId="journey-out-title" title={t(W.got)} stale={stale}>
              <Outcomes result={result} />
              <Part kind="tables">
                <h3 className="journey-subtitle">
                  {t(W.packetsAt, { step: step + 1 })}
                  <span className="journey-count">{paren(num(stop.packets.length))}</span>
                </h3>
                <div className="journey-scroll" tabIndex={0} role="region" aria-label={t(W.packetsScroll)}>
                  <table className="data-table journey-table" aria-label={t(W.packetsTable)}>
                    <TableHead columns={[t(W.colPacket), t(W.colWhere), t(W.colState), t(W.colBytes)]} />
                    <tbody>
                      {stop.packets.slice(0, 60).map((p) => (
                        <tr key={p.key}>
                          <th scope="row">
                            {t(W.packetName, { d: p.datagram + 1, label: packetLabel(t, p.label) })}
                          </th>
                          <td>{placeName(intl, p)}</td>
                          <td>{t(W.state, { status: p.status })}</td>
                          <td className="mono">
                            {p.segments.map((s) => `${s.kind} ${num(s.bytes)}`).join(' + ')}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {stop.packets.length > 60 && (
                  <p className="journey-note">{t(W.more, { n: stop.packets.length - 60 })}</p>
                )}
              </Part>
            </Panel>
          </Part>
          {/* a div, not a section: it stays in the stage's column, clear of the sticky step list */}
          <Part kind="detail">
            <div className={`journey-counters${stale ? ' is-stale' : ''}`}>
              <CountersPanel drops={result.drop_reasons} delta={result.snmp_delta} />
            </div>
          </Part>
        </>
      )}
    </LabShell>
  );
}
