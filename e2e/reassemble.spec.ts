import { test, expect } from './fixtures.ts';
import type { Locator, Page } from '@playwright/test';

/** The issue's example: three fragments at MTU 1500, the last one first. */
const ISSUE = 'len=2992&frags=0:1480:1,1480:1480:1,2960:40:0&order=2,0,1';

async function open(page: Page, query: string) {
  await page.goto(`./#/reassemble?${query}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Reassembly' })).toBeVisible();
}

const cards = (page: Page) => page.getByRole('list', { name: 'Arrival order' }).getByRole('listitem');
const handle = (card: Locator) => card.getByRole('button', { name: /^Reorder arrival/ });
const headline = (page: Page) => page.locator('.rq-headline');

/**
 * A whole-page shot shows the sk_buff panels below the fold, which come when scrolled near
 * (app/components/skb/LazySkbPanel.tsx): scroll each into view, wait for them, then back to the top.
 */
async function withSkbPanels(page: Page) {
  const waiting = page.locator('.skb-panel-waiting');
  while ((await waiting.count()) > 0) {
    await waiting.first().evaluate((el) => el.scrollIntoView());
    await expect(waiting).toHaveCount(0);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}
const arrivals = (page: Page) => page.getByRole('table', { name: 'Arrivals' });
const outcome = (page: Page) => page.getByRole('list', { name: 'Outcome' });
const announcer = (page: Page) => page.getByTestId('rq-announcer');
const order = (page: Page) => new URL(page.url().replace('#/reassemble?', '?')).searchParams.get('order');

/** The Arrivals table's verdict column, top to bottom. */
async function verdicts(page: Page): Promise<string[]> {
  return arrivals(page)
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => (tr.querySelectorAll('td')[6]?.textContent ?? '').trim()));
}

/** Each card's byte range, in arrival order. */
async function ranges(page: Page): Promise<string[]> {
  return cards(page)
    .locator('.rq-card-range')
    .evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()));
}

test.describe('Reassembly lab', () => {
  test('the issue URL loads: three cards, last one first, delivered', async ({ page }) => {
    await open(page, ISSUE);
    await expect.poll(() => ranges(page)).toEqual(['[2,960, 3,000)', '[0, 1,480) MF', '[1,480, 2,960) MF']);
    await expect(arrivals(page).locator('tbody tr')).toHaveCount(3);
    await expect.poll(() => verdicts(page)).toEqual(['queued', 'queued', 'completed → reassembled']);
    await expect(headline(page)).toHaveText('Delivered: recv() returns 2,992 bytes.');
    await expect(outcome(page)).toContainText('ip_frag_reasm');
    await expect(outcome(page).getByRole('link', { name: 'udp_recvmsg()' })).toBeVisible();
    // The reassembled skb chain: the head and two skbs on its frag_list.
    await expect(page.getByText('the head and 2 fragments on its frag_list')).toBeVisible();
    // The diagram the share bar exports.
    await expect(page.locator('svg[data-main-diagram]')).toHaveCount(1);
    // The URL is kept, with the family made explicit.
    await expect(page).toHaveURL(
      /#\/reassemble\?len=2992&family=inet&frags=0:1480:1,1480:1480:1,2960:40:0&order=2,0,1$/,
    );
  });

  test('stepping arrival by arrival redraws the queue: runs and holes', async ({ page }) => {
    await open(page, ISSUE);
    const desc = page.locator('#rq-svg-desc');
    // The last stop is the application's read (udp_recvmsg) after the clock stops.
    await expect(page.getByText('udp_recvmsg, t = 100 of 100 ms')).toBeVisible();
    await page.getByRole('button', { name: '← Previous arrival' }).click();
    await expect(page.getByText('Arrival 3 of 3')).toBeVisible();
    await page.getByRole('button', { name: '← Previous arrival' }).click();
    await expect(page.getByText('Arrival 2 of 3')).toBeVisible();
    await expect(desc).toContainText('2 of 3 fragments have arrived');
    await expect(desc).toContainText('holes 1480–2960');
    await page.getByRole('button', { name: '← Previous arrival' }).click();
    await expect(desc).toContainText('40 of 3000 bytes in 1 run, holes 0–2960');
    await expect(page.getByRole('table', { name: /^Queues after step/ })).toContainText('LAST_IN');
    await page.getByRole('button', { name: 'Next arrival →' }).click();
    await page.getByRole('button', { name: 'Next arrival →' }).click();
    await expect(desc).toContainText('reassembled');
    // The Arrivals table's # jumps to that arrival's step.
    await arrivals(page)
      .getByRole('button', { name: /^Show arrival 1 / })
      .click();
    await expect(page.getByText('Arrival 1 of 3')).toBeVisible();
    await expect(arrivals(page).locator('tr[aria-current="true"]')).toContainText('[2,960, 3,000)');
  });

  test('reorder by dragging a card by its handle', async ({ page }) => {
    // Tall enough that both cards stay in view below the primer (a drag that leaves the window is cancelled).
    await page.setViewportSize({ width: 1280, height: 1400 });
    await open(page, ISSUE);
    const from = handle(cards(page).nth(0));
    const to = cards(page).nth(2);
    // The whole drag inside the viewport (a drag that leaves the window is cancelled).
    await to.scrollIntoViewIfNeeded();
    await from.hover();
    await page.mouse.down();
    const box = await to.boundingBox();
    if (!box) throw new Error('no target card');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 10 });
    await page.mouse.up();
    await expect.poll(() => ranges(page)).toEqual(['[0, 1,480) MF', '[1,480, 2,960) MF', '[2,960, 3,000)']);
    await expect.poll(() => order(page)).toBe('0,1,2');
    await expect(announcer(page)).toHaveText(/\[2,960, 3,000\) moved from position 1 to position 3 of 3/);
    await expect(headline(page)).toHaveText('Delivered: recv() returns 2,992 bytes.');
    // In order, every fragment extends the one run: no new rbtree node after the first.
    await expect.poll(() => verdicts(page)).toEqual(['queued', 'queued', 'completed → reassembled']);
  });

  test('reorder from the keyboard: ↑/↓, Home and End on the handle, focus follows', async ({ page }) => {
    await open(page, ISSUE);
    await handle(cards(page).nth(2)).focus();
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => ranges(page)).toEqual(['[2,960, 3,000)', '[1,480, 2,960) MF', '[0, 1,480) MF']);
    await expect(page.getByRole('button', { name: 'Reorder arrival 2, [1,480, 2,960) MF' })).toBeFocused();
    await expect(announcer(page)).toHaveText(/moved from position 3 to position 2 of 3/);
    await page.keyboard.press('Home');
    await expect(page.getByRole('button', { name: 'Reorder arrival 1, [1,480, 2,960) MF' })).toBeFocused();
    await page.keyboard.press('End');
    await expect(page.getByRole('button', { name: 'Reorder arrival 3, [1,480, 2,960) MF' })).toBeFocused();
    await expect.poll(() => order(page)).toBe('2,0,1');
    // Undo walks the moves back.
    await page.getByRole('button', { name: '↶ Undo' }).click();
    await expect.poll(() => order(page)).toBe('1,2,0');
  });

  test('drop one: not delivered, the queue waits with a hole', async ({ page }) => {
    await open(page, ISSUE);
    await page.getByRole('button', { name: 'Drop arrival 2, [0, 1,480) MF' }).click();
    await expect(cards(page)).toHaveCount(2);
    await expect(page.getByRole('list', { name: 'Lost fragments' })).toContainText('[0, 1,480) MF');
    await expect(headline(page)).toHaveText('Nothing delivered yet: queue #1 is still waiting.');
    await expect(outcome(page)).toContainText('Still waiting');
    await expect(outcome(page)).toContainText('holds 1,520 of 3,000 bytes');
    await expect(page.locator('#rq-svg-desc')).toContainText('holes 0–1480');
    await expect.poll(() => verdicts(page)).toEqual(['queued', 'queued']);
    await expect.poll(() => order(page)).toBe('2,1');
    // Bring it back: it arrives last, and the datagram is delivered again.
    await page.getByRole('button', { name: 'Bring back [0, 1,480) MF' }).click();
    await expect(headline(page)).toHaveText('Delivered: recv() returns 2,992 bytes.');
  });

  test('overlap two on purpose: the whole queue is dropped by inet_frag_queue_insert', async ({ page }) => {
    await open(page, ISSUE);
    await page.getByRole('button', { name: 'Duplicate arrival 2, [0, 1,480) MF' }).click();
    await expect(cards(page)).toHaveCount(4);
    await expect
      .poll(() => verdicts(page))
      .toEqual(['queued', 'queued', 'duplicate: dropped alone', 'completed → reassembled']);
    // Move the copy 8 bytes on: it now overlaps [0, 1480).
    const copy = cards(page).nth(2);
    await copy.getByRole('textbox', { name: 'offset' }).fill('8');
    await expect.poll(async () => (await verdicts(page))[2]).toMatch(/overlap/);
    await expect(outcome(page)).toContainText('Dropped');
    await expect(outcome(page).getByRole('link', { name: 'inet_frag_queue_insert()' })).toBeVisible();
    await expect(outcome(page)).toContainText('IPFRAG_OVERLAP');
    await expect(outcome(page)).toContainText('RFC 5722');
    // The fragment after the drop starts a new queue, which waits: the headline names both.
    await expect(headline(page)).toHaveText(
      'Nothing delivered yet: queue #1 was dropped and queue #2 is still waiting.',
    );
    await expect.poll(() => page.url()).toContain('frags=0:1480:1,1480:1480:1,2960:40:0,8:1480:1');
  });

  test('a bad URL keeps the last good state and says what is wrong', async ({ page }) => {
    await open(page, ISSUE);
    await expect(headline(page)).toHaveText('Delivered: recv() returns 2,992 bytes.');
    await page.evaluate(() => {
      location.hash = '#/reassemble?len=2992&frags=0:1480:1,1480:14x0:1,2960:40:0:banana&order=2,0,1';
    });
    const banner = page.getByRole('status').filter({ hasText: 'showing the last good result' });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('Arrival 3, length: The length is a whole number of bytes.');
    await expect(banner).toContainText('“banana” means nothing here');
    // The result on show is the last good one, marked stale; the bad values wait on their cards.
    await expect(headline(page)).toHaveText('Delivered: recv() returns 2,992 bytes.');
    await expect(page.locator('.rq-outcome-panel')).toHaveClass(/is-stale/);
    await expect(cards(page).nth(2).getByRole('textbox', { name: 'length' })).toHaveValue('14x0');
    await expect(cards(page).nth(2).getByRole('textbox', { name: 'length' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    // An order it cannot read: reported, every fragment once in order.
    await page.evaluate(() => {
      location.hash = '#/reassemble?len=2992&frags=0:1480:1,1480:1480:1,2960:40:0&order=2,zero,1';
    });
    await expect(
      page.getByRole('status').filter({ hasText: 'order=2,zero,1 is not a list of fragment numbers' }),
    ).toBeVisible();
    // Fixing the card brings a fresh result and clears the banner.
    await page.evaluate(() => {
      location.hash = '#/reassemble?len=2992&frags=0:1480:1,1480:1480:1,2960:40:0&order=0,1';
    });
    await expect(page.getByRole('status').filter({ hasText: 'last good' })).toHaveCount(0);
    await expect(headline(page)).toHaveText('Nothing delivered yet: queue #1 is still waiting.');
  });

  test('IPv6: the cards are cut again and ipv6_frag_rcv files them', async ({ page }) => {
    await open(page, ISSUE);
    await page.getByRole('radio', { name: /IPv6/ }).check();
    await expect(page.locator('.lede')).toContainText('ipv6_frag_rcv');
    await expect(page.getByText(/The ipv6_frag_rcv verdict for each fragment/)).toBeVisible();
    await expect.poll(() => ranges(page)).toEqual(['[0, 1,448) MF', '[1,448, 2,896) MF', '[2,896, 3,000)']);
    await expect(headline(page)).toHaveText('Delivered: recv() returns 2,992 bytes.');
    await expect.poll(() => page.url()).toContain('family=inet6');
  });

  test('the timer: expired with ICMP when the first fragment came, without it otherwise', async ({
    page,
  }) => {
    await open(page, ISSUE);
    await page.getByRole('button', { name: 'Lost → timer (ICMP)', exact: true }).click();
    await expect(headline(page)).toHaveText(
      'Nothing delivered: queue #1 expired and ICMP Time Exceeded went back.',
    );
    await expect(outcome(page).getByRole('link', { name: 'ip_expire()' })).toBeVisible();
    await expect(outcome(page)).toContainText('ICMP Time Exceeded (fragment reassembly) at 30,000 ms');
    await page.getByRole('button', { name: 'First lost → timer', exact: true }).click();
    await expect(headline(page)).toHaveText('Nothing delivered: queue #1 expired, no ICMP.');
    await expect(outcome(page)).toContainText('Expired — no ICMP');
  });

  test('too big: a datagram over 65,535 bytes is dropped by ip_frag_reasm', async ({ page }) => {
    await open(page, ISSUE);
    await page.getByRole('button', { name: 'Too big', exact: true }).click();
    await expect(headline(page)).toHaveText('Nothing delivered: queue #1 was dropped.');
    await expect(outcome(page).getByRole('link', { name: 'ip_frag_reasm()' })).toBeVisible();
    await expect(outcome(page)).toContainText('Oversized IP packet');
  });

  test('the worst case, 65,507 bytes at MTU 68: 1,365 cards in pages, still interactive', async ({
    page,
  }) => {
    await open(page, 'len=65507&mtu=68');
    await expect(headline(page)).toHaveText('Delivered: recv() returns 65,507 bytes.');
    const pager = page.getByRole('group', { name: 'Pages of fragment cards' });
    await expect(pager).toContainText('of 1,365');
    await expect(cards(page)).toHaveCount(50);
    await expect(arrivals(page).locator('tbody tr')).toHaveCount(50);
    // End carries the first card to the last place, and the page follows it.
    await handle(cards(page).nth(0)).focus();
    await page.keyboard.press('End');
    await expect(page.getByRole('button', { name: 'Reorder arrival 1365, [0, 48) MF' })).toBeFocused();
    await expect(pager.getByRole('combobox')).toHaveValue('27');
    await expect(headline(page)).toHaveText('Delivered: recv() returns 65,507 bytes.');
    await pager.getByRole('button', { name: '← Previous 50' }).click();
    await expect(cards(page).first()).toHaveAttribute('aria-label', /^arrival 1301,/);
  });
});

/** The Overlap preset's state on the issue's datagram (the copy of the second fragment 8 bytes back). */
const OVERLAP = 'len=2992&frags=0:1480:1,1480:1480:1,2960:40:0,1472:1480:1&order=0,3,1,2';

test.describe('Reassembly lab: the sk_buff panel arrives in place (issue 17)', () => {
  // The panel's chunk is held back until the placeholder has been read and scrolled into the view
  // (a reader flinging past it before the chunk is in): its arrival must move nothing.
  for (const width of [360, 1440])
    for (const query of ['len=2992', 'len=3000&family=inet6', 'len=65507&mtu=76'])
      test(`${width} px, ${query}: the placeholder is the panel's height, no layout shift`, async ({ page }) => {
        await page.setViewportSize({ width, height: 800 });
        let release = () => {};
        const held = new Promise<void>((ok) => (release = ok));
        await page.route(/\/SkbStep-[^/]*\.js$/, async (route) => {
          await held;
          await route.continue();
        });
        await open(page, query);
        const waiting = page.locator('.skb-panel-waiting').first();
        await expect(waiting).toBeAttached();
        await waiting.evaluate((el) => el.scrollIntoView({ block: 'center' }));
        const reserved = await waiting.evaluate((el) => el.getBoundingClientRect().height);
        expect(reserved).toBeGreaterThan(200);
        await page.evaluate(() => {
          const w = window as unknown as { shifted: number };
          w.shifted = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) w.shifted += (e as unknown as { value: number }).value;
          }).observe({ type: 'layout-shift' });
        });
        release();
        const panel = page.locator('.rq-skb .skb-panel').first();
        await expect(panel.locator('.skb-list')).toBeVisible();
        await page.waitForTimeout(300);
        const drawn = await panel.evaluate((el) => el.getBoundingClientRect().height);
        expect(Math.abs(drawn - reserved)).toBeLessThanOrEqual(2);
        expect(await page.evaluate(() => (window as unknown as { shifted: number }).shifted)).toBeLessThan(0.001);
      });
});

test.describe('Reassembly lab: issue 15', () => {
  test('one clock: the queue panel and the outcome state the same stop time', async ({ page }) => {
    await open(page, `${ISSUE}&step=1`);
    const caption = page.locator('.rq-step-caption');
    const title = page.locator('#rq-outcome-title');
    const clockOf = async () => {
      const c = /t = ([\d,]+) of ([\d,]+) ms/.exec((await caption.textContent()) ?? '');
      const o = /t = ([\d,]+) ms/.exec((await title.textContent()) ?? '');
      return { at: c?.[1], stops: c?.[2], outcome: o?.[1] };
    };
    // Step 1 is at t = 0; the clock stops at 100 ms, and both panels say so.
    await expect.poll(clockOf).toEqual({ at: '0', stops: '100', outcome: '100' });
    // The last step (the socket read) is where the clock stops.
    await open(page, ISSUE);
    await expect.poll(clockOf).toEqual({ at: '100', stops: '100', outcome: '100' });
  });

  test('Overlap: the headline names the dropped queue above its Dropped card', async ({ page }) => {
    await open(page, ISSUE);
    await page.getByRole('button', { name: 'Overlap', exact: true }).click();
    const items = outcome(page).locator('.rq-outcome-item');
    await expect(items.first()).toBeVisible();
    // Every queue card says how it ended; the headline says the same of each.
    const cards = await items.locator('.rq-outcome-text').allTextContents();
    const head = (await headline(page).textContent()) ?? '';
    for (const text of cards) {
      const m = /^Queue #(\d+)/.exec(text);
      if (!m) continue;
      if (/thrown away/.test(text)) expect(head).toContain(`queue #${m[1]} was dropped`);
      if (/holds/.test(text)) expect(head).toContain(`queue #${m[1]} is still waiting`);
    }
    expect(head).toContain('was dropped');
  });

  test('a dropped queue: COMPLETE is explained, not read as reassembled', async ({ page }) => {
    await open(page, OVERLAP);
    const table = page.getByRole('table', { name: /^Queues after step/ });
    const killed = table.locator('tbody tr').filter({ hasText: 'dropped' });
    await expect(killed).toHaveCount(1);
    await expect(killed).toContainText('COMPLETE');
    await expect(killed).toContainText('inet_frag_kill sets COMPLETE on every queue it kills');
    await expect(killed).toContainText('not reassembled');
    // A reassembled queue keeps plain COMPLETE.
    await open(page, ISSUE);
    await expect(page.getByRole('table', { name: /^Queues after step/ })).not.toContainText('inet_frag_kill');
  });

  for (const width of [360, 1440])
    test(`the 40-byte fragment is visible and labelled at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await open(page, `${ISSUE}&step=1`);
      const first = page.locator('.rq-svg .rq-arrival').first();
      const box = await first.locator('rect').boundingBox();
      expect(box?.width ?? 0).toBeGreaterThanOrEqual(8);
      // Its label, inside or beside it, names its bytes.
      await expect(first.locator('text')).toContainText([/#1/, /2,960|40 B/]);
      const label = await first.locator('text.rq-bar-text').boundingBox();
      const svg = await page.locator('.rq-svg').boundingBox();
      expect(label && svg && label.x >= svg.x && label.x + label.width <= svg.x + svg.width).toBe(true);
    });

  // The lab's own skip links (the kit's SkipLinks) end the intro, ahead of the primer and its term
  // buttons: from the main content they are the first stops after the share bar.
  test('keyboard: the queue stepper is a handful of Tabs away (skip links)', async ({ page }) => {
    await open(page, ISSUE);
    let tabs = 0;
    const tab = async () => {
      tabs++;
      await page.keyboard.press('Tab');
    };
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    await tab();
    await expect.poll(focused).toBe('Skip to content');
    await page.keyboard.press('Enter');
    while ((await focused()) !== 'Skip to the queue stepper' && tabs < 20) await tab();
    await expect(page.getByRole('link', { name: 'Skip to the queue stepper' })).toBeFocused();
    expect(tabs, 'Tabs to the lab’s skip link').toBeLessThanOrEqual(10);
    // The link shows where it is while focused (it sits off screen otherwise).
    await expect(page.getByRole('link', { name: 'Skip to the queue stepper' })).toBeInViewport();
    await page.keyboard.press('Enter');
    await tab();
    await expect(page.getByRole('button', { name: '← Previous arrival' })).toBeFocused();
    expect(tabs).toBeLessThanOrEqual(12);
    // The stepper works from there.
    await page.keyboard.press('Enter');
    await expect(page.getByText('Arrival 3 of 3')).toBeVisible();
  });

  test("keyboard: a card's buttons are one Tab stop, arrows move inside", async ({ page }) => {
    await open(page, ISSUE);
    const second = cards(page).nth(1);
    await handle(second).focus();
    await page.keyboard.press('Tab');
    await expect(second.getByRole('button', { name: /^Move arrival 2, .* up$/ })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(second.getByRole('button', { name: /^Move arrival 2, .* down$/ })).toBeFocused();
    await page.keyboard.press('End');
    await expect(second.getByRole('button', { name: /^Drop arrival 2/ })).toBeFocused();
    // Tab leaves the toolbar: the next stop is the card's first input.
    await page.keyboard.press('Tab');
    await expect(second.getByRole('textbox', { name: 'offset' })).toBeFocused();
    await expect(second.getByRole('toolbar')).toHaveCount(1);
    expect(await second.getByRole('toolbar').locator('button[tabindex="0"]').count()).toBe(1);
  });
});

test.describe('Reassembly lab in Chinese (issue 13)', () => {
  test('?lang=zh-CN: title, inputs, a step, the result', async ({ page }) => {
    await page.goto(`./#/reassemble?${ISSUE}&lang=zh-CN`);
    await expect(page.getByRole('heading', { level: 1, name: 'IP 重组' })).toBeVisible();
    await expect(page.getByLabel('UDP 载荷长度（字节）')).toHaveValue('2992');
    await expect(page.getByRole('heading', { name: '重组队列，一个分片接一个分片' })).toBeVisible();
    await expect(page.locator('.rq-step-group').first()).toHaveText('第 1 个到达：[2,960, 3,000)');
    await expect(headline(page)).toHaveText('已交付：recv() 返回 2,992 字节。');
    await expect(page.locator('.rq-verdict').first()).toHaveText('已入队');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  });

  test('the kernel’s verdicts and reasons are Chinese, on screen and in print', async ({ page }) => {
    // A duplicate of the first fragment: IPFRAG_DUP, only that skb dropped; then reassembled.
    await page.goto('./#/reassemble?len=2992&frags=0:1480:1,1480:1480:1,2960:40:0&order=0,0,1,2&lang=zh-CN');
    await expect(page.locator('.rq-verdict').nth(1)).toHaveText('重复：只丢弃这一片');
    const dup = page.getByText(/IPFRAG_DUP：.*只丢弃这一个 skb（DUP_FRAG）/).first();
    await expect(dup).toBeAttached();
    await expect(
      page.getByText(/queued ones as consumed|only this skb is dropped|waiting for the/),
    ).toHaveCount(0);
    await page.emulateMedia({ media: 'print' });
    const printed = await page.locator('main').innerText();
    expect(printed).toMatch(/已插入：|到齐了|拼接成一个数据报/);
    expect(printed).not.toMatch(/inserted: |fragments joined|waiting for /);
  });

  test('a full-width number typed with a Chinese IME is accepted', async ({ page }) => {
    await page.goto(`./#/reassemble?${ISSUE}&lang=zh-CN`);
    await page.getByLabel('UDP 载荷长度（字节）').fill('４０００');
    await expect(headline(page)).toHaveText('已交付：recv() 返回 4,000 字节。');
    await expect(page.getByRole('status').filter({ hasText: '载荷' })).toHaveCount(0);
    await expect(page.getByRole('list', { name: '到达顺序' }).getByRole('listitem')).toHaveCount(3);
  });

  for (const width of [1440, 360])
    test(`screenshot, zh-CN, ${width} px`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
      await page.setViewportSize({ width, height: width === 360 ? 800 : 1100 });
      await page.goto(`./#/reassemble?${ISSUE}&lang=zh-CN`);
      await expect(headline(page)).toHaveText('已交付：recv() 返回 2,992 字节。');
      if (width === 360) {
        // As the English 360 px shots: the top, then the queue panel, in the viewport.
        await expect(page).toHaveScreenshot('reassemble-zh-360-top.png');
        await page.evaluate(() => document.getElementById('rq-queue-title')?.scrollIntoView());
        await expect(page).toHaveScreenshot('reassemble-zh-360-queue.png');
        return;
      }
      await withSkbPanels(page);
      await expect(page).toHaveScreenshot(`reassemble-zh-${width}.png`, {
        fullPage: true,
        mask: [page.locator('.rq-lab .trace')],
      });
    });
});

test.describe('Reassembly lab embedded (issue 16)', () => {
  const PRESETS = [
    'In order',
    'Reversed',
    'One lost',
    'Lost → timer (ICMP)',
    'First lost → timer',
    'Duplicate',
    'Overlap',
    'Last one late',
    'Too big',
  ];
  test('at an 860 px column: diagram ≤ 700 px, compact ≤ 1,200 px, for every preset', async ({ page }) => {
    test.setTimeout(120_000);
    // A short viewport, so scrollHeight is the content's height, not the window's.
    await page.setViewportSize({ width: 860, height: 300 });
    // Each preset's state, read from the full page's URL after clicking its chip.
    const queries: string[] = [];
    for (const name of PRESETS) {
      await open(page, ISSUE);
      await page.getByRole('button', { name, exact: true }).click();
      await expect.poll(() => page.url()).not.toContain('order=2,0,1&');
      queries.push(page.url().split('#/reassemble?')[1] ?? '');
    }
    const heights: Record<string, number[]> = { diagram: [], compact: [] };
    for (const view of ['diagram', 'compact'] as const)
      for (const q of queries) {
        await page.goto(`./#/reassemble?${q}&embed=1&view=${view}`);
        await expect(page.locator('svg[data-main-diagram]')).toBeVisible();
        heights[view]?.push(await page.evaluate(() => document.documentElement.scrollHeight));
      }
    test.info().annotations.push({ type: 'heights', description: JSON.stringify(heights) });
    console.log(`reassemble embed heights at 860 px: ${JSON.stringify(heights)}`);
    expect(Math.max(...(heights.diagram ?? [Infinity]))).toBeLessThanOrEqual(700);
    expect(Math.max(...(heights.compact ?? [Infinity]))).toBeLessThanOrEqual(1200);
  });

  test('the diagram view is alive: stepping redraws, controls= shows the inputs asked for', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 860, height: 700 });
    await page.goto(`./#/reassemble?${ISSUE}&embed=1&view=diagram&controls=len`);
    await expect(page.getByRole('textbox', { name: 'UDP payload length (bytes)' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'MTU (bytes)' })).toHaveCount(0);
    await expect(page.getByRole('table')).toHaveCount(0);
    await page.getByRole('button', { name: '← Previous arrival' }).click();
    await expect(page.getByText('Arrival 3 of 3')).toBeVisible();
    await page.getByRole('textbox', { name: 'UDP payload length (bytes)' }).fill('4000');
    await expect(page.locator('#rq-svg-desc')).toContainText('of 4008 bytes');
  });
});

// The trace's wording belongs to the core and evolves with it: the screenshots mask the step list.
test.describe('Reassembly lab screenshots', () => {
  const steps = (page: Page) => [page.getByRole('region', { name: 'Through the kernel' })];

  for (const scheme of ['light', 'dark'] as const)
    test(`1440 px, ${scheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await page.setViewportSize({ width: 1440, height: 1100 });
      await open(page, ISSUE);
      await expect(headline(page)).toHaveText('Delivered: recv() returns 2,992 bytes.');
      await withSkbPanels(page);
      await expect(page).toHaveScreenshot(`reassemble-1440-${scheme}.png`, {
        fullPage: true,
        mask: steps(page),
      });
    });

  test('360 px, light', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await page.setViewportSize({ width: 360, height: 800 });
    await open(page, ISSUE);
    await expect(page).toHaveScreenshot('reassemble-360-top.png');
    await page.evaluate(() => document.getElementById('rq-cards-title')?.scrollIntoView());
    await expect(page).toHaveScreenshot('reassemble-360-cards.png');
    await page.evaluate(() => document.getElementById('rq-queue-title')?.scrollIntoView());
    await expect(page).toHaveScreenshot('reassemble-360-queue.png');
  });
});
