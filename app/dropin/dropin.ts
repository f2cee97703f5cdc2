/**
 * The drop-in runtime: turns `<div data-sockscope="…">` placeholders into sized, lazy iframes.
 * Everything it touches (window, document, observers) comes in through `DropinEnv`, so the unit
 * tests drive it in jsdom; `embed.ts` wires it to the real page.
 *
 * Resources are bounded: MAX_EMBEDS placeholders per page (the rest get a link), MAX_EAGER iframes
 * made at once (the rest when they come near the viewport), heights capped at MAX_HEIGHT.
 */
import { HEIGHT_MESSAGE } from '../embed/height-reporter.ts';
import {
  ATTRIBUTES,
  baseFromScriptSrc,
  buildSrc,
  originOf,
  pageDefaults,
  parseAttributes,
  type EmbedOptions,
  type PageDefaults,
} from './options.ts';

export const MAX_EMBEDS = 200;
export const MAX_EAGER = 20;
/** The tallest a message may make an iframe (CSS px): a runaway document cannot grow the host page forever. */
export const MAX_HEIGHT = 20_000;
/** How far ahead of the viewport a deferred embed starts loading. */
export const LAZY_MARGIN = '600px 0px';
/** How often an iframe removed from a placeholder that stays is put back (a hydrating framework removes it once). */
export const MAX_RESTORES = 3;

/** What a placeholder shows in `data-sockscope-state` (for the page's CSS and for tests). */
export type EmbedState = 'waiting' | 'ready' | 'loaded' | 'sized' | 'error';

/** Attributes on `<html>`, `<body>` or the script tag that carry the host's theme and language. */
const HOST_ATTRIBUTES = [
  'data-sockscope-theme',
  'data-sockscope-lang',
  'lang',
  'data-theme',
  'data-md-color-scheme',
];

/** The few words the drop-in itself shows on the host page (a fallback link), by language. */
const WORDS: Record<string, { open: string; unavailable: string }> = {
  en: { open: 'Open the lab in sockscope ↗', unavailable: 'sockscope embed unavailable' },
  zh: { open: '在 sockscope 中打开实验 ↗', unavailable: 'sockscope 嵌入不可用' },
};
const words = (lang: string | undefined) => WORDS[(lang ?? 'en').split('-')[0]!] ?? WORDS.en!;

export interface DropinEnv {
  window: Window;
  document: Document;
  /** The `<script>` that loaded embed.js (its `src` gives the base; its data-* the page defaults). */
  script?: HTMLScriptElement | null;
  /** Whether iframes lazy-load natively (`loading="lazy"`); without it every embed waits for the IntersectionObserver. */
  nativeLazy?: boolean;
  IntersectionObserver?: typeof IntersectionObserver;
  MutationObserver?: typeof MutationObserver;
  warn?: (message: string) => void;
  maxEager?: number;
  maxEmbeds?: number;
}

export interface DropinApi {
  readonly version: string;
  /** Make (or update) the embed of one placeholder; false when it is not one or is refused. */
  mount(el: unknown): boolean;
  /** Find new placeholders, forget removed ones, and re-read every embed's attributes and the page's defaults. */
  refresh(): void;
  /** Stop observing and listening (tests; a page never needs it). */
  dispose(): void;
}

interface Embed {
  el: Element;
  /** Where the iframe or the link goes: the shadow root we attached, or the placeholder itself. */
  root?: ShadowRoot | Element;
  iframe?: HTMLIFrameElement;
  src?: string;
  origin?: string;
  options?: EmbedOptions;
  /** Waiting for the IntersectionObserver. */
  deferred: boolean;
  /** Counted against MAX_EAGER. */
  eager: boolean;
  /** How often its iframe was put back after someone removed it. */
  restored: number;
}

export function createDropin(env: DropinEnv, version = '0'): DropinApi {
  const win = env.window;
  const doc = env.document;
  const warn = env.warn ?? ((m: string) => console.warn(m));
  const maxEager = env.maxEager ?? MAX_EAGER;
  const maxEmbeds = env.maxEmbeds ?? MAX_EMBEDS;
  const nativeLazy =
    env.nativeLazy ?? (typeof HTMLIFrameElement !== 'undefined' && 'loading' in HTMLIFrameElement.prototype);
  const embeds = new Map<Element, Embed>();
  let made = 0;

  const scriptBase =
    baseFromScriptSrc(env.script?.getAttribute('data-sockscope-base'), doc.baseURI) ??
    baseFromScriptSrc(env.script?.src, doc.baseURI);

  const hostDefaults = (): PageDefaults => {
    const html = doc.documentElement;
    let colorScheme: string | null = null;
    try {
      colorScheme = win.getComputedStyle(html).colorScheme || null;
    } catch {
      /* no computed styles (detached document): no signal */
    }
    // `<meta name="color-scheme">` sets the page's scheme without showing in the computed style.
    if (!colorScheme || colorScheme === 'normal')
      colorScheme = doc.querySelector('meta[name="color-scheme"]')?.getAttribute('content') ?? null;
    return pageDefaults({
      explicitTheme:
        env.script?.getAttribute('data-sockscope-theme') ?? html.getAttribute('data-sockscope-theme'),
      siteTheme: html.getAttribute('data-theme'),
      mkdocsScheme: doc.body?.getAttribute('data-md-color-scheme') ?? null,
      colorScheme,
      explicitLang:
        env.script?.getAttribute('data-sockscope-lang') ?? html.getAttribute('data-sockscope-lang'),
      documentLang: html.getAttribute('lang'),
    });
  };
  let defaults = hostDefaults();

  const setState = (e: Embed, s: EmbedState) => e.el.setAttribute('data-sockscope-state', s);

  const labHref = (base: string | undefined, o?: EmbedOptions) => {
    if (!base) return undefined;
    if (!o) return base;
    const b = (o.base ?? base).replace(/#.*$/, '');
    return `${b}#/${o.lab}${o.query ? `?${o.query}` : ''}`;
  };

  /**
   * Put the iframe (or the link) in the placeholder's shadow root. The placeholder's own children
   * stay untouched (and unrendered): a framework hydrating server HTML (React in Docusaurus) then
   * finds exactly the children it rendered, and the no-JS fallback content stays for print and
   * readers. Elements that take no shadow root (or have one already) get their children replaced.
   */
  const show = (e: Embed, node: Element) => {
    if (!e.root) {
      try {
        e.root = e.el.shadowRoot ? e.el : e.el.attachShadow({ mode: 'open' });
      } catch {
        e.root = e.el;
      }
    }
    e.root.replaceChildren(node);
  };

  /** Replace the placeholder's content with a link to the lab (or to sockscope), so the reader is never stuck. */
  const fallback = (e: Embed, message: string, o?: EmbedOptions) => {
    warn(`sockscope: ${message}`);
    if (e.eager) {
      e.eager = false;
      made--;
    }
    e.deferred = false;
    io?.unobserve(e.el);
    e.iframe = undefined;
    e.src = undefined;
    const href = labHref(scriptBase, o);
    const w = words(defaults.lang);
    const node = doc.createElement(href ? 'a' : 'span');
    node.className = 'sockscope-fallback';
    node.setAttribute('part', 'fallback');
    node.textContent = href ? w.open : w.unavailable;
    if (href) node.setAttribute('href', href);
    show(e, node);
    setState(e, 'error');
  };

  const makeIframe = (e: Embed) => {
    if (!e.src || !e.options) return;
    e.deferred = false;
    io?.unobserve(e.el);
    const f = doc.createElement('iframe');
    f.src = e.src;
    f.title = e.options.title;
    f.setAttribute('loading', 'lazy');
    f.setAttribute('allow', 'clipboard-write');
    f.setAttribute('width', '100%');
    f.setAttribute('part', 'frame');
    styleIframe(f, e.options);
    // Until the first height message: about a diagram's height, or a lab's first screen.
    f.style.height = e.options.view === 'diagram' ? '560px' : '900px';
    f.addEventListener('load', () => {
      if (e.iframe === f && e.el.getAttribute('data-sockscope-state') === 'ready') setState(e, 'loaded');
    });
    e.iframe = f;
    show(e, f);
    setState(e, 'ready');
  };

  const styleIframe = (f: HTMLIFrameElement, o: EmbedOptions) => {
    f.style.width = '100%';
    f.style.border = '0';
    f.style.display = 'block';
    // A frame whose color-scheme differs from its <iframe>'s gets an opaque backdrop (CSS Color
    // Adjust §3.2): give the element the embed's scheme so bg=transparent stays transparent.
    const theme = o.theme ?? 'auto';
    f.style.colorScheme = theme === 'auto' ? 'light dark' : theme;
    if (o.bg === 'transparent') f.style.background = 'transparent';
  };

  const onIntersect: IntersectionObserverCallback = (entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const e = embeds.get(entry.target);
      if (e?.deferred) makeIframe(e);
    }
  };
  const IO =
    env.IntersectionObserver ??
    (typeof IntersectionObserver === 'undefined' ? undefined : IntersectionObserver);
  const io = IO ? new IO(onIntersect, { rootMargin: LAZY_MARGIN }) : undefined;

  /** (Re)read one placeholder and bring its iframe in line; an unchanged address leaves the frame alone. */
  const apply = (e: Embed) => {
    const parsed = parseAttributes((name) => e.el.getAttribute(name), defaults);
    for (const w of parsed.warnings) warn(`sockscope: ${w}`);
    if (!parsed.ok) return fallback(e, parsed.error);
    const o = parsed.options;
    const base = o.base ?? scriptBase;
    if (!base)
      return fallback(
        e,
        'cannot tell where sockscope is: load embed.js with a src="…/embed.js", or write data-sockscope as a full address',
        o,
      );
    const src = buildSrc(base, o);
    const origin = originOf(src);
    if (!origin)
      return fallback(e, `the embed's address ${JSON.stringify(src.slice(0, 80))} is not http(s)`, o);
    e.options = o;
    if (e.src === src && (e.iframe || e.deferred)) {
      if (e.iframe) {
        e.iframe.title = o.title;
        styleIframe(e.iframe, o);
      }
      return;
    }
    e.src = src;
    e.origin = origin;
    if (e.iframe) {
      // Same page, another hash: the frame navigates in place (a hashchange, no reload).
      e.iframe.src = src;
      e.iframe.title = o.title;
      styleIframe(e.iframe, o);
      return;
    }
    if (io && (!nativeLazy || made >= maxEager)) {
      e.deferred = true;
      setState(e, 'waiting');
      io.observe(e.el);
    } else {
      made++;
      e.eager = true;
      makeIframe(e);
    }
  };

  const mount = (el: unknown): boolean => {
    if (typeof Element === 'undefined' || !(el instanceof Element)) {
      warn('sockscope.mount: pass an element with a data-sockscope attribute');
      return false;
    }
    if (!el.hasAttribute('data-sockscope')) {
      warn('sockscope.mount: the element has no data-sockscope attribute');
      return false;
    }
    const known = embeds.get(el);
    if (known) {
      apply(known);
      return true;
    }
    const e: Embed = { el, deferred: false, eager: false, restored: 0 };
    if (embeds.size >= maxEmbeds) {
      fallback(e, `more than ${maxEmbeds} embeds on one page; the rest are links`);
      return false;
    }
    embeds.set(el, e);
    apply(e);
    return true;
  };

  const forgetDetached = () => {
    for (const [el, e] of embeds) {
      if (el.isConnected) {
        // The placeholder stayed but its iframe went: a framework re-rendered or hydrated the
        // placeholder (React removes children it did not render). Put it back, a few times at most.
        if (e.iframe && !e.iframe.isConnected && e.restored < MAX_RESTORES) {
          e.restored++;
          makeIframe(e);
        }
        continue;
      }
      io?.unobserve(el);
      embeds.delete(el);
      if (e.eager) made--;
    }
  };

  const scan = (root: ParentNode) => {
    if (root instanceof Element && root.hasAttribute('data-sockscope')) mount(root);
    for (const el of root.querySelectorAll('[data-sockscope]')) mount(el);
  };

  const refresh = () => {
    forgetDetached();
    defaults = hostDefaults();
    for (const e of embeds.values()) apply(e);
    scan(doc);
  };

  const onMessage = (ev: MessageEvent) => {
    const data: unknown = ev.data;
    if (!data || typeof data !== 'object' || (data as { type?: unknown }).type !== HEIGHT_MESSAGE) return;
    let e: Embed | undefined;
    if (ev.source) for (const x of embeds.values()) if (x.iframe?.contentWindow === ev.source) e = x;
    // Only the frame we made, and only the sockscope we loaded into it, may size it.
    if (!e?.iframe || ev.origin !== e.origin) return;
    const h = (data as { height?: unknown }).height;
    if (typeof h !== 'number' || !Number.isFinite(h) || h <= 0) return;
    e.iframe.style.height = `${Math.min(Math.ceil(h), MAX_HEIGHT)}px`;
    setState(e, 'sized');
  };
  win.addEventListener('message', onMessage);

  const ownAttrs = new Set<string>(ATTRIBUTES);
  const hostAttrs = new Set(HOST_ATTRIBUTES);
  const MO = env.MutationObserver ?? (typeof MutationObserver === 'undefined' ? undefined : MutationObserver);
  const mo = MO
    ? new MO((records) => {
        let removed = false;
        let host = false;
        for (const r of records) {
          if (r.type === 'childList') {
            if (r.removedNodes.length) removed = true;
            for (const n of r.addedNodes) if (n instanceof Element) scan(n);
          } else if (r.type === 'attributes' && r.target instanceof Element && r.attributeName) {
            const t = r.target;
            if (t === doc.documentElement || t === doc.body || t === env.script) {
              if (hostAttrs.has(r.attributeName)) host = true;
            } else if (ownAttrs.has(r.attributeName) && t.hasAttribute('data-sockscope')) mount(t);
          }
        }
        if (host) refresh();
        else if (removed) forgetDetached();
      })
    : undefined;
  mo?.observe(doc.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: [...ATTRIBUTES, ...HOST_ATTRIBUTES],
  });

  const start = () => scan(doc);
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', start, { once: true });
  else start();

  return {
    version,
    mount,
    refresh,
    dispose() {
      win.removeEventListener('message', onMessage);
      doc.removeEventListener('DOMContentLoaded', start);
      mo?.disconnect();
      io?.disconnect();
      embeds.clear();
    },
  };
}
