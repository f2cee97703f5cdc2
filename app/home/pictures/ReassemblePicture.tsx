/** The Reassembly card: the default fragments in arrival order, at their offsets (core/ip ipDefrag). */
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { codeChunks, fmtNode } from '../../i18n/format.tsx';
import { createReassembleStore } from '../../labs/Reassemble/store.ts';
import { HOME } from '../words.ts';
import { Figure, PIC_W, fits } from './Figure.tsx';
import { rangeBars } from './layout.ts';

/** At most this many arrivals are drawn (a long list still fits the card). */
const ROWS = 6;
const ROW = 16;

export default function ReassemblePicture() {
  const intl = useIntl();
  const [r] = useState(() => createReassembleStore().getState().result);
  if (!r) return null;
  const offsets = [...new Set(r.arrivals.map((a) => a.offset))].sort((a, b) => a - b);
  const number = (offset: number) => offsets.indexOf(offset) + 1;
  const shown = r.arrivals.slice(0, ROWS);
  const labelW = 26;
  const bars = rangeBars(
    shown.map((a) => ({ from: a.offset, to: a.offset + a.length })),
    r.datagramLength,
    PIC_W - labelW,
  );
  const whole = r.delivered.length > 0;
  const caption = fmtNode(intl, HOME.capReassemble, {
    order: intl.formatList(r.arrivals.map((a) => String(number(a.offset)))),
    delivered: r.delivered.length,
    code: codeChunks,
  });
  const height = (shown.length + (whole ? 1 : 0)) * ROW + 4;
  return (
    <Figure height={height} caption={caption}>
      {shown.map((a, i) => {
        const b = bars[i];
        if (!b) return null;
        const kind = a.verdict === 'completed' || a.verdict === 'queued' ? 'payload' : 'bad';
        const n = String(number(a.offset));
        return (
          <g key={i}>
            <text className="home-pic-note" x={0} y={i * ROW + 13}>
              {`${i + 1}.`}
            </text>
            <rect
              className={`home-seg home-seg--${kind}`}
              x={labelW + b.x + 0.5}
              y={i * ROW + 2}
              width={Math.max(1, b.w - 1)}
              height={ROW - 4}
              rx={2}
            />
            {fits(n, b.w) ? (
              <text className="home-seg-text" x={labelW + b.x + b.w / 2} y={i * ROW + 13} textAnchor="middle">
                {n}
              </text>
            ) : (
              // Too narrow for its number: beside it, on the side with room.
              <text
                className="home-pic-note"
                x={b.x > (PIC_W - labelW) / 2 ? labelW + b.x - 3 : labelW + b.x + b.w + 3}
                y={i * ROW + 13}
                textAnchor={b.x > (PIC_W - labelW) / 2 ? 'end' : 'start'}
              >
                {n}
              </text>
            )}
          </g>
        );
      })}
      {whole && (
        <g>
          <text className="home-pic-note" x={0} y={shown.length * ROW + 13}>
            ✓
          </text>
          <rect
            className="home-seg home-seg--ok"
            x={labelW + 0.5}
            y={shown.length * ROW + 2}
            width={PIC_W - labelW - 1}
            height={ROW - 4}
            rx={2}
          />
        </g>
      )}
    </Figure>
  );
}
