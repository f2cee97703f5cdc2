/**
 * The NLMSG_* macros for the message on show (from the core's nlmsgMacros), and the NLMSG_NEXT
 * walk over the whole buffer: `for (nlh = buf; NLMSG_OK(nlh, len); nlh = NLMSG_NEXT(nlh, len))`,
 * one step at a time, with the cursor and the remaining length drawn on a bar of the buffer.
 */
import type { NlMessage, NlWalkStep } from '../../../core/netlink/index.ts';
import { num } from '../../format.ts';
import { W, useNlWords } from './words.ts';
import { useHighlight } from './highlight.ts';
import { TableHead } from '../../components/TableHead.tsx';
import { TableRegion } from '../../lab-kit/index.ts';
import { Term } from '../../lab-kit/Term.tsx';

const hexOff = (n: number) => `0x${n.toString(16)}`;
const BAR_MAX = 400;
const ROWS_MAX = 100;

/** The core's macro values as the C a student would write, in the order a reader uses them. */
function macroRows(m: Record<string, number>, offset: number): [string, string, string][] {
  const at = (n: number) => (n - offset === 0 ? 'nlh' : `nlh + ${num(n - offset)}`);
  const p = m.payloadLen ?? 0;
  const rows: [string, string, string | undefined][] = [
    ['NLMSG_HDRLEN', '', m.NLMSG_HDRLEN === undefined ? undefined : num(m.NLMSG_HDRLEN)],
    ['NLMSG_LENGTH', `(${num(p)})`, m.NLMSG_LENGTH === undefined ? undefined : num(m.NLMSG_LENGTH)],
    ['NLMSG_SPACE', `(${num(p)})`, m.NLMSG_SPACE === undefined ? undefined : num(m.NLMSG_SPACE)],
    [
      'NLMSG_ALIGN',
      `(${num(m.NLMSG_LENGTH ?? 0)})`,
      m.NLMSG_ALIGN === undefined ? undefined : num(m.NLMSG_ALIGN),
    ],
    ['NLMSG_PAYLOAD', '(nlh, 0)', m.NLMSG_PAYLOAD === undefined ? undefined : num(m.NLMSG_PAYLOAD)],
    ['NLMSG_DATA', '(nlh)', m.NLMSG_DATA === undefined ? undefined : at(m.NLMSG_DATA)],
    ['NLMSG_NEXT', '(nlh, len)', m.NLMSG_NEXT === undefined ? undefined : at(m.NLMSG_NEXT)],
  ];
  return rows.filter((r): r is [string, string, string] => r[2] !== undefined);
}

export function Macros({ macros, message }: { macros: Record<string, number>; message: NlMessage }) {
  const { t, s } = useNlWords();
  const rows = macroRows(macros, message.offset);
  if (rows.length === 0) return <p className="nl-note">{t(W.noMacros)}</p>;
  return (
    <>
      <dl className="nl-macros" aria-label={s(W.macrosLabel, { type: message.typeName })}>
        {rows.map(([name, args, value]) => (
          <div key={name}>
            <dt className="mono">
              {name}
              <span className="nl-macro-arg">{args}</span>
            </dt>
            <dd className="mono">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="field-hint nl-macros-note">
        {t(W.macrosNote, {
          offset: num(message.offset),
          payload: num(macros.payloadLen ?? 0),
          padding: macros.padding ?? 0,
        })}
      </p>
    </>
  );
}

export function Walk({
  walk,
  total,
  step,
  onStep,
}: {
  walk: readonly NlWalkStep[];
  total: number;
  step: number | null;
  onStep: (i: number | null) => void;
}) {
  const { reveal } = useHighlight();
  const { t, s } = useNlWords();
  const cur = step === null ? null : walk[step];
  // The table lists a window of steps around the cursor, so 4,096 messages stay 100 rows.
  const from = Math.max(0, Math.min(walk.length - ROWS_MAX, (step ?? 0) - ROWS_MAX / 2));
  const pct = (n: number) => `${total ? (100 * n) / total : 0}%`;
  const go = (i: number) => {
    const s = walk[i];
    onStep(i);
    if (s) reveal(s.offset, s.offset + Math.max(16, Math.min(s.nlmsgLen, total - s.offset)));
  };
  return (
    <div className="nl-walk">
      <div className="step-nav" role="group" aria-label={s(W.walkNav)}>
        <button
          type="button"
          className="btn-quiet"
          onClick={() => go(Math.max(0, (step ?? 0) - 1))}
          disabled={step === null || step <= 0}
        >
          {t(W.walkPrev)}
        </button>
        <span className="step-count" aria-live="polite">
          {step === null
            ? t(W.walkSteps, { n: walk.length })
            : t(W.walkStep, { n: num(step + 1), total: num(walk.length) })}
        </span>
        <button
          type="button"
          className="btn-quiet"
          onClick={() => go(step === null ? 0 : step + 1)}
          disabled={step !== null && step >= walk.length - 1}
        >
          {step === null ? t(W.walkStart) : 'NLMSG_NEXT →'}
        </button>
      </div>
      <div className="nl-walk-bar" aria-hidden="true">
        {/* One segment a step up to a few hundred; past that only the current one (4,096 NOOPs). */}
        {(walk.length <= BAR_MAX ? walk : cur ? [cur] : []).map((s) => (
          <span
            key={s.offset}
            className={`nl-walk-seg${s.nlmsgOk ? '' : ' is-bad'}${s === cur ? ' is-on' : ''}`}
            style={{ left: pct(s.offset), width: pct(Math.max(0, Math.min(s.next, total) - s.offset)) }}
          />
        ))}
        {cur && (
          <>
            <span
              className="nl-walk-remaining"
              style={{ left: pct(cur.offset), width: pct(cur.remaining) }}
            />
            <span className="nl-walk-cursor" style={{ left: pct(cur.offset) }} />
          </>
        )}
      </div>
      {cur && (
        <p className="nl-walk-now">
          {t(cur.nlmsgOk ? W.walkOk : W.walkEnd, {
            offset: num(cur.offset),
            remaining: num(cur.remaining),
            ok: (
              <strong className={cur.nlmsgOk ? 'nl-ok' : 'nl-bad'}>{cur.nlmsgOk ? 'true' : 'false'}</strong>
            ),
            len: num(cur.nlmsgLen),
            next: num(cur.next),
            left: num(cur.remaining - (cur.next - cur.offset)),
            unread: cur.remaining,
          })}
        </p>
      )}
      <TableRegion label={s(W.walkRegion)} size="short">
        <table className="nl-walk-table">
          <caption>{t(W.walkCaption)}</caption>
          <TableHead
            columns={[
              s(W.colStep),
              s(W.colNlh),
              s(W.colLen),
              <Term key="len" k="nlmsg_len">
                nlmsg_len
              </Term>,
              'NLMSG_OK',
              s(W.colNext),
            ]}
          />
          <tbody>
            {walk.slice(from, from + ROWS_MAX).map((s, k) => {
              const i = from + k;
              return (
                <tr
                  key={i}
                  className={i === step ? 'is-on' : undefined}
                  aria-current={i === step ? 'step' : undefined}
                >
                  <th scope="row">
                    <button type="button" className="nl-pick" aria-pressed={i === step} onClick={() => go(i)}>
                      {i + 1}
                    </button>
                  </th>
                  <td className="num mono">{hexOff(s.offset)}</td>
                  <td className="num">{num(s.remaining)}</td>
                  {/* Fewer than 4 bytes left: no nlmsg_len to read (core says −1). */}
                  <td className="num">{s.nlmsgLen < 0 ? '—' : num(s.nlmsgLen)}</td>
                  <td className={s.nlmsgOk ? 'nl-ok' : 'nl-bad'}>{s.nlmsgOk ? 'true' : 'false'}</td>
                  <td className="num mono">{s.nlmsgOk ? hexOff(s.next) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableRegion>
      {walk.length > ROWS_MAX && (
        <p className="field-hint">
          {t(W.walkWindow, {
            from: num(from + 1),
            to: num(Math.min(walk.length, from + ROWS_MAX)),
            total: num(walk.length),
          })}
        </p>
      )}
    </div>
  );
}
