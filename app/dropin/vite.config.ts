/**
 * The drop-in script `embed.js` (this folder): one self-contained IIFE at the build's root, next
 * to index.html, so `<script src=".../embed.js">` finds the app beside it. Built after the app
 * (`npm run build`), into the same dist/ without emptying it.
 */
import { defineConfig } from 'vite';
import { PREACT_ALIASES } from '../../vite.config.ts';

export default defineConfig({
  publicDir: false,
  // The drop-in imports no React today; should it ever, it gets Preact as the app does.
  resolve: { alias: PREACT_ALIASES },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2019',
    sourcemap: true,
    copyPublicDir: false,
    lib: {
      entry: 'app/dropin/embed.ts',
      formats: ['iife'],
      name: 'sockscopeEmbed',
      fileName: () => 'embed.js',
    },
  },
});
