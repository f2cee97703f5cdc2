/**
 * The first screen of each lab as the app draws it while the lab's code loads (the shell, the
 * share bar, the lab's intro and status line: app/App.tsx, app/lab-kit/LabLoading.tsx), rendered
 * by the app's own components. The build renders it for every lab and language into index.html
 * (vite/first-screen.ts), where public/theme.js picks the address's one before the first paint
 * (issue 17: the largest paint, the lab's opening paragraph, waited for the app's code). Rendered
 * in a DOM (jsdom in the build and the unit tests), never in the page itself.
 */
import { createElement } from 'react';
import { act } from 'preact/test-utils';
import { createRoot } from 'react-dom/client';
import { App } from '../App.tsx';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { useLocaleStore } from '../i18n/locale.ts';
import { introKeysOf, LabLoading } from '../lab-kit/LabLoading.tsx';
import type { LabInstance, LiveLab } from '../lab-kit/define-lab.ts';
import { DEFAULT_LAB, LABS } from '../labs/index.ts';
import { LOCALES } from '../../core/i18n/index.ts';
import type { Locale } from '../../core/i18n/index.ts';

export interface FirstScreen {
  /** The lab's route (`fragment`). */
  path: string;
  locale: Locale;
  /** `#root`'s markup. */
  html: string;
  /** Address keys the lab's intro reads (its `introValues`): an address with one is left to the app. */
  introKeys: string[];
}

/** Each lab while its code loads: what the app's lab instance shows then, and nothing more. */
function loadingInstances(): LabInstance[] {
  return LABS.map((lab) => ({
    lab,
    live: null,
    load: () => new Promise<LiveLab>(() => {}),
    View: () => createElement(LabLoading, { path: lab.path, words: lab.words }),
  })) as unknown as LabInstance[];
}

/**
 * `#root`'s markup on the lab at `path` in `locale` while the lab's code loads, in the light
 * theme, for an address that holds no key the lab's intro reads.
 */
export function firstScreen(path: string, locale: Locale, doc: Document = document): FirstScreen {
  const win = doc.defaultView!;
  win.location.hash = `#/${path}`;
  useLocaleStore.setState({ locale });
  const el = doc.createElement('div');
  const root = createRoot(el);
  act(() => {
    root.render(
      <I18nProvider>
        <App labs={loadingInstances()} defaultPath={DEFAULT_LAB} />
      </I18nProvider>,
    );
  });
  const html = markupOf(el);
  root.unmount();
  return { path, locale, html, introKeys: introKeysOf(path).keys };
}

/**
 * An element's markup with what the page shows of its form controls: a select's choice is a
 * property, not markup, so it is written as its option's `selected` (the HTML's screen shows the
 * page's language in the language switch, as the app's does).
 */
export function markupOf(el: Element): string {
  for (const s of el.querySelectorAll('select')) s.options[s.selectedIndex]?.setAttribute('selected', '');
  return el.innerHTML;
}

/** Attributes that name an element by id: a picture of the page names none (the page's own do). */
const ID_ATTRIBUTES = ['id', 'for', 'aria-controls', 'aria-labelledby', 'aria-describedby'];

/** `html` without ids or references to them: the HTML carries a dozen screens beside the app's. */
export function withoutIds(html: string, doc: Document = document): string {
  const el = doc.createElement('div');
  el.innerHTML = html;
  for (const a of ID_ATTRIBUTES) for (const e of el.querySelectorAll(`[${a}]`)) e.removeAttribute(a);
  return el.innerHTML;
}

/** Every lab's first screen in every language, as index.html carries them (no ids). */
export function firstScreens(doc: Document = document): FirstScreen[] {
  return LABS.flatMap((l) =>
    LOCALES.map((locale) => {
      const s = firstScreen(l.path, locale, doc);
      return { ...s, html: withoutIds(s.html, doc) };
    }),
  );
}
