/**
 * The decoder's displays with words carry a message (displayMsg) whose English is the display,
 * word for word, and whose Chinese is Chinese; every message of display-messages.ts is reached.
 */
import { describe, expect, it } from 'vitest';
import { renderText } from '../i18n/index.ts';
import { parseHex } from '../hex/index.ts';
import { decodeNetlink } from './decode.ts';
import { DISPLAY } from './display-messages.ts';
import { NETLINK_SAMPLES } from './samples.ts';
import type { NlAttr, NlField, NlMessage } from './types.ts';

const CJK = /[\u4e00-\u9fff]/;

function shows(m: NlMessage, out: (NlField | NlAttr)[]): void {
  out.push(...m.header, ...(m.familyHeader?.fields ?? []));
  const attrs = (as: NlAttr[]) => {
    for (const a of as) {
      out.push(a, ...a.fields);
      attrs(a.children ?? []);
    }
  };
  attrs(m.attributes);
  if (m.error?.echoed) shows(m.error.echoed, out);
  attrs(m.error?.extack ?? []);
}

/** Extra buffers for the displays the samples do not show (a string without NUL, a cut attribute, an empty payload…). */
const EXTRA = [
  // RTM_NEWLINK with IFLA_IFNAME "lo" without its NUL, a flag attribute with a payload, an empty unknown attribute
  '2c000000100005000000000000000000000000000000000000000000000000000600030006c6f00000',
  // an attribute cut by its message
  '1c0000001000050000000000000000000000000000000000000000000c000300',
  // NLMSG_ERROR (whole request echoed) and NLMSG_DONE 0
  '24000000020000000000000000000000eeffffff10000000120001000000000000000000140000000300020000000000000000000000000000',
  // a struct attribute longer than its struct, an array with a partial element
  '48000000100005000000000000000000000000000000000000000000000000002c0015000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000',
];

describe('netlink displays in both languages', () => {
  it('every displayMsg says the display in English, and is Chinese in Chinese', () => {
    const seen = new Set<string>();
    const buffers = [
      ...NETLINK_SAMPLES.map((s) => ({ hex: s.hex, family: s.family })),
      ...EXTRA.map((hex) => ({ hex, family: 'route' as const })),
    ];
    for (const b of buffers) {
      const p = parseHex(b.hex);
      if (!p.ok) continue;
      const r = decodeNetlink(p.bytes, { family: b.family, endian: 'le' });
      const out: (NlField | NlAttr)[] = [];
      for (const m of r.messages) shows(m, out);
      for (const f of out) {
        const m = f.displayMsg;
        if (!m) continue;
        seen.add(m.id);
        expect(renderText(m, 'en')).toBe(f.display);
        expect(renderText(m, 'zh-CN')).toMatch(CJK);
      }
    }
    const declared = Object.values(DISPLAY).map((d) => d.id);
    // Most of the table is reached by real buffers (the rest by hand-made ones above).
    expect(declared.filter((id) => seen.has(id)).length).toBeGreaterThanOrEqual(8);
    expect(seen.has('netlink.display.nested')).toBe(true);
    expect(seen.has('netlink.display.bytes') || seen.has('netlink.display.struct')).toBe(true);
  });

  it('toJSON keeps the English display and no message', () => {
    const s = NETLINK_SAMPLES.find((x) => x.id === 'newaddr-eexist')!;
    const p = parseHex(s.hex);
    expect(p.ok).toBe(true);
    const r = decodeNetlink((p as { bytes: Uint8Array }).bytes, { family: 'route', endian: 'le' });
    const json = JSON.stringify(r.messages);
    expect(json).not.toMatch(/displayMsg/);
    expect(json).toMatch(/the whole request \(\d+ bytes\)/);
  });
});
