/**
 * Build step (issue 17): a message descriptor's English `defaultMessage` and its `description`
 * (for translators) are what `npm run i18n:extract` reads; at run time the page renders from the
 * catalogs (core/i18n/locales/*.json) and looks messages up by `id` only. So the browser build
 * blanks both properties out of every descriptor — an object literal with a string `id` and a
 * `defaultMessage` — which is FormatJS's `removeDefaultMessage`, done with the TypeScript parser.
 * It took about a third of each lab's JavaScript (the English was shipped twice: in the code and
 * in en.json).
 *
 * The removed text is overwritten with spaces (line breaks kept), so every other character keeps
 * its line and column and the module's source map stays exact without a new one.
 *
 * A few modules read `defaultMessage` at run time as English text; they are listed in
 * KEEP_DEFAULTS and left alone (core/i18n/strip-defaults.test.ts fails when a new reader appears).
 */
import ts from 'typescript';

/**
 * Modules whose descriptors are read for their English text: `STRERROR` (core/errno/index.ts)
 * and the labs' plain names (app/labs/names.ts, read by app/lab-kit/define-lab.ts).
 */
export const KEEP_DEFAULTS: readonly string[] = ['core/errno/index.ts', 'app/labs/names.ts'];

const REMOVED = new Set(['defaultMessage', 'description']);

function propName(p: ts.ObjectLiteralElementLike): string | null {
  if (!ts.isPropertyAssignment(p)) return null;
  const n = p.name;
  return ts.isIdentifier(n) || ts.isStringLiteral(n) ? n.text : null;
}

const isStringish = (e: ts.Expression) => ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e);

/**
 * `code` with the `defaultMessage` and `description` of every message descriptor blanked out, or
 * null when there is none. A descriptor is an object literal with `id: '<literal>'` and a
 * `defaultMessage`; other objects (a packet's `id` and `description`) are left as they are.
 */
export function stripMessageDefaults(code: string, fileName: string): string | null {
  if (!code.includes('defaultMessage')) return null;
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, false, kind);
  const cuts: [number, number][] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      const names = node.properties.map(propName);
      const idProp = node.properties[names.indexOf('id')];
      if (
        idProp &&
        ts.isPropertyAssignment(idProp) &&
        isStringish(idProp.initializer) &&
        names.includes('defaultMessage')
      ) {
        node.properties.forEach((p, i) => {
          if (!REMOVED.has(names[i] ?? '')) return;
          // The property and the comma after it (always present when another property follows).
          let end = p.getEnd();
          const next = node.properties[i + 1];
          if (next || node.properties.hasTrailingComma) {
            const comma = code.indexOf(',', end);
            if (comma >= 0 && (!next || comma < next.getStart(sf))) end = comma + 1;
          }
          cuts.push([p.getStart(sf), end]);
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  if (cuts.length === 0) return null;
  let out = '';
  let at = 0;
  for (const [s, e] of cuts) {
    out += code.slice(at, s) + code.slice(s, e).replace(/[^\n\r]/g, ' ');
    at = e;
  }
  return out + code.slice(at);
}
