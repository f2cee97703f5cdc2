import { renderTextParts } from '../../core/i18n/index.ts';
import type { Text } from '../../core/i18n/index.ts';
import { useLocale } from './locale.ts';

/**
 * A core message (or a transitional English string) in the page's language, kernel identifiers in
 * `<code>` (they are the same in every language).
 */
export function MsgText({ msg }: { msg: Text | undefined | null }) {
  const locale = useLocale();
  if (msg === undefined || msg === null) return null;
  return (
    <>
      {renderTextParts(msg, locale).map((p, i) =>
        p.kind === 'code' ? <code key={i}>{p.text}</code> : <span key={i}>{p.text}</span>,
      )}
    </>
  );
}
