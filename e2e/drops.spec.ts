import { test, expect } from './fixtures.ts';
import type { Page } from '@playwright/test';

const panel = (page: Page) => page.getByRole('region', { name: 'Counters and drops' });
/** The labs load lazily: on a busy machine the first paint of a lab can take longer than 5 s. */
const loaded = (page: Page) => expect(panel(page)).toBeVisible({ timeout: 30_000 });
const counter = (page: Page, nstat: string) =>
  panel(page).getByRole('table').getByRole('rowheader', { name: nstat, exact: true });

test('Fragmentation: the ENOBUFS flush, its 512 drops and the sender’s counters', async ({ page }) => {
  await page.goto('./#/fragment?len=65507&mtu=68');
  await loaded(page);
  await expect(counter(page, 'IpOutDiscards')).toBeVisible();
  await expect(counter(page, 'UdpSndbufErrors')).toBeVisible();
  const drop = panel(page).getByRole('listitem').filter({ hasText: '__ip_flush_pending_frames' });
  await expect(drop).toContainText('512 × NOT_SPECIFIED');
  await expect(drop.getByRole('link', { name: /__ip_flush_pending_frames/ })).toHaveAttribute(
    'href',
    /elixir\.bootlin\.com\/linux\/.+\/source\/net\/ipv4\/ip_output\.c/,
  );
  // drawn where it happens: on the diagram, and as a badge on the step that frees them
  await expect(page.getByRole('note', { name: /flushed/ })).toContainText('NOT_SPECIFIED');
  await expect(page.getByRole('list', { name: 'Kernel steps' }).locator('.drop-badge').first()).toContainText(
    'NOT_SPECIFIED',
  );
});

test('Reassembly: an overlap refused at ip_defrag, IpReasmFails and IpExtReasmOverlaps', async ({ page }) => {
  await page.goto(
    './#/reassemble?len=2992&family=inet&frags=0:1480:1,1400:160:1,1480:1480:1,2960:40:0&order=0,1,2,3',
  );
  await loaded(page);
  await expect(counter(page, 'IpReasmFails')).toBeVisible();
  await expect(counter(page, 'IpExtReasmOverlaps')).toBeVisible();
  await expect(panel(page).getByRole('listitem').filter({ hasText: 'ip_defrag' })).toContainText(
    '1 × NOT_SPECIFIED',
  );
  const where = page.getByRole('list', { name: 'Where the drops happen' });
  await expect(where).toContainText('NOT_SPECIFIED');
  // select the step that drops: the queue diagram names the reason
  const badge = page.locator('ol.rq-steps .step--drop .step-select').first();
  await badge.click();
  await expect(page.getByRole('note', { name: 'Dropped at this step' })).toContainText('NOT_SPECIFIED');
});

test('Reassembly: ipfrag_max_dist from the URL purges a queue (FRAG_TOO_FAR)', async ({ page }) => {
  // queue A gets one fragment, then two fragments of B arrive before A's last: over max-dist=1
  await page.goto(
    './#/reassemble?len=560&family=inet&max-dist=1&frags=0:8:1:id1,8:560:0:id1,0:8:1:id2,8:8:1:id2&order=0,2,3,1',
  );
  await loaded(page);
  await expect(page.getByLabel(/ipfrag_max_dist/)).toHaveValue('1');
  await expect(panel(page).getByRole('listitem').filter({ hasText: 'FRAG_TOO_FAR' })).toBeVisible();
  await expect(counter(page, 'IpReasmFails')).toBeVisible();
});

test('Journey: a full receive queue drops two datagrams (SOCKET_RCVBUFF, UdpRcvbufErrors)', async ({
  page,
}) => {
  await page.goto('./#/journey?len=4000&mtu=1500&family=inet&n=4&rcvbuf=16384&read=end');
  await loaded(page);
  await expect(counter(page, 'UdpRcvbufErrors')).toBeVisible();
  await expect(panel(page).getByRole('listitem').filter({ hasText: 'udp_queue_rcv_one_skb' })).toContainText(
    '2 × SOCKET_RCVBUFF',
  );
  const steps = page.getByRole('list', { name: 'Journey steps' });
  // two stops drop (SOCKET_RCVBUFF, and the fragments chained on each with it)
  await expect(steps.locator('li').filter({ has: page.locator('.drop-badge') })).toHaveCount(2);
  await steps
    .locator('li')
    .filter({ has: page.locator('.drop-badge') })
    .first()
    .getByRole('button')
    .click();
  await expect(page.getByRole('note', { name: 'Dropped here' })).toContainText('SOCKET_RCVBUFF');
});

test('Reassembly in Chinese: a full receive queue, the reasons and counters explained in Chinese', async ({
  page,
}) => {
  // two 4,000-byte datagrams of 6,912 truesize each into sk_rcvbuf 13,823: the second does not fit
  await page.goto(
    './#/reassemble?lang=zh-CN&len=4000&family=inet&frags=0:1480:1,1480:1480:1,2960:1048:0&order=0,1,2,0,1,2&rcvbuf=13823',
  );
  const zh = page.getByRole('region', { name: '计数器与丢弃' });
  await expect(zh).toBeVisible({ timeout: 30_000 });
  const drop = zh.getByRole('listitem').filter({ hasText: 'udp_queue_rcv_one_skb' });
  await expect(drop).toContainText('1 × SOCKET_RCVBUFF');
  await expect(drop).toContainText('套接字的接收队列满了');
  await expect(zh.getByRole('rowheader', { name: 'UdpRcvbufErrors', exact: true })).toBeVisible();
  await expect(zh).toContainText('因套接字接收缓冲区（sk_rcvbuf）已满而被丢弃的数据报');
});

// At 360 px the counters table used to overflow its card: the heads ran together ("CHANGEWHAT IT
// COUNTS") and names broke mid-word (IpOutTransmit|s). A narrow panel lays each counter out as a
// block: it fits, and every counter name is one line.
for (const [lab, url] of [
  ['Fragmentation', './#/fragment?len=4000&mtu=1500'],
  ['Reassembly', './#/reassemble?len=2992&family=inet'],
  ['Journey', './#/journey?len=4000&mtu=1500&family=inet'],
] as const) {
  test(`${lab} at 360 px: the counters table fits its card, names whole`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 900 });
    await page.goto(url);
    await loaded(page);
    const table = panel(page).getByRole('table', { name: /SNMP counters that moved/ });
    await table.scrollIntoViewIfNeeded();
    const fit = await panel(page).evaluate((el) => {
      const box = el.getBoundingClientRect();
      const names = [...el.querySelectorAll('th[scope="row"] code')];
      return {
        overflow: el.scrollWidth - el.clientWidth,
        outside: [...el.querySelectorAll('table, th, td')].filter(
          (c) => c.getBoundingClientRect().right > box.right + 0.5,
        ).length,
        split: names.filter((n) => n.getClientRects().length > 1).map((n) => n.textContent),
        names: names.length,
      };
    });
    expect(fit.names).toBeGreaterThan(3);
    expect(fit).toEqual({ overflow: 0, outside: 0, split: [], names: fit.names });
    // Still a table to a screen reader: its column heads and row heads.
    await expect(table.getByRole('columnheader')).toHaveCount(3);
    await expect(counter(page, 'IpInReceives')).toBeVisible();
  });
}
