/**
 * How the browser build cuts a catalog into parts (issue 17): each lab's own words (ids
 * `lab.<lab>.*`, the convention of every app/labs/<Lab>/words file) are a part fetched with that
 * lab's code; everything else — the shell, the kit, the core's messages, the glossary, and every
 * lab's title and short name (app/labs/names.ts, the navigation's) — is the `base` part.
 */

/** The part an id belongs to: `lab.<lab>` or `base`. */
export function partOf(id: string): string {
  const m = /^lab\.([a-z]+)\.(.+)$/.exec(id);
  if (!m || m[2] === 'title' || m[2] === 'short') return 'base';
  return `lab.${m[1]}`;
}

/** The messages of `catalog` in `part`. */
export function catalogPart(catalog: Readonly<Record<string, string>>, part: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, text] of Object.entries(catalog)) if (partOf(id) === part) out[id] = text;
  return out;
}
