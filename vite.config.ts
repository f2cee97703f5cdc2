/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from '@formatjs/icu-messageformat-parser';
import { catalogPart, areaOnlyMessages } from './core/i18n/tools/catalog-parts.ts';
import { KEEP_DEFAULTS, stripMessageDefaults } from './core/i18n/tools/strip-defaults.ts';
import { routePreload } from './vite/route-preload.ts';
import { minifyPublicScripts } from './vite/minify-public.ts';
import { firstScreen } from './vite/first-screen.ts';

/**
 * The Content-Security-Policy of the built page (issue 19). Everything comes from the page's own
 * origin; the only other sources are the data:/blob: images the exports draw (an SVG drawn into
 * an <img> for the PNG). React and d3 set styles through the CSSOM, which style-src does not
 * govern; style sheets and <style> elements come only from 'self'. style-src-attr alone is open:
 * the SVG export (app/embed/svg-export.ts) writes computed styles onto its clones with
 * setAttribute('style', …), which the browser checks even on detached elements (writing them
 * through `.style.cssText` instead would let this line go). frame-ancestors cannot be set in a
 * meta tag, and must stay open anyway: any course site may embed a lab in an iframe.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // The capture page reads files in a module Worker built to its own file (app/capture/store.ts):
  // 'self' only, never a blob: worker.
  "worker-src 'self'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * Adds the policy as a <meta http-equiv> to the BUILT index.html only: Vite's dev server injects
 * inline scripts (the HMR client, React Refresh's preamble) that the policy would block. The build
 * fails if the page it writes carries an inline script or style the policy would refuse.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'sockscope:csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const inline = /<script\b(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=["']|\son[a-z]+=["']/i.exec(html);
        if (inline)
          throw new Error(
            `index.html has inline code the Content-Security-Policy refuses (${inline[0].trim()}): move it to a file under public/.`,
          );
        // Right after <meta charset>: a meta policy governs only what comes after it.
        const charset = /<meta charset=[^>]*>/i.exec(html);
        if (!charset)
          throw new Error('index.html has no <meta charset> to put the Content-Security-Policy after.');
        const at = charset.index + charset[0].length;
        const meta = `\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;
        return html.slice(0, at) + meta + html.slice(at);
      },
    },
  };
}

/**
 * The built page renders messages from the catalogs by id: the English `defaultMessage` and the
 * translators' `description` of each descriptor are blanked out of the code (issue 17; see
 * core/i18n/tools/strip-defaults.ts). Build only: the dev server and the tests keep them.
 */
export function stripDefaults(): Plugin {
  const root = import.meta.dirname.replace(/\\/g, '/') + '/';
  return {
    name: 'sockscope:strip-message-defaults',
    apply: 'build',
    enforce: 'pre',
    transform: {
      filter: { id: /\.tsx?$/ },
      handler(code, id) {
        const file = id.replace(/\\/g, '/').replace(/\?.*$/, '');
        if (!file.startsWith(root) || file.includes('/node_modules/')) return null;
        if (KEEP_DEFAULTS.includes(file.slice(root.length))) return null;
        const out = stripMessageDefaults(code, file);
        // Same lines and columns: the module's source map is unchanged.
        return out === null ? null : { code: out, map: null };
      },
    },
  };
}

/**
 * In the browser build core/i18n/catalogs.ts (both languages, loaded with the code: the CLI's and
 * the tests') becomes core/i18n/catalogs-lazy.ts (the same exports; one language, in parts, each a
 * chunk: `virtual:sockscope-catalog/<locale>/<part>`, cut by core/i18n/tools/catalog-parts.ts).
 * Workers are built apart and keep both.
 *
 * Each message is compiled here to its ICU MessageFormat AST (FormatJS's `formatjs compile --ast`,
 * with the parser intl-messageformat uses at run time), so the page needs no ICU parser: every
 * import of `@formatjs/icu-messageformat-parser` from FormatJS's runtime resolves to the same
 * package's `no-parser.js` (FormatJS's documented alias when every message is precompiled). The
 * build only formats catalog messages: descriptors lose their `defaultMessage` (stripDefaults), and
 * the few English names read at run time are read as text, never formatted (KEEP_DEFAULTS).
 */
const VIRTUAL_CATALOG = 'virtual:sockscope-catalog';
/** What a part's module holds until the build knows its messages (renderChunk fills it in). */
const PART_MARK = '__sockscope_catalog_part__:';

export function lazyCatalogs(): Plugin {
  const dir = import.meta.dirname.replace(/\\/g, '/') + '/core/i18n/';
  const root = import.meta.dirname.replace(/\\/g, '/') + '/';
  const sources = new Map<string, string>();
  // Base messages only labs and pages use, and which: known once every module is (buildEnd).
  let moved: Map<string, string[]> | null = null;
  const compiled = (locale: string, part: string): Record<string, unknown> => {
    const catalog = JSON.parse(readFileSync(`${dir}locales/${locale}.json`, 'utf8')) as Record<
      string,
      string
    >;
    const out: Record<string, unknown> = {};
    for (const [id, text] of Object.entries(catalogPart(catalog, part, moved ?? undefined))) {
      try {
        out[id] = parse(text, { locale: new Intl.Locale(locale) });
      } catch (e) {
        throw new Error(`${locale}.json: ${id} is not ICU MessageFormat: ${String(e)}`);
      }
    }
    return out;
  };
  return {
    name: 'sockscope:lazy-catalogs',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source.startsWith(VIRTUAL_CATALOG)) return '\0' + source;
      const from = importer?.replace(/\\/g, '/');
      if (source === './catalogs.ts' && from?.startsWith(dir) && !from.endsWith('catalogs-lazy.ts'))
        return dir + 'catalogs-lazy.ts';
      return null;
    },
    load(id) {
      if (!id.startsWith('\0' + VIRTUAL_CATALOG)) return null;
      const [locale = '', part = ''] = id.slice(VIRTUAL_CATALOG.length + 2).split('/');
      if (!/^[A-Za-z-]+$/.test(locale) || !/^[a-z.]+$/.test(part)) throw new Error(`no catalog for ${id}`);
      // The catalog's own hash in the mark: the chunk's name changes with its words.
      const hash = createHash('sha256')
        .update(readFileSync(`${dir}locales/${locale}.json`))
        .digest('hex');
      return `export default JSON.parse(${JSON.stringify(`${PART_MARK}${locale}/${part}/${hash.slice(0, 12)}`)});`;
    },
    // Which module names which message id (the app's and the core's own modules).
    transform: {
      filter: { id: /\.tsx?$/ },
      handler(code, id) {
        const file = id.replace(/\\/g, '/').replace(/\?.*$/, '');
        if (file.startsWith(root) && !file.includes('/node_modules/')) sources.set(file, code);
        return null;
      },
    },
    buildEnd() {
      const norm = (m: string) => m.replace(/\\/g, '/').replace(/\?.*$/, '');
      const modules = [...this.getModuleIds()];
      const ids = Object.keys(
        JSON.parse(readFileSync(`${dir}locales/en.json`, 'utf8')) as Record<string, string>,
      );
      moved = areaOnlyMessages(
        {
          modules,
          entries: modules.filter((m) => this.getModuleInfo(m)?.isEntry),
          imports: (m) => {
            const info = this.getModuleInfo(m);
            return info ? [...info.importedIds, ...info.dynamicallyImportedIds] : [];
          },
          code: (m) => sources.get(norm(m)),
        },
        ids,
      );
    },
    // JSON.parse of a string literal: faster to start than an object literal this size.
    renderChunk(code) {
      if (!code.includes(PART_MARK)) return null;
      const out = code.replace(
        new RegExp(`(["'\`])${PART_MARK}([A-Za-z-]+)/([a-z.]+)/[0-9a-f]+\\1`, 'g'),
        (_, _q, locale: string, part: string) => JSON.stringify(JSON.stringify(compiled(locale, part))),
      );
      if (out.includes(PART_MARK)) throw new Error('a catalog part was left unfilled');
      return { code: out, map: null };
    },
  };
}

const ICU_PARSER = '@formatjs/icu-messageformat-parser';

/** FormatJS's runtime without its ICU parser in the build (the catalogs come compiled: lazyCatalogs). */
export function noIcuParser(): Plugin {
  return {
    name: 'sockscope:no-icu-parser',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (source !== ICU_PARSER || !importer?.replace(/\\/g, '/').includes('/node_modules/')) return null;
      return this.resolve(`${ICU_PARSER}/no-parser.js`, importer, { ...options, skipSelf: true });
    },
  };
}

/**
 * The page runs on Preact through preact/compat (issue 17: React DOM alone was ≈62 KB of the 150 KB
 * a lab may fetch). The code is written against React's API and imports `react`; every import of
 * React, by the app or by a library (react-intl, zustand, Testing Library), resolves here, in the
 * build, the dev server and the unit tests alike, so the tests run what ships. React's deferral
 * (useDeferredValue, startTransition) does nothing under Preact: the labs defer with
 * app/lab-kit/useLater.ts instead.
 */
export const PREACT_ALIASES = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  // preact/compat's createRoot after app/preact/props.ts (a prop React writes otherwise: tabIndex).
  { find: /^react-dom\/client$/, replacement: `${import.meta.dirname}/app/preact/client.ts` },
  { find: /^react-dom\/test-utils$/, replacement: 'preact/test-utils' },
];

/** Libraries that import React: the unit tests load them through Vite, so they get the aliases too. */
const IMPORTS_REACT = [
  /\/node_modules\/react-intl\//,
  /\/node_modules\/zustand\//,
  /\/node_modules\/@testing-library\/react\//,
];

// Relative base: the built app works from any sub-path (GitHub Pages, a docs site's static folder).
export default defineConfig({
  base: './',
  // React Fast Refresh drives React's renderer only: under Preact an edited module reloads the page.
  resolve: { alias: PREACT_ALIASES },
  plugins: [
    stripDefaults(),
    lazyCatalogs(),
    noIcuParser(),
    react({ refreshExclude: /./ }),
    contentSecurityPolicy(),
    routePreload(),
    firstScreen(PREACT_ALIASES),
    minifyPublicScripts(['theme.js', 'intl-warm.js']),
  ],
  // The manifest lets `npm run bench:size` weigh the JavaScript each lab needs (e2e/bench/lab-size.ts).
  build: { outDir: 'dist', sourcemap: true, target: 'es2022', manifest: true },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          environment: 'node',
          testTimeout: 30_000,
          include: ['core/**/*.test.ts'],
          setupFiles: ['core/test-seed.ts', 'core/test-invariants.ts'],
          benchmark: { include: ['core/**/*.bench.ts'] },
        },
      },
      {
        extends: true,
        // Testing Library's CommonJS build would require() React itself: its ES build imports it
        // through the aliases above.
        resolve: {
          alias: [
            {
              find: /^@testing-library\/react$/,
              replacement: '@testing-library/react/dist/@testing-library/react.esm.js',
            },
          ],
        },
        test: {
          name: 'app',
          environment: 'jsdom',
          testTimeout: 30_000,
          include: ['app/**/*.test.{ts,tsx}'],
          setupFiles: ['core/test-seed.ts', 'core/test-invariants.ts', 'app/test-setup.ts'],
          server: { deps: { inline: IMPORTS_REACT } },
        },
      },
    ],
  },
});
