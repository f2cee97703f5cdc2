/** What the core found wrong or worth knowing in the bytes, each with a link that lights them. */
import { diagnosticMsg, type NlDiagnostic } from '../../../core/netlink/index.ts';
import { num } from '../../format.ts';
import { useHighlight } from './highlight.ts';
import { W, useNlWords } from './words.ts';
import { MsgText } from '../../i18n/MsgText.tsx';

export const SEVERITY = { error: W.sevError, warning: W.sevWarning, info: W.sevInfo } as const;

export function Diagnostics({
  diagnostics,
  messageAt,
  onSelectMessage,
}: {
  diagnostics: readonly NlDiagnostic[];
  messageAt: (offset: number) => number | null;
  onSelectMessage: (i: number) => void;
}) {
  const { reveal } = useHighlight();
  const { t, s } = useNlWords();
  if (diagnostics.length === 0)
    return (
      <p className="nl-clean">
        <span className="round-mark summary-ok" aria-hidden="true">
          ✓
        </span>{' '}
        {t(W.clean)}
      </p>
    );
  const shown = diagnostics.slice(0, 100);
  return (
    <>
      <ul className="nl-diags" aria-label={s(W.findings)}>
        {shown.map((d, i) => {
          const to = d.offset + Math.max(1, d.length);
          return (
            <li key={i} className={`nl-diag nl-diag--${d.severity}`}>
              <span className="nl-diag-sev">{t(SEVERITY[d.severity])}</span>
              <span className="nl-diag-msg">
                <MsgText msg={diagnosticMsg(d)} /> <span className="mono muted">({d.code})</span>
              </span>
              <button
                type="button"
                className="btn-quiet nl-diag-link"
                onClick={() => {
                  const m = messageAt(d.offset);
                  if (m !== null) onSelectMessage(m);
                  reveal(d.offset, to);
                }}
              >
                {d.length > 1
                  ? t(W.bytesRange, { from: num(d.offset), to: num(to - 1) })
                  : t(W.byteAt, { n: num(d.offset) })}
              </button>
            </li>
          );
        })}
      </ul>
      {diagnostics.length > shown.length && (
        <p className="nl-note">{t(W.more, { n: num(diagnostics.length - shown.length) })}</p>
      )}
    </>
  );
}
