import { expect, test } from '@playwright/test';

test('?lang=zh-CN shows the shell in Chinese and sets <html lang>', async ({ page }) => {
  await page.goto('#/socket?lang=zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('navigation', { name: '实验' })).toBeVisible();
  await expect(page.getByRole('button', { name: '复制链接' })).toBeVisible();
});

test('the switch changes the language, keeps the state, and persists across reloads', async ({ page }) => {
  await page.goto('#/fragment?len=3000');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page).toHaveURL(/len=3000.*lang=zh-CN/);
  await page.goto('#/fragment');
  await page.reload();
  await expect(page.getByRole('combobox', { name: '语言' })).toHaveValue('zh-CN');
});

test('an embed with lang and the switch in its share bar', async ({ page }) => {
  await page.goto('#/fragment?embed=1&lang=zh-CN');
  await expect(page.getByRole('combobox', { name: '语言' })).toBeVisible();
});

test('full-width digits are accepted in the Fragmentation lab', async ({ page }) => {
  await page.goto('#/fragment');
  const len = page.getByRole('textbox', { name: 'Payload length (bytes)' });
  await len.fill('x');
  await expect(page.getByText('must be a whole number').first()).toBeVisible();
  await len.fill('４０００');
  await expect(page.getByText('must be a whole number')).toHaveCount(0);
});

test('while a lab’s code loads, the page says so in its own language', async ({ page }) => {
  // Hold the Fragmentation lab's chunk back until the placeholder has been read.
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\/assets\/FragmentLab-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('#/fragment?lang=zh-CN');
  await expect(page.getByRole('status').filter({ hasText: '正在加载实验' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Loading the lab')).toHaveCount(0);
  release();
  await expect(page.getByRole('heading', { level: 1, name: 'IP 分片' })).toBeVisible({ timeout: 30_000 });
});
