import type { ReactNode } from 'react';

export interface BannerIssue {
  field: string;
  message: string;
}

/**
 * The banner above a lab's results when an input (typed or from the URL) was not used: what is
 * wrong, field by field, and that the last good result is still shown. One role="status" region so
 * screen readers hear it once.
 */
export function IssuesBanner({
  issues,
  stale,
  modelError,
  fieldName = (f) => f,
  onDismiss,
}: {
  issues: readonly BannerIssue[];
  /** The inputs as typed have no result: the result shown is the last good one. */
  stale: boolean;
  /** The model itself stopped (a bug, never bad input): shown verbatim. */
  modelError?: string | null | undefined;
  /** How a field is named to the student (`mtu` → `MTU`, `ops` → `ops=`). */
  fieldName?: (field: string) => ReactNode;
  onDismiss?: (() => void) | undefined;
}) {
  if (issues.length === 0 && !modelError) return null;
  const n = issues.length;
  const title = modelError
    ? 'The model stopped on this input; showing the last good result.'
    : stale
      ? `${n === 1 ? 'One input needs' : `${n} inputs need`} fixing — showing the last good result.`
      : `${n === 1 ? 'A URL parameter was' : `${n} URL parameters were`} not used — showing the last good state.`;
  return (
    <div className="banner" role="status">
      <p className="banner-title">{title}</p>
      <ul>
        {issues.map((i) => (
          <li key={`${i.field}:${i.message}`}>
            <strong>{fieldName(i.field)}</strong> {i.message}
          </li>
        ))}
        {modelError && <li className="mono">{modelError}</li>}
      </ul>
      {onDismiss && (
        <button type="button" className="btn-quiet banner-close" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
