/* global document, window */
// Before the first paint (a classic script loaded with <script src> from index.html, before the
// app's module: the Content-Security-Policy allows no inline script), this replays the app's rules
// for what the address and the reader's choices make of the page:
// - the theme: app/hooks/useTheme.ts (applyPageTheme) owns the rules: in embed mode (embed=1)
//   `theme=light|dark|auto` and `bg=transparent` from the address; else the reader's saved choice
//   (<html data-theme>, data-bg). useTheme.test.ts runs this file against the same cases.
// - the language: `lang=` in the address (the hash query's, else the page query's), else the
//   reader's saved choice, else the browser's languages, else English (core/i18n/locale.ts
//   pickLocale/matchLocale): <html data-lang>, which app/boot/route-preload.js reads (and
//   <html lang> with a first screen, below).
// - the page's first screen (issue 17): <html data-boot="<route> <language>"> names the one of
//   index.html's pictures of a lab's first screen to show (vite/first-screen.ts; none in an
//   embed, which draws no shell), and data-boot-keys the hash query's keys (a lab whose intro
//   reads one is left to the app). The route is the hash's path (app/lab-kit/url.ts parseHash).
// app/boot/first-screen.test.ts runs this file against the app's functions.
(function () {
  var root = document.documentElement;
  var on = function (v) {
    return v !== null && v !== '0' && v !== 'false';
  };
  var theme = null;
  var transparent = false;
  var fromAddress = false;
  var embed = false;
  var path = null;
  var lang = null;
  var keys = [];
  try {
    var href = window.location.href;
    var h = href.indexOf('#');
    var before = h < 0 ? href : href.slice(0, h);
    var hash = h < 0 ? '' : href.slice(h + 1);
    var s = before.indexOf('?');
    var hq = hash.indexOf('?');
    var search = new URLSearchParams(s < 0 ? '' : before.slice(s + 1));
    var hashQuery = new URLSearchParams(hq < 0 ? '' : hash.slice(hq + 1));
    path = (hq < 0 ? hash : hash.slice(0, hq)).replace(/^\/+|\/+$/g, '');
    lang = hashQuery.get('lang');
    if (lang === null) lang = search.get('lang');
    hashQuery.forEach(function (_, k) {
      if (keys.indexOf(k) < 0) keys.push(k);
    });
    embed = on(hashQuery.get('embed')) || on(search.get('embed'));
    if (embed) {
      var pick = function (k) {
        var v = hashQuery.get(k);
        return (v === null ? search.get(k) || '' : v).trim().toLowerCase();
      };
      var t = pick('theme');
      if (t === 'light' || t === 'dark' || t === 'auto') {
        fromAddress = true;
        theme = t === 'auto' ? null : t;
      }
      transparent = pick('bg') === 'transparent';
    }
  } catch {
    // an address URLSearchParams cannot read: no embed look
  }
  if (!fromAddress) {
    try {
      var saved = localStorage.getItem('sockscope-theme');
      if (saved === 'light' || saved === 'dark') theme = saved;
    } catch {
      // storage blocked (private mode, sandboxed frame): the system theme applies
    }
  }
  if (theme) root.dataset.theme = theme;
  if (transparent) root.dataset.bg = 'transparent';

  // core/i18n/locale.ts matchLocale.
  var match = function (tag) {
    if (typeof tag !== 'string' || tag.length > 64) return null;
    var t = tag.trim().split(/[.@]/)[0].replace(/_/g, '-');
    if (t === '') return null;
    // A plain `ll` or `ll-RR` needs no Intl.Locale: the browser's first Intl call loads its
    // locale data (10–50 ms), which before the first paint would delay it.
    var plain = /^([a-z]{2,3})(-[a-z]{2})?$/i.exec(t);
    if (plain) {
      var ll = plain[1].toLowerCase();
      var rr = (plain[2] || '').toLowerCase();
      if (ll === 'en') return 'en';
      if (ll !== 'zh') return null;
      // zh alone, and zh-RR but for the regions whose script is Hant (maximize: TW, HK, MO).
      if (rr !== '-tw' && rr !== '-hk' && rr !== '-mo') return 'zh-CN';
    }
    var loc;
    try {
      loc = new Intl.Locale(t);
    } catch {
      return null;
    }
    if (loc.language === 'en') return 'en';
    if (loc.language !== 'zh') return null;
    var script = loc.script;
    if (!script) {
      try {
        script = loc.maximize().script;
      } catch {
        script = undefined;
      }
    }
    return script === 'Hant' ? null : 'zh-CN';
  };
  var stored = null;
  try {
    stored = localStorage.getItem('sockscope:lang');
  } catch {
    // storage blocked: the address and the browser's languages decide
  }
  var locale = match(lang) || match(stored);
  if (!locale) {
    var tags = Array.isArray(navigator.languages) ? navigator.languages.slice(0, 32) : [];
    for (var i = 0; i < tags.length && !locale; i++) locale = match(tags[i]);
  }
  locale = locale || 'en';
  root.dataset.lang = locale;
  if (path !== null && !embed) {
    root.dataset.boot = path + ' ' + locale;
    // The app's language (it sets the same once its words are in): the first screen's faces and
    // metrics are the app's (the page's CSS picks the CJK faces for :root:lang(zh)).
    root.lang = locale;
    root.dataset.bootKeys = keys.join(' ');
  }
})();
