/**
 * How much JavaScript a browser fetches to show each lab, in English and in Chinese, gzip -9:
 * Chromium opens `#/<lab>` on the build served over HTTP and every .js file it requests until the
 * lab is on screen is counted (e2e/bench/weigh.ts) — the entry, its imports, the lab's chunks, the
 * page language's catalog, anything an effect loads. The target is 150 KB gzip per lab (issue 17;
 * e2e/size.spec.ts fails over it). It reports; `--check` also exits 1 when a lab is over.
 *
 *   npm run bench:size [-- --check]     (BENCH_OUTDIR=<a build> skips building)
 */
import { cpus, loadavg } from 'node:os';
import { openBuiltApp } from './built-app.ts';
import { LAB_BUDGET_KB, LAB_PATHS, LOCALES, kb, weighPage } from './weigh.ts';

async function main(): Promise<number> {
  const app = await openBuiltApp('sockscope-size-');
  const { server, browser } = app;
  let over = 0;
  try {
    console.log(
      `JavaScript fetched to show each lab (gzip -9, every .js request; target ≤ ${LAB_BUDGET_KB} KB); Chromium ${browser.version()}, ${cpus().length} CPUs, load ${loadavg()[0]!.toFixed(2)}`,
    );
    console.log(`| lab | ${LOCALES.join(' | ')} |`);
    console.log(`|---|${LOCALES.map(() => '---').join('|')}|`);
    for (const lab of LAB_PATHS) {
      const cells: string[] = [];
      for (const lang of LOCALES) {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        const page = await context.newPage();
        const w = await weighPage(page, `${server.base}#/${lab}?lang=${lang}`);
        await context.close();
        const ok = w.gzip <= LAB_BUDGET_KB * 1024;
        if (!ok) over++;
        cells.push(`${kb(w.gzip)} (${w.files.size} files)${ok ? '' : ' OVER'}`);
        if (process.argv.includes('--files'))
          for (const [f, n] of [...w.files].sort((a, b) => b[1] - a[1]))
            console.log(`    ${kb(n).padStart(9)} ${f}`);
      }
      console.log(`| ${lab} | ${cells.join(' | ')} |`);
    }
  } finally {
    await app.close();
  }
  return process.argv.includes('--check') && over > 0 ? 1 : 0;
}

process.exitCode = await main();
