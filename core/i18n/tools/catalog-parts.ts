/**
 * How the browser build cuts a catalog into parts (issue 17), each a chunk fetched when the page
 * first needs it (core/i18n/catalogs-lazy.ts):
 * - `lab.<lab>`: a lab's own words (ids `lab.<lab>.*`, the convention of every app/labs/<Lab>/words
 *   file), fetched with that lab's code;
 * - `glossary`: the glossary entries' explanations (`glossary.<key>.plain|detail`), shown only in
 *   a term's popover and fetched when a popover first opens (app/lab-kit/Term.tsx); an entry's
 *   name (`glossary.<key>.name`) is shown in a lab's text and stays in the base;
 * - `capture`: the capture page's words (`app.capture.*`), fetched with its code;
 * - `base`: everything else — the shell, the kit, the core's messages, the glossary's names, and
 *   every lab's title and short name (app/labs/names.ts, the navigation's);
 * - none: the command line's words (`cli.*`, core/cli), which the page never shows.
 */

/** The part an id belongs to, or null for a message the browser never shows. */
export function partOf(id: string): string | null {
  if (id.startsWith('cli.')) return null;
  if (/^glossary\..+\.(plain|detail)$/.test(id)) return 'glossary';
  if (id.startsWith('app.capture.')) return 'capture';
  const m = /^lab\.([a-z]+)\.(.+)$/.exec(id);
  if (!m || m[2] === 'title' || m[2] === 'short') return 'base';
  return `lab.${m[1]}`;
}

/** The messages of `catalog` in `part`. */
export function catalogPart<T>(catalog: Readonly<Record<string, T>>, part: string): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [id, text] of Object.entries(catalog)) if (partOf(id) === part) out[id] = text;
  return out;
}
