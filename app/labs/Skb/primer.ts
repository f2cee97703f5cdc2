/** The sk_buff lab's primer (app/lab-kit/primer.tsx): plain words first, for a first visit. */
import { defineMessages } from '../../../core/i18n/index.ts';
import { definePrimer } from '../../lab-kit/primer-context.ts';

export const skbPrimer = definePrimer(
  defineMessages({
    gist: {
      id: 'lab.skb.primer.gist',
      defaultMessage: 'the buffer every packet lives in, and its four pointers',
      description: 'Primer summary line, after “What you are looking at”.',
    },
    what: {
      id: 'lab.skb.primer.what',
      defaultMessage:
        'The kernel keeps every packet in an <code>sk_buff</code>: one block of memory and four pointers into it. <code>head</code> and <code>end</code> mark the block; <code>data</code> and <code>tail</code> mark the bytes in use. The free space in front of <code>data</code> is the headroom, the free space after <code>tail</code> the tailroom. On the way down the stack each layer puts its header in front of the data by moving <code>data</code> back (<code>skb_push</code>) — no byte is copied.',
      description:
        'Primer: what the diagram shows, for a first-year student. <code> spans that are glossary keys open its popover.',
    },
    tryFirst: {
      id: 'lab.skb.primer.try',
      defaultMessage:
        'Step through the UDP send: <code>data</code> moves left by 8, 20 and 14 bytes as the UDP, IP and Ethernet headers go in front. Then load a push bigger than the headroom: the kernel stops with <code>skb_under_panic</code>.',
      description: 'Primer: what to try first.',
    },
  }),
  {
    terms: ['headroom', 'tailroom'],
    tryQuery: 'preset=underflow',
  },
);
