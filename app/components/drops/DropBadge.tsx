import type { DropReason } from '../../../core/drops/index.ts';
import { DROPS_WORDS } from './words.ts';

/**
 * A drop drawn where it happens: a labelled badge (an ✕ mark and the reason in text, never colour
 * alone) for a step or a diagram node whose skbs the kernel freed as drops.
 */
export function DropBadge({
  drops,
  words = DROPS_WORDS,
}: {
  drops: readonly DropReason[] | undefined;
  words?: typeof DROPS_WORDS;
}) {
  if (!drops || drops.length === 0) return null;
  return (
    <span className="drop-badges">
      {drops.map((d) => (
        <span
          key={`${d.reason}/${d.function}`}
          className="drop-badge"
          data-reason={d.reason}
          title={`${d.count} × ${d.reason} in ${d.function}`}
        >
          <span aria-hidden="true">✕ </span>
          <span className="visually-hidden">{words.badgeLabel(d.reason, d.count)}</span>
          <code aria-hidden="true">
            {d.count > 1 ? `${d.count} × ` : ''}
            {d.reason}
          </code>
        </span>
      ))}
    </span>
  );
}
