import type { DropReason } from '../../../core/drops/index.ts';
import { DROP_REASON_TEXT } from '../../../core/drops/index.ts';
import { DROPS_WORDS } from './words.ts';

/**
 * A drop marked on a diagram where it happens: an ✕ mark, a label ("Dropped here"), and each reason
 * and freeing function in text with what it means — readable without colour.
 */
export function DropNote({
  drops,
  label = DROPS_WORDS.droppedHere,
  words = DROPS_WORDS,
  className = '',
}: {
  drops: readonly DropReason[] | undefined;
  label?: string;
  words?: typeof DROPS_WORDS;
  className?: string;
}) {
  if (!drops || drops.length === 0) return null;
  return (
    <div className={`drop-note${className ? ` ${className}` : ''}`} role="note" aria-label={label}>
      <span className="drop-note-mark" aria-hidden="true">
        ✕
      </span>
      <strong>{label}</strong>
      <ul>
        {drops.map((d) => (
          <li key={`${d.reason}/${d.function}`} data-reason={d.reason}>
            {words.dropCount(d.count)} <code>{d.reason}</code> {words.freedBy} <code>{d.function}</code>
            {DROP_REASON_TEXT[d.reason] ? (
              <span className="muted"> — {DROP_REASON_TEXT[d.reason]}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
