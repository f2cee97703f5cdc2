import { LAB_NAMES } from '../names.ts';
import { defineLab } from '../../lab-kit/index.ts';
import type { LabParams } from '../../lab-kit/index.ts';
import { CHOICE_KEYS } from './buffer.ts';
import { NETLINK_KEYS, parseNetlinkQuery, serialiseNetlinkQuery } from './params.ts';
import { NetlinkProvider, createNetlinkStore } from './store.ts';
import type { NetlinkState } from './store.ts';
import { netlinkPrimer } from './primer.ts';

/** What the URL carries of the lab's state. */
const URL_STATE = ['hexText', ...CHOICE_KEYS] as const;

export const netlinkParams: LabParams<NetlinkState> = {
  keys: NETLINK_KEYS,
  write: (s) => serialiseNetlinkQuery(s),
  read: (store, query, notes) => {
    const p = parseNetlinkQuery(query);
    store.getState().load(p.inputs, [...p.issues, ...notes]);
  },
  changed: (s, prev) => URL_STATE.some((k) => s[k] !== prev[k]),
};

export const netlinkLab = defineLab<NetlinkState>({
  path: 'netlink',
  primer: netlinkPrimer,
  words: LAB_NAMES.netlink,
  summary:
    'Build or paste netlink messages and see nlmsghdr, payload and attributes laid out in 32-bit rows with their padding, the byte grid linked to the fields, the NLMSG_* macros and an NLMSG_NEXT walk; split a large frame into a multipart sequence.',
  models: 'include/uapi/linux/netlink.h, net/netlink/af_netlink.c',
  embedControls: ['sample'],
  params: netlinkParams,
  loadChallenge: () => import('./challenge.ts').then((m) => m.netlinkChallenge),
  createStore: createNetlinkStore,
  Provider: NetlinkProvider,
  // Its own chunk, fetched when the lab is first shown: the nav and URL sync never load it.
  loadView: () => import('./NetlinkLab.tsx').then((m) => m.NetlinkLab),
});
