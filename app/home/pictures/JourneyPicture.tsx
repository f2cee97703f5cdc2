/** The Journey card: one datagram's packets on the wire, header by header (core/journey runJourney). */
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { codeChunks, fmtNode } from '../../i18n/format.tsx';
import { createJourneyStore } from '../../labs/Journey/store.ts';
import { HOME } from '../words.ts';
import { Figure, SegmentRow, kindLabel } from './Figure.tsx';

const ROWS = 4;
const ROW = 24;

export default function JourneyPicture() {
  const intl = useIntl();
  const [j] = useState(() => createJourneyStore().getState().result?.journey ?? null);
  if (!j) return null;
  // The stop with the most packets on the wire: the datagram as it travels.
  let wire = j.stops[0]?.packets.filter((p) => p.side === 'wire') ?? [];
  for (const s of j.stops) {
    const w = s.packets.filter((p) => p.side === 'wire');
    if (w.length > wire.length) wire = w;
  }
  const shown = wire.slice(0, ROWS);
  const caption =
    wire.length > 1
      ? fmtNode(intl, HOME.capJourney, { n: wire.length, code: codeChunks })
      : fmtNode(intl, HOME.capJourneyOne, { code: codeChunks });
  return (
    <Figure height={shown.length * ROW + 2} caption={caption}>
      {shown.map((p, i) => (
        <SegmentRow
          key={p.key}
          y={i * ROW + 2}
          h={ROW - 6}
          min={50}
          segs={p.segments.map((s) => ({ kind: s.kind, bytes: s.bytes, label: kindLabel(s.kind, s.bytes) }))}
        />
      ))}
    </Figure>
  );
}
