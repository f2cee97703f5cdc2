/**
 * Every lab's names, in the catalogs: `…Title` heads the page, the share bar and the embed's title;
 * `…Short` names the lab in the navigation.
 */
import { defineMessages } from '../../core/i18n/index.ts';
import type { LabWords } from '../lab-kit/define-lab.ts';

const M = defineMessages({
  fragmentTitle: {
    id: 'lab.fragment.title',
    defaultMessage: 'Fragmentation',
  },
  fragmentShort: {
    id: 'lab.fragment.short',
    defaultMessage: 'Fragment',
  },
  journeyTitle: {
    id: 'lab.journey.title',
    defaultMessage: 'Journey of a datagram',
  },
  journeyShort: {
    id: 'lab.journey.short',
    defaultMessage: 'Journey',
  },
  netlinkTitle: {
    id: 'lab.netlink.title',
    defaultMessage: 'Netlink messages',
  },
  netlinkShort: {
    id: 'lab.netlink.short',
    defaultMessage: 'Netlink',
  },
  reassembleTitle: {
    id: 'lab.reassemble.title',
    defaultMessage: 'Reassembly',
  },
  reassembleShort: {
    id: 'lab.reassemble.short',
    defaultMessage: 'Reassemble',
  },
  skbTitle: {
    id: 'lab.skb.title',
    defaultMessage: '<code>sk_buff</code>',
  },
  skbShort: {
    id: 'lab.skb.short',
    defaultMessage: '<code>sk_buff</code>',
  },
  socketTitle: {
    id: 'lab.socket.title',
    defaultMessage: 'Socket creation',
  },
  socketShort: {
    id: 'lab.socket.short',
    defaultMessage: 'Socket',
  },
});

export const LAB_NAMES = {
  fragment: { title: M.fragmentTitle, short: M.fragmentShort },
  journey: { title: M.journeyTitle, short: M.journeyShort },
  netlink: { title: M.netlinkTitle, short: M.netlinkShort },
  reassemble: { title: M.reassembleTitle, short: M.reassembleShort },
  skb: { title: M.skbTitle, short: M.skbShort },
  socket: { title: M.socketTitle, short: M.socketShort },
} satisfies Record<string, LabWords>;
