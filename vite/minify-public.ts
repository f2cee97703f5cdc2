/**
 * The classic scripts in public/ (theme.js: the theme and the first screen picked before the first
 * paint; intl-warm.js: the worker that reads the browser's Intl data) are copied into the build as
 * they are written, comments and all; this minifies them in the build's output (issue 17: theme.js
 * blocks the first paint and counts in every lab's JavaScript: 2.1 KB gzip as written, 0.9
 * minified). The checkout keeps the readable source, and `npm start` serves it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { minify, type Plugin } from 'vite';

/**
 * A classic script minified by the bundler's own minifier (oxc), its top level left as it is; a
 * script it cannot read fails the build (`who` names the plugin and file in the message). Also
 * used for the build's route-preload script (vite/route-preload.ts).
 */
export async function minifyClassicScript(who: string, name: string, source: string): Promise<string> {
  const { code, errors } = await minify(name, source);
  if (errors.length > 0) throw new Error(`${who}: ${name}: ${errors[0]?.message ?? 'error'}`);
  return code;
}

export function minifyPublicScripts(names: readonly string[]): Plugin {
  let outDir = '';
  return {
    name: 'sockscope:minify-public',
    apply: 'build',
    configResolved(config) {
      outDir =
        config.build.copyPublicDir && config.publicDir ? resolve(config.root, config.build.outDir) : '';
    },
    async closeBundle() {
      if (!outDir) return;
      for (const name of names) {
        const file = resolve(outDir, name);
        await writeFile(file, await minifyClassicScript('minify-public', name, await readFile(file, 'utf8')));
      }
    },
  };
}
