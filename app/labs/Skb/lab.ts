import { LAB_NAMES } from '../names.ts';
import { defineLab } from '../../lab-kit/index.ts';
import type { LabParams } from '../../lab-kit/index.ts';
import { SKB_KEYS, parseSkbQuery, serialiseSkbQuery } from './params.ts';
import { SkbProvider, createSkbStore } from './store.ts';
import type { SkbState } from './store.ts';
import { skbPrimer } from './primer.ts';

export const skbParams: LabParams<SkbState> = {
  keys: SKB_KEYS,
  write: (s) =>
    serialiseSkbQuery({
      alloc: s.alloc,
      ops: s.ops,
      step: s.step,
      replay: s.replay?.kind ?? null,
      lastStep: s.run.trace.length - 1,
    }),
  read: (store, query, notes) => {
    const p = parseSkbQuery(query);
    store.getState().load({ ...p, issues: [...p.issues, ...notes] });
  },
  changed: (s, prev) =>
    s.ops !== prev.ops || s.alloc !== prev.alloc || s.step !== prev.step || s.replay !== prev.replay,
};

export const skbLab = defineLab<SkbState>({
  path: 'skb',
  primer: skbPrimer,
  words: LAB_NAMES.skb,
  summary:
    'Apply skb_reserve, skb_put, skb_push, skb_pull and skb_trim and watch head, data, tail and end move, with headroom, tailroom, page frags and the frag_list drawn to scale.',
  models: 'include/linux/skbuff.h, net/core/skbuff.c',
  embedControls: ['ops'],
  params: skbParams,
  loadChallenge: () => import('./challenge.ts').then((m) => m.skbChallenge),
  createStore: createSkbStore,
  Provider: SkbProvider,
  // Its own chunk, fetched when the lab is first shown: the nav and URL sync never load it.
  loadView: () => import('./SkbLab.tsx').then((m) => m.SkbLab),
});
