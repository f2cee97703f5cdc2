/** Every receive-queue state is made by one constructor (one shape): the same keys, in rcvQueueInit's order. */
import { describe, expect, it } from 'vitest';
import { rcvQueueInit, udpEnqueue, udpRecvmsg, type RcvQueue } from './rcvqueue.ts';

const shape = (q: RcvQueue) => [Object.keys(q), Object.keys(q.counters)];

describe('receive-queue states', () => {
  it('keep rcvQueueInit’s keys and counters through enqueues, drops and reads', () => {
    const init = rcvQueueInit(4608);
    let q = init;
    const seen: RcvQueue[] = [];
    for (let i = 0; i < 6; i++) {
      q = udpEnqueue(q, { datagram: i, len: 1000, truesize: 2304 }).queue;
      seen.push(q);
    }
    const dropped = seen.find((s) => s.counters.RcvbufErrors > 0);
    expect(dropped).toBeDefined();
    for (;;) {
      const r = udpRecvmsg(q, 65536);
      if (!r.result) break;
      q = r.queue;
      seen.push(q);
    }
    expect(q.counters.InDatagrams).toBeGreaterThan(0);
    for (const s of seen) expect(shape(s)).toEqual(shape(init));
  });
});
