import AxeBuilder from '@axe-core/playwright';
import { expect, test as base } from './fixtures.ts';
import type { Locator, Page } from '@playwright/test';

/** The Netlink lab as a person sees it: samples, the hex editor, the layout, the byte grid, the tables. */
class NetlinkLabPage {
  readonly hex: Locator;
  readonly diagram: Locator;
  readonly grid: Locator;
  readonly messages: Locator;
  readonly summary: Locator;

  constructor(readonly page: Page) {
    this.hex = page.getByRole('textbox', { name: 'Bytes (hex)' });
    this.diagram = page.locator('svg[data-main-diagram]');
    this.grid = page.getByRole('group', { name: /^Bytes in memory order/ });
    this.messages = page.getByRole('table', { name: /^Messages in the buffer/ });
    this.summary = page.getByRole('region', { name: 'What the buffer holds' });
  }

  async open(query = '') {
    await this.page.goto(`./#/netlink${query ? `?${query}` : ''}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Netlink messages' })).toBeVisible();
  }

  /**
   * The lab's results all in: they mount a panel per task after the first paint
   * (app/lab-kit/InTurns.tsx), so a screenshot waits for the last of them.
   */
  async settled() {
    await expect(this.page.locator('.lab-results-pending')).toHaveCount(0);
  }

  fields(n = 1): Locator {
    return this.page.getByRole('table', { name: new RegExp(`^Fields of message ${n}`) });
  }

  byte(offset: number): Locator {
    return this.grid.locator(`.nl-byte[data-offset="${offset}"]`);
  }

  async litBytes(): Promise<number[]> {
    return this.grid
      .locator('.nl-byte.is-lit')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-offset'))));
  }
}

const test = base.extend<{ nl: NetlinkLabPage }>({
  nl: async ({ page }, use) => {
    await use(new NetlinkLabPage(page));
  },
});

/**
 * Clicks a builder's "+" button and waits for its new row: the builder paints in the render after
 * the edit's (useLater), so a field typed into at once would be the row that was last before.
 */
async function addRow(button: Locator, rows: Locator) {
  const before = await rows.count();
  await button.click();
  await expect(rows).toHaveCount(before + 1);
}

const GETLINK = '280000001200010301000000000000000000000000000000000000000000000008001d0001000000';

test.describe('Netlink lab', () => {
  test('loads a captured link dump: messages, DONE, findings and the walk', async ({ nl, page }) => {
    await nl.open();
    await page.getByRole('button', { name: 'RTM_GETLINK dump reply (lo)' }).click();
    await expect(page).toHaveURL(/sample=getlink-dump/);
    await expect(nl.summary).toContainText('2,964 bytes, 2 messages');
    await expect(nl.messages.getByRole('row')).toHaveCount(1 + 2);
    await expect(nl.messages).toContainText('RTM_NEWLINK');
    await expect(nl.messages).toContainText('NLM_F_MULTI');
    // The first recvmsg() of the dump ends without NLMSG_DONE: the lab says the dump continues.
    await expect(nl.summary).toContainText(/dump continues in the\s+next recvmsg/);
    await expect(nl.diagram).toHaveAttribute('role', 'group');
    await expect(nl.diagram).toHaveAttribute('aria-label', /RTM_NEWLINK: 1,468 bytes/);
    // The NLMSG_NEXT walk steps through the buffer.
    await page.getByRole('button', { name: 'Start →' }).click();
    await expect(page.getByText(/NLMSG_OK is true/)).toBeVisible();
    await page.getByRole('button', { name: 'NLMSG_NEXT →' }).click();
    await expect(page).toHaveURL(/walk=2/);
    await expect(page).toHaveURL(/msg=2/);
    await expect(page.getByText(/nlh = buf \+ 1,468, len = 1,496/)).toBeVisible();
    // The last recvmsg() of the dump carries NLMSG_DONE.
    await page.getByRole('button', { name: 'NLMSG_DONE ending the link dump' }).click();
    await expect(nl.messages).toContainText('NLMSG_DONE');
    await expect(nl.messages).toContainText('NLM_F_MULTI');
  });

  test('hovering a field lights its bytes, and a byte lights its field', async ({ nl }) => {
    await nl.open(`hex=${GETLINK}&family=route`);
    await nl.diagram.locator('g[data-field="nlmsg_len"]').first().hover();
    expect(await nl.litBytes()).toEqual([0, 1, 2, 3]);
    // nlmsg_len = 40, little-endian: 28 00 00 00.
    await expect(nl.byte(0)).toHaveText('28');
    await expect(nl.byte(3)).toHaveText('00');
    await nl.byte(5).hover();
    expect(await nl.litBytes()).toEqual([4, 5]);
    await expect(nl.diagram.locator('g.is-lit')).toHaveAttribute('data-field', 'nlmsg_type');
    // Keyboard: the fields table rows light their bytes on focus (the pointer moved out of the way,
    // or the scroll that brings the row into view would put it over another byte).
    await nl.page.mouse.move(0, 0);
    await nl
      .fields()
      .getByRole('row', { name: /nlmsg_seq/ })
      .focus();
    expect(await nl.litBytes()).toEqual([8, 9, 10, 11]);
  });

  test('builds a message with an attribute and sees the hex follow', async ({ nl, page }) => {
    await nl.open(`hex=${GETLINK}&family=route`);
    const seq = page.getByRole('textbox', { name: 'nlmsg_seq' });
    await seq.fill('513');
    await expect(nl.hex).toHaveValue(/^28 00 00 00 12 00 01 03\s01 02 00 00/);
    await page.getByRole('checkbox', { name: /^NLM_F_ACK 0x004/ }).check();
    await expect(nl.messages).toContainText('NLM_F_ACK');
    // An input with a datalist of the family's attribute names is a combobox.
    const types = page.getByRole('combobox', { name: 'nla_type' });
    await addRow(page.getByRole('button', { name: '+ Attribute', exact: true }), types);
    await types.last().fill('IFLA_IFNAME');
    await page.getByRole('textbox', { name: 'Value' }).last().fill('lo');
    await expect(
      nl
        .fields()
        .getByRole('row', { name: /IFLA_IFNAME/ })
        .first(),
    ).toBeVisible();
    await expect(nl.summary).toContainText('48 bytes');
    // A bad value is explained next to its field; the last good buffer stays.
    await seq.fill('x');
    await expect(seq).toHaveAttribute('aria-invalid', 'true');
    await expect(nl.summary).toContainText('48 bytes');
    await expect(page.getByText(/A builder field needs fixing/)).toBeVisible();
  });

  test('builds a second message with a nested attribute in the same buffer', async ({ nl, page }) => {
    await nl.open(`hex=${GETLINK}&family=route`);
    await page.getByRole('button', { name: '+ Message' }).click();
    await expect(nl.summary).toContainText('2 messages');
    const builder = page.getByRole('region', { name: 'Builder' });
    // the new message is the builder's current item once the builder has painted it
    await expect(builder.getByRole('button', { name: /^2\./, pressed: true })).toBeVisible();
    await builder.getByRole('combobox', { name: 'nlmsg_type' }).fill('RTM_NEWLINK');
    const types = builder.getByRole('combobox', { name: 'nla_type' });
    await addRow(builder.getByRole('button', { name: '+ Attribute', exact: true }), types);
    await types.last().fill('IFLA_LINKINFO');
    await addRow(builder.getByRole('button', { name: '+ Attribute (nested)' }), types);
    await types.last().fill('IFLA_INFO_KIND');
    await builder.getByRole('textbox', { name: 'Value' }).last().fill('dummy');
    await expect(nl.messages.getByRole('row')).toHaveCount(1 + 2);
    await expect(nl.messages).toContainText('RTM_NEWLINK');
    await nl.messages.getByRole('button', { name: '2' }).click();
    const fields2 = nl.fields(2);
    await expect(fields2.getByRole('row', { name: /IFLA_LINKINFO › IFLA_INFO_KIND/ }).first()).toBeVisible();
    await expect(fields2).toContainText('"dummy"');
    // 40 + (16 nlmsghdr + 16 ifinfomsg + 4 IFLA_LINKINFO + 12 IFLA_INFO_KIND "dummy\0" padded).
    await expect(nl.summary).toContainText('88 bytes');
  });

  test('splits a frame, correctly and with the common mistakes', async ({ nl, page }) => {
    await nl.open(`hex=${GETLINK}&family=route`);
    await page.getByRole('textbox', { name: 'Frame size (bytes)' }).fill('10000');
    await page.getByRole('textbox', { name: 'Largest payload per message' }).fill('4096');
    const table = page.getByRole('table', { name: /^Multipart messages/ });
    await expect(table.getByRole('row')).toHaveCount(1 + 4);
    await expect(table).toContainText('NLMSG_DONE');
    await expect(page.getByText(/joins them back into 10,000 bytes/)).toBeVisible();
    await page.getByRole('radio', { name: 'Common mistakes' }).check();
    await expect(page).toHaveURL(/split=mistakes/);
    await expect(page.getByText(/cannot join them/)).toBeVisible();
    await page.getByRole('radio', { name: 'Correct' }).check();
    await page.getByRole('button', { name: /Open these bytes in the byte view/ }).click();
    await expect(nl.messages.getByRole('row')).toHaveCount(1 + 4);
  });

  test('the URL round-trips the buffer and a pasted URL restores it', async ({ nl, page }) => {
    await nl.open(`hex=${GETLINK}&family=route`);
    await expect(page).toHaveURL(new RegExp(`#/netlink\\?hex=${GETLINK}&family=route$`));
    await nl.hex.fill('24000000020000000100000000000000000000002800000012000103');
    await expect(page).toHaveURL(/hex=2400000002000000/);
    await page.reload();
    await expect(nl.messages).toContainText('NLMSG_ERROR');
    await page.evaluate((h) => {
      window.location.hash = `#/netlink?hex=${h}&family=route&endian=be`;
    }, GETLINK);
    await expect(page.getByRole('radio', { name: /^big/ })).toBeChecked();
    await nl.open('hex=123&family=route');
    await expect(nl.hex).toHaveAttribute('aria-invalid', 'true');
    await expect(nl.hex).toHaveAccessibleDescription(/Odd number of hex digits/);
  });

  test('a 64 KiB buffer keeps the DOM small', async ({ nl, page }) => {
    await nl.open(`hex=${GETLINK}&family=route`);
    await page.getByRole('textbox', { name: 'Frame size (bytes)' }).fill('65536');
    await page.getByRole('textbox', { name: 'Largest payload per message' }).fill('4096');
    await page.getByRole('button', { name: /Open these bytes in the byte view/ }).click();
    await expect(nl.summary).toContainText(/6\d,\d{3} bytes/);
    const cells = await nl.grid.locator('.nl-byte').count();
    expect(cells).toBeLessThan(600);
    const svgNodes = await nl.diagram.locator('*').count();
    expect(svgNodes).toBeLessThan(800);
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Next message →' }).click();
    await expect(page.getByRole('heading', { name: /^Message 2 of/ })).toBeVisible();
    expect(Date.now() - t0).toBeLessThan(1500);
  });
});

const SAMPLES = [
  'getlink-dump',
  'getlink-done',
  'getaddr-dump',
  'getroute-dump',
  'newaddr-ack',
  'newaddr-eexist',
  'newlink-extack',
  'genl-ctrl-getfamily',
  'getlink-dump-small-buffer',
];

test.describe('Netlink lab, issue 15', () => {
  test('at 360 px no bit-layout label is cut and the fields table fits its box', async ({ nl, page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await nl.open(`hex=${GETLINK}&family=route`);
    const labels = await nl.diagram.locator('text.nl-seg-name').allTextContents();
    expect(labels.join(' ')).toContain('family');
    expect(labels.filter((t) => t.endsWith('…'))).toEqual([]);
    const box = page.getByRole('region', { name: 'Fields, scrollable' });
    const { sw, cw } = await box.evaluate((e) => ({ sw: e.scrollWidth, cw: e.clientWidth }));
    expect(sw).toBeLessThanOrEqual(cw);
  });

  test('msghdr rows have one rule between them, not two', async ({ nl, page }) => {
    await nl.open(`hex=${GETLINK}&family=route`);
    const widths = await page
      .locator('.nl-box--msghdr tr')
      .nth(1)
      .locator('th, td')
      .evaluateAll((els) =>
        els.map((e) => [getComputedStyle(e).borderTopWidth, getComputedStyle(e).borderBottomWidth]),
      );
    for (const [top, bottom] of widths)
      expect(parseFloat(top!) === 0 || parseFloat(bottom!) === 0).toBe(true);
  });

  test('the bit layout is a tab stop; arrow keys move the lit field', async ({ nl, page }) => {
    await nl.open(`hex=${GETLINK}&family=route`);
    await nl.diagram.focus();
    await expect(nl.diagram).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(nl.diagram.locator('g.is-lit')).toHaveAttribute('data-field', 'nlmsg_type');
    expect(await nl.litBytes()).toEqual([4, 5]);
  });
});

test.describe('Netlink lab embedded (issue 16)', () => {
  test('every sample fits an 860 px column: diagram ≤ 700 px, compact ≤ 1,200 px', async ({ page }) => {
    await page.setViewportSize({ width: 860, height: 300 });
    const heights: string[] = [];
    for (const view of ['diagram', 'compact'] as const)
      for (const id of [null, ...SAMPLES]) {
        await page.goto('about:blank');
        await page.goto(`./?embed=1#/netlink?${id ? `sample=${id}&` : ''}view=${view}`);
        await expect(page.locator('svg[data-main-diagram]')).toBeVisible();
        const h = await page.evaluate(() => document.documentElement.scrollHeight);
        heights.push(`${view} ${id ?? 'default'} ${h}`);
        expect(h, `${view} ${id}`).toBeLessThanOrEqual(view === 'diagram' ? 700 : 1200);
      }
    test.info().annotations.push({ type: 'heights', description: heights.join('; ') });
  });

  test('the diagram view stays alive: the message stepper and the controls= inputs work', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 860, height: 700 });
    await page.goto('./?embed=1#/netlink?sample=getlink-dump&view=diagram&controls=family');
    await expect(page.getByRole('heading', { name: /^Message 1 of 2/ })).toBeVisible();
    await expect(page.getByRole('table', { name: /^Fields of message/ })).toHaveCount(0);
    await page.getByRole('button', { name: 'Next message →' }).click();
    await expect(page.getByRole('heading', { name: /^Message 2 of 2/ })).toBeVisible();
    await expect(page.getByRole('radio', { name: /^generic/ })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Bytes (hex)' })).toHaveCount(0);
  });
});

test.describe('Netlink lab, long buffers (issue 17)', () => {
  test('a long buffer is edited a page at a time, with the keyboard (issue 17)', async ({ nl, page }) => {
    // 16 KiB of 16-byte messages: four pages of 4 KiB.
    const msgs = '10000000010001000000000000000000'.repeat(1024);
    await nl.open(`hex=${msgs}&family=route`);
    await expect(nl.hex).toHaveAccessibleDescription(/16,384 bytes.*page 1 of 4: bytes 0–4,095/);
    expect((await nl.hex.inputValue()).split('\n')).toHaveLength(512);
    const pages = page.getByRole('group', { name: 'Pages of the buffer' });
    const next = pages.getByRole('button', { name: 'Next page' });
    await next.focus();
    await page.keyboard.press('Enter');
    await expect(nl.hex).toHaveAccessibleDescription(/page 2 of 4: bytes 4,096–8,191/);
    await expect(pages.getByRole('combobox', { name: 'Page' })).toHaveValue('1');
    // The first digit of page 2 typed over: byte 4,096 is 0x10 → 0xf0, in the URL and the table.
    await nl.hex.focus();
    await nl.hex.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(0, 1));
    await page.keyboard.press('f');
    // Message 257's nlmsg_len is 240 now: it spans 15 messages' bytes.
    await expect(nl.summary).toContainText('16,384 bytes, 1,010 messages');
    await expect(page).toHaveURL(new RegExp(`hex=${msgs.slice(0, 8192)}f0`));
    // 64 KiB pasted over page 2: the box then holds the page the caret is on, not 2,048 lines.
    await nl.hex.evaluate(
      (el: HTMLTextAreaElement, text) => {
        el.select();
        const clipboardData = new DataTransfer();
        clipboardData.setData('text/plain', text);
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
      },
      `${'0123456789abcdef'.repeat(4)}\n`.repeat(2048),
    );
    await expect(nl.summary).toContainText(/77,824 bytes/);
    expect((await nl.hex.inputValue()).split('\n').length).toBeLessThanOrEqual(512);
    await expect(nl.hex).toHaveAccessibleDescription(/page \d+ of \d+/);
  });

  for (const scheme of ['light', 'dark'] as const)
    for (const width of [360, 1440])
      test(`a long buffer's pages are axe-clean, ${scheme}, ${width} px`, async ({ nl, page }) => {
        test.setTimeout(120_000);
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize({ width, height: 900 });
        await nl.open(`hex=${'10000000010001000000000000000000'.repeat(1024)}&family=route`);
        await page.getByRole('button', { name: 'Next page' }).click();
        await expect(nl.hex).toHaveAccessibleDescription(/page 2 of 4/);
        await nl.settled();
        const { violations } = await new AxeBuilder({ page })
          .include('.nl-hex-field, .nl-hex-pages')
          .analyze();
        expect(
          violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
        ).toEqual([]);
        // Nothing wider than the page.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      });
});

test.describe('Netlink lab in Chinese (issue 13)', () => {
  test('?lang=zh-CN shows the title, inputs, layout and result in Chinese', async ({ page }) => {
    await page.goto(`./#/netlink?hex=${GETLINK}&family=route&lang=zh-CN`);
    await expect(page.getByRole('heading', { level: 2, name: '缓冲区里有什么' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: '字节（十六进制）' })).toBeVisible();
    await expect(page.getByText('40 字节，1 条消息')).toBeVisible();
    await expect(page.getByRole('heading', { name: /^第 1 条消息，共 1 条/ })).toBeVisible();
    await expect(page.getByText('没有发现问题：每条消息的边界都正确。')).toBeVisible();
  });

  test('diagnostics read in Chinese, kernel names kept', async ({ page }) => {
    // nlmsg_len 0x40 in a 20-byte buffer: it runs past the end (nlmsg-len-beyond).
    await page.goto('./#/netlink?hex=40000000100000000000000000000000aabbccdd&family=route&lang=zh-CN');
    await expect(page.getByText(/nlmsg_len = 64，超出缓冲区末尾 44 字节/).first()).toBeVisible();
    await expect(page.getByText(/runs 44 byte\(s\) past the end/)).toHaveCount(0);
    await expect(page.getByText(/netlink_rcv_skb/).first()).toBeAttached();
  });

  test('a full-width frame size is accepted', async ({ page }) => {
    await page.goto(`./#/netlink?hex=${GETLINK}&family=route&lang=zh-CN`);
    const frame = page
      .getByRole('textbox', { name: 'Frame size (bytes)' })
      .or(page.getByRole('textbox', { name: '帧大小（字节）' }));
    await frame.fill('４０００');
    await expect(frame).not.toHaveAttribute('aria-invalid', 'true');
  });
});

test.describe('Netlink lab screenshots', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`1440 px, ${scheme}`, async ({ nl, page }) => {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await page.setViewportSize({ width: 1440, height: 1100 });
      await nl.open('sample=newlink-extack&family=route');
      await expect(nl.diagram).toBeVisible();
      await nl.settled();
      await expect(page).toHaveScreenshot(`netlink-1440-${scheme}.png`, { fullPage: true });
    });

    test(`360 px, ${scheme}`, async ({ nl, page }) => {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await page.setViewportSize({ width: 360, height: 800 });
      await nl.open(`hex=${GETLINK}&family=route`);
      await nl.settled();
      await expect(page).toHaveScreenshot(`netlink-360-top-${scheme}.png`);
      await page.evaluate(() => document.getElementById('nl-layout-title')?.scrollIntoView());
      await expect(page).toHaveScreenshot(`netlink-360-layout-${scheme}.png`);
    });
  }

  test('zh-CN at 1440 and 360 px', async ({ nl, page }) => {
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await page.setViewportSize({ width: 1440, height: 1100 });
    await page.goto(`./#/netlink?hex=${GETLINK}&family=route&lang=zh-CN`);
    await expect(page.locator('svg[data-main-diagram]')).toBeVisible();
    await nl.settled();
    await expect(page).toHaveScreenshot('netlink-1440-zh.png', { fullPage: true });
    await page.setViewportSize({ width: 360, height: 800 });
    await page.evaluate(() => document.getElementById('nl-layout-title')?.scrollIntoView());
    await expect(page).toHaveScreenshot('netlink-360-layout-zh.png');
  });
});
