/**
 * A kernel term with its glossary popover: `<Term k="maxfraglen">maxfraglen</Term>`.
 *
 * The pattern is the WAI-ARIA **disclosure** (a button with `aria-expanded` and `aria-controls`
 * showing a group), not the tooltip: the popover holds links and buttons, which a tooltip may not.
 * It opens on hover (a mouse resting on the term) and on keyboard focus; a click, a tap, Enter or
 * Space pins it open (a second one closes it); Escape closes it and puts focus back on the term;
 * focus or a tap leaving it closes it. One popover is open on a page at a time.
 *
 * The popover is rendered right after the term (so Tab goes from the term into its links) and shown
 * in the top layer (the `popover` attribute) where the browser has it, so no scrolling table or
 * panel clips it; it is placed by measuring, inside the viewport (a 360 px phone included).
 * SVG labels do not take it (HTML cannot sit in SVG text): a diagram's terms are linked in its HTML
 * legend or table, which says the same thing.
 *
 * Only spans inside: a term may sit in a paragraph, a table header or a label.
 *
 * The entries' explanations are a catalog part of their own (`glossary`, issue 17), and the entries
 * (core/glossary: their message ids, source files, related keys) a chunk of their own: both fetched
 * when a mouse first rests on a term or one first opens, the explanations in the page's language;
 * the popover is shown once they are here. Until then the page knows only which keys have an
 * entry, and their names (term-index.ts). The tests and the CLI hold every message; the tests
 * fetch the entries first (`loadGlossaryEntries`).
 */
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent, PointerEvent, ReactNode } from 'react';
import { create } from 'zustand';
import type * as Glossary from '../../core/glossary/index.ts';
import { MsgText } from '../i18n/MsgText.tsx';
import { useLocale } from '../i18n/locale.ts';
import { formatMsg, hasCatalogPart, loadCatalogPart } from '../../core/i18n/index.ts';
import { useTermWords } from './term-words.ts';
import { hasTerm, termKeyOf, termName } from './term-index.ts';

export { termKeyOf } from './term-index.ts';
import { codeChunks } from '../i18n/format.tsx';

/** Which term's popover is open (one a page), and whether it was pinned (click, tap, Enter, Space). */
const useOpenTerm = create<{ id: string | null; pinned: boolean }>(() => ({ id: null, pinned: false }));

/** The catalog part with the entries' plain words and kernel detail (core/i18n/tools/catalog-parts.ts). */
const GLOSSARY_PART = 'glossary';
/** Counts the glossary part's and entries' arrivals, so an open popover waiting for them renders again. */
const useGlossaryArrivals = create<{ n: number }>(() => ({ n: 0 }));
/** The glossary's entries, once their chunk is here. */
let entries: typeof Glossary | null = null;
let entriesChunk: Promise<typeof Glossary> | null = null;
/** Fetch the glossary's entries (once; a failed fetch is tried again on the next term opened). */
export function loadGlossaryEntries(): Promise<typeof Glossary> {
  entriesChunk ??= import('../../core/glossary/index.ts').then(
    (m) => (entries = m),
    (e: unknown) => {
      entriesChunk = null;
      throw e;
    },
  );
  return entriesChunk;
}
/** Fetch the glossary part and the entries (once; a failed fetch is tried again on the next term opened). */
function needGlossary(): void {
  const arrived = () => useGlossaryArrivals.setState((s) => ({ n: s.n + 1 }));
  loadCatalogPart(GLOSSARY_PART).then(arrived, () => {});
  if (!entries) loadGlossaryEntries().then(arrived, () => {});
}

/** How long a mouse rests on a term before it opens, and may wander off before it closes (ms). */
const OPEN_DELAY = 120;
const CLOSE_DELAY = 250;
/** Space kept between the popover and the viewport's edges, and between it and the term (px). */
const EDGE = 8;
const GAP = 6;

/** Where the popover goes: below the term, or above it when there is more room there; inside the viewport. */
export function placePopover(
  term: { left: number; top: number; bottom: number },
  pop: { width: number; height: number },
  view: { width: number; height: number },
): { left: number; top: number } {
  const left = Math.max(EDGE, Math.min(term.left, view.width - pop.width - EDGE));
  const below = view.height - term.bottom - GAP - EDGE;
  const above = term.top - GAP - EDGE;
  const top =
    pop.height <= below || below >= above ? term.bottom + GAP : Math.max(EDGE, term.top - GAP - pop.height);
  return { left, top };
}

const hasPopoverApi = (el: HTMLElement): el is HTMLElement & { showPopover(): void; hidePopover(): void } =>
  typeof (el as { showPopover?: unknown }).showPopover === 'function';

function isFocusVisible(el: Element): boolean {
  try {
    return el.matches(':focus-visible');
  } catch {
    return true; // a browser without :focus-visible: treat focus as from the keyboard
  }
}

/**
 * A kernel term (`k`, a glossary key exactly as shown) with its popover. A key the glossary does
 * not have shows the text alone (never an error on the page); the app's keys are checked by a test.
 */
export function Term({ k, children }: { k: string; children?: ReactNode }) {
  if (!hasTerm(k)) return <>{children ?? k}</>;
  return <TermButton entryKey={k}>{children ?? k}</TermButton>;
}

/**
 * `<code>` chunks of a catalog message, each a glossary popover when it names a term
 * (`fmtNode(intl, d, { code: termCodeChunks })`). For prose only: never inside a button, a link,
 * a `<summary>` or a `<label>` (a control inside a control).
 */
export const termCodeChunks = (chunks: ReactNode[]): ReactNode => {
  const text = chunks.map((c) => (typeof c === 'string' ? c : '')).join('');
  const k = termKeyOf(text);
  return k ? <Term k={k}>{codeChunks(chunks)}</Term> : codeChunks(chunks);
};

/**
 * `text` (an identifier the page shows) with its glossary popover when it (or `lookup`, e.g. the
 * name without `struct `) names a term.
 */
export function TermText({ text, lookup = text }: { text: string; lookup?: string }) {
  const k = termKeyOf(text) ?? termKeyOf(lookup);
  return k ? <Term k={k}>{text}</Term> : <>{text}</>;
}

/**
 * A row of glossary terms under a diagram whose SVG labels name them (`label` before them; the
 * kit's "Terms in the picture:" by default): a word reads as its name in the page's language.
 */
export function TermRow({ keys, label }: { keys: readonly string[]; label?: ReactNode }) {
  const w = useTermWords();
  const locale = useLocale();
  const shown = keys.filter(hasTerm);
  if (shown.length === 0) return null;
  return (
    <p className="term-row">
      <span className="term-row-label">{label ?? w.inPicture}</span>{' '}
      {shown.map((k, i) => {
        const name = termName(k);
        return (
          <span key={k}>
            {i > 0 && ' · '}
            <Term k={k}>{name ? formatMsg(name, locale) : <code>{k}</code>}</Term>
          </span>
        );
      })}
    </p>
  );
}

function TermButton({ entryKey, children }: { entryKey: string; children: ReactNode }) {
  const id = useId();
  const popId = `${id}-pop`;
  const titleId = `${id}-title`;
  const open = useOpenTerm((s) => s.id === id);
  const locale = useLocale();
  useGlossaryArrivals((s) => s.n);
  // The popover is on the page once its entry and words are (an instant after it opens, the first time).
  const [shownKey, setShownKey] = useState(entryKey);
  const shown = entries?.glossaryEntry(shownKey);
  const shownPop = open && !!shown && hasCatalogPart(locale, GLOSSARY_PART);
  const button = useRef<HTMLButtonElement>(null);
  const wrap = useRef<HTMLSpanElement>(null);
  const pop = useRef<HTMLSpanElement>(null);
  const timer = useRef<number | undefined>(undefined);
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);

  const clearTimer = () => {
    if (timer.current !== undefined) window.clearTimeout(timer.current);
    timer.current = undefined;
  };
  const show = useCallback(
    (pinned: boolean) => {
      needGlossary();
      if (useOpenTerm.getState().id !== id) {
        setShownKey(entryKey);
        setPos(null);
      }
      useOpenTerm.setState({ id, pinned });
    },
    [id, entryKey],
  );
  const close = useCallback(() => {
    if (useOpenTerm.getState().id === id) useOpenTerm.setState({ id: null, pinned: false });
  }, [id]);

  useEffect(
    () => () => {
      if (timer.current !== undefined) window.clearTimeout(timer.current);
      if (useOpenTerm.getState().id === id) useOpenTerm.setState({ id: null, pinned: false });
    },
    [id],
  );

  // Shown in the top layer, and placed inside the viewport; kept there while the page scrolls.
  useLayoutEffect(() => {
    const el = pop.current;
    if (!shownPop || !el) return;
    if (hasPopoverApi(el)) {
      try {
        el.showPopover();
      } catch {
        // already shown
      }
    }
    const place = () => {
      const b = button.current?.getBoundingClientRect();
      if (!b) return;
      const p = el.getBoundingClientRect();
      setPos(
        placePopover(b, p, {
          width: document.documentElement.clientWidth || window.innerWidth,
          height: window.innerHeight,
        }),
      );
    };
    place();
    window.addEventListener('resize', place);
    window.addEventListener('scroll', place, true);
    return () => {
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place, true);
    };
  }, [shownPop, shownKey]);

  // Escape anywhere closes a popover opened by hover; a press outside closes a pinned one.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    const onDown = (e: globalThis.PointerEvent) => {
      if (e.target instanceof Node && wrap.current?.contains(e.target)) return;
      close();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onDown);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onDown);
    };
  }, [open, close]);

  const onEnter = (e: PointerEvent) => {
    if (e.pointerType !== 'mouse') return;
    clearTimer();
    needGlossary(); // its words start coming while the mouse rests
    if (!open) timer.current = window.setTimeout(() => show(false), OPEN_DELAY);
  };
  const onLeave = (e: PointerEvent) => {
    if (e.pointerType !== 'mouse') return;
    clearTimer();
    if (open && !useOpenTerm.getState().pinned) timer.current = window.setTimeout(close, CLOSE_DELAY);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !open) return;
    e.stopPropagation();
    close();
    button.current?.focus();
  };

  const w = useTermWords();
  const links = shown && entries ? entries.glossaryLinks(shown) : null;
  return (
    <span
      ref={wrap}
      className="term"
      onPointerEnter={onEnter}
      onPointerLeave={onLeave}
      onKeyDown={onKeyDown}
      onBlur={(e) => {
        if (!(e.relatedTarget instanceof Node && wrap.current?.contains(e.relatedTarget))) close();
      }}
    >
      <button
        ref={button}
        type="button"
        className="term-button"
        aria-expanded={open}
        aria-controls={shownPop ? popId : undefined}
        onFocus={(e) => {
          if (!open && isFocusVisible(e.currentTarget)) show(false);
        }}
        onClick={() => {
          clearTimer();
          if (open && useOpenTerm.getState().pinned) close();
          else show(true);
        }}
      >
        {children}
      </button>
      {shownPop && shown && links && (
        <span
          ref={pop}
          id={popId}
          className="term-pop"
          popover="manual"
          role="group"
          aria-label={w.region(shown.key)}
          data-placed={pos ? 'yes' : 'no'}
          style={pos ? { left: `${pos.left}px`, top: `${pos.top}px` } : undefined}
        >
          <span className="term-pop-head">
            <span id={titleId} className="term-pop-title">
              <code>{shown.key}</code>
              {shown.name && (
                <span className="term-pop-name">
                  <MsgText msg={shown.name} />
                </span>
              )}
            </span>
            <button
              type="button"
              className="term-pop-close"
              aria-label={w.close}
              onClick={() => {
                close();
                button.current?.focus();
              }}
            >
              ×
            </button>
          </span>
          <span className="term-pop-plain">
            <MsgText msg={shown.plain} />
          </span>
          <span className="term-pop-label">{w.kernel}</span>
          <span className="term-pop-detail">
            <MsgText msg={shown.detail} />
          </span>
          <span className="term-pop-source">
            <span className="term-pop-label">{w.source}</span>{' '}
            <a href={links.file} target="_blank" rel="noreferrer">
              <code>{shown.file}</code>
              <span className="visually-hidden"> {w.newTab}</span>
            </a>
            {links.ident && shown.ident && (
              <>
                {' · '}
                <a href={links.ident} target="_blank" rel="noreferrer">
                  <code>{shown.ident}</code>
                  <span className="visually-hidden"> {w.newTab}</span>
                </a>
              </>
            )}
          </span>
          {shown.related.length > 0 && (
            <span className="term-pop-related">
              <span className="term-pop-label">{w.related}</span>{' '}
              {shown.related.map((r) => {
                return hasTerm(r) ? (
                  <button key={r} type="button" className="term-pop-rel" onClick={() => setShownKey(r)}>
                    <code>{r}</code>
                  </button>
                ) : null;
              })}
            </span>
          )}
        </span>
      )}
    </span>
  );
}

/** Kernel variables and their values as a description list, each name a `Term` with its popover. */
export function TermValues({
  className,
  label,
  rows,
  monoValues,
}: {
  className: string;
  label: string;
  rows: readonly (readonly [string, ReactNode])[];
  /** Values in monospace too (values that may be text, not only numbers). */
  monoValues?: boolean;
}) {
  return (
    <dl className={className} aria-label={label}>
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt className="mono">
            <Term k={k}>{k}</Term>
          </dt>
          <dd className={monoValues ? 'mono' : undefined}>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
