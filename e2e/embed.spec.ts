/**
 * Embed mode: `embed=1` shows one lab without the site chrome; inside an iframe it posts its
 * height to the parent page, and the snippet the share bar hands out sizes the iframe with it.
 * Also: the built app works from a sub-path (relative base), as on GitHub Pages or in a docs site.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { Page } from '@playwright/test';
import { embedSnippet } from '../app/embed/embed-url.ts';
import { test, expect } from './fixtures.ts';

const FRAGMENT = 'len=4000&mtu=1500&family=inet&sock=udp&pmtu=want';

test('embed mode hides the header, nav and footer and keeps the lab and its share bar', async ({ page }) => {
  await page.goto(`./#/fragment?${FRAGMENT}&embed=1`);
  await expect(page.getByRole('heading', { level: 1, name: 'Fragmentation' })).toBeVisible();
  await expect(page.getByRole('banner')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Labs' })).toHaveCount(0);
  await expect(page.getByRole('contentinfo')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Share this lab' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export SVG' })).toBeVisible();
  const open = page.getByRole('link', { name: 'Open in sockscope ↗' });
  await expect(open).toHaveAttribute('href', page.url().replace('&embed=1', ''));
  // Changing an input keeps embed mode (url-sync keeps the page parameter).
  await page.getByRole('combobox', { name: 'MTU (bytes)' }).fill('576');
  await expect(page).toHaveURL(/mtu=576.*embed=1/);
  await expect(page.getByRole('banner')).toHaveCount(0);
  // And without embed=1 the chrome is back.
  await page.goto(`./#/fragment?${FRAGMENT}`);
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByRole('contentinfo')).toBeVisible();
});

test('embed=1 in the page query (before the hash) works too', async ({ page }) => {
  await page.goto(`./?embed=1#/socket?domain=AF_INET&type=SOCK_DGRAM&protocol=0&priv=root`);
  await expect(page.getByRole('heading', { level: 1, name: 'Socket creation' })).toBeVisible();
  await expect(page.getByRole('banner')).toHaveCount(0);
});

/**
 * A plain static server on another port (so another origin), as a documentation site's would
 * be: files only, no SPA fallback. It serves a copy of the build under /docs/sockscope/ and the
 * course-notes pages the tests write. A real server, not page.route: Chromium's local-network
 * checks block a page of unknown address from framing 127.0.0.1.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.map': 'application/json',
};

let server: Server;
let root: string;
let origin: string;
const pages = new Map<string, string>();

test.beforeAll(async () => {
  const dist = process.env.E2E_OUTDIR ?? 'dist';
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`no build in ${dist}; run vite build first`);
  root = mkdtempSync(join(tmpdir(), 'sockscope-subpath-'));
  cpSync(dist, join(root, 'docs', 'sockscope'), { recursive: true });
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const page = pages.get(url.pathname);
    if (page !== undefined) return void res.writeHead(200, { 'content-type': TYPES['.html'] }).end(page);
    let file = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(root, { recursive: true, force: true });
});

/** A documentation page on another origin with the snippet the share bar gives out. */
async function docsPage(page: Page, src: string, extra = '', frameHeight = 900) {
  const html = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Course notes</title>
<style>body{font-family:sans-serif;margin:24px;max-width:1100px}</style></head><body>
<h1>Week 3: fragmentation</h1><p>Try it yourself:</p>
${embedSnippet(src, 'sockscope: Fragmentation', frameHeight)}
<script>window.heights = []; addEventListener('message', (e) => window.heights.push(e.data));</script>
${extra}<p id="after">After the lab.</p></body></html>`;
  const path = `/course/notes-${pages.size}.html`;
  pages.set(path, html);
  await page.goto(`${origin}${path}`);
}

test('an embedded lab reports its height and the snippet sizes the iframe to fit', async ({
  page,
  baseURL,
}) => {
  await page.setViewportSize({ width: 1200, height: 900 });
  await docsPage(page, `${baseURL}#/fragment?${FRAGMENT}&embed=1`);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('heading', { level: 1, name: 'Fragmentation' })).toBeVisible();
  await expect(frame.getByRole('banner')).toHaveCount(0);
  const iframe = page.locator('iframe');

  const last = () =>
    page.evaluate(() =>
      (window as unknown as { heights: { type: string; height: number; path: string }[] }).heights.at(-1),
    );
  await expect.poll(async () => (await last())?.type).toBe('sockscope:height');
  expect((await last())?.path).toBe('fragment');

  // The iframe is as tall as the embedded document: no scrollbar inside, nothing cut off.
  const fits = async () => {
    const msg = await last();
    const box = await iframe.boundingBox();
    return { reported: msg?.height, iframe: Math.round(box?.height ?? 0) };
  };
  await expect
    .poll(async () => {
      const f = await fits();
      return f.reported === f.iframe && f.reported! > 900;
    })
    .toBe(true);
  const tall = (await last())!.height;

  // A state with more packets is taller; a failing send is shorter: the iframe follows both ways.
  await frame.getByRole('combobox', { name: 'MTU (bytes)' }).fill('576');
  await expect.poll(async () => (await last())!.height).toBeGreaterThan(tall);
  await expect.poll(async () => (await fits()).iframe).toBe((await last())!.height);
  await frame.getByRole('textbox', { name: 'Payload length (bytes)' }).fill('100');
  await expect.poll(async () => (await last())!.height).toBeLessThan(tall);
  await expect.poll(async () => (await fits()).iframe).toBe((await last())!.height);
  await expect(page.locator('#after')).toBeVisible();
});

/**
 * The snippet sizes the frame by the document; nothing in the document may be sized by the frame
 * (a panel's `78vh`, a loading lab's `100vh`), or each report grows the frame, which grows the
 * document: an embed grew by 241 px a report while its lab loaded, and its trace panel's height
 * depended on the frame's height on the way. Started in a 500 px and in a 1,600 px frame, the same
 * lab settles at the same height, and no two reports in a row grow it by the same step (the
 * feedback's signature).
 */
test('an embed settles at the same height whatever height its frame starts at', async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 1200, height: 900 });
  const settle = async (frameHeight: number) => {
    await docsPage(page, `${baseURL}#/fragment?${FRAGMENT}&mtu=576&embed=1`, '', frameHeight);
    const frame = page.frameLocator('iframe');
    await expect(frame.getByRole('heading', { level: 1, name: 'Fragmentation' })).toBeVisible();
    // Every part of the lab's results is in (InTurns' pending element is gone)…
    await expect(frame.locator('.lab-results-pending')).toHaveCount(0, { timeout: 30_000 });
    const state = () =>
      page.evaluate(() => ({
        heights: (window as unknown as { heights: { height: number }[] }).heights.map((m) => m.height),
        frame: Math.round(document.querySelector('iframe')!.getBoundingClientRect().height),
      }));
    // …then settled: a whole second with no new report, and the frame as tall as the last one.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const before = await state();
      await page.waitForTimeout(1000);
      const now = await state();
      if (now.heights.length === before.heights.length && now.frame === now.heights.at(-1))
        return now.heights;
      if (Date.now() > deadline) throw new Error(`no settled height in 30 s: ${now.heights.join(' ')}`);
    }
  };
  const small = await settle(500);
  const tall = await settle(1600);
  expect(small.at(-1)).toBeGreaterThan(1600);
  expect(tall.at(-1)).toBe(small.at(-1));
  // No report chases the frame: none grew by the same step as the one before it.
  for (const hs of [small, tall]) {
    const steps = hs.slice(1).map((h, i) => h - (hs[i] as number));
    expect(
      steps.some((d, i) => i > 0 && d > 0 && d === steps[i - 1]),
      hs.join(' '),
    ).toBe(false);
  }
});

/** Every lab, as a teacher would embed it: its own heading, no chrome, the share bar, a fitting frame. */
const LABS = [
  ['fragment', 'Fragmentation'],
  ['socket', 'Socket creation'],
  ['skb', 'sk_buff'],
  ['journey', 'Journey of a datagram'],
  ['reassemble', 'Reassembly'],
  ['netlink', 'Netlink messages'],
] as const;

for (const [lab, title] of LABS) {
  test(`the ${lab} lab embedded in a docs page: alone, reporting its height, no horizontal scroll`, async ({
    page,
    baseURL,
  }) => {
    await page.setViewportSize({ width: 860, height: 800 });
    await docsPage(page, `${baseURL}#/${lab}?embed=1`);
    const frame = page.frameLocator('iframe');
    await expect(frame.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(frame.getByRole('banner')).toHaveCount(0);
    await expect(frame.getByRole('contentinfo')).toHaveCount(0);
    await expect(frame.getByRole('button', { name: 'Export SVG' })).toBeEnabled();
    await expect(frame.locator('main [data-main-diagram]')).toHaveCount(1);
    const last = () =>
      page.evaluate(
        (p) =>
          (window as unknown as { heights: { type: string; path: string; height: number }[] }).heights
            .filter((h) => h.type === 'sockscope:height' && h.path === p)
            .at(-1)?.height ?? 0,
        lab,
      );
    await expect.poll(last).toBeGreaterThan(400);
    const iframe = page.locator('iframe');
    // The frame is another origin: measure from inside it. The lab's parts arrive in turns after
    // the first paint (issue 17), each reporting the new height: the frame fits once they are in.
    const inside = await (await iframe.elementHandle())!.contentFrame();
    const inner = () =>
      inside!.evaluate(() => {
        const d = document.documentElement;
        return { sw: d.scrollWidth, cw: d.clientWidth, sh: d.scrollHeight, ch: d.clientHeight };
      });
    await expect
      .poll(async () => {
        const { sh, ch } = await inner();
        return sh - ch;
      })
      .toBeLessThanOrEqual(0);
    await expect.poll(async () => Math.round((await iframe.boundingBox())!.height) - (await last())).toBe(0);
    const fitted = await inner();
    expect(fitted.sw).toBeLessThanOrEqual(fitted.cw);
    expect(fitted.sh).toBeLessThanOrEqual(fitted.ch);
  });
}

test('two embeds on one page each get their own height', async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 1200, height: 900 });
  const second = embedSnippet(
    `${baseURL}#/socket?domain=AF_INET&type=SOCK_RAW&protocol=0&priv=user&embed=1`,
    'sockscope: Socket',
  ).split('\n')[0];
  await docsPage(page, `${baseURL}#/fragment?${FRAGMENT}&embed=1`, second);
  const frames = page.locator('iframe');
  await expect(frames).toHaveCount(2);
  await expect
    .poll(() =>
      page.evaluate(() =>
        [
          ...new Set((window as unknown as { heights: { path: string }[] }).heights.map((h) => h.path)),
        ].sort(),
      ),
    )
    .toEqual(['fragment', 'socket']);
  const heightOf = (path: string) =>
    page.evaluate(
      (p) =>
        (window as unknown as { heights: { path: string; height: number }[] }).heights
          .filter((h) => h.path === p)
          .at(-1)!.height,
      path,
    );
  // Each lab loads its own chunk and reports again when it is drawn: compare with its latest report.
  await expect
    .poll(async () => Math.round((await frames.nth(0).boundingBox())!.height) - (await heightOf('fragment')))
    .toBe(0);
  await expect
    .poll(async () => Math.round((await frames.nth(1).boundingBox())!.height) - (await heightOf('socket')))
    .toBe(0);
});

test('the page does not post its height when it is not in a frame', async ({ page }) => {
  await page.addInitScript(() => {
    const posted: unknown[] = [];
    (window as unknown as { posted: unknown[] }).posted = posted;
    const orig = window.postMessage.bind(window);
    window.postMessage = ((m: unknown, o: string) => (
      posted.push(m),
      orig(m, o)
    )) as typeof window.postMessage;
  });
  await page.goto(`./#/fragment?${FRAGMENT}&embed=1`);
  await expect(page.getByRole('heading', { level: 1, name: 'Fragmentation' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { posted: unknown[] }).posted)).toEqual([]);
});

/* ---------------------------------------------------------------- sub-path */

test.describe('the build from a sub-path', () => {
  test('served under /docs/sockscope/, every lab loads with its styles', async ({ page }) => {
    const failed: string[] = [];
    page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
    await page.goto(`${origin}/docs/sockscope/#/fragment?${FRAGMENT}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Fragmentation' })).toBeVisible();
    await expect(page.getByRole('table', { name: /^Wire packets/ }).locator('tbody tr')).toHaveCount(3);
    // The stylesheet arrived: the header is sticky and the body has the theme's background.
    expect(await page.locator('.site-header').evaluate((e) => getComputedStyle(e).position)).toBe('sticky');
    await page.getByRole('navigation', { name: 'Labs' }).getByRole('link', { name: 'Journey' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Journey of a datagram' })).toBeVisible();
    expect(page.url()).toContain('/docs/sockscope/#/journey');
    await page.goto(`${origin}/docs/sockscope/index.html#/skb?embed=1`);
    await expect(page.getByRole('heading', { level: 1, name: 'sk_buff' })).toBeVisible();
    await expect(page.getByRole('banner')).toHaveCount(0);
    expect(failed).toEqual([]);
  });
});

test('skip links reach the inputs and the diagram in a few Tabs, in the full page and in an embed', async ({
  page,
}) => {
  for (const embed of [false, true]) {
    // A fresh document each time (a hash change alone keeps the focus where it was).
    await page.goto('about:blank');
    await page.goto(`./#/fragment?${FRAGMENT}${embed ? '&embed=1' : ''}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Fragmentation' })).toBeVisible();
    // The first Tabs: (skip to content,) skip to the inputs, skip to the diagram.
    const names = embed
      ? ['Skip to the inputs', 'Skip to the diagram']
      : ['Skip to content', 'Skip to the inputs', 'Skip to the diagram'];
    for (const name of names) {
      await page.keyboard.press('Tab');
      await expect(page.getByRole('link', { name })).toBeFocused();
      await expect(page.getByRole('link', { name })).toBeInViewport();
    }
    // Enter on "Skip to the diagram": focus lands on the diagram, the route stays.
    const url = page.url();
    await page.keyboard.press('Enter');
    await expect(page.locator('main [data-main-diagram]')).toBeFocused();
    expect(page.url()).toBe(url);
    // From the inputs, one Tab reaches the first input.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Fragmentation' })).toBeVisible();
    await page.keyboard.press('Tab');
    if (!embed) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.locator('#lab-inputs')).toBeFocused();
    // The inputs arrive a turn after the first paint (InTurns.tsx): the region is there at once,
    // its fields a frame later. Tab once they are on screen, as a reader would.
    await expect(page.locator('#lab-inputs').locator('input, select, button').first()).toBeVisible();
    await page.keyboard.press('Tab');
    const inInputs = await page.evaluate(() => !!document.activeElement?.closest('#lab-inputs'));
    expect(inInputs).toBe(true);
  }
});

test('the diagram view without controls offers no skip link to inputs it does not show', async ({ page }) => {
  await page.goto(`./#/fragment?${FRAGMENT}&view=diagram&embed=1`);
  await expect(page.locator('main [data-main-diagram]')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Skip to the inputs' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Skip to the diagram' })).toHaveCount(1);
});

/**
 * Handouts: printing a lab gives the diagram, the result and the tables without the site's
 * chrome, light even when the dark theme is active, in the page's language; page.pdf() makes
 * real pages (A4 and Letter).
 */
test('print: no chrome, the light theme even when dark is active, and a PDF with pages', async ({ page }) => {
  // Two PDFs of a whole lab: more than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  await page.addInitScript(() => localStorage.setItem('sockscope-theme', 'dark'));
  await page.goto(`./#/fragment?${FRAGMENT}&lang=zh-CN`);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const bodyBg = () => page.locator('body').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(await bodyBg()).toBe('rgb(14, 17, 23)');

  await page.emulateMedia({ media: 'print' });
  expect(await bodyBg()).toBe('rgb(255, 255, 255)');
  // The panels take the light surface, the text the light ink.
  const panel = page.locator('main .panel').first();
  expect(await panel.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');
  expect(await page.locator('main h1').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(26, 31, 41)');
  for (const chrome of ['.site-header', '.site-footer', '.share-bar', '.lab-inputs'])
    await expect(page.locator(chrome)).toBeHidden();
  await expect(page.locator('main [data-main-diagram]')).toBeVisible();
  await expect(page.locator('main table').first()).toBeVisible();
  // The share bar speaks Chinese on screen; the printed page keeps the language.
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  for (const format of ['A4', 'Letter'] as const) {
    const pdf = await page.pdf({ format, printBackground: true });
    const text = pdf.toString('latin1');
    const pages = text.match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
    expect(pages, `${format} pages`).toBeGreaterThanOrEqual(1);
    expect(pages, `${format} pages`).toBeLessThanOrEqual(12);
    expect(pdf.length).toBeGreaterThan(20_000);
    // Text is real text (fonts embedded), not an image of it.
    expect(text).toMatch(/\/FontFile2|\/FontFile3|\/Font\b/);
  }
  await page.emulateMedia({ media: 'screen' });
  expect(await bodyBg()).toBe('rgb(14, 17, 23)');
});
