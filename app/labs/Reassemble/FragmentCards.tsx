import { useEffect, useId, useRef, useState } from 'react';
import type { DragEvent, KeyboardEvent, ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { MessageDescriptor } from 'react-intl';
import { useShallow } from 'zustand/react/shallow';
import { VERDICT_MSG } from '../../../core/ip/index.ts';
import { MsgText } from '../../i18n/MsgText.tsx';
import { fmt } from '../../i18n/format.tsx';
import { W } from './words.ts';
import { MARK } from './text.ts';
import { renderText } from '../../../core/i18n/index.ts';
import type { Msg } from '../../../core/i18n/index.ts';

const plainMsg = (m: Msg, locale: string) => renderText(m, locale);
import type { DefragArrival } from '../../../core/ip/index.ts';
import { num } from '../../format.ts';
import { Panel, UndoRedo, issueTextOf } from '../../lab-kit/index.ts';
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
import type { Text } from '../../../core/i18n/index.ts';
import { IconButton } from '../../components/IconButton.tsx';
import { FieldError } from '../../components/Field.tsx';

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
  err: (f: ReassembleIssueField) => Text | undefined;
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
  label: ReactNode;
  value: string;
  error: Text | undefined;
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
      <FieldError msg={error} id={`${id}-err`} />
    </div>
  );
}

/**
 * A card's buttons as one toolbar: one Tab stop (roving tabindex), ← / → / Home / End move between
 * them (WAI-ARIA toolbar pattern), so three cards are not twelve stops on the way to the queue.
 */
function CardActions({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLSpanElement>(null);
  const [active, setActive] = useState(0);
  const buttons = () => [
    ...(ref.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? []),
  ];
  // The one stop: the active button, or the first enabled one when it was disabled (top card's ↑).
  useEffect(() => {
    const all = buttons();
    const at = Math.min(active, all.length - 1);
    // Written only when it changes: 50 cards re-render on every edit.
    all.forEach((b, i) => {
      const want = i === at ? 0 : -1;
      if (b.tabIndex !== want) b.tabIndex = want;
    });
  });
  const onKeyDown = (ev: KeyboardEvent) => {
    const all = buttons();
    const i = all.indexOf(document.activeElement as HTMLButtonElement);
    if (i < 0) return;
    const to =
      ev.key === 'ArrowRight'
        ? (i + 1) % all.length
        : ev.key === 'ArrowLeft'
          ? (i - 1 + all.length) % all.length
          : ev.key === 'Home'
            ? 0
            : ev.key === 'End'
              ? all.length - 1
              : null;
    if (to === null) return;
    ev.preventDefault();
    setActive(to);
    all[to]?.focus();
  };
  return (
    <span
      className="rq-card-actions"
      role="toolbar"
      aria-label={label}
      ref={ref}
      onKeyDown={onKeyDown}
      onFocus={(ev) => {
        const i = buttons().indexOf(ev.target as HTMLButtonElement);
        if (i >= 0 && i !== active) setActive(i);
      }}
    >
      {children}
    </span>
  );
}

function Card(p: CardProps) {
  const intl = useIntl();
  const { editCard, setArrivalAt } = useReassemble(useShallow(selectReassembleActions));
  const { k, count, card, frag, err } = p;
  const e = (f: CardField) => err(`frags.${frag}.${f}`);
  const name = fmt(intl, W.cardName, { i: k + 1, range: rangeText(card) });
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
          aria-label={fmt(intl, W.reorder, { name })}
          aria-describedby="rq-reorder-help"
          title={fmt(intl, W.reorderTitle)}
        >
          <span aria-hidden="true">{MARK.grip}</span>
        </button>
        <span className="rq-card-no" aria-hidden="true">
          {k + 1}
        </span>
        <span className="rq-card-range mono">{rangeText(card)}</span>
        {p.arrival && (
          <span className={`rq-verdict rq-verdict--${tone}`}>
            {p.arrival.trimmedEnd === undefined ? (
              <MsgText msg={VERDICT_MSG[p.arrival.verdict]} />
            ) : (
              fmt(intl, W.trimmed, {
                verdict: plainMsg(VERDICT_MSG[p.arrival.verdict], intl.locale),
                end: p.arrival.trimmedEnd,
              })
            )}
          </span>
        )}
        <CardActions label={fmt(intl, W.actions, { name })}>
          <IconButton
            label={fmt(intl, W.moveUp, { name })}
            disabled={k === 0}
            onClick={() => p.onMove(k, k - 1, 'button')}
          >
            <span aria-hidden="true">{MARK.up}</span>
          </IconButton>
          <IconButton
            label={fmt(intl, W.moveDown, { name })}
            disabled={k === count - 1}
            onClick={() => p.onMove(k, k + 1, 'button')}
          >
            <span aria-hidden="true">{MARK.down}</span>
          </IconButton>
          <IconButton
            label={fmt(intl, W.duplicate, { name })}
            title={fmt(intl, W.duplicateTitle)}
            onClick={p.onDuplicate}
          >
            <CopyIcon />
          </IconButton>
          <IconButton
            className="rq-drop-btn"
            label={fmt(intl, W.drop, { name })}
            title={fmt(intl, W.dropTitle)}
            onClick={p.onDrop}
          >
            <span aria-hidden="true">{MARK.cross}</span>
          </IconButton>
        </CardActions>
      </div>
      <div className="rq-card-fields">
        <CardInput
          label={fmt(intl, W.inOffset)}
          value={card.offset}
          error={e('offset')}
          onChange={(v) => editCard(frag, { offset: v })}
        />
        <CardInput
          label={fmt(intl, W.inLength)}
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
            {MARK.MF}
          </label>
          <FieldError msg={e('mf')} />
        </div>
        <CardInput
          label="id"
          value={card.id}
          placeholder="16962"
          error={e('id')}
          onChange={(v) => editCard(frag, { id: v })}
        />
        <CardInput
          label={fmt(intl, W.inAt)}
          value={p.at}
          placeholder={k === 0 ? '0' : fmt(intl, W.inSame)}
          error={err(`arrivals.${k}.at`)}
          onChange={(v) => setArrivalAt(k, v)}
        />
        <div className={`rq-in rq-in--check${e('fill') ? ' rq-in--error' : ''}`}>
          <label title={fmt(intl, W.inOtherTitle)}>
            <input
              type="checkbox"
              checked={card.fill === 'other'}
              onChange={(ev) => editCard(frag, { fill: ev.target.checked ? 'other' : 'same' })}
            />
            {fmt(intl, W.inOther)}
          </label>
          <FieldError msg={e('fill')} />
        </div>
      </div>
      {e('extra') && (
        <div className="rq-card-extra">
          <FieldError msg={e('extra')} />
          <button type="button" className="btn-quiet" onClick={() => editCard(frag, { extra: '' })}>
            {fmt(intl, W.removeExtra, { extra: card.extra })}
          </button>
        </div>
      )}
      {p.shared.length > 0 && (
        <p className="rq-card-note">
          {fmt(intl, W.shared, { list: intl.formatList(p.shared.map(String)), n: p.shared.length })}
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
  const intl = useIntl();
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
  const err = (f: ReassembleIssueField) => issueTextOf(issues, f);
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
    return card ? rangeText(card) : String(k + 1);
  };
  const move = (from: number, to: number, how: 'keyboard' | 'button' | 'drag') => {
    const what = describe(from);
    a.moveArrival(from, to);
    if (how === 'keyboard') focusNext.current = to;
    // Home/End or ↑/↓ across a page edge: the page follows the card.
    if (to < win.start || to >= win.end) onPage(pageOf(to));
    announce(fmt(intl, W.saidMoved, { what, from: from + 1, to: to + 1, n }));
  };
  const arriving = new Set(fields.arrivals.map((s) => s.frag));
  const lost = fields.frags.map((c, i) => ({ c, i })).filter(({ i }) => !arriving.has(i));
  /** A button for a lost card (`range`): it acts, then says what it did. */
  const lostAction = (
    label: MessageDescriptor,
    name: MessageDescriptor,
    range: string,
    act: () => string,
  ) => (
    <button
      type="button"
      className="btn-quiet"
      aria-label={fmt(intl, name, { range })}
      onClick={() => announce(act())}
    >
      {fmt(intl, label)}
    </button>
  );
  const LOST_SHOWN = 50;

  return (
    <Panel
      titleId="rq-cards-title"
      title={fmt(intl, W.cardsTitle)}
      className="rq-cards"
      head={
        <UndoRedo
          className="rq-history"
          label={fmt(intl, W.history)}
          undo={{ run: canUndo ? a.undo : null, word: fmt(intl, W.undo) }}
          redo={{ run: canRedo ? a.redo : null, word: fmt(intl, W.redo) }}
          keys={{ undo: MARK.undoKeys, redo: MARK.redoKeys }}
        />
      }
    >
      <p className="rq-help" id="rq-reorder-help">
        {fmt(intl, W.help)}
      </p>
      {win.paged && (
        <p className="rq-help">{fmt(intl, W.pagedHelp, { n: num(n), shown: win.end - win.start })}</p>
      )}
      <Pager win={win} n={n} onPage={onPage} label={fmt(intl, W.cardPages)} />
      {n === 0 ? (
        <p className="rq-empty">{fmt(intl, W.empty)}</p>
      ) : (
        <ol
          className={`rq-card-list${win.end - win.start > 8 ? ' rq-card-list--scroll' : ''}`}
          ref={listRef}
          aria-label={fmt(intl, W.arrivalOrder)}
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
                  announce(fmt(intl, W.saidDropped, { what, n: n - 1 }));
                }}
                onDuplicate={() => {
                  const what = describe(k);
                  a.duplicateArrival(k);
                  announce(fmt(intl, W.saidDuplicated, { what, at: k + 2, n: n + 1 }));
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
          <h3 className="sub-title">{fmt(intl, W.lostTitle)}</h3>
          <ul aria-label={fmt(intl, W.lostList)}>
            {lost.slice(0, LOST_SHOWN).map(({ c, i }) => (
              <li key={i}>
                <span className="mono">{rangeText(c)}</span>
                {lostAction(W.bringBack, W.bringBackName, rangeText(c), () => {
                  a.restoreCard(i);
                  return fmt(intl, W.saidBack, { what: rangeText(c), at: n + 1 });
                })}
                {lostAction(W.forget, W.forgetName, rangeText(c), () => {
                  a.forgetCard(i);
                  return fmt(intl, W.saidForgot, { what: rangeText(c) });
                })}
              </li>
            ))}
          </ul>
          {lost.length > LOST_SHOWN && (
            <p className="rq-help">{fmt(intl, W.lostMore, { n: num(lost.length - LOST_SHOWN) })}</p>
          )}
        </div>
      )}
      <div className="rq-card-tools">
        <button
          type="button"
          className="btn-quiet"
          onClick={() => {
            a.addCard();
            announce(fmt(intl, W.saidAdded, { at: n + 1 }));
          }}
        >
          {fmt(intl, W.add)}
        </button>
        <button
          type="button"
          className="btn-quiet"
          onClick={() => {
            a.recut();
            announce(fmt(intl, W.saidRecut));
          }}
        >
          {fmt(intl, W.recut)}
        </button>
      </div>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="rq-announcer">
        {announcement}
      </p>
    </Panel>
  );
}
