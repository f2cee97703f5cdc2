import { useEffect, useLayoutEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { MessageDescriptor } from 'react-intl';
import { hasCatalogPart, loadCatalogPart } from '../../core/i18n/index.ts';
import type { Locale } from '../../core/i18n/index.ts';
import { codeChunks, fmtNode } from '../i18n/format.tsx';
import { parseHash } from './url.ts';
import { useEmbedView } from './view.tsx';
import type { EmbedViewName } from './view.tsx';
import { useKitWords } from './words.ts';

/** What a lab says first: the eyebrow, the title, and a paragraph. */
export interface LabIntro {
  eyebrow: ReactNode;
  title: ReactNode;
  lede: ReactNode;
}

/**
 * A lab's intro (its eyebrow, title and opening paragraph) as every lab page and its loading view
 * draw it: one markup, so the lab replaces its loading view without moving a line. The eyebrow
 * and the paragraph show in the full view only; the `diagram` embed keeps the title for screen
 * readers only. `children` end it (the lab's skip links, its challenge question).
 */
export function IntroHead({
  intro,
  view,
  preview,
  children,
}: {
  intro: LabIntro;
  view: EmbedViewName;
  /** The loading view's: drawn, but out of the accessibility tree (its status line speaks). */
  preview?: boolean;
  children?: ReactNode;
}) {
  // The HTML's first screen (the same intro, drawn before the app's code ran) goes as this comes.
  useLayoutEffect(() => dropFirstScreen(), []);
  return (
    <div
      className={view === 'diagram' ? 'lab-intro visually-hidden' : 'lab-intro'}
      aria-hidden={preview || undefined}
    >
      {view === 'full' && <p className="eyebrow">{intro.eyebrow}</p>}
      <h1>{intro.title}</h1>
      {view === 'full' && <p className="lede">{intro.lede}</p>}
      {children}
    </div>
  );
}

/** Each lab's `introValues` (define-lab.ts LazyLabSpec), by path. */
const INTRO_VALUES = new Map<string, (query: URLSearchParams) => Record<string, string>>();

/** What the lab at `path` gives its opening paragraph from its address (lazyLab registers it). */
export function setIntroValues(
  path: string,
  values: (query: URLSearchParams) => Record<string, string>,
): void {
  INTRO_VALUES.set(path, values);
}

/**
 * The keys of its address the intro of the lab at `path` reads (its `introValues` asked for them,
 * given an empty query), with the values it then takes: the page's HTML draws each lab's intro for
 * an address without those keys only (app/boot/first-screen.tsx). An intro that reads its address
 * otherwise than key by key (get, has, getAll) throws: the build stops rather than guess.
 */
export function introKeysOf(path: string): { keys: string[]; values: Record<string, string> } {
  const introValues = INTRO_VALUES.get(path);
  if (!introValues) return { keys: [], values: {} };
  const keys = new Set<string>();
  const query = new URLSearchParams();
  const read = new Proxy(query, {
    get(target, prop) {
      if (prop === 'get' || prop === 'has' || prop === 'getAll')
        return (k: string) => {
          keys.add(k);
          return prop === 'get' ? target.get(k) : prop === 'has' ? target.has(k) : target.getAll(k);
        };
      // Read any other way (all its entries, its size), the keys it depends on are not known.
      throw new Error(`the intro of lab ${path} reads its address by ${String(prop)}: name keys with get()`);
    },
  });
  const values = introValues(read);
  return { keys: [...keys], values };
}

/**
 * The page's HTML draws the address's first screen (app/boot/first-screen.tsx, in `#boot`) until
 * the app draws the same: the app's intro, once on screen, takes its place in the same frame.
 */
export function dropFirstScreen(doc: Document = document): void {
  doc.getElementById('boot')?.remove();
}

/**
 * A lab's page while its code loads (issue 17: Lighthouse's largest contentful paint was the
 * lab's opening paragraph, drawn only once all its code was in): its intro as soon as the lab's
 * words are here (`lab.<path>` catalog part, a few kilobytes the address's preload asks for with
 * the entry; `lab.<path>.intro.eyebrow|lede`, the ids every lab's words file gives them), then
 * a status line until the lab replaces it. The intro is a preview for the eye: out of the
 * accessibility tree (the status line says the lab is loading; the lab's own heading comes with
 * it), so a reader, a test or a script waiting for the lab's heading waits for the lab. A lab whose paragraph takes values from its address
 * (the Reassembly lab names the IPv4 or the IPv6 input function) says so in its list entry
 * (`introValues`, app/labs/index.ts).
 */
export function LabLoading({ path, words }: { path: string; words?: { title: MessageDescriptor } }) {
  const kit = useKitWords();
  const intl = useIntl();
  const { view } = useEmbedView();
  const part = `lab.${path}`;
  const locale = intl.locale as Locale;
  const [arrived, setArrived] = useState(0);
  const here = hasCatalogPart(locale, part);
  useEffect(() => {
    if (here) return undefined;
    let on = true;
    // The lab's own load asks for the same part (define-lab.ts lazyLab): one fetch.
    loadCatalogPart(part).then(
      () => {
        if (on) setArrived((n) => n + 1);
      },
      () => {},
    );
    return () => {
      on = false;
    };
  }, [part, here, arrived]);
  let intro: LabIntro | null = null;
  if (here && words) {
    let values: Record<string, string> = {};
    const introValues = INTRO_VALUES.get(path);
    if (introValues && typeof window !== 'undefined') {
      try {
        values = introValues(new URLSearchParams(parseHash(window.location.hash).query));
      } catch {
        values = {};
      }
    }
    intro = {
      eyebrow: fmtNode(intl, { id: `${part}.intro.eyebrow` }, { code: codeChunks }),
      title: fmtNode(intl, words.title, { code: codeChunks }),
      lede: fmtNode(intl, { id: `${part}.intro.lede` }, { code: codeChunks, ...values }),
    };
  }
  // The status line under the intro is a new element, not the one before it moved down: a line
  // that moved would be a layout shift (CLS), one that appears is not.
  const status = (key: string) => (
    <div key={key} className="lab-loading" role="status" aria-live="polite">
      {kit.labLoading}
    </div>
  );
  return (
    <div className={`lab lab--view-${view} lab--loading`}>
      {intro && <IntroHead intro={intro} view={view} preview />}
      {status(intro ? 'below-intro' : 'alone')}
    </div>
  );
}
