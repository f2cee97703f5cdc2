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
