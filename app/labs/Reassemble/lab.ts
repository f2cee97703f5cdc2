import { defineMessages } from '../../../core/i18n/index.ts';
import { defineLab, formParams } from '../../lab-kit/index.ts';
import { REASSEMBLE_KEYS, parseReassembleQuery, serialiseReassembleQuery } from './params.ts';
import { ReassembleProvider, createReassembleStore } from './store.ts';
import type { ReassembleState } from './store.ts';

export const reassembleParams = formParams<ReassembleState>({
  keys: REASSEMBLE_KEYS,
  parse: parseReassembleQuery,
  serialise: serialiseReassembleQuery,
});

/** The lab's names in the navigation and the share bar, in the catalogs. */
const WORDS = defineMessages({
  title: {
    id: 'lab.reassemble.title',
    defaultMessage: 'Reassembly',
    description: "The lab's title (page heading, share bar, embed title).",
  },
  short: {
    id: 'lab.reassemble.short',
    defaultMessage: 'Reassemble',
    description: 'The lab in the navigation.',
  },
});

export const reassembleLab = defineLab<ReassembleState>({
  path: 'reassemble',
  title: 'Reassembly',
  short: 'Reassemble',
  words: WORDS,
  summary:
    'Reorder, drop, duplicate and overlap fragments and watch the defragmentation queue fill — and whether ip_defrag delivers the datagram, drops it, or times out.',
  models: 'net/ipv4/ip_fragment.c, net/ipv6/reassembly.c',
  params: reassembleParams,
  createStore: createReassembleStore,
  Provider: ReassembleProvider,
  // Its own chunk, fetched when the lab is first shown: the nav and URL sync never load it.
  loadView: () => import('./ReassembleLab.tsx').then((m) => m.ReassembleLab),
});
