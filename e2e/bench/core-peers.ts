/**
 * `npm run bench:peers`: sockscope's send pipeline (down to the wire, and ipSend, which loops the
 * fragments back; full trace) and reassembly next to scapy's fragment() and defragment() on the
 * same inputs (issue 17), with sockscope's core as
 * users run it: built by Vite as a library with the app's target and minifier (buildTiming) and
 * timed in Chromium, the runtime of the page, and in Node. Each input is timed in a fresh page
 * (its own browser context) and a fresh process, as JMH forks a JVM per benchmark: one input's
 * heap and type feedback would otherwise weigh on the next (in one Node 20 process, the 3-fragment
 * reassembly measured after the 1,365-fragment one took 4 to 20 µs from run to run). Rounds
 * alternate (Chromium, Node, scapy, and again); the tables give medians over rounds and ratios,
 * then the trace's growth from 10 to 1,365 fragments in each runtime. A benchmark, not a test: it prints and never fails on a
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
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { build } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../browser.ts';
import { casesTable, growthTable, scapy, type ScapyCase } from '../../core/bench/fragment-peers.ts';
import {
  CASES,
  GROWTH,
  type CaseTiming,
  type GrowthTiming,
  type Stats,
  type TimingOptions,
} from '../../core/bench/fragment-timing.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const ENTRY = join(ROOT, 'core/bench/fragment-timing.ts');
const GLOBAL = 'sockscopeTiming';
/**
 * Samples of ≥ 10 ms: a page's clock is coarse (see timeStats). Two seconds of calls first, not
 * 250 ms: Debian's full Chromium 156, run headless, opens a window per context whose tab-strip
 * WebUI renderer (--top-chrome-webui) burns 1.1–1.5 cores for its first 0.75–1 s — on a 2-vCPU
 * VM, half the machine while the first input is timed. After 250 ms the 3-fragment send took
 * 9.7–13 µs a call, then 5.4–5.5 µs timed again in the same page; after 2 s, 5.4–5.8 µs the first
 * time. The benchmarks now run in the headless shell, which has no such window (e2e/browser.ts);
 * the 2 s stay, so that a full browser (CHROMIUM_PATH) is timed as fairly.
 */
const OPTIONS: TimingOptions = { warmMs: 2000, sampleMs: 10 };

/**
 * fragment-timing.ts built with the app's target and minifier, as a library: an ES module for
 * Node, a script for a page. Not with the app's plugins: they change how messages are stored and
 * loaded (catalogs, blanked defaults), not the code a send or a reassembly runs.
 */
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

/** How long one call may take in a runtime before it counts as failed. */
const CALL_TIMEOUT_MS = 600_000;

const firstLine = (e: unknown): string =>
  (e instanceof Error ? e.message : String(e)).trim().split('\n')[0] ?? '';

/** Node: a fresh process a call, importing the built module (none of this process's loaders). */
function inNode(esm: string, call: Call): unknown {
  const url = pathToFileURL(esm).href;
  const code = `const m = await import(${JSON.stringify(url)}); process.stdout.write(JSON.stringify(m.${call.fn}(${call.i}, ${JSON.stringify(call.o)})));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    encoding: 'utf8',
    timeout: CALL_TIMEOUT_MS,
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0)
    throw new Error(
      `node exited ${r.status ?? r.signal}: ${(r.stderr || String(r.error)).trim().split('\n').at(-1) ?? ''}`,
    );
  return JSON.parse(r.stdout);
}

/** Chromium: a fresh page (its own browser context) a call, the built script added to it. */
async function inPage(browser: Browser, iife: string, call: Call): Promise<unknown> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(CALL_TIMEOUT_MS);
    await page.goto('about:blank');
    await page.addScriptTag({ content: iife });
    const run = page.evaluate(
      ({ g, c }) => {
        const api = (globalThis as unknown as Record<string, Record<string, unknown> | undefined>)[g];
        const f = api?.[c.fn];
        if (typeof f !== 'function') throw new Error(`the built script has no ${g}.${c.fn}`);
        return (f as (i: number, o: unknown) => unknown)(c.i, c.o);
      },
      { g: GLOBAL, c: call },
    );
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer in ${CALL_TIMEOUT_MS / 1000} s`)),
        CALL_TIMEOUT_MS,
      );
    });
    try {
      return await Promise.race([run, late]);
    } finally {
      clearTimeout(timer);
    }
  } finally {
    await context.close();
  }
}

const isStats = (v: unknown): v is Stats =>
  typeof v === 'object' &&
  v !== null &&
  ['med', 'min', 'cpu'].every((k) => typeof (v as Record<string, unknown>)[k] === 'number');
const isCaseTiming = (v: unknown): v is CaseTiming =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as CaseTiming).fragments === 'number' &&
  isStats((v as CaseTiming).wire) &&
  isStats((v as CaseTiming).send) &&
  isStats((v as CaseTiming).read) &&
  isStats((v as CaseTiming).reassemble);
const isGrowthTiming = (v: unknown): v is GrowthTiming =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as GrowthTiming).fragments === 'number' &&
  isStats((v as GrowthTiming).send) &&
  isStats((v as GrowthTiming).reassemble);

/**
 * One runtime's figures as they come: a call that fails or answers with something else stops
 * that runtime (its tables say why); the others go on.
 */
class Runtime {
  cases: CaseTiming[][] = [];
  growth: GrowthTiming[] = [];
  failed = '';
  constructor(
    readonly name: string,
    private readonly call: ((c: Call) => Promise<unknown>) | undefined,
    why = '',
  ) {
    if (!call) this.failed = why;
  }
  private async ask<T>(c: Call, ok: (v: unknown) => v is T): Promise<T | undefined> {
    if (this.failed || !this.call) return undefined;
    try {
      const v = await this.call(c);
      if (ok(v)) return v;
      this.failed = `${c.fn}(${c.i}) answered ${JSON.stringify(v)?.slice(0, 80) ?? String(v)}`;
    } catch (e) {
      this.failed = `${c.fn}(${c.i}) failed: ${firstLine(e)}`;
    }
    return undefined;
  }
  async round(): Promise<void> {
    const row: CaseTiming[] = [];
    for (let i = 0; i < CASES.length; i++) {
      const t = await this.ask({ fn: 'timeCase', i, o: OPTIONS }, isCaseTiming);
      if (!t) return;
      row.push(t);
    }
    this.cases.push(row);
  }
  async growthStep(i: number): Promise<void> {
    const t = await this.ask({ fn: 'timeGrowth', i, o: OPTIONS }, isGrowthTiming);
    if (t) this.growth.push(t);
  }
  /** The heading of this runtime's tables, with why they are missing or short. */
  heading(): string {
    return this.failed ? `${this.name} (not measured in full: ${this.failed}):` : `${this.name}:`;
  }
}

async function main(): Promise<void> {
  const rounds = Math.max(1, Math.floor(Number(process.env.BENCH_ROUNDS ?? 3)) || 3);
  const load = loadavg()[0] ?? NaN;
  const temp = mkdtempSync(join(tmpdir(), 'sockscope-peers-'));
  let browser: Browser | undefined;
  try {
    const files = await buildTiming(temp);
    const iife = readFileSync(files.iife, 'utf8');
    let noBrowser = '';
    try {
      const executablePath = findChromium();
      browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS });
    } catch (e) {
      noBrowser = `no Chromium: ${firstLine(e)}`;
    }
    const b = browser;
    const page = new Runtime(
      `In the page (${b ? `Chromium ${b.version()}` : 'Chromium'})`,
      b ? (c) => inPage(b, iife, c) : undefined,
      noBrowser,
    );
    const node = new Runtime(`In Node ${process.version}`, async (c) => inNode(files.esm, c));
    const theirs: ScapyCase[][] = [];
    let scapyNote = '';
    let version = '';
    for (let r = 0; r < rounds; r++) {
      await page.round();
      await node.round();
      const s = scapy(5);
      if (typeof s === 'string') scapyNote = s;
      else {
        version = s.version;
        theirs.push(s.cases);
      }
      process.stderr.write(`round ${r + 1} of ${rounds} done\n`);
    }
    for (let i = 0; i < GROWTH.length; i++) {
      await page.growthStep(i);
      await node.growthStep(i);
    }
    const peer = theirs.length
      ? `scapy ${version} (${theirs.length} of ${rounds} rounds${scapyNote ? `; the others: ${scapyNote}` : ''})`
      : scapyNote || 'no scapy';
    const table = (r: Runtime) => (r.cases.length ? casesTable(r.cases, theirs) : ['(not measured)']);
    const growth = (r: Runtime) => (r.growth.length ? growthTable(r.growth) : ['(not measured)']);

    const out = [
      `IPv4 fragmentation and reassembly: sockscope's core built by Vite as a library (the app's target and minifier), full trace, vs ${peer}; median (fastest) over the rounds, which alternate`,
      `${cpus().length} CPUs × ${cpus()[0]?.model ?? 'unknown'}, load average ${load.toFixed(2)} at start: on a busy machine read the fastest runs and the ratios`,
      `sockscope: time per call once optimised (called for ${OPTIONS.warmMs} ms first; samples of ≥ ${OPTIONS.sampleMs} ms, short calls in batches), each input in a fresh page or process; scapy: per call, after two calls (CPython has no JIT to warm)`,
      'to the wire: the send path with its trace down to dev_queue_xmit, the fragments cut (what scapy fragment() does); ipSend: the same, then looped back through the receiver, ip_defrag and the UDP socket (what fragment() and defragment() do), the result and its whole trace',
      "+ read: ipSend, then every step's sk_buffs read (what the app or `sockscope trace --json` does)",
      '',
      page.heading(),
      ...table(page),
      '',
      node.heading(),
      ...table(node),
      '',
      'Trace growth (MTU 68, 48 B a fragment): time per fragment stays flat when the trace is linear (fastest of the runs, then median; CPU: median process CPU time per call, Node only)',
      page.heading(),
      ...growth(page),
      node.heading(),
      ...growth(node),
    ];
    console.log(out.join('\n'));
  } finally {
    await browser?.close();
    rmSync(temp, { recursive: true, force: true });
  }
}

await main();
