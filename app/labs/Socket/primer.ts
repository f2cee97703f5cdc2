/** The Socket lab's primer (app/lab-kit/primer.tsx): plain words first, for a first visit. */
import { defineMessages } from '../../../core/i18n/index.ts';
import { definePrimer } from '../../lab-kit/primer-context.ts';

export const socketPrimer = definePrimer(
  defineMessages({
    gist: {
      id: 'lab.socket.primer.gist',
      defaultMessage: 'what <code>socket()</code> builds inside the kernel',
      description: 'Primer summary line, after “What you are looking at”.',
    },
    what: {
      id: 'lab.socket.primer.what',
      defaultMessage:
        'A socket is the handle a program sends and receives data through. <code>socket()</code> takes three numbers: a family (IPv4, IPv6, Unix, netlink …), a type (a byte stream, single datagrams, raw packets) and a protocol. The call path shows, function by function, how the kernel checks them, builds a <code>struct socket</code> and picks two tables of functions — <code>proto_ops</code> and <code>proto</code> — that every later <code>connect()</code> or <code>sendmsg()</code> on it goes through. When the kernel refuses, it shows the line that returns the <code>errno</code>.',
      description:
        'Primer: what the diagram shows, for a first-year student. <code> spans that are glossary keys open its popover.',
    },
    tryFirst: {
      id: 'lab.socket.primer.try',
      defaultMessage:
        'Click the presets TCP and UDP and compare where the call path ends: two different <code>proto_ops</code> tables. Then ask for a raw socket with protocol 0 — the kernel refuses it; find the step that says why.',
      description: 'Primer: what to try first.',
    },
  }),
  {
    terms: ['domain/type/protocol', 'SOCK_STREAM', 'SOCK_DGRAM', 'SOCK_RAW'],
    tryQuery: 'domain=AF_INET&type=SOCK_RAW&protocol=0&priv=root',
  },
);
