/**
 * The app's side of public/intl-warm.js (issue 17). app/boot/route-preload.js starts that worker
 * as soon as it runs, to read the browser's Intl data for the page's language off the main
 * thread, and marks the page `<html data-intl="warming">` until the worker has answered (or
 * failed). That data is the renderer process's, built once under a lock: an Intl call on the main
 * thread while the worker builds it waits the worker out, in the middle of the first render (the
 * 17–38 ms task the worker was for, moved into a render turn). So the first render waits for the
 * worker's answer, asynchronously, for at most `maxMs` once everything else it needs is in: a
 * worker that never answers delays the page by no more than that, and the app's first Intl call
 * then reads whatever the worker has not (as it did before the worker).
 */

/** What route-preload.js sets while its worker reads the data (`<html data-intl>`). */
export const INTL_WARMING = 'warming';
/** The event route-preload.js dispatches on the document when the attribute goes. */
export const INTL_WARMED_EVENT = 'sockscope:intl-warmed';

/** Resolves when the document is not marked as warming (at once if it is not), or after maxMs. */
export function intlWarmed(doc: Document, maxMs: number): Promise<void> {
  const warming = () => doc.documentElement.dataset.intl === INTL_WARMING;
  if (!warming()) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      doc.removeEventListener(INTL_WARMED_EVENT, done);
      resolve();
    };
    const timer = setTimeout(done, maxMs);
    doc.addEventListener(INTL_WARMED_EVENT, done);
  });
}
