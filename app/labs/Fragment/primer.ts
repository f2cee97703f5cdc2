/** The Fragmentation lab's primer (app/lab-kit/primer.tsx): plain words first, for a first visit. */
import { defineMessages } from '../../../core/i18n/index.ts';
import { definePrimer } from '../../lab-kit/primer-context.ts';

export const fragmentPrimer = definePrimer(
  defineMessages({
    gist: {
      id: 'lab.fragment.primer.gist',
      defaultMessage: 'one datagram cut into packets that fit the link',
      description: 'Primer summary line, after “What you are looking at”.',
    },
    what: {
      id: 'lab.fragment.primer.what',
      defaultMessage:
        'The long bar is one UDP datagram: your data (the payload) behind an 8-byte UDP header. A link carries packets of at most its MTU — 1,500 bytes on Ethernet, the 20-byte IP header included — so a bigger datagram is cut into fragments, each with an IP header of its own and at most 1,480 bytes of data (1,500 − 20, a multiple of 8). Every fragment but the last has <code>MF</code> (“more fragments”) set.',
      description:
        'Primer: what the diagram shows, for a first-year student. <code> spans that are glossary keys open its popover.',
    },
    tryFirst: {
      id: 'lab.fragment.primer.try',
      defaultMessage:
        'Set the payload length to 1472: 1,472 + 8 + 20 = 1,500, one full packet. Then 1473, one byte more: two packets. The chips above the bar (<code>fragsize</code>, <code>maxfraglen</code> …) are the kernel’s own variables; hover or focus one to learn what it means.',
      description: 'Primer: what to try first.',
    },
  }),
  {
    terms: ['MTU', 'fragment'],
    tryQuery: 'len=1473&mtu=1500',
  },
);
