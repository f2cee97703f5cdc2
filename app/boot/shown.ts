/**
 * Which of index.html's first screens is on show (vite/first-screen.ts; public/theme.js named it
 * on <html data-boot>, the page's CSS shows it): the lab's route, or null when none is.
 */
export function shownFirstScreen(doc: Document): string | null {
  const key = doc.documentElement.dataset.boot;
  const boot = doc.getElementById('boot');
  if (!key || !boot) return null;
  const screen = [...boot.children].find((c) => c.getAttribute('data-boot') === key);
  if (!screen || doc.defaultView?.getComputedStyle(screen).display === 'none') return null;
  return key.split(' ')[0] ?? null;
}
