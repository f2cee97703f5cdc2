/** The pieces every sk_buff drawing is made of: pointer markers, regions, and the bytes of data. */
import type { Region, SkbSnapshot } from '../../../core/skb/index.ts';
import { KIND_LABEL, kindFill, kindInk } from '../kinds.tsx';
import { SHORT, fitLabel, gaps, isStale, placeMarks } from './geometry.ts';
import type { Mark, X } from './geometry.ts';

export function Markers({
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

export function RegionRect({
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

export function Bytes({
  s,
  x,
  y,
  h,
  labelled,
}: {
  s: SkbSnapshot;
  x: X;
  y: number;
  h: number;
  labelled: boolean;
}) {
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
