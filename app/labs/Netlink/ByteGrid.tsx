/**
 * The buffer byte by byte in memory order (so a little-endian `nlmsg_len = 32` reads `20 00 00 00`),
 * coloured like the layout, the selected message bright and the others dimmed. Windowed: only
 * the rows in view are in the DOM, so a 64 KiB dump is ~30 rows of spans, not 65,536.
 * Pointer or keyboard cursor on a byte lights its field everywhere; a click selects its message.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useElementWidth } from '../../hooks/useElementWidth.ts';
import { num } from '../../format.ts';
import { isLit, useHighlight } from './highlight.ts';
import { W, useNlWords } from './words.ts';
import { paintOf } from './BitLayout.tsx';
import type { LeafField } from './layout.ts';

const ROW_H = 22;
const VISIBLE = 14;

const h2 = (b: number) => b.toString(16).padStart(2, '0');
const ascii = (b: number) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '·');

/** The byte offset a pointer event's target stands for (a byte's span), or null. */
function offsetOf(target: EventTarget): number | null {
  const o = (target as HTMLElement).dataset?.offset;
  return o === undefined ? null : Number(o);
}

/**
 * One row of the grid, memoised on what it shows: `cells` is each byte's classes and hex, `|`
 * between bytes, so a one-digit edit re-renders the row it changed (and a move of the selection
 * or the light the rows whose look changed), not the thirty on screen.
 */
const GridRow = memo(function GridRow({
  r,
  base,
  cells,
  ascii: chars,
}: {
  r: number;
  base: number;
  cells: string;
  ascii: string | null;
}) {
  return (
    <div className="nl-grid-row" style={{ transform: `translateY(${r * ROW_H}px)` }}>
      <span className="nl-grid-off">{base.toString(16).padStart(4, '0')}</span>
      <span className="nl-grid-bytes">
        {cells.split('|').map((c, i) => {
          const sp = c.lastIndexOf(' ');
          return (
            <span key={base + i} className={c.slice(0, sp)} data-offset={base + i}>
              {c.slice(sp + 1)}
            </span>
          );
        })}
      </span>
      {chars !== null && <span className="nl-grid-ascii">{chars}</span>}
    </div>
  );
});

export function ByteGrid({
  bytes,
  at,
  selected,
  range,
  onSelectMessage,
}: {
  bytes: Uint8Array;
  at: (o: number) => { field: LeafField; message: number } | null;
  selected: number;
  /** The selected message's bytes [from, to). */
  range: { from: number; to: number } | null;
  onSelectMessage: (i: number) => void;
}) {
  const { t, s, shown } = useNlWords();
  const [wrapRef, width] = useElementWidth<HTMLDivElement>();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [cursor, setCursor] = useState<number | null>(null);
  const { hl, setHl, revealed } = useHighlight();
  const cols = width >= 470 ? 16 : 8;
  const showAscii = width >= 640;
  const rows = Math.ceil(bytes.length / cols);
  const height = Math.min(Math.max(rows, 1), VISIBLE) * ROW_H;
  const first = Math.max(0, Math.floor(scrollTop / ROW_H) - 3);
  const last = Math.min(rows, Math.ceil((scrollTop + height) / ROW_H) + 3);

  const scrollToByte = (o: number, align: 'top' | 'nearest') => {
    const el = scrollRef.current;
    if (!el) return;
    const y = Math.floor(o / cols) * ROW_H;
    if (align === 'top') el.scrollTop = Math.max(0, y - ROW_H);
    else if (y < el.scrollTop) el.scrollTop = y;
    else if (y + ROW_H > el.scrollTop + el.clientHeight) el.scrollTop = y + ROW_H - el.clientHeight;
    setScrollTop(el.scrollTop);
  };

  // A revealed range (a diagnostic, a newly selected message) scrolls into view.
  useEffect(() => {
    if (revealed) scrollToByte(revealed.from, 'top');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [revealed]);

  // Bytes lit from elsewhere (the layout, the table) scroll into view unless some are showing.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || !hl || hl.to <= hl.from) return;
    const y0 = Math.floor(hl.from / cols) * ROW_H;
    const y1 = Math.floor((hl.to - 1) / cols) * ROW_H + ROW_H;
    if (y1 > el.scrollTop && y0 < el.scrollTop + el.clientHeight) return;
    scrollToByte(hl.from, 'nearest');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hl, cols]);

  const light = (o: number | null) => {
    if (o === null) return setHl(null);
    const hit = at(o);
    setHl(
      hit
        ? { key: hit.field.key, from: hit.field.offset, to: hit.field.offset + hit.field.size }
        : { key: null, from: o, to: o + 1 },
    );
  };

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (bytes.length === 0) return;
    const c = cursor ?? range?.from ?? 0;
    const moves: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      ArrowDown: cols,
      ArrowUp: -cols,
      PageDown: cols * VISIBLE,
      PageUp: -cols * VISIBLE,
    };
    let n: number | null = null;
    if (e.key in moves) n = c + moves[e.key]!;
    else if (e.key === 'Home') n = 0;
    else if (e.key === 'End') n = bytes.length - 1;
    else if (e.key === 'Enter' || e.key === ' ') {
      const hit = at(c);
      if (hit) onSelectMessage(hit.message);
      e.preventDefault();
      return;
    } else return;
    e.preventDefault();
    n = Math.max(0, Math.min(bytes.length - 1, n));
    setCursor(n);
    light(n);
    scrollToByte(n, 'nearest');
  };

  const cursorHit = cursor !== null ? at(cursor) : null;
  const lines = useMemo(() => {
    const out: number[] = [];
    for (let r = first; r < last; r++) out.push(r);
    return out;
  }, [first, last]);

  return (
    <div className="nl-grid" ref={wrapRef}>
      <div className="nl-grid-head" aria-hidden="true" style={{ ['--cols' as string]: cols }}>
        <span className="nl-grid-off">{t(W.gridOffset)}</span>
        <span className="nl-grid-bytes">
          {Array.from({ length: cols }, (_, i) => (
            <span key={i}>{h2(i)}</span>
          ))}
        </span>
        {showAscii && <span className="nl-grid-ascii">ASCII</span>}
      </div>
      <div
        ref={scrollRef}
        className="nl-grid-scroll"
        style={{ height, ['--cols' as string]: cols }}
        tabIndex={0}
        role="group"
        aria-label={s(W.gridLabel, { n: bytes.length })}
        aria-describedby="nl-grid-cursor"
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        onKeyDown={onKey}
        onBlur={() => {
          setCursor(null);
          setHl(null);
        }}
        onMouseLeave={() => setHl(null)}
        // One listener for every byte (the rows are memoised and hold none): a byte's offset is on it.
        onMouseOver={(e) => {
          const o = offsetOf(e.target);
          if (o !== null) light(o);
        }}
        onClick={(e) => {
          const o = offsetOf(e.target);
          if (o === null) return;
          const hit = at(o);
          if (hit && hit.message !== selected) onSelectMessage(hit.message);
          setCursor(o);
        }}
      >
        <div style={{ height: rows * ROW_H, position: 'relative' }}>
          {lines.map((r) => {
            const base = r * cols;
            const cells: string[] = [];
            let chars = '';
            for (let i = 0; i < cols && base + i < bytes.length; i++) {
              const o = base + i;
              const b = bytes[o]!;
              const hit = at(o);
              const inSel = range !== null && o >= range.from && o < range.to;
              cells.push(
                [
                  'nl-byte',
                  hit ? `nl-byte--${paintOf(hit.field)}` : 'nl-byte--none',
                  inSel ? '' : 'is-dim',
                  isLit(hl, o) ? 'is-lit' : '',
                  cursor === o ? 'is-cursor' : '',
                  hit && hit.field.offset === o ? 'is-start' : '',
                ]
                  .filter(Boolean)
                  .join(' ') + ` ${h2(b)}`,
              );
              chars += ascii(b);
            }
            return (
              <GridRow key={r} r={r} base={base} cells={cells.join('|')} ascii={showAscii ? chars : null} />
            );
          })}
        </div>
      </div>
      <p className="nl-grid-cursor" id="nl-grid-cursor" aria-live="polite">
        {cursor !== null
          ? cursorHit
            ? t(W.gridCursorField, {
                n: num(cursor),
                hexOffset: cursor.toString(16),
                value: h2(bytes[cursor] ?? 0),
                group: cursorHit.field.group,
                name: cursorHit.field.name,
                display: shown(cursorHit.field),
              })
            : t(W.gridCursor, {
                n: num(cursor),
                hexOffset: cursor.toString(16),
                value: h2(bytes[cursor] ?? 0),
              })
          : hl
            ? t(W.gridLit, { from: num(hl.from), to: num(hl.to - 1) })
            : t(W.gridHint)}
      </p>
    </div>
  );
}
