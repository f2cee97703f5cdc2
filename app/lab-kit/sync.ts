/**
 * The one place where the labs' stores and the address bar meet. On load and on every hashchange
 * (a pasted or bookmarked URL, back/forward) the lab's query is read into its store; on every
 * change of what the lab writes, the canonical query goes back with replaceState (typing does not
 * flood the history). Animation clocks never go here.
 *
 * Labs load lazily (define-lab.ts): the lab a URL names is fetched first, and its query is read
 * once its code is in, before its view first renders (this reader asked for the code first, so it
 * runs first). Until then the URL stays as given; a lab never shown is never loaded.
 *
 * Why not zustand's `persist` over a hash StateStorage: the URL is a per-field, human-readable
 * contract (DESIGN.md), invalid values must survive the round trip so they can be reported, and
 * the hash also routes between labs; a JSON blob behind `persist` fits none of these.
 */
import type { LabInstance, LiveLab } from './define-lab.ts';
import { pageParams, parseHash, withoutPageParams } from './url.ts';

export function startUrlSync(
  labs: readonly LabInstance[],
  defaultPath: string,
  win: Window = window,
  /**
   * Whether an empty hash (`/`, `#/`) is the home page (the shell shows it; no lab loads and the
   * URL stays as it is). When not, it opens the default lab and writes its URL (an embed: no home).
   */
  emptyIsHome: (win: Window) => boolean = () => false,
): () => void {
  let stopped = false;
  const stops: (() => void)[] = [];
  const labAt = (path: string) => labs.find((l) => l.lab.path === path);
  const hashFor = (l: LiveLab, keep = '') => {
    const all = [l.write(), keep].filter(Boolean).join('&');
    return `#/${l.lab.path}${all ? `?${all}` : ''}`;
  };
  const replace = (hash: string) => {
    if (win.location.hash !== hash) win.history.replaceState(win.history.state, '', hash);
  };

  /** A live lab joins the sync once: from then on its changes are written to the address bar. */
  const joined = new Set<LabInstance>();
  const join = (i: LabInstance): LiveLab | null => {
    const live = i.live;
    if (!live || stopped) return null;
    if (!joined.has(i)) {
      joined.add(i);
      stops.push(
        live.subscribe(() => {
          const { path, query } = parseHash(win.location.hash);
          if (path === i.lab.path) replace(hashFor(live, pageParams(query)));
        }),
      );
    }
    return live;
  };
  /** The live lab, or null after asking for its code (the URL is read again once it is in). */
  const liveOrLoad = (i: LabInstance): LiveLab | null => {
    const live = join(i);
    if (!live)
      i.load().then(
        () => {
          join(i);
          readUrl();
        },
        // The lab's view reports a failed fetch; the URL is left as it was.
        () => undefined,
      );
    return live;
  };

  const readUrl = () => {
    if (stopped) return;
    const { path, query } = parseHash(win.location.hash);
    if (path === '') {
      if (emptyIsHome(win)) return;
      const d = labAt(defaultPath);
      const live = d && liveOrLoad(d);
      if (!live) return;
      replace(hashFor(live));
      // useHashPath listens for hashchange; replaceState does not fire one.
      win.dispatchEvent(new HashChangeEvent('hashchange'));
      return;
    }
    const target = labAt(path);
    const l = target && liveOrLoad(target);
    if (!l) return;
    const keep = pageParams(query);
    const labQuery = withoutPageParams(query);
    if (labQuery === '') return replace(hashFor(l, keep));
    if (hashFor(l, keep) === `#/${path}?${query}`) return;
    l.read(labQuery);
    replace(hashFor(l, keep));
  };

  labs.forEach(join);
  readUrl();
  win.addEventListener('hashchange', readUrl);
  return () => {
    stopped = true;
    win.removeEventListener('hashchange', readUrl);
    stops.forEach((s) => s());
  };
}
