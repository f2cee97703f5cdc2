/**
 * Lighthouse, mobile (its default: a simulated mid-range phone on a slow 4G link), performance and
 * accessibility of every lab (issue 17's goal: ≥ 98 and 100), on the build served over HTTP with
 * gzip as a static host would. Prints the scores and the audits that lost points; never fails on
 * a number. Lighthouse is not a dependency (it is large): install it anywhere and point
 * LIGHTHOUSE_DIR at that folder (`npm i --prefix /tmp/lh lighthouse`), or add it to the checkout;
 * without it this says so and stops. Chromium as for the e2e specs (CHROMIUM_PATH).
 *
 *   npm run bench:lighthouse     (BENCH_OUTDIR=<a build> skips building; BENCH_LABS=fragment,netlink)
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { findChromium } from '../browser.ts';
import { serve } from './serve.ts';
import { LAB_PATHS } from './weigh.ts';

interface Audit {
  id: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
}
interface Lhr {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, Audit>;
  runtimeError?: { message: string };
}
type RunLighthouse = (url: string, flags: Record<string, unknown>) => Promise<{ lhr: Lhr } | undefined>;
interface Launcher {
  launch: (o: {
    chromePath?: string;
    chromeFlags: string[];
  }) => Promise<{ port: number; kill: () => unknown }>;
}

async function importFrom(dir: string | undefined, name: string): Promise<unknown> {
  if (!dir) return import(name);
  const req = createRequire(join(resolve(dir), 'package.json'));
  return import(pathToFileURL(req.resolve(name)).href);
}

async function main(): Promise<void> {
  let lighthouse: RunLighthouse;
  let launcher: Launcher;
  try {
    lighthouse = ((await importFrom(process.env.LIGHTHOUSE_DIR, 'lighthouse')) as { default: RunLighthouse })
      .default;
    launcher = (await importFrom(process.env.LIGHTHOUSE_DIR, 'chrome-launcher')) as Launcher;
  } catch {
    console.log(
      'Lighthouse: not installed, skipped (npm i --prefix /tmp/lh lighthouse, then LIGHTHOUSE_DIR=/tmp/lh/node_modules/..).',
    );
    return;
  }
  let outDir = process.env.BENCH_OUTDIR ? resolve(process.env.BENCH_OUTDIR) : '';
  let temp = '';
  if (!outDir) {
    temp = mkdtempSync(join(tmpdir(), 'sockscope-lh-'));
    outDir = temp;
    await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
  } else if (!existsSync(join(outDir, 'index.html')))
    throw new Error(`BENCH_OUTDIR=${outDir} holds no build`);
  const server = await serve(outDir, { gzip: true });
  const labs = process.env.BENCH_LABS ? process.env.BENCH_LABS.split(',') : [...LAB_PATHS];
  const chromePath = findChromium();
  console.log(
    `Lighthouse mobile (simulated throttling), ${cpus().length} CPUs × ${cpus()[0]?.model ?? '?'}, load ${loadavg()[0]!.toFixed(2)}; goal performance ≥ 98, accessibility 100`,
  );
  console.log('| lab | performance | accessibility | audits that lost points |');
  console.log('|---|---|---|---|');
  try {
    for (const lab of labs) {
      const chrome = await launcher.launch({
        ...(chromePath ? { chromePath } : {}),
        chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
      });
      try {
        const r = await lighthouse(`${server.base}#/${lab}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility'],
        });
        const lhr = r?.lhr;
        if (!lhr) throw new Error('no result');
        const pct = (k: string) => {
          const s = lhr.categories[k]?.score;
          return s === null || s === undefined ? '–' : String(Math.round(s * 100));
        };
        const lost = Object.values(lhr.audits)
          .filter(
            (a) =>
              a.score !== null && a.score < 0.9 && /binary|numeric|metricSavings/.test(a.scoreDisplayMode),
          )
          .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`);
        console.log(
          `| ${lab} | ${pct('performance')} | ${pct('accessibility')} | ${lhr.runtimeError ? lhr.runtimeError.message : lost.join(', ')} |`,
        );
      } catch (e) {
        console.log(`| ${lab} | – | – | Lighthouse failed: ${e instanceof Error ? e.message : String(e)} |`);
      } finally {
        await chrome.kill();
      }
    }
  } finally {
    await server.close();
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}

await main();
