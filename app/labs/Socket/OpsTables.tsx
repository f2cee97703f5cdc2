import { ERRNO } from '../../../core/errno/index.ts';
import { usedSlots } from '../../../core/socket/index.ts';
import type { DispatchResult, FnTable, SocketCreated } from '../../../core/socket/index.ts';
import { bootlinUrl } from '../../../core/trace/index.ts';
import { TableHead } from '../../components/TableHead.tsx';
import { usePlainText } from '../../components/skb/words.ts';
import { SOCKET_WORDS as W } from './words.ts';
import { Term } from '../../lab-kit/Term.tsx';

/** Text never translated (kernel names, numbers), kept out of JSX literals. */
const verbatim = (...parts: (string | number)[]): string => parts.join('');

/**
 * `sock->ops` (struct proto_ops) and `sk->sk_prot` (struct proto) side by side; each slot with the
 * function it points to, `sock_no_*` stubs with their errno, and the slots the operation uses
 * highlighted. They stack on narrow screens.
 */
export function OpsTables({ sock, dispatch }: { sock: SocketCreated; dispatch: DispatchResult | null }) {
  return (
    <div className="sk-tables">
      {(
        [
          [sock.ops, 'sock->ops', 'struct proto_ops'],
          [sock.prot, 'sk->sk_prot', 'struct proto'],
        ] as const
      ).map(([table, via, struct]) => (
        <FnTableView
          key={via}
          table={table}
          via={via}
          struct={struct}
          used={dispatch ? usedSlots(table, dispatch) : []}
          op={dispatch?.op}
        />
      ))}
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
  const txt = usePlainText();
  return (
    <div className="sk-table-wrap">
      <table className="sk-fn-table">
        <caption>
          <span className="sk-caption-via mono">{verbatim(via, ' =')}</span>
          {verbatim(' ')}
          <span className="mono">{table.name}</span>
          <span className="caption-note">
            {verbatim(' ')}
            <Term k={struct.replace(/^struct /, '')}>{struct}</Term>
            {verbatim(table.displayName ? ` “${table.displayName}”` : '')}
          </span>
          {table.file && (
            <a
              className="sk-caption-file mono"
              href={bootlinUrl(table.file)}
              target="_blank"
              rel="noreferrer"
            >
              {table.file}
              <span className="visually-hidden">
                {verbatim(' ') + txt(W.tableDefined, { name: table.name })}
              </span>
            </a>
          )}
        </caption>
        <TableHead columns={[txt(W.tableField), txt(W.tablePointsTo)]} />
        <tbody>
          {table.slots.length === 0 && (
            <tr>
              <td colSpan={2} className="muted">
                {txt(W.tableEmpty)}
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
                      {verbatim('●')}
                    </span>
                  )}
                  {verbatim('.', s.field)}
                  {on && (
                    <span className="visually-hidden">
                      {verbatim(' ') + txt(W.tableUsedBy, { op: op ?? '' })}
                    </span>
                  )}
                </th>
                <td className="mono">
                  {s.fn}
                  {s.stub && (
                    <span
                      className="sk-stub"
                      title={txt(W.stubTitle, { fn: s.fn, errno: s.stub.errno, n: ERRNO[s.stub.errno] ?? 0 })}
                    >
                      {verbatim('→ ', s.stub.errno)}
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
