/**
 * Bring your own packets (issue 18), in the browser: a capture recorded on a real kernel opens by
 * drag-and-drop and by the file picker, a fragment group replays in the Reassembly lab with its
 * capture times and the model's verdicts, a captured send is compared with the Fragmentation
 * model (differences marked), each lab's Export pcapng downloads a file whose bytes parse back
 * and re-open, a truncated or corrupt file names the block and byte offset while what was read
 * stays listed, and the capture page has no axe violations.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Download, Page } from '@playwright/test';
import { analyzeCapture, readPcap } from '../core/pcap/index.ts';
import { test, expect as baseExpect } from './fixtures.ts';

// The worker's reading and the model's replays take a moment on a busy machine.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 120_000 });

const fixture = (name: string): Buffer => readFileSync(`core/pcap/fixtures/${name}`);

/** The capture page's summary: the file's name as the heading, once read. */
const fileHeading = (page: Page, name: string) => page.getByRole('heading', { level: 2, name, exact: true });
const groups = (page: Page) => page.locator('.capture-group');
const group = (page: Page, serial: number) =>
  page.getByRole('region', { name: new RegExp(`^Group ${serial}:`) });
const packetRows = (page: Page) => page.getByRole('table', { name: /^Packets \d/ }).locator('tbody tr');

/** Drops `bytes` as a file on the page, the way a browser does: dragenter, dragover, drop. */
async function dropFile(page: Page, name: string, bytes: Buffer) {
  await page.evaluate(
    ({ name, data }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], name, { type: 'application/vnd.tcpdump.pcap' }));
      const fire = (type: string) => {
        const e = new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt });
        document.body.dispatchEvent(e);
        return e;
      };
      fire('dragenter');
      const over = fire('dragover');
      // The page accepts the drop (a dragover that is not cancelled refuses it).
      if (!over.defaultPrevented) throw new Error('dragover was not accepted');
      fire('drop');
    },
    { name, data: [...bytes] },
  );
}

/**
 * The app has drawn the page: not only an h1, which the HTML's first screen (vite/first-screen.ts)
 * draws before any script runs, with an inert copy of the share bar whose "Open capture" input has
 * no handler. A file set on that copy opened nothing (a CI run on 8 December, once).
 */
async function appDrawn(page: Page) {
  await expect(page.locator('#boot')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator('h1').first()).toBeVisible();
}

/** Opens a capture through a file input (the capture page's, or the share bar's). */
async function pick(
  page: Page,
  name: string,
  bytes: Buffer,
  input = page.locator('input[type=file]').first(),
) {
  await input.setInputFiles({ name, mimeType: 'application/vnd.tcpdump.pcap', buffer: bytes });
  await expect(page).toHaveURL(/#\/capture/);
  await expect(fileHeading(page, name)).toBeVisible();
}

/** A pcap of about `size` bytes: sendto-lo.pcap's IPv4 frames, copy after copy, ids shifted. */
function bigCapture(size: number): { bytes: Buffer; packets: number } {
  const one = fixture('sendto-lo.pcap');
  const frames: Buffer[] = [];
  for (let off = 24; off < one.length;) {
    const caplen = one.readUInt32LE(off + 8);
    const rec = one.subarray(off, off + 16 + caplen);
    if (rec.readUInt16BE(16 + 12) === 0x0800) frames.push(rec);
    off += 16 + caplen;
  }
  const perCopy = frames.reduce((n, f) => n + f.length, 0);
  const copies = Math.ceil(size / perCopy);
  const out = [one.subarray(0, 24)];
  for (let i = 0; i < copies; i++)
    for (const f of frames) {
      const r = Buffer.from(f);
      const ip = 16 + 14;
      r.writeUInt16BE((r.readUInt16BE(ip + 4) + i) & 0xffff, ip + 4);
      r.writeUInt16BE(0, ip + 10);
      let sum = 0;
      for (let k = 0; k < (r[ip]! & 15) * 4; k += 2) sum += r.readUInt16BE(ip + k);
      while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
      r.writeUInt16BE(~sum & 0xffff, ip + 10);
      out.push(r);
    }
  return { bytes: Buffer.concat(out), packets: copies * frames.length };
}

async function exported(page: Page): Promise<{ name: string; bytes: Buffer }> {
  await page.locator('[data-main-diagram]').first().waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export pcapng' }).click(),
  ]);
  const path = await (download as Download).path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

/** The Reassembly lab's Arrivals table: [ms, bytes, verdict] per row. */
async function arrivals(page: Page): Promise<string[][]> {
  return page
    .getByRole('table', { name: 'Arrivals' })
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => {
        const td = [...tr.querySelectorAll('td')].map((c) => (c.textContent ?? '').trim());
        return [td[1] ?? '', td[2] ?? '', td[6] ?? ''];
      }),
    );
}

test.describe('capture page', () => {
  test('a capture dropped on the home page opens on #/capture: groups, verdicts, packet list', async ({
    page,
  }) => {
    await page.goto('./#/');
    await appDrawn(page);
    await dropFile(page, 'sendto-lo.pcap', fixture('sendto-lo.pcap'));
    await expect(page).toHaveURL(/#\/capture$/);
    await expect(fileHeading(page, 'sendto-lo.pcap')).toBeVisible();
    await expect(page.getByText('pcap, little-endian: 10 packets, LINKTYPE_ETHERNET')).toBeVisible();
    // tcpdump saw four fragmented sends (one IPv6, three IPv4): four groups by the kernel's key.
    await expect(groups(page)).toHaveCount(4);
    await expect(group(page, 1)).toContainText('::1 → ::1');
    await expect(group(page, 2)).toContainText('127.0.0.1 → 127.0.0.1, id 30420, protocol 17 — 3 fragments');
    await expect(group(page, 2)).toContainText(
      'The model reassembles the datagram and delivers 1,200 bytes.',
    );
    await expect(group(page, 2).locator('tbody tr').last()).toContainText('completed → reassembled');
    await expect(group(page, 2).locator('tbody tr').last()).toContainText('ip_frag_reasm');
    // Every packet listed; the whole datagram (packet 6) is in no group.
    await expect(packetRows(page)).toHaveCount(10);
    await expect(packetRows(page).nth(2)).toContainText('fragment [0, 552) MF, id 30420, group 2');
    await expect(packetRows(page).nth(5)).toContainText('UDP');
    await expect(packetRows(page).nth(5)).not.toContainText('fragment');
  });

  test('a capture dropped on a lab opens too, and the drop zone shows while dragging', async ({ page }) => {
    await page.goto('./#/fragment?len=4000&mtu=1500&family=inet');
    await expect(page.getByRole('heading', { level: 1, name: 'Fragmentation' })).toBeVisible();
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array([1])], 'x.pcap'));
      document.body.dispatchEvent(new DragEvent('dragenter', { bubbles: true, dataTransfer: dt }));
    });
    await expect(page.getByText('Let go to open the capture')).toBeVisible();
    await dropFile(page, 'netlink.pcap', fixture('netlink.pcap'));
    await expect(fileHeading(page, 'netlink.pcap')).toBeVisible();
    await expect(page.getByText('Let go to open the capture')).toHaveCount(0);
    // Netlink frames decoded, each opening in the Netlink lab.
    const frames = page.getByRole('table', { name: /^Netlink frames/ }).locator('tbody tr');
    await expect(frames).toHaveCount(10);
    await expect(frames.first()).toContainText('RTM_GETLINK');
    await frames.nth(1).getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Netlink' })).toBeVisible();
    await expect(page).toHaveURL(/#\/netlink\?hex=[0-9a-f]+&family=route/);
    await expect(page.getByText('RTM_NEWLINK').first()).toBeVisible();
  });

  test('the share bar’s Open capture picks a file; raw fragments get the kernel’s verdicts', async ({
    page,
  }) => {
    await page.goto('./#/socket');
    await appDrawn(page);
    await pick(
      page,
      'raw-frags-lo.pcap',
      fixture('raw-frags-lo.pcap'),
      page.getByLabel('Open capture', { exact: true }),
    );
    await expect(groups(page)).toHaveCount(9);
    // Group 2: a duplicate fragment, dropped alone; group 4: an overlap drops the queue.
    await expect(group(page, 2).locator('tbody tr').nth(2)).toContainText('duplicate: dropped alone');
    await expect(group(page, 4).locator('tbody tr').nth(1)).toContainText('overlap: queue dropped');
    await expect(group(page, 4)).toContainText('The model delivers nothing from this group.');
  });

  test('a fragment group replays in the Reassembly lab: arrivals at their capture times, verdicts', async ({
    page,
  }) => {
    await page.goto('./#/capture');
    await pick(page, 'raw-frags-lo.pcap', fixture('raw-frags-lo.pcap'));
    await group(page, 2).getByRole('link', { name: 'Replay group 2 in the Reassembly lab' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Reassembly' })).toBeVisible();
    await expect(page).toHaveURL(/&at=0,0\.293,0\.497,3\.74$/);
    await expect
      .poll(() => arrivals(page))
      .toEqual([
        ['0', '[0, 200)', 'queued'],
        ['0.293', '[200, 400)', 'queued'],
        ['0.497', '[200, 400)', 'duplicate: dropped alone'],
        ['3.74', '[400, 600)', 'completed → reassembled'],
      ]);
    await expect(page.locator('.rq-headline')).toHaveText('Delivered: recv() returns 592 bytes.');
  });

  test('a captured send compared with the Fragmentation model: agreement, then differences marked', async ({
    page,
  }) => {
    await page.goto('./#/capture');
    await pick(page, 'sendto-lo.pcap', fixture('sendto-lo.pcap'));
    const g = group(page, 2);
    await g.getByRole('button', { name: 'Compare group 2 with the Fragmentation model' }).click();
    const cmp = page.getByRole('region', { name: 'Group 2 side by side with the model’s send' });
    await expect(cmp).toContainText('sends 1,200 bytes over IPv4 udp at MTU 572');
    await expect(cmp.getByRole('status')).toHaveText(
      'The model agrees, packet for packet (IP ids and times are free).',
    );
    const table = cmp.getByRole('table');
    await expect(table.locator('tbody tr')).toHaveCount(3);
    await expect(table.locator('.capture-diff')).toHaveCount(0);
    // At MTU 1000 the model cuts the datagram differently: the differing fields are marked.
    await cmp.getByLabel('MTU for the model').fill('1000');
    await cmp.getByRole('button', { name: 'Compare at this MTU' }).click();
    await expect(cmp.getByRole('status')).toHaveText(
      '3 wire packets differ: the differing fields are marked ≠.',
    );
    const first = table.locator('tbody tr').first();
    await expect(first).toHaveClass(/capture-row-diff/);
    await expect(first.locator('td.capture-diff').first()).toContainText('572≠996');
    await expect(first.locator('td.capture-diff').first()).toContainText('(differs)');
    // The model's send opens in the Fragmentation lab.
    await cmp.getByRole('link', { name: 'Open this send in the Fragmentation lab' }).click();
    await expect(page).toHaveURL(/#\/fragment\?len=1200&mtu=1000&family=inet&sock=udp/);
    await expect(page.getByRole('heading', { level: 1, name: 'Fragmentation' })).toBeVisible();
  });

  test('a compare with options: the captured IP options reach the model', async ({ page }) => {
    await page.goto('./#/capture');
    await pick(page, 'sendto-sll.pcap', fixture('sendto-sll.pcap'));
    await group(page, 3)
      .getByRole('button', { name: /^Compare group 3/ })
      .click();
    const cmp = page.getByRole('region', { name: /^Group 3 side by side/ });
    await expect(cmp).toContainText('options 070b04000000000000000000');
    await expect(cmp.getByRole('status')).toContainText('The model agrees');
  });

  for (const lab of [
    { path: 'fragment', query: 'len=4000&mtu=1500&family=inet', packets: 3, delivered: '4,000' },
    { path: 'fragment', query: 'len=3000&mtu=1280&family=inet6', packets: 3, delivered: '3,000' },
    {
      path: 'reassemble',
      query: 'len=1200&family=inet&frags=0:552:1,552:552:1,1104:104:0&order=0,2,1&at=0,0.011,0.016',
      packets: 3,
      delivered: '1,200',
    },
  ] as const) {
    test(`Export pcapng from ${lab.path} (${lab.query.slice(0, 30)}…) parses back and re-opens`, async ({
      page,
    }) => {
      await page.goto(`./#/${lab.path}?${lab.query}`);
      await appDrawn(page);
      const { name, bytes } = await exported(page);
      expect(name).toBe(`sockscope-${lab.path}.pcapng`);
      await expect(page.getByText(`Saved ${name} (${lab.packets} packets).`)).toBeVisible();
      // The download's bytes, read by core/pcap: a clean pcapng, one fragment group, delivered.
      const c = readPcap(new Uint8Array(bytes));
      expect(c.format).toBe('pcapng');
      expect(c.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
      expect(c.packets).toHaveLength(lab.packets);
      const a = analyzeCapture(c);
      expect(a.groups).toHaveLength(1);
      expect(a.replays[0]?.result.ok && a.replays[0].result.delivered.length).toBe(1);
      if (lab.path === 'reassemble') {
        // The arrivals in the lab's order (0, 2, 1), at the lab's times.
        const offsets = a.groups[0]!.packets.map((p) => a.views[p]?.frag?.offset);
        expect(offsets).toEqual([0, 1104, 552]);
        const t0 = c.packets[0]!.time;
        const us = c.packets.map((p) =>
          Math.round((p.time.sec - t0.sec) * 1e6 + (p.time.nsec - t0.nsec) / 1000),
        );
        expect(us).toEqual([0, 11, 16]);
      }
      // And it re-opens in sockscope, through the share bar.
      await pick(page, name, bytes, page.getByLabel('Open capture', { exact: true }));
      await expect(groups(page)).toHaveCount(1);
      await expect(group(page, 1)).toContainText(
        `The model reassembles the datagram and delivers ${lab.delivered} bytes.`,
      );
    });
  }

  test('Export pcapng from the Netlink lab: LINKTYPE_NETLINK, the same messages re-open', async ({
    page,
  }) => {
    await page.goto(
      './#/netlink?hex=280000001200010301000000000000000000000000000000000000000000000008001d0001000000&family=route',
    );
    await appDrawn(page);
    const { name, bytes } = await exported(page);
    const c = readPcap(new Uint8Array(bytes));
    expect(c.interfaces.map((i) => i.linkType)).toEqual([253]);
    expect(c.packets).toHaveLength(1);
    await pick(page, name, bytes, page.getByLabel('Open capture', { exact: true }));
    const frames = page.getByRole('table', { name: /^Netlink frames/ }).locator('tbody tr');
    await expect(frames).toHaveCount(1);
    await expect(frames.first()).toContainText('route');
    await expect(frames.first()).toContainText('RTM_GETLINK');
  });

  test('a truncated file: the cut is named by block and byte offset; what came before stays usable', async ({
    page,
  }) => {
    await page.goto('./#/capture');
    await pick(page, 'cut.pcap', fixture('sendto-lo.pcap').subarray(0, 3000));
    await expect(page.getByText('Reading stopped at byte 2,790 of 3,000')).toBeVisible();
    await expect(
      page.getByText('pcap record at byte 2,790 is cut short: it needs 602 bytes, the file ends after 210.'),
    ).toBeVisible();
    await expect(packetRows(page)).toHaveCount(3);
    await expect(group(page, 1)).toContainText('delivers 2,000 bytes');
    await group(page, 1)
      .getByRole('link', { name: /^Replay group 1/ })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Reassembly' })).toBeVisible();
    await expect
      .poll(async () => (await arrivals(page)).map((r) => r[2]))
      .toEqual(['queued', 'completed → reassembled']);
  });

  test('a corrupt pcapng block and a file that is no capture get clear messages', async ({ page }) => {
    const bytes = Buffer.from(fixture('sendto-lo-nsec.pcapng'));
    // The fourth EPB's block total length, made absurd.
    let off = 0;
    let epb = 0;
    while (off < bytes.length) {
      const type = bytes.readUInt32LE(off);
      const len = bytes.readUInt32LE(off + 4);
      if (type === 6 && ++epb === 4) break;
      off += len;
    }
    bytes.writeUInt32LE(0x7ffffff0, off + 4);
    await page.goto('./#/capture');
    await pick(page, 'corrupt.pcapng', bytes);
    await expect(page.getByText(`Reading stopped at byte ${off.toLocaleString('en-US')} of`)).toBeVisible();
    await expect(
      page.getByText(`EPB at byte ${off.toLocaleString('en-US')}: block total length`),
    ).toBeVisible();
    await expect(packetRows(page)).toHaveCount(3);
    // Not a capture at all: said so; the page still works.
    await page.locator('.capture-open input[type=file]').setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('hello, not a capture\n'.repeat(20)),
    });
    await expect(fileHeading(page, 'notes.txt')).toBeVisible();
    await expect(
      page.getByRole('alert').filter({ hasText: 'This is not a pcap or pcapng file' }),
    ).toBeVisible();
    await expect(page.getByText('Not a pcap or pcapng file: the first 4 bytes are 68656c6c')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Fragment groups' })).toHaveCount(0);
  });

  test('a large file is read in the worker with a progress bar, and the page keeps drawing', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    // ~8 MB: sendto-lo.pcap's IPv4 records repeated, each copy with its own IP ids (so each copy
    // is its own fragment groups), the header checksum made right again.
    const big = bigCapture(8 << 20);
    await page.goto('./#/capture');
    await expect(page.getByRole('heading', { level: 1, name: 'Open a capture' })).toBeVisible();
    // Every value the progress bar shows, as the page draws it, and the frames drawn meanwhile.
    await page.evaluate(() => {
      const w = window as unknown as { seen: number[]; phases: string[]; frames: number; done: boolean };
      w.seen = [];
      w.phases = [];
      w.frames = 0;
      w.done = false;
      new MutationObserver(() => {
        const bar = document.querySelector('progress');
        const v = bar?.value;
        if (bar?.dataset.phase === 'read' && v !== undefined && w.seen.at(-1) !== v) w.seen.push(v);
        const phase = bar?.dataset.phase;
        if (phase && w.phases.at(-1) !== phase) w.phases.push(phase);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
      const tick = () => {
        if (document.querySelector('progress')) w.frames += 1;
        if (!w.done) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page
      .locator('.capture-open input[type=file]')
      .setInputFiles({ name: 'big.pcap', mimeType: 'application/vnd.tcpdump.pcap', buffer: big.bytes });
    await expect(fileHeading(page, 'big.pcap')).toBeVisible({ timeout: 200_000 });
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    const { seen, phases, frames } = await page.evaluate(() => {
      const w = window as unknown as { seen: number[]; phases: string[]; frames: number; done: boolean };
      w.done = true;
      return { seen: w.seen, phases: w.phases, frames: w.frames };
    });
    // After reading, the bar tells the analysis too: packets taken apart, then groups replayed.
    expect(phases).toEqual(['read', 'analyse', 'replay']);
    // The bar moved through the file a chunk at a time (1 MiB), drawn while the worker read on:
    // a page that read on its own thread would draw no bar between the first value and the last.
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
    expect(seen.at(-1)).toBe(big.bytes.length);
    expect(frames).toBeGreaterThanOrEqual(3);
    await expect(
      page.getByText(`pcap, little-endian: ${big.packets.toLocaleString('en-US')} packets`),
    ).toBeVisible();
    await expect(page.getByRole('table', { name: /^Packets 1–100 of / })).toBeVisible();
    await page.getByRole('button', { name: 'Next packets' }).click();
    await expect(page.getByRole('table', { name: /^Packets 101–200 of / })).toBeVisible();
    // A thousand groups replayed, shown twenty at a time.
    await expect(page.getByText('Groups 1–20 of 1,000')).toBeVisible();
    await page.getByRole('button', { name: 'Next groups' }).click();
    await expect(page.getByText('Groups 21–40 of 1,000')).toBeVisible();
    await expect(group(page, 21)).toBeVisible();
    await expect(groups(page)).toHaveCount(20);
  });
});

test.describe('capture page: axe', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const width of [360, 1440]) {
      test(`${scheme} ${width}px, empty and with a capture and a comparison open: no axe violations`, async ({
        page,
      }) => {
        test.setTimeout(120_000);
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize({ width, height: 900 });
        await page.goto('./#/capture');
        await expect(page.getByRole('heading', { level: 1, name: 'Open a capture' })).toBeVisible();
        const check = async () => {
          const { violations } = await new AxeBuilder({ page }).analyze();
          return violations.map(
            (v) =>
              `${v.id} (${v.impact}): ${v.nodes
                .map((n) => n.target.join(' '))
                .slice(0, 6)
                .join(' | ')}`,
          );
        };
        expect(await check()).toEqual([]);
        await pick(page, 'multi-if.pcapng', fixture('multi-if.pcapng'));
        await group(page, 2)
          .getByRole('button', { name: /^Compare group 2/ })
          .click();
        await page
          .getByRole('region', { name: /^Group 2 side by side/ })
          .getByLabel('MTU for the model')
          .fill('1000');
        await page.getByRole('button', { name: 'Compare at this MTU' }).click();
        await expect(page.getByText(/wire packets differ/)).toBeVisible();
        expect(await check()).toEqual([]);
        // A truncated file's findings and the partial-read notice.
        await pick(page, 'cut.pcap', fixture('sendto-lo.pcap').subarray(0, 3000));
        await expect(page.getByText(/Reading stopped at byte/)).toBeVisible();
        expect(await check()).toEqual([]);
      });
    }
  }
});
