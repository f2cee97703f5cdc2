/**
 * Frame rate of the Journey animation, measured in a real browser (not a timed test: it prints
 * figures and never fails on them). `npm run bench:browser`; `npm run bench` runs it after the
 * core benchmarks.
 *
 * It builds the app (or serves BENCH_OUTDIR as built), serves it on 127.0.0.1, opens #/journey
 * in Chromium at 1440×900, lands on the stop just before the fragments leave ip_do_fragment(),
 * presses Play at 1× and records the time of every requestAnimationFrame callback for the seconds
 * in which the fragments move (down the sender's L2, across the wire, up to ip_defrag()), with the
 * number of packet marks on screen each frame. One warm-up run, then BENCH_RUNS runs (default 3).
 *
 * Environment: BENCH_OUTDIR (serve this build, skip building), BENCH_RUNS, BENCH_JSON (also write
 * the figures there), CHROMIUM_PATH (as for the e2e specs), BENCH_HEADED=1.
 */
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { build } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../browser.ts';
import { serve } from './serve.ts';

interface Scenario {
  name: string;
  query: string;
  /** The 1-based stop to land on before pressing Play. */
  from: number;
  /** How long to record, in seconds of the animation at 1×. */
  seconds: number;
}

// Stops 18–22 of a one-datagram send are ip_finish_output2, loopback_xmit (the wire, 2 s),
// eth_type_trans, ip_rcv and ip_defrag: every fragment is on screen and moving.
const SCENARIOS: Scenario[] = [
  { name: '3 fragments (4,000 B, MTU 1500)', query: 'len=4000&mtu=1500&family=inet', from: 14, seconds: 5.5 },
  {
    name: '50 fragments (65,507 B, MTU 1340)',
    query: 'len=65507&mtu=1340&family=inet',
    from: 17,
    seconds: 5.5,
  },
  {
    name: '482 fragments, grouped (65,507 B, MTU 160)',
    query: 'len=65507&mtu=160&family=inet',
    from: 17,
    seconds: 5.5,
  },
  {
    // The send fails (ENOBUFS after 512 skbs): the sender's skbs are drawn as groups, then it stops.
    name: '512 skbs, grouped, then ENOBUFS (65,507 B, MTU 68)',
    query: 'len=65507&mtu=68&family=inet',
    from: 5,
    seconds: 5.5,
  },
];

const FRAME_MS = 1000 / 60;

interface Samples {
  times: number[];
  marks: number[];
  /** The step counter's text each frame: a change marks the frame where React re-renders the stop. */
  steps: string[];
  longTasks: number[];
  /** Main-thread time over the recording, from the DevTools Performance domain (seconds). */
  busy: Record<string, number>;
}

interface Figures {
  frames: number;
  seconds: number;
  fps: number;
  medianMs: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Frames a 60 Hz display would have shown that the page did not draw. */
  dropped: number;
  droppedPct: number;
  marksMin: number;
  marksMax: number;
  /** Frames between two stops' changes only (the animation alone, without React's re-render). */
  steadyFps: number;
  steadyP95Ms: number;
  steadyDropped: number;
  /** The longest frame that drew a new stop (React re-renders the lab, the URL is written). */
  stopChangeMaxMs: number;
  stopChanges: number;
  longTasks: number;
  longestTaskMs: number;
  /** Main-thread work per frame (all tasks; of which script, style, layout), in ms: what the page costs, whatever the machine's load. */
  taskMsPerFrame: number;
  scriptMsPerFrame: number;
  styleLayoutMsPerFrame: number;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

export function figuresOf(s: Samples): Figures {
  const dts = s.times.slice(1).map((t, i) => t - s.times[i]!);
  const sorted = [...dts].sort((a, b) => a - b);
  const span = (s.times.at(-1)! - s.times[0]!) / 1000;
  const lost = (dt: number) => Math.max(0, Math.round(dt / FRAME_MS) - 1);
  const dropped = dts.reduce((n, dt) => n + lost(dt), 0);
  // dts[i] ends at frame i+1; it drew a new stop when the counter differs from frame i's (or the
  // next frame's: the counter's text is committed by React one frame after the stop changes).
  const atChange = dts.map(
    (_, i) => s.steps[i + 1] !== s.steps[i] || (i + 2 < s.steps.length && s.steps[i + 2] !== s.steps[i + 1]),
  );
  const steady = dts.filter((_, i) => !atChange[i]);
  const steadySorted = [...steady].sort((a, b) => a - b);
  const changeDts = dts.filter((_, i) => atChange[i]);
  return {
    frames: dts.length,
    seconds: span,
    fps: dts.length / span,
    medianMs: quantile(sorted, 0.5),
    p95Ms: quantile(sorted, 0.95),
    p99Ms: quantile(sorted, 0.99),
    maxMs: sorted.at(-1) ?? NaN,
    dropped,
    droppedPct: (100 * dropped) / (dts.length + dropped),
    marksMin: Math.min(...s.marks),
    marksMax: Math.max(...s.marks),
    steadyFps: (1000 * steady.length) / steady.reduce((a, b) => a + b, 0),
    steadyP95Ms: quantile(steadySorted, 0.95),
    steadyDropped: steady.reduce((n, dt) => n + lost(dt), 0),
    stopChangeMaxMs: Math.max(0, ...changeDts),
    stopChanges: s.steps.slice(1).filter((x, i) => x !== s.steps[i]).length,
    taskMsPerFrame: (1000 * (s.busy.TaskDuration ?? NaN)) / dts.length,
    scriptMsPerFrame: (1000 * (s.busy.ScriptDuration ?? NaN)) / dts.length,
    styleLayoutMsPerFrame:
      (1000 * ((s.busy.RecalcStyleDuration ?? NaN) + (s.busy.LayoutDuration ?? NaN))) / dts.length,
    longTasks: s.longTasks.length,
    longestTaskMs: Math.max(0, ...s.longTasks),
  };
}

/** Land on the stop, press Play at 1×, and record every animation frame for `seconds`. */
const BUSY = ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration'];

async function busyNow(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return Object.fromEntries(metrics.filter((m) => BUSY.includes(m.name)).map((m) => [m.name, m.value]));
}

/** Waits for the Journey lab to be mounted on the scenario's stop with its marks drawn. */
export async function waitForLab(page: Page, sc: Scenario, timeout = 60_000): Promise<number> {
  await page.locator('.journey-svg-wrap svg[data-main-diagram]').waitFor({ timeout });
  await page
    .locator('.jc-count', { hasText: new RegExp(`^Step ${sc.from} of `) })
    .waitFor({ timeout })
    .catch(() => {
      throw new Error(`#/journey?${sc.query} did not land on stop ${sc.from}`);
    });
  await page
    .locator('.jd-marks > g')
    .first()
    .waitFor({ state: 'attached', timeout })
    .catch(() => {
      throw new Error(`no packet marks at stop ${sc.from} of #/journey?${sc.query}`);
    });
  // fonts laid out, and two frames drawn with the marks in place
  await page.evaluate(() =>
    document.fonts.ready.then(
      () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
    ),
  );
  return page.locator('.jd-marks > g').count();
}

async function record(page: Page, cdp: CDPSession, base: string, sc: Scenario): Promise<Samples> {
  // A fresh document each run: a goto that changes only the hash would keep the page (and its state).
  await page.goto('about:blank');
  await page.goto(`${base}#/journey?${sc.query}&step=${sc.from}`);
  // The lab is a lazily loaded chunk: wait until it has mounted, landed on the stop and drawn its
  // marks (the core's trace of 512 skbs takes a while on a busy machine) before measuring anything.
  await waitForLab(page, sc);
  await page.getByRole('button', { name: 'Play' }).waitFor();
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('1');
  await page.waitForTimeout(500);
  const before = await busyNow(cdp);
  const samples = await page.evaluate(async (ms) => {
    const times: number[] = [];
    const marks: number[] = [];
    const steps: string[] = [];
    const counter = document.querySelector('.jc-count');
    const longTasks: number[] = [];
    const po = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push(e.duration);
    });
    try {
      po.observe({ type: 'longtask' });
    } catch {
      // no Long Tasks API: the count stays 0
    }
    const layer = () => document.querySelector('.jd-marks')?.childElementCount ?? 0;
    await new Promise<void>((done) => {
      requestAnimationFrame((t0) => {
        (document.querySelector('button[aria-label="Play"]') as HTMLButtonElement).click();
        const tick = (t: number) => {
          times.push(t);
          marks.push(layer());
          steps.push(counter?.textContent ?? '');
          if (t - t0 < ms) requestAnimationFrame(tick);
          else done();
        };
        requestAnimationFrame(tick);
      });
    });
    po.disconnect();
    return { times, marks, steps, longTasks };
  }, sc.seconds * 1000);
  const after = await busyNow(cdp);
  const busy = Object.fromEntries(BUSY.map((k) => [k, (after[k] ?? NaN) - (before[k] ?? NaN)]));
  return { ...samples, busy };
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function main() {
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  let outDir = process.env.BENCH_OUTDIR ? resolve(process.env.BENCH_OUTDIR) : '';
  let temp = '';
  if (!outDir) {
    temp = mkdtempSync(join(tmpdir(), 'sockscope-bench-'));
    outDir = temp;
    console.log(`building into ${outDir} …`);
    await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
  } else if (!existsSync(join(outDir, 'index.html'))) {
    throw new Error(`BENCH_OUTDIR=${outDir} holds no build (no index.html)`);
  }
  const server = await serve(outDir);
  const executablePath = findChromium();
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: CHROMIUM_ARGS,
    headless: process.env.BENCH_HEADED !== '1',
  });
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cpus: cpus().length,
    memGiB: Math.round(totalmem() / 2 ** 30),
    load1: loadavg()[0]!,
    chromium: browser.version(),
    flags: CHROMIUM_ARGS.join(' '),
    viewport: '1440×900',
  };
  console.log(
    `Chromium ${machine.chromium} (${executablePath ?? 'Playwright’s'}), headless=${process.env.BENCH_HEADED !== '1'}, ${machine.flags}`,
  );
  console.log(
    `${machine.cpus} CPUs × ${machine.cpu}, ${machine.memGiB} GiB, load average ${machine.load1.toFixed(2)} at start; viewport ${machine.viewport}`,
  );
  const results: { scenario: string; runs: Figures[]; summary: Record<string, number> }[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // tsx (esbuild, keepNames) wraps the named functions of page.evaluate's callback in __name().
    await page.addInitScript('globalThis.__name = (f) => f');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    for (const sc of SCENARIOS) {
      await record(page, cdp, server.base, sc); // warm-up: JIT, fonts, first layout
      const figs: Figures[] = [];
      for (let r = 0; r < runs; r++) figs.push(figuresOf(await record(page, cdp, server.base, sc)));
      const summary = {
        fps: median(figs.map((f) => f.fps)),
        medianMs: median(figs.map((f) => f.medianMs)),
        p95Ms: median(figs.map((f) => f.p95Ms)),
        maxMs: Math.max(...figs.map((f) => f.maxMs)),
        droppedPct: median(figs.map((f) => f.droppedPct)),
        marksMax: Math.max(...figs.map((f) => f.marksMax)),
        steadyFps: median(figs.map((f) => f.steadyFps)),
        stopChangeMaxMs: median(figs.map((f) => f.stopChangeMaxMs)),
        taskMsPerFrame: median(figs.map((f) => f.taskMsPerFrame)),
      };
      results.push({ scenario: sc.name, runs: figs, summary });
      console.log(
        `\n${sc.name}  (#/journey?${sc.query}, Play from stop ${sc.from}, ${sc.seconds} s × ${runs})`,
      );
      for (const f of figs)
        console.log(
          `  ${f1(f.fps)} fps · frame median ${f1(f.medianMs)} ms, p95 ${f1(f.p95Ms)}, p99 ${f1(f.p99Ms)}, max ${f1(f.maxMs)} · dropped ${f.dropped} (${f1(f.droppedPct)} %) · marks ${f.marksMin}–${f.marksMax} · long tasks ${f.longTasks} (longest ${f1(f.longestTaskMs)} ms)\n` +
            `    main thread per frame ${f1(f.taskMsPerFrame)} ms (script ${f1(f.scriptMsPerFrame)}, style+layout ${f1(f.styleLayoutMsPerFrame)}) · between stop changes: ${f1(f.steadyFps)} fps, p95 ${f1(f.steadyP95Ms)} ms, dropped ${f.steadyDropped} · ${f.stopChanges} stop changes, slowest ${f1(f.stopChangeMaxMs)} ms`,
        );
    }
    if (errors.length) console.log(`\npage errors: ${errors.join('; ')}`);
  } finally {
    await browser.close();
    await server.close();
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
  console.log(
    '\nscenario | fps | median frame | p95 frame | worst frame | dropped | fps between stop changes | slowest stop change | main thread per frame | marks on screen',
  );
  for (const r of results)
    console.log(
      `${r.scenario} | ${f1(r.summary.fps!)} | ${f1(r.summary.medianMs!)} ms | ${f1(r.summary.p95Ms!)} ms | ${f1(r.summary.maxMs!)} ms | ${f1(r.summary.droppedPct!)} % | ${f1(r.summary.steadyFps!)} | ${f1(r.summary.stopChangeMaxMs!)} ms | ${f1(r.summary.taskMsPerFrame!)} ms | ${r.summary.marksMax}`,
    );
  if (process.env.BENCH_JSON)
    writeFileSync(process.env.BENCH_JSON, JSON.stringify({ machine, results }, null, 2) + '\n');
}

await main();
