/**
 * A lab's primer (issue 14): "What you are looking at", a few sentences a first-year student
 * understands, and "What to try first", with a link that loads a telling case. Declared once per
 * lab (`primer` in its `defineLab`, words in its `primer.ts`); LabShell shows it right after the
 * title, in the full view only (an embed's `diagram` and `compact` views leave it out).
 *
 * It is a `<details>`, open on a first visit (one summary line on a phone: PRIMER_NARROW, and on
 * every screen for a lab whose primer is `folded`, the Journey); whether
 * the student closed it is kept per lab in localStorage, so a returning student sees the diagram
 * first and one summary line.
 *
 * Its messages hold `<code>` only (the catalogs' rule); a `<code>` span that is a glossary key opens
 * its popover (`Term`), and the words the prose says in words are linked in a row below it.
 */
import { useCallback, useState } from 'react';
import type { MouseEvent, ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { defineMessages, formatMsg } from '../../core/i18n/index.ts';
import type { Locale } from '../../core/i18n/index.ts';
import { useLocale } from '../i18n/locale.ts';
import { codeChunks, fmt, fmtNode } from '../i18n/format.tsx';
import { Term } from './Term.tsx';
import { hasTerm, termName } from './term-index.ts';
import { flushUrl } from './url-flush.ts';
import { pageParams } from './url.ts';
import { useLabPrimer } from './primer-context.ts';
import type { LabPrimer } from './primer-context.ts';

export type { LabPrimer } from './primer-context.ts';

export const PRIMER = defineMessages({
  title: {
    id: 'app.kit.primer.title',
    defaultMessage: 'What you are looking at',
    description: 'Summary line of a lab’s primer (a short explanation for students who are new to it).',
  },
  tryTitle: {
    id: 'app.kit.primer.try',
    defaultMessage: 'What to try first',
    description: 'Heading in a lab’s primer, before a suggestion of what to do first.',
  },
  terms: {
    id: 'app.kit.primer.terms',
    defaultMessage: 'Words to know:',
    description: 'Label before a row of glossary terms in a lab’s primer (each opens its explanation).',
  },
  tryLink: {
    id: 'app.kit.primer.tryLink',
    defaultMessage: 'Load this case',
    description: 'Link in a lab’s primer that loads the suggested example into the lab.',
  },
});

/**
 * Where a lab's primer state is kept: `closed` once the student closed it, nothing while open
 * (`open` for a primer that starts folded, once the student opened it).
 */
export const primerStorageKey = (path: string) => `sockscope:primer:${path}`;

/**
 * On a phone the primer starts as its one summary line, so the diagram comes right after the title
 * (issue 14); the student opens it with a tap. Not stored: it opens on a wide screen again.
 */
export const PRIMER_NARROW = '(max-width: 700px)';

function readOpen(path: string, folded: boolean): boolean {
  try {
    const kept = window.localStorage.getItem(primerStorageKey(path));
    if (kept === 'closed') return false;
    if (kept === 'open') return true;
  } catch {
    // storage refused: as on a first visit
  }
  return !folded && !window.matchMedia?.(PRIMER_NARROW).matches;
}

function writeOpen(path: string, open: boolean, folded: boolean) {
  try {
    if (open && folded) window.localStorage.setItem(primerStorageKey(path), 'open');
    else if (open) window.localStorage.removeItem(primerStorageKey(path));
    else window.localStorage.setItem(primerStorageKey(path), 'closed');
  } catch {
    // storage refused (private mode, quota): the state lasts for this page only
  }
}

/**
 * `<code>` chunks: a kernel identifier; the first span that is a glossary key (a page shows each
 * term's button once per primer, not at every mention) opens its popover.
 */
function codeTerms(): (chunks: ReactNode[]) => ReactNode {
  const seen = new Set<string>();
  return (chunks) => {
    const key = chunks.map((c) => (typeof c === 'string' ? c : '')).join('');
    if (seen.has(key) || !hasTerm(key)) return codeChunks(chunks);
    seen.add(key);
    return <Term k={key}>{codeChunks(chunks)}</Term>;
  };
}

/** A glossary term by its name in the page's language (分片 for `fragment`), or its key. */
function TermName({ k, locale }: { k: string; locale: Locale }) {
  if (!hasTerm(k)) return null;
  const name = termName(k);
  return <Term k={k}>{name ? formatMsg(name, locale) : <code>{k}</code>}</Term>;
}

/** The primer of the lab in context (nothing when it has none). */
export function LabPrimerPanel() {
  const ctx = useLabPrimer();
  if (!ctx) return null;
  return <PrimerDetails path={ctx.path} primer={ctx.primer} />;
}

function PrimerDetails({ path, primer }: { path: string; primer: LabPrimer }) {
  const intl = useIntl();
  const folded = primer.folded ?? false;
  const [open, setOpen] = useState(() => readOpen(path, folded));
  const onToggle = useCallback(
    (e: { currentTarget: HTMLDetailsElement }) => {
      const now = e.currentTarget.open;
      if (now === open) return;
      setOpen(now);
      // Only the student's own choice is kept (a phone's closed start is not a choice).
      writeOpen(path, now, folded);
    },
    [path, open, folded],
  );
  const locale = useLocale();
  // No buttons in the summary (it is a button itself): its `<code>` stays plain.
  const values = { code: codeTerms() };
  const href = primer.tryQuery !== undefined ? `#/${path}?${primer.tryQuery}` : null;
  const load = (e: MouseEvent<HTMLAnchorElement>) => {
    if (!href) return;
    e.preventDefault();
    // Keep the page's own parameters (lang=, theme=) on the new address (the current state written
    // first: Back returns to it).
    flushUrl();
    const hash = window.location.hash;
    const q = hash.indexOf('?');
    const keep = q >= 0 ? pageParams(hash.slice(q + 1)) : '';
    window.location.hash = keep ? `${href}&${keep}` : href;
  };
  return (
    <details className="lab-primer" open={open} onToggle={onToggle} data-lab={path}>
      <summary>
        <span className="lab-primer-title">{fmt(intl, PRIMER.title)}</span>
        <span className="lab-primer-gist">{fmtNode(intl, primer.gist, { code: codeChunks })}</span>
      </summary>
      <div className="lab-primer-body">
        <p className="lab-primer-what">{fmtNode(intl, primer.what, values)}</p>
        <div className="lab-primer-side">
          <p className="lab-primer-try">
            <strong className="lab-primer-try-title">{fmt(intl, PRIMER.tryTitle)}</strong>{' '}
            {fmtNode(intl, primer.tryFirst, values)}
            {href && (
              <>
                {' '}
                <a className="lab-primer-load" href={href} onClick={load}>
                  {fmt(intl, primer.tryLabel ?? PRIMER.tryLink)}
                </a>
              </>
            )}
          </p>
          {primer.terms && primer.terms.length > 0 && (
            <p className="lab-primer-terms">
              <span className="lab-primer-terms-label">{fmt(intl, PRIMER.terms)}</span>{' '}
              {primer.terms.map((k, i) => (
                <span key={k}>
                  {i > 0 && ' · '}
                  <TermName k={k} locale={locale} />
                </span>
              ))}
            </p>
          )}
        </div>
      </div>
    </details>
  );
}
