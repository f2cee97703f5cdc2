import { expect, test } from './fixtures.ts';

const ETHERNET_4000 = 'len=4000&mtu=1500&family=inet&sock=udp&pmtu=want';

test.describe('Fragmentation lab', () => {
  test('the wire table of a 4000-byte UDP send over MTU 1500', async ({ lab }) => {
    await lab.open(ETHERNET_4000);
    await expect(lab.wireTable).toBeVisible();
    const headers = await lab.wireTable.locator('thead th').allTextContents();
    expect(headers.map((h) => h.trim())).toEqual([
      '#',
      'offset',
      'payload length',
      'total length',
      'MF',
      'DF',
      'options',
    ]);
    await expect(lab.wireTable.locator('tbody tr')).toHaveCount(3);
    const rows = await lab.wireRows();
    expect(rows.map((r) => r[1])).toEqual(['0', '1,480', '2,960']);
    expect(rows.map((r) => r[3])).toEqual(['1,500', '1,500', '1,068']);
    expect(rows.map((r) => r[4])).toEqual(['1', '1', '0']);
    await expect(lab.page.getByText(/returned 4,000/)).toBeVisible();
  });

  test('changing the MTU changes the table and the URL', async ({ lab, page }) => {
    await lab.open(ETHERNET_4000);
    await expect(lab.wireTable.locator('tbody tr')).toHaveCount(3);
    await lab.mtu.fill('576');
    // (576 − 20) & ~7 = 552 data bytes per fragment: 4008 bytes → 8 packets.
    await expect(lab.wireTable.locator('tbody tr')).toHaveCount(8);
    const rows = await lab.wireRows();
    expect(rows[1]?.[1]).toBe('552');
    expect(rows[0]?.[3]).toBe('572');
    await expect(page).toHaveURL(/mtu=576/);
  });

  test('DF with a datagram over the MTU: EMSGSIZE', async ({ lab }) => {
    await lab.open('len=4000&mtu=1500&family=inet&sock=udp&pmtu=do');
    await expect(lab.sendError).toBeVisible();
    await expect(lab.sendError).toContainText('EMSGSIZE');
    await expect(lab.sendError).toContainText('errno 90');
    await expect(lab.sendError).toContainText('Message too long');
    await expect(lab.sendError.getByRole('link')).toHaveAttribute(
      'href',
      /elixir\.bootlin\.com\/linux\/v6\.18\/source\/net\//,
    );
  });

  test('a preset and the errno card come and go', async ({ lab, page }) => {
    await lab.open(ETHERNET_4000);
    await page.getByRole('button', { name: 'DF → EMSGSIZE' }).click();
    await expect(lab.sendError).toBeVisible();
    await expect(page).toHaveURL(/pmtu=do/);
    await page.getByRole('combobox', { name: 'Path MTU discovery' }).selectOption('want');
    await expect(lab.sendError).toHaveCount(0);
    await expect(lab.wireTable.locator('tbody tr')).toHaveCount(3);
  });

  test('stepping through the trace changes the sk_buff panel', async ({ lab, page }) => {
    await lab.open(ETHERNET_4000);
    const count = await lab.steps.count();
    expect(count).toBeGreaterThan(1);
    await expect(lab.steps.first()).toHaveAttribute('aria-current', 'step');
    const before = await page.getByRole('region', { name: /^sk_buffs at step 1/ }).innerText();

    // Keyboard: focus the selected step, arrow down.
    await lab.steps.first().focus();
    await page.keyboard.press('ArrowDown');
    await expect(lab.steps.nth(1)).toHaveAttribute('aria-current', 'step');
    await expect(lab.steps.nth(1)).toBeFocused();
    await expect(page).toHaveURL(/step=2/);
    const second = page.getByRole('region', { name: /^sk_buffs at step 2/ });
    await expect(second).toBeVisible();
    expect(await second.innerText()).not.toBe(before);

    // Click: the last step; End/Home keys.
    await lab.steps.last().click();
    await expect(lab.steps.last()).toHaveAttribute('aria-current', 'step');
    await expect(page.getByText(`Step ${count} of ${count}`)).toBeVisible();
    await page.keyboard.press('Home');
    await expect(lab.steps.first()).toHaveAttribute('aria-current', 'step');

    // Buttons.
    await page.getByRole('button', { name: 'Next step →' }).click();
    await expect(lab.steps.nth(1)).toHaveAttribute('aria-current', 'step');
  });

  test('a pasted URL with a step restores that step', async ({ lab, page }) => {
    await lab.open(`${ETHERNET_4000}&step=2`);
    await expect(lab.steps.nth(1)).toHaveAttribute('aria-current', 'step');
    await expect(page.getByRole('region', { name: /^sk_buffs at step 2/ })).toBeVisible();
  });

  test('every step links to its kernel file on elixir.bootlin.com', async ({ lab, page }) => {
    await lab.open(ETHERNET_4000);
    const links = page.getByRole('list', { name: 'Kernel steps' }).getByRole('link');
    await expect(links.first()).toHaveAttribute(
      'href',
      /^https:\/\/elixir\.bootlin\.com\/linux\/v6\.18\/source\//,
    );
  });

  test('an invalid URL parameter shows a message and keeps the page', async ({ lab, page }) => {
    await lab.open('len=4000&mtu=20&family=inet&sock=udp&pmtu=want');
    await expect(lab.mtu).toHaveAttribute('aria-invalid', 'true');
    await expect(lab.mtu).toHaveAccessibleDescription(/68/);
    await expect(page.getByRole('status')).toContainText('MTU');
    // Fixing the field brings the lab back.
    await lab.mtu.fill('1500');
    await expect(lab.mtu).not.toHaveAttribute('aria-invalid');
    await expect(lab.wireTable.locator('tbody tr')).toHaveCount(3);
  });

  test('bad input keeps the last good result on screen', async ({ lab, page }) => {
    await lab.open(ETHERNET_4000);
    await lab.payloadLength.fill('lots');
    await expect(lab.payloadLength).toHaveAttribute('aria-invalid', 'true');
    await expect(lab.banner).toBeVisible();
    await expect(lab.wireTable.locator('tbody tr')).toHaveCount(3);
    await expect(page).toHaveURL(/len=lots/);
  });

  test('the MTU 68 worst case stays usable: paged table, aggregated diagram', async ({ lab, page }) => {
    await lab.open('len=65507&mtu=68&family=inet&sock=udp&pmtu=want&sndbufcheck=0');
    const caption = lab.wireTable.locator('caption');
    await expect(caption).toContainText(/\d,\d{3} packets/);
    const count = (await caption.innerText()).match(/(\d,\d{3}) packets/)![1]!;
    await expect(lab.wireTable.locator('tbody tr')).toHaveCount(50);
    await page
      .getByRole('navigation', { name: 'Wire packets pages' })
      .getByRole('button', { name: 'Last page' })
      .click();
    const rows = await lab.wireRows();
    expect(rows.at(-1)?.[0]).toBe(count);
    await expect(page.getByRole('img', { name: new RegExp(`${count} packets`) })).toBeVisible();
  });

  test('IPv6 rows show the fragment header', async ({ lab }) => {
    await lab.open('len=3000&mtu=1280&family=inet6&sock=udp&pmtu=want');
    const rows = await lab.wireRows();
    expect(rows.length).toBeGreaterThan(1);
    expect(rows[0]?.[5]).toBe('n/a');
    expect(rows[0]?.[6]).toMatch(/frag hdr/);
  });

  test('an unknown route says so and links back to a lab', async ({ page }) => {
    await page.goto('./#/nowhere');
    await expect(page.getByRole('heading', { level: 1, name: 'No lab at “#/nowhere”' })).toBeVisible();
    await page.getByRole('main').getByRole('link', { name: 'Fragmentation', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Fragmentation' })).toBeVisible();
  });

  test('the default route is the home page, which links to the Fragmentation lab', async ({ page }) => {
    await page.goto('./');
    await expect(
      page.getByRole('heading', { level: 1, name: /What Linux does with your data/ }),
    ).toBeVisible();
    await page.getByRole('link', { name: 'Fragmentation', exact: true }).click();
    await expect(page).toHaveURL(/#\/fragment\?len=4000&mtu=1500&family=inet&sock=udp&pmtu=want/);
  });
});

// Issue 15: what a new user saw fall short in this lab.
test.describe('Fragmentation lab: finish (issue 15)', () => {
  test('the UDP header at the datagram start is visible and labelled', async ({ lab, page }) => {
    for (const width of [1440, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await lab.open(ETHERNET_4000);
      const lead = page.locator('[data-main-diagram] rect[data-lead="udp"]');
      const box = (await lead.boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(30);
      await expect(page.locator('[data-main-diagram] text.bar-text')).toHaveText('UDP 8');
    }
  });

  for (const query of [ETHERNET_4000, 'len=3000&mtu=1500&opts=94040000', 'len=3000&mtu=1280&family=inet6']) {
    test(`every column of the wire table fits at 360 px: ${query}`, async ({ lab, page }) => {
      await page.setViewportSize({ width: 360, height: 800 });
      await lab.open(query);
      const scroller = page.getByRole('region', { name: /^Wire packets/ });
      const sb = (await scroller.boundingBox())!;
      for (const name of ['DF', 'options']) {
        const th = lab.wireTable.getByRole('columnheader', { name, exact: true });
        const b = (await th.boundingBox())!;
        expect(b.x + b.width, name).toBeLessThanOrEqual(sb.x + sb.width + 0.5);
      }
      expect(await scroller.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    });
  }

  test('the sk_buff fields table shows every column at 1,440 and 360 px (TAILROOM was cut off)', async ({
    lab,
    page,
  }) => {
    for (const width of [1440, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await lab.open(ETHERNET_4000);
      // Two early send-side steps, where the panel holds sk_buffs (ip_fragment's step holds none).
      for (const i of [2, 4]) {
        await lab.steps.nth(i).click();
        await expect(lab.skbFields).toBeVisible();
        const wrap = lab.skbFields.locator('xpath=..');
        const over = await wrap.evaluate((el) => el.scrollWidth - el.clientWidth);
        // At 1,440 px every column fits; at 360 px the table may scroll inside its keyboard-focusable region.
        if (width === 1440) expect(over, `step ${i + 1} at ${width} px`).toBeLessThanOrEqual(0);
        else await expect(wrap).toHaveAttribute('tabindex', '0');
        await expect(lab.skbFields.getByText(/tailroom/i).first()).toBeVisible();
      }
    }
  });

  test('a run of fragments zooms from the keyboard', async ({ lab, page }) => {
    await lab.open('len=65507&mtu=68&family=inet&sock=udp&pmtu=want&sndbufcheck=0');
    const scope = page.locator('.diagram-scope');
    await expect(scope).toHaveText(/^All 65,515 bytes/);
    const run = page.getByRole('button', { name: /^Zoom into packets #1–/ });
    // Reached with Tab from the zoom buttons, shown when focused, zoomed with Enter.
    await page.getByRole('button', { name: 'Zoom in', exact: true }).focus();
    let reached = false;
    for (let i = 0; i < 4 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await run.evaluate((el) => el === document.activeElement);
    }
    expect(reached).toBe(true);
    expect(await run.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');
    await expect(scope).toHaveText(/^Bytes 0–/);
    await expect(page.locator('.diagram-help')).toContainText('press Enter');
  });
});

// Issue 13: the lab in Chinese, and numbers typed with a Chinese IME.
test.describe('Fragmentation lab in Chinese (issue 13)', () => {
  test('lang=zh-CN shows the title, the inputs, a step and the result in Chinese', async ({ page }) => {
    await page.goto(`./#/fragment?${ETHERNET_4000}&lang=zh-CN`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('heading', { level: 1, name: 'IP 分片' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: '载荷长度（字节）' })).toHaveValue('4000');
    await expect(page.getByRole('combobox', { name: 'MTU（字节）' })).toHaveValue('1500');
    await expect(page.getByRole('combobox', { name: '路径 MTU 发现' })).toBeVisible();
    await expect(page.locator('.summary-line')).toContainText('以 3 个数据包发出（快速路径）');
    await expect(page.getByRole('table', { name: /^线路上的数据包/ }).locator('thead th')).toHaveText([
      '#',
      '偏移',
      '载荷长度',
      '总长度',
      'MF',
      'DF',
      '选项',
    ]);
    await expect(page.getByRole('region', { name: /^第 1 步时的 sk_buff/ })).toBeVisible();
    await expect(page.getByRole('button', { name: '以太网上发 4000 字节' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  test('a full-width number typed with a Chinese IME is accepted', async ({ page }) => {
    await page.goto(`./#/fragment?${ETHERNET_4000}&lang=zh-CN`);
    const mtu = page.getByRole('combobox', { name: 'MTU（字节）' });
    await mtu.fill('５７６');
    await expect(mtu).not.toHaveAttribute('aria-invalid');
    await expect(page.getByRole('table', { name: /^线路上的数据包/ }).locator('tbody tr')).toHaveCount(8);
    await page.getByRole('textbox', { name: '载荷长度（字节）' }).fill('４０００');
    await expect(page.getByRole('textbox', { name: '载荷长度（字节）' })).not.toHaveAttribute('aria-invalid');
    await expect(page.locator('.summary-line')).toContainText('返回 4,000');
  });
});

// Issue 16: the embed views at an 860 px column, for every preset.
test.describe('Fragmentation lab embed views (issue 16)', () => {
  const TARGET = { diagram: 700, compact: 1200 } as const;

  test('diagram ≤ 700 px and compact ≤ 1,200 px tall for every preset; the diagram stays alive', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 860, height: 400 });
    await page.goto(`./#/fragment?${ETHERNET_4000}`);
    const chips = page.getByRole('region', { name: 'Presets' }).getByRole('button');
    await expect(chips.first()).toBeVisible();
    const count = await chips.count();
    expect(count).toBeGreaterThan(5);
    const queries: string[] = [];
    for (let i = 0; i < count; i++) {
      await page.goto(`./#/fragment?${ETHERNET_4000}`);
      await chips.nth(i).click();
      queries.push(new URL(page.url()).hash.replace(/^#\/fragment\?/, ''));
    }
    for (const query of queries)
      for (const view of ['diagram', 'compact'] as const) {
        await page.goto(`./#/fragment?${query}&embed=1&view=${view}`);
        await expect(page.locator('[data-main-diagram="fragments"]')).toBeVisible();
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        expect(height, `${view} ${query}`).toBeLessThanOrEqual(TARGET[view]);
      }
  });

  test('the diagram view with controls=len,mtu: the inputs drive the diagram, zoom works', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 860, height: 400 });
    await page.goto(`./#/fragment?${ETHERNET_4000}&embed=1&view=diagram&controls=len,mtu`);
    await expect(page.getByRole('table')).toHaveCount(0);
    await expect(page.getByRole('list', { name: 'Kernel steps' })).toHaveCount(0);
    const figure = page.getByRole('img', { name: /^Fragment boundaries/ });
    await expect(figure).toHaveAccessibleName(/3 packets/);
    await page.getByRole('combobox', { name: 'MTU (bytes)' }).fill('576');
    await expect(figure).toHaveAccessibleName(/8 packets/);
    await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
    await expect(page.locator('.diagram-scope')).toHaveText(/^Bytes /);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(700);
  });
});

// The trace's wording belongs to the core and evolves with it: the screenshots cover the shell, the
// inputs, the result and the wire table, and mask the step list.
test.describe('Fragmentation lab screenshots', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  });

  test('1440 px', async ({ lab, page }) => {
    await page.setViewportSize({ width: 1440, height: 1100 });
    await lab.open(ETHERNET_4000);
    await expect(lab.wireTable.locator('tbody tr')).toHaveCount(3);
    await expect(page).toHaveScreenshot('fragment-1440.png', {
      mask: [page.getByRole('region', { name: 'Through the kernel' })],
    });
  });

  test('360 px', async ({ lab, page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await lab.open(ETHERNET_4000);
    await expect(page).toHaveScreenshot('fragment-360-top.png');
    await page.evaluate(() => document.getElementById('result-title')?.scrollIntoView());
    await expect(lab.wireTable.locator('tbody tr')).toHaveCount(3);
    await expect(page).toHaveScreenshot('fragment-360-result.png');
  });

  for (const [width, height] of [
    [1440, 1100],
    [360, 800],
  ] as const)
    test(`zh-CN ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await page.goto(`./#/fragment?${ETHERNET_4000}&lang=zh-CN`);
      await expect(page.getByRole('table', { name: /^线路上的数据包/ }).locator('tbody tr')).toHaveCount(3);
      await expect(page).toHaveScreenshot(`fragment-zh-${width}.png`, {
        mask: [page.getByRole('region', { name: '穿过内核' })],
      });
      if (width === 360) {
        await page.evaluate(() => document.getElementById('result-title')?.scrollIntoView());
        await expect(page).toHaveScreenshot('fragment-zh-360-result.png');
      }
    });
});
