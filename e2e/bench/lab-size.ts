/**
 * How much JavaScript a browser fetches to show each lab, gzip-compressed, read from the build's
 * manifest (dist/.vite/manifest.json, written by `npm run build`): the page's entry chunk and its
 * static imports, plus the lab's own chunks (its declaration and its view, dynamic imports in
 * app/labs/index.ts) and their static imports, each file counted once. The target is 150 KB gzip per
 * lab (issue 17). It reports; `--check` also exits 1 when a lab is over the target, so CI can hold
 * the line.
 *
 *   npm run build && npm run bench:size [-- --check]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = join(import.meta.dirname, '../..', process.env.BENCH_DIST ?? 'dist');
const MANIFEST = join(DIST, '.vite/manifest.json');
const TARGET_KB = 150;

interface Chunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, Chunk>;

/** Every file a chunk needs before it runs: itself and its static imports, transitively. */
function closure(m: Manifest, key: string, into: Set<string>): Set<string> {
  const c = m[key];
  if (!c || into.has(c.file)) return into;
  into.add(c.file);
  for (const k of c.imports ?? []) closure(m, k, into);
  return into;
}

const gzipCache = new Map<string, number>();
function gzipBytes(file: string): number {
  let n = gzipCache.get(file);
  if (n === undefined) {
    n = gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
    gzipCache.set(file, n);
  }
  return n;
}
const sum = (files: Iterable<string>) => [...files].reduce((n, f) => n + gzipBytes(f), 0);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

interface LabSize {
  lab: string;
  files: number;
  gzip: number;
}

/** The gzip size of the JavaScript needed to show each lab, from a manifest. */
function labSizes(m: Manifest): { entry: number; labs: LabSize[] } {
  const entryKey = Object.keys(m).find((k) => m[k]?.isEntry);
  if (!entryKey) throw new Error('the manifest has no entry chunk');
  const entry = closure(m, entryKey, new Set());
  // A lab is its declaration (labs/X/lab.ts) and its view (labs/X/XLab.tsx), both dynamic
  // imports of the entry (app/labs/index.ts), fetched together when the lab is first shown.
  const byLab = new Map<string, string[]>();
  for (const k of m[entryKey]?.dynamicImports ?? []) {
    const hit = /(?:^|\/)labs\/(\w+)\/(?:lab\.ts|\w+Lab\.tsx)$/.exec(k);
    if (hit?.[1]) byLab.set(hit[1], [...(byLab.get(hit[1]) ?? []), k]);
  }
  const labs = [...byLab].map(([lab, keys]) => {
    const files = new Set(entry);
    for (const k of keys) closure(m, k, files);
    return { lab, files: files.size, gzip: sum(files) };
  });
  return { entry: sum(entry), labs };
}

function main(): number {
  if (!existsSync(MANIFEST)) {
    console.log(`No ${MANIFEST}: run \`npm run build\` first.`);
    return 0;
  }
  const { entry, labs } = labSizes(JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest);
  console.log(`JavaScript to show each lab (gzip -9; target ≤ ${TARGET_KB} KB)`);
  console.log(`  shell (entry + its imports): ${kb(entry)}`);
  for (const l of labs)
    console.log(
      `  ${l.lab.padEnd(12)} ${kb(l.gzip).padStart(9)}  (${l.files} files, lab's own ${kb(l.gzip - entry)})  ${l.gzip <= TARGET_KB * 1024 ? 'ok' : 'OVER'}`,
    );
  if (labs.length === 0) console.log('  no lab chunks found: is each lab a dynamic import?');
  const over = labs.filter((l) => l.gzip > TARGET_KB * 1024);
  return process.argv.includes('--check') && (over.length > 0 || labs.length === 0) ? 1 : 0;
}

process.exitCode = main();
