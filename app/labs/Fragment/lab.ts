import { LAB_NAMES } from '../names.ts';
import { defineLab, formParams } from '../../lab-kit/index.ts';
import { FRAGMENT_KEYS, parseFragmentQuery, serialiseFragmentQuery } from './params.ts';
import { FragmentProvider, createFragmentStore } from './store.ts';
import type { FragmentState } from './store.ts';
import { fragmentPrimer } from './primer.ts';

export const fragmentParams = formParams<FragmentState>({
  keys: FRAGMENT_KEYS,
  parse: parseFragmentQuery,
  serialise: (fields, step) => serialiseFragmentQuery(fields, step ?? 0),
});

export const fragmentLab = defineLab<FragmentState>({
  path: 'fragment',
  primer: fragmentPrimer,
  words: LAB_NAMES.fragment,
  summary:
    'Set the payload, MTU, family, socket kind, PMTU mode, IP options and device features; see where the datagram is cut, every packet on the wire, and the kernel pipeline step by step.',
  models: 'net/ipv4/ip_output.c, net/ipv6/ip6_output.c',
  embedControls: ['len', 'mtu'],
  params: fragmentParams,
  loadChallenge: () => import('./challenge.ts').then((m) => m.fragmentChallenge),
  createStore: createFragmentStore,
  Provider: FragmentProvider,
  // Its own chunk, fetched when the lab is first shown: the nav and URL sync never load it.
  loadView: () => import('./FragmentLab.tsx').then((m) => m.FragmentLab),
});
