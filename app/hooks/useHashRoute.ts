import { useSyncExternalStore } from 'react';
import { parseHash } from '../lab-kit/url.ts';

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const getPath = () => parseHash(window.location.hash).path;

/** The current lab path of the hash (`fragment` for `#/fragment?len=…`). */
export function useHashPath(): string {
  return useSyncExternalStore(subscribe, getPath, () => '');
}

const getQuery = () => parseHash(window.location.hash).query;

/** The query of the hash (`len=4000&foo=1` for `#/fragment?len=4000&foo=1`). */
export function useHashQuery(): string {
  return useSyncExternalStore(subscribe, getQuery, () => '');
}
