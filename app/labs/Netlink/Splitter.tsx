/**
 * The multipart splitter: a frame too big for one message cut into NLM_F_MULTI messages ended by
 * NLMSG_DONE, done right or with the common mistakes (the core says which and why), drawn as a bar
 * of messages over the frame with its table; "Open in the byte view" loads the bytes above.
 */
import type { NlSplitResult } from '../../../core/netlink/index.ts';
import { Field } from '../../components/Field.tsx';
import { num, plural } from '../../format.ts';
import type { SplitFields } from './store.ts';

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
  issues: readonly { field: 'frame' | 'max'; message: string }[];
  onChange: (p: Partial<SplitFields>) => void;
  onOpen: () => void;
}) {
  const err = (f: 'frame' | 'max') => issues.find((i) => i.field === f)?.message;
  const total = result?.bytes.length ?? 0;
  const pct = (n: number) => `${total ? (100 * n) / total : 0}%`;
  return (
    <div className="nl-split">
      <form
        className="nl-split-form"
        onSubmit={(e) => e.preventDefault()}
        noValidate
        aria-label="Split a frame"
      >
        <Field label="Frame size (bytes)" error={err('frame')}>
          {(a) => (
            <input
              {...a}
              className="mono"
              inputMode="numeric"
              value={fields.frame}
              onChange={(e) => onChange({ frame: e.target.value })}
            />
          )}
        </Field>
        <Field label="Largest payload per message" error={err('max')}>
          {(a) => (
            <input
              {...a}
              className="mono"
              inputMode="numeric"
              value={fields.max}
              onChange={(e) => onChange({ max: e.target.value })}
            />
          )}
        </Field>
        <div className="field">
          <span className="field-label" id="nl-split-mode">
            Mode
          </span>
          <div className="segmented" role="radiogroup" aria-labelledby="nl-split-mode">
            {(
              [
                ['correct', 'Correct'],
                ['mistakes', 'Common mistakes'],
              ] as const
            ).map(([v, label]) => (
              <label key={v} className="segmented-option">
                <input
                  type="radio"
                  name="nl-split-mode"
                  value={v}
                  checked={fields.mode === v}
                  onChange={() => onChange({ mode: v })}
                />
                <span>{label}</span>
              </label>
            ))}
          </div>
        </div>
      </form>
      {result && (
        <div className="nl-split-out">
          <p className={`nl-split-verdict ${result.joined.ok ? 'nl-ok' : 'nl-bad'}`} role="status">
            {plural(result.messages.length, 'message')}, {num(total)} bytes.{' '}
            {result.joined.ok
              ? `The receiver joins them back into ${num(result.joined.size)} bytes.`
              : `The receiver cannot join them: ${result.joined.why ?? 'the sequence is broken'}.`}
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
            <ul className="nl-diags" aria-label="Splitter findings">
              {result.diagnostics.map((d, i) => (
                <li key={i} className={`nl-diag nl-diag--${d.severity}`}>
                  <span className="nl-diag-sev">
                    {d.severity === 'error' ? 'Error' : d.severity === 'warning' ? 'Warning' : 'Note'}
                  </span>
                  <span className="nl-diag-msg">{d.message}</span>
                </li>
              ))}
            </ul>
          )}
          <div className="table-scroll table-scroll--short">
            <table>
              <caption>
                Multipart messages{' '}
                {result.messages.length > ROWS && (
                  <span className="caption-note">
                    first {ROWS} of {num(result.messages.length)}
                  </span>
                )}
              </caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Offset</th>
                  <th scope="col">nlmsg_len</th>
                  <th scope="col">Type</th>
                  <th scope="col">Flags</th>
                  <th scope="col">Payload</th>
                </tr>
              </thead>
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
          </div>
          <button
            type="button"
            className="btn-quiet"
            onClick={onOpen}
            disabled={total === 0 || total > 256 * 1024}
          >
            Open these bytes in the byte view ↑
          </button>
        </div>
      )}
    </div>
  );
}
