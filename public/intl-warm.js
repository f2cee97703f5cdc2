/* global self */
// A dedicated worker (app/boot/route-preload.js starts it as soon as that script runs): it reads
// the browser's Intl data for the page's language off the page's main thread.
//
// The first Intl.NumberFormat.supportedLocalesOf of a renderer process builds V8's list of the
// locales ICU has, 17–38 ms on a 2-core VM, in one task on whichever thread asks first. That list
// is the process's, not the thread's: once a worker has built it, the page's first Intl call
// (FormatJS's createIntl, the first number formatted) takes no time (measured in Chromium 156:
// 17 ms on the main thread cold, 0.0–0.1 ms after a worker). So that task, the page's longest
// after its first paint, runs on a thread of its own, where it blocks no input and no frame
// (Lighthouse's total blocking time counts the main thread's tasks only).
//
// It takes the language as its one message, answers `true` when done (`false` when the browser
// refused: no Intl data, a language it does not know), and closes itself.
self.onmessage = function (e) {
  var locale = typeof e.data === 'string' ? e.data : 'en';
  var ok = true;
  try {
    Intl.NumberFormat.supportedLocalesOf(locale);
    Intl.DateTimeFormat.supportedLocalesOf(locale);
    new Intl.PluralRules(locale);
    new Intl.NumberFormat(locale).format(1);
  } catch {
    ok = false;
  }
  self.postMessage(ok);
  self.close();
};
