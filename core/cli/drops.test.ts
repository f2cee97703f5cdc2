import { describe, expect, it } from 'vitest';
import { fragmentCommand } from './fragment.ts';
import { reassembleCommand } from './reassemble.ts';
import { parseDatagrams, receiveCommand } from './receive.ts';
import { runCli } from './commands.ts';
import { traceCommand } from './trace.ts';
import { journeyCommand } from './journey.ts';

describe('drops and counters in the CLI', () => {
  it('fragment --json carries drop_reasons and snmp_delta with the fixtures’ names; the table has both sections', () => {
    const j = JSON.parse(fragmentCommand(['--len', '65507', '--mtu', '68', '--json']).out);
    expect(j.drop_reasons).toEqual([
      { reason: 'NOT_SPECIFIED', function: '__ip_flush_pending_frames', count: 512 },
    ]);
    expect(j.snmp_delta).toEqual({ Ip: { OutDiscards: 1 }, Udp: { SndbufErrors: 1 } });
    const t = fragmentCommand(['--len', '4000']).out;
    expect(t).toMatch(/^Drops: none/m);
    expect(t).toMatch(/^IpFragCreates\s+\+3\s/m);
  });
  it('trace shows each drop on its step', () => {
    const t = traceCommand(['--len', '65507', '--mtu', '68']).out;
    expect(t).toMatch(
      /__ip_flush_pending_frames .*\n.*\n\s+✗ drop: 512 × NOT_SPECIFIED in __ip_flush_pending_frames/,
    );
    const j = JSON.parse(traceCommand(['--len', '65507', '--mtu', '68', '--json']).out);
    expect(j.steps.filter((s: { drops?: unknown }) => s.drops)).toHaveLength(1);
  });
  it('reassemble --max-dist goes to the core as ipfrag_max_dist; drops and counters in --json', () => {
    const frags = ['--frags', '0:8:1,8:560:0', '--len', '560'];
    const j = JSON.parse(reassembleCommand([...frags, '--max-dist', '4', '--order', '0,0,1', '--json']).out);
    expect(j.input.ipfrag_max_dist).toBe(4);
    expect(j.drop_reasons).toEqual([{ reason: 'DUP_FRAG', function: 'ip_defrag', count: 1 }]);
    expect(j.snmp_delta.Ip.ReasmReqds).toBe(3);
    expect(reassembleCommand([...frags, '--max-dist', 'x']).code).toBe(2);
    expect(reassembleCommand([...frags]).out).toMatch(/^Drops: none/m);
  });
  it('reassemble --rcvbuf / --no-socket: the one receive queue (truesize 6,912 for 4,000 B in 1,480-byte fragments)', () => {
    const frags = ['--frags', '0:1480:1,1480:1480:1,2960:1048:0', '--len', '4000', '--order', '0,1,2,0,1,2'];
    // two datagrams of 6,912 each: both fit in 13,824, the second does not fit in 13,823
    const fit = JSON.parse(reassembleCommand([...frags, '--rcvbuf', '13824', '--json']).out);
    expect(fit.sk_rcvbuf).toBe(13824);
    expect(fit.datagrams.map((d: { truesize: number; fate: string }) => [d.truesize, d.fate])).toEqual([
      [6912, 'queued'],
      [6912, 'queued'],
    ]);
    const full = JSON.parse(reassembleCommand([...frags, '--rcvbuf', '13823', '--json']).out);
    expect(full.delivered).toBe(1);
    expect(full.drop_reasons).toEqual([
      { reason: 'NOT_SPECIFIED', function: 'skb_release_data', count: 2 },
      { reason: 'SOCKET_RCVBUFF', function: 'udp_queue_rcv_one_skb', count: 1 },
    ]);
    expect(full.snmp_delta.Udp).toEqual({ InDatagrams: 1, InErrors: 1, RcvbufErrors: 1 });
    const none = JSON.parse(reassembleCommand([...frags, '--no-socket', '--json']).out);
    expect(none.sk_rcvbuf).toBeNull();
    expect(none.snmp_delta.Udp).toEqual({ NoPorts: 2 });
    expect(reassembleCommand([...frags, '--rcvbuf', '100']).code).toBe(2);
    expect(reassembleCommand([...frags, '--rcvbuf', '5000', '--no-socket']).out).toMatch(
      /exclude each other/,
    );
  });
  it('receive: a table with runs of alike datagrams, JSON in the fixture shape, clear errors', () => {
    const t = receiveCommand(['--datagrams', '1000x400']).out;
    expect(t).toMatch(/^1–92\s+1000\s+1000\s+1\s+2304\s+queued\s+1000$/m);
    expect(t).toMatch(/^93–400\s+1000\s+1000\s+1\s+2304\s+rcvbuf\s+-$/m);
    expect(t).toMatch(/^UdpRcvbufErrors\s+\+308\s/m);
    const j = JSON.parse(
      receiveCommand(['--datagrams', '100,100', '--rcvbuf', '0', '--read', '2', '--json']).out,
    );
    expect(j.sk_rcvbuf).toBe(2304);
    expect(j.received).toEqual([
      { index: null, length: 2, truncated: true },
      { index: null, length: 2, truncated: true },
    ]);
    expect(receiveCommand(['--datagrams', 'a,b']).code).toBe(2);
    expect(receiveCommand(['--datagrams', '1', '--family', 'ipx']).code).toBe(2);
    expect(receiveCommand(['--datagrams', '1000x5000']).out).toMatch(/at most 4096 datagrams/);
    expect(runCli(['receive', '--help']).out).toMatch(/--rcvbuf/);
  });
  it('journey --json: drop_reasons and snmp_delta in the fixture shape, the same as receive for the same queue', () => {
    const j = JSON.parse(
      journeyCommand([
        '--len',
        '4000',
        '--mtu',
        '1500',
        '--datagrams',
        '4',
        '--rcvbuf',
        '16384',
        '--read',
        'end',
        '--json',
      ]).out,
    );
    expect(j.outcomes.map((o: { truesize: number; fate: string }) => [o.truesize, o.fate])).toEqual([
      [6912, 'delivered'],
      [6912, 'delivered'],
      [6912, 'dropped-rcvbuf'],
      [6912, 'dropped-rcvbuf'],
    ]);
    // SO_RCVBUF 8,192 reads back as sk_rcvbuf 16,384: the receive command's queue is the journey's
    const q = JSON.parse(
      receiveCommand(['--datagrams', '4000x4', '--mtu', '1500', '--rcvbuf', '8192', '--json']).out,
    );
    expect(j.drop_reasons).toEqual(q.drop_reasons);
    expect(j.snmp_delta).toEqual(q.snmp_delta);
    expect(journeyCommand(['--datagrams', '9']).code).toBe(2);
    expect(journeyCommand(['--read', 'never']).out).toMatch(/--read is one of each, slow or end/);
    expect(runCli(['journey', '--help']).out).toMatch(/--rcvbuf/);
  });
  it('parseDatagrams: lists and repeats, bounded', () => {
    expect(parseDatagrams('1,2x3')).toEqual([1, 2, 2, 2]);
    expect(parseDatagrams('1x200000')).toBeNull();
    expect(parseDatagrams('1,,2')).toBeNull();
  });
});
