/**
 * Issue 17: the page painted nothing until its code had run, so its largest paint (the lab's
 * opening paragraph) waited for the entry, the catalogs and the lab's chunks. This plugin writes
 * into the built index.html each lab's first screen in each language (the shell, share bar and
 * intro the app draws while the lab's code loads), rendered by the app's own components in jsdom
 * (app/boot/first-screen.tsx, loaded through a Vite server with the app's aliases: no text copied),
 * all hidden; public/theme.js names the address's one on <html data-boot> before the first paint,
 * and the style sheet this plugin adds to the entry's CSS shows it. The app's intro takes its place
 * in the same frame (app/lab-kit/LabLoading.tsx dropFirstScreen): same markup, nothing moves.
 *
 * An embed draws no shell and shows nothing from the HTML; nor does a lab whose intro reads its
 * address (`introValues`) when the address holds a key it reads (the CSS hides it; theme.js writes
 * the address's keys on <html data-boot-keys>).
 */
import { resolve } from 'node:path';
import type { Alias, Plugin } from 'vite';

export interface Screen {
  path: string;
  locale: string;
  html: string;
  introKeys: string[];
}

/** The id main.tsx imports the selection's style sheet by. */
export const FIRST_SCREEN_CSS = 'virtual:sockscope-first-screen.css';
const RESOLVED_CSS = '\0' + FIRST_SCREEN_CSS;

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** The `<div id="boot">` index.html carries: every screen, hidden. */
export function bootMarkup(screens: readonly Screen[]): string {
  const inner = screens
    .map((s) => `<div data-boot="${attr(`${s.path} ${s.locale}`)}" lang="${attr(s.locale)}">${s.html}</div>`)
    .join('');
  // Out of the accessibility tree and inert: a picture of the page until the page is there.
  return `<div id="boot" aria-hidden="true" inert>${inner}</div>`;
}

/** The rules that show the screen <html data-boot> names, unless the address holds a key its intro reads. */
export function bootCss(screens: readonly Screen[]): string {
  const q = (s: string) => JSON.stringify(s);
  const out = ['#boot > [data-boot] { display: none; }'];
  for (const s of screens) {
    const key = `${s.path} ${s.locale}`;
    out.push(`html[data-boot=${q(key)}] #boot > [data-boot=${q(key)}] { display: block; }`);
  }
  for (const s of screens)
    for (const k of s.introKeys)
      out.push(
        `html[data-boot-keys~=${q(k)}] #boot > [data-boot=${q(`${s.path} ${s.locale}`)}] { display: none; }`,
      );
  return out.join('\n') + '\n';
}

/** Render every screen with the app's components in jsdom (a Vite server loads them). */
export async function renderScreens(root: string, aliases: Alias[]): Promise<Screen[]> {
  const { createServer } = await import('vite');
  // jsdom (the unit tests' DOM, a dev dependency) has no types of its own: the little used here.
  const { JSDOM } = (await import('jsdom' as string)) as {
    JSDOM: new (
      html: string,
      options: { url: string; pretendToBeVisual: boolean },
    ) => { window: Window & typeof globalThis & { close(): void } };
  };
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
    url: 'http://localhost/',
    pretendToBeVisual: true,
  });
  const win = dom.window as unknown as Window & typeof globalThis;
  win.matchMedia = ((query: string) => ({
    matches: false,
    media: query,
    addEventListener() {},
    removeEventListener() {},
    addListener() {},
    removeListener() {},
  })) as unknown as typeof win.matchMedia;
  const names = [
    'window',
    'document',
    'navigator',
    'localStorage',
    'location',
    'history',
    'Node',
    'Element',
    'HTMLElement',
    'SVGElement',
    'Text',
    'DocumentFragment',
    'Event',
    'CustomEvent',
    'MutationObserver',
    'getComputedStyle',
    'requestAnimationFrame',
    'cancelAnimationFrame',
    'matchMedia',
  ] as const;
  const g = globalThis as Record<string, unknown>;
  const saved = new Map<string, PropertyDescriptor | undefined>();
  for (const n of names) {
    saved.set(n, Object.getOwnPropertyDescriptor(g, n));
    const v: unknown = n === 'window' ? win : (win as unknown as Record<string, unknown>)[n];
    Object.defineProperty(g, n, {
      value: typeof v === 'function' && !/^[A-Z]/.test(n) ? (v as () => unknown).bind(win) : v,
      configurable: true,
      writable: true,
    });
  }
  const stubCss = '\0first-screen-stub.css.js';
  const server = await createServer({
    configFile: false,
    root,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
    resolve: { alias: aliases },
    // Libraries that import React get the aliases too (as in the unit tests).
    ssr: { noExternal: ['zustand', 'react-intl'] },
    plugins: [
      {
        name: 'sockscope:first-screen-no-css',
        enforce: 'pre',
        resolveId: (s) => (/\.css$/.test(s) ? stubCss : null),
        load: (id) => (id === stubCss ? 'export default {}' : null),
      },
    ],
  });
  try {
    const mod = (await server.ssrLoadModule(resolve(root, 'app/boot/first-screen.tsx'))) as {
      firstScreens: (doc: Document) => Screen[];
    };
    const out = mod.firstScreens(win.document);
    // Preact runs what an unmount leaves after a frame (or 35 ms): let it, while the DOM is here.
    await new Promise((r) => setTimeout(r, 100));
    return out;
  } finally {
    await server.close();
    for (const [n, d] of saved) {
      if (d) Object.defineProperty(g, n, d);
      else delete g[n];
    }
    dom.window.close();
  }
}

const MARK = '<div id="root"></div>';

export function firstScreen(aliases: Alias[]): Plugin {
  const root = resolve(import.meta.dirname, '..');
  let screens: Promise<Screen[]> | null = null;
  let build = false;
  const get = () => (screens ??= build ? renderScreens(root, aliases) : Promise.resolve([]));
  return {
    name: 'sockscope:first-screen',
    configResolved(config) {
      build = config.command === 'build' && !config.build.ssr;
    },
    resolveId: (source) => (source === FIRST_SCREEN_CSS ? RESOLVED_CSS : null),
    async load(id) {
      if (id !== RESOLVED_CSS) return null;
      return bootCss(await get());
    },
    transformIndexHtml: {
      order: 'pre',
      async handler(html) {
        if (!build) return html;
        if (!html.includes(MARK)) throw new Error(`first-screen: index.html has no ${MARK}`);
        const all = await get();
        return html.replace(MARK, () => `${bootMarkup(all)}${MARK}`);
      },
    },
  };
}
