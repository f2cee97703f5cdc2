import type { DefragOk } from '../../../core/ip/index.ts';
import { num } from '../../format.ts';
import { QUEUE_STATE_TEXT, queuesAt } from './view.ts';
import { TableHead } from '../../components/TableHead.tsx';

/** The diagram's queue numbers as text: one row per queue at the selected step. */
export function QueueTable({ result, step }: { result: DefragOk; step: number }) {
  const queues = queuesAt(result, step);
  const snap = result.trace[step]?.snapshot;
  if (!snap) return null;
  return (
    <>
      <p className="rq-table-note rq-queue-table-note">
        <strong>Queues after step {step + 1}</strong> — fragment memory {num(snap.mem)} of high_thresh{' '}
        {num(snap.high_thresh)} bytes
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Queues, scrollable">
        <table aria-label={`Queues after step ${step + 1}`}>
          <TableHead
            columns={['queue', 'id', 'state', 'len', 'meat', 'flags', 'runs', 'holes', 'truesize', 'timer']}
          />
          <tbody>
            {queues.length === 0 && (
              <tr>
                <td colSpan={10} className="muted">
                  No queue: no fragment has been looked up yet.
                </td>
              </tr>
            )}
            {queues.map((q) => {
              const s = q.snapshot;
              const flags = (['FIRST_IN', 'LAST_IN', 'COMPLETE'] as const).filter((f) => s.flags[f]);
              return (
                <tr key={q.serial}>
                  <th scope="row">#{q.serial}</th>
                  <td className="num">{s.id}</td>
                  <td>{q.live ? 'waiting' : QUEUE_STATE_TEXT[q.outcome?.state ?? 'waiting']}</td>
                  <td className="num">{num(s.len)}</td>
                  <td className="num">{num(s.meat)}</td>
                  <td className="mono rq-wrap">{flags.length ? flags.join(' ') : '–'}</td>
                  <td className="mono rq-wrap">
                    {s.runs.map((r) => `${r.start}–${r.end}`).join(', ') || '–'}
                  </td>
                  <td className="mono rq-wrap">
                    {s.holes.map((h) => `${h.from}–${h.to}`).join(', ') || '–'}
                  </td>
                  <td className="num">{num(s.truesize)}</td>
                  <td className="num">{num(s.expiresAt)} ms</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
