/**
 * The load budget (issue 17): the JavaScript a browser fetches to show any one lab, in English and
 * in Chinese. The goal is 150 KB gzip (LAB_BUDGET_KB), met by every lab; this test holds the
 * ceiling (LAB_CEILING_KB, now the goal itself) so no lab grows past it. Bytes, not a timing: every .js response until the lab is on
 * screen, gzip -9 (e2e/bench/weigh.ts; `npm run bench:size` prints the same figures against the goal).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { LAB_CEILING_KB, LAB_PATHS, LOCALES, kb, weighPage } from './bench/weigh.ts';

// Every message id: none may be on screen (a catalog part that came too late shows ids).
const IDS = Object.keys(
  JSON.parse(readFileSync(join(import.meta.dirname, '../core/i18n/locales/en.json'), 'utf8')) as object,
);

for (const lab of LAB_PATHS)
  for (const lang of LOCALES)
    test(`#/${lab} in ${lang}: at most ${LAB_CEILING_KB} KB of gzip JavaScript`, async ({ page }) => {
      const w = await weighPage(page, `./#/${lab}?lang=${lang}`);
      const list = [...w.files].sort((a, b) => b[1] - a[1]).map(([f, n]) => `${f} ${kb(n)}`);
      expect(w.files.size, 'no JavaScript was counted').toBeGreaterThan(1);
      const text = await page
        .locator('body')
        .evaluate((b) => `${(b as HTMLElement).innerText} ${b.innerHTML}`);
      expect(
        IDS.filter(
          (id) =>
            text.includes(`"${id}"`) ||
            new RegExp(`(^|[\\s>])${id.replace(/\./g, '\\.')}($|[\\s<])`).test(text),
        ),
      ).toEqual([]);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      expect(w.gzip, `${kb(w.gzip)}: ${list.join(', ')}`).toBeLessThanOrEqual(LAB_CEILING_KB * 1024);
    });

test('only the page’s language is fetched, and the other when chosen', async ({ page }) => {
  // A catalog part is a chunk that parses one JSON object of messages (vite.config.ts).
  const catalogs: { chinese: boolean }[] = [];
  page.on('response', async (r) => {
    if (!r.url().endsWith('.js')) return;
    const body = await r.text().catch(() => '');
    if (/JSON\.parse\(.{0,3}\{\\?"[a-z]+\./.test(body.slice(0, 200)))
      catalogs.push({ chinese: /[\u4e00-\u9fff]/.test(body) });
  });
  await page.goto('./#/fragment?lang=en');
  await expect(page.getByRole('heading', { level: 1, name: 'Fragmentation' })).toBeVisible({
    timeout: 30_000,
  });
  // English: the base part and the lab's own words; nothing of the Chinese yet.
  await expect.poll(() => catalogs.length).toBe(2);
  expect(catalogs.filter((c) => c.chinese)).toHaveLength(0);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: 'IP 分片' })).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => catalogs.length).toBe(4);
  expect(catalogs.filter((c) => c.chinese)).toHaveLength(2);
  // No id and no English words left in the lab once it is Chinese.
  await expect(page.getByText(/\blab\.fragment\./)).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: '语言' })).toBeVisible();
});
