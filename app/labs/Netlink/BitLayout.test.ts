/** The layout's rows re-render only when what they draw changed (issue 17: a one-digit edit). */
import { describe, expect, it } from 'vitest';
import { decodeNetlink, NETLINK_SAMPLES, parseHex } from '../../../core/netlink/index.ts';
import { sameRowProps } from './BitLayout.tsx';
import { keepSameFields, layoutRows, leafFields } from './layout.ts';

describe('sameRowProps', () => {
  it('after "lo" → "ln" only the rows drawing the edited field differ', () => {
    const p = parseHex(NETLINK_SAMPLES.find((s) => s.id === 'getlink-dump')!.hex);
    if (!p.ok) throw new Error(p.why);
    const fieldsOf = (b: Uint8Array) =>
      leafFields(decodeNetlink(b, { family: 'route' }).messages[0]!, b.length);
    const at = Buffer.from(p.bytes).toString('hex').indexOf('070003006c6f00') / 2 + 5;
    const edited = p.bytes.slice();
    edited[at] = 0x6e;
    const before = fieldsOf(p.bytes);
    const after = keepSameFields(before, fieldsOf(edited));
    const r0 = layoutRows(before, 0);
    const r1 = layoutRows(after, 0);
    expect(r1).toHaveLength(r0.length);
    const s = () => '';
    const shown = () => '';
    const onHover = () => undefined;
    const props = (row: (typeof r0)[number]) => ({
      row,
      y: 0,
      h: 46,
      labels: [],
      col: 10,
      lit: null,
      onHover,
      s,
      shown,
    });
    const differ = r0.flatMap((row, i) => (sameRowProps(props(row), props(r1[i]!)) ? [] : [row.offset]));
    // The one row holding byte `at` (rows are 4 bytes from the message's start).
    expect(differ).toEqual([Math.floor(at / 4) * 4]);
    // Another light, or other labels, re-render the row.
    expect(sameRowProps(props(r0[0]!), { ...props(r1[0]!), lit: 'x' })).toBe(false);
    expect(
      sameRowProps(
        { ...props(r0[0]!), labels: [{ name: ['a'], value: ['1'] }] },
        { ...props(r1[0]!), labels: [{ name: ['a'], value: ['2'] }] },
      ),
    ).toBe(false);
  });
});
