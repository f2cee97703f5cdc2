/**
 * sk_buffs drawn to scale, shared by the sk_buff lab and the Fragmentation lab.
 *
 * - `SkbBuffer`: one buffer, large — head | headroom | data | tailroom | end | skb_shared_info,
 *   a magnified strip of the bytes around data so 8-byte headers stay readable, and the four
 *   pointers with their values.
 * - `SkbPanel`: the sk_buffs of one trace step (a queue, a frag_list, fragments), compact, with
 *   page frags and the frag_list chain, new vs. reused sk_buff ids.
 * - `SkbFieldsTable`: every number drawn, as text (the "sk_buff fields" table).
 *
 * d3-scale computes positions; React owns every element. Position changes ease through CSS
 * transitions, which the global prefers-reduced-motion rule switches off.
 */
import { useEffect, useState } from 'react';
import { scaleLinear } from 'd3-scale';
import type { ScaleLinear } from 'd3-scale';
import { SHINFO_SIZE, skbHeadroom, skbTailroom } from '../../core/skb/index.ts';
import type { Region, RegionKind, SkbSnapshot } from '../../core/skb/index.ts';
import { KIND_LABEL, Legend, kindFill, kindInk } from './kinds.tsx';
import { useElementWidth } from '../hooks/useElementWidth.ts';
import { num } from '../format.ts';
import './SkbPanel.css';

type X = ScaleLinear<number, number>;

/** Names that fit inside a region, longest first. */
const SHORT: Record<RegionKind, readonly string[]> = {
  eth: ['Ethernet', 'Eth', 'E'],
  ip: ['IPv4', 'IP'],
  ipopt: ['IP options', 'opts', 'o'],
  ip6: ['IPv6', 'v6'],
  frag6: ['Frag hdr', 'Frag', 'F'],
  udp: ['UDP', 'U'],
  payload: ['payload', 'data', 'p'],
};

/** Mono 10.5–11 px text: about 6.6 px a character. */
const textWidth = (s: string, px = 6.6) => s.length * px;

/** The longest label (optionally with its byte count) that fits in `w` pixels, or null. */
function fitLabel(names: readonly string[], bytes: number | null, w: number): string | null {
  for (const n of names) {
    const withBytes = bytes === null ? null : `${n} ${num(bytes)}`;
    if (withBytes && textWidth(withBytes) + 8 <= w) return withBytes;
    if (textWidth(n) + 6 <= w) return n;
  }
  return null;
}

function flatten(skbs: readonly SkbSnapshot[]): SkbSnapshot[] {
  return skbs.flatMap((s) => [s, ...flatten(s.frag_list)]);
}

const fragBytes = (s: SkbSnapshot) => s.frags.reduce((a, f) => a + f.size, 0);

/** Is the region (partly) behind data or past tail: bytes still in memory but not in the packet? */
const isStale = (r: Region, s: SkbSnapshot) => r.end <= s.data || r.start >= s.tail;

/** The ids of every sk_buff held at the steps before this one (to tell new sk_buffs from reused ones). */
export function idsBefore(
  trace: readonly { snapshot: { skbs: readonly SkbSnapshot[] } }[],
  index: number,
): Set<number> {
  const ids = new Set<number>();
  for (const step of trace.slice(0, index)) for (const s of flatten(step.snapshot.skbs)) ids.add(s.id);
  return ids;
}

/** The hatch pattern of headroom and tailroom, once per page. */
export function SkbSvgDefs() {
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

/* ---------------------------------------------------------------- markers */

interface Mark {
  name: string;
  at: number;
  moved?: boolean;
}

/** Lay pointer labels out in rows so that none overlaps its neighbour. */
function placeMarks(marks: readonly Mark[], x: X, maxRows: number) {
  const ends: number[] = [];
  return marks
    .map((m) => ({ ...m, px: x(m.at), text: `${m.name} ${num(m.at)}` }))
    .sort((a, b) => a.px - b.px)
    .map((m) => {
      const w = textWidth(m.text, 6.3);
      const left = m.px - w / 2;
      let row = ends.findIndex((e) => e + 6 < left);
      if (row < 0) row = Math.min(ends.length, maxRows - 1);
      ends[row] = m.px + w / 2;
      return { ...m, row, w };
    });
}

function Markers({
  marks,
  x,
  y,
  rowH,
  maxRows = 4,
  width,
}: {
  marks: readonly Mark[];
  x: X;
  y: number;
  rowH: number;
  maxRows?: number;
  width: number;
}) {
  return (
    <g className="skb-marks">
      {placeMarks(marks, x, maxRows).map((m) => {
        // Keep the label inside the drawing at both edges.
        const half = m.w / 2;
        const dx = m.px - half < 0 ? half - m.px : m.px + half > width ? width - half - m.px : 0;
        return (
          <g
            key={m.name}
            className={`skb-mark${m.moved ? ' skb-mark--moved' : ''}`}
            style={{ transform: `translate(${m.px}px, 0px)` }}
          >
            <line y1={y - 4} y2={y + 6 + m.row * rowH} />
            <circle cy={y - 4} r={2.2} />
            <text y={y + 16 + m.row * rowH} x={dx} textAnchor="middle">
              {m.text}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/* ---------------------------------------------------------------- regions */

function RegionRect({
  r,
  x,
  y,
  h,
  offset = 0,
  stale,
  labelled,
}: {
  r: Region;
  x: X;
  y: number;
  h: number;
  offset?: number;
  stale?: boolean;
  labelled?: boolean;
}) {
  const x0 = x(offset + r.start);
  const w = Math.max(0.75, x(offset + r.end) - x0);
  const range = r.from !== undefined && r.to !== undefined ? ` (data bytes ${r.from}–${r.to})` : '';
  const label = labelled ? fitLabel(SHORT[r.kind], r.end - r.start, w) : null;
  return (
    <g className={`skb-region${stale ? ' skb-region--stale' : ''}`}>
      <title>{`${KIND_LABEL[r.kind]}: ${r.end - r.start} bytes${range}${stale ? ' — outside data…tail, no longer part of the packet' : ''}`}</title>
      <rect x={x0} y={y} width={w} height={h} fill={kindFill(r.kind)} />
      {label && (
        <text
          x={x0 + w / 2}
          y={y + h / 2}
          dy="0.35em"
          textAnchor="middle"
          className="region-text"
          fill={kindInk(r.kind)}
        >
          {label}
        </text>
      )}
    </g>
  );
}

/** The linear data not covered by a labelled region (e.g. a push without a kind). */
function gaps(s: SkbSnapshot): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let at = s.data;
  for (const r of s.regions) {
    if (r.end <= at || r.start >= s.tail) continue;
    if (r.start > at) out.push({ start: at, end: Math.min(r.start, s.tail) });
    at = Math.max(at, r.end);
  }
  if (at < s.tail) out.push({ start: at, end: s.tail });
  return out;
}

function Bytes({ s, x, y, h, labelled }: { s: SkbSnapshot; x: X; y: number; h: number; labelled: boolean }) {
  return (
    <>
      {gaps(s).map((g) => {
        const w = Math.max(0.75, x(g.end) - x(g.start));
        const label = labelled ? fitLabel(['unlabelled', 'bytes', '?'], g.end - g.start, w) : null;
        return (
          <g key={`gap${g.start}`} className="skb-region skb-region--plain">
            <title>{`${g.end - g.start} bytes with no header kind`}</title>
            <rect x={x(g.start)} y={y} width={w} height={h} />
            {label && (
              <text
                x={x(g.start) + w / 2}
                y={y + h / 2}
                dy="0.35em"
                textAnchor="middle"
                className="region-text"
              >
                {label}
              </text>
            )}
          </g>
        );
      })}
      {s.regions.map((r) => (
        <RegionRect
          key={`${r.kind}:${r.start}`}
          r={r}
          x={x}
          y={y}
          h={h}
          stale={isStale(r, s)}
          labelled={labelled}
        />
      ))}
    </>
  );
}

/* ---------------------------------------------------------------- one large buffer */

/** True from the second frame on: transitions start after the width is measured, never from the fallback. */
function useLive(): boolean {
  const [live, setLive] = useState(false);
  useEffect(() => {
    let inner = 0;
    const outer = requestAnimationFrame(() => {
      inner = requestAnimationFrame(() => setLive(true));
    });
    return () => {
      cancelAnimationFrame(outer);
      cancelAnimationFrame(inner);
    };
  }, []);
  return live;
}

const BIG = { zoomTop: 18, zoomH: 34, gap: 26, barH: 40, rowH: 14 };

/**
 * One sk_buff, large: the whole allocation to scale (with skb_shared_info after `end`), and above
 * it the bytes around data magnified. `previous` marks the pointers the last step moved.
 */
export function SkbBuffer({
  skb,
  previous,
  label,
}: {
  skb: SkbSnapshot;
  previous?: SkbSnapshot | undefined;
  label?: string;
}) {
  const [ref, width] = useElementWidth<HTMLDivElement>(640);
  const live = useLive();
  const W = Math.max(240, width);
  const pad = 6;
  const total = skb.end + SHINFO_SIZE;
  const x = scaleLinear()
    .domain([0, total])
    .range([pad, W - pad]);
  const headroom = skbHeadroom(skb);
  const tailroom = skbTailroom(skb);

  // The magnified window: every byte between the first region (pulled headers too) and tail.
  const starts = skb.regions.map((r) => r.start);
  const ends = skb.regions.map((r) => r.end);
  const zs = Math.min(skb.data, ...starts);
  const ze = Math.max(skb.tail, ...ends);
  const hasZoom = ze > zs;
  const z = scaleLinear()
    .domain([zs, Math.max(ze, zs + 1)])
    .range([pad, W - pad]);

  const barY = BIG.zoomTop + BIG.zoomH + BIG.gap;
  const markY = barY + BIG.barH;
  const moved = (k: 'data' | 'tail' | 'end') => previous !== undefined && previous[k] !== skb[k];
  const marks: Mark[] = [
    { name: 'head', at: skb.head },
    { name: 'data', at: skb.data, moved: moved('data') },
    { name: 'tail', at: skb.tail, moved: moved('tail') },
    { name: 'end', at: skb.end, moved: moved('end') },
  ];
  const rows = Math.max(...placeMarks(marks, x, 4).map((m) => m.row)) + 1;
  const h = markY + 22 + rows * BIG.rowH;

  // Offsets above the magnified strip: where each region and data/tail begin and end.
  const zoomTicks = [...new Set([zs, ze, skb.data, skb.tail, ...starts, ...ends])]
    .filter((v) => v >= zs && v <= ze)
    .sort((a, b) => a - b);
  let lastTick = -Infinity;
  const shownTicks = zoomTicks.filter((v) => {
    const px = z(v);
    if (px - lastTick < textWidth(num(v), 6) + 6 && v !== ze) return false;
    lastTick = px;
    return true;
  });

  const roomLabel = (name: string, n: number, from: number, to: number) => {
    const w = x(to) - x(from);
    const t = fitLabel([name], n, w);
    return t ? (
      <text x={x(from) + w / 2} y={barY + BIG.barH / 2} dy="0.35em" textAnchor="middle" className="room-text">
        {t}
      </text>
    ) : null;
  };
  const shinfoW = x(total) - x(skb.end);
  const shinfoText = fitLabel(['skb_shared_info', 'shinfo', 'sh'], null, shinfoW);
  const desc =
    label ??
    `sk_buff: head 0, data ${skb.data}, tail ${skb.tail}, end ${skb.end}; headroom ${headroom}, len ${skb.len}, tailroom ${tailroom}; skb_shared_info after end`;

  return (
    <div className={`skb-buffer${live ? ' is-live' : ''}`} ref={ref}>
      <svg
        width={W}
        height={h}
        role="img"
        aria-label={desc}
        className="skb-svg skb-svg--big"
        data-main-diagram="sk_buff"
      >
        {/* the magnified bytes around data */}
        {hasZoom ? (
          <g className="skb-zoom">
            {shownTicks.map((v) => (
              <text
                key={v}
                x={z(v)}
                y={BIG.zoomTop - 5}
                textAnchor={v === zs ? 'start' : v === ze ? 'end' : 'middle'}
                className="zoom-tick"
              >
                {num(v)}
              </text>
            ))}
            <Bytes s={skb} x={z} y={BIG.zoomTop} h={BIG.zoomH} labelled />
            <rect
              x={z(zs)}
              y={BIG.zoomTop}
              width={z(Math.max(ze, zs + 1)) - z(zs)}
              height={BIG.zoomH}
              className="skb-outline"
            />
            <path
              className="zoom-funnel"
              d={`M${z(zs)},${BIG.zoomTop + BIG.zoomH} L${x(zs)},${barY} L${x(ze)},${barY} L${z(ze)},${BIG.zoomTop + BIG.zoomH} Z`}
            />
          </g>
        ) : (
          <text
            x={W / 2}
            y={BIG.zoomTop + BIG.zoomH / 2}
            dy="0.35em"
            textAnchor="middle"
            className="zoom-empty"
          >
            len 0: data = tail — skb_put or skb_push adds bytes
          </text>
        )}

        {/* the whole allocation, to scale */}
        <rect
          x={x(0)}
          y={barY}
          width={x(skb.data) - x(0)}
          height={BIG.barH}
          fill="url(#room-hatch)"
          className="room"
        />
        <rect
          x={x(skb.tail)}
          y={barY}
          width={Math.max(0, x(skb.end) - x(skb.tail))}
          height={BIG.barH}
          fill="url(#room-hatch)"
          className="room"
        />
        <Bytes s={skb} x={x} y={barY} h={BIG.barH} labelled={false} />
        {roomLabel('headroom', headroom, 0, skb.data)}
        {roomLabel('tailroom', tailroom, skb.tail, skb.end)}
        <rect x={x(0)} y={barY} width={x(skb.end) - x(0)} height={BIG.barH} className="skb-outline" />
        <g className="shinfo">
          <title>{`skb_shared_info: ${SHINFO_SIZE} bytes after end (nr_frags ${skb.frags.length}, frag_list ${skb.frag_list.length ? `${skb.frag_list.length} sk_buffs` : 'NULL'})`}</title>
          <rect x={x(skb.end)} y={barY} width={shinfoW} height={BIG.barH} className="shinfo-rect" />
          {shinfoText && (
            <text
              x={x(skb.end) + shinfoW / 2}
              y={barY + BIG.barH / 2}
              dy="0.35em"
              textAnchor="middle"
              className="shinfo-text"
            >
              {shinfoText}
            </text>
          )}
        </g>
        <Markers marks={marks} x={x} y={markY} rowH={BIG.rowH} width={W} />
      </svg>
    </div>
  );
}

/* ---------------------------------------------------------------- the skbs of a step */

const MAX_DRAWN = 6;
const MAX_CHAIN = 4;
const ROW = { bar: 30, rowH: 12 };

export interface SkbStepSnapshot {
  skbs: readonly SkbSnapshot[];
  vars?: Readonly<Record<string, number | string | boolean>>;
}

/** Everything after `end`: skb_shared_info, then the page frags it points to. */
const extent = (s: SkbSnapshot) => s.end + SHINFO_SIZE + fragBytes(s);

export function SkbPanel({
  snapshot,
  seenBefore,
  first,
}: {
  snapshot: SkbStepSnapshot;
  seenBefore: Set<number>;
  first: boolean;
}) {
  const [ref, width] = useElementWidth<HTMLDivElement>(520);
  const all = flatten(snapshot.skbs);
  const maxExtent = Math.max(1, ...all.map(extent));
  const x = scaleLinear()
    .domain([0, maxExtent])
    .range([0, Math.max(120, width - 34)]); // room for the frag_list indent
  const drawn = snapshot.skbs.slice(0, MAX_DRAWN);
  const kinds = [
    ...new Set(all.flatMap((s) => [...s.regions, ...s.frags.flatMap((f) => f.regions)].map((r) => r.kind))),
  ];
  const vars = Object.entries(snapshot.vars ?? {});

  return (
    <div className="skb-panel" ref={ref}>
      {vars.length > 0 && (
        <dl className="vars" aria-label="Values at this step">
          {vars.map(([k, v]) => (
            <div key={k}>
              <dt className="mono">{k}</dt>
              <dd className="mono">{typeof v === 'number' ? num(v) : String(v)}</dd>
            </div>
          ))}
        </dl>
      )}
      {all.length === 0 ? (
        <p className="muted empty">No sk_buff is held at this step.</p>
      ) : (
        <>
          <div className="skb-list">
            {drawn.map((s) => (
              <SkbDrawing key={s.id} skb={s} x={x} prevIds={seenBefore} hasPrevious={!first} depth={0} />
            ))}
            {snapshot.skbs.length > MAX_DRAWN && (
              <p className="muted more">
                … and {num(snapshot.skbs.length - MAX_DRAWN)} more sk_buffs (listed in the table below).
              </p>
            )}
          </div>
          <SkbLegend kinds={kinds} />
          <SkbFieldsTable skbs={all} prevIds={seenBefore} hasPrevious={!first} />
        </>
      )}
    </div>
  );
}

/** The colour key, with headroom/tailroom and skb_shared_info. */
export function SkbLegend({ kinds }: { kinds: readonly RegionKind[] }) {
  return (
    <div className="skb-legend">
      <Legend kinds={kinds} label="sk_buff colour key" />
      <ul className="legend" aria-label="Buffer areas">
        <li>
          <span className="swatch swatch--room" aria-hidden="true" />
          headroom / tailroom
        </li>
        <li>
          <span className="swatch swatch--shinfo" aria-hidden="true" />
          skb_shared_info
        </li>
        <li>
          <span className="swatch swatch--stale" aria-hidden="true" />
          outside data…tail
        </li>
      </ul>
    </div>
  );
}

function idBadge(id: number, prevIds: Set<number>, hasPrevious: boolean) {
  const reused = prevIds.has(id);
  return (
    <span className={`id-badge${hasPrevious ? (reused ? ' id-badge--same' : ' id-badge--new') : ''}`}>
      skb #{id}
      {hasPrevious && <span className="id-state">{reused ? 'seen before' : 'new'}</span>}
    </span>
  );
}

function SkbDrawing({
  skb,
  x,
  prevIds,
  hasPrevious,
  depth,
}: {
  skb: SkbSnapshot;
  x: X;
  prevIds: Set<number>;
  hasPrevious: boolean;
  depth: number;
}) {
  const shinfoAt = skb.end;
  let fragAt = skb.end + SHINFO_SIZE;
  const marks: Mark[] = [
    { name: 'head', at: skb.head },
    { name: 'data', at: skb.data },
    { name: 'tail', at: skb.tail },
    { name: 'end', at: skb.end },
  ];
  const w = x.range()[1]! + 2;
  const rows = Math.max(...placeMarks(marks, x, 3).map((m) => m.row)) + 1;
  const h = ROW.bar + 20 + rows * ROW.rowH;
  const label = `${skb.label}: head 0, data ${skb.data}, tail ${skb.tail}, end ${skb.end}, len ${skb.len}, data_len ${skb.data_len}, ${skb.frags.length} page frags, ${skb.frag_list.length} on frag_list`;

  return (
    <div className="skb" style={{ marginLeft: depth ? 12 : 0 }}>
      <p className="skb-head">
        {idBadge(skb.id, prevIds, hasPrevious)}
        <span className="skb-label">{skb.label}</span>
        <span className="muted skb-sizes mono">
          len {num(skb.len)} · data_len {num(skb.data_len)} · truesize {num(skb.truesize)}
        </span>
      </p>
      <svg width={w} height={h} role="img" aria-label={label} className="skb-svg">
        <rect
          x={x(0)}
          y={1}
          width={x(skb.data) - x(0)}
          height={ROW.bar - 2}
          fill="url(#room-hatch)"
          className="room"
        />
        {skbTailroom(skb) > 0 && (
          <rect
            x={x(skb.tail)}
            y={1}
            width={x(skb.end) - x(skb.tail)}
            height={ROW.bar - 2}
            fill="url(#room-hatch)"
            className="room"
          />
        )}
        <Bytes s={skb} x={x} y={1} h={ROW.bar - 2} labelled />
        <rect x={x(0)} y={1} width={x(skb.end) - x(0)} height={ROW.bar - 2} className="skb-outline" />
        <rect
          x={x(shinfoAt)}
          y={1}
          width={x(shinfoAt + SHINFO_SIZE) - x(shinfoAt)}
          height={ROW.bar - 2}
          className="shinfo-rect"
        >
          <title>{`skb_shared_info (${SHINFO_SIZE} bytes): nr_frags ${skb.frags.length}, frag_list ${skb.frag_list.length || 'NULL'}`}</title>
        </rect>
        {skb.frags.map((f, i) => {
          const at = fragAt;
          fragAt += f.size;
          return (
            <g key={`f${i}`} className="page-frag">
              <title>{`frags[${i}]: ${f.size} bytes in a page`}</title>
              {f.regions.map((r, j) => (
                <RegionRect key={j} r={r} x={x} y={4} h={ROW.bar - 8} offset={at} />
              ))}
              <rect
                x={x(at) + 2}
                y={4}
                width={Math.max(1, x(at + f.size) - x(at) - 2)}
                height={ROW.bar - 8}
                rx={3}
                className="frag-outline"
              />
            </g>
          );
        })}
        <Markers marks={marks} x={x} y={ROW.bar} rowH={ROW.rowH} maxRows={3} width={w} />
      </svg>
      {skb.frags.length > 0 && (
        <p className="skb-note muted">
          skb_shinfo(skb)→frags: {skb.frags.length} page frag{skb.frags.length > 1 ? 's' : ''}, drawn rounded
          after skb_shared_info: {skb.frags.map((f) => num(f.size)).join(' + ')} B
        </p>
      )}
      {skb.frag_list.length > 0 && (
        <div className="frag-list">
          <p className="frag-list-title mono">skb_shinfo(skb)→frag_list</p>
          {skb.frag_list.slice(0, MAX_CHAIN).map((c) => (
            <SkbDrawing
              key={c.id}
              skb={c}
              x={x}
              prevIds={prevIds}
              hasPrevious={hasPrevious}
              depth={depth + 1}
            />
          ))}
          {skb.frag_list.length > MAX_CHAIN && (
            <p className="muted more">… {num(skb.frag_list.length - MAX_CHAIN)} more on the chain.</p>
          )}
        </div>
      )}
    </div>
  );
}

/* ---------------------------------------------------------------- the table */

const MAX_ROWS = 40;

export function SkbFieldsTable({
  skbs,
  prevIds = new Set(),
  hasPrevious = false,
  previous,
}: {
  skbs: readonly SkbSnapshot[];
  prevIds?: Set<number>;
  hasPrevious?: boolean;
  /** The same skb at the step before: the cells that changed are marked. */
  previous?: SkbSnapshot | undefined;
}) {
  const rows = skbs.slice(0, MAX_ROWS);
  const cell = (s: SkbSnapshot, v: number, before: number | undefined) => {
    const changed = previous !== undefined && before !== undefined && before !== v && s.id === previous.id;
    return (
      <td className={`num${changed ? ' changed' : ''}`}>
        {num(v)}
        {changed && <span className="visually-hidden"> (was {num(before)})</span>}
      </td>
    );
  };
  const p = previous;
  return (
    <div
      className="table-scroll table-scroll--short"
      tabIndex={0}
      role="region"
      aria-label="sk_buff fields, scrollable"
    >
      <table className="skb-table">
        <caption>
          sk_buff fields
          {skbs.length > MAX_ROWS && (
            <span className="caption-note">
              {' '}
              — first {MAX_ROWS} of {num(skbs.length)}
            </span>
          )}
        </caption>
        <thead>
          <tr>
            <th scope="col">skb</th>
            <th scope="col">head</th>
            <th scope="col">data</th>
            <th scope="col">tail</th>
            <th scope="col">end</th>
            <th scope="col">len</th>
            <th scope="col">data_len</th>
            <th scope="col">headroom</th>
            <th scope="col">tailroom</th>
            <th scope="col">nr_frags</th>
            <th scope="col">frag_list</th>
            <th scope="col">truesize</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.id}>
              <th scope="row" className="mono">
                #{s.id}
                {hasPrevious && !prevIds.has(s.id) && <span className="new-dot" title="new at this step" />}
                <span className="muted"> {s.label}</span>
              </th>
              <td className="num">{s.head}</td>
              {cell(s, s.data, p?.data)}
              {cell(s, s.tail, p?.tail)}
              {cell(s, s.end, p?.end)}
              {cell(s, s.len, p?.len)}
              {cell(s, s.data_len, p?.data_len)}
              {cell(s, skbHeadroom(s), p && skbHeadroom(p))}
              {cell(s, skbTailroom(s), p && skbTailroom(p))}
              <td className="num">{s.frags.length}</td>
              <td className="num">{s.frag_list.length}</td>
              <td className="num">{num(s.truesize)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
