import { useCallback, useSyncExternalStore } from 'react';
import { isEmbedHref, pageQueryOf } from '../embed/embed-url.ts';

export type Theme = 'light' | 'dark';
/** What an embed may ask for with `theme=`: a fixed theme, or `auto` (the reader's system). */
export type ThemeChoice = Theme | 'auto';
const KEY = 'sockscope-theme';
const media = () => window.matchMedia?.('(prefers-color-scheme: dark)');

function stored(): Theme | null {
  try {
    const v = window.localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : null;
  } catch {
    return null;
  }
}

function current(): Theme {
  const attr = document.documentElement.dataset.theme;
  if (attr === 'light' || attr === 'dark') return attr;
  return media()?.matches ? 'dark' : 'light';
}

/**
 * What an address asks of the page's look, in embed mode only (the full site has its toggle):
 * `theme=light|dark|auto` and `bg=transparent`, from the hash query or the page's query.
 * public/theme.js applies the same rules before the first paint; useTheme.test.ts keeps them equal.
 */
export function embedLookOf(href: string): { theme: ThemeChoice | null; transparent: boolean } {
  if (!isEmbedHref(href)) return { theme: null, transparent: false };
  const q = new URLSearchParams(pageQueryOf(href));
  const t = (q.get('theme') ?? '').trim().toLowerCase();
  const theme = t === 'light' || t === 'dark' || t === 'auto' ? t : null;
  return { theme, transparent: (q.get('bg') ?? '').trim().toLowerCase() === 'transparent' };
}

/** A choice the toggle made this session when storage is blocked (private mode). */
let unsaved: Theme | null = null;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

/**
 * Set `<html data-theme>` and `data-bg` from the address (an embed's `theme=`/`bg=`), else the
 * reader's saved choice; `auto` and no choice leave the system's theme.
 */
export function applyPageTheme(href: string = window.location.href): void {
  const root = document.documentElement;
  const look = embedLookOf(href);
  const theme = look.theme ? (look.theme === 'auto' ? null : look.theme) : (stored() ?? unsaved);
  if (theme) root.dataset.theme = theme;
  else delete root.dataset.theme;
  if (look.transparent) root.dataset.bg = 'transparent';
  else delete root.dataset.bg;
}

/** Apply the page's theme now and whenever the address changes (a drop-in moving an embed to another state). */
export function startPageTheme(win: Window = window): () => void {
  const apply = () => {
    applyPageTheme(win.location.href);
    notify();
  };
  applyPageTheme(win.location.href);
  win.addEventListener('hashchange', apply);
  return () => win.removeEventListener('hashchange', apply);
}

function subscribe(cb: () => void) {
  listeners.add(cb);
  const m = media();
  m?.addEventListener?.('change', cb);
  return () => {
    listeners.delete(cb);
    m?.removeEventListener?.('change', cb);
  };
}

/** The effective theme (saved choice, else the system's) and a toggle that saves the other one. */
export function useTheme(): [Theme, () => void] {
  const theme = useSyncExternalStore(subscribe, current, () => 'light' as Theme);
  const toggle = useCallback(() => {
    const next: Theme = current() === 'dark' ? 'light' : 'dark';
    document.documentElement.dataset.theme = next;
    unsaved = next;
    try {
      window.localStorage.setItem(KEY, next);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
    notify();
  }, []);
  return [theme, toggle];
}
