/**
 * The send: the send path down to the wire (send-wire.ts), then the shared finish and the
 * loopback receiver (send-finish.ts, receive.ts) — the setup the fixtures were recorded in (a
 * private netns, 127.0.0.1 / ::1, a bound UDP receiver).
 */
import { hdrinclFinish, sendFinish } from './send-finish.ts';
import { sendToWire } from './send-wire.ts';
import type { RxSocket } from './receive.ts';
import type { SendInput, SendResult } from './types.ts';

export { LOOPBACK, ipDontFragment, ipSkIgnoreDf, ipSkUsePmtu } from './send-context.ts';

/**
 * Run one send sequence (or one sendmsg with an iovec) through the model. Never throws.
 * `socket` says who receives a UDP datagram on loopback (default: a bound socket that reads it
 * at once, as the fixtures' receiver does); see RxSocket.
 */
export function ipSend(input: SendInput, socket: RxSocket = 'fresh'): SendResult {
  const w = sendToWire(input, socket);
  if ('ok' in w) return w;
  return 'hdrincl' in w ? hdrinclFinish(w) : sendFinish(w.ctx, w.frag, w.sent, w.opt);
}
