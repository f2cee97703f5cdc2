import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { isEmbedHref } from './embed/embed-url.ts';
import { startPageTheme } from './hooks/useTheme.ts';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import { localeReady, startLocale } from './i18n/locale.ts';
import { startUrlSync } from './lab-kit/sync.ts';
import { dropFirstScreen } from './lab-kit/LabLoading.tsx';
import { keepShownFirstScreen } from './boot/shown.ts';
import { intlWarmed } from './boot/intl-warm.ts';
import { loadCatalogPart } from '../core/i18n/index.ts';
import { DEFAULT_LAB, LABS } from './labs/index.ts';
import './styles.css';
// Which of the HTML's first screens shows (vite/first-screen.ts): with the page's CSS, before the first paint.
import 'virtual:sockscope-first-screen.css';

// The saved theme, or an embed's theme= and bg= (public/theme.js did it before the first paint).
startPageTheme();
startLocale();
// One instance per lab, for the page's lifetime: its code and store come when it is first shown
// (the URL's lab first), and leaving a lab and coming back finds it as it was.
const labs = LABS.map((l) => l.instantiate());
// An empty hash is the home page, except in an embed (which shows the default lab).
startUrlSync(labs, DEFAULT_LAB, window, (w) => !isEmbedHref(w.location.href));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// The first render waits for the page's language (one catalog, fetched beside the lab's code):
// no message is ever painted as its id or in the wrong language.
// The HTML's picture of the lab's first screen, when on show (vite/first-screen.ts), stays until
// the app draws the same intro (LabLoading.tsx dropFirstScreen): its words first, then.
const boot = keepShownFirstScreen(document);
// With it on show the first render need not hurry: it starts in a task of its own, not in the one
// that evaluated the last catalog part (Lighthouse's blocking time counts each task's length).
const yieldToPage = () => new Promise<void>((r) => setTimeout(r, 0));
// The browser's Intl data, read by a worker meanwhile (app/boot/intl-warm.ts): not waited out
// inside the first render's task, and never for more than INTL_WAIT_MS past the rest. 150 ms is
// the worker's work (17–38 ms here) on a phone four times slower: a worker slower than that is
// stuck, and the page is not held for it (on the home page and in an embed, the render it holds
// is the first paint).
const INTL_WAIT_MS = 150;
void Promise.all([localeReady(), boot ? loadCatalogPart(`lab.${boot}`).catch(() => {}) : null])
  .then(() => intlWarmed(document, INTL_WAIT_MS))
  .then(() => (boot ? yieldToPage() : undefined))
  .then(() => {
    createRoot(root).render(
      <StrictMode>
        <I18nProvider>
          <App labs={labs} defaultPath={DEFAULT_LAB} />
        </I18nProvider>
      </StrictMode>,
    );
    // Not on show, or the app drew something else: it goes now.
    if (!boot) dropFirstScreen();
    else setTimeout(dropFirstScreen, 0);
  });
