/**
 * A student's first hour (issue 14): the home page as a path through the six labs, each lab's
 * primer ("What you are looking at", kept closed once closed, left out of the diagram embed), and
 * the glossary popovers in every lab — by hover and by keyboard, axe-clean while one is open.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

/** The six labs in the course order the home page suggests, with a term each shows outside the primer. */
/** The primer's stored choice for a lab (app/lab-kit/primer.tsx, primerStorageKey): 'closed', 'open' or null. */
const storedPrimer = (page: Page, path: string) =>
  page.evaluate((p) => localStorage.getItem(`sockscope:primer:${p}`), path);

const LABS: { path: string; heading: string; query: string; term: string; plain: RegExp }[] = [
  {
    path: 'socket',
    heading: 'Socket creation',
    query: 'domain=AF_INET&type=SOCK_DGRAM&protocol=0&priv=root',
    term: 'inetsw',
    plain: /table/i,
  },
  { path: 'skb', heading: 'sk_buff', query: '', term: 'headroom', plain: /free space|room/i },
  {
    path: 'fragment',
    heading: 'Fragmentation',
    query: 'len=4000&mtu=1500&family=inet&sock=udp&pmtu=want',
    term: 'maxfraglen',
    plain: /fragment/i,
  },
  {
    path: 'reassemble',
    heading: 'Reassembly',
    query: 'len=2992&frags=0:1480:1,1480:1480:1,2960:40:0&order=2,0,1',
    term: 'meat',
    plain: /bytes of the datagram/i,
  },
  {
    path: 'journey',
    heading: 'Journey of a datagram',
    query: 'len=4000&mtu=1500&family=inet',
    term: 'sk_rmem_alloc',
    plain: /receive/i,
  },
  {
    path: 'netlink',
    heading: 'Netlink',
    query: 'sample=getlink-dump&family=route',
    term: 'nlmsg_len',
    plain: /length|long/i,
  },
];

const open = async (page: Page, path: string, query: string) => {
  await page.goto(`./#/${path}${query ? `?${query}` : ''}`);
  // A lab's chunk can take a while on a busy machine (the Netlink lab's is the largest).
  await expect(page.locator('.lab-intro h1')).toBeVisible({ timeout: 30_000 });
};

/** A term button outside the primer (in the lab's own tables, summaries and legends). */
const labTerm = (page: Page, term: string) =>
  page
    .locator('.lab > :not(.lab-primer)')
    .locator('button.term-button')
    .filter({ hasText: new RegExp(`^${term}(\\[|$)`) })
    .first();

test.describe('the home page', () => {
  test('the six labs as a path in course order, each linked, a live picture each, the kernel version', async ({
    page,
  }) => {
    await page.goto('./#/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const cards = page.locator('ol.home-path > li.home-card');
    await expect(cards).toHaveCount(6);
    expect(await cards.evaluateAll((li) => li.map((l) => l.getAttribute('data-lab')))).toEqual(
      LABS.map((l) => l.path),
    );
    // Each card: its step number, a question, and a live picture the core drew (not an empty box).
    for (const [i, lab] of LABS.entries()) {
      const card = cards.nth(i);
      await expect(card.locator('.home-step')).toContainText(String(i + 1));
      await expect(card.locator('.home-q')).not.toBeEmpty();
      const pic = card.locator('svg[data-home-picture]');
      await expect(pic).toBeVisible();
      expect(await pic.locator('rect, path, text').count(), lab.path).toBeGreaterThan(2);
      await expect(card.locator('figcaption')).not.toBeEmpty();
    }
    await expect(page.locator('[data-kernel-version]')).toHaveAttribute('data-kernel-version', /^v6\.\d+$/);
    const version = await page.locator('[data-kernel-version]').getAttribute('data-kernel-version');
    await expect(page.locator('.home-exact')).toContainText(version!);
    // `/` stays on the home page (no silent redirect to a lab).
    await expect(page).toHaveURL(/#\/$|\/$/);
  });

  for (const lab of LABS)
    test(`the card links to the ${lab.path} lab`, async ({ page }) => {
      await page.goto('./#/');
      await page.locator(`li.home-card[data-lab="${lab.path}"] a.home-card-link`).click();
      await expect(page).toHaveURL(new RegExp(`#/${lab.path}(\\?|$)`));
      await expect(page.locator('.lab-intro h1')).toHaveText(new RegExp(`^${lab.heading}`));
    });

  test('in Chinese, with the same path and the pictures', async ({ page }) => {
    await page.goto('./#/?lang=zh-CN');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    const cards = page.locator('ol.home-path > li.home-card');
    await expect(cards).toHaveCount(6);
    await expect(page.locator('.home-hero h1')).toHaveText(/[\u4e00-\u9fff]/);
    await expect(cards.first().locator('.home-q')).toHaveText(/[\u4e00-\u9fff]/);
    await expect(cards.first().locator('svg[data-home-picture]')).toBeVisible();
    await expect(page.locator('.home-exact')).toContainText('v6.');
  });

  test('is axe-clean, light and dark', async ({ page }) => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('./#/');
      await expect(page.locator('ol.home-path svg[data-home-picture]')).toHaveCount(6);
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => `${scheme} ${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
    }
  });
});

test.describe('the lab intro', () => {
  test('a kernel name in the eyebrow or a panel title keeps its case (they are capitals), in every lab', async ({
    page,
  }) => {
    let withCode = 0;
    for (const lab of LABS) {
      await open(page, lab.path, lab.query);
      const codes = page.locator('.lab-intro .eyebrow code, .panel-title code');
      for (const code of await codes.all()) {
        withCode++;
        const source = (await code.textContent()) ?? '';
        expect(await code.evaluate((el) => (el as HTMLElement).innerText), lab.path).toBe(source);
      }
    }
    // Socket, Netlink and sk_buff name a kernel file there.
    expect(withCode).toBeGreaterThanOrEqual(3);
  });
});

test.describe('the primer', () => {
  for (const lab of LABS.filter((l) => l.path !== 'journey'))
    test(`${lab.path}: open on a first visit, closed stays closed across a reload, not in view=diagram`, async ({
      page,
    }) => {
      await open(page, lab.path, lab.query);
      const primer = page.locator('details.lab-primer');
      await expect(primer).toHaveCount(1);
      await expect(primer).toHaveAttribute('open', '');
      await expect(primer.locator('summary')).toContainText('What you are looking at');
      await expect(primer.locator('.lab-primer-what')).toBeVisible();
      await expect(primer.locator('.lab-primer-try')).toContainText('What to try first');
      // Right after the title, before the diagram and the inputs.
      const order = await page.evaluate(() => {
        const kids = [...document.querySelector('.lab')!.children];
        return kids.map((k) => (k.getAttribute('class') ?? '').split(' ')[0]);
      });
      expect(order.indexOf('lab-primer')).toBe(order.indexOf('lab-intro') + 1);

      // Closed by the keyboard (its summary), and still closed after a reload.
      await primer.locator('summary').focus();
      await page.keyboard.press('Enter');
      await expect(primer).not.toHaveAttribute('open', '');
      await expect(primer.locator('.lab-primer-what')).toBeHidden();
      // The choice is stored by the toggle event, a task after the attribute changes: reload after it.
      const stored = () => storedPrimer(page, lab.path);
      await expect.poll(stored).toBe('closed');
      await page.reload();
      await expect(page.locator('.lab-intro h1')).toBeVisible();
      await expect(page.locator('details.lab-primer')).not.toHaveAttribute('open', '');
      // Open again: open after the next reload too.
      await page.locator('details.lab-primer summary').click();
      await expect.poll(stored).toBeNull();
      await page.reload();
      await expect(page.locator('details.lab-primer')).toHaveAttribute('open', '');

      // Embeds: not in the diagram view nor the compact one.
      for (const view of ['diagram', 'compact']) {
        await page.goto(`./#/${lab.path}?${lab.query ? `${lab.query}&` : ''}embed=1&view=${view}`);
        await expect(page.locator('.lab h1')).toBeAttached();
        await expect(page.locator('.lab-primer')).toHaveCount(0);
      }
    });

  // The Journey's drawing needs the first screen: its primer starts as its summary line (the step
  // captions say the same in context); opened, it stays open; closed again, it stays closed.
  test('journey: folded on a first visit, opened stays open across a reload, closed stays closed', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await open(page, 'journey', 'len=4000&mtu=1500&family=inet');
    const primer = page.locator('details.lab-primer');
    await expect(primer).toHaveCount(1);
    await expect(primer).not.toHaveAttribute('open', '');
    await expect(primer.locator('summary')).toContainText('What you are looking at');
    await expect(primer.locator('summary')).toContainText('from program to program');
    // The toggle event, which keeps the choice, comes a task after the click: reload once it is kept.
    await primer.locator('summary').click();
    await expect(primer.locator('.lab-primer-what')).toBeVisible();
    await expect.poll(() => storedPrimer(page, 'journey')).toBe('open');
    await page.reload();
    await expect(page.locator('details.lab-primer')).toHaveAttribute('open', '');
    await page.locator('details.lab-primer summary').click();
    await expect.poll(() => storedPrimer(page, 'journey')).toBe('closed');
    await page.reload();
    await expect(page.locator('.lab-intro h1')).toBeVisible();
    await expect(page.locator('details.lab-primer')).not.toHaveAttribute('open', '');
  });

  test('"Load this case" loads the case into the lab', async ({ page, lab }) => {
    await lab.open('len=4000&mtu=1500');
    expect(await lab.wireRows()).toHaveLength(3);
    await page.getByRole('link', { name: 'Load this case' }).click();
    await expect(page).toHaveURL(/len=1473/);
    // 1,473 + 8 + 20 = 1,501 > 1,500: two packets on the wire.
    await expect.poll(async () => (await lab.wireRows()).length).toBe(2);
  });

  test('"Load this case" keeps the page language', async ({ page }) => {
    await open(page, 'fragment', 'len=4000&mtu=1500&lang=zh-CN');
    const load = page.locator('a.lab-primer-load');
    await expect(load).toHaveText('载入这个例子');
    await load.click();
    await expect(page).toHaveURL(/len=1473/);
    await expect(page).toHaveURL(/lang=zh-CN/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  });

  test('in Chinese: the words a Chinese networking teacher uses, terms linked', async ({ page }) => {
    await open(page, 'fragment', 'lang=zh-CN');
    const primer = page.locator('details.lab-primer');
    await expect(primer.locator('summary')).toContainText('你在看什么');
    await expect(primer.locator('.lab-primer-what')).toContainText('数据报');
    await expect(primer.locator('.lab-primer-what')).toContainText('首部');
    await expect(primer.locator('.lab-primer-terms button.term-button')).toHaveText(['MTU', '分片']);
  });

  test('at 1,440 × 900 the main diagram is in view with the primer as it starts, in all six labs', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    for (const lab of LABS) {
      await open(page, lab.path, lab.query);
      // open on a first visit; the Journey's starts folded (its drawing needs the first screen)
      if (lab.path === 'journey')
        await expect(page.locator('details.lab-primer')).not.toHaveAttribute('open', '');
      else await expect(page.locator('details.lab-primer')).toHaveAttribute('open', '');
      const diagram = page.locator('main [data-main-diagram]').first();
      await expect(diagram, lab.path).toBeVisible();
      const box = (await diagram.boundingBox())!;
      expect(await page.evaluate(() => window.scrollY), lab.path).toBe(0);
      // Its top band in view.
      const band = Math.min(120, box.height);
      expect(box.y + band, `${lab.path}: the diagram's top at ${Math.round(box.y)} px`).toBeLessThanOrEqual(
        900,
      );
      if (lab.path !== 'journey') continue;
      // The Journey, the centrepiece: its drawing starts in the first half of the screen and
      // nearly all of it is in view (its rows fit the room left), with Play and the step's caption beside it.
      expect(box.y, 'journey: the drawing starts in the upper part of the screen').toBeLessThan(540);
      // The drawing is fitted to the room below its top in the frame after it first shows
      // (useViewportFit): polled, as one frame of it at its natural height is not the fitted page.
      await expect
        .poll(async () => {
          const b = (await diagram.boundingBox())!;
          return (Math.min(900, b.y + b.height) - b.y) / b.height;
        }, 'journey: the share of the drawing in view')
        .toBeGreaterThanOrEqual(0.9);
      for (const el of [page.getByRole('button', { name: 'Play' }), page.locator('.journey-caption')]) {
        const b = (await el.boundingBox())!;
        expect(b.y + b.height, 'journey: Play and the caption in the first screen').toBeLessThanOrEqual(900);
      }
    }
  });

  /** At 360 px: the primer one line, then the diagram, the inputs after it. */
  const diagramAfterTitle = async (page: Page, lab: (typeof LABS)[number]) => {
    await open(page, lab.path, lab.query);
    const primer = page.locator('details.lab-primer');
    // Collapsed to its summary line on a phone (not stored: a wide screen opens it again).
    await expect(primer, lab.path).not.toHaveAttribute('open', '');
    const p = (await primer.boundingBox())!;
    expect(p.height, `${lab.path}: the primer's height`).toBeLessThanOrEqual(110);
    const h1 = (await page.locator('.lab-intro h1').boundingBox())!;
    const diagram = (await page.locator('main [data-main-diagram]').first().boundingBox())!;
    expect(p.y, lab.path).toBeGreaterThan(h1.y);
    expect(diagram.y, `${lab.path}: the diagram after the primer`).toBeGreaterThan(p.y + p.height);
    // Nothing of the inputs comes between the title and the diagram.
    const inputs = await page.locator('.lab-inputs').boundingBox();
    if (inputs) expect(inputs.y, `${lab.path}: the inputs below the diagram`).toBeGreaterThan(diagram.y);
    const stored = await storedPrimer(page, lab.path);
    expect(stored, lab.path).toBeNull();
  };

  test('at 360 px the primer is one line and the diagram comes right after the title', async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: 360, height: 740 });
    for (const lab of LABS.filter((l) => l.path !== 'journey')) await diagramAfterTitle(page, lab);
    // Opened on a phone, it opens.
    await page.locator('details.lab-primer > summary').click();
    await expect(page.locator('details.lab-primer')).toHaveAttribute('open', '');
  });

  // The Journey too, now that its stage is the kit's diagram slot (full width, inputs below it).
  test("at 360 px the Journey's diagram comes right after the title", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await diagramAfterTitle(
      page,
      LABS.find((l) => l.path === 'journey')!,
    );
  });
});

test.describe('glossary popovers in every lab', () => {
  for (const lab of LABS) {
    test(`${lab.path}: ${lab.term} by hover, and by keyboard (Enter, Escape, focus back)`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: 1440, height: 900 });
      await open(page, lab.path, lab.query);
      const term = labTerm(page, lab.term);
      await term.scrollIntoViewIfNeeded();
      await expect(term).toBeVisible();

      // Hover: opens after a short rest, shows the plain words, the kernel detail and a source link.
      await term.hover();
      const pop = page.getByRole('group', { name: `Glossary: ${lab.term}` });
      await expect(pop).toBeVisible();
      await expect(term).toHaveAttribute('aria-expanded', 'true');
      await expect(pop.locator('.term-pop-plain')).toHaveText(lab.plain);
      await expect(pop.locator('.term-pop-detail')).not.toBeEmpty();
      await expect(pop.getByRole('link').first()).toHaveAttribute(
        'href',
        /^https:\/\/elixir\.bootlin\.com\/linux\/v6\./,
      );
      const b = (await pop.boundingBox())!;
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(1440);
      await page.mouse.move(2, 2);
      await expect(pop).toBeHidden();

      // Keyboard: Enter pins it, Escape closes it and focus stays on the term.
      await term.focus();
      await page.keyboard.press('Escape'); // a popover a focus opened: closed first
      await expect(term).toHaveAttribute('aria-expanded', 'false');
      await page.keyboard.press('Enter');
      await expect(pop).toBeVisible();
      await expect(term).toHaveAttribute('aria-expanded', 'true');
      // Tab goes into the popover (its close button, its links), Escape brings focus back.
      await page.keyboard.press('Tab');
      expect(await pop.evaluate((p) => p.contains(document.activeElement))).toBe(true);
      await page.keyboard.press('Escape');
      await expect(pop).toBeHidden();
      await expect(term).toBeFocused();
    });

    test(`${lab.path}: axe-clean with a popover open`, async ({ page }) => {
      // axe over the Netlink lab's whole DOM takes tens of seconds on a busy 2-core machine (as in a11y.spec).
      test.setTimeout(120_000);
      await page.setViewportSize({ width: 1440, height: 900 });
      await open(page, lab.path, lab.query);
      const term = labTerm(page, lab.term);
      await term.scrollIntoViewIfNeeded();
      await term.click();
      await expect(page.getByRole('group', { name: `Glossary: ${lab.term}` })).toBeVisible();
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual(
        [],
      );
    });
  }

  test('the primer links its terms too, in both languages', async ({ page }) => {
    await open(page, 'skb', '');
    const primer = page.locator('details.lab-primer');
    await primer
      .locator('button.term-button', { hasText: /^headroom$/ })
      .first()
      .click();
    await expect(page.getByRole('group', { name: 'Glossary: headroom' })).toBeVisible();
    await page.keyboard.press('Escape');
    await open(page, 'skb', 'lang=zh-CN');
    await page.locator('details.lab-primer button.term-button', { hasText: /^头部空间$/ }).click();
    const pop = page.getByRole('group', { name: /headroom/ });
    await expect(pop.locator('.term-pop-plain')).toHaveText(/[\u4e00-\u9fff]/);
  });
});
