import { useLayoutEffect, useMemo, useRef } from 'react';
import type { RefObject } from 'react';
import {
  LAYERS,
  STACK_LIMIT,
  WIRE_ROW,
  marksOf,
  positionAt,
  stopEnd,
  type Layer,
  type PacketMark,
  type Side,
  type Timeline,
} from '../../../core/journey/index.ts';
import { kindFill, kindInk } from '../../components/kinds.tsx';
import { useIntl } from 'react-intl';
import type { IntlShape, MessageDescriptor } from 'react-intl';
import { fmt, fmtNode } from '../../i18n/format.tsx';
import { W } from './words.ts';
import { fitPacket, fitText, journeyGeometry, placePx, textWidth, type FittedPacket } from './layout.ts';

/** A message as plain text (SVG text has no `<code>`: kernel names keep their letters). */
const plain = (intl: IntlShape, d: MessageDescriptor, v?: Record<string, string | number>): string => {
  const r = fmtNode(intl, d, { ...v, code: (chunks) => chunks.join('') });
  return Array.isArray(r) ? r.join('') : String(r);
};

const ADDR = '127.0.0.1';
const callText = (fn: string) => `${fn}()`;
const CELLS: readonly { side: Side; layer: Layer }[] = [
  ...(['tx', 'rx'] as const).flatMap((side) =>
    LAYERS.filter((l) => l !== 'wire').map((layer) => ({ side, layer })),
  ),
  { side: 'wire', layer: 'wire' },
];
const cellKey = (side: Side, layer: Layer) =>
  side === 'wire' || layer === 'wire' ? 'wire' : `${side}|${layer}`;

/** Per timeline: the busiest cell (rows are sized for it), the largest packet, each cell's stops. */
function timelineFacts(tl: Timeline) {
  const stack = new Map<string, number>();
  let maxLen = 1;
  const stopsAt = new Map<string, number[]>();
  tl.stops.forEach((s, i) => {
    const k = cellKey(s.side, s.layer);
    stopsAt.set(k, [...(stopsAt.get(k) ?? []), i]);
    const { marks } = marksOf(s);
    const n = new Map<string, number>();
    for (const m of marks) {
      const c = cellKey(m.side, m.layer);
      n.set(c, (n.get(c) ?? 0) + 1);
      if (m.len > maxLen) maxLen = m.len;
    }
    for (const [c, v] of n) stack.set(c, Math.max(stack.get(c) ?? 1, v > STACK_LIMIT ? 3 : v));
  });
  return { stack, maxLen, stopsAt };
}

interface Drawn {
  mark: PacketMark;
  fit: FittedPacket;
  /**
   * Plainer words for where the step's move starts, when the room there is smaller (a packet
   * leaving for the wide wire): shown until the packet has the room for `fit`, whose width with
   * its tag is `need`.
   */
  fitStart: FittedPacket | null;
  need: number;
  /** A deck's lower cards carry no words: only its top card is labelled. */
  words: boolean;
}

/**
 * Sender and receiver stacks, the wire between them; each box says what happens there at this step
 * (the function, the skb's len and headroom) and holds its packets, drawn large enough to read
 * their parts. React renders one <g> per packet mark of the current stop (keyed); the animation
 * hook moves them by writing `transform` through refs.
 */
export function JourneyDiagram({
  timeline,
  step,
  width,
  drawRef,
  dense = false,
  mtu,
  fit = Infinity,
}: {
  /** The most height the drawing may take (px): its rows tighten to fit the viewport. */
  fit?: number;
  /** The link's MTU (the wire box says it while nothing crosses). */
  mtu: number;
  timeline: Timeline;
  step: number;
  width: number;
  drawRef: RefObject<((t: number) => void) | null>;
  dense?: boolean;
}) {
  const intl = useIntl();
  const facts = useMemo(() => timelineFacts(timeline), [timeline]);
  const g = useMemo(
    () => journeyGeometry(width, dense, (side, layer) => facts.stack.get(cellKey(side, layer)) ?? 1, fit),
    [width, dense, facts.stack, fit],
  );
  const stop = timeline.stops[step];
  const els = useRef(new Map<string, SVGGElement>());
  const { marks, grouped } = useMemo(
    () => (stop ? marksOf(stop) : { marks: [] as PacketMark[], grouped: false }),
    [stop],
  );
  const size = g.font;

  // Each mark's bar and words, fitted to the room it has where the step leaves it.
  const drawn = useMemo(() => {
    const rest = new Map(positionAt(timeline, stopEnd(timeline, step)).packets.map((p) => [p.key, p]));
    // Where the step's move starts (the previous step's rest): the words fit there too, so that a
    // packet leaving for the wide wire is not given words that only fit once it is there.
    const start =
      step > 0
        ? new Map(positionAt(timeline, stopEnd(timeline, step - 1)).packets.map((p) => [p.key, p]))
        : null;
    const perCell = new Map<string, PacketMark[]>();
    for (const m of marks) {
      const k = cellKey(m.side, m.layer);
      perCell.set(k, [...(perCell.get(k) ?? []), m]);
    }
    const partLabels = (kind: string, bytes: number) => [
      plain(intl, W.part, { kind, bytes }),
      plain(intl, W.partShort, { bytes }),
    ];
    const out: Drawn[] = [];
    for (const list of perCell.values()) {
      const sorted = [...list].sort((a, b) => a.datagram - b.datagram || a.order - b.order);
      const deck = sorted.length > STACK_LIMIT;
      const total = sorted.reduce((t, m) => t + m.count, 0);
      const inputs = sorted.map((m, j) => {
        const zone = g.zone(m.side, m.layer);
        const room = (r: { x: number; row: number; slot: number; side: Side; layer: Layer } | undefined) => {
          const px = r ? placePx(g, r.x, r.row, r.slot).px : zone.x;
          const z = r ? g.zone(r.side, r.layer) : zone;
          return cellKey(r?.side ?? m.side, r?.layer ?? m.layer) === 'wire' && !g.narrow
            ? width - 10 - px
            : z.x + z.w - px;
        };
        const max = room(rest.get(m.key));
        const maxStart = Math.min(max, start?.has(m.key) ? room(start.get(m.key)) : Infinity);
        const words = !deck || j === sorted.length - 1;
        const tags: string[] = [];
        if (m.status === 'lost')
          tags.push(plain(intl, W.tagLost, { long: 'yes' }), plain(intl, W.tagLost, { long: 'no' }));
        else if (m.status === 'dropped') tags.push(plain(intl, W.tagDropped));
        else if (deck) tags.push(plain(intl, W.tagDeck, { n: total }));
        else if (m.count > 1) tags.push(plain(intl, W.tagGroup, { n: m.count }));
        else if (m.fragment !== null && m.offset !== null)
          tags.push(
            plain(intl, W.tagFrag, { n: m.fragment + 1, offset: m.offset }),
            plain(intl, W.tagFragShort, { n: m.fragment + 1, offset: m.offset }),
          );
        else if (m.status === 'delivered') tags.push(plain(intl, W.tagRead, { n: m.len }));
        else if (m.status === 'queued') tags.push(plain(intl, W.tagQueued, { n: m.datagram + 1 }));
        const parts = m.segments.map((s) => ({
          kind: s.kind,
          bytes: s.bytes,
          labels: words ? partLabels(s.kind, s.bytes) : [],
        }));
        const want = Math.max(0.4, Math.sqrt(m.len / facts.maxLen)) * zone.w * 0.72;
        return {
          m,
          words,
          tags: words ? tags : [],
          parts,
          max: Math.max(24, max),
          maxStart: Math.max(24, maxStart),
          want,
        };
      });
      // One cell, one style: its packets share the shortest labels any of them needed.
      let from = 0;
      let fromStart = 0;
      for (const i of inputs) {
        if (!i.words) continue;
        from = Math.max(from, fitPacket(i.parts, i.tags, i.max, i.want, size).rank);
        fromStart = Math.max(fromStart, fitPacket(i.parts, i.tags, i.maxStart, i.want, size).rank);
      }
      for (const i of inputs) {
        const fit = fitPacket(i.parts, i.tags, i.max, i.want, size, from);
        const need = fit.w + (fit.tag ? textWidth(fit.tag, size) + 6 : 0);
        const fitStart =
          need > i.maxStart
            ? fitPacket(i.parts, i.tags, i.maxStart, Math.min(i.want, i.maxStart), size, fromStart)
            : null;
        out.push({ mark: i.m, fit, fitStart, need, words: i.words });
      }
    }
    return out;
  }, [marks, timeline, step, g, intl, width, size, facts.maxLen]);
  const shapes = useMemo(() => new Map(drawn.map((d) => [d.mark.key, d])), [drawn]);

  // The frame writer the animation hook calls (no React render per frame). Set in a layout
  // effect: it runs before the parent's effects, where the clock draws.
  useLayoutEffect(() => {
    const tz = g.zone('tx', 'app');
    const rz = g.zone('rx', 'app');
    const txEdge = tz.x + tz.w;
    const rxEdge = rz.x + rz.w;
    drawRef.current = (t: number) => {
      const frame = positionAt(timeline, t);
      const i = frame.stop;
      // One column (narrow): a packet going to another box would pass over the words of the
      // boxes between; it fades out where it was and fades in where it goes, at mid-step.
      const hop = g.narrow && frame.progress > 0 && frame.progress < 1;
      const start = timeline.starts[i] ?? 0;
      const end = stopEnd(timeline, i);
      const before = hop ? new Map(positionAt(timeline, start).packets.map((p) => [p.key, p])) : null;
      const after = hop ? new Map(positionAt(timeline, end).packets.map((p) => [p.key, p])) : null;
      for (const p of frame.packets) {
        const el = els.current.get(p.key);
        if (!el || !shapes.has(p.key)) continue;
        let q: { x: number; row: number; slot: number; opacity: number } | undefined = p;
        let fade = 1;
        if (before && after) {
          const a = i > 0 ? before.get(p.key) : undefined;
          const b = after.get(p.key) ?? p;
          const moved = !a || a.row !== b.row || a.slot !== b.slot;
          const early = frame.progress < 0.5;
          q = early ? a : b;
          fade = moved ? Math.abs(1 - 2 * frame.progress) : 1;
        }
        if (!q) {
          el.style.opacity = '0';
          continue;
        }
        const { px, py } = placePx(g, q.x, q.row, q.slot);
        el.setAttribute('transform', `translate(${px.toFixed(1)},${py.toFixed(1)})`);
        const d = shapes.get(p.key);
        if (d?.fitStart) {
          // the words that fit where the packet is now: on the wire the row is wide
          const edge = !g.narrow && q.row >= WIRE_ROW - 0.001 ? width - 10 : q.x < 0.5 ? txEdge : rxEdge;
          const roomy = edge - px >= d.need - 0.5;
          const [a, b] = el.children;
          if (a instanceof SVGGElement && b instanceof SVGGElement) {
            a.style.display = roomy ? 'none' : '';
            b.style.display = roomy ? '' : 'none';
          }
        }
        el.style.opacity = (q.opacity * fade).toFixed(2);
      }
    };
  });

  // What each box says at this step: its function (now, done, or next), and its skb.
  const cellWords = (side: Side, layer: Layer) => {
    const k = cellKey(side, layer);
    const at = facts.stopsAt.get(k) ?? [];
    let idx = -1;
    for (const i of at) if (i <= step) idx = i;
    const state = idx === step ? 'now' : idx >= 0 ? 'past' : 'next';
    if (idx < 0) idx = at[0] ?? -1;
    const fn = idx >= 0 ? (timeline.stops[idx]?.fn ?? '') : '';
    const here = marks.filter((m) => cellKey(m.side, m.layer) === k);
    const txt = g.text(side, layer);
    let detail: string[] = [];
    if (k === 'rx|socket' && stop) {
      const { rmem, rcvbuf } = stop.rcvq;
      detail = [plain(intl, W.rmem, { rmem, rcvbuf }), plain(intl, W.rmemShort, { rmem, rcvbuf })];
    } else if (k === 'wire') {
      const n = here.reduce((t, m) => t + m.count, 0);
      const lost = here.filter((m) => m.status === 'lost').reduce((t, m) => t + m.count, 0);
      if (n > 0) detail = [plain(intl, W.inFlight, { n, lost })];
      else if (grouped) detail = [plain(intl, W.grouped, { n: stop?.packets.length ?? 0 })];
      else detail = [plain(intl, W.wireIdle, { mtu })];
    } else if (here.length) {
      const n = here.reduce((t, m) => t + m.count, 0);
      const first = here[0] as PacketMark;
      if (first.headroom === null) detail = [plain(intl, W.userMemory)];
      else if (n === 1)
        detail = [
          plain(intl, W.skb, { len: first.len, headroom: first.headroom }),
          plain(intl, W.skbShort, { len: first.len, headroom: first.headroom }),
        ];
      else
        detail = [
          plain(intl, W.skbs, { n, headroom: first.headroom }),
          plain(intl, W.skbsShort, { n, headroom: first.headroom }),
        ];
    }
    const name = fmt(intl, W.layer, { layer: k === 'wire' ? 'wire' : layer });
    return { name, fn, state, detail, txt };
  };

  const active = stop ? cellKey(stop.side, stop.layer) : '';
  const rq = stop?.rcvq;
  const sorted = [...drawn].sort(
    (a, b) =>
      Number(a.words) - Number(b.words) || a.mark.datagram - b.mark.datagram || a.mark.order - b.mark.order,
  );
  /** A packet's bar, its parts' words, its outline and its tag, laid out as `fit` says. */
  const shape = (m: PacketMark, fit: FittedPacket, words: boolean) => (
    <>
      {fit.parts.map((p, i) => (
        <rect key={i} x={p.x} y={0} width={p.w} height={g.barH} fill={kindFill(p.kind as never)} />
      ))}
      {(m.status === 'lost' || m.status === 'dropped') && words && (
        <path className="jm-x" d={`M0,0L${fit.w},${g.barH}M0,${g.barH}L${fit.w},0`} />
      )}
      {fit.parts.map(
        (p, i) =>
          p.text && (
            <text
              key={`t${i}`}
              className="jm-part"
              x={p.x + p.w / 2}
              y={g.barH / 2 + size * 0.36}
              textAnchor="middle"
              fill={kindInk(p.kind as never)}
            >
              {p.text}
            </text>
          ),
      )}
      <rect className="jm-outline" x={0} y={0} width={fit.w} height={g.barH} rx={2} />
      {fit.tag && (
        <text className="jm-tag" x={fit.w + 6} y={g.barH / 2 + size * 0.36}>
          {fit.tag}
        </text>
      )}
    </>
  );
  const wireCell = g.cell('wire', 'wire');
  const wireZone = g.zone('wire', 'wire');
  return (
    <svg
      className={`journey-svg${g.narrow ? ' is-narrow' : ''}`}
      data-main-diagram="stacks"
      width={width}
      height={g.height}
      viewBox={`0 0 ${width} ${g.height}`}
      role="img"
      aria-label={plain(intl, W.diagramLabel, {
        step: step + 1,
        fn: stop?.fn ?? '',
        place:
          stop?.side === 'wire' || !stop
            ? fmt(intl, W.placeWire)
            : fmt(intl, W.place, { side: stop.side, layer: stop.layer }),
      })}
      style={{ fontSize: `${size}px` }}
    >
      {g.titles.map((t) => (
        <text key={t.side} className="jd-col" x={t.x} y={t.y} textAnchor={t.anchor}>
          {fmt(intl, W.col, { side: t.side, addr: ADDR })}
        </text>
      ))}
      {CELLS.map(({ side, layer }) => {
        const c = g.cell(side, layer);
        const k = cellKey(side, layer);
        const w = cellWords(side, layer);
        const { x, y, line } = w.txt;
        const fnText = w.fn ? callText(w.fn) : '';
        const nameW = textWidth(w.name, size, 'bold');
        // narrow: the layer and its function share the first line when both fit, else the function wins
        const fnX = g.narrow ? x + nameW + 10 : x;
        const fnY = g.narrow ? y : y + line;
        const fnRoom = g.narrow ? w.txt.w - nameW - 10 : w.txt.w;
        const fnShown = fitText([fnText, w.fn], fnRoom, size, 'mono');
        const detailY = g.narrow ? y + line : y + 2 * line;
        const detail = fitText(w.detail, w.txt.w, size);
        return (
          <g
            key={k}
            className={`jd-cell${active === k ? ' is-active' : ''}${k === 'wire' ? ' jd-wire' : ''}`}
          >
            <rect x={c.x} y={c.y} width={c.w} height={c.h} rx={8} />
            {k === 'wire' && (
              <line
                className="jd-wire-line"
                x1={wireZone.x}
                x2={wireCell.x + wireCell.w - 10}
                y1={wireCell.y + wireCell.h - 4}
                y2={wireCell.y + wireCell.h - 4}
              />
            )}
            <text x={x} y={y} className="jd-layer">
              {w.name}
            </text>
            {fnShown && (
              <text x={fnX} y={fnY} className={`jd-fn is-${w.state}`}>
                {fnShown}
              </text>
            )}
            {detail && (
              <text x={x} y={detailY} className="jd-detail">
                {detail}
              </text>
            )}
            {k === 'rx|socket' && rq && (
              <g className="jd-rq" aria-hidden="true">
                <rect className="jd-rq-track" x={x} y={detailY + 4} width={w.txt.w} height={4} rx={2} />
                <rect
                  className={`jd-rq-fill${rq.rmem > rq.rcvbuf ? ' is-over' : ''}`}
                  x={x}
                  y={detailY + 4}
                  width={Math.min(1, rq.rmem / Math.max(1, rq.rcvbuf)) * w.txt.w}
                  height={5}
                  rx={2.5}
                />
              </g>
            )}
          </g>
        );
      })}
      <g className="jd-marks">
        {sorted.map(({ mark: m, fit, fitStart, words }) => (
          <g
            key={m.key}
            ref={(el) => {
              if (el) els.current.set(m.key, el);
              else els.current.delete(m.key);
            }}
            className={`jm jm-${m.status}`}
            data-fragment={m.fragment === null ? undefined : m.fragment + 1}
          >
            {fitStart ? (
              <>
                <g className="jm-shape">{shape(m, fitStart, words)}</g>
                <g className="jm-shape" style={{ display: 'none' }}>
                  {shape(m, fit, words)}
                </g>
              </>
            ) : (
              shape(m, fit, words)
            )}
          </g>
        ))}
      </g>
    </svg>
  );
}
