/**
 * The browser benches' common start: the build to measure (BENCH_OUTDIR, or a fresh one in a
 * temporary folder), served on 127.0.0.1 (serve.ts), and a Chromium; `close` ends all three.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { build } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../browser.ts';
import { serve } from './serve.ts';

export interface BuiltApp {
  server: { base: string };
  browser: Browser;
  close: () => Promise<void>;
}

export async function openBuiltApp(tempPrefix: string): Promise<BuiltApp> {
  let outDir = process.env.BENCH_OUTDIR ? resolve(process.env.BENCH_OUTDIR) : '';
  let temp = '';
  if (!outDir) {
    temp = mkdtempSync(join(tmpdir(), tempPrefix));
    outDir = temp;
    await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
  } else if (!existsSync(join(outDir, 'index.html')))
    throw new Error(`BENCH_OUTDIR=${outDir} holds no build`);
  const server = await serve(outDir);
  const executablePath = findChromium();
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: CHROMIUM_ARGS,
  });
  return {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
      if (temp) rmSync(temp, { recursive: true, force: true });
    },
  };
}
