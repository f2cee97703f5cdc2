import type { DropReason } from '../../../core/drops/index.ts';
import { useDropsWords } from './words.ts';
import type { DropsWords } from './words.ts';

/** Marks, not words: the same in every language. */
const MARK = '✕ ';
const times = (n: number) => `${n} × `;

/**
 * A drop drawn where it happens: a labelled badge (an ✕ mark and the reason in text, never colour
 * alone) for a step or a diagram node whose skbs the kernel freed as drops.
 */
export function DropBadge({
  drops,
  words: given,
}: {
  drops: readonly DropReason[] | undefined;
  words?: DropsWords;
}) {
  const own = useDropsWords();
  const words = given ?? own;
  if (!drops || drops.length === 0) return null;
  return (
    <span className="drop-badges">
      {drops.map((d) => (
        <span
          key={`${d.reason}/${d.function}`}
          className="drop-badge"
          data-reason={d.reason}
          title={words.badgeLabel(d.reason, d.count)}
        >
          <span aria-hidden="true">{MARK}</span>
          <span className="visually-hidden">{words.badgeLabel(d.reason, d.count)}</span>
          <code aria-hidden="true">
            {d.count > 1 ? times(d.count) : null}
            {d.reason}
          </code>
        </span>
      ))}
    </span>
  );
}
