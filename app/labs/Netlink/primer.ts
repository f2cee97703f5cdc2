/** The Netlink lab's primer (app/lab-kit/primer.tsx): plain words first, for a first visit. */
import { defineMessages } from '../../../core/i18n/index.ts';
import { definePrimer } from '../../lab-kit/primer-context.ts';

export const netlinkPrimer = definePrimer(
  defineMessages({
    gist: {
      id: 'lab.netlink.primer.gist',
      defaultMessage: 'the bytes a program and the kernel exchange over netlink',
      description: 'Primer summary line, after “What you are looking at”.',
    },
    what: {
      id: 'lab.netlink.primer.what',
      defaultMessage:
        'Netlink is how programs such as <code>ip</code> ask the kernel about its network — links, addresses, routes — and change it. Both sides exchange plain bytes. Each message starts with a 16-byte <code>nlmsghdr</code>: its <code>nlmsg_len</code> says how long the message is, its type and flags say what it asks. Then comes a fixed header of the message’s family (<code>ifinfomsg</code> for a link), then attributes (<code>nlattr</code>): small length–type–value boxes, each padded to a multiple of 4 bytes. The grid shows every byte, coloured by the part it belongs to.',
      description:
        'Primer: what the diagram shows, for a first-year student. <code> spans that are glossary keys open its popover.',
    },
    tryFirst: {
      id: 'lab.netlink.primer.try',
      defaultMessage:
        'Load a real answer to <code>ip link show</code>: several messages, each marked <code>NLM_F_MULTI</code>, and a last one of type <code>NLMSG_DONE</code>. Find where one message ends and the next begins: the first message’s <code>nlmsg_len</code> tells you.',
      description: 'Primer: what to try first.',
    },
  }),
  {
    terms: ['netlink', 'nlattr'],
    tryQuery: 'sample=getlink-dump&family=route',
  },
);
