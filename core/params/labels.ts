/**
 * The parameters' names as the reader knows them (the `name` of every issue sentence), as catalog
 * messages keyed by their English label: `Payload length must be a whole number…` reads
 * `载荷长度必须是整数…` in Chinese. A kernel name used as a label (`sk_rcvbuf`, `MSG_TRUNC`,
 * `ipfrag_max_dist`) and the CLI's flags (`--mtu`) have no entry: they are the same in every language.
 */
import { defineMessages, msg, type Msg } from '../i18n/index.ts';

const L = defineMessages({
  'Payload length': { id: 'params.label.payloadLength', defaultMessage: 'Payload length' },
  Family: { id: 'params.label.family', defaultMessage: 'Family' },
  Sender: { id: 'params.label.sender', defaultMessage: 'Sender' },
  Clock: { id: 'params.label.clock', defaultMessage: 'Clock' },
  'IP id': { id: 'params.label.ipId', defaultMessage: 'IP id' },
  'Arrival time': { id: 'params.label.arrivalTime', defaultMessage: 'Arrival time' },
  'Control messages': { id: 'params.label.controlMessages', defaultMessage: 'Control messages' },
  'Netlink family': { id: 'params.label.netlinkFamily', defaultMessage: 'Netlink family' },
  'Byte order': { id: 'params.label.byteOrder', defaultMessage: 'Byte order' },
  Frame: { id: 'params.label.frame', defaultMessage: 'Frame' },
  'Largest payload per message': {
    id: 'params.label.largestPayload',
    defaultMessage: 'Largest payload per message',
  },
  'Split mode': { id: 'params.label.splitMode', defaultMessage: 'Split mode' },
  'IPv4 options': { id: 'params.label.ipv4Options', defaultMessage: 'IPv4 options' },
  'MSG_MORE sends': { id: 'params.label.msgMoreSends', defaultMessage: '<code>MSG_MORE</code> sends' },
  'iovec lengths': { id: 'params.label.iovecLengths', defaultMessage: 'iovec lengths' },
  Message: { id: 'params.label.message', defaultMessage: 'Message' },
  'NLMSG_NEXT step': { id: 'params.label.nlmsgNextStep', defaultMessage: '<code>NLMSG_NEXT</code> step' },
  Socket: { id: 'params.label.socket', defaultMessage: 'Socket' },
  'Raw protocol': { id: 'params.label.rawProtocol', defaultMessage: 'Raw protocol' },
  'PMTU mode': { id: 'params.label.pmtuMode', defaultMessage: 'PMTU mode' },
  'Scatter-gather': { id: 'params.label.scatterGather', defaultMessage: 'Scatter-gather' },
  'Send-buffer check': { id: 'params.label.sendBufferCheck', defaultMessage: 'Send-buffer check' },
});

/** The label as a message when the catalogs have it, else the label itself (a kernel name, a flag). */
export function labelMsg(label: string): Msg | string {
  return Object.hasOwn(L, label) ? msg(L[label as keyof typeof L]) : label;
}
