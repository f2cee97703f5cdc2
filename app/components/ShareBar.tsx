/**
 * Copy link, Export SVG / PNG and the embed code, for whichever lab is showing. The bar lives in
 * the shell, so it knows no lab: it exports the element the lab marks with `data-main-diagram`
 * (the attribute's value names the file: `sockscope-<lab>-<value>.svg`).
 */
import { useCallback, useId, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import {
  dropinSnippet,
  embedCodeHref,
  embedSnippet,
  pageQueryOf,
  shareHref,
  type EmbedViewChoice,
} from '../embed/embed-url.ts';
import { Segmented } from './Segmented.tsx';
import { flushUrl, onUrlWritten } from '../lab-kit/url-flush.ts';
import { downloadBlob, exportFileName, svgToPng } from '../embed/download.ts';
import { useIntl } from 'react-intl';
import type { MessageDescriptor } from 'react-intl';
import { defineMessages } from '../../core/i18n/index.ts';
import { codeChunks, fmt, fmtNode } from '../i18n/format.tsx';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { useLocale } from '../i18n/locale.ts';

const M = defineMessages({
  copied: {
    id: 'app.share.copied',
    defaultMessage: 'Copied the {what, select, link {link} other {embed code}}.',
  },
  noClipboard: {
    id: 'app.share.noClipboard',
    defaultMessage:
      'This page may not use the clipboard; copy the {what, select, link {link} other {embed code}} from the box.',
  },
  noDiagram: { id: 'app.share.noDiagram', defaultMessage: 'This lab shows no diagram to export right now.' },
  saved: { id: 'app.share.saved', defaultMessage: 'Saved {name}.' },
  exportFailed: { id: 'app.share.exportFailed', defaultMessage: 'Could not export the {ext}: {why}' },
  group: { id: 'app.share.group', defaultMessage: 'Share this lab' },
  copyLink: { id: 'app.share.copyLink', defaultMessage: 'Copy link' },
  copyLinkShort: { id: 'app.share.copyLink.short', defaultMessage: 'Link' },
  exportSvg: { id: 'app.share.exportSvg', defaultMessage: 'Export SVG' },
  exportPng: { id: 'app.share.exportPng', defaultMessage: 'Export PNG' },
  open: { id: 'app.share.open', defaultMessage: 'Open in sockscope ↗' },
  openShort: { id: 'app.share.open.short', defaultMessage: 'Open ↗' },
  embedCode: { id: 'app.share.embedCode', defaultMessage: 'Copy embed code' },
  embedShort: { id: 'app.share.embedCode.short', defaultMessage: 'Embed' },
  toCopy: { id: 'app.share.toCopy', defaultMessage: 'Text to copy' },
  codePanel: { id: 'app.share.codePanel', defaultMessage: 'Embed code' },
  codeView: { id: 'app.share.codeView', defaultMessage: 'Show' },
  viewFull: { id: 'app.share.view.full', defaultMessage: 'Whole lab' },
  viewCompact: { id: 'app.share.view.compact', defaultMessage: 'Compact' },
  viewDiagram: { id: 'app.share.view.diagram', defaultMessage: 'Diagram only' },
  codeKind: { id: 'app.share.codeKind', defaultMessage: 'Code' },
  kindDropin: { id: 'app.share.kind.dropin', defaultMessage: 'Script (embed.js)' },
  kindIframe: { id: 'app.share.kind.iframe', defaultMessage: 'Plain iframe' },
  codeText: { id: 'app.share.codeText', defaultMessage: 'The embed code' },
  copyCode: { id: 'app.share.copyCode', defaultMessage: 'Copy' },
  closeCode: { id: 'app.share.closeCode', defaultMessage: 'Close the embed code' },
  codeHint: {
    id: 'app.share.codeHint',
    defaultMessage:
      'The script goes once on a page, then one <code>div</code> per lab; it sizes each embed and follows the page’s theme and language.',
  },
});

type CodeKind = 'dropin' | 'iframe';

/**
 * The page's address, kept current: a hashchange (another lab, a pasted link), every change of
 * the lab's state (`subscribe` is the lab's) and url-sync's write of it once the lab is still
 * (replaceState fires no event). What is copied or followed flushes the write first (`here`), so
 * "Open in sockscope ↗", Copy link and the embed code always carry the state the reader sees.
 */
function useHref(subscribe?: (onChange: () => void) => () => void): string {
  const sub = useCallback(
    (cb: () => void) => {
      window.addEventListener('hashchange', cb);
      const stop = subscribe?.(cb);
      const stopWritten = onUrlWritten(cb);
      return () => {
        window.removeEventListener('hashchange', cb);
        stop?.();
        stopWritten();
      };
    },
    [subscribe],
  );
  return useSyncExternalStore(
    sub,
    () => window.location.href,
    () => '',
  );
}

/** The address with every waiting lab change written into it. */
function here(): string {
  flushUrl();
  return location.href;
}

const viewOf = (href: string): EmbedViewChoice => {
  const v = new URLSearchParams(pageQueryOf(href)).get('view');
  return v === 'compact' || v === 'diagram' ? v : 'full';
};

export const MAIN_DIAGRAM_SELECTOR = 'main [data-main-diagram]';

/** The embed code's views and kinds, each with its name. */
const VIEWS: readonly (readonly [EmbedViewChoice, MessageDescriptor])[] = [
  ['full', M.viewFull],
  ['compact', M.viewCompact],
  ['diagram', M.viewDiagram],
];
const KINDS: readonly (readonly [CodeKind, MessageDescriptor])[] = [
  ['dropin', M.kindDropin],
  ['iframe', M.kindIframe],
];

/** A row of the embed-code panel: its title and a choice among a few (`[value, name]` each). */
function CodeChoice<V extends string>({
  title,
  value,
  onChange,
  options,
}: {
  title: MessageDescriptor;
  value: V;
  onChange: (v: V) => void;
  options: readonly (readonly [V, MessageDescriptor])[];
}) {
  const intl = useIntl();
  const id = useId();
  return (
    <div className="share-code-row">
      <span className="share-code-label" id={id}>
        {fmt(intl, title)}
      </span>
      <Segmented<V>
        name={id}
        labelledBy={id}
        value={value}
        onChange={onChange}
        options={options.map(([v, name]) => ({ value: v, label: fmt(intl, name) }))}
      />
    </div>
  );
}

/** A button's text: whole on wide screens, short on a phone; its accessible name is always the long one. */
function Label({ long, short }: { long: string; short: string }) {
  return (
    <>
      <span className="share-long">{long}</span>
      <span className="share-short" aria-hidden="true">
        {short}
      </span>
    </>
  );
}

type Status = { text: string; fallback?: string } | null;

async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function ShareBar({
  lab,
  title,
  embed,
  subscribe,
  actions,
}: {
  lab: string;
  title: string;
  embed: boolean;
  /** The lab's store subscription (LabInstance.subscribe): the links follow the lab's state. */
  subscribe?: (onChange: () => void) => () => void;
  /** More of the lab's actions, after the exports (the capture's open and pcapng export, app/capture). */
  actions?: ReactNode;
}) {
  const intl = useIntl();
  const locale = useLocale();
  const href = useHref(subscribe);
  const panelId = useId();
  const [codeOpen, setCodeOpen] = useState(false);
  const [view, setView] = useState<EmbedViewChoice | null>(null);
  const [kind, setKind] = useState<CodeKind>('dropin');
  const codeView = view ?? viewOf(href);
  /** The code for `at` (the render passes the address it shows; a copy flushes and reads it). */
  const code = (k: CodeKind = kind, at: string = here()) => {
    const choice = { view: codeView, lang: locale };
    return k === 'dropin'
      ? dropinSnippet(at, choice)
      : embedSnippet(embedCodeHref(at, choice), `sockscope: ${title}`);
  };
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const seq = useRef(0);
  const say = (s: Status) => {
    seq.current += 1;
    setStatus(s);
  };

  const copy = async (text: string, what: 'link' | 'embed') => {
    if (await copyText(text)) say({ text: fmt(intl, M.copied, { what }) });
    else say({ text: fmt(intl, M.noClipboard, { what }), fallback: text });
  };

  const exportAs = async (ext: 'svg' | 'png') => {
    const el = document.querySelector(MAIN_DIAGRAM_SELECTOR);
    if (!el) return say({ text: fmt(intl, M.noDiagram) });
    // A bare `data-main-diagram` (React writes "true", HTML "") names no diagram: `…-diagram.svg`.
    const named = el.getAttribute('data-main-diagram');
    const name = exportFileName(lab, named && named !== 'true' ? named : 'diagram', ext, locale);
    setBusy(true);
    try {
      // The exporter is a chunk of its own, fetched on the first export (issue 17).
      const { serializeDiagram } = await import('../embed/svg-export.ts');
      const d = serializeDiagram(el, { description: `sockscope — ${title}: ${shareHref(here())}` });
      const blob =
        ext === 'svg'
          ? new Blob([d.svg], { type: 'image/svg+xml' })
          : await svgToPng(d.svg, d.width, d.height, 2);
      downloadBlob(blob, name);
      say({ text: fmt(intl, M.saved, { name }) });
    } catch (e) {
      say({
        text: fmt(intl, M.exportFailed, {
          ext: ext.toUpperCase(),
          why: e instanceof Error ? e.message : String(e),
        }),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={`share-bar${embed ? ' share-bar--embed' : ''}`}>
      <div className="share-actions" role="group" aria-label={fmt(intl, M.group)}>
        <button type="button" className="share-btn" onClick={() => void copy(shareHref(here()), 'link')}>
          <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
            <path
              d="M6.5 9.5l3-3M7 4.5l1.2-1.2a2.6 2.6 0 0 1 3.7 3.7L10.7 8.2M9 11.5l-1.2 1.2a2.6 2.6 0 0 1-3.7-3.7L5.3 7.8"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.6"
              strokeLinecap="round"
            />
          </svg>
          <Label long={fmt(intl, M.copyLink)} short={fmt(intl, M.copyLinkShort)} />
        </button>
        <button type="button" className="share-btn" disabled={busy} onClick={() => void exportAs('svg')}>
          <Label long={fmt(intl, M.exportSvg)} short="SVG" />
        </button>
        <button type="button" className="share-btn" disabled={busy} onClick={() => void exportAs('png')}>
          <Label long={fmt(intl, M.exportPng)} short="PNG" />
        </button>
        {actions}
        {embed ? (
          <a
            className="share-btn share-open"
            href={shareHref(href || location.href)}
            target="_blank"
            rel="noreferrer"
            // Read the address again as it is followed, whatever may have changed it since the render.
            onClick={(e) => (e.currentTarget.href = shareHref(here()))}
          >
            <Label long={fmt(intl, M.open)} short={fmt(intl, M.openShort)} />
          </a>
        ) : (
          <button
            type="button"
            className="share-btn"
            aria-expanded={codeOpen}
            aria-controls={panelId}
            onClick={() => {
              // Copies at once (the code of the choices below) and opens them for another pick.
              setCodeOpen(true);
              void copy(code(), 'embed');
            }}
          >
            <Label long={fmt(intl, M.embedCode)} short={fmt(intl, M.embedShort)} />
          </button>
        )}
        {embed && <LanguageSwitch />}
      </div>
      <p className="share-status" role="status" aria-live="polite">
        {status?.text}
      </p>
      {!embed && codeOpen && (
        <div id={panelId} className="share-code" role="group" aria-label={fmt(intl, M.codePanel)}>
          <CodeChoice title={M.codeView} value={codeView} onChange={setView} options={VIEWS} />
          <CodeChoice title={M.codeKind} value={kind} onChange={setKind} options={KINDS} />
          <textarea
            className="share-fallback mono"
            readOnly
            aria-label={fmt(intl, M.codeText)}
            rows={kind === 'dropin' ? 5 : 9}
            value={href ? code(kind, href) : ''}
            onFocus={(e) => e.currentTarget.select()}
          />
          <div className="share-code-row">
            <p className="share-code-hint">{fmtNode(intl, M.codeHint, { code: codeChunks })}</p>
            <button type="button" className="share-btn" onClick={() => void copy(code(), 'embed')}>
              {fmt(intl, M.copyCode)}
            </button>
            <button
              type="button"
              className="share-btn"
              aria-label={fmt(intl, M.closeCode)}
              onClick={() => setCodeOpen(false)}
            >
              <span aria-hidden="true">×</span>
            </button>
          </div>
        </div>
      )}
      {status?.fallback && (
        <textarea
          key={seq.current}
          className="share-fallback mono"
          readOnly
          aria-label={fmt(intl, M.toCopy)}
          rows={status.fallback.includes('\n') ? 6 : 1}
          value={status.fallback}
          ref={focusOnMount}
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
    </div>
  );
}

/**
 * Focus an element when it is mounted. Not `autoFocus`: React focused such an element itself, but
 * the page runs on Preact (vite.config.ts), which only sets the attribute, and browsers heed
 * `autofocus` on page load only.
 */
function focusOnMount(el: HTMLElement | null): void {
  el?.focus();
}
