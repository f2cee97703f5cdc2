/**
 * Every number the sk_buff drawings show, as text: the "sk_buff fields" table. One row per sk_buff
 * when the columns fit the width it has; turned (one row per field, one column per sk_buff) when
 * they do not and the sk_buffs are few, so no column is ever cut off (the Fragmentation lab's
 * narrow panel, a phone). Many sk_buffs keep the rows and scroll sideways.
 */
import type { SkbSnapshot } from '../../../core/skb/index.ts';
import { useElementWidth } from '../../hooks/useElementWidth.ts';
import { num } from '../../format.ts';
import { TableHead } from '../TableHead.tsx';
import { Term } from '../../lab-kit/Term.tsx';
import { SKB_PANEL_WORDS as W, usePlainText } from './words.ts';
import { COMPARED, FIELDS, MAX_ROWS, isTurned, value } from './fields.ts';
import type { Field } from './fields.ts';

/** Text that is never translated (kernel names, offsets, key names), kept out of JSX literals. */
const verbatim = (...parts: (string | number)[]): string => parts.join('');

export function SkbFieldsTable({
  skbs,
  prevIds = new Set(),
  hasPrevious = false,
  previous,
  initialWidth,
}: {
  skbs: readonly SkbSnapshot[];
  prevIds?: Set<number>;
  hasPrevious?: boolean;
  /** The same skb at the step before: the cells that changed are marked. */
  previous?: SkbSnapshot | undefined;
  /** Its width when known before it is drawn (the sk_buff panel's, measured by its placeholder). */
  initialWidth?: number | undefined;
}) {
  const txt = usePlainText();
  const [ref, width] = useElementWidth<HTMLDivElement>(initialWidth ?? 1200);
  const rows = skbs.slice(0, MAX_ROWS);
  const label = (f: Field) => (f === 'headroom' ? txt(W.headroom) : f === 'tailroom' ? txt(W.tailroom) : f);
  const headers = ['skb', ...FIELDS.map(label)];
  /** A field's name with its glossary popover (the kernel's own names: `headroom` shown in words). */
  const term = (f: Field) => <Term k={f}>{label(f)}</Term>;
  const turned = isTurned(rows, headers, width);

  const cell = (s: SkbSnapshot, f: Field) => {
    const v = value(s, f);
    const before = previous && COMPARED.has(f) ? value(previous, f) : undefined;
    const changed = previous !== undefined && before !== undefined && before !== v && s.id === previous.id;
    return (
      <td key={`${s.id}-${f}`} className={`num${changed ? ' changed' : ''}`}>
        {f === 'head' ? v : num(v)}
        {changed && <span className="visually-hidden"> {txt(W.was, { value: num(before) })}</span>}
      </td>
    );
  };
  const skbName = (s: SkbSnapshot) => (
    <>
      {`#${s.id}`}
      {hasPrevious && !prevIds.has(s.id) && <span className="new-dot" title={txt(W.newDot)} />}
      <span className="muted">{verbatim(' ', s.label)}</span>
    </>
  );

  return (
    <div
      ref={ref}
      className={`table-scroll table-scroll--short${turned ? ' skb-table-wrap--turned' : ''}`}
      tabIndex={0}
      role="region"
      aria-label={txt(W.tableRegion)}
    >
      <table className={`skb-table${turned ? ' skb-table--turned' : ''}`}>
        <caption>
          {txt(W.tableCaption)}
          {skbs.length > MAX_ROWS && (
            <span className="caption-note">
              {verbatim(' ')}
              {txt(W.firstOf, { shown: MAX_ROWS, total: num(skbs.length) })}
            </span>
          )}
        </caption>
        {turned ? (
          <>
            <TableHead
              columns={[
                txt(W.field),
                ...rows.map((s) => (
                  <span key={s.id} className="mono">
                    {skbName(s)}
                  </span>
                )),
              ]}
            />
            <tbody>
              {FIELDS.map((f) => (
                <tr key={f}>
                  <th scope="row" className={f === 'headroom' || f === 'tailroom' ? '' : 'mono'}>
                    {term(f)}
                  </th>
                  {rows.map((s) => cell(s, f))}
                </tr>
              ))}
            </tbody>
          </>
        ) : (
          <>
            <TableHead
              columns={[
                <Term key="skb" k="sk_buff">
                  {headers[0]}
                </Term>,
                ...FIELDS.map(term),
              ]}
            />
            <tbody>
              {rows.map((s) => (
                <tr key={s.id}>
                  <th scope="row" className="mono">
                    {skbName(s)}
                  </th>
                  {FIELDS.map((f) => cell(s, f))}
                </tr>
              ))}
            </tbody>
          </>
        )}
      </table>
    </div>
  );
}
