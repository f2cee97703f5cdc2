/** The Reassembly lab's primer (app/lab-kit/primer.tsx): plain words first, for a first visit. */
import { defineMessages } from '../../../core/i18n/index.ts';
import { definePrimer } from '../../lab-kit/primer-context.ts';

export const reassemblePrimer = definePrimer(
  defineMessages({
    gist: {
      id: 'lab.reassemble.primer.gist',
      defaultMessage: 'the receiver putting fragments back together',
      description: 'Primer summary line, after “What you are looking at”.',
    },
    what: {
      id: 'lab.reassemble.primer.what',
      defaultMessage:
        'A fragmented datagram arrives as several packets, in any order, sometimes twice, sometimes not at all. The receiver keeps them in a queue (<code>ipq</code>), one per datagram, until every byte from 0 to the end is there; then it joins them and hands the whole datagram to UDP. Each bar is a fragment at its byte offset; the green runs are pieces already joined end to end, and the gaps between them are holes still to fill.',
      description:
        'Primer: what the diagram shows, for a first-year student. <code> spans that are glossary keys open its popover.',
    },
    tryFirst: {
      id: 'lab.reassemble.primer.try',
      defaultMessage:
        'Step through the arrivals with the buttons above the picture: here the last fragment comes first. Then load a case where one fragment never arrives: the queue waits, and after <code>ipfrag_time</code> (30 seconds) the kernel drops it all.',
      description: 'Primer: what to try first.',
    },
  }),
  {
    terms: ['runs', 'holes'],
    tryQuery: 'len=2992&family=inet&frags=0:1480:1,1480:1480:1,2960:40:0&order=2,0',
  },
);
