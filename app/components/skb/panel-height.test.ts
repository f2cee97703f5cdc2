import { describe, expect, it } from 'vitest';
import { ipSend } from '../../../core/ip/send.ts';
import { DEFAULT_SEND_INPUT } from '../../../core/ip/types.ts';
import type { SkbSnapshot } from '../../../core/skb/index.ts';
import en from '../../../core/i18n/locales/en.json';
import zh from '../../../core/i18n/locales/zh-CN.json';
import { ROW } from './geometry.ts';
import { BADGE_STATES, PANEL, ROOM_HEADERS, charWidths, skbPanelHeight } from './panel-height.ts';

/** The sk_buffs held at the last step of a UDP send of `len` bytes at `mtu`. */
function held(len: number, mtu: number): readonly SkbSnapshot[] {
  const r = ipSend({ ...DEFAULT_SEND_INPUT, sends: [len], mtu });
  if (!('trace' in r)) throw new Error('the send failed');
  const withSkbs = r.trace.filter((s) => s.snapshot.skbs.length > 0);
  return withSkbs[withSkbs.length - 1]!.snapshot.skbs;
}

/** One sk_buff with `chain` sk_buffs on its frag_list. */
function chained(chain: number): SkbSnapshot[] {
  const [one] = held(1000, 1500);
  return [{ ...one!, frag_list: Array.from({ length: chain }, (_, i) => ({ ...one!, id: 100 + i })) }];
}

const at = (skbs: readonly SkbSnapshot[], width: number, locale: 'en' | 'zh-CN' = 'en') =>
  skbPanelHeight({ skbs, width, locale, measure: charWidths });

describe('skbPanelHeight (the sk_buff panel’s height before its chunk: issue 17)', () => {
  it('is the table’s cap plus the drawings once the table has more rows than fit', () => {
    // Each sk_buff on the chain adds one drawing (up to four) and one table row (up to 40).
    const h = [0, 1, 2, 3, 4, 5].map((n) => at(chained(n), 900));
    for (let n = 1; n <= 4; n++) expect(h[n]! - h[n - 1]!).toBeGreaterThan(ROW.bar + 20);
    // The fifth is "… more on the chain" (a line); the table, turned (one column per sk_buff), keeps its rows.
    expect(h[5]! - h[4]!).toBeCloseTo(PANEL.chainGap + PANEL.moreLine, 5);
    expect(at(chained(60), 900)).toBe(at(chained(61), 900));
  });

  it('grows as the width narrows: the head lines and the colour key wrap, the table turns', () => {
    const skbs = held(4000, 1500);
    const wide = at(skbs, 1200);
    const narrow = at(skbs, 260);
    expect(narrow).toBeGreaterThan(wide);
    // Never more than the drawings, the key and the table at their tallest.
    expect(narrow).toBeLessThan(2000);
  });

  it('counts the step’s values above the drawings, wrapping at the width', () => {
    const skbs = held(4000, 1500);
    const vars = { len: 4000, ulen: 4008, fragsize: 1500 };
    const plain = at(skbs, 900);
    const one = skbPanelHeight({ skbs, vars, width: 900, locale: 'en', measure: charWidths });
    expect(one - plain).toBeCloseTo(PANEL.vars.line + PANEL.panelGap, 5);
    const two = skbPanelHeight({ skbs, vars, width: 200, locale: 'en', measure: charWidths });
    expect(two - at(skbs, 200)).toBeGreaterThan(2 * PANEL.vars.line);
    // No sk_buff: the values and the "no sk_buff" line.
    expect(skbPanelHeight({ skbs: [], vars, width: 900, locale: 'en' })).toBeCloseTo(
      PANEL.vars.line + PANEL.panelGap + PANEL.moreLine,
      5,
    );
  });

  it('knows the words it measures in both languages as the catalogs have them (table headers, badge states)', () => {
    const catalogs = { en, 'zh-CN': zh } as Record<'en' | 'zh-CN', Record<string, string>>;
    for (const locale of ['en', 'zh-CN'] as const) {
      expect(BADGE_STATES[locale]).toEqual({
        isNew: catalogs[locale]['app.skb.badge.new'],
        seenBefore: catalogs[locale]['app.skb.badge.seenBefore'],
      });
      expect(ROOM_HEADERS[locale]).toEqual([
        catalogs[locale]['app.skb.headroom'],
        catalogs[locale]['app.skb.tailroom'],
      ]);
    }
  });
});
