/**
 * The one place where the store and the address bar meet. The hash is `#/<lab>?<query>`:
 * on load and on every hashchange (a pasted or bookmarked URL, back/forward) the lab's query is
 * parsed into the store; on every change of the lab's inputs or step the canonical query is written
 * back with replaceState (typing does not flood the history). Animation clocks never go here.
 *
 * Each lab contributes a `LabUrlAdapter` (in `url-adapters.ts`): how to read its query into the
 * store, how to write its canonical query, and which state changes matter.
 *
 * Why not zustand's `persist` over a hash StateStorage: the URL here is a per-field, human-readable
 * contract (DESIGN.md), invalid values must survive the round trip so they can be reported, and the
 * hash also routes between labs; a JSON blob behind `persist` fits none of these.
 */
import type { AppState, AppStore } from './index.ts';
import { URL_ADAPTERS } from './url-adapters.ts';

export interface HashLocation {
  path: string;
  query: string;
}

/** How one lab keeps its state in the URL. */
export interface LabUrlAdapter {
  path: string;
  /** The canonical query of the lab's current state (no leading `?`). */
  write(s: AppState): string;
  /** Load a (possibly invalid) query into the store; invalid values are reported, never thrown. */
  read(store: AppStore, query: string): void;
  /** Whether a store change touches what `write` serialises. */
  changed(s: AppState, prev: AppState): boolean;
}

/** `#/fragment?len=1` → { path: 'fragment', query: 'len=1' }. */
export function parseHash(hash: string): HashLocation {
  const h = hash.replace(/^#/, '');
  const q = h.indexOf('?');
  const path = (q < 0 ? h : h.slice(0, q)).replace(/^\/+|\/+$/g, '');
  return { path, query: q < 0 ? '' : h.slice(q + 1) };
}

export const DEFAULT_ROUTE = 'fragment';

/** Parameters that belong to the page, not to a lab (kept as they are, e.g. `embed=1`). */
const PAGE_PARAMS = ['embed'];

function pageParams(query: string): string {
  const q = new URLSearchParams(query);
  return PAGE_PARAMS.filter((k) => q.has(k))
    .map((k) => `${k}=${encodeURIComponent(q.get(k) ?? '')}`)
    .join('&');
}

function withoutPageParams(query: string): string {
  const q = new URLSearchParams(query);
  if (!PAGE_PARAMS.some((k) => q.has(k))) return query;
  return query
    .split('&')
    .filter((p) => !PAGE_PARAMS.includes(decodeURIComponent(p.split('=')[0] ?? '')))
    .join('&');
}

export function startUrlSync(
  store: AppStore,
  win: Window = window,
  adapters: readonly LabUrlAdapter[] = URL_ADAPTERS,
): () => void {
  const adapterFor = (path: string) => adapters.find((a) => a.path === path);
  const hashFor = (a: LabUrlAdapter, keep = '') => {
    const q = a.write(store.getState());
    const all = [q, keep].filter(Boolean).join('&');
    return `#/${a.path}${all ? `?${all}` : ''}`;
  };
  const replace = (hash: string) => {
    if (win.location.hash !== hash) win.history.replaceState(win.history.state, '', hash);
  };

  const readUrl = () => {
    const { path, query } = parseHash(win.location.hash);
    if (path === '') {
      const d = adapterFor(DEFAULT_ROUTE);
      if (d) replace(hashFor(d));
      // useHashRoute listens for hashchange; replaceState does not fire one.
      win.dispatchEvent(new HashChangeEvent('hashchange'));
      return;
    }
    const a = adapterFor(path);
    if (!a) return;
    const keep = pageParams(query);
    const labQuery = withoutPageParams(query);
    if (labQuery === '') return replace(hashFor(a, keep));
    if (hashFor(a, keep) === `#/${path}?${query}`) return;
    a.read(store, labQuery);
    replace(hashFor(a, keep));
  };

  readUrl();
  win.addEventListener('hashchange', readUrl);
  const unsubscribe = store.subscribe((s, prev) => {
    const { path, query } = parseHash(win.location.hash);
    const a = adapterFor(path);
    if (!a || !a.changed(s, prev)) return;
    replace(hashFor(a, pageParams(query)));
  });
  return () => {
    win.removeEventListener('hashchange', readUrl);
    unsubscribe();
  };
}
