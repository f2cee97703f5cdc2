import { useCallback, useSyncExternalStore } from 'react';

export type Theme = 'light' | 'dark';
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

const listeners = new Set<() => void>();
function subscribe(cb: () => void) {
  listeners.add(cb);
  const m = media();
  m?.addEventListener?.('change', cb);
  return () => {
    listeners.delete(cb);
    m?.removeEventListener?.('change', cb);
  };
}

/** Apply the saved choice before the first paint (also done inline in index.html). */
export function applyStoredTheme() {
  const t = stored();
  if (t) document.documentElement.dataset.theme = t;
}

/** The effective theme (saved choice, else the system's) and a toggle that saves the other one. */
export function useTheme(): [Theme, () => void] {
  const theme = useSyncExternalStore(subscribe, current, () => 'light' as Theme);
  const toggle = useCallback(() => {
    const next: Theme = current() === 'dark' ? 'light' : 'dark';
    document.documentElement.dataset.theme = next;
    try {
      window.localStorage.setItem(KEY, next);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
    listeners.forEach((l) => l());
  }, []);
  return [theme, toggle];
}
