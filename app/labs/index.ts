/**
 * Every lab, in teaching order: from socket() down to the wire and back. The shell's navigation,
 * its routes and URL sync all read this list — adding a lab is a folder in labs/ and one entry here.
 *
 * The list holds names and imports, never a lab's code: each lab's declaration (its store, URL
 * parameters and the core it runs) and its view are chunks of their own, fetched when the lab is
 * first shown, so a page carries the shell and one lab (issue 17; `npm run bench:size`).
 */
import { lazyLab } from '../lab-kit/define-lab.ts';
import type { Lab } from '../lab-kit/define-lab.ts';
import { LAB_NAMES } from './names.ts';
import { defragFunctionOf } from './Reassemble/defrag-fn.ts';

export const LABS: readonly Lab[] = [
  lazyLab({
    path: 'socket',
    words: LAB_NAMES.socket,
    load: () => import('./Socket/lab.ts').then((m) => m.socketLab),
    prefetch: () => import('./Socket/SocketLab.tsx'),
  }),
  lazyLab({
    path: 'netlink',
    words: LAB_NAMES.netlink,
    load: () => import('./Netlink/lab.ts').then((m) => m.netlinkLab),
    prefetch: () => import('./Netlink/NetlinkLab.tsx'),
  }),
  lazyLab({
    path: 'skb',
    words: LAB_NAMES.skb,
    load: () => import('./Skb/lab.ts').then((m) => m.skbLab),
    prefetch: () => import('./Skb/SkbLab.tsx'),
  }),
  lazyLab({
    path: 'fragment',
    words: LAB_NAMES.fragment,
    load: () => import('./Fragment/lab.ts').then((m) => m.fragmentLab),
    prefetch: () => import('./Fragment/FragmentLab.tsx'),
  }),
  lazyLab({
    path: 'reassemble',
    words: LAB_NAMES.reassemble,
    load: () => import('./Reassemble/lab.ts').then((m) => m.reassembleLab),
    prefetch: () => import('./Reassemble/ReassembleLab.tsx'),
    // Its paragraph names the input function of the address's family (ReassembleLab.tsx's intro).
    introValues: (q) => ({ fn: defragFunctionOf(q.get('family')) }),
  }),
  lazyLab({
    path: 'journey',
    words: LAB_NAMES.journey,
    load: () => import('./Journey/lab.ts').then((m) => m.journeyLab),
    prefetch: () => import('./Journey/JourneyLab.tsx'),
  }),
];

/** The lab an empty hash opens. */
export const DEFAULT_LAB = 'fragment';
