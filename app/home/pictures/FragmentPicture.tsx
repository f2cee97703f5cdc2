/** The Fragmentation card: the default send's packets on the wire, at their offsets (core/ip ipSend). */
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { codeChunks, fmtNode } from '../../i18n/format.tsx';
import { createFragmentStore } from '../../labs/Fragment/store.ts';
import { HOME } from '../words.ts';
import { Figure, PIC_W, fits } from './Figure.tsx';
import { rangeBars } from './layout.ts';

export default function FragmentPicture() {
  const intl = useIntl();
  // The lab's own store with its defaults: the same case the lab opens with.
  const [r] = useState(() => createFragmentStore().getState().result);
  if (!r) return null;
  const offsets = r.wire.map((w) => (w.family === 'inet' ? w.offset : (w.frag?.offset ?? 0)));
  const bars = rangeBars(
    r.wire.map((w) => w.range),
    r.datagramLength,
    PIC_W,
  );
  const caption = fmtNode(intl, HOME.capFragment, {
    len: r.datagramLength,
    mtu: r.input.mtu,
    n: r.wire.length,
    offsets: intl.formatList(offsets.map(String)),
    code: codeChunks,
  });
  return (
    <Figure height={56} caption={caption}>
      {r.wire.map((w, i) => {
        const b = bars[i];
        if (!b) return null;
        const bytes = String(w.range.to - w.range.from);
        const off = String(offsets[i] ?? 0);
        return (
          <g key={i}>
            <rect
              className="home-seg home-seg--payload"
              x={b.x + 1}
              y={4}
              width={Math.max(0, b.w - 2)}
              height={28}
              rx={2}
            />
            {fits(bytes, b.w) && (
              <text className="home-seg-text" x={b.x + b.w / 2} y={22} textAnchor="middle">
                {bytes}
              </text>
            )}
            {fits(off, b.w) && (
              <text className="home-pic-note" x={b.x + 2} y={48}>
                {off}
              </text>
            )}
          </g>
        );
      })}
    </Figure>
  );
}
