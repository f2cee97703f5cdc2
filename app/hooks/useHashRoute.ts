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
