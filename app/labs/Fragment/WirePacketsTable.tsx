import { useState } from 'react';
import type { MessageDescriptor } from 'react-intl';
import type { WirePacket } from '../../../core/ip/index.ts';
import { KindSwatch } from '../../components/kinds.tsx';
import { hex, num } from '../../format.ts';
import { TableHead } from '../../components/TableHead.tsx';
import { SYM, W, useWords } from './words.tsx';
import { Term } from '../../lab-kit/Term.tsx';
import { TableRegion } from '../../lab-kit/index.ts';

const PAGE = 50;

/** A flag's cell: set or clear, named in its title (`title` gives the words: see flagTitles). */
function Flag({
  on,
  name,
  title,
}: {
  on: boolean;
  name: string;
  title: (on: boolean, name: string) => string;
}) {
  return on ? (
    <span className="flag flag--on" title={title(true, name)}>
      {SYM.set}
    </span>
  ) : (
    <span className="flag" title={title(false, name)}>
      {SYM.clear}
    </span>
  );
}

/**
 * A flag's title ("MF set", "DF clear"), each formatted once per render of the table: a page of
 * 50 rows shows two flags a row, four different titles in all (issue 17: it was 100 messages
 * formatted on each edit).
 */
function flagTitles(t: ReturnType<typeof useWords>['t']): (on: boolean, name: string) => string {
  const made = new Map<string, string>();
  return (on, name) => {
    const key = `${on ? 1 : 0}${name}`;
    let s = made.get(key);
    if (s === undefined) made.set(key, (s = t(on ? W.flagSet : W.flagClear, { name })));
    return s;
  };
}

/**
 * Every wire packet as text: the accessible twin of the diagram. Paginated so 1,366 rows stay quick;
 * the caption and columns stay the same on every page.
 */
export function WirePacketsTable({ wire, stale }: { wire: readonly WirePacket[]; stale: boolean }) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(wire.length / PAGE));
  const current = Math.min(page, pages - 1);
  const rows = wire.slice(current * PAGE, current * PAGE + PAGE);
  const v6 = wire[0]?.family === 'inet6';
  const { t, r } = useWords();
  const title = flagTitles(t);
  /** A pager button to page `to`: off where that is this page or none. */
  const pageButton = (to: number, label: MessageDescriptor, aria: MessageDescriptor) => (
    <button
      type="button"
      className="btn-quiet"
      onClick={() => setPage(to)}
      disabled={to < 0 || to >= pages || to === current}
      aria-label={t(aria)}
    >
      {r(label)}
    </button>
  );

  return (
    <div className={`table-wrap${stale ? ' is-stale' : ''}`}>
      <TableRegion label={t(W.wireRegion)} size="tall">
        <table className="wire-table">
          <caption>
            {r(W.wireCaption)}
            <span className="caption-note">
              {SYM.space}
              {wire.length === 0
                ? r(W.wireNone)
                : r(W.wireCount, {
                    n: wire.length,
                    paged: pages > 1 ? 'yes' : 'no',
                    from: current * PAGE + 1,
                    to: current * PAGE + rows.length,
                  })}
            </span>
          </caption>
          <TableHead
            columns={[
              '#',
              <Term key="off" k="frag_off">
                {t(W.colOffset)}
              </Term>,
              t(W.colPayload),
              t(W.colTotal),
              <Term key="mf" k="MF" />,
              <Term key="df" k="DF" />,
              <Term key="opt" k="ip_options">
                {t(W.colOptions)}
              </Term>,
            ]}
          />
          <tbody>
            {rows.map((p) => (
              <tr key={p.index}>
                <th scope="row">{num(p.index + 1)}</th>
                {p.family === 'inet' ? (
                  <>
                    <td className="num">{num(p.offset)}</td>
                    <td className="num">{num(p.range.to - p.range.from)}</td>
                    <td className="num">{num(p.total_length)}</td>
                    <td>
                      <Flag on={p.mf} name="MF" title={title} />
                    </td>
                    <td>
                      <Flag on={p.df} name="DF" title={title} />
                    </td>
                    <td className="mono opts">
                      {p.options.length ? (
                        <>
                          <KindSwatch kind="ipopt" />
                          {hex(p.options)}
                        </>
                      ) : (
                        <span className="muted">{SYM.dash}</span>
                      )}
                    </td>
                  </>
                ) : (
                  <>
                    <td className="num">
                      {p.frag ? num(p.frag.offset) : <span className="muted">{SYM.dash}</span>}
                    </td>
                    <td className="num">{num(p.range.to - p.range.from)}</td>
                    <td className="num">{num(p.total_length)}</td>
                    <td>
                      {p.frag ? (
                        <Flag on={p.frag.mf} name="M" title={title} />
                      ) : (
                        <span className="muted">{SYM.dash}</span>
                      )}
                    </td>
                    <td>
                      <span className="muted" title={t(W.noDf6)}>
                        {r(W.na)}
                      </span>
                    </td>
                    <td className="mono opts">
                      {p.frag ? (
                        <>
                          <KindSwatch kind="frag6" />
                          {r(W.fragHdr, { id: p.frag.id })}
                        </>
                      ) : (
                        <span className="muted">{SYM.dash}</span>
                      )}
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <p className="table-note">
        {r(W.noteLen)} {v6 ? r(W.note6) : r(W.note4)}
      </p>
      {pages > 1 && (
        <nav className="pager" aria-label={t(W.pages)}>
          {pageButton(0, W.first, W.firstPage)}
          {pageButton(current - 1, W.previous, W.previousPage)}
          <span className="pager-status">{r(W.pageOf, { n: current + 1, count: pages })}</span>
          {pageButton(current + 1, W.next, W.nextPage)}
          {pageButton(pages - 1, W.last, W.lastPage)}
        </nav>
      )}
    </div>
  );
}
