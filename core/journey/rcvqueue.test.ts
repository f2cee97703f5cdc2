import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { ipSend, DEFAULT_SEND_INPUT } from '../ip/index.ts';
import {
  MSG_TRUNC,
  RMEM_DEFAULT,
  SOCK_MIN_RCVBUF,
  rcvQueueInit,
  skRcvbufFromSockopt,
  udpEnqueue,
  udpRecvmsg,
  type RcvQueue,
} from './rcvqueue.ts';

interface Case {
  name: string;
  mtu: number;
  sizes: number[];
  so_rcvbuf: number | null;
  bufsize: number;
  sk_rcvbuf: number;
  sends: { size: number; sent: number | null; errno: string | null; rx_queue: number; drops: number }[];
  received: { length: number; msg_trunc: boolean }[];
  snmp_delta: { InErrors: number; RcvbufErrors: number; InDatagrams: number };
  drops: number;
}
const fixture = JSON.parse(readFileSync(new URL('./fixtures/rcvbuf.json', import.meta.url), 'utf8')) as {
  meta: { kernel: string };
  cases: Case[];
};

/** The truesize the receiver charges: the core's one model (the datagram as it reaches udp_rcv). */
function truesizeOf(len: number, mtu: number): number | string {
  const r = ipSend({ ...DEFAULT_SEND_INPUT, sends: [len], mtu, sndbufCheck: false }, 'external');
  if (!r.ok) return r.errno;
  return r.arrival?.truesize ?? 'never reached udp_rcv';
}

describe('receive queue against a real 6.18 kernel (fixtures/rcvbuf.json)', () => {
  it('was recorded on 6.18', () => expect(fixture.meta.kernel).toMatch(/^6\.18/));
  for (const c of fixture.cases)
    it(c.name, () => {
      const rcvbuf = c.so_rcvbuf === null ? RMEM_DEFAULT : skRcvbufFromSockopt(c.so_rcvbuf);
      expect(rcvbuf).toBe(c.sk_rcvbuf);
      let q: RcvQueue = rcvQueueInit(rcvbuf);
      const got = c.sends.map((s, i) => {
        const ts = truesizeOf(s.size, c.mtu);
        if (typeof ts === 'string') return { errno: ts, rx_queue: q.rmem, drops: q.counters.sk_drops };
        q = udpEnqueue(q, { datagram: i, len: s.size, truesize: ts }).queue;
        return { errno: null, rx_queue: q.rmem, drops: q.counters.sk_drops };
      });
      expect(got).toEqual(c.sends.map((s) => ({ errno: s.errno, rx_queue: s.rx_queue, drops: s.drops })));
      expect({
        InErrors: q.counters.InErrors,
        RcvbufErrors: q.counters.RcvbufErrors,
        InDatagrams: 0,
      }).toEqual({
        InErrors: c.snmp_delta.InErrors,
        RcvbufErrors: c.snmp_delta.RcvbufErrors,
        InDatagrams: c.snmp_delta.InDatagrams,
      });
      const reads: { length: number; msg_trunc: boolean }[] = [];
      for (;;) {
        const { queue, result } = udpRecvmsg(q, c.bufsize);
        if (!result) break;
        q = queue;
        reads.push({ length: result.returned, msg_trunc: result.truncated });
      }
      expect(reads).toEqual(c.received);
      expect(q.rmem).toBe(0);
    });
});

describe('udpEnqueue / udpRecvmsg', () => {
  it('SO_RCVBUF is doubled, with a floor', () => {
    expect(skRcvbufFromSockopt(0)).toBe(SOCK_MIN_RCVBUF);
    expect(skRcvbufFromSockopt(4096)).toBe(8192);
    expect(skRcvbufFromSockopt(1 << 30)).toBe(8388608);
  });
  it('MSG_TRUNC in the flags returns the real length', () => {
    const q = udpEnqueue(rcvQueueInit(), { datagram: 0, len: 4000, truesize: 8448 }).queue;
    expect(udpRecvmsg(q, 100, MSG_TRUNC).result).toMatchObject({
      returned: 4000,
      copied: 100,
      truncated: true,
    });
  });
  it('properties: drops only over sk_rcvbuf; reads return whole datagrams in order, lengths kept', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300_000 }),
        fc.array(
          fc.record({
            len: fc.integer({ min: 0, max: 65507 }),
            truesize: fc.integer({ min: 768, max: 140_000 }),
          }),
          {
            maxLength: 40,
          },
        ),
        fc.array(fc.boolean(), { maxLength: 40 }),
        (rcvbuf, dgrams, readAfter) => {
          let q = rcvQueueInit(rcvbuf);
          const admitted: number[] = [];
          const read: number[] = [];
          dgrams.forEach((d, i) => {
            const before = q;
            const r = udpEnqueue(q, { datagram: i, ...d });
            q = r.queue;
            if (r.verdict.ok) admitted.push(i);
            // a drop only when the datagram would push the queue over sk_rcvbuf and the queue is not empty
            if (!r.verdict.ok && !(before.rmem + d.truesize > rcvbuf && before.rmem > 0)) return false;
            if (r.verdict.ok && before.rmem + d.truesize > rcvbuf && before.rmem !== 0) return false;
            if (readAfter[i]) {
              const x = udpRecvmsg(q, 65536);
              q = x.queue;
              if (x.result) {
                read.push(x.result.datagram);
                if (x.result.returned !== dgrams[x.result.datagram]?.len) return false;
              }
            }
            return true;
          });
          for (;;) {
            const x = udpRecvmsg(q, 65536);
            if (!x.result) break;
            q = x.queue;
            read.push(x.result.datagram);
            if (x.result.returned !== dgrams[x.result.datagram]?.len) return false;
          }
          return (
            JSON.stringify(read) === JSON.stringify(admitted) &&
            q.rmem === 0 &&
            q.counters.RcvbufErrors === dgrams.length - admitted.length &&
            q.counters.InErrors === q.counters.RcvbufErrors
          );
        },
      ),
    );
  });
});
