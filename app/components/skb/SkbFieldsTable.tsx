/** Every number the sk_buff drawings show, as text: the "sk_buff fields" table. */
import { skbHeadroom, skbTailroom } from '../../../core/skb/index.ts';
import type { SkbSnapshot } from '../../../core/skb/index.ts';
import { num } from '../../format.ts';
import { TableHead } from '../TableHead.tsx';

const MAX_ROWS = 40;

export function SkbFieldsTable({
  skbs,
  prevIds = new Set(),
  hasPrevious = false,
  previous,
}: {
  skbs: readonly SkbSnapshot[];
  prevIds?: Set<number>;
  hasPrevious?: boolean;
  /** The same skb at the step before: the cells that changed are marked. */
  previous?: SkbSnapshot | undefined;
}) {
  const rows = skbs.slice(0, MAX_ROWS);
  const cell = (s: SkbSnapshot, v: number, before: number | undefined) => {
    const changed = previous !== undefined && before !== undefined && before !== v && s.id === previous.id;
    return (
      <td className={`num${changed ? ' changed' : ''}`}>
        {num(v)}
        {changed && <span className="visually-hidden"> (was {num(before)})</span>}
      </td>
    );
  };
  const p = previous;
  return (
    <div
      className="table-scroll table-scroll--short"
      tabIndex={0}
      role="region"
      aria-label="sk_buff fields, scrollable"
    >
      <table className="skb-table">
        <caption>
          sk_buff fields
          {skbs.length > MAX_ROWS && (
            <span className="caption-note">
              {' '}
              — first {MAX_ROWS} of {num(skbs.length)}
            </span>
          )}
        </caption>
        <TableHead
          columns={[
            'skb',
            'head',
            'data',
            'tail',
            'end',
            'len',
            'data_len',
            'headroom',
            'tailroom',
            'nr_frags',
            'frag_list',
            'truesize',
          ]}
        />
        <tbody>
          {rows.map((s) => (
            <tr key={s.id}>
              <th scope="row" className="mono">
                #{s.id}
                {hasPrevious && !prevIds.has(s.id) && <span className="new-dot" title="new at this step" />}
                <span className="muted"> {s.label}</span>
              </th>
              <td className="num">{s.head}</td>
              {cell(s, s.data, p?.data)}
              {cell(s, s.tail, p?.tail)}
              {cell(s, s.end, p?.end)}
              {cell(s, s.len, p?.len)}
              {cell(s, s.data_len, p?.data_len)}
              {cell(s, skbHeadroom(s), p && skbHeadroom(p))}
              {cell(s, skbTailroom(s), p && skbTailroom(p))}
              <td className="num">{s.frags.length}</td>
              <td className="num">{s.frag_list.length}</td>
              <td className="num">{num(s.truesize)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
