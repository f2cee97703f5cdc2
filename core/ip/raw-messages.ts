/**
 * The words of the checks raw_sendmsg / rawv6_sendmsg make on the first bytes (sendmsg.ts,
 * send-wire.ts), as catalog messages (core/i18n). Kernel identifiers are `<code>`. The receive
 * side's are in raw-rcv-messages.ts.
 */
import { defineMessages } from '../i18n/index.ts';

export const RM = defineMessages({
  probeFault: {
    id: 'ip.raw.probeFault',
    defaultMessage:
      '<code>{fn}</code> copies the first {need} bytes of the message (the {what, select, mh {Mobility Header’s type} other {ICMP type and code}}) to route it; {label} has {len}: <code>EFAULT</code>',
    description: 'fn: raw_probe_proto_opt or rawv6_probe_proto_opt; label: which send (ip.send.label).',
  },
  probeFaultStep: {
    id: 'ip.raw.probeFaultStep',
    defaultMessage:
      '<code>{fn}</code> wants {need} bytes, {label} has {len}: <code>EFAULT</code> before anything is built',
  },
  csumOffset: {
    id: 'ip.raw.csumOffset',
    defaultMessage:
      '<code>rawv6_push_pending_frames</code> writes the {what, select, mh {Mobility Header’s} other {ICMPv6}} checksum at byte {offset}, and {len} bytes cannot hold its two bytes there: <code>EINVAL</code>',
  },
  csumSlip: {
    id: 'ip.raw.csumSlip',
    defaultMessage:
      'wrong checksum: <code>raw6_getfrag</code> sets <code>odd</code> to 0 after a send’s first {hlen} bytes, so {bytes} bytes at odd offsets are summed byte-swapped',
  },
  icmpOut: {
    id: 'ip.raw.icmpOut',
    defaultMessage:
      '<code>{fn}</code> counts the {v6, select, yes {ICMPv6} other {ICMP}} message it sends: <code>OutMsgs</code> and <code>OutType{type}</code> (type {type} is the first byte written{v6, select, yes {} other {; a raw IPv4 socket sends its checksum as written}})',
  },
});
