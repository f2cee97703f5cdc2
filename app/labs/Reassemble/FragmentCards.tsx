import { useEffect, useId, useRef, useState } from 'react';
import type { DragEvent, KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { VERDICT_TEXT } from '../../../core/ip/index.ts';
import type { DefragArrival } from '../../../core/ip/index.ts';
import { num } from '../../format.ts';
import { issueOf } from '../../lab-kit/index.ts';
import {
  selectReassembleActions,
  selectReassembleFields,
  selectReassembleHistory,
  selectReassembleIsStale,
  selectReassembleIssues,
  selectReassembleResult,
  selectReassembleStep,
  useReassemble,
} from './store.ts';
import type { CardField, FragCard, ReassembleIssueField } from './params.ts';
import { Pager, pageOf } from './Pager.tsx';
import type { ArrivalWindow } from './Pager.tsx';
import { verdictTone } from './view.ts';

/** Two overlapping sheets: a copy (drawn, not a font glyph, so it shows everywhere). */
function CopyIcon() {
  return (
    <svg className="rq-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect
        x="5.5"
        y="1.5"
        width="9"
        height="9"
        rx="1.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
      />
      <rect
        x="1.5"
        y="5.5"
        width="9"
        height="9"
        rx="1.5"
        fill="var(--surface)"
        stroke="currentColor"
        strokeWidth="1.5"
      />
    </svg>
  );
}

/** `[1480, 2960) MF` as typed (whatever does not parse shows as typed). */
export function rangeText(c: FragCard): string {
  const o = Number(c.offset);
  const l = Number(c.length);
  const ok = /^\d+$/.test(c.offset) && /^\d+$/.test(c.length);
  return `${ok ? `[${num(o)}, ${num(o + l)})` : `[${c.offset}, +${c.length})`}${c.mf === '1' ? ' MF' : ''}`;
}

interface CardProps {
  k: number;
  count: number;
  card: FragCard;
  frag: number;
  at: string;
  /** Other arrival positions (1-based) that share this card's fragment. */
  shared: number[];
  arrival: DefragArrival | undefined;
  current: boolean;
  err: (f: ReassembleIssueField) => string | undefined;
  onMove: (from: number, to: number, how: 'keyboard' | 'button' | 'drag') => void;
  onDrop: () => void;
  onDuplicate: () => void;
  dragging: boolean;
  over: boolean;
  dragHandlers: {
    onDragStart: (e: DragEvent) => void;
    onDragEnd: () => void;
    onDragOver: (e: DragEvent) => void;
    onDragLeave: () => void;
    onDrop: (e: DragEvent) => void;
  };
}

function CardInput({
  label,
  value,
  error,
  onChange,
  placeholder,
  wide,
}: {
  label: string;
  value: string;
  error: string | undefined;
  onChange: (v: string) => void;
  placeholder?: string;
  wide?: boolean;
}) {
  const id = useId();
  return (
    <div className={`rq-in${error ? ' rq-in--error' : ''}${wide ? ' rq-in--wide' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        className="mono"
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        {...(error ? { 'aria-invalid': true, 'aria-describedby': `${id}-err` } : {})}
      />
      {error && (
        <p className="field-error" id={`${id}-err`}>
          {error}
        </p>
      )}
    </div>
  );
}

function Card(p: CardProps) {
  const { editCard, setArrivalAt } = useReassemble(useShallow(selectReassembleActions));
  const { k, count, card, frag, err } = p;
  const e = (f: CardField) => err(`frags.${frag}.${f}`);
  const name = `arrival ${k + 1}, ${rangeText(card)}`;
  const tone = p.arrival ? verdictTone(p.arrival.verdict) : 'none';
  const onKey = (ev: KeyboardEvent) => {
    const to =
      ev.key === 'ArrowUp'
        ? k - 1
        : ev.key === 'ArrowDown'
          ? k + 1
          : ev.key === 'Home'
            ? 0
            : ev.key === 'End'
              ? count - 1
              : null;
    if (to === null) return;
    ev.preventDefault();
    if (to >= 0 && to < count && to !== k) p.onMove(k, to, 'keyboard');
  };
  return (
    <li
      className={`rq-card rq-card--${tone}${p.current ? ' rq-card--current' : ''}${p.dragging ? ' rq-card--dragging' : ''}${p.over ? ' rq-card--over' : ''}`}
      aria-label={name}
      data-arrival={k}
      onDragOver={p.dragHandlers.onDragOver}
      onDragLeave={p.dragHandlers.onDragLeave}
      onDrop={p.dragHandlers.onDrop}
    >
      <div className="rq-card-head">
        <button
          type="button"
          className="rq-handle"
          draggable
          onDragStart={p.dragHandlers.onDragStart}
          onDragEnd={p.dragHandlers.onDragEnd}
          onKeyDown={onKey}
          aria-label={`Reorder ${name}`}
          aria-describedby="rq-reorder-help"
          title="Drag, or press ↑ / ↓"
        >
          <span aria-hidden="true">⠿</span>
        </button>
        <span className="rq-card-no" aria-hidden="true">
          {k + 1}
        </span>
        <span className="rq-card-range mono">{rangeText(card)}</span>
        {p.arrival && (
          <span className={`rq-verdict rq-verdict--${tone}`}>
            {VERDICT_TEXT[p.arrival.verdict]}
            {p.arrival.trimmedEnd !== undefined ? ` (trimmed to ${p.arrival.trimmedEnd})` : ''}
          </span>
        )}
        <span className="rq-card-actions">
          <button
            type="button"
            className="icon-btn"
            aria-label={`Move ${name} up`}
            disabled={k === 0}
            onClick={() => p.onMove(k, k - 1, 'button')}
          >
            <span aria-hidden="true">↑</span>
          </button>
          <button
            type="button"
            className="icon-btn"
            aria-label={`Move ${name} down`}
            disabled={k === count - 1}
            onClick={() => p.onMove(k, k + 1, 'button')}
          >
            <span aria-hidden="true">↓</span>
          </button>
          <button
            type="button"
            className="icon-btn"
            aria-label={`Duplicate ${name}`}
            title="Duplicate: a copy arrives right after (edit it to overlap)"
            onClick={p.onDuplicate}
          >
            <CopyIcon />
          </button>
          <button
            type="button"
            className="icon-btn rq-drop-btn"
            aria-label={`Drop ${name}`}
            title="Drop: lost on the way"
            onClick={p.onDrop}
          >
            <span aria-hidden="true">✕</span>
          </button>
        </span>
      </div>
      <div className="rq-card-fields">
        <CardInput
          label="offset"
          value={card.offset}
          error={e('offset')}
          onChange={(v) => editCard(frag, { offset: v })}
        />
        <CardInput
          label="length"
          value={card.length}
          error={e('length')}
          onChange={(v) => editCard(frag, { length: v })}
        />
        <div className={`rq-in rq-in--check${e('mf') ? ' rq-in--error' : ''}`}>
          <label>
            <input
              type="checkbox"
              checked={card.mf === '1'}
              onChange={(ev) => editCard(frag, { mf: ev.target.checked ? '1' : '0' })}
              {...(e('mf') ? { 'aria-invalid': true } : {})}
            />
            MF
          </label>
          {e('mf') && <p className="field-error">{e('mf')}</p>}
        </div>
        <CardInput
          label="id"
          value={card.id}
          placeholder="16962"
          error={e('id')}
          onChange={(v) => editCard(frag, { id: v })}
        />
        <CardInput
          label="at (ms)"
          value={p.at}
          placeholder={k === 0 ? '0' : 'same'}
          error={err(`arrivals.${k}.at`)}
          onChange={(v) => setArrivalAt(k, v)}
        />
        <div className={`rq-in rq-in--check${e('fill') ? ' rq-in--error' : ''}`}>
          <label title="The same byte range carrying different bytes">
            <input
              type="checkbox"
              checked={card.fill === 'other'}
              onChange={(ev) => editCard(frag, { fill: ev.target.checked ? 'other' : 'same' })}
            />
            other bytes
          </label>
          {e('fill') && <p className="field-error">{e('fill')}</p>}
        </div>
      </div>
      {e('extra') && (
        <div className="rq-card-extra">
          <p className="field-error">{e('extra')}</p>
          <button type="button" className="btn-quiet" onClick={() => editCard(frag, { extra: '' })}>
            Remove “{card.extra}”
          </button>
        </div>
      )}
      {p.shared.length > 0 && (
        <p className="rq-card-note">
          The same fragment as arrival {p.shared.join(', ')}: an edit changes{' '}
          {p.shared.length === 1 ? 'both' : 'all'}.
        </p>
      )}
    </li>
  );
}

/**
 * The fragments as cards, in arrival order. Reorder by dragging a card's handle (native HTML5
 * drag and drop), by its ↑/↓ buttons, or from the keyboard (focus the handle, ↑/↓/Home/End);
 * every move, drop and copy is announced in a polite live region.
 */
export function FragmentCards({
  announce,
  announcement,
  win,
  onPage,
}: {
  announce: (s: string) => void;
  announcement: string;
  /** The page of arrivals on show (all of them up to 60). */
  win: ArrivalWindow;
  onPage: (page: number) => void;
}) {
  const fields = useReassemble(selectReassembleFields);
  const issues = useReassemble(selectReassembleIssues);
  const stale = useReassemble(selectReassembleIsStale);
  const result = useReassemble(selectReassembleResult);
  const step = useReassemble(selectReassembleStep);
  const { canUndo, canRedo } = useReassemble(useShallow(selectReassembleHistory));
  const a = useReassemble(useShallow(selectReassembleActions));
  const [drag, setDrag] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const focusNext = useRef<number | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const err = (f: ReassembleIssueField) => issueOf(issues, f);
  const n = fields.arrivals.length;
  const current = result && !stale ? (result.trace[step]?.snapshot.arrival ?? null) : null;

  useEffect(() => {
    if (focusNext.current === null) return;
    const i = focusNext.current;
    focusNext.current = null;
    listRef.current?.querySelector<HTMLButtonElement>(`li[data-arrival="${i}"] button.rq-handle`)?.focus();
  });

  const describe = (k: number) => {
    const slot = fields.arrivals[k];
    const card = slot && fields.frags[slot.frag];
    return card ? rangeText(card) : `arrival ${k + 1}`;
  };
  const move = (from: number, to: number, how: 'keyboard' | 'button' | 'drag') => {
    const what = describe(from);
    a.moveArrival(from, to);
    if (how === 'keyboard') focusNext.current = to;
    // Home/End or ↑/↓ across a page edge: the page follows the card.
    if (to < win.start || to >= win.end) onPage(pageOf(to));
    announce(`Fragment ${what} moved from position ${from + 1} to position ${to + 1} of ${n}.`);
  };
  const arriving = new Set(fields.arrivals.map((s) => s.frag));
  const lost = fields.frags.map((c, i) => ({ c, i })).filter(({ i }) => !arriving.has(i));
  const LOST_SHOWN = 50;

  return (
    <section className="panel rq-cards" aria-labelledby="rq-cards-title">
      <div className="panel-head">
        <h2 id="rq-cards-title" className="panel-title">
          Fragments, in arrival order
        </h2>
        <div className="rq-history" role="group" aria-label="Edit history">
          <button type="button" className="btn-quiet" onClick={a.undo} disabled={!canUndo} title="Ctrl+Z">
            ↶ Undo
          </button>
          <button
            type="button"
            className="btn-quiet"
            onClick={a.redo}
            disabled={!canRedo}
            title="Ctrl+Shift+Z"
          >
            ↷ Redo
          </button>
        </div>
      </div>
      <p className="rq-help" id="rq-reorder-help">
        Drag a card by its handle <span aria-hidden="true">⠿</span> — or focus the handle and press ↑ / ↓ — to
        change when it arrives. Byte ranges count the UDP datagram from its 8-byte header; offsets are
        multiples of 8.
      </p>
      {win.paged && (
        <p className="rq-help">
          {num(n)} fragments: the cards show {win.end - win.start} at a time. Dragging moves a card within the
          page; ↑ / ↓ at its edge and Home / End carry it to another page.
        </p>
      )}
      <Pager win={win} n={n} onPage={onPage} label="Pages of fragment cards" />
      {n === 0 ? (
        <p className="rq-empty">No fragment arrives. Bring one back below, or add one.</p>
      ) : (
        <ol
          className={`rq-card-list${win.end - win.start > 8 ? ' rq-card-list--scroll' : ''}`}
          ref={listRef}
          aria-label="Arrival order"
          start={win.start + 1}
        >
          {fields.arrivals.slice(win.start, win.end).map((slot, j) => {
            const k = win.start + j;
            const card = fields.frags[slot.frag];
            if (!card) return null;
            const shared = fields.arrivals.flatMap((s, j) =>
              s.frag === slot.frag && j !== k ? [j + 1] : [],
            );
            return (
              <Card
                key={`${k}:${slot.frag}`}
                k={k}
                count={n}
                card={card}
                frag={slot.frag}
                at={slot.at}
                shared={shared}
                arrival={stale ? undefined : result?.arrivals[k]}
                current={current === k}
                err={err}
                onMove={move}
                onDrop={() => {
                  const what = describe(k);
                  a.dropArrival(k);
                  announce(`Fragment ${what} dropped: it is lost on the way. ${n - 1} fragments arrive.`);
                }}
                onDuplicate={() => {
                  const what = describe(k);
                  a.duplicateArrival(k);
                  announce(`Fragment ${what} duplicated: the copy arrives at position ${k + 2} of ${n + 1}.`);
                }}
                dragging={drag === k}
                over={over === k && drag !== null && drag !== k}
                dragHandlers={{
                  onDragStart: (e) => {
                    setDrag(k);
                    e.dataTransfer.effectAllowed = 'move';
                    e.dataTransfer.setData('text/plain', String(k));
                    const li = (e.currentTarget as HTMLElement).closest('li');
                    if (li) e.dataTransfer.setDragImage(li, 16, 16);
                  },
                  onDragEnd: () => {
                    setDrag(null);
                    setOver(null);
                  },
                  onDragOver: (e) => {
                    if (drag === null) return;
                    e.preventDefault();
                    e.dataTransfer.dropEffect = 'move';
                    if (over !== k) setOver(k);
                  },
                  onDragLeave: () => setOver((o) => (o === k ? null : o)),
                  onDrop: (e) => {
                    e.preventDefault();
                    const from = drag ?? Number(e.dataTransfer.getData('text/plain'));
                    setDrag(null);
                    setOver(null);
                    if (Number.isInteger(from) && from !== k) move(from, k, 'drag');
                  },
                }}
              />
            );
          })}
        </ol>
      )}
      {lost.length > 0 && (
        <div className="rq-lost">
          <h3 className="sub-title">Lost on the way</h3>
          <ul aria-label="Lost fragments">
            {lost.slice(0, LOST_SHOWN).map(({ c, i }) => (
              <li key={i}>
                <span className="mono">{rangeText(c)}</span>
                <button
                  type="button"
                  className="btn-quiet"
                  aria-label={`Bring back ${rangeText(c)}`}
                  onClick={() => {
                    a.restoreCard(i);
                    announce(`Fragment ${rangeText(c)} arrives again, last (position ${n + 1}).`);
                  }}
                >
                  Bring back
                </button>
                <button
                  type="button"
                  className="btn-quiet"
                  aria-label={`Forget ${rangeText(c)}`}
                  onClick={() => {
                    a.forgetCard(i);
                    announce(`Fragment ${rangeText(c)} removed.`);
                  }}
                >
                  Forget
                </button>
              </li>
            ))}
          </ul>
          {lost.length > LOST_SHOWN && (
            <p className="rq-help">
              … and {num(lost.length - LOST_SHOWN)} more (bring these back first, or cut the datagram again).
            </p>
          )}
        </div>
      )}
      <div className="rq-card-tools">
        <button
          type="button"
          className="btn-quiet"
          onClick={() => {
            a.addCard();
            announce(
              `A new fragment [0, 8) MF arrives last, at position ${n + 1}. Edit its offset and length.`,
            );
          }}
        >
          + Add a fragment
        </button>
        <button
          type="button"
          className="btn-quiet"
          onClick={() => {
            a.recut();
            announce('The datagram is cut again: every fragment once, in order.');
          }}
        >
          Cut again (in order)
        </button>
      </div>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="rq-announcer">
        {announcement}
      </p>
    </section>
  );
}
