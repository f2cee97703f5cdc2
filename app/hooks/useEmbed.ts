import { useEffect, useSyncExternalStore } from 'react';
import { isEmbedHref } from '../embed/embed-url.ts';
import { isFramed, startHeightReporter } from '../embed/height-reporter.ts';

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const getEmbed = () => isEmbedHref(window.location.href);

/** Whether the page is in embed mode (`embed=1` in the hash query or the page's query). */
export function useEmbed(): boolean {
  return useSyncExternalStore(subscribe, getEmbed, () => false);
}

/** In embed mode inside a frame, report the document's height to the parent page. */
export function useHeightReporter(embed: boolean): void {
  useEffect(() => {
    if (!embed || !isFramed(window)) return;
    return startHeightReporter(window);
  }, [embed]);
}
