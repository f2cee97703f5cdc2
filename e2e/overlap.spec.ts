/**
 * No text in a lab's main diagram prints over other text, and diagram text is at least 12 px on a
 * wide screen (issue 14): on the lab's first state and on every one of its presets, at 360 and
 * 1,440 px. The Journey has its own (e2e/journey.spec.ts).
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { findSmallText, findTextOverlaps } from './helpers/overlap.ts';

const ROOT = 'main [data-main-diagram]';
const LABS = ['socket', 'netlink', 'skb', 'fragment', 'reassemble'] as const;
const WIDTHS = [360, 1440] as const;

/** The lab's presets: its chips' names (every lab's presets are kit chips, `.preset-list`). */
const presetNames = (page: Page) =>
  page.locator('.preset-list button').evaluateAll((bs) => bs.map((b) => (b.textContent ?? '').trim()));

for (const path of LABS) {
  for (const width of WIDTHS) {
    test(`${path} at ${width} px: no diagram text overlaps, on every preset`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`./#/${path}`);
      await expect(page.locator(ROOT).first()).toBeVisible({ timeout: 30_000 });
      const names = await presetNames(page);
      expect(names.length, 'the lab has presets').toBeGreaterThan(0);
      // Each problem once, with the first state that shows it (a label's size repeats on every preset).
      const problems = new Map<string, string>();
      const note = (what: string, state: string) => {
        const key = what.replace(/, such as .*$/, '');
        if (![...problems.keys()].some((k) => k.startsWith(key))) problems.set(what, state);
      };
      const measure = async (state: string) => {
        // A state without the diagram (a replay's first step, before the buffer exists) has no text to test.
        if ((await page.locator(ROOT).count()) === 0) return;
        measured++;
        for (const o of await findTextOverlaps(page, ROOT))
          note(`"${o.a}" overlaps "${o.b}" (${o.w}×${o.h} px)`, state);
        if (width >= 1440)
          for (const t of await findSmallText(page, ROOT, 12))
            note(`text at ${t.fontPx.toFixed(1)} px (< 12), such as "${t.text}"`, state);
      };
      let measured = 0;
      await measure('first visit');
      expect(measured, 'the first visit shows the diagram').toBe(1);
      for (const name of names) {
        await page.locator('.preset-list button').filter({ hasText: name }).first().click();
        await page.waitForTimeout(100);
        await measure(`preset "${name}"`);
      }
      expect([...problems].map(([what, state]) => `${state}: ${what}`)).toEqual([]);
    });
  }
}

test('the measure finds text printed over text, and small text', async ({ page }) => {
  await page.goto('./#/');
  await page.evaluate(() => {
    const host = document.createElement('div');
    host.id = 'overlap-probe';
    host.innerHTML = `<svg width="300" height="60"><text x="10" y="30" font-size="10">tail 76</text>
      <text x="30" y="32" font-size="14">end 256</text><text x="200" y="30" font-size="14">apart</text></svg>
      <p style="font-size:14px;margin:0">one <span style="margin-left:-30px">two</span></p>`;
    document.body.prepend(host);
  });
  const overlaps = await findTextOverlaps(page, '#overlap-probe');
  expect(overlaps.map((o) => [o.a, o.b].sort().join(' / '))).toEqual(['end 256 / tail 76', 'one / two']);
  expect((await findSmallText(page, '#overlap-probe', 12)).map((t) => t.text)).toEqual(['tail 76']);
});
