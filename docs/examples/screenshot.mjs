/* global document, window -- in the functions run inside the page */
// Screenshots of the built example sites (build-sites.sh) for docs/embedding.md:
//   node docs/examples/screenshot.mjs http://127.0.0.1:4318 docs
// with sockscope served where build-sites.sh pointed the examples, and OUTDIR served at the address.
// Waits until every embed reported its height (data-sockscope-state="sized"), then shoots the page.
import { chromium } from '@playwright/test';

const [site = 'http://127.0.0.1:4318', outDir = 'docs'] = process.argv.slice(2);
const PAGES = [
  ['plain.html', 'embedding-plain.png'],
  ['mkdocs/', 'embedding-mkdocs.png'],
  ['hugo/week3/', 'embedding-hugo.png'],
  ['docusaurus/week3/', 'embedding-docusaurus.png'],
];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
// A viewport as tall as the picture: a full-page capture beyond the viewport can leave a
// cross-origin iframe unpainted (seen with the Hugo page's second embed).
const page = await browser.newPage({ viewport: { width: 1100, height: 1400 }, colorScheme: 'light' });
page.on('console', (m) => m.type() === 'error' && console.log(`  console error: ${m.text()}`));
for (const [path, file] of PAGES) {
  const res = await page.goto(`${site}/${path}`);
  if (!res?.ok()) {
    console.log(`${path}: ${res?.status()}, skipped (not built)`);
    continue;
  }
  const embeds = page.locator('[data-sockscope]');
  const n = await embeds.count();
  for (let i = 0; i < n; i++) {
    await embeds.nth(i).scrollIntoViewIfNeeded();
    await page.waitForFunction(
      (k) =>
        document.querySelectorAll('[data-sockscope]')[k].getAttribute('data-sockscope-state') === 'sized',
      i,
      { timeout: 20_000 },
    );
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(500);
  // The top of the page with the first embed (a full page of three labs is several screens).
  await page.screenshot({ path: `${outDir}/${file}` });
  const frames = await page.locator('[data-sockscope] > iframe').count();
  console.log(`${file}: ${n} embeds sized, ${frames} iframes in place`);
}
await browser.close();
