/**
 * Inside an iframe, tell the parent page how tall the document is, so a documentation page can
 * size the iframe to fit (the listener is in `embedSnippet`). Posted on start and whenever the
 * height changes (ResizeObserver on the root element), never twice with the same value.
 *
 * targetOrigin is '*': the message carries no secret (a height in CSS pixels and the lab's route),
 * and the parent's origin is whatever documentation site embeds us, unknowable in advance.
 */

export interface HeightMessage {
  type: 'sockscope:height';
  height: number;
  path: string;
}

export const HEIGHT_MESSAGE = 'sockscope:height';

interface ReporterWindow {
  parent: { postMessage(message: unknown, targetOrigin: string): void };
  document: { documentElement: Element };
  location: { hash: string };
  addEventListener(type: 'hashchange' | 'load', cb: () => void): void;
  removeEventListener(type: 'hashchange' | 'load', cb: () => void): void;
}

export interface HeightReporterOptions {
  /** The document's height in CSS pixels (default: the root element's border box). */
  measure?: () => number;
  /** The lab's route, sent along so a page with several embeds can tell them apart in logs. */
  path?: () => string;
  ResizeObserverImpl?: typeof ResizeObserver;
}

/** Whether this window is inside a frame. */
export function isFramed(win: Pick<Window, 'parent'> & object): boolean {
  try {
    return win.parent !== win;
  } catch {
    return true;
  }
}

/** Start reporting; returns the function that stops it. Does nothing outside a frame. */
export function startHeightReporter(win: ReporterWindow, opts: HeightReporterOptions = {}): () => void {
  if ((win.parent as unknown) === win) return () => {};
  const root = win.document.documentElement;
  const measure = opts.measure ?? (() => root.getBoundingClientRect().height);
  const path = opts.path ?? (() => win.location.hash.replace(/^#\/?/, '').split('?')[0] ?? '');
  let last = -1;
  const report = () => {
    const height = Math.ceil(measure());
    if (!(height > 0) || height === last) return;
    last = height;
    const msg: HeightMessage = { type: HEIGHT_MESSAGE, height, path: path() };
    win.parent.postMessage(msg, '*');
  };
  report();
  const RO = opts.ResizeObserverImpl ?? (typeof ResizeObserver === 'undefined' ? undefined : ResizeObserver);
  const ro = RO ? new RO(report) : undefined;
  ro?.observe(root);
  // A lab switch inside the frame may keep the height but changes the route.
  const onHash = () => {
    last = -1;
    report();
  };
  win.addEventListener('hashchange', onHash);
  win.addEventListener('load', report);
  return () => {
    ro?.disconnect();
    win.removeEventListener('hashchange', onHash);
    win.removeEventListener('load', report);
  };
}
