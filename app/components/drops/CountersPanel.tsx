import './drops.css';
import { DROP_FUNCTION_FILE, SNMP_SECTIONS, counterOrder, nstatName } from '../../../core/drops/index.ts';
import type { DropReason, SnmpDelta, SnmpSection } from '../../../core/drops/index.ts';
import { bootlinIdentUrl, bootlinUrl } from '../../../core/trace/index.ts';
import { DROPS_WORDS, useDropsWords } from './words.ts';
import type { DropsWords } from './words.ts';

export interface CounterRow {
  section: SnmpSection;
  counter: string;
  nstat: string;
  delta: number;
  text: string | null;
}

/**
 * The counters that moved, in the order the counter files list them (section, then place), each
 * with what it counts in the words' language (English unless given).
 */
export function counterRows(delta: SnmpDelta, words: DropsWords = DROPS_WORDS): CounterRow[] {
  const rows: CounterRow[] = [];
  for (const section of SNMP_SECTIONS) {
    const moved = delta[section];
    if (!moved) continue;
    const names = Object.keys(moved).sort(
      (a, b) => counterOrder(section, a) - counterOrder(section, b) || a.localeCompare(b),
    );
    for (const counter of names) {
      const n = moved[counter] ?? 0;
      if (n === 0) continue;
      rows.push({
        section,
        counter,
        nstat: nstatName(section, counter),
        delta: n,
        text: words.counterText(section, counter),
      });
    }
  }
  return rows;
}

/**
 * The case's SNMP deltas as nstat names them, each explained, and its drops (reason, freeing
 * function linked to its source, count, and what it means) — what nstat and dropwatch would show.
 * With `stale` (a lab's result that is not the inputs' any more), it sits in a box that dims it.
 */
export function CountersPanel({
  stale,
  ...props
}: CountersProps & {
  stale?: boolean;
}) {
  if (stale === undefined) return <Counters {...props} />;
  return (
    <div className={stale ? 'is-stale' : undefined}>
      <Counters {...props} />
    </div>
  );
}

interface CountersProps {
  drops: readonly DropReason[];
  delta: SnmpDelta;
  words?: DropsWords;
  headingLevel?: 2 | 3;
}

function Counters({ drops, delta, words: given, headingLevel = 2 }: CountersProps) {
  const own = useDropsWords();
  const words = given ?? own;
  const rows = counterRows(delta, words);
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const H2 = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <section className="panel counters-panel" aria-label={words.title} data-testid="counters-panel">
      <H className="panel-title">{words.title}</H>
      <H2 className="drops-heading">{words.dropsHeading}</H2>
      {drops.length === 0 ? (
        <p className="muted">{words.noDrops}</p>
      ) : (
        <ul className="drop-list" aria-label={words.dropsHeading}>
          {drops.map((d) => (
            <DropItem key={`${d.reason}/${d.function}`} d={d} words={words} />
          ))}
        </ul>
      )}
      {rows.length === 0 ? (
        <p className="muted">{words.noCounters}</p>
      ) : (
        // Explicit roles: a narrow panel lays the rows out as blocks (drops.css), which must not
        // cost the table its table semantics.
        <table className="counters-table" role="table">
          <caption>{words.countersCaption}</caption>
          <thead role="rowgroup">
            <tr role="row">
              {[words.counterCol, words.deltaCol, words.meaningCol].map((c, i) => (
                <th key={i} scope="col" role="columnheader">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody role="rowgroup">
            {rows.map((r) => (
              <tr key={r.nstat} data-counter={r.nstat} role="row">
                <th scope="row" role="rowheader">
                  <code>{r.nstat}</code>
                </th>
                <td className="num" role="cell">
                  {words.delta(r.delta)}
                </td>
                <td role="cell">{r.text ?? words.unknownCounter}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Marks, not words. */
const DROP_MARK = '✕';
const SPACE = ' ';

function DropItem({ d, words }: { d: DropReason; words: DropsWords }) {
  const file = DROP_FUNCTION_FILE[d.function];
  const how = words.functionText(d.function);
  const what = words.reasonText(d.reason);
  return (
    <li className="drop-item" data-reason={d.reason} data-function={d.function}>
      <span className="drop-mark" aria-hidden="true">
        {DROP_MARK}
      </span>
      <span className="drop-count">{words.dropCount(d.count)}</span>
      {SPACE}
      <a href={bootlinIdentUrl(`SKB_DROP_REASON_${d.reason}`)} target="_blank" rel="noreferrer">
        <code>{d.reason}</code>
      </a>
      {SPACE}
      {words.freedBy}
      {SPACE}
      <a href={file ? bootlinUrl(file) : bootlinIdentUrl(d.function)} target="_blank" rel="noreferrer">
        <code>{d.function}</code>
        <span className="visually-hidden">{words.sourceOf(d.function)}</span>
      </a>
      {how || what ? <span className="drop-why">{words.why(how, what)}</span> : null}
    </li>
  );
}
