/** The frame of a home page picture: a small SVG drawn from the core's result, and what it shows in words. */
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { fmt } from '../../i18n/format.tsx';
import { HOME } from '../words.ts';
import { runBars } from './layout.ts';

/** The width of every picture's drawing (viewBox units; the card scales it). */
export const PIC_W = 300;

export function Figure({
  height,
  caption,
  children,
}: {
  height: number;
  caption: ReactNode;
  children: ReactNode;
}) {
  const intl = useIntl();
  return (
    <figure className="home-pic">
      <svg
        viewBox={`0 0 ${PIC_W} ${height}`}
        aria-hidden="true"
        focusable="false"
        data-home-picture=""
        preserveAspectRatio="xMinYMin meet"
      >
        {children}
      </svg>
      <figcaption>
        <span className="home-pic-live">{fmt(intl, HOME.live)}</span> {caption}
      </figcaption>
    </figure>
  );
}

/** Whether a label of `text` fits a box `w` wide (the pictures' 11-unit font, about 6.6 units a glyph). */
export function fits(text: string, w: number): boolean {
  return text.length * 6.6 + 6 <= w;
}

export interface Seg {
  /** The colour: a kind of bytes (`eth`, `ip`, `udp`, `payload`…), `room`, `ok`, `bad`. */
  kind: string;
  bytes: number;
  /** The label inside, when it fits (else the byte count, else nothing). */
  label?: string;
}

/** A row of byte runs laid end to end across the picture. */
export function SegmentRow({
  y,
  h,
  segs,
  min = 24,
  x0 = 0,
  width = PIC_W,
}: {
  y: number;
  h: number;
  segs: readonly Seg[];
  min?: number;
  x0?: number;
  width?: number;
}) {
  const bars = runBars(
    segs.map((s) => s.bytes),
    width,
    min,
  );
  return (
    <g>
      {segs.map((s, i) => {
        const b = bars[i];
        if (!b) return null;
        const text = [s.label, String(s.bytes)].find((t) => t !== undefined && fits(t, b.w - 1));
        return (
          <g key={i}>
            <rect
              className={`home-seg home-seg--${s.kind}`}
              x={x0 + b.x + 0.5}
              y={y}
              width={Math.max(0, b.w - 1)}
              height={h}
              rx={2}
            />
            {text !== undefined && (
              <text
                className={`home-seg-text home-seg-text--${s.kind}`}
                x={x0 + b.x + b.w / 2}
                y={y + h / 2 + 4}
                textAnchor="middle"
              >
                {text}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}

/** The label of a kind of bytes in a packet (protocol names, as the labs' diagrams print them). */
export function kindLabel(kind: string, bytes: number): string | undefined {
  const name: Record<string, string> = {
    eth: 'Eth',
    ip: 'IP',
    ipopt: 'opt',
    ip6: 'IPv6',
    frag6: 'frag',
    udp: 'UDP',
  };
  const n = name[kind];
  return n === undefined ? undefined : `${n} ${bytes}`;
}
