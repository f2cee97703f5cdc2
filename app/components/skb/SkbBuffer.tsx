/**
 * One sk_buff, large — head | headroom | data | tailroom | end | skb_shared_info, a magnified strip
 * of the bytes around data so 8-byte headers stay readable, and the four pointers with their values.
 * d3-scale computes positions (geometry.ts decides what goes where); React owns every element.
 * Position changes ease through CSS transitions, which the global prefers-reduced-motion rule
 * switches off.
 */
import './SkbPanel.css';
import { useEffect, useState } from 'react';
import { SHINFO_SIZE } from '../../../core/skb/alloc.ts';
import { skbHeadroom, skbTailroom } from '../../../core/skb/types.ts';
import type { SkbSnapshot } from '../../../core/skb/index.ts';
import { useElementWidth } from '../../hooks/useElementWidth.ts';
import { num } from '../../format.ts';
import {
  BIG,
  BIG_CHAR_PX,
  MIN_PX,
  fitLabel,
  markRows,
  minWidthScale,
  pointerMarks,
  zoomTicks,
  zoomWindow,
} from './geometry.ts';
import { Bytes, Markers } from './parts.tsx';
import { SKB_PANEL_WORDS as SW, shinfoTitle, usePlainText } from './words.ts';

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
  const txt = usePlainText();
  const [ref, width] = useElementWidth<HTMLDivElement>(640);
  const live = useLive();
  const W = Math.max(240, width);
  const pad = 6;
  const total = skb.end + SHINFO_SIZE;
  // Every stretch (headroom, each region, tailroom, skb_shared_info) at least MIN_PX wide.
  const inBuffer = (v: number) => v >= 0 && v <= skb.end;
  const x = minWidthScale(
    [0, skb.data, skb.tail, skb.end, total, ...skb.regions.flatMap((r) => [r.start, r.end]).filter(inBuffer)],
    pad,
    W - pad,
    MIN_PX,
  );
  const headroom = skbHeadroom(skb);
  const tailroom = skbTailroom(skb);

  const { from: zs, to: ze, any: hasZoom } = zoomWindow(skb);
  const z = minWidthScale(
    [zs, Math.max(ze, zs + 1), skb.data, skb.tail, ...skb.regions.flatMap((r) => [r.start, r.end])].filter(
      (v) => v >= zs && v <= Math.max(ze, zs + 1),
    ),
    pad,
    W - pad,
    MIN_PX,
  );

  const barY = BIG.zoomTop + BIG.zoomH + BIG.gap;
  const markY = barY + BIG.barH;
  const moved = (k: 'data' | 'tail' | 'end') => previous !== undefined && previous[k] !== skb[k];
  const marks = pointerMarks(skb, moved);
  // A headroom or tailroom too narrow for its name is named under the bar, with the pointers.
  const rooms: [string, string, number, number, number][] = [
    ['headroom', txt(SW.headroom), headroom, 0, skb.data],
    ['tailroom', txt(SW.tailroom), tailroom, skb.tail, skb.end],
  ];
  for (const [key, name, n, from, to] of rooms)
    if (n > 0 && !fitLabel([name], n, x(to) - x(from)))
      marks.push({ name: key, at: (from + to) / 2, text: `${name} ${num(n)}`, kind: 'region' });
  const rows = markRows(marks, x, W, BIG_CHAR_PX);
  const h = markY + 22 + rows * BIG.rowH;

  // Offsets above the magnified strip: where each region and data/tail begin and end.
  const shownTicks = zoomTicks(skb, z, BIG_CHAR_PX);

  const roomLabel = (name: string, n: number, from: number, to: number) => {
    const w = x(to) - x(from);
    const t = fitLabel([name], n, w, BIG_CHAR_PX);
    return t ? (
      <text x={x(from) + w / 2} y={barY + BIG.barH / 2} dy="0.35em" textAnchor="middle" className="room-text">
        {t}
      </text>
    ) : null;
  };
  const shinfoW = x(total) - x(skb.end);
  const shinfoText = fitLabel(['skb_shared_info', 'shinfo', 'sh'], null, shinfoW, BIG_CHAR_PX);
  const desc =
    label ??
    txt(SW.bufferLabel, {
      data: skb.data,
      tail: skb.tail,
      end: skb.end,
      headroom,
      len: skb.len,
      tailroom,
    });

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
            <Bytes s={skb} x={z} y={BIG.zoomTop} h={BIG.zoomH} labelled charPx={BIG_CHAR_PX} />
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
            {txt(SW.zoomEmpty)}
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
        {roomLabel(txt(SW.headroom), headroom, 0, skb.data)}
        {roomLabel(txt(SW.tailroom), tailroom, skb.tail, skb.end)}
        <rect x={x(0)} y={barY} width={x(skb.end) - x(0)} height={BIG.barH} className="skb-outline" />
        <g className="shinfo">
          <title>{shinfoTitle(txt, skb)}</title>
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
        <Markers marks={marks} x={x} y={markY} rowH={BIG.rowH} width={W} charPx={BIG_CHAR_PX} />
      </svg>
    </div>
  );
}
