/**
 * The bit-level layout of one message: 32-bit rows under a 0–31 bit ruler, each field a box over
 * its bits (split where it crosses a row), padding hatched, long payloads elided to one "⋮" row.
 * Rows are drawn in memory order from the message's first byte; a multi-byte field's box covers
 * its bytes whatever the byte order (the byte grid beside it shows the order honestly).
 * React owns every element; only the selected message is drawn.
 */
import { MW } from './msghdr-words.ts';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { NlMessage } from '../../../core/netlink/index.ts';
import { useElementWidth } from '../../hooks/useElementWidth.ts';
import type { MessageDescriptor } from 'react-intl';
import { num } from '../../format.ts';
import { W, useNlWords } from './words.ts';
import type { NlWords } from './words.ts';
import { useEmbedView } from '../../lab-kit/index.ts';
import type { EmbedViewName } from '../../lab-kit/index.ts';
import { useHighlight } from './highlight.ts';
import { layoutRows, wrapLabel } from './layout.ts';
import type { FieldKind, LayoutRow, LeafField } from './layout.ts';

const RULER = 34;
/** A row's least height (two lines of text), and each line of a label. */
const ROW = 46;
const LINE = 17;
/** The widest a character of the 12 px labels is (bold mono). */
const CHAR_PX = 7.4;
/** A value gets at most this many lines in a box (the fields table has it whole). */
const VALUE_LINES = 3;
const ELIDED = 26;
const GUTTER = 62;
const RIGHT = 6;
const FIRST_ROWS = 128;
/** Taller than this, the layout scrolls in its box (builder.css: shorter in an embed's views). */
const LONG: Record<EmbedViewName, number> = { full: 860, compact: 400, diagram: 380 };

export type Paint = 'hdr' | 'fam' | 'attr' | 'payload' | 'pad' | 'echo' | 'err';

export function paintOf(f: Pick<LeafField, 'kind' | 'group'>): Paint {
  if (f.group.startsWith('echoed')) return 'echo';
  // nlmsgerr.error: the core files it as payload of the message; it gets a colour of its own.
  if (f.group === 'nlmsgerr') return 'err';
  const k: FieldKind = f.kind;
  if (k === 'pad') return 'pad';
  if (k === 'family-header') return f.group === 'nlmsgerr' ? 'err' : 'fam';
  if (k === 'attr-header') return 'attr';
  if (k === 'payload') return 'payload';
  if (k === 'error') return 'err';
  return 'hdr';
}

export const PAINT_LABEL: Record<Paint, MessageDescriptor> = {
  hdr: W.paintHdr,
  fam: W.paintFam,
  err: W.paintErr,
  echo: W.paintEcho,
  attr: W.paintAttr,
  payload: W.paintPayload,
  pad: W.paintPad,
};

const hexOff = (n: number) => `+${n.toString(16).padStart(3, '0')}`;

interface Label {
  name: string[];
  value: string[];
}

/** A labelled piece's name and value in lines that fit its box (names whole, values bounded). */
function labelOf(f: LeafField, px: number, shown: (f: LeafField) => string, padding: string): Label {
  const n = (px - 8) / CHAR_PX;
  // A padding row is named in the page's language; every other name is the kernel's.
  const name = f.name === '(padding)' ? padding : f.name;
  return { name: wrapLabel(name, n), value: wrapLabel(shown(f), n, VALUE_LINES) };
}

/** Each row's labels and height: a row grows to hold its longest label instead of cutting it. */
function measureRows(
  rows: readonly LayoutRow[],
  col: number,
  shown: (f: LeafField) => string,
  padding: string,
) {
  return rows.map((r) => {
    if (r.kind === 'elided') return { height: ELIDED, labels: [] as (Label | null)[] };
    const labels = r.segments.map((s) =>
      s.labelled ? labelOf(s.field, (s.to - s.from) * 8 * col, shown, padding) : null,
    );
    const lines = Math.max(2, ...labels.map((l) => (l ? l.name.length + l.value.length : 0)));
    return { height: Math.max(ROW, lines * LINE + 12), labels };
  });
}

/** Whether two laid-out rows draw the same pieces of the same field objects. */
function sameRow(a: LayoutRow, b: LayoutRow): boolean {
  if (a === b) return true;
  if (a.kind === 'elided' || b.kind === 'elided')
    return (
      a.kind === 'elided' &&
      b.kind === 'elided' &&
      a.offset === b.offset &&
      a.field === b.field &&
      a.bytes === b.bytes
    );
  return (
    a.offset === b.offset &&
    a.segments.length === b.segments.length &&
    a.segments.every((x, i) => {
      const y = b.segments[i]!;
      return (
        x.field === y.field &&
        x.from === y.from &&
        x.to === y.to &&
        x.labelled === y.labelled &&
        x.continuesUp === y.continuesUp &&
        x.continuesDown === y.continuesDown
      );
    })
  );
}

const sameLines = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);
const sameLabels = (a: readonly (Label | null)[], b: readonly (Label | null)[]) =>
  a === b ||
  (a.length === b.length &&
    a.every((x, i) => {
      const y = b[i]!;
      return (
        x === y || (x !== null && y !== null && sameLines(x.name, y.name) && sameLines(x.value, y.value))
      );
    }));

type RowProps = Parameters<typeof RowBody>[0];
/**
 * A row re-renders only when what it draws changed: after a one-digit edit the layout is laid out
 * again (new row objects), but a row of unchanged fields (keepSameFields) at the same place is skipped.
 */
export const sameRowProps = (a: RowProps, b: RowProps): boolean =>
  a.y === b.y &&
  a.h === b.h &&
  a.col === b.col &&
  a.lit === b.lit &&
  a.onHover === b.onHover &&
  a.s === b.s &&
  a.shown === b.shown &&
  sameRow(a.row, b.row) &&
  sameLabels(a.labels, b.labels);

const RowView = memo(function RowView(props: RowProps) {
  return RowBody(props);
}, sameRowProps);

function RowBody({
  row,
  y,
  h,
  labels,
  col,
  lit,
  onHover,
  s,
  shown,
}: {
  row: LayoutRow;
  y: number;
  h: number;
  labels: readonly (Label | null)[];
  col: number;
  lit: string | null;
  onHover: (f: LeafField | null) => void;
  s: NlWords['s'];
  shown: NlWords['shown'];
}) {
  if (row.kind === 'elided') {
    const f = row.field;
    const on = lit === f.key;
    return (
      <g
        className={`nl-seg nl-seg--${paintOf(f)} nl-seg--elided${on ? ' is-lit' : ''}`}
        onMouseEnter={() => onHover(f)}
        onMouseLeave={() => onHover(null)}
      >
        <rect x={GUTTER} y={y + 2} width={col * 32} height={ELIDED - 4} rx={3} />
        <text x={GUTTER + col * 16} y={y + ELIDED / 2 + 4} textAnchor="middle" className="nl-seg-value">
          {s(W.elided, { n: row.bytes, name: f.name === '(padding)' ? s(MW.padding) : f.name })}
        </text>
      </g>
    );
  }
  return (
    <>
      <text x={GUTTER - 8} y={y + h / 2 + 4} textAnchor="end" className="nl-gutter">
        {hexOff(row.offset)}
      </text>
      {row.segments.map((seg, i) => {
        const f = seg.field;
        const x = GUTTER + seg.from * 8 * col;
        const w = (seg.to - seg.from) * 8 * col;
        const on = lit === f.key;
        const paint = paintOf(f);
        const label = labels[i];
        const lines = label ? label.name.length + label.value.length : 0;
        // The lines centred in the row; the first baseline 4 px above its line's foot.
        const base = (k: number) => y + (h - lines * LINE) / 2 + (k + 1) * LINE - 4;
        return (
          <g
            key={`${f.key}@${row.offset}`}
            className={`nl-seg nl-seg--${paint}${on ? ' is-lit' : ''}`}
            data-field={f.name}
            onMouseEnter={() => onHover(f)}
            onMouseLeave={() => onHover(null)}
          >
            <title>
              {s(W.segTitle, {
                group: f.group,
                name: f.name === '(padding)' ? s(MW.padding) : f.name,
                value: shown(f),
                from: f.offset,
                to: f.offset + f.size - 1,
              })}
            </title>
            <rect
              x={x + 1}
              y={y + (seg.continuesUp ? 0 : 2)}
              width={Math.max(1, w - 2)}
              height={h - (seg.continuesUp ? 0 : 2) - (seg.continuesDown ? 0 : 2)}
              rx={seg.continuesUp || seg.continuesDown ? 0 : 3}
              fill={paint === 'pad' ? 'url(#nl-hatch)' : undefined}
            />
            {label?.name.map((t, k) => (
              <text key={`n${k}`} x={x + w / 2} y={base(k)} textAnchor="middle" className="nl-seg-name">
                {t}
              </text>
            ))}
            {label?.value.map((t, k) => (
              <text
                key={`v${k}`}
                x={x + w / 2}
                y={base(label.name.length + k)}
                textAnchor="middle"
                className="nl-seg-value"
              >
                {t}
              </text>
            ))}
          </g>
        );
      })}
    </>
  );
}

/** Whether a row draws the lit field (only those rows re-render when the pointer moves). */
const rowHas = (r: LayoutRow, key: string | null) =>
  key !== null && (r.kind === 'elided' ? r.field.key === key : r.segments.some((s) => s.field.key === key));

const Rows = memo(function Rows({
  rows,
  sizes,
  col,
  lit,
  onHover,
  s,
  shown,
}: {
  rows: LayoutRow[];
  sizes: ReturnType<typeof measureRows>;
  col: number;
  lit: string | null;
  onHover: (f: LeafField | null) => void;
  s: NlWords['s'];
  shown: NlWords['shown'];
}) {
  let y = RULER;
  return (
    <>
      {rows.map((r, i) => {
        const at = y;
        const size = sizes[i]!;
        y += size.height;
        return (
          <RowView
            key={`${r.kind}${r.offset}`}
            row={r}
            y={at}
            h={size.height}
            labels={size.labels}
            col={col}
            lit={rowHas(r, lit) ? lit : null}
            onHover={onHover}
            s={s}
            shown={shown}
          />
        );
      })}
    </>
  );
});

export function BitLayout({ message, fields }: { message: NlMessage; fields: LeafField[] }) {
  const { t, s, shown } = useNlWords();
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const { hl, setHl } = useHighlight();
  // The first FIRST_ROWS rows (512 bytes) keep a long message quick to draw; the rest on request.
  const [allFor, setAllFor] = useState<NlMessage | null>(null);
  const all = allFor === message;
  const rows = useMemo(
    () => layoutRows(fields, message.offset, all ? 1024 : FIRST_ROWS),
    [fields, message.offset, all],
  );
  // A long layout scrolls in its box: leave room for the scroll bar.
  const longer = LONG[useEmbedView().view];
  const { col, sizes, h } = useMemo(() => {
    const fitTo = (room: number) => {
      const c = Math.max(6, (Math.max(room, 300) - GUTTER - RIGHT) / 32);
      const m = measureRows(rows, c, shown, s(MW.padding));
      return { col: c, sizes: m, h: RULER + m.reduce((n, r) => n + r.height, 0) + 4 };
    };
    const whole = fitTo(width);
    return whole.h > longer ? fitTo(width - 22) : whole;
  }, [rows, width, longer, shown, s]);
  const long = h > longer;
  const w = GUTTER + col * 32 + RIGHT;
  const drawnBytes = rows.reduce((n, r) => n + (r.kind === 'row' ? 4 : r.bytes), 0);
  const total = fields.length
    ? fields[fields.length - 1]!.offset + fields[fields.length - 1]!.size - message.offset
    : 0;
  const lit = hl?.key ?? null;
  const step = col >= 17 ? 1 : col >= 9 ? 4 : 8;
  const scrollRef = useRef<HTMLDivElement>(null);
  // A field lit from the byte grid or the table scrolls into view inside the layout's box.
  useEffect(() => {
    const box = scrollRef.current;
    if (!box || lit === null || box.scrollHeight <= box.clientHeight) return;
    const g = box.querySelector('g.is-lit');
    if (!g) return;
    const gr = g.getBoundingClientRect();
    const br = box.getBoundingClientRect();
    if (gr.bottom > br.top && gr.top < br.bottom) return;
    box.scrollTop += gr.top < br.top ? gr.top - br.top - 8 : gr.bottom - br.bottom + 8;
  }, [lit]);
  // Another message starts at its top (a new box already does: writing scrollTop asks for layout).
  const shownOffset = useRef(message.offset);
  useEffect(() => {
    if (shownOffset.current === message.offset) return;
    shownOffset.current = message.offset;
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [message.offset]);
  const onHover = useMemo(
    () => (f: LeafField | null) => setHl(f ? { key: f.key, from: f.offset, to: f.offset + f.size } : null),
    [setHl],
  );
  // The keyboard's cursor is the lit field: arrow keys move it field by field, as the byte grid's moves byte by byte.
  const [focused, setFocused] = useState(false);
  const cursor = focused ? fields.findIndex((f) => f.key === lit) : -1;
  const cursorField = cursor >= 0 ? fields[cursor] : undefined;
  const onKey = (e: KeyboardEvent<SVGSVGElement>) => {
    if (fields.length === 0) return;
    const moves: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    let n: number;
    if (e.key in moves) n = cursor < 0 ? 0 : cursor + moves[e.key]!;
    else if (e.key === 'Home') n = 0;
    else if (e.key === 'End') n = fields.length - 1;
    else return;
    e.preventDefault();
    onHover(fields[Math.max(0, Math.min(fields.length - 1, n))]!);
  };

  return (
    <div className="nl-layout" ref={ref}>
      <div ref={scrollRef} className={`nl-layout-scroll${long ? ' is-long' : ''}`}>
        <svg
          data-main-diagram
          role="group"
          tabIndex={0}
          aria-label={s(W.layoutLabel, { type: message.typeName, bytes: message.len, fields: fields.length })}
          aria-describedby="nl-layout-cursor"
          onKeyDown={onKey}
          onFocus={() => {
            setFocused(true);
            if (fields.length > 0 && !fields.some((f) => f.key === lit)) onHover(fields[0]!);
          }}
          onBlur={() => {
            setFocused(false);
            onHover(null);
          }}
          width={w}
          height={h}
          viewBox={`0 0 ${w} ${h}`}
          className="nl-layout-svg"
        >
          <g className="nl-ruler" aria-hidden="true">
            {Array.from({ length: 32 }, (_, b) =>
              b % step === 0 || b === 31 ? (
                <text key={b} x={GUTTER + (b + 0.5) * col} y={14} textAnchor="middle">
                  {b}
                </text>
              ) : null,
            )}
            {[0, 1, 2, 3].map((B) => (
              <g key={B}>
                <line x1={GUTTER + B * 8 * col + 1} x2={GUTTER + (B + 1) * 8 * col - 1} y1={21} y2={21} />
                <text
                  x={GUTTER + (B + 0.5) * 8 * col}
                  y={RULER - 3}
                  textAnchor="middle"
                  className="nl-ruler-byte"
                >
                  {s(W.rulerByte, { n: B })}
                </text>
              </g>
            ))}
            <text x={GUTTER - 8} y={14} textAnchor="end">
              {s(W.rulerBit)}
            </text>
          </g>
          <g aria-hidden="true">
            <Rows rows={rows} sizes={sizes} col={col} lit={lit} onHover={onHover} s={s} shown={shown} />
          </g>
        </svg>
      </div>
      <p className="visually-hidden" id="nl-layout-cursor" aria-live="polite">
        {cursorField
          ? s(W.layoutCursor, {
              n: cursor + 1,
              total: fields.length,
              group: cursorField.group,
              name: cursorField.name === '(padding)' ? s(MW.padding) : cursorField.name,
              value: shown(cursorField),
              from: cursorField.offset,
              to: cursorField.offset + cursorField.size - 1,
            })
          : ''}
      </p>
      {drawnBytes < total && (
        <p className="nl-note">
          {t(W.drawn, { drawn: num(drawnBytes), total: num(total) })}{' '}
          {!all && (
            <button type="button" className="btn-quiet" onClick={() => setAllFor(message)}>
              {t(W.drawAll, { total: num(total) })}
            </button>
          )}
        </p>
      )}
    </div>
  );
}
