/** Every lab's URL adapter; a lab keeps its state in the URL by adding one entry here. */
import type { LabUrlAdapter } from './url-sync.ts';
import { parseFragmentQuery, serialiseFragmentQuery } from './fragment-url.ts';
import { skbUrl } from './skb-url.ts';
import { socketUrl } from './socket-url.ts';
import { parseJourneyQuery, serialiseJourneyQuery } from './journey-url.ts';
import { reassembleUrl } from './reassemble-url.ts';
import { netlinkUrl } from './netlink-url.ts';

export const fragmentUrl: LabUrlAdapter = {
  path: 'fragment',
  write: (s) => serialiseFragmentQuery(s.fragment.fields, s.fragment.step),
  read: (store, query) => {
    const p = parseFragmentQuery(query);
    store.getState().fragment.load(p.fields, p.step, p.issues);
  },
  changed: (s, prev) => s.fragment.fields !== prev.fragment.fields || s.fragment.step !== prev.fragment.step,
};

export const journeyUrl: LabUrlAdapter = {
  path: 'journey',
  write: (s) => serialiseJourneyQuery(s.journey.fields, s.journey.step),
  read: (store, query) => {
    const p = parseJourneyQuery(query);
    store.getState().journey.load(p.fields, p.step, p.issues);
  },
  changed: (s, prev) => s.journey.fields !== prev.journey.fields || s.journey.step !== prev.journey.step,
};

export const URL_ADAPTERS: readonly LabUrlAdapter[] = [
  fragmentUrl,
  skbUrl,
  socketUrl,
  journeyUrl,
  reassembleUrl,
  netlinkUrl,
];
