import { ERRNO } from '../../../core/errno/index.ts';
import { usedSlots } from '../../../core/socket/index.ts';
import type { DispatchResult, FnTable, SocketCreated } from '../../../core/socket/index.ts';
import { bootlinUrl } from '../../../core/trace/index.ts';
import { TableHead } from '../../components/TableHead.tsx';

/**
 * `sock->ops` (struct proto_ops) and `sk->sk_prot` (struct proto) side by side; each slot with the
 * function it points to, `sock_no_*` stubs with their errno, and the slots the operation uses
 * highlighted. They stack on narrow screens.
 */
export function OpsTables({ sock, dispatch }: { sock: SocketCreated; dispatch: DispatchResult | null }) {
  return (
    <div className="sk-tables">
      <FnTableView
        table={sock.ops}
        via="sock->ops"
        struct="struct proto_ops"
        used={dispatch ? usedSlots(sock.ops, dispatch) : []}
        op={dispatch?.op}
      />
      <FnTableView
        table={sock.prot}
        via="sk->sk_prot"
        struct="struct proto"
        used={dispatch ? usedSlots(sock.prot, dispatch) : []}
        op={dispatch?.op}
      />
    </div>
  );
}

function FnTableView({
  table,
  via,
  struct,
  used,
  op,
}: {
  table: FnTable;
  via: string;
  struct: string;
  used: readonly string[];
  op: string | undefined;
}) {
  return (
    <div className="sk-table-wrap">
      <table className="sk-fn-table">
        <caption>
          <span className="sk-caption-via mono">{via} =</span> <span className="mono">{table.name}</span>
          <span className="caption-note">
            {' '}
            {struct}
            {table.displayName ? ` “${table.displayName}”` : ''}
          </span>
          {table.file && (
            <a
              className="sk-caption-file mono"
              href={bootlinUrl(table.file)}
              target="_blank"
              rel="noreferrer"
            >
              {table.file}
              <span className="visually-hidden"> (where {table.name} is defined, on elixir.bootlin.com)</span>
            </a>
          )}
        </caption>
        <TableHead columns={['field', 'points to']} />
        <tbody>
          {table.slots.length === 0 && (
            <tr>
              <td colSpan={2} className="muted">
                No slots modelled for this table.
              </td>
            </tr>
          )}
          {table.slots.map((s) => {
            const on = used.includes(s.field);
            return (
              <tr key={s.field} className={`${on ? 'sk-slot--used' : ''}${s.stub ? ' sk-slot--stub' : ''}`}>
                <th scope="row" className="mono">
                  {on && (
                    <span className="sk-used-dot" aria-hidden="true">
                      ●
                    </span>
                  )}
                  .{s.field}
                  {on && <span className="visually-hidden"> (used by {op}())</span>}
                </th>
                <td className="mono">
                  {s.fn}
                  {s.stub && (
                    <span
                      className="sk-stub"
                      title={`${s.fn} returns -${s.stub.errno} (errno ${ERRNO[s.stub.errno]})`}
                    >
                      → {s.stub.errno}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
