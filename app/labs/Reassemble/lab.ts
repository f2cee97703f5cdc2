import { LAB_NAMES } from '../names.ts';
import { defineLab, formParams } from '../../lab-kit/index.ts';
import { REASSEMBLE_KEYS, parseReassembleQuery, serialiseReassembleQuery } from './params.ts';
import { ReassembleProvider, createReassembleStore } from './store.ts';
import type { ReassembleState } from './store.ts';
import { reassemblePrimer } from './primer.ts';

export const reassembleParams = formParams<ReassembleState>({
  keys: REASSEMBLE_KEYS,
  parse: parseReassembleQuery,
  serialise: serialiseReassembleQuery,
});

export const reassembleLab = defineLab<ReassembleState>({
  path: 'reassemble',
  primer: reassemblePrimer,
  words: LAB_NAMES.reassemble,
  summary:
    'Reorder, drop, duplicate and overlap fragments and watch the defragmentation queue fill — and whether ip_defrag delivers the datagram, drops it, or times out.',
  models: 'net/ipv4/ip_fragment.c, net/ipv6/reassembly.c',
  embedControls: ['len', 'family'],
  params: reassembleParams,
  loadChallenge: () => import('./challenge.ts').then((m) => m.reassembleChallenge),
  createStore: createReassembleStore,
  Provider: ReassembleProvider,
  // Its own chunk, fetched when the lab is first shown: the nav and URL sync never load it.
  loadView: () => import('./ReassembleLab.tsx').then((m) => m.ReassembleLab),
});
