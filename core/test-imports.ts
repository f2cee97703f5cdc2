/**
 * The modules a file loads when it runs (tests only): its value imports and re-exports, static or
 * dynamic, and theirs, through relative paths. `import type` and `export type` are left out (the
 * build erases them); an import that names values and types alike counts. What a page fetches and
 * what its catalog part holds follow this graph (issue 17: vite.config.ts's lazyCatalogs walks the
 * bundler's), so a test can hold a page's load to the modules it needs.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const VALUE_IMPORT =
  /(?:^|\n)\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/** Every module `roots` (paths from the repository's root) load, as paths from the root. */
export function valueImportClosure(roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const todo = roots.map((r) => resolve(REPO_ROOT, r));
  for (let file = todo.pop(); file !== undefined; file = todo.pop()) {
    const rel = relative(REPO_ROOT, file).replace(/\\/g, '/');
    if (seen.has(rel)) continue;
    seen.add(rel);
    if (!/\.tsx?$/.test(file)) continue;
    // Comments out first: a doc comment may show an import as an example.
    const code = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
    for (const m of code.matchAll(VALUE_IMPORT)) {
      const spec = (m[1] ?? m[2])!;
      todo.push(resolve(dirname(file), spec.replace(/\?.*$/, '')));
    }
  }
  return seen;
}
