import { describe, expect, it } from 'vitest';
import { reassembleCommand } from './reassemble.ts';

const FRAGS = ['--frags', '0:1480:1,1480:1480:1,2960:40:0', '--len', '2992'];

describe('sockscope reassemble', () => {
  it('prints the arrivals with verdicts and the outcome', () => {
    const r = reassembleCommand([...FRAGS, '--order', '2,0,1']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^1\s+2\s+0\s+\[2960, 3000\)\s+#1\s+queued\s+-115\s+inet_frag_queue_insert$/m);
    expect(r.out).toMatch(/completed → reassembled\s+0\s+ip_frag_reasm/);
    expect(r.out).toMatch(/delivered: 2992 bytes from queue #1, equal to what was sent/);
  });
  it('an overlap drops the queue', () => {
    const r = reassembleCommand(['--frags', '0:1480:1,1400:1560:1,2960:40:0', '--len', '2992']);
    expect(r.out).toMatch(/overlap: queue dropped/);
    expect(r.out).toMatch(/nothing delivered/);
  });
  it('JSON with the fixture field names; IPv6 Parameter Problem', () => {
    const j = JSON.parse(reassembleCommand([...FRAGS, '--order', '0,0,1,2', '--json']).out);
    expect(j.delivered).toBe(1);
    expect(j.delivered_lengths).toEqual([2992]);
    expect(j.arrivals[1].verdict).toBe('duplicate');
    const v6 = JSON.parse(
      reassembleCommand(['--frags', '0:1480:1,1480:1484:1', '--len', '2992', '--family', 'inet6', '--json'])
        .out,
    );
    expect(v6.icmp.map((m: { type: number }) => m.type)).toEqual([4]);
  });
  it('timeouts on the virtual clock', () => {
    const r = reassembleCommand([...FRAGS, '--at', '0,0,31000', '--source', 'remote']);
    expect(r.out).toMatch(/queue #1 \(id \d+\): expired/);
    expect(r.out).toMatch(/ICMP Time Exceeded \(fragment reassembly\) at 30000 ms/);
  });
  it('bad input is a usage error, not a crash', () => {
    expect(reassembleCommand(['--frags', '0:10', '--len', '2']).code).toBe(2);
    expect(reassembleCommand([...FRAGS, '--order', '5']).out).toMatch(/--order indexes/);
    expect(reassembleCommand(['--frags', '3:10:1', '--len', '2']).out).toMatch(/multiple of 8/);
    expect(reassembleCommand(['--help']).code).toBe(0);
  });
});
