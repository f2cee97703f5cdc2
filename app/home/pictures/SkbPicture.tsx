/** The sk_buff card: the buffer after the default sequence, headroom to tailroom (core/skb). */
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { codeChunks, fmtNode } from '../../i18n/format.tsx';
import { createSkbStore } from '../../labs/Skb/store.ts';
import { HOME } from '../words.ts';
import { Figure, PIC_W, SegmentRow, kindLabel } from './Figure.tsx';
import type { Seg } from './Figure.tsx';
import { runBars } from './layout.ts';

export default function SkbPicture() {
  const intl = useIntl();
  const [f] = useState(() => createSkbStore().getState().run.final);
  const { skb, headroom, tailroom } = f;
  const segs: Seg[] = [
    { kind: 'room', bytes: headroom },
    ...skb.regions
      .filter((r) => r.end > r.start)
      .map((r) => ({ kind: r.kind, bytes: r.end - r.start, label: kindLabel(r.kind, r.end - r.start) })),
    { kind: 'room', bytes: tailroom },
  ];
  // The pointers under the bar: head and tail on one line, data and end on the next (never overlapping).
  const bars = runBars(
    segs.map((s) => s.bytes),
    PIC_W,
    40,
  );
  const dataX = bars[1]?.x ?? 0;
  const tail = bars[bars.length - 1];
  const caption = fmtNode(intl, HOME.capSkb, { len: skb.len, headroom, tailroom, code: codeChunks });
  return (
    <Figure height={66} caption={caption}>
      <SegmentRow y={2} h={24} min={40} segs={segs} />
      <text className="home-pic-code" x={0} y={42}>
        head
      </text>
      {tail && (
        <text className="home-pic-code" x={tail.x + 2} y={42}>
          tail
        </text>
      )}
      <text className="home-pic-code" x={dataX + 2} y={58}>
        data
      </text>
      <text className="home-pic-code" x={PIC_W} y={58} textAnchor="end">
        end
      </text>
    </Figure>
  );
}
