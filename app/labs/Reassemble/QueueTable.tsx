import { useIntl } from 'react-intl';
import type { DefragOk } from '../../../core/ip/defrag-types.ts';
import { num } from '../../format.ts';
import { fmt, fmtNode } from '../../i18n/format.tsx';
import { Term, termCodeChunks } from '../../lab-kit/Term.tsx';
import { queueStateWords, queuesAt } from './view.ts';
import { TableHead } from '../../components/TableHead.tsx';
import { W } from './words.ts';
import { MARK, hashNo, spans } from './text.ts';
import { TableRegion } from '../../lab-kit/index.ts';

/** The diagram's queue numbers as text: one row per queue at the selected step. */
export function QueueTable({ result, step }: { result: DefragOk; step: number }) {
  const intl = useIntl();
  const queues = queuesAt(result, step);
  const snap = result.trace[step]?.snapshot;
  if (!snap) return null;
  const label = fmt(intl, W.tableLabel, { i: num(step + 1) });
  return (
    <>
      <p className="rq-table-note rq-queue-table-note">
        {fmtNode(intl, W.tableNote, {
          code: termCodeChunks,
          head: <strong>{label}</strong>,
          mem: num(snap.mem),
          high: num(snap.high_thresh),
        })}
      </p>
      <TableRegion label={fmt(intl, W.tableRegion)}>
        <table aria-label={label}>
          <TableHead
            columns={[
              fmt(intl, W.colQueue),
              <Term key="id" k="id">
                id
              </Term>,
              fmt(intl, W.colState),
              // the queue's len: the datagram's length once the last fragment told it (ipq)
              <Term key="len" k="ipq">
                len
              </Term>,
              <Term key="meat" k="meat">
                meat
              </Term>,
              'flags',
              <Term key="runs" k="runs">
                {fmt(intl, W.colRuns)}
              </Term>,
              <Term key="holes" k="holes">
                {fmt(intl, W.colHoles)}
              </Term>,
              <Term key="truesize" k="truesize">
                truesize
              </Term>,
              <Term key="timer" k="ipfrag_time">
                {fmt(intl, W.colTimer)}
              </Term>,
            ]}
          />
          <tbody>
            {queues.length === 0 && (
              <tr>
                <td colSpan={10} className="muted">
                  {fmt(intl, W.noQueue)}
                </td>
              </tr>
            )}
            {queues.map((q) => {
              const s = q.snapshot;
              const flags = (['FIRST_IN', 'LAST_IN', 'COMPLETE'] as const).filter((f) => s.flags[f]);
              // inet_frag_kill sets INET_FRAG_COMPLETE on every queue it kills: a dropped or expired
              // queue carries it too. Say so, or COMPLETE reads as "reassembled".
              const killed =
                !q.live && (q.outcome?.state === 'dropped' || q.outcome?.state === 'expired')
                  ? q.outcome.state
                  : null;
              return (
                <tr key={q.serial} className={killed ? 'rq-row--killed' : undefined}>
                  <th scope="row">{hashNo(q.serial)}</th>
                  <td className="num">{s.id}</td>
                  <td>{fmt(intl, q.live ? W.stateLive : queueStateWords(q.outcome?.state ?? 'waiting'))}</td>
                  <td className="num">{num(s.len)}</td>
                  <td className="num">{num(s.meat)}</td>
                  <td className="mono rq-wrap">
                    {flags.length
                      ? flags.map((f, i) => (
                          <span key={f}>
                            {i > 0 && ' '}
                            {f === 'COMPLETE' ? f : <Term k={f}>{f}</Term>}
                          </span>
                        ))
                      : MARK.none}
                    {killed && s.flags.COMPLETE && (
                      <span className="rq-flags-note">
                        {fmtNode(intl, W.killedNote, { code: termCodeChunks, state: killed })}
                      </span>
                    )}
                  </td>
                  <td className="mono rq-wrap">{spans(s.runs.map((r) => ({ from: r.start, to: r.end })))}</td>
                  <td className="mono rq-wrap">{spans(s.holes)}</td>
                  <td className="num">{num(s.truesize)}</td>
                  <td className="num">{fmt(intl, W.timerMs, { at: num(s.expiresAt) })}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}
