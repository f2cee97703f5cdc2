/**
 * Lighthouse, mobile (its default: a simulated mid-range phone on a slow 4G link), performance and
 * accessibility of every lab (issue 17's goal: ≥ 98 and 100), on the build served over HTTP with
 * gzip as a static host would. Prints the scores and the audits that lost points; never fails on
 * a number. Lighthouse is not a dependency (it is large): install it anywhere and point
 * LIGHTHOUSE_DIR at that folder (`npm i --prefix /tmp/lh lighthouse`), or add it to the checkout;
 * without it this says so and stops. Chromium as for the e2e specs (CHROMIUM_PATH).
 *
 *   npm run bench:lighthouse     (BENCH_OUTDIR=<a build> skips building; BENCH_LABS=fragment,netlink;
 *                                 BENCH_RUNS=3 audits each lab 3 times and prints the medians;
 *                                 LIGHTHOUSE_SAVE=<dir> keeps each run's report as JSON there;
 *                                 BENCH_CPU=1 simulates the phone's CPU as fast as this one instead of
 *                                 4× slower: on a loaded machine the network's share of the metrics
 *                                 shows through; a diagnostic, not Lighthouse's score)
 *
 * Besides the scores it prints the metrics the performance score is made of (first contentful
 * paint, largest contentful paint, total blocking time, speed index, cumulative layout shift, all
 * simulated: Lighthouse's "Lantern" replays the page's requests and tasks on a slow 4G link and a
 * 4× slower CPU), the first contentful paint the browser itself reported during the unthrottled
 * load ("seen": Lantern counts every request and task before it, so a first frame the machine drew
 * late costs points however early the page had painted it — README "7 December, morning" (3)),
 * and the longest chain of requests the page waited on.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
  numericValue?: number;
  details?: unknown;
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

/** The metrics of the performance score, in the order Lighthouse weighs them. */
const METRICS = [
  ['first-contentful-paint', 'FCP', 'ms'],
  ['largest-contentful-paint', 'LCP', 'ms'],
  ['total-blocking-time', 'TBT', 'ms'],
  ['speed-index', 'SI', 'ms'],
  ['cumulative-layout-shift', 'CLS', ''],
] as const;

interface ChainNode {
  request?: { url: string };
  children?: Record<string, ChainNode>;
}

/** The longest request chain (critical-request-chains), as file names: what the page waited on in turn. */
function longestChain(lhr: Lhr): string[] {
  const details = lhr.audits['critical-request-chains']?.details as
    { chains?: Record<string, ChainNode> } | undefined;
  const walk = (nodes: Record<string, ChainNode> | undefined): string[] => {
    let best: string[] = [];
    for (const n of Object.values(nodes ?? {})) {
      const name = (n.request?.url ?? '?').replace(/^.*\//, '').replace(/[?#].*$/, '') || 'index.html';
      const path = [name, ...walk(n.children)];
      if (path.length > best.length) best = path;
    }
    return best;
  };
  return walk(details?.chains);
}

/** The first contentful paint of the unthrottled load, as the browser reported it (the `metrics` audit). */
function observedFcp(lhr: Lhr): number {
  const items = (
    lhr.audits.metrics?.details as { items?: { observedFirstContentfulPaint?: number }[] } | undefined
  )?.items;
  return items?.[0]?.observedFirstContentfulPaint ?? NaN;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : NaN;
};

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
  const chromePath = findChromium('full');
  console.log(
    `Lighthouse mobile (simulated throttling${process.env.BENCH_CPU ? `, CPU slowdown ${process.env.BENCH_CPU}× instead of 4×` : ''}), ${cpus().length} CPUs × ${cpus()[0]?.model ?? '?'}, load ${loadavg()[0]!.toFixed(2)}; goal performance ≥ 98, accessibility 100`,
  );
  const runs = Math.max(1, Number(process.env.BENCH_RUNS) || 1);
  const save = process.env.LIGHTHOUSE_SAVE ? resolve(process.env.LIGHTHOUSE_SAVE) : '';
  if (save) mkdirSync(save, { recursive: true });
  if (runs > 1) console.log(`${runs} runs per lab: medians (best performance score in brackets)`);
  console.log(
    `| lab | performance | accessibility | ${METRICS.map(([, n, u]) => `${n}${u ? ` (${u})` : ''}`).join(' | ')} | FCP seen (ms) | audits that lost points | longest request chain |`,
  );
  console.log(`|---|---|---|${METRICS.map(() => '---|').join('')}---|---|---|`);
  try {
    for (const lab of labs) {
      const perf: number[] = [];
      const a11y: number[] = [];
      const values: number[][] = METRICS.map(() => []);
      const seen: number[] = [];
      let lost: string[] = [];
      let chain: string[] = [];
      let failed = '';
      for (let run = 0; run < runs; run++) {
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
            ...(process.env.BENCH_CPU
              ? { throttling: { cpuSlowdownMultiplier: Number(process.env.BENCH_CPU) } }
              : {}),
          });
          const lhr = r?.lhr;
          if (!lhr) throw new Error('no result');
          if (lhr.runtimeError) throw new Error(lhr.runtimeError.message);
          if (save)
            writeFileSync(join(save, `${lab.replace(/\W+/g, '_')}-${run + 1}.json`), JSON.stringify(lhr));
          const score = (k: string) => (lhr.categories[k]?.score ?? NaN) * 100;
          perf.push(score('performance'));
          a11y.push(score('accessibility'));
          METRICS.forEach(([id], i) => values[i]!.push(lhr.audits[id]?.numericValue ?? NaN));
          seen.push(observedFcp(lhr));
          lost = Object.values(lhr.audits)
            .filter(
              (a) =>
                a.score !== null && a.score < 0.9 && /binary|numeric|metricSavings/.test(a.scoreDisplayMode),
            )
            .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`);
          chain = longestChain(lhr);
        } catch (e) {
          failed = `Lighthouse failed: ${e instanceof Error ? e.message : String(e)}`;
        } finally {
          await chrome.kill();
        }
      }
      if (!perf.length) {
        console.log(`| ${lab} | – | – | ${METRICS.map(() => '– |').join(' ')} – | ${failed} | |`);
        continue;
      }
      const best = runs > 1 ? ` (${Math.round(Math.max(...perf))})` : '';
      const metric = (i: number) => {
        const v = median(values[i]!);
        return METRICS[i]![2] ? String(Math.round(v)) : v.toFixed(3);
      };
      console.log(
        `| ${lab} | ${Math.round(median(perf))}${best} | ${Math.round(median(a11y))} | ${METRICS.map((_, i) => metric(i)).join(' | ')} | ${Math.round(median(seen))} | ${[failed, ...lost].filter(Boolean).join(', ')} | ${chain.join(' → ')} |`,
      );
    }
  } finally {
    await server.close();
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}

await main();
