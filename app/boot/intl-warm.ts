/**
 * The answer of public/intl-warm.js, the worker app/boot/route-preload.js starts as the page loads
 * (issue 17): once it has made the browser read its locale data (ICU) on its own thread, the app's
 * first Intl call (createIntl in the first render) costs well under a millisecond instead of
 * 30–90 ms of one main-thread task. The first render waits for it, `atMost` ms at the longest: the
 * page's first screen is on show meanwhile, and a worker that never answers (blocked, failed to
 * load) costs that wait once, never the page.
 */
declare global {
  interface Window {
    /** Set by route-preload.js when it started the worker; resolves when the worker answers. */
    sockscopeIntlWarm?: Promise<void>;
  }
}

export function intlWarm(win: Pick<Window, 'sockscopeIntlWarm'>, atMost = 400): Promise<void> {
  const warm = win.sockscopeIntlWarm;
  if (!warm) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, atMost);
    // Either way the render goes on: an error here means no warm data, not no page.
    void warm.then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      () => {
        clearTimeout(timer);
        resolve();
      },
    );
  });
}
