/**
 * Challenge mode (issue 14, "predict, then reveal") in every lab: a teacher's URL (`challenge=1`
 * plus the case) asks before it shows; a right answer reveals, a wrong one says "try again" and
 * keeps the results hidden, "Show me" reveals the kernel's answer; the score is kept for the
 * session (sessionStorage) across a reload; the veil lifts after the reveal; embeds, zh-CN,
 * keyboard-only, and axe at 360 and 1,440 px in light and dark.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

interface Case {
  path: string;
  query: string;
  /** What a student types, or the label of the option they pick. */
  right: string;
  wrong: string;
  kind: 'number' | 'choice';
}

/** One case per lab; the answers are what the core gives for these inputs (the unit tests derive them). */
const CASES: Case[] = [
  {
    path: 'fragment',
    query: 'len=4000&mtu=1500&family=inet&sock=udp&pmtu=want',
    right: '3',
    wrong: '2',
    kind: 'number',
  },
  {
    path: 'socket',
    query: 'domain=AF_INET&type=SOCK_DGRAM&protocol=0&priv=root',
    right: 'A new socket (a file descriptor)',
    wrong: 'EACCES (Permission denied)',
    kind: 'choice',
  },
  // The default sequence ends with skb_push(skb, 14) with data at 16.
  { path: 'skb', query: '', right: '2', wrong: '16', kind: 'number' },
  {
    path: 'reassemble',
    query: 'len=2992&frags=0:1480:1,1480:1480:1,2960:40:0&order=2,0,1',
    right: 'Delivered to the application',
    wrong: 'Still waiting in the reassembly queue',
    kind: 'choice',
  },
  { path: 'netlink', query: '', right: '40', wrong: '36', kind: 'number' },
  {
    path: 'journey',
    query: 'len=4000&mtu=1500&family=inet',
    right: 'Not cut off yet: still inside the whole datagram',
    wrong: 'On the wire',
    kind: 'choice',
  },
];

const url = (c: Case, extra = '') =>
  `./#/${c.path}?${[c.query, 'challenge=1', extra].filter(Boolean).join('&')}`;
const panelOf = (page: Page) => page.getByRole('region', { name: /Challenge: predict, then reveal|挑战/ });

async function answer(page: Page, c: Case, value: string) {
  const panel = panelOf(page);
  if (c.kind === 'number') await panel.getByRole('textbox', { name: 'Your answer' }).fill(value);
  else await panel.getByRole('radio', { name: value, exact: true }).check();
  await panel.getByRole('button', { name: 'Check' }).click();
}

// The machine the suite runs on may be busy: a lab's first load and axe on a whole page take time.
test.describe.configure({ timeout: 300_000 });

for (const c of CASES) {
  test(`${c.path}: right first try, then after a reload wrong, try again and Show me; the score stays for the session`, async ({
    page,
  }) => {
    await page.goto(url(c));
    const panel = panelOf(page);
    const veil = page.getByText('Results hidden until you answer the challenge.');
    await expect(panel).toBeVisible({ timeout: 60_000 });
    await expect(veil).toBeVisible();
    await expect(page.locator('[data-main-diagram]')).toHaveCount(0);
    await expect(panel.getByTestId('challenge-score')).toHaveText('Score this session: 0 of 0');

    await answer(page, c, c.right);
    const verdict = panel.getByTestId('challenge-verdict');
    await expect(verdict).toContainText('Right!');
    await expect(verdict.getByRole('heading', { name: 'Why' })).toBeVisible();
    await expect(verdict).toBeFocused();
    await expect(panel.getByTestId('challenge-score')).toHaveText('Score this session: 1 of 1');
    // The veil lifts: the results are back.
    await expect(veil).toHaveCount(0);

    // A reload asks again (same case), and the score is still there.
    await page.reload();
    await expect(panel.getByTestId('challenge-score')).toHaveText('Score this session: 1 of 1', {
      timeout: 60_000,
    });
    await expect(veil).toBeVisible();
    await answer(page, c, c.wrong);
    await expect(panel.getByTestId('challenge-try')).toContainText('Not quite');
    await expect(panel.getByTestId('challenge-try')).toContainText('Try again');
    // Still hidden, nothing counted yet.
    await expect(veil).toBeVisible();
    await expect(panel.getByTestId('challenge-verdict')).toHaveCount(0);
    await expect(panel.getByTestId('challenge-score')).toHaveText('Score this session: 1 of 1');
    await panel.getByRole('button', { name: 'Show me' }).click();
    await expect(verdict).toContainText('Not quite');
    await expect(verdict).toContainText('the kernel’s answer is');
    await expect(verdict).toContainText(c.right);
    await expect(panel.getByTestId('challenge-score')).toHaveText('Score this session: 1 of 2');
    await expect(veil).toHaveCount(0);
  });
}

test('fragment: right on the second try is shown as such and does not score', async ({ page }) => {
  const c = CASES[0]!;
  await page.goto(url(c));
  const panel = panelOf(page);
  await expect(panel).toBeVisible({ timeout: 60_000 });
  await answer(page, c, c.wrong);
  await expect(panel.getByTestId('challenge-try')).toContainText('Not quite: 2');
  // Full-width digits, as a Chinese IME types them.
  await answer(page, c, '３');
  await expect(panel.getByTestId('challenge-verdict')).toContainText('Right, on try 2');
  await expect(panel.getByTestId('challenge-score')).toHaveText('Score this session: 0 of 1');
  // The next question: the offsets, hidden again until answered.
  await panel.getByRole('button', { name: 'Next question' }).click();
  await expect(panel.getByText('Question 2 of 2')).toBeVisible();
  await expect(page.getByText('Results hidden until you answer the challenge.')).toBeVisible();
  await answer(page, c, '0, 1480, 2960');
  await expect(panel.getByTestId('challenge-verdict')).toContainText('Right!');
});

test('keyboard only: Tab to an option, Space picks it, Enter on Check reveals', async ({ page }) => {
  const c = CASES[1]!;
  await page.goto(url(c));
  const panel = panelOf(page);
  await expect(panel).toBeVisible({ timeout: 60_000 });
  const first = panel.getByRole('radio').first();
  await first.focus();
  await expect(first).toBeFocused();
  await page.keyboard.press('Space');
  await expect(panel.getByRole('radio', { name: c.right, exact: true })).toBeChecked();
  // Tab leaves the radio group to the Check button.
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('button', { name: 'Check' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('challenge-verdict')).toBeFocused();
  await expect(panel.getByTestId('challenge-verdict')).toContainText('Right!');
});

test('embed: ?embed=1&challenge=1 asks inside the embed, and the diagram comes after the answer', async ({
  page,
}) => {
  const c = CASES[0]!;
  await page.goto(url(c, 'embed=1'));
  const panel = panelOf(page);
  await expect(panel).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('[data-main-diagram]')).toHaveCount(0);
  await answer(page, c, c.right);
  await expect(panel.getByTestId('challenge-verdict')).toContainText('Right!');
  await expect(page.locator('[data-main-diagram]').first()).toBeVisible();
  // The diagram-only view asks too.
  await page.goto('./#/fragment?len=4000&mtu=576&challenge=1&embed=1&view=diagram');
  await expect(panelOf(page)).toBeVisible({ timeout: 60_000 });
  await expect(panelOf(page).getByText(/MTU is 576/)).toBeVisible();
});

test('zh-CN: the question, the try-again line and the explanation are in Chinese', async ({ page }) => {
  const c = CASES[4]!;
  await page.goto(url(c, 'lang=zh-CN'));
  const panel = page.getByRole('region', { name: '挑战：先预测，再揭晓' });
  await expect(panel).toBeVisible({ timeout: 60_000 });
  await expect(panel).toContainText('它的 nlmsg_len 是多少？');
  await panel.getByRole('textbox').fill('３６');
  await panel.getByRole('button', { name: '检查' }).click();
  await expect(panel.getByTestId('challenge-try')).toContainText('不太对');
  await panel.getByRole('textbox').fill('４０');
  await panel.getByRole('button', { name: '检查' }).click();
  await expect(panel.getByTestId('challenge-verdict')).toContainText('nlmsg_len 统计整条消息的长度');
});

for (const c of CASES)
  for (const [scheme, width] of [
    ['light', 1440],
    ['dark', 360],
  ] as const)
    test(`${c.path} ${scheme} ${width}px: no axe violations with a question open and after the reveal`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height: 900 });
      await page.goto(url(c));
      await expect(panelOf(page)).toBeVisible({ timeout: 60_000 });
      // The panel (and the veil) while a question is open; the whole page after the reveal (the
      // lab's own pages are covered by a11y.spec.ts).
      const check = async (selector?: string) => {
        const axe = new AxeBuilder({ page });
        if (selector) axe.include(selector);
        const { violations } = await axe.analyze();
        expect(
          violations.map(
            (v) =>
              `${v.id} (${v.impact}): ${v.nodes
                .map((n) => n.target.join(' '))
                .slice(0, 6)
                .join(' | ')}`,
          ),
        ).toEqual([]);
      };
      await check('.challenge');
      await check('.challenge-veil');
      await answer(page, c, c.wrong);
      await expect(panelOf(page).getByTestId('challenge-try')).toContainText('Not quite');
      await check('.challenge');
      await panelOf(page).getByRole('button', { name: 'Show me' }).click();
      await expect(panelOf(page).getByTestId('challenge-verdict')).toBeVisible();
      await check();
      // Nothing wider than the page.
      const sw = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(sw).toBeLessThanOrEqual(width);
    });

/**
 * Challenge mode's code and words (the panel, the lab's questions, their catalog parts) are
 * fetched when it is first turned on, not with the lab (issue 17: a page carries what it shows).
 * Found by what a response holds — the questions' ids, in their code and their catalog part —
 * since chunk names are hashed.
 */
// The lab's questions: their code and their catalog part name their ids. The panel: its code
// (the verdict's test id) and its catalog part (the kit's challenge words as a part's JSON keys;
// the kit's first chunk names some of those ids too, as strings, for the answer checker).
const QUESTIONS = (path: string) => `lab.${path}.challenge.`;
const PANEL = /challenge-verdict|"app\.kit\.challenge\.\w+":\[/;
const CHALLENGE_CHUNK = /lab\.[a-z]+\.challenge\.|challenge-verdict|"app\.kit\.challenge\.\w+":\[/;

const challengeBodies = (page: Page, path: string) => {
  const got: { questions: number; panel: number } = { questions: 0, panel: 0 };
  page.on('response', async (r) => {
    if (!r.url().endsWith('.js')) return;
    const body = await r.text().catch(() => '');
    if (body.includes(QUESTIONS(path))) got.questions++;
    if (PANEL.test(body)) got.panel++;
  });
  return got;
};

/** Holds back every script of challenge mode until `release` is called; or fails them. */
async function holdChallenge(page: Page, how: 'hold' | 'abort') {
  let release = () => {};
  const released = new Promise<void>((r) => (release = r));
  await page.route(/\.js$/, async (route) => {
    const res = await route.fetch();
    const body = await res.text();
    if (!CHALLENGE_CHUNK.test(body)) return route.fulfill({ response: res, body });
    if (how === 'abort') return route.abort();
    await released;
    return route.fulfill({ response: res, body });
  });
  return release;
}

test('challenge mode’s code and words come when it is turned on, and the results wait for them', async ({
  page,
}) => {
  const c = CASES[3]!;
  const got = challengeBodies(page, c.path);
  const release = await holdChallenge(page, 'hold');
  await page.goto(`./#/${c.path}?${c.query}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Reassembly' })).toBeVisible({ timeout: 60_000 });
  const toggle = page.getByRole('button', { name: 'Challenge me' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('[data-main-diagram]').first()).toBeVisible();
  expect(got).toEqual({ questions: 0, panel: 0 });

  await toggle.click();
  // While the questions are held back: a status line, and the results already hidden.
  await expect(page.getByRole('status').filter({ hasText: 'Loading the questions…' })).toBeVisible();
  await expect(page.getByText('Results hidden until you answer the challenge.')).toBeVisible();
  await expect(page.locator('[data-main-diagram]')).toHaveCount(0);
  release();
  const panel = panelOf(page);
  await expect(panel).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Loading the questions…')).toHaveCount(0);
  // The lab's questions (their code and their words) and the kit's panel words arrived.
  expect(got.questions).toBeGreaterThanOrEqual(2);
  expect(got.panel).toBeGreaterThanOrEqual(2);
  await answer(page, c, c.right);
  await expect(panel.getByTestId('challenge-verdict')).toContainText('Right!');
});

test('challenge mode that cannot load its questions says so, shows the results, and retries when turned on again', async ({
  page,
  consoleErrors,
}) => {
  const c = CASES[0]!;
  await holdChallenge(page, 'abort');
  await page.goto(url(c));
  const alert = page.getByRole('alert').filter({ hasText: 'The questions could not be loaded' });
  await expect(alert).toBeVisible({ timeout: 60_000 });
  // Nothing to answer: the results are not hidden.
  await expect(page.getByText('Results hidden until you answer the challenge.')).toHaveCount(0);
  await expect(page.locator('[data-main-diagram]').first()).toBeVisible();
  // Back online: off and on again asks.
  await page.unroute(/\.js$/);
  const toggle = page.getByRole('button', { name: 'Challenge me' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await page.getByRole('button', { name: 'Challenge me' }).click();
  await expect(panelOf(page)).toBeVisible({ timeout: 30_000 });
  await expect(alert).toHaveCount(0);
  await answer(page, c, c.right);
  await expect(panelOf(page).getByTestId('challenge-verdict')).toContainText('Right!');
  // The failed fetches were logged by the browser, as they should be; nothing else was.
  const failed = consoleErrors.filter((e) => /^Failed to load resource/.test(e));
  expect(failed.length).toBeGreaterThan(0);
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !failed.includes(e)));
});

test('a teacher’s challenge=1 link asks for the questions with the lab, not after its declaration (app/boot/route-preload.js)', async ({
  page,
}) => {
  const c = CASES[3]!;
  // The lab's declaration (its lab.ts: `loadChallenge: () => import(…)`) is what the app reads
  // before it can ask for the questions itself: held back, only the preload can have asked.
  let release = () => {};
  const released = new Promise<void>((r) => (release = r));
  const seen = { questions: 0, panel: 0, declarationHeld: false };
  await page.route(/\.js$/, async (route) => {
    const res = await route.fetch();
    const body = await res.text();
    if (body.includes(QUESTIONS(c.path))) seen.questions++;
    if (PANEL.test(body)) seen.panel++;
    if (/loadChallenge:\(\)=>/.test(body)) {
      seen.declarationHeld = true;
      await released;
    }
    return route.fulfill({ response: res, body });
  });
  await page.goto(url(c));
  await expect.poll(() => seen.declarationHeld, { timeout: 30_000 }).toBe(true);
  // The questions' code and words, and the panel's, while the declaration is still held.
  await expect.poll(() => seen.questions, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  await expect.poll(() => seen.panel, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  release();
  await expect(panelOf(page)).toBeVisible({ timeout: 60_000 });
  await answer(page, c, c.right);
  await expect(panelOf(page).getByTestId('challenge-verdict')).toContainText('Right!');
});
