import { test, expect } from './fixtures.ts';
import type { Page } from '@playwright/test';

async function open(page: Page, query: string) {
  await page.goto(`./#/journey?${query}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Journey of a datagram' })).toBeVisible();
}
const current = (page: Page) =>
  page.getByRole('list', { name: 'Journey steps' }).locator('[aria-current="step"]');
const stepOf = async (page: Page) => Number(/step=(\d+)/.exec(page.url())?.[1] ?? '1');

test('play, pause, step and scrub', async ({ page }) => {
  await page.clock.install();
  await open(page, 'len=4000&mtu=1500&family=inet');
  await expect(current(page)).toContainText('__sys_sendto');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.clock.runFor(3500);
  await page.getByRole('button', { name: 'Pause' }).click();
  const paused = await stepOf(page);
  expect(paused).toBeGreaterThanOrEqual(3);
  await page.clock.runFor(3000);
  expect(await stepOf(page)).toBe(paused);
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page).toHaveURL(new RegExp(`step=${paused + 1}`));
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(new RegExp(`step=${paused}(&|$)`));
  await page.keyboard.press('End');
  await expect(current(page)).toContainText('udp_recvmsg');
  await page.keyboard.press('Home');
  await expect(current(page)).toContainText('__sys_sendto');
  // scrub to the wire
  const scrub = page.getByRole('slider', { name: 'Timeline' });
  await scrub.evaluate((el: HTMLInputElement) => {
    el.value = '16.5';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await expect(current(page)).toContainText('loopback_xmit');
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
});

test('a lost fragment is never delivered; the table says why', async ({ page }) => {
  await open(page, 'len=4000&mtu=1500&family=inet&fault=lose&frag=2&step=100');
  await expect(current(page)).toContainText('ip_expire');
  await expect(page.getByRole('table', { name: 'Datagrams' })).toContainText('never reassembled');
});

test('a small receive buffer read late drops datagrams and counts them', async ({ page }) => {
  await open(page, 'len=4000&mtu=65536&family=inet&n=4&rcvbuf=16384&read=end&buf=1000');
  const t = page.getByRole('table', { name: 'Datagrams' });
  await expect(t.locator('tbody tr')).toHaveCount(4);
  await expect(t).toContainText('1,000 of 4,000, MSG_TRUNC');
  await expect(t).toContainText('dropped: receive queue full');
  await expect(page.getByRole('table', { name: 'Receiver counters' })).toContainText('3');
});

test('reduced motion: playing jumps whole steps', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.clock.install();
  await open(page, 'len=4000&mtu=1500&family=inet');
  await expect(page.getByText('Reduced motion: playback jumps from step to step.')).toBeVisible();
  await page.getByRole('button', { name: 'Play' }).click();
  await page.clock.runFor(2600);
  await page.getByRole('button', { name: 'Pause' }).click();
  const s = await stepOf(page);
  expect(s).toBeGreaterThanOrEqual(2);
  // at rest on a whole step: the scrubber sits exactly at a stop's end
  const v = await page.getByRole('slider', { name: 'Timeline' }).inputValue();
  expect(Number(v) % 1).toBe(0);
});

for (const width of [1440, 360]) {
  test(`screenshot at ${width} px, frozen clock mid-wire`, async ({ page }) => {
    await page.clock.install({ time: new Date('2026-01-01T12:00:00Z') });
    await page.setViewportSize({ width, height: 1000 });
    await open(page, 'len=4000&mtu=1500&family=inet&fault=reorder&frag=1&step=16');
    await page.getByRole('slider', { name: 'Timeline' }).evaluate((el: HTMLInputElement) => {
      el.value = String(Number(el.value) - 1.1);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect(page.locator('.journey-stage')).toHaveScreenshot(`journey-${width}.png`);
  });
}
