/**
 * The one place where the store and the address bar meet. The hash is `#/<lab>?<query>`:
 * on load and on every hashchange (a pasted or bookmarked URL, back/forward) the lab's query is
 * parsed into the store; on every change of the lab's inputs or step the canonical query is written
 * back with replaceState (typing does not flood the history). Animation clocks never go here.
 *
 * Why not zustand's `persist` over a hash StateStorage: the URL here is a per-field, human-readable
 * contract (DESIGN.md), invalid values must survive the round trip so they can be reported, and the
 * hash also routes between labs; a JSON blob behind `persist` fits none of these.
 */
import type { AppStore } from './index.ts';
import { parseFragmentQuery, serialiseFragmentQuery } from './fragment-url.ts';

export interface HashLocation {
  path: string;
  query: string;
}

/** `#/fragment?len=1` → { path: 'fragment', query: 'len=1' }. */
export function parseHash(hash: string): HashLocation {
  const h = hash.replace(/^#/, '');
  const q = h.indexOf('?');
  const path = (q < 0 ? h : h.slice(0, q)).replace(/^\/+|\/+$/g, '');
  return { path, query: q < 0 ? '' : h.slice(q + 1) };
}

export const DEFAULT_ROUTE = 'fragment';

export function startUrlSync(store: AppStore, win: Window = window): () => void {
  const fragmentHash = () => {
    const f = store.getState().fragment;
    return `#/fragment?${serialiseFragmentQuery(f.fields, f.step)}`;
  };
  const replace = (hash: string) => {
    if (win.location.hash !== hash) win.history.replaceState(win.history.state, '', hash);
  };

  const readUrl = () => {
    const { path, query } = parseHash(win.location.hash);
    if (path === '') {
      replace(fragmentHash());
      // useHashRoute listens for hashchange; replaceState does not fire one.
      win.dispatchEvent(new HashChangeEvent('hashchange'));
      return;
    }
    if (path !== 'fragment') return;
    if (query === '') return replace(fragmentHash());
    if (`#/fragment?${query}` === fragmentHash()) return;
    const parsed = parseFragmentQuery(query);
    store.getState().fragment.load(parsed.fields, parsed.step, parsed.issues);
    replace(fragmentHash());
  };

  readUrl();
  win.addEventListener('hashchange', readUrl);
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.fragment.fields === prev.fragment.fields && s.fragment.step === prev.fragment.step) return;
    if (parseHash(win.location.hash).path !== 'fragment') return;
    replace(fragmentHash());
  });
  return () => {
    win.removeEventListener('hashchange', readUrl);
    unsubscribe();
  };
}
