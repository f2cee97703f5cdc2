import type { ReactNode } from 'react';
import { isStale, URL_FIELD } from './issues.ts';
import type { Issue } from './issues.ts';
import { MsgText } from '../i18n/MsgText.tsx';
import { useKitWords } from './words.ts';
import type { KitWords } from './words.ts';

/** `foo=`: a URL parameter as written (never translated), and the space after a field's name. */
const paramText = (p: string) => `${p}=`;
const SPACE = ' ';

/**
 * The banner above a lab's results when an input (typed or from the URL) was not used: what is
 * wrong, field by field, and that the last good result is still shown; a URL parameter the lab
 * does not have is named as `foo=`. One role="status" region so screen readers hear it once.
 */
export function IssuesBanner({
  issues,
  stale = isStale(issues),
  modelError,
  fieldName = (f) => f,
  onDismiss,
  words,
}: {
  issues: readonly Issue[];
  /** The inputs as typed have no result: the result shown is the last good one. */
  stale?: boolean;
  /** The model itself stopped (a bug, never bad input): shown verbatim. */
  modelError?: string | null | undefined;
  /** How a field is named to the student (`mtu` → `MTU:`, `ops` → `ops=`). */
  fieldName?: (field: string) => ReactNode;
  onDismiss?: (() => void) | undefined;
  /** A lab's own words for any of these (the kit's, in the page's language, for the rest). */
  words?: Partial<Pick<KitWords, 'bannerModel' | 'bannerStale' | 'bannerUrl' | 'dismiss'>>;
}) {
  const w = { ...useKitWords(), ...words };
  if (issues.length === 0 && !modelError) return null;
  const n = issues.length;
  const title = modelError ? w.bannerModel : stale ? w.bannerStale(n) : w.bannerUrl(n);
  return (
    <div className="banner" role="status">
      <p className="banner-title">{title}</p>
      <ul>
        {issues.map((i) => (
          <li key={`${i.field}:${i.param ?? ''}:${i.message}`}>
            <strong>
              {i.field === URL_FIELD && i.param !== undefined ? (
                <span className="mono">{paramText(i.param)}</span>
              ) : (
                fieldName(i.field)
              )}
            </strong>
            {SPACE}
            <MsgText msg={i.msg ?? i.message} />
          </li>
        ))}
        {modelError && <li className="mono">{modelError}</li>}
      </ul>
      {onDismiss && (
        <button type="button" className="btn-quiet banner-close" onClick={onDismiss}>
          {w.dismiss}
        </button>
      )}
    </div>
  );
}
