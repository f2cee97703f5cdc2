import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import type { IntlShape } from 'react-intl';
import type { DefragOk } from '../../../core/ip/defrag-types.ts';
import { useElementWidth } from '../../hooks/useElementWidth.ts';
import { byteAxis } from '../../components/linear-axis.ts';
import { num } from '../../format.ts';
import { DropNote, useDropsWords } from '../../components/drops/index.ts';
import { fmt } from '../../i18n/format.tsx';
import { arrivedBy, extentOf, queueStateWords, queuesAt, verdictTone } from './view.ts';
import { W } from './words.ts';
import { flagMark, openMessage, plainText } from './text.ts';

export { openMessage };

const GUTTER = 58;
const RIGHT = 14;
const AXIS = 26;
const TRACK = 30;
const MAX_QUEUES = 4;
/**
 * The narrowest an arrival or a run is drawn while every arrival has a row of its own: a 40-byte
 * fragment of a 3,000-byte datagram is 10 px at 720 px and 4 px at 360 px, too thin to see.
 */
export const MIN_BAR = 8;

/** Mono 12 px text (diagram text is at least 12 px): about 7.3 px a character. */
const fits = (s: string, w: number) => s.length * 7.3 + 8 <= w;

/**
 * The fragment boundaries worth a line: closer than 5 px to the last one drawn they would only
 * smear (1,365 fragments of 48 bytes over 1,000 px), so the run is drawn whole there.
 */
function cutsOf(offsets: readonly number[], x: (v: number) => number): number[] {
  const out: number[] = [];
  let last = -Infinity;
  for (const o of offsets) {
    const px = x(o);
    if (px - last >= 5) {
      out.push(o);
      last = px;
    }
  }
  return out;
}

/**
 * Arrival lanes: one row per arrival while they fit, else packed so arrivals that do not overlap
 * share a row (in any order: reversed or shuffled fragments of one datagram fit in one row, and a
 * row is added only where bytes arrive twice).
 */
export function lanesOf(ranges: readonly { from: number; to: number }[]): {
  lane: number[];
  count: number;
  packed: boolean;
} {
  if (ranges.length <= 14) return { lane: ranges.map((_, i) => i), count: ranges.length, packed: false };
  // Each row keeps the span its ranges cover: a range wholly before or after it fits without
  // looking at them one by one (in-order, reversed and most shuffled arrivals), so 1,365 fragments
  // cost 1,365 checks, not a million.
  const rows: { ranges: { from: number; to: number }[]; min: number; max: number }[] = [];
  const fitsIn = (row: (typeof rows)[number], r: { from: number; to: number }) =>
    r.from >= row.max || r.to <= row.min || !row.ranges.some((b) => r.from < b.to && b.from < r.to);
  const lane = ranges.map((r) => {
    let l = rows.findIndex((row) => fitsIn(row, r));
    if (l < 0) l = rows.push({ ranges: [], min: Infinity, max: -Infinity }) - 1;
    const row = rows[l]!;
    row.ranges.push(r);
    row.min = Math.min(row.min, r.from);
    row.max = Math.max(row.max, r.to);
    return l;
  });
  return { lane, count: rows.length, packed: true };
}

export type ArrivalTone = ReturnType<typeof verdictTone> | 'future';

/** An arrival's bar as drawn: `b` is its x and width in px, `y` and `h` its row. */
export interface ArrivalBar {
  k: number;
  b: { x: number; w: number };
  y: number;
  h: number;
  tone: ArrivalTone;
}

/**
 * The bars drawn one element each, and the thin bars of packed rows as one path per colour: a
 * thin bar (under 3 px) has no stroke, corners or label, so a path of rectangles draws the same
 * pixels. The current arrival keeps its own element (its outline), and so does a bar alone in its
 * row (it may carry a label beside it).
 */
export function splitThinBars<T extends ArrivalBar & { alone: boolean }>(
  all: readonly T[],
  { packed, current }: { packed: boolean; current: number | null },
): { bars: T[]; thin: [ArrivalTone, string][] } {
  if (!packed) return { bars: [...all], thin: [] };
  const bars: T[] = [];
  const d = new Map<ArrivalTone, string[]>();
  const r = (v: number) => Math.round(v * 100) / 100;
  for (const a of all) {
    if (a.b.w >= 3 || a.k === current || a.alone) {
      bars.push(a);
      continue;
    }
    let list = d.get(a.tone);
    if (!list) d.set(a.tone, (list = []));
    list.push(`M${r(a.b.x)} ${r(a.y)}h${r(a.b.w)}v${r(a.h)}h${-r(a.b.w)}z`);
  }
  return { bars, thin: [...d].map(([tone, parts]) => [tone, parts.join('')]) };
}

/**
 * The defragmentation queue after one step, drawn to scale on the datagram's byte range: the
 * arrivals so far (coloured by verdict, the ones still to come dashed), each queue's runs (the
 * rbtree nodes of inet_frag_queue_insert, fragment boundaries inside) and holes, its known end
 * (q.len, open while LAST_IN is missing), and the reassembled datagram once one is delivered.
 * byteAxis (components/linear-axis.ts) does the arithmetic; React draws every element.
 */
export function QueueDiagram({ result, step }: { result: DefragOk; step: number }) {
  const intl = useIntl();
  // In the page's language (DROPS_WORDS is the English, for tests and logs).
  const dropWords = useDropsWords();
  const [ref, width] = useElementWidth<HTMLDivElement>(720);
  const extent = extentOf(result);
  const x = byteAxis(extent, GUTTER, Math.max(GUTTER + 120, width - RIGHT));
  const xw = (from: number, to: number) => Math.max(1.5, x(to) - x(from));
  const snap = result.trace[step]?.snapshot;
  const arrived = arrivedBy(result.trace, step);
  const current = snap?.arrival ?? null;
  // The rows depend on the arrivals only, not on the step: packed once per result.
  const {
    lane,
    count: laneCount,
    packed,
  } = useMemo(
    () => lanesOf(result.arrivals.map((a) => ({ from: a.offset, to: a.offset + a.length }))),
    [result],
  );
  /** How many arrivals share each row. */
  const laneSize = useMemo(() => {
    const n: number[] = [];
    for (const l of lane) n[l] = (n[l] ?? 0) + 1;
    return n;
  }, [lane]);
  // The bars' labels, each message formatted once per `last` (not once a bar: 1,365 bars).
  const labels = useMemo(
    () => ({
      range: {
        yes: openMessage(intl, W.svgRange, ['from', 'to'], { last: 'yes' }),
        no: openMessage(intl, W.svgRange, ['from', 'to'], { last: 'no' }),
      },
      short: {
        yes: openMessage(intl, W.svgBytesShort, ['n'], { last: 'yes' }),
        no: openMessage(intl, W.svgBytesShort, ['n'], { last: 'no' }),
      },
    }),
    [intl],
  );
  const laneH = laneCount <= 8 ? 18 : laneCount <= 20 ? 11 : 7;
  const laneGap = laneCount <= 8 ? 5 : 2;
  const arrivalsTop = AXIS + 22;
  const arrivalsH = Math.max(1, laneCount) * (laneH + laneGap);
  const queues = queuesAt(result, step).slice(-MAX_QUEUES);
  const queuesTop = arrivalsTop + arrivalsH + 14;
  const queueBlock = 22 + TRACK + 22;
  const datagramsSoFar = result.datagrams.filter((d) => isShown(result, d.arrival, d.fn, step));
  const deliveredTop = queuesTop + queues.length * queueBlock + (queues.length ? 4 : 0);
  const height = deliveredTop + (datagramsSoFar.length ? 22 + TRACK + 10 : 6);
  const ticks = x.ticks(width < 480 ? 3 : 6).filter((t) => Number.isInteger(t));

  const label = describe(intl, result, step, arrived);
  const right = Math.max(GUTTER + 120, width - RIGHT);
  /**
   * A bar at least `min` px wide, kept inside the plot: a few bytes at the datagram's end grow
   * to the left. Its true edges stay where the bytes are when it is wide enough.
   */
  const bar = (from: number, to: number, min: number) => {
    const w = Math.max(min, xw(from, to));
    return { x: Math.max(GUTTER, Math.min(x(from), right - w)), w };
  };

  // Each arrival's bar; in packed rows the thin ones (no stroke, no label) become one path per
  // colour: 1,365 fragments of 48 bytes are a few shapes, not 1,365 elements to create and update.
  const { bars: arrivalBars, thin: thinPaths } = splitThinBars(
    result.arrivals.map((a, k) => {
      const y = arrivalsTop + (lane[k] ?? 0) * (laneH + laneGap);
      // Packed rows hold hundreds of fragments side by side: widening them would smear the row.
      const b = packed
        ? { x: x(a.offset), w: xw(a.offset, a.offset + a.length) }
        : bar(a.offset, a.offset + a.length, MIN_BAR);
      const tone: ArrivalTone = k < arrived ? verdictTone(a.verdict) : 'future';
      return {
        k,
        b,
        y,
        h: laneH,
        tone,
        offset: a.offset,
        length: a.length,
        mf: a.mf,
        alone: laneSize[lane[k] ?? 0] === 1,
      };
    }),
    { packed, current },
  );

  return (
    <div className="rq-canvas" ref={ref}>
      <DropNote drops={result.trace[step]?.drops} label={dropWords.stepDrops} className="rq-drop-note" />
      <svg
        data-main-diagram=""
        className="rq-svg"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby="rq-svg-title rq-svg-desc"
      >
        <title id="rq-svg-title">
          {fmt(intl, W.svgTitle, { i: num(step + 1), n: num(result.trace.length) })}
        </title>
        <desc id="rq-svg-desc">{label}</desc>
        <rect className="rq-bg" x="0" y="0" width={width} height={height} />

        {/* byte axis */}
        <g className="rq-axis">
          <line x1={x(0)} x2={x(extent)} y1={AXIS} y2={AXIS} />
          {ticks.map((t) => (
            <g key={t} transform={`translate(${x(t)},0)`}>
              <line y1={AXIS - 4} y2={AXIS} />
              <text
                y={AXIS - 8}
                textAnchor={t === 0 ? 'start' : x(t) > width - RIGHT - 24 ? 'end' : 'middle'}
              >
                {num(t)}
              </text>
            </g>
          ))}
          <text className="rq-gutter-label" x={8} y={AXIS - 8}>
            {fmt(intl, W.svgByte)}
          </text>
        </g>
        {result.datagramLength < extent && (
          <g className="rq-sent-end">
            <line x1={x(result.datagramLength)} x2={x(result.datagramLength)} y1={AXIS} y2={height - 4} />
          </g>
        )}

        {/* arrivals */}
        <text className="rq-section" x={8} y={arrivalsTop - 7}>
          {packed
            ? fmt(intl, W.svgArrivalsPacked, { n: num(result.arrivals.length) })
            : fmt(intl, W.svgArrivals)}
        </text>
        {arrivalBars.map((a) => {
          const { k, b, y, tone } = a;
          const text = `#${k + 1}`;
          const last = a.mf ? 'no' : 'yes';
          // Lanes under 16 px carry no text: their labels are not even made.
          const labelled = laneH >= 16;
          const range = labelled ? labels.range[last]([num(a.offset), num(a.offset + a.length)]) : '';
          // Too narrow for its range: the bar is labelled beside it, on the side with room — unless
          // it shares a packed row, where a label beside it would lie on its neighbours.
          const inside = labelled && fits(range, b.w);
          const outside =
            !labelled || inside || !a.alone
              ? null
              : [range, labels.short[last]([num(a.length)])].find((t) =>
                  fits(t, Math.max(b.x - GUTTER, right - b.x - b.w)),
                );
          const onLeft = b.x - GUTTER > right - b.x - b.w;
          return (
            <g key={k} className={`rq-arrival rq-tone-${tone}${k === current ? ' rq-current' : ''}`}>
              {!packed && (
                <text className="rq-row-label" x={GUTTER - 8} y={y + laneH / 2 + 4} textAnchor="end">
                  {text}
                </text>
              )}
              <rect
                x={b.x}
                y={y}
                width={b.w}
                height={laneH}
                rx={b.w < 6 ? 0 : 3}
                className={b.w < 3 ? 'rq-thin' : undefined}
              />
              {inside && (
                <text className="rq-bar-text" x={b.x + 5} y={y + laneH / 2 + 4}>
                  {range}
                </text>
              )}
              {outside && (
                <text
                  className="rq-bar-text rq-bar-text--out"
                  x={onLeft ? b.x - 4 : b.x + b.w + 4}
                  y={y + laneH / 2 + 4}
                  textAnchor={onLeft ? 'end' : 'start'}
                >
                  {outside}
                </text>
              )}
            </g>
          );
        })}
        {/* hundreds of thin bars side by side in packed rows: one shape per colour */}
        {thinPaths.map(([tone, d]) => (
          <g key={`thin-${tone}`} className={`rq-arrival rq-arrival--merged rq-tone-${tone}`}>
            <path className="rq-thin" d={d} />
          </g>
        ))}

        {/* queues */}
        {queues.map((q, j) => {
          const top = queuesTop + j * queueBlock;
          const s = q.snapshot;
          const ty = top + 20;
          const end = Math.max(s.len, 0);
          const state = fmt(intl, q.live ? W.stateInHash : queueStateWords(q.outcome?.state ?? 'waiting'));
          const head = fmt(intl, W.svgQueue, { n: q.serial, state });
          const meat = fmt(intl, s.flags.LAST_IN ? W.svgMeat : W.svgMeatOpen, {
            meat: num(s.meat),
            len: num(s.len),
          });
          return (
            <g
              key={q.serial}
              className={`rq-queue${q.live ? '' : ` rq-queue--ended rq-queue--${q.outcome?.state}`}`}
            >
              <text className="rq-section" x={8} y={top + 12}>
                {head}
              </text>
              <text className="rq-queue-meat" x={width - RIGHT} y={top + 12} textAnchor="end">
                {width > 420 ? meat : fmt(intl, W.svgMeatShort, { meat: num(s.meat) })}
              </text>
              {/* the known datagram [0, q.len): holes hatched */}
              {end > 0 && (
                <rect className="rq-track" x={x(0)} y={ty} width={xw(0, end)} height={TRACK} rx={3} />
              )}
              {s.holes.map((h) => (
                <rect
                  key={`h${h.from}`}
                  className="rq-hole"
                  x={x(h.from)}
                  y={ty}
                  width={xw(h.from, h.to)}
                  height={TRACK}
                  fill="url(#rq-hole)"
                />
              ))}
              {/* unknown end: the last fragment has not come */}
              {!s.flags.LAST_IN && (
                <rect
                  className="rq-open-end"
                  x={x(end)}
                  y={ty}
                  width={Math.max(0, x(extent) - x(end))}
                  height={TRACK}
                  rx={3}
                />
              )}
              {s.runs.map((r) => {
                const rb = bar(r.start, r.end, s.runs.length * MIN_BAR * 2 > width ? 1.5 : MIN_BAR);
                const runText = fmt(intl, W.svgRun, { from: num(r.start), to: num(r.end) });
                return (
                  <g key={`r${r.start}`} className="rq-run">
                    <rect x={rb.x} y={ty} width={rb.w} height={TRACK} rx={rb.w < 6 ? 0 : 3} />
                    {cutsOf(
                      r.frags.slice(1).map((p) => p.offset),
                      x,
                    ).map((o, i) => (
                      // By position: a new cut of the datagram moves the lines, it does not remake them.
                      <line
                        key={i}
                        className="rq-piece-cut"
                        x1={x(o)}
                        x2={x(o)}
                        y1={ty + 3}
                        y2={ty + TRACK - 3}
                      />
                    ))}
                    {r.frags
                      .filter((p) => p.fill === 'other')
                      .map((p) => (
                        <rect
                          key={`o${p.offset}`}
                          className="rq-piece-other"
                          x={x(p.offset)}
                          y={ty + TRACK - 6}
                          width={xw(p.offset, p.end)}
                          height={6}
                        />
                      ))}
                    {fits(runText, rb.w) && (
                      <text className="rq-run-text" x={rb.x + 6} y={ty + TRACK / 2 + 4}>
                        {runText}
                      </text>
                    )}
                  </g>
                );
              })}
              {s.holes.map((h) => {
                const holeText = fmt(intl, W.svgHole, { from: num(h.from), to: num(h.to) });
                return fits(holeText, xw(h.from, h.to)) ? (
                  <text
                    key={`ht${h.from}`}
                    className="rq-hole-text"
                    x={(x(h.from) + x(h.to)) / 2}
                    y={ty + TRACK / 2 + 4}
                    textAnchor="middle"
                  >
                    {holeText}
                  </text>
                ) : null;
              })}
              {end > 0 && (
                <line
                  className={`rq-len${s.flags.LAST_IN ? '' : ' rq-len--open'}`}
                  x1={x(end)}
                  x2={x(end)}
                  y1={ty - 4}
                  y2={ty + TRACK + 4}
                />
              )}
              <text className="rq-flags" x={x(0)} y={ty + TRACK + 15}>
                <tspan className={s.flags.FIRST_IN ? 'rq-flag-on' : 'rq-flag-off'}>
                  {flagMark('FIRST_IN', s.flags.FIRST_IN)}
                </tspan>
                <tspan dx="10" className={s.flags.LAST_IN ? 'rq-flag-on' : 'rq-flag-off'}>
                  {flagMark('LAST_IN', s.flags.LAST_IN)}
                </tspan>
                {width > 420 && (
                  <tspan dx="10" className="rq-flag-off">
                    {fmt(intl, W.svgRunsTimer, { runs: s.runs.length, at: num(s.expiresAt) })}
                  </tspan>
                )}
              </text>
            </g>
          );
        })}

        {/* the reassembled datagram(s) so far */}
        {datagramsSoFar.length > 0 && (
          <g className="rq-datagram">
            <text className="rq-section" x={8} y={deliveredTop + 12}>
              {fmt(intl, W.svgReassembled, { n: datagramsSoFar.length })}
            </text>
            {datagramsSoFar.slice(-1).map((d) => {
              const ty = deliveredTop + 20;
              const text = d.delivered
                ? plainText(intl, W.svgRecv, { n: num(d.length ?? 0) })
                : fmt(intl, W.svgNotDelivered);
              const dgText = fmt(intl, W.svgDatagram, { bytes: num(d.ipLength), n: d.pieces.length });
              return (
                <g key={d.index} className={d.delivered ? 'rq-delivered' : 'rq-undelivered'}>
                  <text className="rq-queue-meat" x={width - RIGHT} y={deliveredTop + 12} textAnchor="end">
                    {text}
                  </text>
                  {/* hundreds of pieces narrower than a few px: one bar, the cuts below mark them */}
                  {(d.pieces.length * 3 > width
                    ? [{ offset: d.pieces[0]?.offset ?? 0, end: d.pieces.at(-1)?.end ?? 0 }]
                    : d.pieces
                  ).map((p, i) => (
                    <rect key={i} x={x(p.offset)} y={ty} width={xw(p.offset, p.end)} height={TRACK} rx={2} />
                  ))}
                  {cutsOf(
                    d.pieces.slice(1).map((p) => p.offset),
                    x,
                  ).map((o, i) => (
                    <line
                      key={`c${i}`}
                      className="rq-piece-cut"
                      x1={x(o)}
                      x2={x(o)}
                      y1={ty + 3}
                      y2={ty + TRACK - 3}
                    />
                  ))}
                  {fits(dgText, xw(0, d.ipLength)) && (
                    <text className="rq-run-text" x={x(0) + 6} y={ty + TRACK / 2 + 4}>
                      {dgText}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
        )}
      </svg>
    </div>
  );
}

/** A datagram is on show from the step that delivered (or refused) it on. */
/** A datagram shows once the arrival that completed it has its verdict in (the last step of that
 * arrival), or once the step that hands it on (`fn`, e.g. the socket read) has come. */
function isShown(result: DefragOk, arrival: number, fn: string, step: number): boolean {
  const trace = result.trace;
  for (let k = 0; k <= step && k < trace.length; k++) {
    const s = trace[k];
    if (s?.fn === fn && (s.snapshot.arrival === arrival || s.snapshot.arrival === null)) return true;
    if (s?.snapshot.arrival === arrival && trace[k + 1]?.snapshot.arrival !== arrival) return true;
  }
  return false;
}

/** The diagram in words (its <desc>): what a screen reader hears for the picture. */
function describe(intl: IntlShape, result: DefragOk, step: number, arrived: number): string {
  const parts = [fmt(intl, W.descArrived, { arrived, n: result.arrivals.length })];
  for (const q of queuesAt(result, step)) {
    const s = q.snapshot;
    const state = fmt(intl, q.live ? W.stateLive : queueStateWords(q.outcome?.state ?? 'waiting'));
    parts.push(
      fmt(intl, W.descQueue, {
        serial: q.serial,
        state,
        meat: s.meat,
        open: s.flags.LAST_IN ? 'no' : 'yes',
        len: s.len,
        runs: s.runs.length,
        holes: s.holes.length ? s.holes.map((h) => `${h.from}–${h.to}`).join(', ') : 'none',
      }),
    );
  }
  return parts.join(' ');
}
