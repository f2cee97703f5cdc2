/**
 * One sk_buff, large — head | headroom | data | tailroom | end | skb_shared_info, a magnified strip
 * of the bytes around data so 8-byte headers stay readable, and the four pointers with their values.
 * d3-scale computes positions (geometry.ts decides what goes where); React owns every element.
 * Position changes ease through CSS transitions, which the global prefers-reduced-motion rule
 * switches off.
 */
import { useEffect, useState } from 'react';
import { scaleLinear } from 'd3-scale';
import { SHINFO_SIZE, skbHeadroom, skbTailroom } from '../../../core/skb/index.ts';
import type { SkbSnapshot } from '../../../core/skb/index.ts';
import { useElementWidth } from '../../hooks/useElementWidth.ts';
import { num } from '../../format.ts';
import { BIG, fitLabel, markRows, zoomTicks, zoomWindow } from './geometry.ts';
import type { Mark } from './geometry.ts';
import { Bytes, Markers } from './parts.tsx';

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

  const { from: zs, to: ze, any: hasZoom } = zoomWindow(skb);
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
  const rows = markRows(marks, x, 4);
  const h = markY + 22 + rows * BIG.rowH;

  // Offsets above the magnified strip: where each region and data/tail begin and end.
  const shownTicks = zoomTicks(skb, z);

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
