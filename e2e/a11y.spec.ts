/**
 * axe-core in every lab: light and dark, 360 and 1,440 px, standalone and embedded, on the default
 * state and on one error state each (a bad URL value or an errno case); and on the pages that are
 * not labs (home, capture: empty, with a capture, a comparison, a file that is no capture), a lab
 * in challenge mode (a question, and a wrong answer checked), an open glossary popover and a
 * focused skip link. Any violation, of any impact, fails. One page load per combination; the
 * combinations run as parallel tests.
 */
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

// One axe pass over a large page takes seconds, more when the machine is shared.
test.describe.configure({ timeout: 120_000 });
/** A lab's or a page's code loads lazily: on a busy machine that takes longer than 5 s. */
const LOADED = { timeout: 30_000 };

async function expectNoViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const summary = violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 6)
        .join(' | ')}`,
  );
  expect(summary).toEqual([]);
}

const LABS: { path: string; heading: string; ok: string; error: string }[] = [
  {
    path: 'socket',
    heading: 'Socket creation',
    ok: 'domain=AF_INET&type=SOCK_DGRAM&protocol=0&priv=root',
    error: 'domain=AF_BANANA&type=SOCK_DGRAM&protocol=0&priv=admin&op=connect',
  },
  { path: 'netlink', heading: 'Netlink', ok: '', error: 'hex=123&family=route' },
  { path: 'skb', heading: 'sk_buff', ok: '', error: 'alloc=128&ops=put:200' },
  {
    path: 'fragment',
    heading: 'Fragmentation',
    ok: 'len=4000&mtu=1500&family=inet&sock=udp&pmtu=want',
    error: 'len=4000&mtu=20&family=inet&sock=udp&pmtu=want',
  },
  {
    path: 'reassemble',
    heading: 'Reassembly',
    ok: 'len=2992&frags=0:1480:1,1480:1480:1,2960:40:0&order=2,0,1',
    error: 'len=abc&frags=0:1480:1',
  },
  {
    path: 'journey',
    heading: 'Journey',
    ok: 'len=4000&mtu=1500&family=inet',
    error: 'len=4000&mtu=1500&family=inet&fault=lose&frag=2&step=100',
  },
];

for (const lab of LABS) {
  for (const state of ['ok', 'error'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      for (const width of [360, 1440]) {
        for (const embed of [false, true]) {
          const name = `${lab.path} ${state} ${scheme} ${width}px${embed ? ' embed' : ''}: no axe violations`;
          test(name, async ({ page }) => {
            await page.emulateMedia({ colorScheme: scheme });
            await page.setViewportSize({ width, height: 900 });
            const query = [lab[state], embed ? 'embed=1' : ''].filter(Boolean).join('&');
            await page.goto(`./#/${lab.path}${query ? `?${query}` : ''}`);
            // The lab itself, not the HTML's first screen (aria-hidden, inert) nor the loading preview, both
            // of which draw the same h1 before the app has mounted the lab: axe would check a page mid-way.
            await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible(LOADED);
            await expect(page.locator('#boot, .lab-loading')).toHaveCount(0, LOADED);
            await expectNoViolations(page);
          });
        }
      }
    }
  }
}

const fixture = (name: string) => fileURLToPath(new URL(`../core/pcap/fixtures/${name}`, import.meta.url));

async function openCapture(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  await page.goto('./#/capture');
  await expect(page.getByRole('heading', { level: 1, name: 'Open a capture' })).toBeVisible(LOADED);
  await page.locator('.capture-page input[type=file]').setInputFiles(file);
}

/** The states beyond the labs' default and error ones: each is set up, then checked by axe. */
const PAGES: { name: string; setUp: (page: Page) => Promise<void> }[] = [
  {
    name: 'home page',
    setUp: async (page) => {
      await page.goto('./#/');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible(LOADED);
      await expect(page.getByRole('heading', { name: 'Six labs, one path' })).toBeVisible();
    },
  },
  {
    name: 'capture page, empty',
    setUp: async (page) => {
      await page.goto('./#/capture');
      await expect(page.getByRole('heading', { level: 1, name: 'Open a capture' })).toBeVisible(LOADED);
    },
  },
  {
    name: 'capture page with fragments, comparison open',
    setUp: async (page) => {
      await openCapture(page, fixture('sendto-lo.pcap'));
      await expect(page.getByRole('heading', { name: 'Fragment groups' })).toBeVisible(LOADED);
      await expect(page.getByRole('heading', { name: 'Packets' })).toBeVisible();
      await page
        .getByRole('button', { name: /^Compare group/ })
        .first()
        .click();
      await expect(page.getByText(/^Each wire packet: the captured value/)).toBeVisible();
    },
  },
  {
    name: 'capture page with netlink frames',
    setUp: async (page) => {
      await openCapture(page, fixture('netlink.pcap'));
      await expect(page.getByRole('heading', { name: 'Netlink frames' })).toBeVisible(LOADED);
    },
  },
  {
    name: 'capture page, a file that is no capture',
    setUp: async (page) => {
      await openCapture(page, {
        name: 'notes.pcap',
        mimeType: 'application/octet-stream',
        buffer: Buffer.from('these are lecture notes, not packets\n'.repeat(4)),
      });
      // Not refused outright: read as far as it goes, with an error finding that says why.
      await expect(page.locator('.capture-finding--error').first()).toBeVisible(LOADED);
    },
  },
  {
    name: 'challenge mode, a question',
    setUp: async (page) => {
      await page.goto('./#/fragment?challenge=1');
      await expect(page.getByRole('heading', { level: 1, name: 'Fragmentation' })).toBeVisible(LOADED);
      await expect(page.getByText(/^Question 1 of/)).toBeVisible(LOADED);
    },
  },
  {
    name: 'challenge mode, a wrong answer checked',
    setUp: async (page) => {
      await page.goto('./#/fragment?challenge=1');
      await expect(page.getByText(/^Question 1 of/)).toBeVisible(LOADED);
      await page.getByRole('textbox', { name: 'Your answer' }).fill('999');
      await page.getByRole('button', { name: 'Check' }).click();
      await expect(page.getByText(/^Not quite:/)).toBeVisible();
    },
  },
  {
    name: 'an open glossary popover',
    setUp: async (page) => {
      await page.goto('./#/fragment');
      await expect(page.getByRole('heading', { level: 1, name: 'Fragmentation' })).toBeVisible(LOADED);
      // The first term on screen (at 360 px the primer starts folded: its terms are hidden).
      const term = page.locator('.term-button:visible').first();
      await term.click();
      await expect(term).toHaveAttribute('aria-expanded', 'true');
      await expect(page.locator('.term-pop[data-placed=yes]')).toBeVisible();
    },
  },
  {
    name: 'a path that names no lab',
    setUp: async (page) => {
      await page.goto('./#/reassembly');
      await expect(page.getByRole('heading', { level: 1, name: /reassembly/ })).toBeVisible(LOADED);
    },
  },
  {
    name: 'a focused skip link',
    setUp: async (page) => {
      await page.goto('./#/reassemble');
      await expect(page.getByRole('heading', { level: 1, name: 'Reassembly' })).toBeVisible(LOADED);
      await page.keyboard.press('Tab');
      await expect(page.locator('.skip-link').first()).toBeFocused();
    },
  },
];

for (const p of PAGES) {
  for (const scheme of ['light', 'dark'] as const) {
    for (const width of [360, 1440]) {
      test(`${p.name} ${scheme} ${width}px: no axe violations`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize({ width, height: 900 });
        await p.setUp(page);
        await expectNoViolations(page);
      });
    }
  }
}
