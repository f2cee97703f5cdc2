import { memo, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { DragEvent, KeyboardEvent, ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { IntlShape, MessageDescriptor } from 'react-intl';
import { useShallow } from 'zustand/react/shallow';
import { VERDICT_MSG } from '../../../core/ip/defrag-types.ts';
import type { DefragArrival, DefragOk } from '../../../core/ip/defrag-types.ts';
import { renderText } from '../../../core/i18n/index.ts';
import type { Msg, Text } from '../../../core/i18n/index.ts';
import { MsgText } from '../../i18n/MsgText.tsx';
import { fmt } from '../../i18n/format.tsx';
import { num } from '../../format.ts';
import { Panel, UndoRedo } from '../../lab-kit/index.ts';
import { IconButton } from '../../components/IconButton.tsx';
import { FieldError } from '../../components/Field.tsx';
import { W } from './words.ts';
import { MARK, openMessage } from './text.ts';
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
import type { ArrivalSlot, CardField, FragCard, ReassembleFields, ReassembleIssue } from './params.ts';
import { Pager, pageOf } from './Pager.tsx';
import type { ArrivalWindow } from './Pager.tsx';
import { verdictTone } from './view.ts';

const plainMsg = (m: Msg, locale: string) => renderText(m, locale);

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

/** A card's inline errors (only cards with one get an object; the rest share NO_ERRORS). */
type CardErrors = Partial<Record<CardField | 'at', Text>>;
const NO_ERRORS: CardErrors = Object.freeze({});
const NO_SHARED: readonly number[] = Object.freeze([]);

/**
 * The card's words, formatted once per language for every card (a page holds 50 cards of ten
 * labels each): the ones that name the card are formatted with marks and filled in per card.
 */
interface CardWords {
  name: (i: number, range: string) => string;
  reorder: (name: string) => string;
  actions: (name: string) => string;
  moveUp: (name: string) => string;
  moveDown: (name: string) => string;
  duplicate: (name: string) => string;
  drop: (name: string) => string;
  reorderTitle: string;
  duplicateTitle: string;
  dropTitle: string;
  inOffset: string;
  inLength: string;
  inAt: string;
  inSame: string;
  inOther: string;
  inOtherTitle: string;
}

function cardWords(intl: IntlShape): CardWords {
  const named = (d: MessageDescriptor) => {
    const f = openMessage(intl, d, ['name'], {});
    return (name: string) => f([name]);
  };
  const name = openMessage(intl, W.cardName, ['i', 'range'], {});
  return {
    name: (i, range) => name([String(i), range]),
    reorder: named(W.reorder),
    actions: named(W.actions),
    moveUp: named(W.moveUp),
    moveDown: named(W.moveDown),
    duplicate: named(W.duplicate),
    drop: named(W.drop),
    reorderTitle: fmt(intl, W.reorderTitle),
    duplicateTitle: fmt(intl, W.duplicateTitle),
    dropTitle: fmt(intl, W.dropTitle),
    inOffset: fmt(intl, W.inOffset),
    inLength: fmt(intl, W.inLength),
    inAt: fmt(intl, W.inAt),
    inSame: fmt(intl, W.inSame),
    inOther: fmt(intl, W.inOther),
    inOtherTitle: fmt(intl, W.inOtherTitle),
  };
}

/**
 * What a card does, by its arrival position: one object for the life of the list (it calls the
 * list's latest handlers), so a card whose own props did not change is not rendered again.
 */
interface CardActs {
  move: (from: number, to: number | 'end', how: 'keyboard' | 'button' | 'drag') => void;
  drop: (k: number) => void;
  duplicate: (k: number) => void;
  editCard: (frag: number, patch: Partial<FragCard>) => void;
  setArrivalAt: (k: number, at: string) => void;
  dragStart: (k: number, e: DragEvent) => void;
  dragEnd: () => void;
  dragOver: (k: number, e: DragEvent) => void;
  dragLeave: (k: number) => void;
  dropOn: (k: number, e: DragEvent) => void;
  /** The card's element, watched for being in view (null: it left the list). */
  observe: (el: HTMLLIElement | null) => void | (() => void);
}

interface CardProps {
  k: number;
  /** The card is the last arrival (its ↓ is disabled). */
  last: boolean;
  card: FragCard;
  frag: number;
  at: string;
  /** Other arrival positions (1-based) that share this card's fragment. */
  shared: readonly number[];
  arrival: DefragArrival | undefined;
  current: boolean;
  errs: CardErrors;
  dragging: boolean;
  over: boolean;
  words: CardWords;
  act: CardActs;
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

/** One card: memoised, so an edit renders again only the cards whose own props changed. */
const Card = memo(function Card(p: CardProps) {
  const intl = useIntl();
  const { k, card, frag, errs, words: t, act } = p;
  const range = rangeText(card);
  const name = t.name(k + 1, range);
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
              ? 'end'
              : null;
    if (to === null) return;
    ev.preventDefault();
    act.move(k, to, 'keyboard');
  };
  return (
    <li
      className={`rq-card rq-card--${tone}${p.current ? ' rq-card--current' : ''}${p.dragging ? ' rq-card--dragging' : ''}${p.over ? ' rq-card--over' : ''}`}
      aria-label={name}
      data-arrival={k}
      ref={act.observe}
      onDragOver={(e) => act.dragOver(k, e)}
      onDragLeave={() => act.dragLeave(k)}
      onDrop={(e) => act.dropOn(k, e)}
    >
      <div className="rq-card-head">
        <button
          type="button"
          className="rq-handle"
          draggable
          onDragStart={(e) => act.dragStart(k, e)}
          onDragEnd={act.dragEnd}
          onKeyDown={onKey}
          aria-label={t.reorder(name)}
          aria-describedby="rq-reorder-help"
          title={t.reorderTitle}
        >
          <span aria-hidden="true">{MARK.grip}</span>
        </button>
        <span className="rq-card-no" aria-hidden="true">
          {k + 1}
        </span>
        <span className="rq-card-range mono">{range}</span>
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
        <CardActions label={t.actions(name)}>
          <IconButton label={t.moveUp(name)} disabled={k === 0} onClick={() => act.move(k, k - 1, 'button')}>
            <span aria-hidden="true">{MARK.up}</span>
          </IconButton>
          <IconButton label={t.moveDown(name)} disabled={p.last} onClick={() => act.move(k, k + 1, 'button')}>
            <span aria-hidden="true">{MARK.down}</span>
          </IconButton>
          <IconButton label={t.duplicate(name)} title={t.duplicateTitle} onClick={() => act.duplicate(k)}>
            <CopyIcon />
          </IconButton>
          <IconButton
            className="rq-drop-btn"
            label={t.drop(name)}
            title={t.dropTitle}
            onClick={() => act.drop(k)}
          >
            <span aria-hidden="true">{MARK.cross}</span>
          </IconButton>
        </CardActions>
      </div>
      <div className="rq-card-fields">
        <CardInput
          label={t.inOffset}
          value={card.offset}
          error={errs.offset}
          onChange={(v) => act.editCard(frag, { offset: v })}
        />
        <CardInput
          label={t.inLength}
          value={card.length}
          error={errs.length}
          onChange={(v) => act.editCard(frag, { length: v })}
        />
        <div className={`rq-in rq-in--check${errs.mf ? ' rq-in--error' : ''}`}>
          <label>
            <input
              type="checkbox"
              checked={card.mf === '1'}
              onChange={(ev) => act.editCard(frag, { mf: ev.target.checked ? '1' : '0' })}
              {...(errs.mf ? { 'aria-invalid': true } : {})}
            />
            {MARK.MF}
          </label>
          <FieldError msg={errs.mf} />
        </div>
        <CardInput
          label="id"
          value={card.id}
          placeholder="16962"
          error={errs.id}
          onChange={(v) => act.editCard(frag, { id: v })}
        />
        <CardInput
          label={t.inAt}
          value={p.at}
          placeholder={k === 0 ? '0' : t.inSame}
          error={errs.at}
          onChange={(v) => act.setArrivalAt(k, v)}
        />
        <div className={`rq-in rq-in--check${errs.fill ? ' rq-in--error' : ''}`}>
          <label title={t.inOtherTitle}>
            <input
              type="checkbox"
              checked={card.fill === 'other'}
              onChange={(ev) => act.editCard(frag, { fill: ev.target.checked ? 'other' : 'same' })}
            />
            {t.inOther}
          </label>
          <FieldError msg={errs.fill} />
        </div>
      </div>
      {errs.extra && (
        <div className="rq-card-extra">
          <FieldError msg={errs.extra} />
          <button type="button" className="btn-quiet" onClick={() => act.editCard(frag, { extra: '' })}>
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
});

/** The lab's state as the cards read it: the store's own, or the same one render behind. */
export interface CardsView {
  fields: ReassembleFields;
  issues: readonly ReassembleIssue[];
  stale: boolean;
  result: DefragOk | null;
  step: number;
}

/** Each card's errors (`frags.N.field`) and each arrival's (`arrivals.K.at`), the first one of each. */
interface ErrorIndex {
  frag: Map<number, CardErrors>;
  arrival: Map<number, Text>;
}
const errorIndexes = new WeakMap<readonly ReassembleIssue[], ErrorIndex>();
function errorIndexOf(issues: readonly ReassembleIssue[]): ErrorIndex {
  let ix = errorIndexes.get(issues);
  if (ix) return ix;
  ix = { frag: new Map(), arrival: new Map() };
  for (const i of issues) {
    const text = i.msg ?? i.message;
    const card = /^frags\.(\d+)\.(\w+)$/.exec(i.field);
    if (card) {
      const f = Number(card[1]);
      const errs = ix.frag.get(f) ?? {};
      const field = card[2] as CardField;
      if (errs[field] === undefined) errs[field] = text;
      ix.frag.set(f, errs);
    }
    const at = /^arrivals\.(\d+)\.at$/.exec(i.field);
    if (at && !ix.arrival.has(Number(at[1]))) ix.arrival.set(Number(at[1]), text);
  }
  errorIndexes.set(issues, ix);
  return ix;
}
function cardErrors(ix: ErrorIndex, frag: number, k: number): CardErrors {
  const own = ix.frag.get(frag);
  const at = ix.arrival.get(k);
  if (at === undefined) return own ?? NO_ERRORS;
  return { ...own, at };
}

/** The arrival positions (1-based) of every fragment that arrives more than once. */
const sharings = new WeakMap<readonly ArrivalSlot[], Map<number, number[]>>();
function sharingOf(arrivals: readonly ArrivalSlot[]): Map<number, number[]> {
  let m = sharings.get(arrivals);
  if (m) return m;
  const all = new Map<number, number[]>();
  arrivals.forEach((s, j) => {
    const list = all.get(s.frag);
    if (list) list.push(j + 1);
    else all.set(s.frag, [j + 1]);
  });
  m = new Map([...all].filter(([, list]) => list.length > 1));
  sharings.set(arrivals, m);
  return m;
}

/** How many cards from the page's start count as in view before the browser has said which are. */
const FIRST_IN_VIEW = 8;

/**
 * Which arrival positions are on screen, or near it (half a viewport above and below), as an
 * IntersectionObserver reports them: the browser works it out after its own layout, so knowing
 * costs no layout read. `null` until it has reported; `observe` is each card's ref.
 */
function useInView(): { span: readonly [number, number] | null; observe: CardActs['observe'] } {
  const [span, setSpan] = useState<readonly [number, number] | null>(null);
  const seen = useRef(new Set<number>());
  const io = useRef<IntersectionObserver | null>(null);
  useEffect(
    () => () => {
      io.current?.disconnect();
      io.current = null;
    },
    [],
  );
  const observe = useCallback((el: HTMLLIElement | null) => {
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const k = Number(el.dataset.arrival);
    io.current ??= new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          const at = Number((e.target as HTMLElement).dataset.arrival);
          if (e.isIntersecting) seen.current.add(at);
          else seen.current.delete(at);
        }
        let lo = Infinity;
        let hi = -Infinity;
        for (const at of seen.current) {
          lo = Math.min(lo, at);
          hi = Math.max(hi, at);
        }
        const next: readonly [number, number] = lo <= hi ? [lo, hi] : [0, -1];
        setSpan((prev) => (prev && prev[0] === next[0] && prev[1] === next[1] ? prev : next));
      },
      { rootMargin: '50% 0px' },
    );
    const obs = io.current;
    obs.observe(el);
    return () => {
      obs.unobserve(el);
      seen.current.delete(k);
    };
  }, []);
  return { span, observe };
}

/**
 * The fragments as cards, in arrival order. Reorder by dragging a card's handle (native HTML5
 * drag and drop), by its ↑/↓ buttons, or from the keyboard (focus the handle, ↑/↓/Home/End);
 * every move, drop and copy is announced in a polite live region.
 *
 * An edit that changes many cards (a new MTU cuts the datagram again: 50 cards on the page) renders
 * at once only the cards in view or near it, the one being typed in and the one a move focuses;
 * the others keep what they showed until the deferred render (`later`, the lab's one deferred
 * value) brings the same edit to them a frame or so later. Every card stays in the list for
 * keyboard, search and screen readers; nothing is left behind once the deferred render is in.
 */
export function FragmentCards({
  announce,
  announcement,
  win,
  onPage,
  later,
}: {
  announce: (s: string) => void;
  announcement: string;
  /** The page of arrivals on show (all of them up to 60). */
  win: ArrivalWindow;
  onPage: (page: number) => void;
  /** The lab's deferred view: the cards out of view show it until it catches up. */
  later: CardsView;
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
  /** The card that holds the focus: it always shows the edit at once (its inputs are typed in). */
  const [focused, setFocused] = useState<number | null>(null);
  /** The place a keyboard move sent a card to, and that card's fragment: its handle takes the focus. */
  const focusNext = useRef<{ to: number; frag: number } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const words = useMemo(() => cardWords(intl), [intl]);
  const { span, observe } = useInView();
  const n = fields.arrivals.length;

  useEffect(() => {
    // Only once a render shows the move: an effect still pending from an earlier render (Preact
    // runs them after the paint and flushes a component's pending ones before it renders again)
    // sees the old order and must not take the request.
    const next = focusNext.current;
    if (next === null || fields.arrivals[next.to]?.frag !== next.frag) return;
    focusNext.current = null;
    listRef.current
      ?.querySelector<HTMLButtonElement>(`li[data-arrival="${next.to}"] button.rq-handle`)
      ?.focus();
  });

  const describe = (k: number) => {
    const slot = fields.arrivals[k];
    const card = slot && fields.frags[slot.frag];
    return card ? rangeText(card) : String(k + 1);
  };
  const move = (from: number, target: number | 'end', how: 'keyboard' | 'button' | 'drag') => {
    const to = target === 'end' ? n - 1 : target;
    if (to < 0 || to >= n || to === from || from < 0 || from >= n) return;
    const what = describe(from);
    a.moveArrival(from, to);
    const slot = fields.arrivals[from];
    if (how === 'keyboard' && slot) focusNext.current = { to, frag: slot.frag };
    // Home/End or ↑/↓ across a page edge: the page follows the card.
    if (to < win.start || to >= win.end) onPage(pageOf(to));
    announce(fmt(intl, W.saidMoved, { what, from: from + 1, to: to + 1, n }));
  };
  const handlers: Omit<CardActs, 'observe' | 'editCard' | 'setArrivalAt'> = {
    move,
    drop: (k) => {
      const what = describe(k);
      a.dropArrival(k);
      announce(fmt(intl, W.saidDropped, { what, n: n - 1 }));
    },
    duplicate: (k) => {
      const what = describe(k);
      a.duplicateArrival(k);
      announce(fmt(intl, W.saidDuplicated, { what, at: k + 2, n: n + 1 }));
    },
    dragStart: (k, e) => {
      setDrag(k);
      e.dataTransfer.effectAllowed = 'move';
      e.dataTransfer.setData('text/plain', String(k));
      const li = (e.currentTarget as HTMLElement).closest('li');
      if (li) e.dataTransfer.setDragImage(li, 16, 16);
    },
    dragEnd: () => {
      setDrag(null);
      setOver(null);
    },
    dragOver: (k, e) => {
      if (drag === null) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      if (over !== k) setOver(k);
    },
    dragLeave: (k) => setOver((o) => (o === k ? null : o)),
    dropOn: (k, e) => {
      e.preventDefault();
      const from = drag ?? Number(e.dataTransfer.getData('text/plain'));
      setDrag(null);
      setOver(null);
      if (Number.isInteger(from) && from !== k) move(from, k, 'drag');
    },
  };
  // The cards call the latest handlers through one lasting object (the cards are memoised on it).
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  const { editCard, setArrivalAt } = a;
  const act = useMemo<CardActs>(
    () => ({
      move: (from, to, how) => latest.current.move(from, to, how),
      drop: (k) => latest.current.drop(k),
      duplicate: (k) => latest.current.duplicate(k),
      editCard,
      setArrivalAt,
      dragStart: (k, e) => latest.current.dragStart(k, e),
      dragEnd: () => latest.current.dragEnd(),
      dragOver: (k, e) => latest.current.dragOver(k, e),
      dragLeave: (k) => latest.current.dragLeave(k),
      dropOn: (k, e) => latest.current.dropOn(k, e),
      observe,
    }),
    [editCard, setArrivalAt, observe],
  );

  const now: CardsView = { fields, issues, stale, result, step };
  // The deferred render has not caught up with an edit: cards out of view wait for it.
  const behind =
    later.fields !== fields || later.issues !== issues || later.result !== result || later.stale !== stale;
  const inView = (k: number) => (span ? k >= span[0] && k <= span[1] : k < win.start + FIRST_IN_VIEW);
  const atOnce = (k: number) => !behind || inView(k) || k === focused || k === focusNext.current?.to;

  /** Card `k` as view `v` has it (null: v has no arrival there yet). */
  const cardAt = (v: CardsView, k: number) => {
    const slot = v.fields.arrivals[k];
    const card = slot && v.fields.frags[slot.frag];
    if (!slot || !card) return null;
    const n = v.fields.arrivals.length;
    const current = v.result && !v.stale ? (v.result.trace[v.step]?.snapshot.arrival ?? null) : null;
    const shared =
      sharingOf(v.fields.arrivals)
        .get(slot.frag)
        ?.filter((j) => j !== k + 1) ?? NO_SHARED;
    return (
      <Card
        key={`${k}:${slot.frag}`}
        k={k}
        last={k === n - 1}
        card={card}
        frag={slot.frag}
        at={slot.at}
        shared={shared}
        arrival={v.stale ? undefined : v.result?.arrivals[k]}
        current={current === k}
        errs={cardErrors(errorIndexOf(v.issues), slot.frag, k)}
        dragging={drag === k}
        over={over === k && drag !== null && drag !== k}
        words={words}
        act={act}
      />
    );
  };

  const lost = useMemo(() => {
    const arriving = new Set(fields.arrivals.map((s) => s.frag));
    return fields.frags.map((c, i) => ({ c, i })).filter(({ i }) => !arriving.has(i));
  }, [fields.arrivals, fields.frags]);
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
          onFocus={(e) => {
            const li = (e.target as HTMLElement).closest<HTMLElement>('li[data-arrival]');
            setFocused(li ? Number(li.dataset.arrival) : null);
          }}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(null);
          }}
        >
          {Array.from({ length: win.end - win.start }, (_, j) =>
            cardAt(atOnce(win.start + j) ? now : later, win.start + j),
          )}
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
