/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

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

// Relative base: the built app works from any sub-path (GitHub Pages, a docs site's static folder).
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy()],
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
          setupFiles: ['core/test-seed.ts'],
          benchmark: { include: ['core/**/*.bench.ts'] },
        },
      },
      {
        extends: true,
        test: {
          name: 'app',
          environment: 'jsdom',
          testTimeout: 30_000,
          include: ['app/**/*.test.{ts,tsx}'],
          setupFiles: ['core/test-seed.ts', 'app/test-setup.ts'],
        },
      },
    ],
  },
});
