import { LAB_NAMES } from '../names.ts';
import { defineLab, formParams } from '../../lab-kit/index.ts';
import { JOURNEY_KEYS, parseJourneyQuery, serialiseJourneyQuery } from './params.ts';
import { JourneyProvider, createJourneyStore } from './store.ts';
import type { JourneyState } from './store.ts';
import { journeyPrimer } from './primer.ts';

export const journeyParams = formParams<JourneyState>({
  keys: JOURNEY_KEYS,
  parse: parseJourneyQuery,
  serialise: (fields, step) => serialiseJourneyQuery(fields, step ?? 0),
});

export const journeyLab = defineLab<JourneyState>({
  path: 'journey',
  primer: journeyPrimer,
  words: LAB_NAMES.journey,
  summary:
    'Watch one datagram go down from the socket to the link layer — headers pushed, fragments split off — and back up on the receiver, with playback controls and the trace beside it.',
  models: 'the output and input traces, animated',
  embedControls: ['len', 'mtu'],
  params: journeyParams,
  loadChallenge: () => import('./challenge.ts').then((m) => m.journeyChallenge),
  createStore: createJourneyStore,
  Provider: JourneyProvider,
  // Its own chunk, fetched when the lab is first shown: the nav and URL sync never load it.
  loadView: () => import('./JourneyLab.tsx').then((m) => m.JourneyLab),
});
