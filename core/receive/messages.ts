/**
 * The receive pipeline's trace sentences (core/receive/pipeline.ts) as catalog messages
 * (core/i18n). Kernel identifiers are `<code>`; `why` values are the sentence of the module the
 * step hands over to (the send path's Msg, or the UDP receive path's text).
 */
import { defineMessages } from '../i18n/index.ts';

export const RM = defineMessages({
  sendFailed: {
    id: 'receive.why.sendFailed',
    defaultMessage: 'datagram {d}: <code>sendto({size})</code> fails with <code>{errno}</code>: {why}',
  },
  neverArrives: {
    id: 'receive.why.neverArrives',
    defaultMessage:
      'datagram {d}: {size} bytes in {packets, plural, one {# packet} other {# packets}}; they never reach <code>udp_rcv</code> ({why})',
  },
  receiverDrops: { id: 'receive.why.receiverDrops', defaultMessage: 'the receiver drops them' },
  arrives: {
    id: 'receive.why.arrives',
    defaultMessage:
      'datagram {d}: <code>sendto({size})</code> → {packets, plural, one {# packet} other {# packets, reassembled}}, <code>truesize</code> {truesize}: {why}',
  },
  read: {
    id: 'receive.why.read',
    defaultMessage:
      '<code>recvmsg({buffer})</code> takes datagram {d} ({len} bytes): {copied} copied{truncated, select, yes {, <code>MSG_TRUNC</code> (the other {discarded} are discarded)} other {}}; <code>sk_rmem_alloc</code> {before} → {after} (<code>InDatagrams</code>)',
  },
});

/** What udpReceive refuses before anything is sent (validateUdpReceiveInput). */
export const RIM = defineMessages({
  notInput: { id: 'receive.input.notInput', defaultMessage: 'not a receive-queue input' },
  family: {
    id: 'receive.input.family',
    defaultMessage: '{name} is inet or inet6',
    description: 'name: the field, family.',
  },
  mtu: { id: 'receive.input.mtu', defaultMessage: 'the loopback MTU is a whole number from {min} to {max}' },
  rcvbuf: {
    id: 'receive.input.rcvbuf',
    defaultMessage:
      'rcvbuf (the <code>SO_RCVBUF</code> value) is a whole number from 0 to {max}, or null for the default',
  },
  noDatagram: { id: 'receive.input.noDatagram', defaultMessage: 'give at least one datagram size' },
  manyDatagrams: { id: 'receive.input.manyDatagrams', defaultMessage: 'at most {max} datagrams' },
  size: {
    id: 'receive.input.size',
    defaultMessage: 'each datagram size is a whole number from 0 to {max}',
  },
  distinct: {
    id: 'receive.input.distinct',
    defaultMessage: 'at most {max} different datagram sizes (each goes down the stack once); got {count}',
  },
  packets: {
    id: 'receive.input.packets',
    defaultMessage:
      'these sizes put about {packets} packets on the wire at MTU {mtu}; at most {max} (fewer or smaller datagrams, or a larger MTU)',
  },
  readBuffer: {
    id: 'receive.input.readBuffer',
    defaultMessage: 'the read buffer is a whole number of bytes from 0 to {max}',
  },
  receiver: { id: 'receive.input.receiver', defaultMessage: 'receiver is bound or none' },
});
