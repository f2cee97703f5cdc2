/**
 * Page objects as fixtures, and a console watcher: every spec fails if the page logged an error
 * or threw.
 */
import { test as base, expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

export class FragmentLabPage {
  readonly wireTable: Locator;
  readonly mtu: Locator;
  readonly payloadLength: Locator;
  readonly sendError: Locator;
  readonly steps: Locator;
  readonly skbFields: Locator;
  readonly banner: Locator;

  constructor(readonly page: Page) {
    this.wireTable = page.getByRole('table', { name: /^Wire packets/ });
    this.mtu = page.getByRole('combobox', { name: 'MTU (bytes)' });
    this.payloadLength = page.getByRole('textbox', { name: 'Payload length (bytes)' });
    this.sendError = page
      .getByRole('alert')
      .filter({ has: page.getByRole('heading', { name: 'Send error' }) });
    this.steps = page.getByRole('list', { name: 'Kernel steps' }).getByRole('button');
    this.skbFields = page.getByRole('table', { name: /^sk_buff fields/ });
    this.banner = page.getByRole('status').filter({ hasText: 'showing the last good result' });
  }

  async open(query: string) {
    await this.page.goto(`./#/fragment?${query}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Fragmentation' })).toBeVisible();
    // The results mount a panel per task after the first paint (app/lab-kit/InTurns.tsx): a spec
    // that counts steps or rows at once waits for the last of them.
    await expect(this.page.locator('.lab-results-pending')).toHaveCount(0);
  }

  /** The body rows of the Wire packets table as arrays of cell texts (# first). */
  async wireRows(): Promise<string[][]> {
    const rows = this.wireTable.locator('tbody tr');
    return rows.evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())),
    );
  }

  column(name: string): Promise<number> {
    return this.wireTable
      .locator('thead th')
      .evaluateAll((ths, n) => ths.findIndex((th) => th.textContent?.trim() === n), name);
  }
}

export const test = base.extend<{ lab: FragmentLabPage; consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      await use(errors);
      expect(errors, 'console errors and uncaught exceptions').toEqual([]);
    },
    { auto: true },
  ],
  lab: async ({ page }, use) => {
    await use(new FragmentLabPage(page));
  },
});

export { expect };
