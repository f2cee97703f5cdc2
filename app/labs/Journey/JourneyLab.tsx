import { CountersPanel, DropNote } from '../../components/drops/index.ts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAnimationClock } from '../../hooks/useAnimationClock.ts';
import {
  IssuesBanner,
  LabShell,
  isStale,
  issueOf,
  useGlobalKeys,
  usePrefersReducedMotion,
  StepList,
  Control,
  Part,
  useControl,
  useEmbedView,
} from '../../lab-kit/index.ts';
import type { Issue, LabIntro, StepView } from '../../lab-kit/index.ts';
import type { JourneyFields } from './params.ts';
import { selectJourney, useJourney } from './store.ts';
import { useElementWidth } from '../../hooks/useElementWidth.ts';
import { bootlinUrl } from '../../../core/trace/index.ts';
import { UDP_MAX_PAYLOAD_V4, type JourneyResult, type Stop } from '../../../core/journey/index.ts';
import { Field, TextField } from '../../components/Field.tsx';
import { Legend } from '../../components/kinds.tsx';
import { num } from '../../format.ts';
import { JourneyDiagram } from './JourneyDiagram.tsx';
import './journey.css';
import { TableHead } from '../../components/TableHead.tsx';

const SPEEDS = [0.5, 1, 2, 4];
/** With `loop=1`, how long the last stop stays on show before the journey starts again (ms). */
export const LOOP_HOLD_MS = 1500;

const INTRO: LabIntro = {
  eyebrow: 'Lab · the output and input paths, animated',
  title: 'Journey of a datagram',
  lede: (
    <>
      Follow <code>sendto()</code> down the sender's stack — UDP header, IP header, fragments, Ethernet header
      — across the wire and up the receiver's, through the defragmentation queue and the socket's receive
      queue to <code>recvfrom()</code>. Every stop is a step of the kernel model.
    </>
  ),
};

const FATE: Record<string, string> = {
  delivered: 'delivered whole',
  truncated: 'delivered, truncated (MSG_TRUNC)',
  'dropped-rcvbuf': 'dropped: receive queue full',
  lost: 'lost on the wire',
  expired: 'never reassembled (ip_expire)',
  'send-failed': 'sendto() failed',
};

const PLACE: Record<string, string> = {
  app: 'application',
  socket: 'socket',
  l4: 'L4 UDP',
  l3: 'L3 IP',
  l2: 'L2',
  wire: 'wire',
};
const placeName = (s: Pick<Stop, 'side' | 'layer'>) =>
  s.side === 'wire' ? 'wire' : `${s.side === 'tx' ? 'sender' : 'receiver'} · ${PLACE[s.layer]}`;

function Inputs({
  fields,
  issues,
  setField,
}: {
  fields: JourneyFields;
  issues: readonly Issue[];
  setField: <K extends keyof JourneyFields>(k: K, v: JourneyFields[K]) => void;
}) {
  const err = (f: keyof JourneyFields) => issueOf(issues, f);
  const text = (k: keyof JourneyFields, label: string, hint?: string) => (
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
  const select = (k: keyof JourneyFields, label: string, options: [string, string][]) => (
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
    <form className="panel journey-inputs" onSubmit={(e) => e.preventDefault()} aria-label="Scenario">
      {shown(['len', 'mtu', 'family', 'n']) && <h2 className="panel-title">Sender</h2>}
      <Control name="len">
        {text('len', 'Payload length (bytes)', `Largest over IPv4: ${num(UDP_MAX_PAYLOAD_V4)}`)}
      </Control>
      <Control name="mtu">{text('mtu', 'MTU (bytes)')}</Control>
      <Control name="family">
        {select('family', 'Family', [
          ['inet', 'IPv4 (AF_INET)'],
          ['inet6', 'IPv6 (AF_INET6)'],
        ])}
      </Control>
      <Control name="n">{text('n', 'Datagrams (sendto calls)')}</Control>
      {shown(['fault', 'frag', 'dg']) && <h2 className="panel-title">Wire</h2>}
      <Control name="fault">
        {select('fault', 'Fault', [
          ['none', 'none'],
          ['lose', 'lose a fragment'],
          ['reorder', 'reorder a fragment (arrives last)'],
        ])}
      </Control>
      {(fields.fault !== 'none' || err('frag') || err('dg')) && (
        <div className="journey-row">
          <Control name="frag">{text('frag', 'Fragment #')}</Control>
          <Control name="dg">{text('dg', 'Of datagram #')}</Control>
        </div>
      )}
      {shown(['rcvbuf', 'read', 'buf']) && <h2 className="panel-title">Receiver</h2>}
      <Control name="rcvbuf">
        {text(
          'rcvbuf',
          'sk_rcvbuf (bytes)',
          'Default net.core.rmem_default = 212,992; SO_RCVBUF doubles what you pass.',
        )}
      </Control>
      <Control name="read">
        {select('read', 'The application reads', [
          ['each', 'each datagram at once'],
          ['slow', 'slowly (one per two datagrams)'],
          ['end', 'only after all were sent'],
        ])}
      </Control>
      <Control name="buf">{text('buf', 'recvfrom buffer (bytes)')}</Control>
    </form>
  );
}

function Outcomes({ result }: { result: JourneyResult }) {
  const c = result.counters;
  return (
    <>
      <div className="journey-hscroll" tabIndex={0} role="region" aria-label="Datagrams, scrollable">
        <table className="data-table journey-table" aria-label="Datagrams">
          <TableHead columns={['#', 'sendto', 'fate', 'recvfrom', 'truesize']} />
          <tbody>
            {result.outcomes.map((o) => (
              <tr key={o.datagram}>
                <th scope="row">{o.datagram + 1}</th>
                <td>{o.sent === null ? (result.send.ok ? '—' : `-1 ${result.send.errno}`) : num(o.sent)}</td>
                <td className={`fate fate-${o.fate}`}>{FATE[o.fate]}</td>
                <td>
                  {o.received
                    ? `${num(o.received.returned)}${o.received.truncated ? ` of ${num(o.received.len)}, MSG_TRUNC` : ''}`
                    : '—'}
                </td>
                <td>{o.truesize === null ? '—' : num(o.truesize)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Part kind="tables">
        <div
          className="journey-hscroll"
          tabIndex={0}
          role="region"
          aria-label="Receiver counters, scrollable"
        >
          <table className="data-table journey-table" aria-label="Receiver counters">
            <tbody>
              <tr>
                <th scope="row">Udp RcvbufErrors</th>
                <td>{num(c.RcvbufErrors ?? 0)}</td>
                <th scope="row">Udp InErrors</th>
                <td>{num(c.InErrors ?? 0)}</td>
              </tr>
              <tr>
                <th scope="row">socket drops</th>
                <td>{num(c.sk_drops ?? 0)}</td>
                <th scope="row">Udp InDatagrams</th>
                <td>{num(c.InDatagrams ?? 0)}</td>
              </tr>
              <tr>
                <th scope="row">Ip ReasmFails</th>
                <td>{num(c.REASMFAILS ?? 0)}</td>
                <th scope="row">ReasmTimeout</th>
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
  (stops: readonly Stop[]) =>
  (s: Stop): StepView => ({
    fn: s.fn,
    why: `${stops.some((x) => x.datagram > 0) ? `d${s.datagram + 1} · ` : ''}${placeName(s)}`,
    file: s.file,
    drops: s.drops,
    className: `dir-${s.dir}`,
  });

export function JourneyLab() {
  const { fields, issues, result, timeline, step, setField, selectStep } = useJourney(
    useShallow(selectJourney),
  );
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
  const [wrapRef, width] = useElementWidth<HTMLDivElement>(720);
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

  const stop = timeline?.stops[step];
  const stale = isStale(issues);
  return (
    <LabShell
      className="journey-lab"
      intro={INTRO}
      inputs={<Inputs fields={fields} issues={issues} setField={setField} />}
      banner={<IssuesBanner issues={issues} stale={stale} fieldName={(f) => `${f}:`} />}
    >
      {result && timeline && stop && (
        <>
          <section
            className={`panel journey-stage${stale ? ' is-stale' : ''}`}
            aria-labelledby="journey-title"
          >
            <div className="panel-head">
              <h2 id="journey-title" className="panel-title">
                The journey
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
              <div className="journey-controls" role="toolbar" aria-label="Playback">
                <button type="button" onClick={() => go(0)} aria-label="First step" title="First step (Home)">
                  <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
                    <path d="M2 2h2v10H2zM12 2v10L5 7z" fill="currentColor" />
                  </svg>
                </button>
                <button
                  type="button"
                  onClick={() => go(step - 1)}
                  aria-label="Step back"
                  title="Step back (←)"
                  disabled={step <= 0}
                >
                  ◀
                </button>
                <button
                  type="button"
                  className="jc-play"
                  onClick={() => play((p) => !p)}
                  aria-label={playing ? 'Pause' : 'Play'}
                  aria-pressed={playing}
                  title="Play / pause (space)"
                >
                  {playing ? '❚❚ Pause' : '▶ Play'}
                </button>
                <button
                  type="button"
                  onClick={() => go(step + 1)}
                  aria-label="Step forward"
                  title="Step forward (→)"
                  disabled={step >= n - 1}
                >
                  ▶
                </button>
                <button
                  type="button"
                  onClick={() => go(n - 1)}
                  aria-label="Last step"
                  title="Last step (End)"
                >
                  <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
                    <path d="M10 2h2v10h-2zM2 2v10l7-5z" fill="currentColor" />
                  </svg>
                </button>
                <label className="jc-speed">
                  <span>Speed</span>
                  <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))} aria-label="Speed">
                    {SPEEDS.map((s) => (
                      <option key={s} value={s}>
                        {s}×
                      </option>
                    ))}
                  </select>
                </label>
                <span className="jc-count" aria-live="polite">
                  Step {num(step + 1)} of {num(n)}
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
                aria-label="Timeline"
                onInput={(e) => {
                  play(false);
                  clock.seek(Number((e.target as HTMLInputElement).value));
                }}
              />
            </Part>
            <div className="journey-now" aria-live="polite">
              <a href={bootlinUrl(stop.file)} target="_blank" rel="noreferrer" className="journey-fn">
                <code>{stop.fn}()</code>
              </a>
              <span className="journey-file">{stop.file}</span>
              <span className="journey-place">{placeName(stop)}</span>
              <p className="journey-why">{stop.why}</p>
              <DropNote drops={stop.drops} />
            </div>
            <div ref={wrapRef} className="journey-svg-wrap">
              <JourneyDiagram
                timeline={timeline}
                step={step}
                width={width}
                drawRef={drawRef}
                dense={embed.view !== 'full'}
              />
            </div>
            {reduced && <p className="journey-note">Reduced motion: playback jumps from step to step.</p>}
          </section>
          <Part kind="steps">
            <section className="panel journey-side" aria-labelledby="journey-steps-title">
              <h2 id="journey-steps-title" className="panel-title">
                Kernel steps
              </h2>
              <StepList
                variant="compact"
                className="journey-steps"
                label="Journey steps"
                steps={timeline.stops}
                selected={step}
                onSelect={go}
                view={stopView(timeline.stops)}
              />
            </section>
          </Part>
          <Part kind="result">
            <section className={`panel${stale ? ' is-stale' : ''}`} aria-labelledby="journey-out-title">
              <h2 id="journey-out-title" className="panel-title">
                What the receiver got
              </h2>
              <Outcomes result={result} />
              <Part kind="tables">
                <h3 className="journey-subtitle">
                  Packets at step {step + 1}{' '}
                  <span className="journey-count">({num(stop.packets.length)})</span>
                </h3>
                <div
                  className="journey-scroll"
                  tabIndex={0}
                  role="region"
                  aria-label="Packets at this step, scrollable"
                >
                  <table className="data-table journey-table" aria-label="Packets at this step">
                    <TableHead columns={['packet', 'where', 'state', 'bytes (headers + payload)']} />
                    <tbody>
                      {stop.packets.slice(0, 60).map((p) => (
                        <tr key={p.key}>
                          <th scope="row">
                            d{p.datagram + 1} {p.label}
                          </th>
                          <td>{placeName(p)}</td>
                          <td>{p.status}</td>
                          <td className="mono">
                            {p.segments.map((s) => `${s.kind} ${num(s.bytes)}`).join(' + ')}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {stop.packets.length > 60 && (
                  <p className="journey-note">… and {num(stop.packets.length - 60)} more packets.</p>
                )}
              </Part>
            </section>
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
