/**
 * The hex editor: a textarea of the buffer's hex, a page of it at a time when the buffer is long
 * (hexPages.ts: 512 lines, 4 KiB; every sample and anything up to 4 KiB is one page, the whole
 * text, as before). The lab's text is the text before the page, the page as typed and the text
 * after it: a keystroke lays out one page, not 8,192 lines (issue 17). Previous / next and a
 * page list open another page; the hint says which bytes the box shows.
 */
import { memo, useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { ClipboardEvent, RefObject } from 'react';
import { Field } from '../../components/Field.tsx';
import type { Text } from '../../../core/i18n/index.ts';
import { rememberHexParts } from './buffer.ts';
import type { HexParts } from './buffer.ts';
import { W, useNlWords } from './words.ts';
import { formatHex, readHex } from './store.ts';
import { PAGE_LINES, joinPage, linesUpTo, pageBytes, slicePage } from './hexPages.ts';
import type { HexSlice } from './hexPages.ts';

/** The editor's height: a line more than the text has, 4 to 12 (counted up to 12, not split). */
export function editorRows(text: string): number {
  return Math.min(12, Math.max(4, linesUpTo(text, 12) + 1));
}

/**
 * A pasted dump with long lines (a URL's `hex=`, `xxd -p`, one line of digits) goes in as the
 * editor's lines, 8 bytes each, when it reads as whole bytes. The browser lays a textarea's text
 * out line by line: a keystroke in one 130,000-character line lays all of it out again, one in a
 * line of 8 bytes only that line. Inserted as one edit (insertText), so the browser's undo takes
 * it back in one step; where the browser cannot, the paste goes in as it came.
 */
export function pasteAsLines(e: ClipboardEvent<HTMLTextAreaElement>) {
  const text = e.clipboardData.getData('text/plain');
  const lines = pastedLines(text);
  if (lines !== null && e.currentTarget.ownerDocument.execCommand('insertText', false, lines))
    e.preventDefault();
}

/** What a paste inserts instead of `text`: its bytes as the editor's lines, or null (as it is). */
export function pastedLines(text: string): string | null {
  if (!LONG_LINE.test(text)) return null;
  const r = readHex(text);
  return r.ok ? formatHex(r.bytes) : null;
}
/** A line longer than 4 of the editor's: 32 bytes of digits, or a dump's wide line. */
const LONG_LINE = /[^\n]{97}/;

/**
 * The box, uncontrolled: a controlled textarea has React read its value and its defaultValue
 * (its text child) and write the defaultValue on every render. Here the browser keeps the text as
 * typed, and HexEditor writes the page into it only when it is not what the box holds (a sample,
 * the builder, a URL, another page). Memoised on its few props: a keystroke does not render it.
 */
const HexBox = memo(function HexBox({
  boxRef,
  id,
  describedBy,
  invalid,
  rows,
  onPage,
  onPaste,
}: {
  boxRef: RefObject<HTMLTextAreaElement | null>;
  id: string;
  describedBy: string | undefined;
  invalid: true | undefined;
  rows: number;
  onPage: (page: string, el: HTMLTextAreaElement) => void;
  onPaste: (e: ClipboardEvent<HTMLTextAreaElement>) => void;
}) {
  return (
    <textarea
      ref={boxRef}
      id={id}
      aria-describedby={describedBy}
      aria-invalid={invalid}
      className="mono nl-hex"
      defaultValue=""
      rows={rows}
      spellCheck={false}
      autoCapitalize="off"
      autoComplete="off"
      onChange={(e) => onPage(e.target.value, e.target)}
      onPaste={onPaste}
    />
  );
});

/**
 * The hex field: label, box, error, hint, and the pages of a long buffer. `text` is the lab's
 * hex text (the store's), `onText` gets the whole text after each edit, and the same cut around
 * the page (the lab reads the page, not the whole text, when the text around it is unchanged).
 */
export function HexEditor({
  text,
  bytes,
  reads,
  error,
  onText,
}: {
  text: string;
  /** The buffer on show (the last good one). */
  bytes: Uint8Array;
  /** Whether `text` reads as `bytes` (no error: the last edit read, or the text is the bytes'). */
  reads: boolean;
  error: Text | undefined;
  onText: (text: string, parts: HexParts) => void;
}) {
  const { t, s } = useNlWords();
  const box = useRef<HTMLTextAreaElement>(null);
  // The page on show, cut from the lab's text. A keystroke makes the next slice (joinPage) and
  // the text it sends comes back as `text`: the same slice, nothing cut again. A text from
  // elsewhere (a sample, the builder, a URL) is cut again at the same page.
  const cut = useRef<HexSlice | null>(null);
  // What the page list last said aloud: the page opened (not each keystroke's new range).
  const [opened, setOpened] = useState('');
  const was = cut.current;
  const slice = was && was.text === text ? was : slicePage(text, was?.index ?? 0);
  cut.current = slice;
  useLayoutEffect(() => {
    const el = box.current;
    if (el && el.value !== slice.page) el.value = slice.page;
  });
  // A page cut from a text that reads as the buffer: the bytes around the page are the buffer's,
  // known before the first keystroke on it.
  useLayoutEffect(() => {
    const d = slice;
    if (d.pages > 1 && reads && d.beforeDigits % 2 === 0 && d.afterDigits % 2 === 0)
      if (bytes.length * 2 === d.beforeDigits + d.pageDigits + d.afterDigits)
        rememberHexParts(
          [d.before, bytes.subarray(0, d.beforeDigits / 2)],
          [d.after, bytes.subarray(bytes.length - d.afterDigits / 2)],
        );
    // Only a slice cut (a keystroke's slice comes from the one before, whose parts are known).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slice.before, slice.after]);

  const saidOf = useCallback(
    (sl: HexSlice) => {
      const b = pageBytes(sl, sl.index);
      return s(W.hexPageShown, { page: sl.index + 1, pages: sl.pages, from: b.from, to: b.to });
    },
    [s],
  );

  /**
   * The page as typed, the caret at `caret`: the next slice, and the lab's text. A page grown past
   * two pages' lines (a paste of many lines), or `repage`, is cut again around the caret: the box
   * holds the page the caret is on, so a keystroke lays out one page again. (The browser's undo
   * then starts anew: the box's text was replaced.)
   */
  const edit = useCallback(
    (page: string, caret: number, el: HTMLTextAreaElement, repage: boolean) => {
      const s0 = cut.current;
      if (!s0) return;
      let next = joinPage(s0, page);
      if (
        repage ||
        ((s0.pages > 1 || page.length > PAGE_LINES * 24) && linesUpTo(page, 2 * PAGE_LINES) > 2 * PAGE_LINES)
      ) {
        const at = s0.before.length + caret;
        const line = s0.index * PAGE_LINES + linesUpTo(page.slice(0, caret), Infinity) - 1;
        next = slicePage(next.text, Math.floor(line / PAGE_LINES));
        el.value = next.page;
        const inPage = Math.max(0, Math.min(next.page.length, at - next.before.length));
        el.setSelectionRange(inPage, inPage);
        if (next.pages > 1) setOpened(saidOf(next));
      }
      cut.current = next;
      onText(next.text, next);
    },
    [onText, saidOf],
  );
  const onPage = useCallback(
    (page: string, el: HTMLTextAreaElement) => edit(page, el.selectionEnd, el, false),
    [edit],
  );
  /**
   * A paste of more than a page's lines goes into the lab's text, not through the box: the box
   * then shows the page the caret is on (a browser inserting 8,192 lines into a textarea takes
   * seconds). Smaller pastes are the browser's, as lines (pasteAsLines).
   */
  const onPaste = useCallback(
    (e: ClipboardEvent<HTMLTextAreaElement>) => {
      const raw = e.clipboardData.getData('text/plain');
      const text = pastedLines(raw) ?? raw;
      if (linesUpTo(text, PAGE_LINES) <= PAGE_LINES) return pasteAsLines(e);
      e.preventDefault();
      const el = e.currentTarget;
      const { selectionStart: from, selectionEnd: to, value } = el;
      edit(value.slice(0, from) + text + value.slice(to), from + text.length, el, true);
    },
    [edit],
  );

  const open = (i: number) => {
    const s0 = cut.current;
    if (!s0 || i === s0.index || i < 0 || i >= s0.pages) return;
    cut.current = slicePage(s0.text, i);
    setOpened(saidOf(cut.current));
  };

  const paged = slice.pages > 1;
  const pageHint = paged ? saidOf(slice) : null;
  return (
    <>
      <Field
        label={s(W.hex)}
        error={error}
        hint={
          <>
            {t(W.hexHint, { n: bytes.length })}
            {pageHint && ` ${pageHint}`}
          </>
        }
        className="nl-hex-field"
      >
        {(a) => (
          <HexBox
            boxRef={box}
            id={a.id}
            describedBy={a['aria-describedby']}
            invalid={a['aria-invalid']}
            rows={editorRows(slice.page)}
            onPage={onPage}
            onPaste={onPaste}
          />
        )}
      </Field>
      {paged && (
        <div className="nl-hex-pages" role="group" aria-label={s(W.hexPages)}>
          <button
            type="button"
            className="icon-btn"
            aria-label={s(W.hexPagePrev)}
            title={s(W.hexPagePrev)}
            onClick={() => open(slice.index - 1)}
            aria-disabled={slice.index === 0 || undefined}
          >
            <span aria-hidden="true">‹</span>
          </button>
          <label className="nl-hex-pick">
            <span className="visually-hidden">{t(W.hexPagePick)}</span>
            <select value={slice.index} onChange={(e) => open(Number(e.target.value))}>
              {Array.from({ length: slice.pages }, (_, i) => {
                const b = pageBytes(slice, i);
                return (
                  <option key={i} value={i}>
                    {s(W.hexPageOption, { page: i + 1, from: b.from, to: b.to })}
                  </option>
                );
              })}
            </select>
          </label>
          <button
            type="button"
            className="icon-btn"
            aria-label={s(W.hexPageNext)}
            title={s(W.hexPageNext)}
            onClick={() => open(slice.index + 1)}
            aria-disabled={slice.index >= slice.pages - 1 || undefined}
          >
            <span aria-hidden="true">›</span>
          </button>
          <p className="visually-hidden" aria-live="polite">
            {opened}
          </p>
        </div>
      )}
    </>
  );
}
