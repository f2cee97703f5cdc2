/** What the core found wrong or worth knowing in the bytes, each with a link that lights them. */
import type { NlDiagnostic } from '../../../core/netlink/index.ts';
import { num } from '../../format.ts';
import { useHighlight } from './highlight.ts';

const SEVERITY = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

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
  if (diagnostics.length === 0)
    return (
      <p className="nl-clean">
        <span className="summary-ok" aria-hidden="true">
          ✓
        </span>{' '}
        No findings: every message is well framed.
      </p>
    );
  const shown = diagnostics.slice(0, 100);
  return (
    <>
      <ul className="nl-diags" aria-label="Findings">
        {shown.map((d, i) => {
          const to = d.offset + Math.max(1, d.length);
          return (
            <li key={i} className={`nl-diag nl-diag--${d.severity}`}>
              <span className="nl-diag-sev">{SEVERITY[d.severity]}</span>
              <span className="nl-diag-msg">
                {d.message} <span className="mono muted">({d.code})</span>
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
                {d.length > 1 ? `bytes ${num(d.offset)}–${num(to - 1)}` : `byte ${num(d.offset)}`}
              </button>
            </li>
          );
        })}
      </ul>
      {diagnostics.length > shown.length && (
        <p className="nl-note">… and {num(diagnostics.length - shown.length)} more.</p>
      )}
    </>
  );
}
