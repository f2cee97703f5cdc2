/**
 * Issue 17: the first visit to a lab fetched its files in a chain (the entry; once it ran, the
 * catalog parts; once those were in, the lab's code; then that code's CSS), each link a round trip
 * on a slow link. This plugin writes, into the built page, a small classic script
 * (app/boot/route-preload.js, with the map below filled in) that asks for the address's files all
 * at once while the entry downloads.
 *
 * The map, per route: the chunks of the lab's declaration and view (the two modules
 * app/labs/index.ts imports for it), every chunk they import statically and the CSS those
 * import, less what index.html already loads; and per language, its catalog parts (`base`, and
 * each route's part: `lab.<path>` or `page.home`; core/i18n/catalogs-lazy.ts). A lab's route also
 * names what its challenge mode fetches when it is turned on (app/lab-kit/challenge/ChallengeRoot.tsx:
 * the lab's challenge.ts, the panel, and their parts `challenge.<path>` and `challenge`): a
 * teacher's `challenge=1` link asks for them with the lab's, not a round trip after it. All read
 * from the build's own bundle, so a renamed module or part fails the build here instead of
 * silently preloading nothing.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { minifyClassicScript } from './minify-public.ts';

type Chunk = {
  type: 'chunk';
  fileName: string;
  facadeModuleId: string | null;
  isEntry: boolean;
  imports: string[];
  viteMetadata?: { importedCss: Set<string> };
};
type Output = Chunk | { type: 'asset'; fileName: string; source: string | Uint8Array };

/** What the client script reads (app/boot/route-preload.js). */
export interface RouteMap {
  /** Prefix of every file (the build's base is relative: the files sit beside index.html). */
  base: string;
  /** The lab an embed with an empty hash shows (app/labs/index.ts DEFAULT_LAB). */
  embedDefault: string;
  files: string[];
  /**
   * Route (the hash's path; '' the home page) → its catalog part and its files (indexes in files);
   * a lab's, the files its challenge mode adds (`challenge=1`), less the route's own.
   */
  routes: Record<string, { part: string; files: number[]; challenge?: number[] }>;
  /** Locale → catalog part → its file (an index in files). */
  catalogs: Record<string, Record<string, number>>;
}

const VIRTUAL_CATALOG = '\0virtual:sockscope-catalog/';

/** Each lab's route and the two modules it loads, read from app/labs/index.ts. */
export function labRoutes(source: string): { path: string; modules: string[] }[] {
  const out: { path: string; modules: string[] }[] = [];
  for (const block of source.split(/\blazyLab\(\{/).slice(1)) {
    const path = /\bpath:\s*'([a-z0-9-]+)'/.exec(block)?.[1];
    const modules = [...block.matchAll(/\bimport\('(\.\/[^']+)'\)/g)].map((m) => m[1]!);
    if (!path || modules.length === 0)
      throw new Error(`route-preload: a lazyLab in app/labs/index.ts has no path or import`);
    out.push({ path, modules });
  }
  if (out.length === 0) throw new Error('route-preload: no lazyLab found in app/labs/index.ts');
  return out;
}

/** The challenge panel, which ChallengeRoot.tsx imports when challenge mode is first turned on. */
const CHALLENGE_PANEL = 'app/lab-kit/challenge/ChallengePanel.tsx';

/**
 * The module a lab's declaration (its lab.ts, `labModule`) imports for its challenge mode
 * (`loadChallenge: () => import('./challenge.ts')…`), or undefined for a lab without one.
 */
export function challengeModule(labModule: string): string | undefined {
  const m = /\bloadChallenge:\s*\(\)\s*=>\s*import\('(\.\/[^']+)'\)/.exec(readFileSync(labModule, 'utf8'));
  return m ? resolve(dirname(labModule), m[1]!).replace(/\\/g, '/') : undefined;
}

/** The route map of a bundle (see the file's comment). `root` is the project's folder. */
export function routeMap(bundle: Record<string, Output>, root: string): RouteMap {
  const norm = (p: string) => p.replace(/\\/g, '/');
  const labsDir = norm(resolve(root, 'app/labs'));
  const indexSource = readFileSync(resolve(root, 'app/labs/index.ts'), 'utf8');
  const embedDefault = /export const DEFAULT_LAB = '([a-z0-9-]+)'/.exec(indexSource)?.[1];
  if (!embedDefault) throw new Error('route-preload: app/labs/index.ts exports no DEFAULT_LAB');
  const chunks = Object.values(bundle).filter((o): o is Chunk => o.type === 'chunk');
  const byModule = new Map<string, Chunk>();
  for (const c of chunks) if (c.facadeModuleId) byModule.set(norm(c.facadeModuleId), c);
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));

  // What index.html loads already (the entry and its static imports, its CSS).
  const loaded = new Set<string>();
  const closure = (start: Chunk[], into: Set<string>) => {
    // Breadth first, in import order: the route's own modules, then what they import.
    const queue = [...start];
    while (queue.length) {
      const c = queue.shift()!;
      if (into.has(c.fileName)) continue;
      into.add(c.fileName);
      for (const css of c.viteMetadata?.importedCss ?? []) into.add(css);
      for (const f of c.imports) {
        const d = byFile.get(f);
        if (d) queue.push(d);
      }
    }
  };
  closure(
    chunks.filter((c) => c.isEntry),
    loaded,
  );

  const files: string[] = [];
  const index = (f: string) => {
    let i = files.indexOf(f);
    if (i < 0) i = files.push(f) - 1;
    return i;
  };
  const chunkOf = (module: string) => {
    const c = byModule.get(norm(module));
    if (!c) throw new Error(`route-preload: no chunk for ${module} in the build`);
    return c;
  };
  const routes: RouteMap['routes'] = {};
  // The files `modules` need, less `except`: scripts first, then style sheets, in the graph's order.
  const needs = (modules: string[], except: ReadonlySet<string>) => {
    const need = new Set<string>();
    closure(modules.map(chunkOf), need);
    const list = [...need].filter((f) => !except.has(f));
    list.sort((a, b) => Number(a.endsWith('.css')) - Number(b.endsWith('.css')));
    return list;
  };
  const add = (route: string, part: string, modules: string[]) => {
    routes[route] = { part, files: needs(modules, loaded).map(index) };
  };
  const panel = norm(resolve(root, CHALLENGE_PANEL));
  for (const lab of labRoutes(indexSource)) {
    const modules = lab.modules.map((m) => `${labsDir}/${m.slice(2)}`);
    add(lab.path, `lab.${lab.path}`, modules);
    const declaration = modules.find((m) => m.endsWith('/lab.ts'));
    const challenge = declaration ? challengeModule(declaration) : undefined;
    if (challenge) {
      const own = new Set([...loaded, ...needs(modules, loaded)]);
      routes[lab.path]!.challenge = needs([challenge, panel], own).map(index);
    }
  }
  // The home page (app/App.tsx: its words, then app/home/Home.tsx).
  add('', 'page.home', [norm(resolve(root, 'app/home/Home.tsx'))]);

  const catalogs: RouteMap['catalogs'] = {};
  for (const c of chunks) {
    const id = c.facadeModuleId;
    if (!id?.startsWith(VIRTUAL_CATALOG)) continue;
    const [locale, part] = id.slice(VIRTUAL_CATALOG.length).split('/');
    if (!locale || !part) continue;
    (catalogs[locale] ??= {})[part] = index(c.fileName);
  }
  for (const [locale, parts] of Object.entries(catalogs)) {
    const challengeParts = Object.entries(routes).flatMap(([path, r]) =>
      r.challenge ? ['challenge', `challenge.${path}`] : [],
    );
    for (const part of ['base', ...Object.values(routes).map((r) => r.part), ...challengeParts])
      if (!(part in parts)) throw new Error(`route-preload: no catalog part ${locale}/${part} in the build`);
  }
  if (Object.keys(catalogs).length === 0) throw new Error('route-preload: no catalog parts in the build');
  return { base: './', embedDefault, files, routes, catalogs };
}

const MARK = '/* ROUTES */ null';

/** The client script with `map` in place of its empty map. */
export function clientScript(source: string, map: RouteMap): string {
  if (!source.includes(MARK))
    throw new Error('route-preload: app/boot/route-preload.js has no /* ROUTES */ mark');
  // Whole-line comments out (the page loads the code, the checkout keeps the explanation).
  const code = source
    .split('\n')
    .filter((l) => !/^\s*(\/\/|\/\* global )/.test(l))
    .join('\n');
  return code.replace(MARK, () => JSON.stringify(map));
}

export function routePreload(): Plugin {
  const root = resolve(import.meta.dirname, '..');
  return {
    name: 'sockscope:route-preload',
    apply: 'build',
    // After Vite's HTML plugin has written index.html into the bundle.
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const html = bundle['index.html'];
      if (!html || html.type !== 'asset') return; // not the app's build (a worker, a library)
      const map = routeMap(bundle as unknown as Record<string, Output>, root);
      const script = clientScript(readFileSync(resolve(root, 'app/boot/route-preload.js'), 'utf8'), map);
      // Minified, as public/'s scripts are (vite/minify-public.ts): it counts in every lab's
      // JavaScript (issue 17's 150 KB; with the Intl worker's start added, Reassembly and Journey
      // in Chinese weighed 150.1 and 150.3 KB with it as written, 149.7 and 149.7 minified).
      const code = await minifyClassicScript('route-preload', 'route-preload.js', script);
      const fileName = `assets/route-preload-${createHash('sha256').update(code).digest('hex').slice(0, 8)}.js`;
      this.emitFile({ type: 'asset', fileName, source: code });
      // Last in <head>, after the entry's own tags (its module script, preloads and style sheet
      // keep their place in the queue: the entry is what paints first), and async: a classic
      // script after a style sheet would wait for it to load.
      const text = String(html.source);
      const at = text.indexOf('</head>');
      if (at < 0 || !/<script type="module"/.test(text))
        throw new Error('route-preload: index.html has no module script or </head>');
      html.source = `${text.slice(0, at)}  <script async src="./${fileName}"></script>\n  ${text.slice(at)}`;
    },
  };
}
