/**
 * The browser tab's title follows the route and the language (App.tsx useDocumentTitle): the
 * labs share one document, so without it every page was "sockscope — from socket() to the wire",
 * in English, whatever the page and the reader's language.
 */
import { act } from 'preact/test-utils';
import { createRoot } from 'react-dom/client';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { App } from './App.tsx';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import { useLocaleStore } from './i18n/locale.ts';
import { DEFAULT_LAB, LABS } from './labs/index.ts';
import { LOCALES, type Locale } from '../core/i18n/index.ts';
import { catalogText } from './i18n/testing.ts';

/** A catalog's text with its tags dropped, `{page}` and `{site}` filled in. */
const text = (locale: Locale, id: string, page = '') => catalogText(locale, id, { page, site: 'sockscope' });

const shown = new Set<string>();
afterAll(() => Promise.allSettled(LABS.filter((l) => shown.has(l.path)).map((l) => l.load())), 120_000);
afterEach(() => {
  window.location.hash = '';
  useLocaleStore.setState({ locale: 'en' });
  document.title = '';
});

/** The app on `#/<path>` in `locale`; returns the tab's title, then what unmounts it. */
function titleOn(path: string, locale: Locale): [string, () => void] {
  window.location.hash = path ? `#/${path}` : '';
  useLocaleStore.setState({ locale });
  const r = createRoot(document.createElement('div'));
  act(() => {
    r.render(
      <I18nProvider>
        <App labs={LABS.map((l) => l.instantiate())} defaultPath={DEFAULT_LAB} />
      </I18nProvider>,
    );
  });
  return [document.title, () => r.unmount()];
}

describe("the tab's title", () => {
  it.each(LOCALES)('names each page in %s', (locale) => {
    const [home, stopHome] = titleOn('', locale);
    stopHome();
    expect(home).toBe(text(locale, 'app.shell.title.home'));
    const titles = new Set([home]);
    for (const l of LABS) {
      shown.add(l.path);
      const [t, stop] = titleOn(l.path, locale);
      stop();
      const name = l.words?.title.id ? text(locale, l.words.title.id) : l.title;
      expect(name).not.toBe('');
      expect(t).toBe(text(locale, 'app.shell.title.page', name));
      titles.add(t);
    }
    const [capture, stopCapture] = titleOn('capture', locale);
    stopCapture();
    expect(capture).toBe(text(locale, 'app.shell.title.page', text(locale, 'app.shell.title.capture')));
    // Every page its own title.
    expect(titles.size).toBe(LABS.length + 1);
  });

  it('follows the language and the route without a reload', () => {
    const lab = LABS[0]!;
    shown.add(lab.path);
    const [en, stop] = titleOn(lab.path, 'en');
    act(() => useLocaleStore.setState({ locale: 'zh-CN' }));
    const zh = document.title;
    expect(zh).not.toBe(en);
    expect(zh).toBe(text('zh-CN', 'app.shell.title.page', text('zh-CN', lab.words?.title.id ?? '')));
    act(() => {
      window.location.hash = '#/nowhere';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(document.title).toContain('nowhere');
    expect(document.title).toContain('sockscope');
    stop();
  });
});
