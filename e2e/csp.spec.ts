/**
 * The Content-Security-Policy of the built page (issue 19): it is in force (an inline script is
 * refused, and reported), and nothing the page does itself trips it — in any lab, in embed mode
 * (also inside another origin's iframe), and while exporting SVG / PNG and copying links.
 *
 * A violation is seen twice: as a `securitypolicyviolation` event (listened for in every frame
 * before the page's own scripts run) and as the console message Chromium writes for it.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';
import type { Download, Page } from '@playwright/test';

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  where: string;
}

declare global {
  interface Window {
    __cspViolations?: Violation[];
  }
}

/** Every lab with a case that draws its main diagram. */
const LABS = [
  { path: 'fragment', title: 'Fragmentation', query: 'len=4000&mtu=1500&family=inet' },
  { path: 'socket', title: 'Socket creation', query: 'domain=AF_INET&type=SOCK_DGRAM&protocol=0&priv=root' },
  {
    path: 'netlink',
    title: 'Netlink messages',
    query:
      'hex=280000001200010301000000000000000000000000000000000000000000000008001d0001000000&family=route',
  },
  { path: 'skb', title: 'sk_buff', query: 'alloc=128&ops=reserve:32,put:64:payload,push:8:udp' },
  {
    path: 'reassemble',
    title: 'Reassembly',
    query: 'len=2992&family=inet&frags=0:1480:1,1480:1480:1,2960:40:0&order=2,0,1',
  },
  { path: 'journey', title: 'Journey of a datagram', query: 'len=4000&mtu=1500&family=inet' },
] as const;

const isCspMessage = (text: string) => /Content[- ]Security[- ]Policy/i.test(text);

/**
 * `csp.read()` gives the violations seen so far (events from every frame and console messages);
 * the fixture fails the test on any violation, console error or uncaught exception left at the end.
 */
const test = base.extend<{ csp: { read: () => Promise<string[]>; clear: () => Promise<void> } }>({
  csp: [
    async ({ page }, use) => {
      const consoleLines: string[] = [];
      const errors: string[] = [];
      page.on('console', (m) => {
        if (isCspMessage(m.text())) consoleLines.push(`console ${m.type()}: ${m.text()}`);
        else if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      await page.addInitScript(() => {
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => {
          window.__cspViolations?.push({
            directive: e.effectiveDirective,
            blocked: e.blockedURI,
            sample: e.sample,
            where: `${e.sourceFile}:${e.lineNumber}`,
          });
        });
      });
      const read = async () => {
        const events: string[] = [];
        for (const f of page.frames()) {
          const v = await f.evaluate(() => window.__cspViolations ?? []).catch(() => [] as Violation[]);
          for (const x of v)
            events.push(`event in ${f.url()}: ${x.directive} blocked ${x.blocked || x.sample} (${x.where})`);
        }
        return [...events, ...consoleLines];
      };
      const clear = async () => {
        consoleLines.length = 0;
        for (const f of page.frames())
          await f
            .evaluate(() => {
              window.__cspViolations = [];
            })
            .catch(() => undefined);
      };
      await use({ read, clear });
      expect(await read(), 'Content-Security-Policy violations').toEqual([]);
      expect(errors, 'console errors and uncaught exceptions').toEqual([]);
    },
    { auto: true },
  ],
});

async function download(page: Page, button: string): Promise<string> {
  const [d] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return (d as Download).suggestedFilename();
}

/** Press every button of the share bar, waiting for each to say it is done. */
async function exportEverything(page: Page, embed: boolean) {
  const said = (text: string) => expect(page.getByRole('status').filter({ hasText: text })).toBeVisible();
  const svg = await download(page, 'Export SVG');
  expect(svg).toMatch(/\.svg$/);
  await said(`Saved ${svg}.`);
  const png = await download(page, 'Export PNG');
  expect(png).toMatch(/\.png$/);
  await said(`Saved ${png}.`);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await said('Copied the link.');
  if (!embed) {
    await page.getByRole('button', { name: 'Copy embed code' }).click();
    await said('Copied the embed code.');
  }
}

test('the built page carries the policy, loads no inline script, and the policy is in force', async ({
  page,
  csp,
}) => {
  await page.goto('./#/fragment?len=4000&mtu=1500');
  await expect(page.getByRole('heading', { level: 1, name: 'Fragmentation' })).toBeVisible();
  const content = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const policy = new Map(
    (content ?? '').split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values.join(' ')] as const;
    }),
  );
  expect(Object.fromEntries(policy)).toMatchObject({
    'default-src': "'self'",
    'script-src': "'self'",
    'style-src': "'self'",
    'img-src': "'self' data: blob:",
    'object-src': "'none'",
    'base-uri': "'self'",
  });
  // Only style attributes may be inline (the SVG export writes them); never a script or a sheet.
  expect([...policy].filter(([, v]) => /unsafe/.test(v)).map(([k, v]) => `${k} ${v}`)).toEqual([
    "style-src-attr 'unsafe-inline'",
  ]);
  expect(policy.has('frame-ancestors'), 'framing stays open: any site may embed a lab').toBe(false);
  const inlineScripts = await page.locator('script:not([src])').count();
  expect(inlineScripts).toBe(0);

  // The control: an inline script is refused, and the watcher sees it.
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.head.append(s);
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(ran).toBe(false);
  await expect.poll(async () => (await csp.read()).join('\n')).toContain('script-src');
  await csp.clear();
});

test('a saved dark theme applies before the app runs (theme.js, not an inline script)', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('sockscope-theme', 'dark'));
  // Without the app's bundle, only public/theme.js can set the theme.
  await page.route(/\/assets\/.*\.js$/, (r) => r.fulfill({ contentType: 'text/javascript', body: '' }));
  await page.goto('./#/fragment');
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
});

for (const lab of LABS) {
  test(`no violation in the ${lab.title} lab, nor while exporting it`, async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`./#/${lab.path}?${lab.query}`);
    await expect(page.getByRole('heading', { level: 1, name: lab.title })).toBeVisible();
    await exportEverything(page, false);
    // The other theme restyles the whole page; export again in it.
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await exportEverything(page, false);
  });

  test(`no violation in the ${lab.title} lab in embed mode, nor while exporting it`, async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`./#/${lab.path}?${lab.query}&embed=1`);
    await expect(page.getByRole('heading', { level: 1, name: lab.title })).toBeVisible();
    await expect(page.getByRole('banner')).toHaveCount(0);
    await exportEverything(page, true);
  });
}

test('no violation on the home page, with its pictures drawn', async ({ page }) => {
  await page.goto('./#/');
  await expect(page.locator('#home-title')).toBeVisible();
  await page.waitForLoadState('networkidle');
});

test('no violation on the capture page while its Web Worker reads a file (worker-src)', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto('./#/capture');
  await expect(page.locator('#capture-h')).toBeVisible();
  await page
    .locator('input[type="file"]')
    .first()
    .setInputFiles(fileURLToPath(new URL('../core/pcap/fixtures/raw-frags-lo.pcap', import.meta.url)));
  // The packet list appears only if the worker ran: a refused worker would leave the page empty.
  await expect(page.getByText(/Packets 1–\d+ of \d+/).first()).toBeVisible({ timeout: 30_000 });
  // The capture's own worker, not only the Intl worker every page starts (public/intl-warm.js).
  expect(workers.filter((u) => !u.endsWith('/intl-warm.js')).length).toBeGreaterThan(0);
  // The worker is a file of the page's own origin, not a blob: or data: URL.
  for (const u of workers) expect(new URL(u).origin).toBe(new URL(page.url()).origin);
});

test('the Intl worker (public/intl-warm.js) starts from the page’s origin, answers, and takes its mark off', async ({
  page,
}) => {
  const workers: string[] = [];
  const closed: string[] = [];
  page.on('worker', (w) => {
    workers.push(w.url());
    w.on('close', () => closed.push(w.url()));
  });
  await page.addInitScript(() => {
    const w = window as { __intlWarmed?: number; __intlAnswers?: unknown[] };
    w.__intlAnswers = [];
    document.addEventListener('sockscope:intl-warmed', () => {
      w.__intlWarmed = (w.__intlWarmed ?? 0) + 1;
    });
    // What the worker answered, seen as the page sees it (an error would also take the mark off).
    const Native = window.Worker;
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (e) => w.__intlAnswers!.push(e.data));
      }
    };
  });
  await page.goto('./#/netlink?lang=zh-CN');
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('#boot, .lab-loading')).toHaveCount(0, { timeout: 30_000 });
  // The app rendered after the worker answered (or gave up): the mark is gone either way; the
  // worker must have been started, and from the page's own folder.
  await expect(page.locator('html[data-intl]')).toHaveCount(0);
  const warm = workers.filter((u) => u.endsWith('/intl-warm.js'));
  expect(warm).toHaveLength(1);
  expect(new URL(warm[0]!).origin).toBe(new URL(page.url()).origin);
  // It answered that it read the data, the page said so once, and the worker closed itself.
  expect(await page.evaluate(() => (window as { __intlAnswers?: unknown[] }).__intlAnswers)).toEqual([true]);
  expect(await page.evaluate(() => (window as { __intlWarmed?: number }).__intlWarmed)).toBe(1);
  await expect.poll(() => closed).toEqual(warm);
});

test('no violation in challenge mode: predict, check, reveal', async ({ page }) => {
  await page.goto('./#/fragment?len=4000&mtu=1500&family=inet&challenge=1');
  await expect(page.getByText('Challenge: predict, then reveal').first()).toBeVisible();
  const answer = page.getByRole('textbox').first();
  await answer.fill('1480');
  await page.getByRole('button', { name: 'Check' }).first().click();
});

test('the Journey plays and steps without a violation', async ({ page }) => {
  await page.goto('./#/journey?len=4000&mtu=1500&family=inet');
  const timeline = page.getByRole('slider', { name: 'Timeline' });
  const start = await timeline.inputValue();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => timeline.inputValue()).not.toBe(start);
  await page.getByRole('button', { name: 'Pause' }).click();
  const paused = await timeline.inputValue();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect.poll(() => timeline.inputValue()).not.toBe(paused);
});

test('a lab embedded in another origin’s iframe loads, exports, and trips no policy', async ({
  page,
  baseURL,
}) => {
  const src = `${baseURL}#/fragment?len=4000&mtu=1500&embed=1`;
  const notes = `<!doctype html><meta charset="utf-8"><title>Course notes</title><h1>Week 3</h1>
<iframe src="${src.replaceAll('&', '&amp;')}" title="sockscope: Fragmentation" width="100%" height="900" style="border:0"></iframe>`;
  // A course site on another origin (another port of the loopback address): a real server, so
  // the browser treats the frame as any cross-origin embed.
  const server = createServer(
    (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end(notes),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/week3.html`);
    const frame = page.frameLocator('iframe[title="sockscope: Fragmentation"]');
    await expect(frame.getByRole('heading', { level: 1, name: 'Fragmentation' })).toBeVisible();
    const [d] = await Promise.all([
      page.waitForEvent('download'),
      frame.getByRole('button', { name: 'Export PNG' }).click(),
    ]);
    expect(d.suggestedFilename()).toMatch(/\.png$/);
    await expect(frame.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
});
