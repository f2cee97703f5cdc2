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

/**
 * Keep only the first screen on show (none if none is), as soon as the app's code runs: the page
 * holds one intro until the app's, never a dozen hidden ones (a script or a test looking for the
 * lab's heading finds one). Returns the route of the one kept.
 */
export function keepShownFirstScreen(doc: Document): string | null {
  const shown = shownFirstScreen(doc);
  const boot = doc.getElementById('boot');
  if (!shown) boot?.remove();
  else
    for (const c of [...(boot?.children ?? [])])
      if (c.getAttribute('data-boot') !== doc.documentElement.dataset.boot) c.remove();
  return shown;
}
