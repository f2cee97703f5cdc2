/**
 * Issue 17: the built page's style sheets are asked for before public/theme.js, not after it.
 *
 * Vite writes the entry's `<link rel="stylesheet">` last in <head>, after index.html's classic
 * `<script src="./theme.js">`. That script blocks the parser, and Chromium asked for the style
 * sheet only once theme.js had arrived and run (a Lighthouse trace: theme.js 66–98 ms, the style
 * sheet from 113 ms). The first screen cannot paint before its style sheet (it is what shows the
 * address's picture: vite/first-screen.ts), so the page's first paint waited for two requests in
 * turn. Placed before the script, both download at once. theme.js still runs before the first
 * paint (a parser-blocking script in <head> always does); what it sets on <html> (the theme, the
 * language, the first screen) applies when the style sheet does, whichever came first.
 *
 * Only the style sheets move; the module script and its preloads keep their place (the browser
 * fetches them in parallel anyway, and they never block a paint).
 */
import type { Plugin } from 'vite';

const STYLESHEET = /[ \t]*<link\b[^>]*\brel=["']?stylesheet["']?[^>]*>\n?/gi;

/** `html` with every style sheet link of its <head> moved just before the head's first <script>. */
export function styleSheetsFirst(html: string): string {
  const end = html.search(/<\/head>/i);
  if (end < 0) throw new Error('style-first: index.html has no </head>');
  const head = html.slice(0, end);
  const links = head.match(STYLESHEET) ?? [];
  if (!links.length) return html;
  const rest = head.replace(STYLESHEET, '');
  // Before the script's own comment too, when one sits right above it.
  const script = rest.search(/[ \t]*(?:<!--(?:(?!-->)[\s\S])*-->\s*)?<script\b/i);
  if (script < 0) return html; // nothing blocks the parser in front of them
  const moved = links.map((l) => `    ${l.trim()}\n`).join('');
  return rest.slice(0, script) + moved + rest.slice(script) + html.slice(end);
}

export function styleSheetsFirstPlugin(): Plugin {
  return {
    name: 'sockscope:style-first',
    apply: 'build',
    // After Vite has written the entry's tags into the page.
    transformIndexHtml: { order: 'post', handler: styleSheetsFirst },
  };
}
