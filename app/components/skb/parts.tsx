/** The pieces every sk_buff drawing is made of: pointer markers, regions, and the bytes of data. */
import type { Region, SkbSnapshot } from '../../../core/skb/index.ts';
import { kindFill, kindInk, kindLabels } from '../kinds.tsx';
import { useLocale } from '../../i18n/locale.ts';
import { SHORT, fitLabel, gaps, isStale, placeMarks } from './geometry.ts';
import type { Mark, X } from './geometry.ts';
import { SKB_PANEL_WORDS as W, usePlainText } from './words.ts';

export function Markers({
  marks,
  x,
  y,
  rowH,
  width,
  charPx,
}: {
  marks: readonly Mark[];
  x: X;
  y: number;
  rowH: number;
  width: number;
  /** How wide a character of the labels is (the large drawing's text is larger). */
  charPx?: number;
}) {
  const placed = placeMarks(marks, x, width, charPx);
  const labelTop = (row: number) => y + 7 + row * rowH;
  return (
    <g className="skb-marks">
      {/* Lines first, labels (on a background) after: a deeper mark's line passes under a label. */}
      {placed.map((m) => (
        <g
          key={m.name}
          className={`skb-mark${m.moved ? ' skb-mark--moved' : ''}${m.kind === 'region' ? ' skb-mark--region' : ''}`}
          style={{ transform: `translate(${m.px}px, 0px)` }}
        >
          <line y1={y - 4} y2={labelTop(m.row) - 1} />
          {m.kind !== 'region' && <circle cy={y - 4} r={2.2} />}
        </g>
      ))}
      {placed.map((m) => (
        <g
          key={`${m.name}-label`}
          className={`skb-mark skb-mark-label${m.moved ? ' skb-mark--moved' : ''}`}
          style={{ transform: `translate(${m.cx}px, 0px)` }}
        >
          <rect
            x={-m.w / 2 - 2}
            y={labelTop(m.row)}
            width={m.w + 4}
            height={rowH - 1}
            className="skb-mark-bg"
          />
          <text y={y + 16 + m.row * rowH} textAnchor="middle">
            {m.text}
          </text>
        </g>
      ))}
    </g>
  );
}

/** The longest name of each kind inside a region, in the page's language (SHORT has the shorter ones). */
const KIND_NAME: Partial<Record<Region['kind'], { id: string }>> = {
  eth: W.kindEth,
  ipopt: W.kindIpopt,
  frag6: W.kindFrag6,
  payload: W.kindPayload,
};

/** A kind's names, longest first: the first in the page's language (IPv4, UDP are the same in all). */
function kindNames(kind: Region['kind'], txt: ReturnType<typeof usePlainText>): readonly string[] {
  const d = KIND_NAME[kind];
  return d ? [txt(d), ...SHORT[kind].slice(1)] : SHORT[kind];
}

export function RegionRect({
  r,
  x,
  y,
  h,
  offset = 0,
  stale,
  labelled,
  charPx,
}: {
  r: Region;
  x: X;
  y: number;
  h: number;
  offset?: number;
  stale?: boolean;
  labelled?: boolean;
  charPx?: number;
}) {
  const txt = usePlainText();
  const locale = useLocale();
  const x0 = x(offset + r.start);
  const w = Math.max(0.75, x(offset + r.end) - x0);
  const label = labelled ? fitLabel(kindNames(r.kind, txt), r.end - r.start, w, charPx) : null;
  return (
    <g className={`skb-region${stale ? ' skb-region--stale' : ''}`}>
      <title>
        {txt(W.regionTitle, {
          kind: kindLabels(locale)[r.kind],
          bytes: r.end - r.start,
          range: r.from !== undefined && r.to !== undefined ? 'yes' : 'no',
          from: r.from,
          to: r.to,
          stale: stale ? 'yes' : 'no',
        })}
      </title>
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
  charPx,
}: {
  s: SkbSnapshot;
  x: X;
  y: number;
  h: number;
  labelled: boolean;
  charPx?: number;
}) {
  const txt = usePlainText();
  return (
    <>
      {gaps(s).map((g) => {
        const w = Math.max(0.75, x(g.end) - x(g.start));
        const label = labelled ? fitLabel([txt(W.gapName), '?'], g.end - g.start, w, charPx) : null;
        return (
          <g key={`gap${g.start}`} className="skb-region skb-region--plain">
            <title>{txt(W.gapTitle, { bytes: g.end - g.start })}</title>
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
          charPx={charPx}
        />
      ))}
    </>
  );
}
