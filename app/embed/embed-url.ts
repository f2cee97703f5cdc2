/**
 * Embed mode and the links the share bar hands out. `embed=1` may sit in the hash query
 * (`#/fragment?len=4000&embed=1`, kept there by url-sync) or in the page's own query
 * (`…/sockscope/?embed=1#/fragment?len=4000`); either turns the site chrome off.
 */
import { flagOn, pairsOf, paramKey, splitHref } from '../lab-kit/href.ts';
import { PAGE_PARAMS } from '../lab-kit/url.ts';

const EMBED_ON = flagOn;
const split = splitHref;

function join(p: { base: string; search: string; path: string; query: string }): string {
  const search = p.search ? `?${p.search}` : '';
  const hash = p.path || p.query ? `#${p.path}${p.query ? `?${p.query}` : ''}` : '';
  return `${p.base}${search}${hash}`;
}

/** Drop `embed` from a query string, keeping every other parameter exactly as written. */
function dropEmbed(query: string): string {
  return query
    .split('&')
    .filter((kv) => kv !== '' && decodeURIComponent(kv.split('=')[0] ?? '') !== 'embed')
    .join('&');
}

/**
 * The page's own parameters of an address, the hash query's winning over the page query's
 * (`view=`, `controls=`, `theme=` … as the host wrote them).
 */
export function pageQueryOf(href: string): string {
  const p = split(href);
  const q = new URLSearchParams(pairsOf(p.search, PAGE_PARAMS));
  new URLSearchParams(pairsOf(p.query, PAGE_PARAMS)).forEach((v, k) => q.set(k, v));
  return q.toString();
}

/** Whether a page address asks for embed mode. */
export function isEmbedHref(href: string): boolean {
  const p = split(href);
  return (
    EMBED_ON(new URLSearchParams(p.query).get('embed')) ||
    EMBED_ON(new URLSearchParams(p.search).get('embed'))
  );
}

/** The address of the same state as a full page (what "Copy link" copies, also from inside an embed). */
export function shareHref(href: string): string {
  const p = split(href);
  return join({ ...p, search: dropEmbed(p.search), query: dropEmbed(p.query) });
}

/** The address of the same state in embed mode (`embed=1` last in the hash query). */
export function embedHref(href: string): string {
  const p = split(shareHref(href));
  return join({ ...p, query: [p.query, 'embed=1'].filter(Boolean).join('&') });
}

/** The lab's route (`fragment`) of an address. */
export function labOf(href: string): string {
  return split(href).path.replace(/^\/+|\/+$/g, '');
}

const escapeAttr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * What a teacher pastes into a documentation page: the iframe, and a listener that sets its
 * height from the `sockscope:height` messages the embedded lab posts. The message carries only a
 * height and a route, so the listener need not check the origin; it matches the message's source
 * to the iframe, so several embeds on one page each get their own height.
 */
export function embedSnippet(src: string, title: string, height = 900): string {
  // A frame whose colour scheme differs from its <iframe>'s gets an opaque backdrop: give the
  // element the embed's fixed theme, so `bg=transparent` stays transparent in a dark embed too.
  const theme = new URLSearchParams(pageQueryOf(src)).get('theme');
  const scheme = theme === 'light' || theme === 'dark' ? `;color-scheme:${theme}` : '';
  return [
    `<iframe src="${escapeAttr(src)}" title="${escapeAttr(title)}" width="100%" height="${height}" style="border:0${scheme}" loading="lazy" allow="clipboard-write"></iframe>`,
    `<script>`,
    `addEventListener('message', (e) => {`,
    `  if (e.data?.type !== 'sockscope:height') return;`,
    `  for (const f of document.querySelectorAll('iframe')) if (f.contentWindow === e.source) f.style.height = e.data.height + 'px';`,
    `});`,
    `</script>`,
  ].join('\n');
}

/** The views an embed may show (app/lab-kit/view.tsx). */
export type EmbedViewChoice = 'full' | 'compact' | 'diagram';

/** What the teacher picks for the copied code; the rest comes from the page's own address. */
export interface EmbedCodeChoice {
  view: EmbedViewChoice;
  /** The page's language (`en`, `zh-CN`): the embed opens in it. */
  lang?: string;
}

/** The page parameters an embed's code carries over from the address it was copied from. */
const CARRIED = ['controls', 'theme', 'bg', 'autoplay', 'loop'] as const;
/** Every page parameter (not the lab's): these never go into `data-sockscope`. */
const PAGE_KEYS = new Set(['embed', 'lang', 'view', ...CARRIED]);

/** The lab's own query of an address (its parameters as written, without the page's). */
function labQueryOf(href: string): string {
  return split(href)
    .query.split('&')
    .filter((kv) => kv !== '' && !PAGE_KEYS.has(paramKey(kv)))
    .join('&');
}

/** The page parameters to carry, in a fixed order: the copied view and language, then the address's own. */
function carried(href: string, c: EmbedCodeChoice): [string, string][] {
  const q = new URLSearchParams(pageQueryOf(href));
  const out: [string, string][] = [];
  if (c.view !== 'full') out.push(['view', c.view]);
  for (const k of CARRIED) {
    const v = q.get(k);
    if (v !== null && v.trim() !== '') out.push([k, v.trim()]);
  }
  if (c.lang) out.push(['lang', c.lang]);
  return out;
}

const enc = (v: string) => encodeURIComponent(v).replace(/%2C/g, ',');

/** The iframe address of this state with the chosen view and language (`embed=1` last). */
export function embedCodeHref(href: string, c: EmbedCodeChoice): string {
  const p = split(shareHref(href));
  const own = carried(href, c).map(([k, v]) => `${k}=${enc(v)}`);
  const query = [labQueryOf(href), ...own, 'embed=1'].filter(Boolean).join('&');
  return join({ ...p, search: '', query });
}

/** Where the drop-in script of this sockscope is: `embed.js` beside the page (`…/sockscope/embed.js`). */
export function dropinScriptSrc(href: string): string {
  const p = split(href);
  try {
    return new URL('embed.js', p.base).href;
  } catch {
    return 'embed.js';
  }
}

/**
 * The drop-in code: the script (once per page) and a placeholder of this state, with the chosen
 * view and language and the theme, controls … of the address as `data-` attributes (app/dropin).
 */
export function dropinSnippet(href: string, c: EmbedCodeChoice): string {
  const lab = labOf(href);
  const query = labQueryOf(href);
  const attrs = carried(href, c).map(([k, v]) => ` data-${k}="${escapeAttr(v)}"`);
  return [
    `<script src="${escapeAttr(dropinScriptSrc(href))}" defer></script>`,
    `<div data-sockscope="${escapeAttr(`#/${lab}${query ? `?${query}` : ''}`)}"${attrs.join('')}></div>`,
  ].join('\n');
}
