import { defineMessages } from '../../../core/i18n/index.ts';
import { defineLab } from '../../lab-kit/index.ts';
import type { LabParams } from '../../lab-kit/index.ts';
import { NETLINK_KEYS, parseNetlinkQuery, serialiseNetlinkQuery } from './params.ts';
import { NetlinkProvider, createNetlinkStore } from './store.ts';
import type { NetlinkState } from './store.ts';

/** What the URL carries of the lab's state. */
const URL_STATE = [
  'hexText',
  'family',
  'endian',
  'truncated',
  'sample',
  'selected',
  'walk',
  'split',
  'msghdr',
] as const;

export const netlinkParams: LabParams<NetlinkState> = {
  keys: NETLINK_KEYS,
  write: (s) => serialiseNetlinkQuery(s),
  read: (store, query, notes) => {
    const p = parseNetlinkQuery(query);
    store.getState().load(p.inputs, [...p.issues, ...notes]);
  },
  changed: (s, prev) => URL_STATE.some((k) => s[k] !== prev[k]),
};

/** The lab's names in the navigation and the share bar, in the catalogs. */
const WORDS = defineMessages({
  title: {
    id: 'lab.netlink.title',
    defaultMessage: 'Netlink messages',
    description: "The lab's title (page heading, share bar, embed title).",
  },
  short: { id: 'lab.netlink.short', defaultMessage: 'Netlink', description: 'The lab in the navigation.' },
});

export const netlinkLab = defineLab<NetlinkState>({
  path: 'netlink',
  title: 'Netlink messages',
  short: 'Netlink',
  words: WORDS,
  summary:
    'Build or paste netlink messages and see nlmsghdr, payload and attributes laid out in 32-bit rows with their padding, the byte grid linked to the fields, the NLMSG_* macros and an NLMSG_NEXT walk; split a large frame into a multipart sequence.',
  models: 'include/uapi/linux/netlink.h, net/netlink/af_netlink.c',
  params: netlinkParams,
  createStore: createNetlinkStore,
  Provider: NetlinkProvider,
  // Its own chunk, fetched when the lab is first shown: the nav and URL sync never load it.
  loadView: () => import('./NetlinkLab.tsx').then((m) => m.NetlinkLab),
});
