/* global self */
// A worker, started by app/boot/route-preload.js as the page loads (issue 17).
//
// A page's first Intl call (FormatJS's createIntl when the app first renders, a number grouped in
// a table) reads the browser's locale data (ICU): 30–90 ms in one task on the main thread, which
// Lighthouse counts as blocking. That data is loaded once for the whole renderer process, not per
// thread: asked for here first, on a thread of its own while the lab's files download, the app's
// own first call finds it ready (measured in Chromium: the main thread's first Intl call went from
// 51–88 ms to under 1 ms). The calls are the kinds the app makes: numbers, plurals, dates, and the
// locale lookups FormatJS does. It answers when done (app/boot/intl-warm.ts waits for that before
// the first render); a browser without workers or Intl skips it, and the app does the work itself.
(function () {
  var lang = 'en';
  try {
    lang = new URLSearchParams(self.location.search).get('lang') || 'en';
    Intl.NumberFormat.supportedLocalesOf(lang);
    Intl.DateTimeFormat.supportedLocalesOf(lang);
    Intl.PluralRules.supportedLocalesOf(lang);
    new Intl.NumberFormat(lang).format(65507.5);
    new Intl.NumberFormat('en-US', { maximumSignificantDigits: 12 }).format(1);
    new Intl.PluralRules(lang).select(1);
    new Intl.DateTimeFormat(lang).format(0);
  } catch {
    // an unknown language or no Intl: nothing to warm
  }
  self.postMessage('warm');
  self.close();
})();
