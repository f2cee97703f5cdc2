/**
 * The multipart splitter: a frame too big for one message cut into NLM_F_MULTI messages ended by
 * NLMSG_DONE, done right or with the common mistakes (the core says which and why), drawn as a bar
 * of messages over the frame with its table; "Open in the byte view" loads the bytes above.
 */
import type { NlSplitResult } from '../../../core/netlink/index.ts';
import { LiveForm, NumberField } from '../../components/Field.tsx';
import { num } from '../../format.ts';
import { W, useNlWords } from './words.ts';
import { SEVERITY } from './Diagnostics.tsx';
import { MsgText } from '../../i18n/MsgText.tsx';
import type { SplitFields } from './store.ts';
import type { NetlinkDerived } from './buffer.ts';
import { TableHead } from '../../components/TableHead.tsx';
import { SegmentedField } from '../../components/Segmented.tsx';
import { TableRegion } from '../../lab-kit/index.ts';

const ROWS = 40;

export function Splitter({
  fields,
  result,
  issues,
  onChange,
  onOpen,
}: {
  fields: SplitFields;
  result: NlSplitResult | null;
  issues: NetlinkDerived['splitIssues'];
  onChange: (p: Partial<SplitFields>) => void;
  onOpen: () => void;
}) {
  const { t, s } = useNlWords();
  const err = (f: 'frame' | 'max') => issues.find((i) => i.field === f)?.msg;
  const total = result?.bytes.length ?? 0;
  const pct = (n: number) => `${total ? (100 * n) / total : 0}%`;
  return (
    <div className="nl-split">
      <LiveForm className="nl-split-form" label={s(W.splitForm)}>
        <NumberField
          label={s(W.frame)}
          error={err('frame')}
          value={fields.frame}
          onChange={(text) => onChange({ frame: text })}
        />
        <NumberField
          label={s(W.max)}
          error={err('max')}
          value={fields.max}
          onChange={(text) => onChange({ max: text })}
        />
        <SegmentedField
          id="nl-split-mode"
          title={s(W.mode)}
          name="nl-split-mode"
          options={[
            { value: 'correct', label: s(W.correct) },
            { value: 'mistakes', label: s(W.mistakes) },
          ]}
          value={fields.mode}
          onChange={(mode) => onChange({ mode })}
        />
      </LiveForm>
      {result && (
        <div className="nl-split-out">
          <p className={`nl-split-verdict ${result.joined.ok ? 'nl-ok' : 'nl-bad'}`} role="status">
            {result.joined.ok
              ? t(W.splitJoined, {
                  messages: result.messages.length,
                  bytes: num(total),
                  size: num(result.joined.size),
                })
              : t(W.splitBroken, {
                  messages: result.messages.length,
                  bytes: num(total),
                  why: result.joined.why ?? s(W.splitBrokenDefault),
                })}
          </p>
          <div className="nl-split-bar" aria-hidden="true">
            {result.messages.slice(0, 400).map((m, i) => (
              <span
                key={i}
                className={`nl-split-seg${m.type === 3 ? ' is-done' : ''}`}
                style={{ left: pct(m.offset), width: pct(Math.max(m.len, 1)) }}
                title={`#${i + 1}: ${m.len} B`}
              />
            ))}
          </div>
          {result.diagnostics.length > 0 && (
            <ul className="nl-diags" aria-label={s(W.splitFindings)}>
              {result.diagnostics.map((d, i) => (
                <li key={i} className={`nl-diag nl-diag--${d.severity}`}>
                  <span className="nl-diag-sev">{t(SEVERITY[d.severity])}</span>
                  <span className="nl-diag-msg">
                    <MsgText msg={d.message} />
                  </span>
                </li>
              ))}
            </ul>
          )}
          <TableRegion label={s(W.splitRegion)} size="short">
            <table>
              <caption>
                {t(W.splitCaption)}{' '}
                {result.messages.length > ROWS && (
                  <span className="caption-note">
                    {t(W.splitFirst, { n: ROWS, total: num(result.messages.length) })}
                  </span>
                )}
              </caption>
              <TableHead
                columns={['#', s(W.colOffset), 'nlmsg_len', s(W.colType), s(W.colFlags), s(W.colPayload)]}
              />
              <tbody>
                {result.messages.slice(0, ROWS).map((m, i) => (
                  <tr key={i}>
                    <th scope="row">{i + 1}</th>
                    <td className="num">{num(m.offset)}</td>
                    <td className="num">{num(m.len)}</td>
                    <td className="mono">
                      {m.type === 3 ? 'NLMSG_DONE' : m.type === 2 ? 'NLMSG_ERROR' : m.type}
                    </td>
                    <td className="mono">0x{m.flags.toString(16)}</td>
                    <td className="num">{num(m.payload)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          <button
            type="button"
            className="btn-quiet"
            onClick={onOpen}
            disabled={total === 0 || total > 256 * 1024}
          >
            {t(W.openSplit)}
          </button>
        </div>
      )}
    </div>
  );
}
