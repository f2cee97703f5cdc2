/**
 * axe-core in every lab: light and dark, 360 and 1,440 px, standalone and embedded, on the default
 * state and on one error state each (a bad URL value or an errno case). Any violation, of any
 * impact, fails. One page load per combination; the combinations run as parallel tests.
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.ts';

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
            await expect(page.locator('h1').first()).toBeVisible();
            const { violations } = await new AxeBuilder({ page }).analyze();
            const summary = violations.map(
              (v) =>
                `${v.id} (${v.impact}): ${v.nodes
                  .map((n) => n.target.join(' '))
                  .slice(0, 6)
                  .join(' | ')}`,
            );
            expect(summary).toEqual([]);
          });
        }
      }
    }
  }
}
