import { useIntl } from 'react-intl';
import { Suspense, lazy, useEffect, type MouseEvent } from 'react';
import { CaptureActions, CaptureDropZone } from './capture/ShellCapture.tsx';
import { defineMessages, loadCatalogPart } from '../core/i18n/index.ts';
import { MAIN_DIAGRAM_SELECTOR, ShareBar } from './components/ShareBar.tsx';
import { useEmbed, useEmbedViewFromUrl, useHeightReporter } from './hooks/useEmbed.ts';
import { useHashPath } from './hooks/useHashRoute.ts';
import { useTheme } from './hooks/useTheme.ts';
import { codeChunks, fmt, fmtNode } from './i18n/format.tsx';
import { LanguageSwitch } from './i18n/LanguageSwitch.tsx';
import { SHELL, labShort, labTitle, plain } from './i18n/shell-words.ts';
import { EmbedViewProvider } from './lab-kit/view.tsx';
import { PageUrlBanner } from './lab-kit/PageUrlBanner.tsx';
import type { LabInstance } from './lab-kit/define-lab.ts';
import { HOME } from './home/words.ts';

/** The home page (`#/`): a chunk of its own, so a lab's page does not carry it. */
// Its words first (a catalog part of its own in the build: core/i18n/tools/catalog-parts.ts).
const Home = lazy(() =>
  loadCatalogPart('page.home')
    .then(() => import('./home/Home.tsx'))
    .then((m) => ({ default: m.Home })),
);

const M = defineMessages({
  skipInputs: { id: 'app.shell.skipInputs', defaultMessage: 'Skip to the inputs', description: 'Skip link.' },
  skipDiagram: {
    id: 'app.shell.skipDiagram',
    defaultMessage: 'Skip to the diagram',
    description: 'Skip link.',
  },
});

/** Focus an element (made focusable by script if it is not) and bring it into view. */
function focusOn(el: Element | null) {
  if (!(el instanceof HTMLElement || el instanceof SVGElement)) return false;
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.focus({ preventScroll: true });
  el.scrollIntoView({ block: 'start' });
  return true;
}

/**
 * Skip links, first in the page and in an embed: to the main content, the lab's inputs and its
 * diagram, so no control needs more than a handful of Tabs (issue 15). The hash routes between
 * labs, so a link moves focus by script instead of following `#id`; the `href` still names a
 * target that exists (LabShell's `lab-inputs` and `lab-results`, which holds the diagram).
 */
function SkipLinks({ main, inputs, diagram = true }: { main: boolean; inputs: boolean; diagram?: boolean }) {
  const intl = useIntl();
  const go = (e: MouseEvent, find: () => Element | null) => {
    e.preventDefault();
    if (!focusOn(find())) focusOn(document.getElementById('main'));
  };
  return (
    <>
      {main && (
        <a className="skip-link" href="#main" onClick={(e) => go(e, () => document.getElementById('main'))}>
          {intl.formatMessage(SHELL.skip)}
        </a>
      )}
      {inputs && (
        <a
          className="skip-link"
          href="#lab-inputs"
          onClick={(e) => go(e, () => document.getElementById('lab-inputs'))}
        >
          {intl.formatMessage(M.skipInputs)}
        </a>
      )}
      {diagram && (
        <a
          className="skip-link"
          href="#lab-results"
          onClick={(e) =>
            go(
              e,
              () => document.querySelector(MAIN_DIAGRAM_SELECTOR) ?? document.getElementById('lab-results'),
            )
          }
        >
          {intl.formatMessage(M.skipDiagram)}
        </a>
      )}
    </>
  );
}

function ThemeToggle() {
  const intl = useIntl();
  const [theme, toggle] = useTheme();
  const dark = theme === 'dark';
  return (
    <button
      type="button"
      className="theme-toggle"
      aria-pressed={dark}
      onClick={toggle}
      title={intl.formatMessage(SHELL.themeTitle)}
    >
      {/* Both icons, the one for the page's theme shown by CSS (base.css .theme-icon): the HTML's
          first screen (app/boot) draws this button before any script has run, on a dark page too. */}
      <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18">
        <g
          className="theme-icon theme-icon--light"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
        >
          <circle cx="12" cy="12" r="4.2" fill="currentColor" stroke="none" />
          <path d="M12 2v2.5M12 19.5V22M4.2 4.2l1.8 1.8M18 18l1.8 1.8M2 12h2.5M19.5 12H22M4.2 19.8 6 18M18 6l1.8-1.8" />
        </g>
        <path
          className="theme-icon theme-icon--dark"
          d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8Z"
          fill="currentColor"
        />
      </svg>
      <span>{intl.formatMessage(SHELL.theme)}</span>
    </button>
  );
}

function LabView({
  path,
  labs,
  defaultPath,
}: {
  path: string;
  labs: readonly LabInstance[];
  defaultPath: string;
}) {
  const intl = useIntl();
  const lab = labs.find((l) => l.lab.path === path);
  const home = labs.find((l) => l.lab.path === defaultPath);
  return lab ? (
    <lab.View />
  ) : (
    <section className="coming-soon">
      <h1>{fmt(intl, SHELL.noLab, { path })}</h1>
      <p>
        {fmtNode(intl, SHELL.tryLab, {
          lab: (
            <a key="lab" href={`#/${defaultPath}`}>
              {home ? labTitle(intl, home.lab) : defaultPath}
            </a>
          ),
        })}
      </p>
    </section>
  );
}

/** `#/capture`: open a capture (app/capture), its words and code fetched when first shown. */
const CAPTURE_PATH = 'capture';
const CapturePage = lazy(() =>
  loadCatalogPart('page.capture').then(() => import('./capture/CapturePage.tsx')),
);

/**
 * The browser tab's title, in the page's language: the page's name and the site's (WCAG 2.4.2: the
 * labs share one document, so its title follows the route; a reader of Chinese sees Chinese).
 */
function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}

const subscribers = new WeakMap<LabInstance, (onChange: () => void) => () => void>();
/**
 * The lab's state subscription for the share bar, stable per lab: the lab's code loads lazily, so
 * it subscribes once the lab is live (and tells the bar to read the address then).
 */
function subscribeOf(instance: LabInstance): (onChange: () => void) => () => void {
  let s = subscribers.get(instance);
  if (!s) {
    s = (onChange) => {
      let stop = () => {};
      let done = false;
      const live = instance.live;
      if (live) stop = live.subscribe(onChange);
      else
        void instance.load().then((l) => {
          if (done) return;
          stop = l.subscribe(onChange);
          onChange();
        });
      return () => {
        done = true;
        stop();
      };
    };
    subscribers.set(instance, s);
  }
  return s;
}

/** The page: the site chrome around the lab of the hash (or the lab alone, embedded). */
export function App({ labs, defaultPath }: { labs: readonly LabInstance[]; defaultPath: string }) {
  const intl = useIntl();
  const embed = useEmbed();
  // An empty hash (`/`, `#/`) is the home page; an embed has no home and shows the default lab.
  const path = useHashPath() || (embed ? defaultPath : '');
  const home = path === '';
  const embedView = useEmbedViewFromUrl();
  useHeightReporter(embed);
  // LabShell shows the inputs unless the diagram view names no controls.
  const inputs =
    embedView.view !== 'diagram' || (embedView.controls !== null && embedView.controls.length > 0);
  const instance = labs.find((l) => l.lab.path === path);
  const lab = instance?.lab;
  const shareBar = lab ? (
    <ShareBar
      lab={lab.path}
      title={labTitle(intl, lab)}
      embed={embed}
      subscribe={subscribeOf(instance)}
      actions={embed ? null : <CaptureActions instance={instance} />}
    />
  ) : null;
  const capture = path === CAPTURE_PATH && !embed;
  const pageName = lab
    ? labTitle(intl, lab)
    : capture
      ? fmt(intl, SHELL.titleCapture)
      : fmt(intl, SHELL.noLab, { path });
  useDocumentTitle(
    home ? plain(intl, SHELL.titleHome) : fmt(intl, SHELL.titlePage, { page: pageName, site: 'sockscope' }),
  );
  const view = home ? (
    <Suspense fallback={<div className="lab-loading" />}>
      <PageUrlBanner />
      <Home labs={labs.map((l) => l.lab)} />
    </Suspense>
  ) : capture ? (
    <Suspense fallback={null}>
      <PageUrlBanner />
      <CapturePage />
    </Suspense>
  ) : (
    <EmbedViewProvider value={embedView}>
      <LabView path={path} labs={labs} defaultPath={defaultPath} />
    </EmbedViewProvider>
  );

  // Embed mode (`embed=1`): the lab alone, for an iframe in someone's documentation.
  if (embed)
    return (
      <div className="shell shell--embed">
        <SkipLinks main={false} inputs={inputs && !!lab} diagram={!!lab} />
        <main id="main" tabIndex={-1}>
          {shareBar}
          {view}
        </main>
      </div>
    );

  return (
    <div className="shell">
      {/* Only a lab has inputs and a diagram to skip to: not the home and capture pages, nor the
          page that says a path names no lab (whose skip links had no target: axe's skip-link). */}
      <SkipLinks main inputs={inputs && !!lab} diagram={!!lab} />
      <header className="site-header">
        <div className="brand">
          <a className="brand-name" href="#/" aria-label={intl.formatMessage(SHELL.home)}>
            <span aria-hidden="true" className="brand-mark">
              ⟨⟩
            </span>
            sockscope
          </a>
          <p className="tagline">{fmtNode(intl, SHELL.tagline, { code: codeChunks })}</p>
        </div>
        <div className="header-controls">
          <LanguageSwitch />
          <ThemeToggle />
        </div>
        <nav className="lab-nav" aria-label={intl.formatMessage(SHELL.labs)}>
          <ul>
            <li>
              <a href="#/" aria-current={home ? 'page' : undefined}>
                {intl.formatMessage(HOME.nav)}
              </a>
            </li>
            {labs.map(({ lab: l }) => (
              <li key={l.path}>
                <a href={`#/${l.path}`} aria-current={l.path === path ? 'page' : undefined}>
                  {labShort(intl, l)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {shareBar}
        {view}
      </main>
      <CaptureDropZone />
      <footer className="site-footer">
        <p>
          {fmtNode(intl, SHELL.footer, {
            site: (
              <a key="site" href="https://elixir.bootlin.com/linux/v6.18/source">
                elixir.bootlin.com
              </a>
            ),
          })}
        </p>
      </footer>
    </div>
  );
}
