/**
 * `npm run bench:peers`: sockscope's send pipeline (ipSend, full trace) and reassembly next to
 * scapy's fragment() and defragment() on the same inputs (issue 17), with sockscope's core as
 * users run it: built as the app's build makes it (Vite, minified, one file; see buildTiming) and
 * timed in Chromium, the runtime of the page, and in Node. Each input is timed in a fresh page
 * (its own browser context) and a fresh process, as JMH forks a JVM per benchmark: one input's
 * heap and type feedback would otherwise weigh on the next (in one Node 20 process, the 3-fragment
 * reassembly measured after the 1,365-fragment one took 4 to 20 µs from run to run). Rounds
 * alternate (Chromium, Node, scapy, and again); the tables give medians over rounds and ratios, then the trace's growth from
 * 10 to 1,365 fragments in each runtime. A benchmark, not a test: it prints and never fails on a
 * number; a missing peer or browser is named and its columns stay empty.
 *
 * (`npm run bench:core` times the same functions inside Vitest, whose module runner reaches every
 * imported binding through a getter: 10–40 % slower on the small inputs than the built core.)
 *
 *   npm run bench:peers      (BENCH_ROUNDS, default 3)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { build } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../browser.ts';
import { casesTable, growthTable, scapy, type ScapyCase } from '../../core/bench/fragment-peers.ts';
import {
  CASES,
  GROWTH,
  type CaseTiming,
  type GrowthTiming,
  type TimingOptions,
} from '../../core/bench/fragment-timing.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const ENTRY = join(ROOT, 'core/bench/fragment-timing.ts');
const GLOBAL = 'sockscopeTiming';
/** Samples of ≥ 10 ms: a page's clock is coarse (see timeStats). */
const OPTIONS: TimingOptions = { warmMs: 250, sampleMs: 10 };

/** fragment-timing.ts built as the app builds the core (target, minifier): an ES module for Node, a script for a page. */
async function buildTiming(outDir: string): Promise<{ esm: string; iife: string }> {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      lib: { entry: ENTRY, name: GLOBAL, formats: ['es', 'iife'], fileName: (f) => `timing.${f}.js` },
    },
  });
  return { esm: join(outDir, 'timing.es.js'), iife: join(outDir, 'timing.iife.js') };
}

type Call = { fn: 'timeCase' | 'timeGrowth'; i: number; o: TimingOptions };

/** Node: a fresh process a call, importing the built module (none of this process's loaders). */
function inNode(esm: string, call: Call): unknown {
  const code = `const m = await import(${JSON.stringify(esm)}); process.stdout.write(JSON.stringify(m.${call.fn}(${call.i}, ${JSON.stringify(call.o)})));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    encoding: 'utf8',
    timeout: 600_000,
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0)
    throw new Error(`node: ${(r.stderr || String(r.error)).trim().split('\n').at(-1) ?? ''}`);
  return JSON.parse(r.stdout);
}

/** Chromium: a fresh page (its own browser context) a call, the built script added to it. */
async function inPage(browser: Browser, iife: string, call: Call): Promise<unknown> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto('about:blank');
    await page.addScriptTag({ content: iife });
    return await page.evaluate(
      ({ g, c }) =>
        (globalThis as unknown as Record<string, Record<string, (i: number, o: unknown) => unknown>>)[g]?.[
          c.fn
        ]?.(c.i, c.o),
      { g: GLOBAL, c: call },
    );
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3) || 3);
  const load = loadavg()[0] ?? NaN;
  const temp = mkdtempSync(join(tmpdir(), 'sockscope-peers-'));
  let browser: Browser | undefined;
  try {
    const files = await buildTiming(temp);
    const iife = readFileSync(files.iife, 'utf8');
    let browserNote = '';
    try {
      const executablePath = findChromium();
      browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS });
      browserNote = `Chromium ${browser.version()}`;
    } catch (e) {
      browserNote = `no Chromium (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`;
    }
    const page: CaseTiming[][] = [];
    const node: CaseTiming[][] = [];
    const theirs: ScapyCase[][] = [];
    let scapyNote = '';
    for (let r = 0; r < rounds; r++) {
      const inBrowser: CaseTiming[] = [];
      const inProcess: CaseTiming[] = [];
      for (let i = 0; i < CASES.length; i++) {
        const call: Call = { fn: 'timeCase', i, o: OPTIONS };
        if (browser) inBrowser.push((await inPage(browser, iife, call)) as CaseTiming);
        inProcess.push(inNode(files.esm, call) as CaseTiming);
      }
      if (browser) page.push(inBrowser);
      node.push(inProcess);
      const s = scapy(5);
      if (typeof s === 'string') scapyNote = s;
      else {
        scapyNote = `scapy ${s.version}`;
        theirs.push(s.cases);
      }
      process.stderr.write(`round ${r + 1} of ${rounds} done\n`);
    }
    const pageGrowth: GrowthTiming[] = [];
    const nodeGrowth: GrowthTiming[] = [];
    for (let i = 0; i < GROWTH.length; i++) {
      const call: Call = { fn: 'timeGrowth', i, o: OPTIONS };
      if (browser) pageGrowth.push((await inPage(browser, iife, call)) as GrowthTiming);
      nodeGrowth.push(inNode(files.esm, call) as GrowthTiming);
    }

    const out = [
      `IPv4 fragmentation and reassembly: sockscope's core as the app's build makes it (Vite, minified), full trace, vs ${scapyNote}; median (fastest) over ${rounds} alternating rounds`,
      `${cpus().length} CPUs × ${cpus()[0]?.model ?? 'unknown'}, load average ${load.toFixed(2)} at start: on a busy machine read the fastest runs and the ratios`,
      `sockscope: time per call once optimised (called for ${OPTIONS.warmMs} ms first; samples of ≥ ${OPTIONS.sampleMs} ms, short calls in batches); scapy: per call, after two calls (CPython has no JIT to warm)`,
      "ipSend: producing the result and its trace; + read: the same, then every step's sk_buffs read (what the app or `sockscope trace --json` does)",
      '',
      `In the page (${browserNote}):`,
      ...(browser ? casesTable(page, theirs) : ['(not measured)']),
      '',
      `In Node ${process.version}:`,
      ...casesTable(node, theirs),
      '',
      'Trace growth (MTU 68, 48 B a fragment): time per fragment stays flat when the trace is linear (fastest of the runs, then median; CPU: median process CPU time per call, Node only)',
      `In the page (${browserNote}):`,
      ...(browser ? growthTable(pageGrowth) : ['(not measured)']),
      `In Node ${process.version}:`,
      ...growthTable(nodeGrowth),
    ];
    console.log(out.join('\n'));
  } finally {
    await browser?.close();
    rmSync(temp, { recursive: true, force: true });
  }
}

await main();
