/**
 * The sk_buff fields table's shape (SkbFieldsTable.tsx): its fields, how many rows it shows, and
 * when it is turned — apart from the table so the sk_buff panel's placeholder (panel-height.ts)
 * knows the table's rows before the panel's chunk is fetched.
 */
import { skbHeadroom, skbTailroom } from '../../../core/skb/types.ts';
import type { SkbSnapshot } from '../../../core/skb/index.ts';
import { num } from '../../format.ts';

export const MAX_ROWS = 40;
/** At most this many sk_buffs are turned into columns. */
export const MAX_TURNED = 6;

/** Fields the previous step's same sk_buff is compared on (the changed cells are marked). */
const COMPARED_FIELDS = ['data', 'tail', 'end', 'len', 'data_len', 'headroom', 'tailroom'] as const;
/** The table's fields, in order. */
export const FIELDS = ['head', ...COMPARED_FIELDS, 'nr_frags', 'frag_list', 'truesize'] as const;
export type Field = (typeof FIELDS)[number];
export const COMPARED: ReadonlySet<Field> = new Set(COMPARED_FIELDS);

export const value = (s: SkbSnapshot, f: Field): number =>
  f === 'headroom'
    ? skbHeadroom(s)
    : f === 'tailroom'
      ? skbTailroom(s)
      : f === 'nr_frags'
        ? s.frags.length
        : f === 'frag_list'
          ? s.frag_list.length
          : s[f];

/** About how wide the one-row-per-sk_buff table is (px): headers in small capitals, numbers in digits. */
export function fieldsTableWidth(skbs: readonly SkbSnapshot[], headers: readonly string[]): number {
  const col = (head: string, cells: readonly string[]) =>
    Math.max(head.length * 8.6, ...cells.map((c) => c.length * 7.4)) + 14;
  const first = col(
    headers[0] ?? '',
    skbs.map((s) => `#${s.id} ${s.label}`),
  );
  return (
    first +
    FIELDS.reduce(
      (a, f, i) =>
        a +
        col(
          headers[i + 1] ?? f,
          skbs.map((s) => num(value(s, f))),
        ),
      0,
    ) +
    24
  );
}

/** Whether the table is turned (one column per sk_buff) at this width: few sk_buffs whose rows do not fit. */
export const isTurned = (rows: readonly SkbSnapshot[], headers: readonly string[], width: number): boolean =>
  rows.length <= MAX_TURNED && fieldsTableWidth(rows, headers) > width;
