import { useMemo } from 'react';
import { useHashQuery } from '../hooks/useHashRoute.ts';
import { IssuesBanner } from './IssuesBanner.tsx';
import { unknownParams } from './url.ts';

/**
 * The home page (`#/`) and the capture page (`#/capture`) take no parameters of their own: any
 * parameter in their address (page parameters such as `embed=` aside) is named in the banner, as
 * every lab does (issue 19: nothing silently dropped).
 */
const NONE: readonly string[] = [];

export function PageUrlBanner({ keys = NONE }: { keys?: readonly string[] }) {
  const query = useHashQuery();
  const issues = useMemo(() => unknownParams(query, keys), [query, keys]);
  return <IssuesBanner issues={issues} stale={false} />;
}
