import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { applyPageTheme, embedLookOf, startPageTheme } from './useTheme.ts';

const THEME_JS = readFileSync('public/theme.js', 'utf8');
const root = document.documentElement;

const look = () => ({ theme: root.dataset.theme ?? null, bg: root.dataset.bg ?? null });
const reset = () => {
  delete root.dataset.theme;
  delete root.dataset.bg;
};

/** [address, saved choice, expected data-theme, expected data-bg] */
const CASES: [string, string | null, string | null, string | null][] = [
  ['/#/fragment?len=4000', null, null, null],
  ['/#/fragment?len=4000', 'dark', 'dark', null],
  ['/#/fragment?len=4000&theme=light', 'dark', 'dark', null], // not an embed: the toggle's choice
  ['/#/fragment?len=4000&theme=light&embed=1', 'dark', 'light', null],
  ['/#/fragment?theme=DARK&bg=transparent&embed=1', 'light', 'dark', 'transparent'],
  ['/#/fragment?theme=auto&embed=1', 'dark', null, null], // auto: the system's, not the saved one
  ['/#/fragment?theme=purple&embed=1', 'dark', 'dark', null], // unknown: as if absent
  ['/?embed=1&theme=dark&bg=transparent#/socket', null, 'dark', 'transparent'],
  ['/?embed=1&theme=dark#/socket?theme=light', null, 'light', null], // the hash query wins
  ['/#/socket?bg=transparent', null, null, null],
  ['/#/socket?embed=0&theme=dark', null, null, null],
];

describe('the page theme: theme.js (before the first paint) and applyPageTheme agree', () => {
  afterEach(() => {
    reset();
    localStorage.clear();
    window.history.replaceState(null, '', '/');
  });

  it.each(CASES)('%s (saved %s) → theme %s, bg %s', (url, saved, theme, bg) => {
    if (saved) localStorage.setItem('sockscope-theme', saved);
    window.history.replaceState(null, '', url);
    reset();
    new Function(THEME_JS)();
    expect(look()).toEqual({ theme, bg });
    reset();
    applyPageTheme();
    expect(look()).toEqual({ theme, bg });
  });

  it('embedLookOf never throws, whatever the address', () => {
    for (const href of ['', '%', '#?embed=1&theme=%E0', 'http://x/#/a?embed=1&theme=dark&theme=light'])
      expect(() => embedLookOf(href)).not.toThrow();
    expect(embedLookOf('http://x/#/a?embed=1&theme=dark').theme).toBe('dark');
  });

  it('follows the address: an embed moved to theme=dark by its host turns dark, then back to auto', () => {
    window.history.replaceState(null, '', '/#/fragment?theme=light&embed=1');
    const stop = startPageTheme(window);
    expect(look().theme).toBe('light');
    window.history.replaceState(null, '', '/#/fragment?theme=dark&bg=transparent&embed=1');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(look()).toEqual({ theme: 'dark', bg: 'transparent' });
    window.history.replaceState(null, '', '/#/fragment?theme=auto&embed=1');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(look()).toEqual({ theme: null, bg: null });
    stop();
  });
});
