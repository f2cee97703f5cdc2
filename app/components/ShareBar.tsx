/**
 * Copy link, Export SVG / PNG and the embed code, for whichever lab is showing. The bar lives in
 * the shell, so it knows no lab: it exports the element the lab marks with `data-main-diagram`
 * (the attribute's value names the file: `sockscope-<lab>-<value>.svg`).
 */
import { useRef, useState } from 'react';
import { embedHref, embedSnippet, shareHref } from '../embed/embed-url.ts';
import { downloadBlob, exportFileName, svgToPng } from '../embed/download.ts';
import { serializeDiagram } from '../embed/svg-export.ts';
import { useIntl } from 'react-intl';
import { defineMessages } from '../../core/i18n/index.ts';
import { fmt } from '../i18n/format.tsx';
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
});

export const MAIN_DIAGRAM_SELECTOR = 'main [data-main-diagram]';

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

export function ShareBar({ lab, title, embed }: { lab: string; title: string; embed: boolean }) {
  const intl = useIntl();
  const locale = useLocale();
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
      const d = serializeDiagram(el, { description: `sockscope — ${title}: ${shareHref(location.href)}` });
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
        <button
          type="button"
          className="share-btn"
          onClick={() => void copy(shareHref(location.href), 'link')}
        >
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
        {embed ? (
          <a
            className="share-btn share-open"
            href={shareHref(location.href)}
            target="_blank"
            rel="noreferrer"
          >
            <Label long={fmt(intl, M.open)} short={fmt(intl, M.openShort)} />
          </a>
        ) : (
          <button
            type="button"
            className="share-btn"
            onClick={() => void copy(embedSnippet(embedHref(location.href), `sockscope: ${title}`), 'embed')}
          >
            <Label long={fmt(intl, M.embedCode)} short={fmt(intl, M.embedShort)} />
          </button>
        )}
        {embed && <LanguageSwitch />}
      </div>
      <p className="share-status" role="status" aria-live="polite">
        {status?.text}
      </p>
      {status?.fallback && (
        <textarea
          key={seq.current}
          className="share-fallback mono"
          readOnly
          aria-label={fmt(intl, M.toCopy)}
          rows={status.fallback.includes('\n') ? 6 : 1}
          value={status.fallback}
          autoFocus
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
    </div>
  );
}
