import { useLayoutEffect, useMemo, useRef } from 'react';
import type { RefObject } from 'react';
import { scaleLog } from 'd3-scale';
import {
  LAYERS,
  STACK_LIMIT,
  marksOf,
  positionAt,
  type Layer,
  type PacketMark,
  type Side,
  type Timeline,
} from '../../../core/journey/index.ts';
import { kindFill } from '../../components/kinds.tsx';
import { num } from '../../format.ts';
import { useIntl } from 'react-intl';
import type { IntlShape, MessageDescriptor } from 'react-intl';
import { fmt, fmtNode } from '../../i18n/format.tsx';
import { W } from './words.ts';

/** A message as plain text (SVG text has no `<code>`: kernel names keep their letters). */
const plain = (intl: IntlShape, d: MessageDescriptor, v?: Record<string, string | number>): string => {
  const r = fmtNode(intl, d, { ...v, code: (chunks) => chunks.join('') });
  return Array.isArray(r) ? r.join('') : String(r);
};

/** Beside each layer's name: its kernel struct or files (never translated; the application's is words). */
const LAYER_HINT: Record<Exclude<Layer, 'app'>, string> = {
  socket: 'struct sock',
  l4: 'udp.c',
  l3: 'ip_output.c · ip_input.c · ip_fragment.c',
  l2: 'neighbour · eth.c · loopback.c',
  wire: 'loopback_xmit',
};
const ADDR = '127.0.0.1';
const callText = (fn: string) => `${fn}()`;
const rqText = (short: boolean, rmem: number, rcvbuf: number) =>
  short
    ? `rmem ${num(rmem)} / rcvbuf ${num(rcvbuf)}`
    : `sk_rmem_alloc ${num(rmem)} / sk_rcvbuf ${num(rcvbuf)}`;

export interface Geometry {
  width: number;
  height: number;
  rowH: number;
  top: number;
  pad: number;
  xPx: (x: number) => number;
  yPx: (y: number) => number;
}

/** `dense`: shorter rows, at any width (the embed views, issue 16). */
export function geometry(width: number, dense = false): Geometry {
  const narrow = width < 640;
  const rowH = dense ? 52 : narrow ? 56 : 68;
  const top = 30;
  const pad = narrow ? 6 : 16;
  const height = top + rowH * 6 + 18;
  return {
    width,
    height,
    rowH,
    top,
    pad,
    xPx: (x) => pad + x * (width - 2 * pad),
    yPx: (y) => top + y * rowH + rowH / 2,
  };
}

interface MarkShape {
  w: number;
  h: number;
  parts: { kind: PacketMark['segments'][number]['kind']; x: number; w: number }[];
}

/**
 * Sender and receiver stacks side by side, the wire below. React renders one <g> per packet mark
 * of the current stop (keyed); the animation hook moves them by writing `transform` through refs.
 */
export function JourneyDiagram({
  timeline,
  step,
  width,
  drawRef,
  dense = false,
}: {
  timeline: Timeline;
  step: number;
  width: number;
  drawRef: RefObject<((t: number) => void) | null>;
  dense?: boolean;
}) {
  const intl = useIntl();
  const layerName = (layer: Layer) => fmt(intl, W.layer, { layer });
  const layerHint = (layer: Layer) => (layer === 'app' ? fmt(intl, W.userSpace) : LAYER_HINT[layer]);
  const g = geometry(width, dense);
  const stop = timeline.stops[step];
  const els = useRef(new Map<string, SVGGElement>());
  const { marks, grouped } = useMemo(
    () => (stop ? marksOf(stop) : { marks: [] as PacketMark[], grouped: false }),
    [stop],
  );
  const colW = (width - 2 * g.pad) * 0.44;
  const hdrPx = width < 640 ? 0.7 : 1.1;
  const payloadW = useMemo(
    () =>
      scaleLog()
        .domain([1, 65535])
        .range([3, colW * 0.6])
        .clamp(true),
    [colW],
  );
  const shapes = useMemo(() => {
    const cell = new Map<string, number>();
    for (const m of marks) cell.set(`${m.side}|${m.layer}`, (cell.get(`${m.side}|${m.layer}`) ?? 0) + 1);
    const out = new Map<string, MarkShape>();
    for (const m of marks) {
      const n = cell.get(`${m.side}|${m.layer}`) ?? 1;
      // stacked marks share the cell below its title line; a deck's cards overlap, so keep them tall
      const h = n > STACK_LIMIT ? (width < 640 ? 9 : 12) : Math.max(3, Math.min(14, (g.rowH - 30) / n - 1.5));
      let x = 0;
      const parts = m.segments.map((s) => {
        const w = s.kind === 'payload' ? (s.bytes > 0 ? payloadW(s.bytes) : 0) : Math.max(3, s.bytes * hdrPx);
        const part = { kind: s.kind, x, w };
        x += w;
        return part;
      });
      out.set(m.key, { w: Math.max(x, 3), h, parts });
    }
    return out;
  }, [marks, g.rowH, payloadW, hdrPx, width]);
  // Labels: every mark of a small stack; a deck is labelled once, on its top card.
  const labelled = useMemo(() => {
    const cells = new Map<string, PacketMark[]>();
    for (const m of marks) {
      const k = `${m.side}|${m.layer}`;
      cells.set(k, [...(cells.get(k) ?? []), m]);
    }
    const out = new Map<string, string>();
    for (const list of cells.values()) {
      if (list.length > STACK_LIMIT) {
        const top = list.reduce((a, b) =>
          b.datagram > a.datagram || (b.datagram === a.datagram && b.order > a.order) ? b : a,
        );
        const n = list.reduce((t, m) => t + m.count, 0);
        out.set(top.key, `${num(n)} packets`);
      } else if (width >= 640)
        for (const m of list)
          out.set(m.key, m.count > 1 ? `×${num(m.count)}` : `${m.label} · ${num(m.len)} B`);
    }
    return out;
  }, [marks, width]);

  // The frame writer the animation hook calls (no React render per frame). Set in a layout
  // effect: it runs before the parent's effects, where the clock draws.
  const { xPx, yPx } = g;
  const half = colW / 2;
  // packets sit below the cell's title line
  const titleRoom = width < 640 ? 9 : 8;
  useLayoutEffect(() => {
    drawRef.current = (t: number) => {
      const frame = positionAt(timeline, t);
      for (const p of frame.packets) {
        const el = els.current.get(p.key);
        const s = shapes.get(p.key);
        if (!el || !s) continue;
        el.setAttribute(
          'transform',
          `translate(${(xPx(p.x) - half + 10).toFixed(1)},${(yPx(p.y) + titleRoom - s.h / 2).toFixed(1)})`,
        );
        el.style.opacity = p.opacity.toFixed(2);
      }
    };
  });

  const cellX = (side: Side) => g.xPx(side === 'tx' ? 0.25 : 0.75) - colW / 2;
  const active = stop ? `${stop.side}|${stop.layer}` : '';
  const rq = stop?.rcvq;
  return (
    <svg
      className="journey-svg"
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
    >
      <text className="jd-col" x={g.xPx(0.25)} y={18} textAnchor="middle">
        {fmt(intl, W.col, { side: 'tx', addr: ADDR })}
      </text>
      <text className="jd-col" x={g.xPx(0.75)} y={18} textAnchor="middle">
        {fmt(intl, W.col, { side: 'rx', addr: ADDR })}
      </text>
      {(['tx', 'rx'] as const).map((side) =>
        LAYERS.filter((l) => l !== 'wire').map((layer, i) => {
          const y = g.top + i * g.rowH + 3;
          const on = active === `${side}|${layer}`;
          return (
            <g key={`${side}-${layer}`} className={`jd-cell${on ? ' is-active' : ''}`}>
              <rect x={cellX(side)} y={y} width={colW} height={g.rowH - 6} rx={8} />
              <text x={cellX(side) + 8} y={y + 14} className="jd-layer">
                {/* narrow: the active cell shows its function instead (the step card names the layer) */}
                {width < 640 && on ? '' : layerName(layer)}
                {width >= 640 && !on && (
                  <tspan className="jd-hint" dx={6}>
                    {layerHint(layer)}
                  </tspan>
                )}
              </text>
              {on && stop && (
                <text
                  x={width < 640 ? cellX(side) + 8 : cellX(side) + colW - 8}
                  y={y + 14}
                  className="jd-fn"
                  textAnchor={width < 640 ? 'start' : 'end'}
                >
                  {callText(stop.fn)}
                </text>
              )}
            </g>
          );
        }),
      )}
      <g className={`jd-wire${active.endsWith('|wire') ? ' is-active' : ''}`}>
        <line x1={g.xPx(0.25)} x2={g.xPx(0.75)} y1={g.yPx(5)} y2={g.yPx(5)} />
        <line x1={g.xPx(0.25)} x2={g.xPx(0.25)} y1={g.yPx(4) + g.rowH / 2 - 3} y2={g.yPx(5)} />
        <line x1={g.xPx(0.75)} x2={g.xPx(0.75)} y1={g.yPx(4) + g.rowH / 2 - 3} y2={g.yPx(5)} />
        <text x={g.xPx(0.5)} y={g.yPx(5) + g.rowH / 2 + 10} textAnchor="middle" className="jd-layer">
          {plain(intl, W.wireLabel)}
        </text>
      </g>
      {rq && (
        <g className="jd-rq" transform={`translate(${cellX('rx') + 8},${g.top + g.rowH * 2 - 12})`}>
          <rect width={colW - 16} height={5} rx={2} className="jd-rq-track" />
          <rect
            width={Math.min(1, rq.rmem / Math.max(1, rq.rcvbuf)) * (colW - 16)}
            height={5}
            rx={2}
            className={`jd-rq-fill${rq.rmem > rq.rcvbuf ? ' is-over' : ''}`}
          />
          <text className="jd-hint" x={colW - 16} y={-3} textAnchor="end">
            {rqText(width < 640, rq.rmem, rq.rcvbuf)}
          </text>
        </g>
      )}
      {grouped && (
        <text className="jd-hint" x={width - g.pad} y={g.height - 4} textAnchor="end">
          {fmt(intl, W.grouped, {
            n: stop?.packets.filter((p) => p.datagram === stop.datagram).length ?? 0,
          })}
        </text>
      )}
      <g className="jd-marks">
        {marks.map((m) => {
          const s = shapes.get(m.key);
          if (!s) return null;
          return (
            <g
              key={m.key}
              ref={(el) => {
                if (el) els.current.set(m.key, el);
                else els.current.delete(m.key);
              }}
              className={`jm jm-${m.status}`}
            >
              {s.parts.map((p, i) => (
                <rect key={i} x={p.x} y={0} width={p.w} height={s.h} fill={kindFill(p.kind)} />
              ))}
              <rect className="jm-outline" x={0} y={0} width={s.w} height={s.h} rx={1.5} />
              {m.status === 'dropped' && (
                <path className="jm-x" d={`M${s.w / 2 - 5},${s.h / 2 - 5}l10,10m0,-10l-10,10`} />
              )}
              {labelled.has(m.key) && s.h >= 4 && (
                <text
                  x={s.w + 4}
                  y={s.h / 2 + 3.5}
                  className={s.h < 8 ? 'jm-label jm-label--small' : 'jm-label'}
                >
                  {labelled.get(m.key)}
                </text>
              )}
            </g>
          );
        })}
      </g>
    </svg>
  );
}
