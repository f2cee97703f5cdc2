/* global document, window, requestAnimationFrame, Worker */
// Fetch what the address's page needs, all at once, before the app's code has run (issue 17).
//
// Without this the page fetched its files in a chain: the entry, then (once it ran) its
// language's words and the lab's words, then (once those were in) the lab's code, then that
// code's CSS. A classic script in <head> (the Content-Security-Policy allows no inline script)
// that the build writes beside the app (vite/route-preload.ts fills in ROUTES: each route's
// chunks, their CSS and each language's catalog parts, from the build's own module graph) asks
// for all of them with <link rel="modulepreload">/<link rel="preload" as="style"> while the
// entry downloads. The app still imports everything itself, in its own order: these links only
// start the downloads earlier (Vite's preload helper sees them and adds no second link), so a
// wrong guess costs bytes, never correctness.
//
// The rules it replays are the app's: the route is the hash's path (`#/fragment?…`; an empty one
// is the home page, or the default lab in an embed: app/lab-kit/url.ts parseHash,
// app/embed/embed-url.ts isEmbedHref); the language is the one public/theme.js picked before it
// (<html data-lang>: core/i18n/locale.ts pickLocale's rules; its Intl.Locale calls also start
// the browser's ICU data there, while the network is busy, rather than in the first render).
// app/boot/route-preload.test.ts runs this file, after theme.js, against those functions.
(function (ROUTES) {
  if (!ROUTES) return; // the source itself (the dev server, a test without a map)
  var on = function (v) {
    return v !== null && v !== '0' && v !== 'false';
  };
  var href = window.location.href;
  var h = href.indexOf('#');
  var before = h < 0 ? href : href.slice(0, h);
  var hash = h < 0 ? '' : href.slice(h + 1);
  var s = before.indexOf('?');
  var hq = hash.indexOf('?');
  var search;
  var hashQuery;
  try {
    search = new URLSearchParams(s < 0 ? '' : before.slice(s + 1));
    hashQuery = new URLSearchParams(hq < 0 ? '' : hash.slice(hq + 1));
  } catch {
    return; // an address URLSearchParams cannot read: the app will say what it makes of it
  }
  var path = (hq < 0 ? hash : hash.slice(0, hq)).replace(/^\/+|\/+$/g, '');
  if (path === '' && (on(hashQuery.get('embed')) || on(search.get('embed')))) path = ROUTES.embedDefault;

  // The page's language, as public/theme.js (run before this script, in <head>) picked it.
  var locale = document.documentElement.getAttribute('data-lang') || 'en';

  var files = ROUTES.files;
  var route = Object.prototype.hasOwnProperty.call(ROUTES.routes, path) ? ROUTES.routes[path] : null;
  var parts = ROUTES.catalogs[locale] || {};
  var want = [parts.base];
  if (route) want = want.concat(parts[route.part], route.files);
  // A teacher's link (`challenge=1`, the hash query's value first, as app/lab-kit/challenge/url.ts
  // reads it): the lab's questions, the panel and their words, which the app fetches once the
  // lab's declaration has come (app/lab-kit/challenge/ChallengeRoot.tsx), are asked for now.
  var challenge = hashQuery.get('challenge');
  if (challenge === null) challenge = search.get('challenge');
  if (route && route.challenge && on(challenge))
    want = want.concat(route.challenge, parts.challenge, parts['challenge.' + path]);
  // The links go in tasks of LINKS_A_TASK: appending one costs the browser about half a
  // millisecond on a 2-core VM (its request is started there), and a lab's 30-odd in one task
  // made it the longest of the first second but one (Lighthouse's total blocking time counts each
  // task's length past 50 ms, at 4× the CPU time). A task of 10 is some 5 ms.
  var LINKS_A_TASK = 10;
  // Whether the links are all in, and whether the Intl data is to be read here, after them (below:
  // the worker could not). Whichever of the two comes second starts the reading: it runs once.
  var linksDone = false;
  var warmHere = false;
  var start = function (from) {
    var head = document.head;
    var until = Math.min(want.length, from + LINKS_A_TASK);
    for (var j = from; j < until; j++) {
      if (want[j] === undefined) continue;
      var file = files[want[j]];
      var link = document.createElement('link');
      if (/\.css$/.test(file)) {
        link.rel = 'preload';
        link.setAttribute('as', 'style');
      } else link.rel = 'modulepreload';
      // As Vite's preload helper and the module scripts ask: the same request, fetched once.
      link.crossOrigin = '';
      link.href = ROUTES.base + file;
      head.appendChild(link);
    }
    if (until < want.length) {
      setTimeout(function () {
        start(until);
      }, 0);
      return;
    }
    linksDone = true;
    if (warmHere) warmOnMainThread(0);
  };
  // The browser's Intl data for the page's language (ICU's), which FormatJS asks for when the app
  // first renders (createIntl) and the first number it formats: read while the files download,
  // not in the first render. Building it takes one long task (17–38 ms on a 2-core VM; Lighthouse's
  // total blocking time counts each task's length past 50 ms at 4× the CPU time), so it is read
  // off the main thread, by a worker (public/intl-warm.js), started at once: the data is the
  // renderer process's, not a thread's, so the app's first Intl call finds it ready. While the
  // worker works the page is marked <html data-intl="warming">, and the app's first render waits
  // for its answer, a while at most (app/boot/intl-warm.ts says why); then the mark goes and an
  // event says so (a worker that never answers leaves the mark: the app stops waiting anyway).
  //
  // A browser without workers, or one that will not start this one (a failed fetch, a stricter
  // policy in a copy of the page), reads the data here instead, after the links' tasks, in a task
  // per part (the first NumberFormat alone is most of it). A task the browser has not reached when
  // the app renders costs nothing: the app's first Intl call reads the data then.
  var WARM = [
    function () {
      Intl.NumberFormat.supportedLocalesOf(locale);
    },
    function () {
      Intl.DateTimeFormat.supportedLocalesOf(locale);
      new Intl.PluralRules(locale);
    },
  ];
  var warmOnMainThread = function (k) {
    if (k >= WARM.length) return;
    setTimeout(function () {
      try {
        WARM[k]();
      } catch {
        return; // no Intl data: the app reports it
      }
      warmOnMainThread(k + 1);
    }, 0);
  };
  var root = document.documentElement;
  var warmer = null;
  // The worker's first word settles it: an answer, or an error (and then the tasks here). Nothing
  // after that counts (an error after the answer does not read the data a second time).
  var settled = false;
  var settle = function () {
    if (settled) return false;
    settled = true;
    if (root.getAttribute('data-intl') === 'warming') {
      root.removeAttribute('data-intl');
      document.dispatchEvent(new Event('sockscope:intl-warmed'));
    }
    return true;
  };
  var fallBack = function () {
    if (!settle()) return;
    if (warmer) warmer.terminate();
    warmHere = true;
    if (linksDone) warmOnMainThread(0);
  };
  try {
    if (typeof Worker !== 'function') throw new Error('no Worker');
    warmer = new Worker(ROUTES.base + 'intl-warm.js');
    root.setAttribute('data-intl', 'warming');
    warmer.onerror = fallBack;
    // Done (or refused, which the app reports on its first Intl call): it has closed itself.
    warmer.onmessage = settle;
    warmer.postMessage(locale);
  } catch {
    fallBack();
  }
  // With the HTML's first screen on show (public/theme.js named one: a lab's page, not an embed),
  // the downloads start once it is painted: the first paint then waits for the HTML and the CSS
  // alone, not for a link shared with the lab's code (and Lighthouse's simulation, which counts
  // every script fetched before the first paint as blocking it, sees the page as it is). The Intl
  // worker's one small file (above) does not wait: it shares nothing with the lab's code, and the
  // sooner it starts the likelier it is done before the app's first render (Lighthouse, medians
  // of 3 a lab, 8 December: first contentful paint 1,274–1,301 ms, as before it).
  var started = false;
  var once = function () {
    if (started) return;
    started = true;
    start(0);
  };
  var screen = route && path !== '' && root.getAttribute('data-boot');
  if (!screen || document.hidden || typeof requestAnimationFrame !== 'function') once();
  else {
    requestAnimationFrame(function () {
      setTimeout(once, 0);
    });
    // A frame that does not come (a tab hidden meanwhile): start anyway.
    setTimeout(once, 1000);
  }
})(/* ROUTES */ null);
