/* global document, window */
// Apply the page's theme before the first paint (no flash of the wrong theme). A classic script
// loaded with <script src> from index.html, before the app's module: the Content-Security-Policy
// allows no inline script. app/hooks/useTheme.ts (applyPageTheme) owns the rules; this replays
// them early: in embed mode (embed=1) `theme=light|dark|auto` and `bg=transparent` from the
// address; else the reader's saved choice. useTheme.test.ts runs this file against the same cases.
(function () {
  var root = document.documentElement;
  var on = function (v) {
    return v !== null && v !== '0' && v !== 'false';
  };
  var theme = null;
  var transparent = false;
  var fromAddress = false;
  try {
    var href = window.location.href;
    var h = href.indexOf('#');
    var before = h < 0 ? href : href.slice(0, h);
    var hash = h < 0 ? '' : href.slice(h + 1);
    var s = before.indexOf('?');
    var hq = hash.indexOf('?');
    var search = new URLSearchParams(s < 0 ? '' : before.slice(s + 1));
    var hashQuery = new URLSearchParams(hq < 0 ? '' : hash.slice(hq + 1));
    if (on(hashQuery.get('embed')) || on(search.get('embed'))) {
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
})();
