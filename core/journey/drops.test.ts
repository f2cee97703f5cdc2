import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SEND_INPUT } from '../ip/index.ts';
import { DEFAULT_JOURNEY_INPUT, MAX_DATAGRAMS, READ_MODES, journey, type JourneyInput } from './index.ts';

describe('Journey: drops and counters', () => {
  it('a full receive buffer: SOCKET_RCVBUFF on the stop where it happens, the chained fragments with it', () => {
    const r = journey({ ...DEFAULT_JOURNEY_INPUT, datagrams: 4, rcvbuf: 16384, read: 'end' });
    // 6,912 a datagram (three 2,304-byte skbs, two of them chained): two fit in 16,384
    expect(r.outcomes.map((o) => o.fate)).toEqual([
      'delivered',
      'delivered',
      'dropped-rcvbuf',
      'dropped-rcvbuf',
    ]);
    expect(r.drop_reasons).toEqual([
      { reason: 'NOT_SPECIFIED', function: 'skb_release_data', count: 4 },
      { reason: 'SOCKET_RCVBUFF', function: 'udp_queue_rcv_one_skb', count: 2 },
    ]);
    const stops = r.stops.filter((s) => s.drops);
    expect(stops.map((s) => [s.datagram, s.fn])).toEqual([
      [2, 'udp_queue_rcv_one_skb'],
      [3, 'udp_queue_rcv_one_skb'],
    ]);
    expect(r.snmp_delta.Udp).toEqual({ InDatagrams: 2, InErrors: 2, OutDatagrams: 4, RcvbufErrors: 2 });
  });
  it('a lost fragment: the queue expires 30 s later (IP_LOCALNET for the first fragment on loopback)', () => {
    const r = journey({ ...DEFAULT_JOURNEY_INPUT, fault: { kind: 'lose', datagram: 0, fragment: 2 } });
    expect(r.outcomes[0]?.fate).toBe('expired');
    expect(r.drop_reasons).toEqual([
      { reason: 'FRAG_REASM_TIMEOUT', function: 'inet_frag_rbtree_purge', count: 1 },
      { reason: 'IP_LOCALNET', function: 'ip_expire', count: 1 },
    ]);
    expect(r.snmp_delta.Ip).toMatchObject({
      OutTransmits: 3,
      InReceives: 2,
      ReasmReqds: 2,
      ReasmFails: 1,
      ReasmTimeout: 1,
    });
    expect(r.stops.find((s) => s.drops)?.fn).toBe('ip_expire');
  });
  it('a send that fails moves the sender’s counters once', () => {
    const r = journey({
      ...DEFAULT_JOURNEY_INPUT,
      send: { ...DEFAULT_SEND_INPUT, sends: [65507], mtu: 68 },
      datagrams: 3,
    });
    expect(r.drop_reasons).toEqual([
      { reason: 'NOT_SPECIFIED', function: '__ip_flush_pending_frames', count: 512 },
    ]);
    expect(r.snmp_delta).toEqual({ Ip: { OutDiscards: 1 }, Udp: { SndbufErrors: 1 } });
  });
  it('property: each datagram is delivered, dropped with a reason, lost on the wire, or still queued; the counters agree', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        fc.constantFrom(576, 1500, 9000),
        fc.constantFrom('inet' as const, 'inet6' as const),
        fc.integer({ min: 1, max: MAX_DATAGRAMS }),
        fc.constantFrom(2304, 16384, 212992),
        fc.constantFrom(...READ_MODES),
        fc.oneof(
          fc.constant({ kind: 'none' as const }),
          fc.record({
            kind: fc.constantFrom('lose' as const, 'reorder' as const),
            datagram: fc.integer({ min: 0, max: 7 }),
            fragment: fc.integer({ min: 0, max: 20 }),
          }),
        ),
        (len, mtu, family, datagrams, rcvbuf, read, fault) => {
          const input: JourneyInput = {
            ...DEFAULT_JOURNEY_INPUT,
            send: {
              ...DEFAULT_SEND_INPUT,
              family,
              mtu: family === 'inet6' ? Math.max(mtu, 1280) : mtu,
              sends: [len],
            },
            datagrams,
            rcvbuf,
            read,
            fault,
          };
          const r = journey(input);
          const fates = r.outcomes.map((o) => o.fate);
          const n = (f: string) => fates.filter((x) => x === f).length;
          const drops = (reason: string) =>
            r.drop_reasons.filter((d) => d.reason === reason).reduce((s, d) => s + d.count, 0);
          const udp = (family === 'inet' ? r.snmp_delta.Udp : r.snmp_delta.Udp6) ?? {};
          if (!r.send.ok) return fates.length === 1 && fates[0] === 'send-failed';
          if (fates.length !== datagrams) return false;
          // delivered/truncated were read; nothing is left queued at the end
          if ((udp.InDatagrams ?? 0) !== n('delivered') + n('truncated')) return false;
          if (
            drops('SOCKET_RCVBUFF') !== n('dropped-rcvbuf') ||
            (udp.RcvbufErrors ?? 0) !== n('dropped-rcvbuf')
          )
            return false;
          if ((udp.OutDatagrams ?? 0) !== datagrams) return false;
          // an expired queue drops every fragment that reached it
          const expired = n('expired');
          const held = expired * (r.packetsPerDatagram - 1);
          if (drops('FRAG_REASM_TIMEOUT') + drops('IP_LOCALNET') !== held) return false;
          return r.stops.filter((s) => s.drops).length === n('dropped-rcvbuf') + expired;
        },
      ),
      { numRuns: 60 },
    );
  });
});
