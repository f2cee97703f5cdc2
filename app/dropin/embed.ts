/**
 * embed.js — the drop-in script (issue 16). A page includes it once:
 *
 *   <script src="https://site/sockscope/embed.js" defer></script>
 *   <div data-sockscope="#/fragment?len=4000&mtu=1500" data-view="diagram"></div>
 *
 * and every placeholder becomes a lazy, self-sizing iframe of the lab. Built on its own by
 * app/dropin/vite.config.ts into dist/embed.js (one IIFE, no dependencies). docs/embedding.md has
 * the attributes and snippets for plain HTML, MkDocs, Docusaurus and Hugo.
 */
import { version } from '../../package.json';
import { createDropin, type DropinApi } from './dropin.ts';

declare global {
  interface Window {
    sockscope?: Pick<DropinApi, 'mount' | 'refresh' | 'version'>;
  }
}

/** The script element that loaded us; with `defer` or dynamic insertion currentScript is still set. */
function ownScript(): HTMLScriptElement | null {
  const cs = document.currentScript;
  if (cs instanceof HTMLScriptElement) return cs;
  const all = document.querySelectorAll<HTMLScriptElement>('script[src*="embed.js"]');
  return all[all.length - 1] ?? null;
}

// Included twice (a theme and a page both add it): the first copy owns the page.
if (!window.sockscope?.mount) {
  const api = createDropin({ window, document, script: ownScript() }, version);
  window.sockscope = { version: api.version, mount: api.mount, refresh: api.refresh };
}
