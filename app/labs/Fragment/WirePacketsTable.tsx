import { useState } from 'react';
import type { WirePacket } from '../../../core/ip/index.ts';
import { KindSwatch } from '../../components/kinds.tsx';
import { hex, num } from '../../format.ts';
import { TableHead } from '../../components/TableHead.tsx';

const PAGE = 50;

function Flag({ on, name }: { on: boolean; name: string }) {
  return on ? (
    <span className="flag flag--on" title={`${name} set`}>
      1
    </span>
  ) : (
    <span className="flag" title={`${name} clear`}>
      0
    </span>
  );
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

  return (
    <div className={`table-wrap${stale ? ' is-stale' : ''}`}>
      <div
        className="table-scroll table-scroll--tall"
        tabIndex={0}
        role="region"
        aria-label="Wire packets, scrollable"
      >
        <table className="wire-table">
          <caption>
            Wire packets
            <span className="caption-note">
              {wire.length === 0
                ? ' — none left the host'
                : ` — ${num(wire.length)} ${wire.length === 1 ? 'packet' : 'packets'}${pages > 1 ? `, rows ${num(current * PAGE + 1)}–${num(current * PAGE + rows.length)}` : ''}`}
            </span>
          </caption>
          <TableHead columns={['#', 'offset', 'payload length', 'total length', 'MF', 'DF', 'options']} />
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
                      <Flag on={p.mf} name="MF" />
                    </td>
                    <td>
                      <Flag on={p.df} name="DF" />
                    </td>
                    <td className="mono opts">
                      {p.options.length ? (
                        <>
                          <KindSwatch kind="ipopt" />
                          {hex(p.options)}
                        </>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                  </>
                ) : (
                  <>
                    <td className="num">{p.frag ? num(p.frag.offset) : <span className="muted">—</span>}</td>
                    <td className="num">{num(p.range.to - p.range.from)}</td>
                    <td className="num">{num(p.total_length)}</td>
                    <td>{p.frag ? <Flag on={p.frag.mf} name="M" /> : <span className="muted">—</span>}</td>
                    <td>
                      <span className="muted" title="IPv6 has no DF bit: only the sender fragments">
                        n/a
                      </span>
                    </td>
                    <td className="mono opts">
                      {p.frag ? (
                        <>
                          <KindSwatch kind="frag6" />
                          frag hdr, id {p.frag.id}
                        </>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="table-note">
        payload length: bytes of the datagram a packet carries.
        {v6
          ? ' IPv6: offset and MF are the fragment header’s offset and M flag; payload_len in the header also counts its 8 bytes.'
          : ' total length is iph->tot_len, header included.'}
      </p>
      {pages > 1 && (
        <nav className="pager" aria-label="Wire packets pages">
          <button
            type="button"
            className="btn-quiet"
            onClick={() => setPage(0)}
            disabled={current === 0}
            aria-label="First page"
          >
            First
          </button>
          <button
            type="button"
            className="btn-quiet"
            onClick={() => setPage(current - 1)}
            disabled={current === 0}
            aria-label="Previous page"
          >
            Previous
          </button>
          <span className="pager-status">
            Page {num(current + 1)} of {num(pages)}
          </span>
          <button
            type="button"
            className="btn-quiet"
            onClick={() => setPage(current + 1)}
            disabled={current >= pages - 1}
            aria-label="Next page"
          >
            Next
          </button>
          <button
            type="button"
            className="btn-quiet"
            onClick={() => setPage(pages - 1)}
            disabled={current >= pages - 1}
            aria-label="Last page"
          >
            Last
          </button>
        </nav>
      )}
    </div>
  );
}
