/**
 * `npm run i18n:extract`: the English catalog is extracted from the code. Every
 * `defineMessages({ key: { id, defaultMessage, description } })` under core/ (and app/, once it
 * has messages) is read by FormatJS's extractor (@formatjs/cli-lib, the library behind
 * `formatjs extract`) and written to core/i18n/locales/en.json as id → message, sorted by id.
 * The catalog test runs the same extraction and fails when en.json is out of date.
 */
import { extract } from '@formatjs/cli-lib';
import { readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const EN_JSON = join(ROOT, 'core/i18n/locales/en.json');
export const ZH_JSON = join(ROOT, 'core/i18n/locales/zh-CN.json');

/** Where messages may be declared, and what is never scanned. */
const SOURCE_DIRS = ['core', 'app'];
const SKIP = /(^|\/)(node_modules|fixtures|__snapshots__)(\/|$)|\.(test|bench)\.tsx?$/;

/** The source files the extractor reads (tests and benchmarks declare no messages). */
export function sourceFiles(root: string = ROOT): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(dir, e.name);
      if (SKIP.test(relative(root, p))) continue;
      if (e.isDirectory()) visit(p);
      else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
    }
  };
  for (const d of SOURCE_DIRS) visit(join(root, d));
  return out.sort();
}

export interface Extracted {
  /** id → English message, sorted by id. */
  catalog: Record<string, string>;
  /** id → description, for translators. */
  descriptions: Record<string, string>;
}

/** Extract every declared message; throws if one id is declared twice with different text. */
export async function extractMessages(files: string[] = sourceFiles()): Promise<Extracted> {
  const json = await extract(files, {
    throws: true,
    idInterpolationPattern: '[sha512:contenthash:base64:6]',
  });
  const raw = JSON.parse(json) as Record<string, { defaultMessage?: string; description?: string }>;
  const catalog: Record<string, string> = {};
  const descriptions: Record<string, string> = {};
  for (const id of Object.keys(raw).sort()) {
    const m = raw[id]!;
    catalog[id] = m.defaultMessage ?? '';
    if (m.description) descriptions[id] = m.description;
  }
  return { catalog, descriptions };
}

/** The catalog as it is written to disk (prettier-stable JSON). */
export function catalogText(catalog: Record<string, string>): string {
  return JSON.stringify(catalog, null, 2) + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { catalog } = await extractMessages();
  writeFileSync(EN_JSON, catalogText(catalog));
  console.log(`${relative(ROOT, EN_JSON)}: ${Object.keys(catalog).length} messages`);
}
