/**
 * The one place where the labs' stores and the address bar meet. On load and on every hashchange
 * (a pasted or bookmarked URL, back/forward) the lab's query is read into its store; after a
 * change of what the lab writes, the canonical query goes back with replaceState (typing does not
 * flood the history). Animation clocks never go here.
 *
 * The write waits until the lab has been still for URL_IDLE_MS (issue 17): serialising a 64 KiB
 * Netlink buffer into a 130 KB `hex=` and handing it to the address bar on every keystroke cost
 * more than the edit itself. Whatever reads the address for the lab's state calls `flushUrl()`
 * first (Copy link, the embed code, a primer's "try it", the challenge toggle); the page flushes
 * when it is hidden or unloaded and when a link is followed (the entry left behind keeps the
 * state; Back returns to it), and a new address (a pasted URL, back/forward) drops the write
 * still waiting: the address the student went to wins, as it did when writes were immediate.
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
import { URL_IDLE_MS, flushes, written } from './url-flush.ts';

export { URL_IDLE_MS, flushUrl, onUrlWritten } from './url-flush.ts';

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

  /** The lab whose change waits to be written, and the timer that writes it. */
  let pending: { i: LabInstance; live: LiveLab } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;
  const cancel = () => {
    pending = null;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (idle !== undefined) win.cancelIdleCallback?.(idle);
    idle = undefined;
  };
  const flush = () => {
    const p = pending;
    cancel();
    if (!p || stopped) return;
    const { path, query } = parseHash(win.location.hash);
    if (path !== p.i.lab.path) return;
    const before = win.location.hash;
    replace(hashFor(p.live, pageParams(query)));
    if (win.location.hash !== before) written.forEach((cb) => cb());
  };
  /**
   * Once the lab is still, the write waits for the page to be idle too (a 130 KB replaceState is
   * a long task: not in a frame the student waits for, such as the deferred render of an edit),
   * but no longer than URL_IDLE_MS more.
   */
  const due = () => {
    timer = undefined;
    if (typeof win.requestIdleCallback !== 'function') return flush();
    idle = win.requestIdleCallback(
      () => {
        idle = undefined;
        flush();
      },
      { timeout: URL_IDLE_MS },
    );
  };
  const later = (i: LabInstance, live: LiveLab) => {
    pending = { i, live };
    if (timer !== undefined) clearTimeout(timer);
    if (idle !== undefined) win.cancelIdleCallback?.(idle);
    idle = undefined;
    timer = setTimeout(due, URL_IDLE_MS);
  };
  /** A followed link makes a new history entry: the one left keeps the state as it was. */
  const onClick = (e: Event) => {
    const t = e.target as { closest?: (s: string) => unknown } | null;
    if (pending && typeof t?.closest === 'function' && t.closest('a[href]')) flush();
  };
  const onHidden = () => {
    if (win.document.visibilityState === 'hidden') flush();
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
          // Another lab's change still waiting goes first (each lab writes only its own path).
          if (pending && pending.i !== i) flush();
          // Whether the address shows this lab is asked when the write is due (flush), not here:
          // reading the address on every change read a 130 KB hash per keystroke (issue 17).
          later(i, live);
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

  /**
   * A new address: the state the student left behind is not written over it, and what reading it
   * changed is written at once (below), so nothing is left waiting either.
   */
  const readUrl = () => {
    cancel();
    readUrlNow();
    cancel();
  };
  const readUrlNow = () => {
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
  win.addEventListener('pagehide', flush);
  win.addEventListener('beforeunload', flush);
  win.document.addEventListener('visibilitychange', onHidden);
  win.document.addEventListener('click', onClick, true);
  flushes.add(flush);
  return () => {
    flush();
    stopped = true;
    flushes.delete(flush);
    win.removeEventListener('hashchange', readUrl);
    win.removeEventListener('pagehide', flush);
    win.removeEventListener('beforeunload', flush);
    win.document.removeEventListener('visibilitychange', onHidden);
    win.document.removeEventListener('click', onClick, true);
    stops.forEach((s) => s());
  };
}
