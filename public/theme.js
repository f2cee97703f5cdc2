/* global document */
// Apply a saved theme before the first paint (no flash of the wrong theme). A classic script
// loaded with <script src> from index.html, before the app's module: the Content-Security-Policy
// allows no inline script. app/hooks/useTheme.ts owns the choice; this only replays it early.
try {
  const t = localStorage.getItem('sockscope-theme');
  if (t === 'light' || t === 'dark') document.documentElement.dataset.theme = t;
} catch {
  // storage blocked (private mode, sandboxed frame): the system theme applies
}
