import type { Locator, Page } from '@playwright/test';
import { expect, test as base } from './fixtures.ts';

/** The sk_buff lab's page object. */
class SkbLabPage {
  readonly fields: Locator;
  readonly bytes: Locator;
  readonly kind: Locator;
  readonly history: Locator;
  readonly panic: Locator;

  constructor(readonly page: Page) {
    this.fields = page.getByRole('table', { name: /^sk_buff fields/ });
    this.bytes = page.getByRole('textbox', { name: 'Bytes', exact: true });
    this.kind = page.getByRole('combobox', { name: 'Bytes are' });
    this.history = page.getByRole('list', { name: 'Operation history' }).getByRole('button');
    this.panic = page.getByRole('alert');
  }

  async open(query = '') {
    await this.page.goto(`./#/skb${query ? `?${query}` : ''}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'sk_buff' })).toBeVisible();
  }

  async op(name: 'reserve' | 'put' | 'push' | 'pull' | 'trim', n: number, kind?: string) {
    await this.bytes.fill(String(n));
    if (kind) await this.kind.selectOption(kind);
    await this.page.getByRole('button', { name: new RegExp(`^skb_${name}\\(${n}\\)`) }).click();
  }

  /** The first body row of the table as { column: text }. */
  async row(): Promise<Record<string, string>> {
    return this.fields.evaluate((t) => {
      if (t.classList.contains('skb-table--turned'))
        return Object.fromEntries(
          [...t.querySelectorAll('tbody tr')].map((tr) => [
            tr.querySelector('th')?.textContent?.trim() ?? '',
            tr.querySelector('td')?.firstChild?.textContent?.trim() ?? '',
          ]),
        );
      const heads = [...t.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? '');
      const cells = [...t.querySelectorAll('tbody tr:first-child > *')].map(
        (c) => c.firstChild?.textContent?.trim() ?? '',
      );
      return Object.fromEntries(heads.map((h, i) => [h, cells[i] ?? '']));
    });
  }
}

const test = base.extend<{ skb: SkbLabPage }>({
  skb: async ({ page }, use) => {
    await use(new SkbLabPage(page));
  },
});

test.describe('sk_buff lab', () => {
  test('apply ops and read the sk_buff fields table', async ({ skb, page }) => {
    await skb.open('ops=');
    await skb.op('reserve', 32);
    await skb.op('put', 100, 'payload');
    await skb.op('push', 8, 'udp');
    expect(await skb.row()).toMatchObject({
      head: '0',
      data: '24',
      tail: '132',
      end: '1,728',
      len: '108',
      data_len: '0',
      headroom: '24',
      tailroom: '1,596',
      nr_frags: '0',
    });
    await expect(skb.history).toHaveCount(4);
    await expect(skb.history.last()).toHaveAttribute('aria-current', 'step');
    await expect(page).toHaveURL(/#\/skb\?ops=reserve:32,put:100:payload,push:8:udp$/);
    await expect(page.getByRole('img', { name: /data 24, tail 132/ })).toBeVisible();
  });

  test('an underflow shows skb_under_panic and leaves the buffer unchanged', async ({ skb }) => {
    await skb.open('alloc=128&ops=put:64:payload');
    const before = await skb.row();
    await skb.op('push', 8, 'udp');
    await expect(skb.panic).toBeVisible();
    await expect(skb.panic).toContainText('skb_under_panic');
    await expect(skb.panic).toContainText(/len:72 put:8/); // skb_push moves len before skb_under_panic
    await expect(skb.panic).toContainText('The buffer is unchanged');
    expect(await skb.row()).toEqual(before);
  });

  test('a preset replays step by step', async ({ skb, page }) => {
    await skb.open('ops=');
    await page.getByRole('button', { name: 'UDP send' }).click();
    await expect(skb.history.first()).toHaveAttribute('aria-current', 'step');
    await expect(page.getByText('Step 1 of 6')).toBeVisible();
    for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Next step →' }).click();
    await expect(page.getByText('Step 6 of 6')).toBeVisible();
    expect(await skb.row()).toMatchObject({ data: '2', tail: '144', len: '142', headroom: '2' });
    // Keyboard in the step list.
    await skb.history.last().focus();
    await page.keyboard.press('Home');
    await expect(skb.history.first()).toHaveAttribute('aria-current', 'step');
    expect(await skb.row()).toMatchObject({ data: '0', len: '0' });
  });

  test('the fragmented send replays the Fragmentation trace', async ({ page }) => {
    await page.goto('./#/skb');
    await page.getByRole('button', { name: 'Fragmented send' }).click();
    await expect(page).toHaveURL(/preset=fragmented/);
    const steps = page.getByRole('list', { name: 'Kernel steps' }).getByRole('button');
    await steps.nth(5).click();
    await expect(page.getByRole('heading', { name: /sk_buff at step 6: __ip_make_skb/ })).toBeVisible();
    // The head and its frag_list of 2: three sk_buffs, one row or one column each.
    const table = page.getByRole('table', { name: /^sk_buff fields/ });
    await expect(table.locator('th').filter({ hasText: /^#\d/ })).toHaveCount(3);
    await expect(page.getByText('skb_shinfo(skb)→frag_list')).toBeVisible();
    await page.getByRole('button', { name: /Back to your buffer/ }).click();
    await expect(page.getByRole('list', { name: 'Operation history' })).toBeVisible();
  });

  test('undo and redo, with buttons and Ctrl+Z / Ctrl+Shift+Z', async ({ skb, page }) => {
    await skb.open('ops=reserve:32');
    await skb.op('put', 100);
    await expect(skb.history).toHaveCount(3);
    await page.getByRole('button', { name: /Undo/ }).click();
    await expect(skb.history).toHaveCount(2);
    await page.getByRole('button', { name: /Redo/ }).click();
    await expect(skb.history).toHaveCount(3);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect(skb.history).toHaveCount(2);
    await expect(page).toHaveURL(/ops=reserve:32$/);
    await page.keyboard.press('Control+Shift+Z');
    await expect(skb.history).toHaveCount(3);
    expect(await skb.row()).toMatchObject({ len: '100' });
  });

  test('a pasted URL restores the sequence and the step; a bad one is explained', async ({ skb, page }) => {
    await skb.open('ops=reserve:32,put:100,push:8,push:20&step=3');
    await expect(skb.history).toHaveCount(5);
    await expect(skb.history.nth(2)).toHaveAttribute('aria-current', 'step');
    expect(await skb.row()).toMatchObject({ data: '32', len: '100' });
    await page.goto('./#/skb?ops=reserve:32,put:100,yank:8');
    await expect(page.getByRole('status')).toContainText('"yank:8" is not an operation');
    await expect(skb.history).toHaveCount(5);
    await expect(page).toHaveURL(/ops=reserve:32,put:100,push:8,push:20/);
  });
});

test.describe('sk_buff lab screenshots', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  });

  test('1440 px', async ({ skb, page }) => {
    await page.setViewportSize({ width: 1440, height: 1100 });
    await skb.open('alloc=159&ops=reserve:44,put:100:payload,push:8:udp,push:20:ip,push:14:eth');
    await expect(skb.history).toHaveCount(6);
    await expect(page).toHaveScreenshot('skb-1440.png');
  });

  test('360 px', async ({ skb, page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await skb.open('alloc=128&ops=put:64:payload,push:8:udp');
    await page.evaluate(() => document.getElementById('buffer-title')?.scrollIntoView());
    await expect(skb.panic).toBeVisible();
    await expect(page).toHaveScreenshot('skb-360.png');
  });
});

const PRESETS: Record<string, string> = {
  udpSend: 'alloc=159&ops=reserve:44,put:100:payload,push:8:udp,push:20:ip,push:14:eth&step=1',
  receive:
    'alloc=256&ops=reserve:2,put:14:eth,put:20:ip,put:8:udp,put:100:payload,pull:14,pull:20,pull:8&step=1',
  underflow: 'alloc=128&ops=put:64:payload,push:8:udp&step=1',
  fragmented: 'preset=fragmented',
};

test.describe('sk_buff lab: a panic stops the kernel, Chinese, embeds', () => {
  test('after a panic no operation runs until the panic is undone', async ({ skb, page }) => {
    await skb.open('alloc=128&ops=put:64:payload,push:8:udp,put:4');
    await expect(skb.panic).toContainText('skb_under_panic');
    await expect(skb.panic).toContainText('the 1 operation after it was not run');
    const ops = page.getByRole('group', { name: 'Apply an operation' }).getByRole('button');
    for (const b of await ops.all()) await expect(b).toBeDisabled();
    await skb.panic.getByRole('button', { name: /Undo the panic/ }).click();
    await expect(skb.panic).toHaveCount(0);
    await expect(page).toHaveURL(/ops=put:64:payload(&|$)/);
    await skb.op('push', 0);
    expect(await skb.row()).toMatchObject({ len: '64' });
  });

  test('?lang=zh-CN shows the lab in Chinese; a full-width byte count is accepted', async ({ page }) => {
    await page.goto('./#/skb?lang=zh-CN&alloc=128&ops=reserve:2,put:64:payload');
    await expect(page.getByRole('heading', { level: 1, name: 'sk_buff' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '缓冲区', exact: true })).toBeVisible();
    const bytes = page.getByRole('textbox', { name: '字节数', exact: true });
    await expect(page.getByRole('list', { name: '操作历史' })).toContainText('为稍后压入的首部留出头部空间');
    await expect(page.locator('.buffer-caption')).toContainText('头部空间 2');
    await bytes.fill('１６');
    await expect(bytes).not.toHaveAttribute('aria-invalid', 'true');
    await page.getByRole('button', { name: /^skb_put\(16\)/ }).click();
    await expect(page).toHaveURL(/put:16/);
    await expect(page.getByRole('table', { name: /^sk_buff 字段/ })).toContainText('80');
  });

  for (const [name, query] of Object.entries(PRESETS))
    test(`embed at 860 px: diagram ≤ 700 px, compact ≤ 1,200 px (${name})`, async ({ page }) => {
      await page.setViewportSize({ width: 860, height: 700 });
      for (const [view, max] of [
        ['diagram', 700],
        ['compact', 1200],
      ] as const) {
        await page.goto(`./#/skb?${query}&embed=1&view=${view}`);
        await expect(page.locator('[data-main-diagram="sk_buff"], .skb-panel').first()).toBeVisible();
        // Alive: the step buttons still move the diagram.
        await page.getByRole('button', { name: /Next step/ }).click();
        await expect(page).toHaveURL(/step=2/);
        const h = await page.evaluate(() => document.documentElement.scrollHeight);
        expect(h, `${name} ${view}`).toBeLessThanOrEqual(max);
      }
    });
});

test.describe('sk_buff lab screenshots in Chinese', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  });

  test('zh-CN 1440 px', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 1100 });
    await page.goto(
      './#/skb?lang=zh-CN&alloc=159&ops=reserve:44,put:100:payload,push:8:udp,push:20:ip,push:14:eth',
    );
    await expect(page.getByRole('list', { name: '操作历史' }).getByRole('button')).toHaveCount(6);
    await expect(page).toHaveScreenshot('skb-zh-1440.png');
  });

  test('zh-CN 360 px', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto('./#/skb?lang=zh-CN&alloc=128&ops=put:64:payload,push:8:udp');
    await page.evaluate(() => document.getElementById('buffer-title')?.scrollIntoView());
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page).toHaveScreenshot('skb-zh-360.png');
  });
});
