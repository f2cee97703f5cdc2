/**
 * How the browser build cuts a catalog into parts (issue 17), each a chunk fetched when the page
 * first needs it (core/i18n/catalogs-lazy.ts):
 * - `lab.<lab>`: a lab's own words (ids `lab.<lab>.*`, the convention of every app/labs/<Lab>/words
 *   file), fetched with that lab's code;
 * - `challenge.<lab>`: a lab's challenge questions (ids `lab.<lab>.challenge.*`, its challenge.ts),
 *   and `challenge`: the kit's Challenge panel (ids `app.kit.challenge.*`), fetched with their
 *   code when challenge mode is first turned on (app/lab-kit/challenge/ChallengeRoot.tsx); the
 *   toggle and the veil that stand in meanwhile have ids of their own (`app.kit.challengeOn.*`)
 *   and stay in the base;
 * - `glossary`: the glossary entries' explanations (`glossary.<key>.plain|detail`), shown only in
 *   a term's popover and fetched when a popover first opens (app/lab-kit/Term.tsx); an entry's
 *   name (`glossary.<key>.name`) is shown in a lab's text and stays in the base;
 * - `base`: everything else — the shell, the kit, the core's messages, the glossary's names, and
 *   every lab's title and short name (app/labs/names.ts, the navigation's);
 * - none: the command line's words (`cli.*`, core/cli), which the page never shows.
 */

/** The part an id belongs to, or null for a message the browser never shows. */
export function partOf(id: string): string | null {
  if (id.startsWith('cli.')) return null;
  if (/^glossary\..+\.(plain|detail)$/.test(id)) return 'glossary';
  if (id.startsWith('app.kit.challenge.')) return 'challenge';
  const m = /^lab\.([a-z]+)\.(.+)$/.exec(id);
  const rest = m?.[2];
  if (!m || rest === undefined || rest === 'title' || rest === 'short') return 'base';
  return rest.startsWith('challenge.') ? `challenge.${m[1]}` : `lab.${m[1]}`;
}

/**
 * The module graph of a build, as a bundler knows it (vite.config.ts passes Rolldown's): every
 * module, what it imports (statically or not), its code, and the page's entries.
 */
export interface ModuleGraph {
  modules: readonly string[];
  entries: readonly string[];
  imports: (module: string) => readonly string[];
  code: (module: string) => string | undefined;
}

/**
 * What the shell loads on demand besides the labs, each with a catalog part of its own
 * (`page.<name>`, fetched before its code): the module the shell imports. The home and capture
 * pages (app/App.tsx) and a lab's capture export (app/capture/ShellCapture.tsx).
 */
export const PAGE_ROOTS: Readonly<Record<string, string>> = {
  'page.home': 'app/home/Home.tsx',
  'page.capture': 'app/capture/CapturePage.tsx',
  'page.export': 'app/capture/lab-export.ts',
};

/**
 * The part a module starts: `lab.<lab>` for a lab's folder (`…/app/labs/Fragment/x.ts` →
 * `lab.fragment`), `page.<name>` for a page's root (PAGE_ROOTS), else null.
 */
export function areaOfModule(module: string): string | null {
  const path = module.replace(/\\/g, '/').replace(/\?.*$/, '');
  const m = /\/app\/labs\/([A-Z][A-Za-z]*)\//.exec(path);
  if (m) return `lab.${m[1]!.toLowerCase()}`;
  for (const [part, root] of Object.entries(PAGE_ROOTS)) if (path.endsWith(`/${root}`)) return part;
  return null;
}

/**
 * Messages of the base (the core's, the kit's, the pages') that only labs and pages use, and
 * which: each goes to those labs' and pages' own parts instead of the base, so a lab's page
 * fetches the core words of that lab alone. A message stays in the base when a module outside
 * every lab and page uses it — the shell, anything it loads — or when no module names its id (an
 * id made at run time). A module "uses" an id when its code holds the id as a string literal; a
 * lab's modules are its folder's and everything they import, statically or when they run; a
 * page's, its root's and everything that imports.
 */
export function areaOnlyMessages(graph: ModuleGraph, ids: readonly string[]): Map<string, string[]> {
  const walk = (from: readonly string[], enter: (m: string) => boolean): Set<string> => {
    const seen = new Set<string>();
    const todo = from.filter(enter);
    for (let m = todo.pop(); m !== undefined; m = todo.pop()) {
      if (seen.has(m)) continue;
      seen.add(m);
      for (const n of graph.imports(m)) if (!seen.has(n) && enter(n)) todo.push(n);
    }
    return seen;
  };
  const outside = walk(graph.entries, (m) => areaOfModule(m) === null);
  const areasOf = new Map<string, Set<string>>();
  const areas = new Set(graph.modules.map(areaOfModule).filter((l) => l !== null));
  for (const area of areas)
    for (const m of walk(
      graph.modules.filter((x) => areaOfModule(x) === area),
      () => true,
    )) {
      let s = areasOf.get(m);
      if (!s) areasOf.set(m, (s = new Set()));
      s.add(area);
    }
  const wanted = new Set(ids.filter((id) => partOf(id) === 'base'));
  const users = new Map<string, string[]>();
  for (const m of graph.modules) {
    const code = graph.code(m);
    if (!code) continue;
    for (const lit of code.matchAll(/["'`]([A-Za-z][\w-]*(?:\.[\w-]+)+)["'`]/g)) {
      const id = lit[1]!;
      if (!wanted.has(id)) continue;
      const u = users.get(id);
      if (u) u.push(m);
      else users.set(id, [m]);
    }
  }
  const out = new Map<string, string[]>();
  for (const [id, ms] of users) {
    if (ms.some((m) => outside.has(m) || !areasOf.has(m))) continue;
    const to = new Set(ms.flatMap((m) => [...areasOf.get(m)!]));
    out.set(id, [...to].sort());
  }
  return out;
}

/**
 * The messages of `catalog` in `part`; `moved` (areaOnlyMessages) sends base messages to the
 * parts of the labs and pages that alone use them.
 */
export function catalogPart<T>(
  catalog: Readonly<Record<string, T>>,
  part: string,
  moved: ReadonlyMap<string, readonly string[]> = new Map(),
): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [id, text] of Object.entries(catalog)) {
    const to = moved.get(id);
    if (to ? to.includes(part) : partOf(id) === part) out[id] = text;
  }
  return out;
}
