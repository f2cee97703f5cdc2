/** The Journey lab's primer (app/lab-kit/primer.tsx): plain words first, for a first visit. */
import { defineMessages } from '../../../core/i18n/index.ts';
import type { LabPrimer } from '../../lab-kit/primer-context.ts';

const P = defineMessages({
  gist: {
    id: 'lab.journey.primer.gist',
    defaultMessage: 'one <code>sendto()</code> from program to program, layer by layer',
    description: 'Primer summary line, after “What you are looking at”.',
  },
  what: {
    id: 'lab.journey.primer.what',
    defaultMessage:
      'Two computers side by side, each a stack of layers: the program at the top, then its socket, UDP, IP and the network device at the bottom. On the way down each layer puts its header in front of the data (UDP 8 bytes, IP 20, Ethernet 14), and IP cuts a datagram bigger than the MTU into fragments. On the way up the receiver takes the headers off again, joins the fragments and queues the datagram on the socket (<code>sk_rmem_alloc</code> grows) until the program reads it.',
    description:
      'Primer: what the diagram shows, for a first-year student. <code> spans that are glossary keys open its popover.',
  },
  tryFirst: {
    id: 'lab.journey.primer.try',
    defaultMessage:
      'Press Play, or step with ▶, and read the caption at each stop. Then lose a fragment on the wire and see what the receiver does with the others.',
    description: 'Primer: what to try first.',
  },
});

export const journeyPrimer: LabPrimer = {
  gist: P.gist,
  what: P.what,
  tryFirst: P.tryFirst,
  terms: ['MTU', 'fragment', 'loopback'],
  tryQuery: 'len=4000&mtu=1500&family=inet&fault=lose&frag=2',
  // The drawing needs the first screen (issue 14); the step captions say the same in context.
  folded: true,
};
