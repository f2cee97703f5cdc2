/**
 * The one place where the labs' stores and the address bar meet. On load and on every hashchange
 * (a pasted or bookmarked URL, back/forward) the lab's query is read into its store; on every
 * change of what the lab writes, the canonical query goes back with replaceState (typing does not
 * flood the history). Animation clocks never go here.
 *
 * Why not zustand's `persist` over a hash StateStorage: the URL is a per-field, human-readable
 * contract (DESIGN.md), invalid values must survive the round trip so they can be reported, and
 * the hash also routes between labs; a JSON blob behind `persist` fits none of these.
 */
import type { LabInstance } from './define-lab.ts';
import { pageParams, parseHash, withoutPageParams } from './url.ts';

export function startUrlSync(
  labs: readonly LabInstance[],
  defaultPath: string,
  win: Window = window,
): () => void {
  const labAt = (path: string) => labs.find((l) => l.lab.path === path);
  const hashFor = (l: LabInstance, keep = '') => {
    const all = [l.write(), keep].filter(Boolean).join('&');
    return `#/${l.lab.path}${all ? `?${all}` : ''}`;
  };
  const replace = (hash: string) => {
    if (win.location.hash !== hash) win.history.replaceState(win.history.state, '', hash);
  };

  const readUrl = () => {
    const { path, query } = parseHash(win.location.hash);
    if (path === '') {
      const d = labAt(defaultPath);
      if (d) replace(hashFor(d));
      // useHashPath listens for hashchange; replaceState does not fire one.
      win.dispatchEvent(new HashChangeEvent('hashchange'));
      return;
    }
    const l = labAt(path);
    if (!l) return;
    const keep = pageParams(query);
    const labQuery = withoutPageParams(query);
    if (labQuery === '') return replace(hashFor(l, keep));
    if (hashFor(l, keep) === `#/${path}?${query}`) return;
    l.read(labQuery);
    replace(hashFor(l, keep));
  };

  readUrl();
  win.addEventListener('hashchange', readUrl);
  const stops = labs.map((l) =>
    l.subscribe(() => {
      const { path, query } = parseHash(win.location.hash);
      if (path === l.lab.path) replace(hashFor(l, pageParams(query)));
    }),
  );
  return () => {
    win.removeEventListener('hashchange', readUrl);
    stops.forEach((s) => s());
  };
}
