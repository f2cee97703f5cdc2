import { useEffect, useSyncExternalStore } from 'react';
import { isEmbedHref, pageQueryOf } from '../embed/embed-url.ts';
import { FULL_VIEW, parseEmbedView } from '../lab-kit/view.tsx';
import type { EmbedView } from '../lab-kit/view.tsx';
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

let lastQuery = '';
let lastView: EmbedView = FULL_VIEW;
const getView = (): EmbedView => {
  const href = window.location.href;
  if (!isEmbedHref(href)) return FULL_VIEW;
  const q = pageQueryOf(href);
  if (q !== lastQuery) [lastQuery, lastView] = [q, parseEmbedView(q)];
  return lastView;
};

/** The embed view (`view=`, `controls=`) the address asks for; `full` outside embed mode. */
export function useEmbedViewFromUrl(): EmbedView {
  return useSyncExternalStore(subscribe, getView, () => FULL_VIEW);
}

/** In embed mode inside a frame, report the document's height to the parent page. */
export function useHeightReporter(embed: boolean): void {
  useEffect(() => {
    if (!embed || !isFramed(window)) return;
    return startHeightReporter(window);
  }, [embed]);
}
