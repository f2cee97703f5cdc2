/**
 * `challenge=1`: a page parameter (app/lab-kit/url.ts PAGE_PARAMS), in the hash query or the page's
 * own query like `embed=1`. A teacher's link is the lab's case plus `challenge=1`.
 */
import { flagOn, paramKey, splitHref } from '../href.ts';

export const CHALLENGE_PARAM = 'challenge';

const on = flagOn;
const split = splitHref;

const params = (q: string) => {
  try {
    return new URLSearchParams(q);
  } catch {
    return new URLSearchParams();
  }
};

/** Whether an address asks for challenge mode (the hash query's value wins). */
export function isChallengeHref(href: string): boolean {
  const p = split(href);
  const inHash = params(p.query).get(CHALLENGE_PARAM);
  return on(inHash ?? params(p.search).get(CHALLENGE_PARAM));
}

const without = (q: string) =>
  q
    .split('&')
    .filter((kv) => kv !== '' && paramKey(kv) !== CHALLENGE_PARAM)
    .join('&');

/**
 * The same address with challenge mode on (`challenge=1` at the end of the hash query) or off (no
 * `challenge` anywhere); every other parameter stays as written.
 */
export function hrefWithChallenge(href: string, wanted: boolean): string {
  const p = split(href);
  const search = without(p.search);
  const query = [without(p.query), wanted ? `${CHALLENGE_PARAM}=1` : ''].filter(Boolean).join('&');
  const hash = p.path || query ? `#${p.path}${query ? `?${query}` : ''}` : '';
  return `${p.base}${search ? `?${search}` : ''}${hash}`;
}
