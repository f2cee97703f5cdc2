import { expect, test as base } from './fixtures.ts';
import type { Locator, Page } from '@playwright/test';

/** The Socket lab as a person sees it: pickers, the "Socket result" region, the call path, the tables. */
class SocketLabPage {
  readonly result: Locator;
  readonly domain: Locator;
  readonly type: Locator;
  readonly protocol: Locator;
  readonly callPath: Locator;
  readonly steps: Locator;
  readonly banner: Locator;

  constructor(readonly page: Page) {
    this.result = page.getByRole('region', { name: 'Socket result' });
    this.domain = page.getByRole('combobox', { name: 'Domain', exact: true });
    this.type = page.getByRole('combobox', { name: 'Type', exact: true });
    this.protocol = page.getByRole('combobox', { name: 'Protocol', exact: true });
    this.callPath = page.getByRole('figure', { name: /^Call path/ });
    // The call path's lines are the lab's one list of steps.
    this.steps = this.callPath.getByRole('button');
    this.banner = page.getByRole('status').filter({ hasText: 'showing the last good result' });
  }

  async open(query: string) {
    await this.page.goto(`./#/socket?${query}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Socket creation' })).toBeVisible();
  }

  op(name: string): Locator {
    return this.page.getByRole('radiogroup', { name: 'Operation' }).getByRole('radio', { name, exact: true });
  }

  chain(op: string): Locator {
    return this.page.getByRole('list', { name: `Dispatch chain of ${op}()` });
  }

  table(via: 'sock->ops' | 'sk->sk_prot', name: string): Locator {
    return this.page.getByRole('table', { name: new RegExp(`^${via.replace(/[>-]/g, '\\$&')} = ${name}`) });
  }
}

const test = base.extend<{ socket: SocketLabPage }>({
  socket: async ({ page }, use) => {
    await use(new SocketLabPage(page));
  },
});

const UDP = 'domain=AF_INET&type=SOCK_DGRAM&protocol=0&priv=root&op=connect';

test.describe('Socket lab', () => {
  test('UDP: inet_dgram_ops and udp_prot, SO_PROTOCOL reads 17', async ({ socket }) => {
    await socket.open(UDP);
    await expect(socket.result).toContainText('socket(AF_INET, SOCK_DGRAM, IPPROTO_IP)');
    await expect(socket.result).toContainText('sock->ops = inet_dgram_ops');
    await expect(socket.result).toContainText('sk->sk_prot = udp_prot');
    await expect(socket.result).toContainText('protocol 17 (IPPROTO_UDP)');
    await expect(socket.result.getByRole('term').filter({ hasText: 'SO_PROTOCOL' })).toBeVisible();
    await expect(socket.table('sock->ops', 'inet_dgram_ops')).toBeVisible();
    await expect(socket.table('sk->sk_prot', 'udp_prot')).toBeVisible();
    // The inetsw walk: protocol 0 takes the first entry of inetsw[SOCK_DGRAM].
    const walk = socket.callPath.getByRole('list', { name: 'inetsw[SOCK_DGRAM] walk' });
    await expect(walk.getByRole('listitem').first()).toContainText('udp_prot');
    await expect(walk.getByRole('listitem').first()).toContainText(/default/i);
  });

  test('raw socket without a protocol: EPROTONOSUPPORT from inet_create', async ({ socket }) => {
    await socket.open('domain=AF_INET&type=SOCK_RAW&protocol=0&priv=root&op=connect');
    await expect(socket.result).toContainText('-EPROTONOSUPPORT');
    await expect(socket.result).toContainText('errno 93');
    await expect(socket.result).toContainText('Protocol not supported');
    await expect(socket.result.getByRole('link', { name: 'inet_create()' })).toHaveAttribute(
      'href',
      'https://elixir.bootlin.com/linux/v6.18/source/net/ipv4/af_inet.c',
    );
    // The exit is drawn in the box that returns it.
    const exit = socket.callPath.getByRole('note', { name: 'errno exit' });
    await expect(exit).toContainText('return -EPROTONOSUPPORT');
    await expect(exit).toContainText('inet_create()');
    await expect(socket.page.getByText(/there is no socket/)).toBeVisible();
  });

  test('raw socket as a user without capabilities: EPERM', async ({ socket, page }) => {
    await socket.open(UDP);
    await page.getByRole('button', { name: 'Raw as user' }).click();
    await expect(page).toHaveURL(/type=SOCK_RAW&protocol=IPPROTO_ICMP&priv=user/);
    await expect(socket.result).toContainText('-EPERM');
    await expect(socket.result).toContainText('CAP_NET_RAW');
    await expect(socket.result).toContainText('as a user without capabilities');
  });

  test('TCP connect: inet_stream_connect → tcp_v4_connect', async ({ socket }) => {
    await socket.open('domain=AF_INET&type=SOCK_STREAM&protocol=0&priv=root&op=connect');
    const chain = socket.chain('connect');
    await expect(chain).toContainText('__sys_connect');
    const fns = await chain
      .locator('[data-fn]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-fn')));
    expect(fns.indexOf('inet_stream_connect')).toBeGreaterThan(-1);
    expect(fns.indexOf('tcp_v4_connect')).toBeGreaterThan(fns.indexOf('inet_stream_connect'));
    expect(fns.at(-1)).toBe('tcp_v4_connect');
    // The slots it uses are marked in both tables.
    await expect(
      socket
        .table('sock->ops', 'inet_stream_ops')
        .getByRole('row', { name: /\.connect \(used by connect\(\)\)/ }),
    ).toContainText('inet_stream_connect');
    await expect(
      socket.table('sk->sk_prot', 'tcp_prot').getByRole('row', { name: /\.connect \(used by connect\(\)\)/ }),
    ).toContainText('tcp_v4_connect');
  });

  test('UDP listen: sock_no_listen refuses with EOPNOTSUPP', async ({ socket, page }) => {
    await socket.open(UDP);
    await socket.op('listen').check();
    await expect(page).toHaveURL(/op=listen/);
    const chain = socket.chain('listen');
    await expect(chain).toContainText('sock_no_listen');
    await expect(chain).toContainText('-EOPNOTSUPP');
    await expect(page.getByText(/listen\(\) fails with EOPNOTSUPP/)).toBeVisible();
    await expect(page.getByText(/errno 95, Operation not supported/)).toBeVisible();
  });

  test('changing a picker updates the result and the URL', async ({ socket, page }) => {
    await socket.open(UDP);
    await socket.type.selectOption('SOCK_STREAM');
    await expect(page).toHaveURL(/type=SOCK_STREAM/);
    await expect(socket.result).toContainText('tcp_prot');
    await page.getByRole('checkbox', { name: 'SOCK_NONBLOCK' }).check();
    await expect(page).toHaveURL(/nonblock=1/);
    await expect(socket.result).toContainText('O_NONBLOCK');
    // The protocol list follows the domain.
    await socket.domain.selectOption('AF_NETLINK');
    await expect(socket.protocol.getByRole('option', { name: 'NETLINK_ROUTE' })).toBeAttached();
    await socket.type.selectOption('SOCK_RAW');
    await socket.protocol.selectOption('NETLINK_GENERIC');
    await expect(page).toHaveURL(/domain=AF_NETLINK&type=SOCK_RAW&protocol=NETLINK_GENERIC/);
    await expect(socket.result).toContainText('netlink_ops');
    // Any number: "Other" opens a text field.
    await socket.domain.selectOption({ label: 'Other — a number or name…' });
    const other = page.getByRole('textbox', { name: 'Domain, by name or number' });
    await other.fill('99');
    await expect(page).toHaveURL(/domain=99/);
    await expect(socket.result).toContainText('-EAFNOSUPPORT');
  });

  test('a pasted URL restores the lab', async ({ socket, page }) => {
    await socket.open(UDP);
    await page.evaluate(() => {
      window.location.hash =
        '#/socket?domain=AF_INET6&type=SOCK_STREAM&protocol=IPPROTO_MPTCP&priv=user&op=sendmsg&step=3';
    });
    await expect(socket.domain).toHaveValue('AF_INET6');
    await expect(socket.type).toHaveValue('SOCK_STREAM');
    await expect(socket.protocol).toHaveValue('IPPROTO_MPTCP');
    await expect(page.getByRole('radio', { name: /^user/ })).toBeChecked();
    await expect(socket.op('sendmsg')).toBeChecked();
    await expect(socket.result).toContainText('mptcp_v6_prot');
    await expect(socket.steps.nth(2)).toHaveAttribute('aria-pressed', 'true');
    await expect(socket.callPath.locator('.sk-node--on')).toHaveAttribute('data-fn', '__sock_create');
  });

  test('selecting a step highlights its box in the call path', async ({ socket, page }) => {
    await socket.open(UDP);
    await expect(socket.steps.last()).toHaveAttribute('aria-pressed', 'true');
    await socket.steps.first().click();
    await expect(socket.callPath.locator('.sk-node--on')).toHaveAttribute('data-fn', '__sys_socket');
    await expect(page).toHaveURL(/step=1/);
    await page.keyboard.press('End');
    await expect(socket.callPath.locator('.sk-node--on')).toHaveAttribute('data-fn', 'sock_map_fd');
    const links = socket.callPath.getByRole('link');
    await expect(links.first()).toHaveAttribute(
      'href',
      /^https:\/\/elixir\.bootlin\.com\/linux\/v6\.18\/source\//,
    );
  });

  test('an invalid parameter is explained and the last good result stays', async ({ socket, page }) => {
    await socket.open('domain=AF_BANANA&type=SOCK_DGRAM&protocol=0&priv=admin&op=connect');
    const other = page.getByRole('textbox', { name: 'Domain, by name or number' });
    await expect(other).toHaveValue('AF_BANANA');
    await expect(other).toHaveAttribute('aria-invalid', 'true');
    await expect(other).toHaveAccessibleDescription(/Unknown address family "AF_BANANA"/);
    await expect(socket.banner).toContainText('Domain');
    await expect(socket.banner).toContainText('Privilege');
    await expect(socket.result).toBeVisible();
    await other.fill('AF_INET');
    await page.getByRole('radio', { name: /^root/ }).check();
    await expect(socket.banner).toHaveCount(0);
    await expect(socket.result).toContainText('udp_prot');
  });
});

test.describe('Socket lab screenshots', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  });

  test('1440 px', async ({ socket, page }) => {
    await page.setViewportSize({ width: 1440, height: 1100 });
    await socket.open('domain=AF_INET&type=SOCK_DGRAM&protocol=0&priv=root&op=listen');
    await expect(socket.chain('listen')).toBeVisible();
    await expect(page).toHaveScreenshot('socket-1440.png', { fullPage: true });
  });

  test('360 px', async ({ socket, page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await socket.open('domain=AF_INET&type=SOCK_RAW&protocol=0&priv=root&op=connect');
    await expect(page).toHaveScreenshot('socket-360-top.png');
    await page.evaluate(() => document.getElementById('sk-result-title')?.scrollIntoView());
    await expect(page).toHaveScreenshot('socket-360-result.png');
  });
});

const PRESET_QUERIES = [
  'domain=AF_INET&type=SOCK_STREAM&protocol=0&priv=root',
  'domain=AF_INET&type=SOCK_DGRAM&protocol=0&priv=root',
  'domain=AF_INET&type=SOCK_RAW&protocol=0&priv=root',
  'domain=AF_INET&type=SOCK_RAW&protocol=IPPROTO_ICMP&priv=user',
  'domain=AF_NETLINK&type=SOCK_RAW&protocol=0&priv=root',
];

test.describe('Socket lab: one step view, tiles, Chinese, embeds', () => {
  test('each kernel step is shown once, the first line is not cut off, arrows move', async ({
    socket,
    page,
  }) => {
    await socket.open(UDP);
    await expect(page.getByRole('list', { name: 'Kernel steps' })).toHaveCount(0);
    const n = await socket.steps.count();
    await expect(socket.steps.nth(n - 1)).toHaveAttribute('aria-pressed', 'true');
    // The call path is not a scroll box: its first line is fully in it.
    const clipped = await socket.callPath.evaluate((f) => {
      const first = f.querySelector('button.sk-line')!.getBoundingClientRect();
      const box = f.getBoundingClientRect();
      return first.top < box.top || f.scrollHeight > f.clientHeight + 1;
    });
    expect(clipped).toBe(false);
    await socket.steps.nth(n - 1).focus();
    await page.keyboard.press('Home');
    await expect(socket.steps.first()).toBeFocused();
    await expect(page).toHaveURL(/step=1/);
  });

  test('at 360 px the read-back tiles never break a name inside a word', async ({ socket, page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    for (const q of [UDP, 'domain=AF_INET&type=SOCK_DGRAM&protocol=IPPROTO_UDPLITE&priv=root']) {
      await socket.open(q);
      const lines = await socket.result.locator('.sk-name').evaluateAll((names) =>
        names.map((e) => {
          // Each line of the name: the text of the characters on one row.
          const rows = new Map<number, string>();
          const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
          for (let t = walker.nextNode(); t; t = walker.nextNode())
            for (let i = 0; i < (t.textContent ?? '').length; i++) {
              const r = document.createRange();
              r.setStart(t, i);
              r.setEnd(t, i + 1);
              const top = Math.round(r.getBoundingClientRect().top);
              rows.set(top, (rows.get(top) ?? '') + (t.textContent ?? '')[i]);
            }
          return [...rows.values()];
        }),
      );
      for (const rows of lines)
        for (const row of rows.slice(0, -1)) expect(row, rows.join('|')).toMatch(/_$/);
    }
  });

  test('?lang=zh-CN shows the lab in Chinese; a full-width number is accepted', async ({ page }) => {
    await page.goto('./#/socket?lang=zh-CN&' + UDP);
    await expect(page.getByRole('heading', { level: 1, name: '套接字的创建' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: '协议族（domain）', exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: '套接字结果' })).toContainText('返回一个新的文件描述符');
    await expect(page.getByRole('figure')).toContainText('协议号 0');
    const protocol = page.getByRole('combobox', { name: '协议（protocol）', exact: true });
    await protocol.selectOption({ index: (await protocol.locator('option').count()) - 1 });
    const other = page.getByRole('textbox', { name: '协议，按名称或编号' });
    await other.fill('１７');
    await expect(other).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('region', { name: '套接字结果' })).toContainText('udp_prot');
  });

  for (const [i, query] of PRESET_QUERIES.entries())
    test(`embed at 860 px: diagram ≤ 700 px, compact ≤ 1,200 px (preset ${i + 1})`, async ({ page }) => {
      await page.setViewportSize({ width: 860, height: 700 });
      for (const [view, max] of [
        ['diagram', 700],
        ['compact', 1200],
      ] as const) {
        await page.goto(`./#/socket?${query}&embed=1&view=${view}`);
        await expect(page.locator('[data-main-diagram="call-path"]')).toBeVisible();
        await page.getByRole('button', { name: /Previous step/ }).click();
        await expect(page.locator('.sk-line--on')).toHaveCount(1);
        const h = await page.evaluate(() => document.documentElement.scrollHeight);
        expect(h, `${query} ${view}`).toBeLessThanOrEqual(max);
      }
    });
});

test.describe('Socket lab screenshots in Chinese', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  });

  test('zh-CN 1440 px', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 1100 });
    await page.goto('./#/socket?lang=zh-CN&' + UDP);
    await expect(page.getByRole('region', { name: '套接字结果' })).toBeVisible();
    await expect(page).toHaveScreenshot('socket-zh-1440.png');
  });

  test('zh-CN 360 px', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto('./#/socket?lang=zh-CN&' + UDP);
    await expect(page.getByRole('region', { name: '套接字结果' })).toBeVisible();
    await page.evaluate(() => document.getElementById('sk-result-title')?.scrollIntoView());
    await expect(page).toHaveScreenshot('socket-zh-360.png');
  });
});
