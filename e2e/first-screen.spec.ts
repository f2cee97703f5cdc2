/**
 * Issue 17: the page's HTML paints the lab's first screen (its shell and intro) before the app's
 * code has run (vite/first-screen.ts, public/theme.js), and the app takes its place without moving
 * a pixel (no layout shift; the largest paint stays the HTML's).
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

/** Hold every script of the build (not theme.js, which picks the screen) until `release()`. */
async function holdScripts(page: Page) {
  let release = () => {};
  const gate = new Promise<void>((r) => (release = r));
  await page.route(/\/assets\/[^/]+\.js(\?.*)?$/, async (route) => {
    await gate;
    await route.continue();
  });
  return () => release();
}

/** Boxes of what a reader sees first: the lab's title and paragraph, the navigation, the share bar. */
const boxes = (page: Page, where: 'html' | 'app') =>
  page.evaluate((where) => {
    const s =
      where === 'app'
        ? document.getElementById('root')
        : [...document.querySelectorAll('#boot > [data-boot]')].find(
            (e) => getComputedStyle(e).display !== 'none',
          );
    return [
      '.lab-intro h1',
      '.lab-intro .lede',
      '.lab-intro .eyebrow',
      '.lab-nav',
      '.share-bar',
      '.site-header',
    ].map((sel) => {
      const e = s?.querySelector(sel);
      if (!e) return null;
      const r = e.getBoundingClientRect();
      return { sel, text: e.textContent, x: r.x, y: r.y, w: r.width, h: r.height };
    });
  }, where);

for (const [hash, lang, intro] of [
  ['#/reassemble', 'en', /ip_defrag/],
  ['#/fragment?lang=zh-CN', 'zh-CN', /ip_do_fragment 如何/],
  ['#/netlink?len=4', 'en', /netlink/i],
] as const) {
  test(`${hash}: the HTML's first screen, then the app's, in the same place`, async ({ page }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { shifts: number[] };
      w.shifts = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) w.shifts.push((e as unknown as { value: number }).value);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const release = await holdScripts(page);
    await page.goto(`/${hash}`, { waitUntil: 'commit' });
    // Before any of the app's code: the screen the address names, in its language.
    const boot = page.locator('#boot > [data-boot]:visible');
    await expect(boot).toHaveCount(1);
    await expect(boot).toHaveAttribute('lang', lang);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(boot.locator('.lab-intro .lede')).toHaveText(intro);
    await expect(page.locator('#root')).toBeEmpty();
    const before = await boxes(page, 'html');
    expect(before.every((b) => b !== null)).toBe(true);
    const shown = await page.evaluate(() => {
      const s = [...document.querySelectorAll('#boot > [data-boot]')].find(
        (e) => getComputedStyle(e).display !== 'none',
      );
      return s?.getAttribute('data-boot');
    });
    expect(shown).toBe(`${hash.replace(/^#\/|\?.*$/g, '')} ${lang}`);
    release();
    // The lab itself: the HTML's screen gone, the intro where it was.
    await expect(page.locator('#root .lab-intro h1')).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('#boot')).toHaveCount(0);
    await expect(page.locator('.lab-loading')).toHaveCount(0, { timeout: 30_000 });
    // Where the HTML drew them, with the same words.
    expect(await boxes(page, 'app')).toEqual(before);
    expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts)).toEqual([]);
  });
}

test('an embed, a Reassembly address with family=, the home page: nothing from the HTML', async ({
  page,
}) => {
  const release = await holdScripts(page);
  for (const hash of ['#/fragment?embed=1', '#/reassemble?family=inet6', '#/', '#/nosuchlab']) {
    await page.goto(`/${hash}`, { waitUntil: 'commit' });
    await expect(page.locator('#boot')).toHaveCount(1);
    await expect(page.locator('#boot > [data-boot]:visible')).toHaveCount(0);
  }
  release();
});

test('without JavaScript: no first screen, the noscript message', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/#/fragment');
  await expect(page.locator('#boot > [data-boot]:visible')).toHaveCount(0);
  await expect(page.locator('noscript')).toHaveCount(1);
  await context.close();
});

test('on a dark page the theme button shows the moon from the first paint, not the sun', async ({
  browser,
}) => {
  // Dark by the reader's saved choice, and by the system's setting with no choice saved.
  for (const how of ['saved', 'system'] as const) {
    const context = await browser.newContext(how === 'system' ? { colorScheme: 'dark' } : {});
    const page = await context.newPage();
    if (how === 'saved') await page.addInitScript(() => localStorage.setItem('sockscope-theme', 'dark'));
    const release = await holdScripts(page);
    await page.goto('/#/socket', { waitUntil: 'commit' });
    const icons = (root: string) =>
      page.evaluate(
        (root) =>
          ['light', 'dark'].map((k) => {
            const e = document.querySelector(`${root} .theme-icon--${k}`);
            return e ? getComputedStyle(e).display : 'missing';
          }),
        root,
      );
    await expect(page.locator('#boot > [data-boot]:visible')).toHaveCount(1);
    expect(await icons('#boot > [data-boot="socket en"]'), how).toEqual(['none', 'inline']);
    release();
    await expect(page.locator('#root .theme-toggle')).toHaveAttribute('aria-pressed', 'true', {
      timeout: 30_000,
    });
    expect(await icons('#root'), how).toEqual(['none', 'inline']);
    // Toggled to light: the sun.
    await page.locator('#root .theme-toggle').click();
    await expect(page.locator('#root .theme-toggle')).toHaveAttribute('aria-pressed', 'false');
    expect(await icons('#root'), how).toEqual(['inline', 'none']);
    await context.close();
  }
});
