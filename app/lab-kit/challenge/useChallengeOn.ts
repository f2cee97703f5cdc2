import { useCallback, useSyncExternalStore } from 'react';
import { flushUrl } from '../url-flush.ts';
import { hrefWithChallenge, isChallengeHref } from './url.ts';

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  window.addEventListener('popstate', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener('popstate', onChange);
  };
}
const get = () => isChallengeHref(window.location.href);

/**
 * Whether the address asks for challenge mode, and a toggle that writes `challenge=1` into it (a
 * history entry: Back leaves the challenge). URL sync keeps it as a page parameter, so Copy link
 * and the embed code carry it.
 */
export function useChallengeOn(): [boolean, () => void] {
  const on = useSyncExternalStore(subscribe, get, () => false);
  const toggle = useCallback(() => {
    // The new entry carries the lab's state as it is now, not as it was last written.
    flushUrl();
    const next = hrefWithChallenge(window.location.href, !isChallengeHref(window.location.href));
    window.history.pushState(window.history.state, '', next);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  }, []);
  return [on, toggle];
}
