/**
 * The words core/netlink's msghdr layout writes in English among its kernel names (a padding row,
 * who nl_pid 0 is, a data length): said in the page's language. Kernel names stay as they are.
 */
import { defineMessages } from '../../../core/i18n/index.ts';

export const MW = defineMessages({
  padding: {
    id: 'lab.netlink.msghdr.padding',
    defaultMessage: '(padding)',
    description: 'A row of a struct that is padding, no field.',
  },
  kernelPid: {
    id: 'lab.netlink.msghdr.kernelPid',
    defaultMessage: '0 (the kernel)',
    description: 'nl_pid 0: the message goes to the kernel.',
  },
  dataBytes: {
    id: 'lab.netlink.msghdr.dataBytes',
    defaultMessage: '{n, plural, one {# byte} other {# bytes}}',
    description: 'A control message’s data length.',
  },
});
