import { useIntl } from 'react-intl';
import { defragReturn } from '../../../core/ip/defrag.ts';
import { VERDICT_MSG } from '../../../core/ip/defrag-types.ts';
import { defragFunctionOf } from './defrag-fn.ts';
import { MsgText } from '../../i18n/MsgText.tsx';
import { codeChunks, fmt, fmtNode } from '../../i18n/format.tsx';
import { termCodeChunks } from '../../lab-kit/Term.tsx';
import { W } from './words.ts';
import { MARK, hashNo, rangeOf } from './text.ts';
import type { DefragOk } from '../../../core/ip/defrag-types.ts';
import { bootlinUrl } from '../../../core/trace/index.ts';
import { num } from '../../format.ts';
import { Pager } from './Pager.tsx';
import type { ArrivalWindow } from './Pager.tsx';
import { stopsOf, verdictTone } from './view.ts';
import { TableHead } from '../../components/TableHead.tsx';
import { TableRegion } from '../../lab-kit/index.ts';

/** `-EINPROGRESS (115)`: may break before the number, never inside the name. */
function ReturnValue({ text }: { text: string }) {
  const cut = text.indexOf(' (');
  if (cut < 0) return <span className="rq-nowrap">{text}</span>;
  return (
    <>
      <span className="rq-nowrap">{text.slice(0, cut)}</span>
      {text.slice(cut)}
    </>
  );
}

/**
 * Every arrival with its verdict, as text: the "Arrivals" table (what the diagram's arrival rows
 * and the cards' verdicts show). Its # buttons jump to the arrival's last step.
 */
export function ArrivalsTable({
  result,
  order,
  current,
  onSelect,
  win,
  onPage,
}: {
  result: DefragOk;
  /** Which card each arrival is (as numbered in the URL's frags=, from 0). */
  order: readonly number[];
  current: number | null;
  onSelect: (step: number) => void;
  /** The same page of arrivals as the cards (every one up to 60). */
  win: ArrivalWindow;
  onPage: (page: number) => void;
}) {
  // The stepper stop of each arrival: its last step (the verdict is in).
  const stopOf = new Map<number, number>();
  for (const s of stopsOf(result.trace)) {
    const a = result.trace[s]?.snapshot.arrival;
    if (a !== null && a !== undefined && !stopOf.has(a)) stopOf.set(a, s);
  }
  const intl = useIntl();
  const n = result.arrivals.length;
  return (
    <>
      <p className="rq-table-note" id="rq-arrivals-note">
        {fmtNode(intl, W.arrivalsNote, {
          code: termCodeChunks,
          fn: defragFunctionOf(result.family),
          paged: win.paged ? 'yes' : 'no',
          from: num(win.start + 1),
          to: num(win.end),
          n: num(n),
        })}
      </p>
      <Pager win={win} n={n} onPage={onPage} label={fmt(intl, W.arrivalsPages)} />
      <TableRegion label={fmt(intl, W.arrivalsRegion)} size="short">
        <table
          className="rq-table"
          aria-label={fmt(intl, W.arrivalsTitle)}
          aria-describedby="rq-arrivals-note"
        >
          <TableHead
            columns={[
              '#',
              fmt(intl, W.colFrag),
              fmt(intl, W.colMs),
              fmt(intl, W.colBytes),
              'MF',
              'id',
              fmt(intl, W.colQueue),
              fmt(intl, W.colVerdict),
              fmt(intl, W.colReturn),
              fmt(intl, W.colFn),
            ]}
          />
          <tbody>
            {result.arrivals.slice(win.start, win.end).map((a) => {
              const tone = verdictTone(a.verdict);
              const s = stopOf.get(a.index);
              return (
                <tr
                  key={a.index}
                  className={a.index === current ? 'rq-row--current' : undefined}
                  aria-current={a.index === current ? 'true' : undefined}
                >
                  <th scope="row">
                    {s === undefined ? (
                      a.index + 1
                    ) : (
                      <button
                        type="button"
                        className="link-btn"
                        onClick={() => onSelect(s)}
                        aria-label={fmt(intl, W.showArrival, { i: a.index + 1, s: s + 1 })}
                      >
                        {a.index + 1}
                      </button>
                    )}
                  </th>
                  <td className="num">{order[a.index] ?? ''}</td>
                  <td className="num">{num(a.at)}</td>
                  <td className="mono">{rangeOf(a.offset, a.offset + a.length)}</td>
                  <td>
                    <span className={`flag${a.mf ? ' flag--on' : ''}`}>{a.mf ? MARK.MF : MARK.none}</span>
                  </td>
                  <td className="num">{a.id}</td>
                  <td>
                    {a.queue === null
                      ? MARK.none
                      : a.created
                        ? fmt(intl, W.queueNew, { n: a.queue })
                        : hashNo(a.queue)}
                  </td>
                  <td>
                    <span className={`rq-verdict rq-verdict--${tone}`}>
                      <MsgText msg={VERDICT_MSG[a.verdict]} />
                    </span>
                    {a.trimmedEnd !== undefined && (
                      <span className="muted"> {fmt(intl, W.trimmedTo, { end: num(a.trimmedEnd) })}</span>
                    )}
                    {a.reinit && (
                      <span className="muted"> {fmtNode(intl, W.afterReinit, { code: codeChunks })}</span>
                    )}
                  </td>
                  <td className="mono rq-wrap">
                    <ReturnValue text={result.family === 'inet' ? defragReturn(a) : String(a.ret)} />
                  </td>
                  <td>
                    <a className="mono" href={bootlinUrl(a.file)} target="_blank" rel="noreferrer">
                      {a.fn}
                    </a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}
