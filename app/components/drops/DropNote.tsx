import type { DropReason } from '../../../core/drops/index.ts';
import { DROP_FUNCTION_FILE } from '../../../core/drops/index.ts';
import { bootlinIdentUrl, bootlinUrl } from '../../../core/trace/index.ts';
import { useDropsWords } from './words.ts';
import type { DropsWords } from './words.ts';

/** Marks, not words. */
const MARK = '✕';
const SPACE = ' ';
/** core/drops' explanation of a reason (in the page's language) after a dash. */
const dash = (text: string) => ` — ${text}`;

/**
 * A drop marked on a diagram where it happens: an ✕ mark, a label ("Dropped here"), and each reason
 * and freeing function in text with what it means — readable without colour.
 */
export function DropNote({
  drops,
  label,
  words: given,
  className = '',
}: {
  drops: readonly DropReason[] | undefined;
  label?: string;
  words?: DropsWords;
  className?: string;
}) {
  const own = useDropsWords();
  const words = given ?? own;
  if (!drops || drops.length === 0) return null;
  const name = label ?? words.droppedHere;
  return (
    <div className={`drop-note${className ? ` ${className}` : ''}`} role="note" aria-label={name}>
      <span className="drop-note-mark" aria-hidden="true">
        {MARK}
      </span>
      <strong>{name}</strong>
      <ul>
        {drops.map((d) => (
          <li key={`${d.reason}/${d.function}`} data-reason={d.reason}>
            {words.dropCount(d.count)}
            {SPACE}
            <code>{d.reason}</code>
            {SPACE}
            {words.freedBy}
            {SPACE}
            <a
              href={
                DROP_FUNCTION_FILE[d.function]
                  ? bootlinUrl(DROP_FUNCTION_FILE[d.function] as string)
                  : bootlinIdentUrl(d.function)
              }
              target="_blank"
              rel="noreferrer"
            >
              <code>{d.function}</code>
              <span className="visually-hidden">{words.sourceOf(d.function)}</span>
            </a>
            <Why text={words.reasonText(d.reason)} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function Why({ text }: { text: string | null }) {
  return text ? <span className="muted">{dash(text)}</span> : null;
}
