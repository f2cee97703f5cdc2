/**
 * The share bar: Copy link puts the page's address on the clipboard; Export SVG / PNG save the
 * lab's main diagram as files that stand alone (they parse, carry their own styles, and draw).
 */
import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

async function saved(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  // Each lab's view is its own chunk: export once its diagram is drawn.
  await page.locator('[data-main-diagram]').first().waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = await (download as Download).path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

interface SvgFacts {
  parseError: string | null;
  root: string;
  xmlns: string | null;
  width: string | null;
  height: string | null;
  viewBox: string | null;
  texts: string[];
  hasVar: boolean;
  hasClassRules: boolean;
  fontFamily: string;
  drawn: { w: number; h: number } | string;
}

/**
 * Parse an exported SVG (DOMParser) and draw it as an image, as a reader's tool would: in a blank
 * page of the same browser, outside the app's Content-Security-Policy, which refuses the <style>
 * of an HTML export when a test parses it inside the app (the export itself trips nothing:
 * e2e/csp.spec.ts).
 */
async function svgFacts(page: Page, svg: string): Promise<SvgFacts> {
  const blank = await page.context().newPage();
  try {
    return await svgFactsIn(blank, svg);
  } finally {
    await blank.close();
  }
}

function svgFactsIn(page: Page, svg: string): Promise<SvgFacts> {
  return page.evaluate(async (text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const err = doc.querySelector('parsererror');
    const root = doc.documentElement;
    const fonts = [...doc.querySelectorAll('[style*="font-family"]')].map(
      (e) => /font-family:([^;]+)/.exec(e.getAttribute('style') ?? '')?.[1] ?? '',
    );
    let drawn: { w: number; h: number } | string;
    try {
      const img = new Image();
      img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
      await img.decode();
      drawn = { w: img.naturalWidth, h: img.naturalHeight };
    } catch (e) {
      drawn = String(e);
    }
    return {
      parseError: err ? (err.textContent ?? 'parsererror') : null,
      root: root.localName,
      xmlns: root.getAttribute('xmlns'),
      width: root.getAttribute('width'),
      height: root.getAttribute('height'),
      viewBox: root.getAttribute('viewBox'),
      texts: [...doc.querySelectorAll('text, p, span, a, strong')].map((t) => (t.textContent ?? '').trim()),
      hasVar: text.includes('var(--'),
      hasClassRules: /<style/.test(text),
      fontFamily: fonts[0] ?? '',
      drawn,
    };
  }, svg);
}

/** Width and height of a PNG, from its IHDR chunk. */
const pngSize = (b: Buffer) => ({ w: b.readUInt32BE(16), h: b.readUInt32BE(20) });

test('Copy link puts the current address on the clipboard and says so', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./#/fragment?len=4000&mtu=1500');
  await page.getByRole('textbox', { name: 'Payload length (bytes)' }).fill('3000');
  await expect(page).toHaveURL(/len=3000/);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied the link.' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(page.url());
  expect(copied).toContain('#/fragment?len=3000');
});

test('inside an embed, Copy link copies the full-page link (no embed=1)', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./#/skb?alloc=128&ops=reserve:32,put:64:payload&embed=1');
  await expect(page.getByRole('banner')).toHaveCount(0);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied the link.' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).not.toContain('embed');
  expect(copied).toBe(page.url().replace(/&embed=1$/, ''));
  expect(copied).toContain('#/skb?alloc=128&ops=reserve:32,put:64:payload');
});

test('without clipboard access, the link is shown to copy by hand', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
  });
  await page.goto('./#/fragment?len=4000&mtu=1500');
  // the lab has read its address and written it whole (its defaults named): the link to copy
  await expect(page).toHaveURL(/&pmtu=want/);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'copy the link from the box' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Text to copy' })).toHaveValue(page.url());
});

test('Copy embed code gives the drop-in code of this state, and the iframe of the chosen view', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./#/journey?len=4000&mtu=1500&family=inet');
  await page.getByRole('button', { name: 'Copy embed code' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied the embed code.' })).toBeVisible();
  const base = page.url().replace(/#.*$/, '');
  const query = new URL(page.url()).hash.replace(/^#/, '').replaceAll('&', '&amp;');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    `<script src="${base}embed.js" defer></script>\n<div data-sockscope="#${query}" data-lang="en"></div>`,
  );
  await page.getByRole('radio', { name: 'Compact' }).check();
  await page.getByRole('radio', { name: 'Plain iframe' }).check();
  await page
    .getByRole('group', { name: 'Embed code' })
    .getByRole('button', { name: 'Copy', exact: true })
    .click();
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toContain(
      `<iframe src="${page.url().replaceAll('&', '&amp;')}&amp;view=compact&amp;lang=en&amp;embed=1"`,
    );
  const code = await page.evaluate(() => navigator.clipboard.readText());
  expect(code).toContain('title="sockscope: Journey of a datagram"');
  expect(code).toContain("e.data?.type !== 'sockscope:height'");
});

test('inside an embed, Open in sockscope follows the state: after a preset it opens that state', async ({
  page,
}) => {
  await page.goto('./#/fragment?len=4000&mtu=1500&family=inet&embed=1');
  const open = page.getByRole('link', { name: 'Open in sockscope ↗' });
  await expect(open).toHaveAttribute('href', /len=4000/);
  await page.getByRole('combobox', { name: 'MTU (bytes)' }).fill('576');
  await expect(page).toHaveURL(/mtu=576/);
  await expect(open).toHaveAttribute('href', page.url().replace('&embed=1', ''));
  await expect(open).toHaveAttribute('href', /mtu=576/);
});

test('Export SVG of the Fragmentation lab: a standalone file with the fragment labels', async ({ page }) => {
  await page.goto('./#/fragment?len=4000&mtu=1500');
  await expect(page.getByRole('img', { name: /^Fragment boundaries/ })).toBeVisible();
  const { name, bytes } = await saved(page, 'Export SVG');
  expect(name).toBe('sockscope-fragment-fragments.svg');
  await expect(page.getByRole('status')).toHaveText(`Saved ${name}.`);
  const f = await svgFacts(page, bytes.toString('utf8'));
  expect(f.parseError).toBeNull();
  expect(f).toMatchObject({ root: 'svg', xmlns: 'http://www.w3.org/2000/svg', hasVar: false });
  expect(Number(f.width)).toBeGreaterThan(600);
  expect(f.viewBox).toBe(`0 0 ${f.width} ${f.height}`);
  expect(f.texts).toEqual(expect.arrayContaining(['#1 · 1,480 B', '#2 · 1,480 B', '#3 · 1,048 B', '4,008']));
  expect(f.fontFamily).toContain('sans-serif');
  expect(f.drawn).toEqual({ w: Number(f.width), h: Number(f.height) });
});

test('Export SVG of the Journey: the stacks with the fragments in flight', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto('./#/journey?len=4000&mtu=1500&family=inet&step=14');
  await expect(page.locator('.jm-tag')).toHaveCount(3);
  const { name, bytes } = await saved(page, 'Export SVG');
  expect(name).toBe('sockscope-journey-stacks.svg');
  const f = await svgFacts(page, bytes.toString('utf8'));
  expect(f.parseError).toBeNull();
  expect(f.hasVar).toBe(false);
  expect(f.texts).toEqual(
    expect.arrayContaining([
      // Each packet drawn with its parts and named by its offset (the redrawn Journey, issue 14);
      // stacked at the sender's device the tags take their short form (#n @offset).
      '#1 @0',
      '#2 @1,480',
      '#3 @2,960',
      'payload 1,472',
      'UDP 8',
      'Sender · 127.0.0.1',
    ]),
  );
  expect(f.drawn).toEqual({ w: Number(f.width), h: Number(f.height) });
});

test('Export SVG of the sk_buff lab carries the hatch pattern it borrows from the page', async ({ page }) => {
  await page.goto('./#/skb?alloc=128&ops=reserve:32,put:64:payload,push:8:udp');
  const { name, bytes } = await saved(page, 'Export SVG');
  expect(name).toBe('sockscope-skb-sk-buff.svg');
  const text = bytes.toString('utf8');
  const f = await svgFacts(page, text);
  expect(f.parseError).toBeNull();
  expect(text).toContain('url(#room-hatch)');
  expect(text).toMatch(/<defs><pattern id="room-hatch"/);
  expect(f.hasVar).toBe(false);
});

test('Export SVG of the Socket lab: the call path (HTML) inside a foreignObject', async ({ page }) => {
  await page.goto('./#/socket?domain=AF_INET&type=SOCK_DGRAM&protocol=0&priv=root');
  const { name, bytes } = await saved(page, 'Export SVG');
  expect(name).toBe('sockscope-socket-call-path.svg');
  const text = bytes.toString('utf8');
  const f = await svgFacts(page, text);
  expect(f.parseError).toBeNull();
  expect(text).toContain('<foreignObject');
  expect(f.texts.join(' ')).toContain('__sys_socket()');
  expect(f.hasVar).toBe(false);
  expect(f.drawn).toEqual({ w: Number(f.width), h: Number(f.height) });
});

test('Export SVG of the Reassembly lab: the queue with the arrivals and the reassembled datagram', async ({
  page,
}) => {
  await page.goto('./#/reassemble?len=2992&family=inet&frags=0:1480:1,1480:1480:1,2960:40:0&order=2,0,1');
  const { name, bytes } = await saved(page, 'Export SVG');
  expect(name).toBe('sockscope-reassemble-diagram.svg');
  const f = await svgFacts(page, bytes.toString('utf8'));
  expect(f.parseError).toBeNull();
  expect(f.hasVar).toBe(false);
  expect(f.texts).toEqual(expect.arrayContaining(['Arrivals', '#1', '#2', '#3', 'Reassembled']));
  expect(f.drawn).toEqual({ w: Number(f.width), h: Number(f.height) });
});

test('Export SVG of the Netlink lab: the bit layout with the header fields', async ({ page }) => {
  await page.goto(
    './#/netlink?hex=280000001200010301000000000000000000000000000000000000000000000008001d0001000000&family=route',
  );
  const { name, bytes } = await saved(page, 'Export SVG');
  expect(name).toBe('sockscope-netlink-diagram.svg');
  const f = await svgFacts(page, bytes.toString('utf8'));
  expect(f.parseError).toBeNull();
  expect(f.hasVar).toBe(false);
  expect(f.texts).toEqual(expect.arrayContaining(['nlmsg_len', 'nlmsg_type', '18 (RTM_GETLINK)']));
  expect(f.drawn).toEqual({ w: Number(f.width), h: Number(f.height) });
});

for (const [lab, query, file] of [
  ['fragment', 'len=4000&mtu=1500', 'sockscope-fragment-fragments.png'],
  ['socket', 'domain=AF_INET&type=SOCK_STREAM&protocol=0&priv=user', 'sockscope-socket-call-path.png'],
] as const) {
  test(`Export PNG of the ${lab} lab at twice the size on screen`, async ({ page }) => {
    await page.goto(`./#/${lab}?${query}`);
    const el = page.locator('main [data-main-diagram]');
    await expect(el).toBeVisible();
    const box = await el.boundingBox();
    const { name, bytes } = await saved(page, 'Export PNG');
    expect(name).toBe(file);
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    const size = pngSize(bytes);
    // An HTML diagram gets a 12 px margin for what it draws just outside its box.
    const pad = lab === 'socket' ? 24 : 0;
    expect(size.w).toBe(2 * (Math.ceil(box!.width) + pad));
    expect(size.h).toBe(2 * (Math.ceil(box!.height) + pad));
  });
}

test('the dark theme exports dark colours', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./#/fragment?len=4000&mtu=1500');
  const { bytes } = await saved(page, 'Export SVG');
  const text = bytes.toString('utf8');
  // --k-ip in the dark theme is #3563c4; the background is the panel's --surface-2 or --surface.
  expect(text).toContain('rgb(53, 99, 196)');
  expect(text).not.toContain('rgb(122, 167, 245)');
});
