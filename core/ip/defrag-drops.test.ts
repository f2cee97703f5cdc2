import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { reassemble, type DefragInput, type DefragOk, type FragmentSpec } from './defrag.ts';

const F = (offset: number, length: number, mf: boolean, more: Partial<FragmentSpec> = {}): FragmentSpec => ({
  offset,
  length,
  mf,
  ...more,
});
const THREE = [F(0, 1480, true), F(1480, 1480, true), F(2960, 40, false)];
const run = (fragments: FragmentSpec[], more: Partial<DefragInput> = {}): DefragOk => {
  const r = reassemble({ family: 'inet', len: 2992, fragments, ...more });
  if (!r.ok) throw new Error(r.why);
  return r;
};
/** `pieces(total, size)`: fragments covering [0, total) in pieces of `size` bytes. */
function pieces(total: number, size: number, id?: number): FragmentSpec[] {
  const out: FragmentSpec[] = [];
  for (let o = 0; o < total; o += size)
    out.push(F(o, Math.min(size, total - o), o + size < total, id === undefined ? {} : { id }));
  return out;
}

describe('reassembly drop paths (each one recorded on 6.18: reassembly-drops.json, local/reassembly-drops-extra.json)', () => {
  it('a duplicate: DUP_FRAG at ip_defrag (ip_frag_queue is inlined), no counter of its own', () => {
    const r = run([THREE[0], THREE[0], THREE[1], THREE[2]] as FragmentSpec[]);
    expect(r.drop_reasons).toEqual([{ reason: 'DUP_FRAG', function: 'ip_defrag', count: 1 }]);
    expect(r.snmp_delta.Ip).toMatchObject({ ReasmReqds: 4, ReasmOKs: 1, InDelivers: 1 });
    expect(r.trace.find((s) => s.drops)?.fn).toBe('inet_frag_queue_insert');
  });
  it('an overlap: only the arriving fragment is a drop; ReasmFails, IPv4 ReasmOverlaps', () => {
    const r = run([THREE[0], F(1400, 160, true), THREE[1], THREE[2]] as FragmentSpec[]);
    expect(r.drop_reasons).toEqual([{ reason: 'NOT_SPECIFIED', function: 'ip_defrag', count: 1 }]);
    expect(r.snmp_delta.Ip?.ReasmFails).toBe(1);
    expect(r.snmp_delta.IpExt?.ReasmOverlaps).toBe(1);
    const v6 = run([THREE[0], F(1400, 160, true)] as FragmentSpec[], { family: 'inet6' });
    expect(v6.drop_reasons).toEqual([{ reason: 'NOT_SPECIFIED', function: 'ipv6_frag_rcv', count: 1 }]);
    expect(v6.snmp_delta).not.toHaveProperty('IpExt');
  });
  it('a fragment past the end a last fragment gave: NOT_SPECIFIED, ReasmFails', () => {
    const r = run([THREE[2], F(1480, 1600, true)] as FragmentSpec[]);
    expect(r.drop_reasons).toEqual([{ reason: 'NOT_SPECIFIED', function: 'ip_defrag', count: 1 }]);
    expect(r.snmp_delta.Ip?.ReasmFails).toBe(1);
  });
  it('IPv4 oversize: ReasmFails and no drop at all (the fragments go with the queue as consumed)', () => {
    const big = [...pieces(65528, 8192).map((f) => ({ ...f, mf: true })), F(65528, 16, false)];
    const r = run(big, { len: 65507 });
    expect(r.drop_reasons).toEqual([]);
    expect(r.snmp_delta.Ip).toMatchObject({ ReasmFails: 1, ReasmReqds: 9 });
  });
  it('IPv6 refuses at once with Parameter Problem: InHdrErrors, and the ICMPv6 error comes back in', () => {
    const r = run([THREE[0], F(1480, 1477, true), F(2952, 48, false)] as FragmentSpec[], { family: 'inet6' });
    expect(r.drop_reasons).toEqual([{ reason: 'NOT_SPECIFIED', function: 'ipv6_frag_rcv', count: 1 }]);
    expect(r.snmp_delta.Ip6).toMatchObject({ InHdrErrors: 1, InReceives: 4, InDelivers: 1, OutRequests: 4 });
    // a non-first fragment is quoted: icmpv6_notify finds no transport header to hand on
    expect(r.snmp_delta.Icmp6).toEqual({
      InMsgs: 1,
      OutMsgs: 1,
      InParmProblems: 1,
      OutParmProblems: 1,
      InType4: 1,
      OutType4: 1,
    });
    // a first fragment is quoted: udpv6_err finds no socket for the raw sender's port (InErrors)
    const first = run([F(0, 1477, true), THREE[1], THREE[2]] as FragmentSpec[], { family: 'inet6' });
    expect(first.snmp_delta.Icmp6?.InErrors).toBe(1);
    // a first fragment without the whole UDP header: the error itself is too short to read
    const empty = run([F(0, 0, true), ...THREE], { family: 'inet6' });
    expect(empty.drop_reasons).toContainEqual({ reason: 'PKT_TOO_SMALL', function: 'icmpv6_rcv', count: 1 });
  });
  it('IPv4 timeout on loopback to itself: IP_LOCALNET for the first fragment, FRAG_REASM_TIMEOUT for the rest', () => {
    const r = run([F(0, 1000, true), F(1000, 1000, true)], { until: 35_000 });
    expect(r.drop_reasons).toEqual([
      { reason: 'FRAG_REASM_TIMEOUT', function: 'inet_frag_rbtree_purge', count: 1 },
      { reason: 'IP_LOCALNET', function: 'ip_expire', count: 1 },
    ]);
    expect(r.snmp_delta.Ip).toMatchObject({ ReasmTimeout: 1, ReasmFails: 1 });
    expect(r.icmp).toEqual([]);
    // from another host the route lookup passes: ICMP Time Exceeded leaves, the head is a timeout drop
    const remote = run([F(0, 1000, true), F(1000, 1000, true)], { until: 35_000, source: 'remote' });
    expect(remote.drop_reasons).toEqual([
      { reason: 'FRAG_REASM_TIMEOUT', function: 'inet_frag_rbtree_purge', count: 1 },
      { reason: 'FRAG_REASM_TIMEOUT', function: 'ip_expire', count: 1 },
    ]);
    expect(remote.snmp_delta.Icmp).toEqual({ OutMsgs: 1, OutTimeExcds: 1 });
    expect(remote.snmp_delta.Ip).not.toHaveProperty('OutTransmits', 2); // the remote sender's packets are not ours
    // without the first fragment everything goes in the purge
    expect(run([F(1480, 1480, true)], { until: 35_000 }).drop_reasons).toEqual([
      { reason: 'FRAG_REASM_TIMEOUT', function: 'inet_frag_rbtree_purge', count: 1 },
    ]);
  });
  it('IPv6 timeout: FRAG_REASM_TIMEOUT in ip6_frag_expire after ICMPv6 Time Exceeded', () => {
    const r = run([THREE[0], THREE[2]] as FragmentSpec[], { family: 'inet6', until: 65_000 });
    expect(r.drop_reasons).toEqual([
      { reason: 'FRAG_REASM_TIMEOUT', function: 'inet_frag_rbtree_purge', count: 1 },
      { reason: 'FRAG_REASM_TIMEOUT', function: 'ip6_frag_expire', count: 1 },
    ]);
    expect(r.snmp_delta.Icmp6).toMatchObject({ OutTimeExcds: 1, InTimeExcds: 1, InErrors: 1 });
  });
  it('ipfrag_max_dist: the default 64 purges after 64 fragments in between, 63 do not; 0 turns it off', () => {
    const a0 = F(0, 8, true, { id: 0x7000 });
    const a1 = F(8, 560, false, { id: 0x7000 });
    const b = pieces(568, 8, 0x7001);
    expect(run([a0, ...b.slice(0, 64), a1], { len: 560 }).drop_reasons).toEqual([
      { reason: 'FRAG_TOO_FAR', function: 'inet_frag_rbtree_purge', count: 1 },
    ]);
    expect(run([a0, ...b.slice(0, 63), a1], { len: 560 }).delivered).toHaveLength(1);
    expect(run([a0, ...b, a1], { len: 560, ipfrag_max_dist: 0 }).delivered).toHaveLength(2);
    const four = run([a0, ...b.slice(0, 4), a1], { len: 560, ipfrag_max_dist: 4 });
    expect(four.drop_reasons).toEqual([
      { reason: 'FRAG_TOO_FAR', function: 'inet_frag_rbtree_purge', count: 1 },
    ]);
    expect(four.snmp_delta.Ip?.ReasmFails).toBe(1);
    expect(four.arrivals.at(-1)?.reinit).toBe(true);
  });
  it('a reassembled datagram that does not fit sk_rcvbuf: SOCKET_RCVBUFF and each chained fragment at skb_release_data', () => {
    // 220 fragments a datagram: 219 of 296 bytes (347 bytes asked, kmalloc-1024, truesize 1,280)
    // and a last one of 184 (235 asked, the small-head cache, 832); the head's 372 bytes of
    // tailroom take the second fragment, 218 are chained: 1,280 + 217 × 1,280 + 832.
    const frags = [...pieces(65008, 296, 0x7100), ...pieces(65008, 296, 0x7101)];
    const r = run(frags, { len: 65000 });
    expect(r.datagrams.map((d) => [d.fate, d.truesize, d.chained])).toEqual([
      ['queued', 218 * 1280 + 832, 218],
      ['rcvbuf', 218 * 1280 + 832, 218],
    ]);
    expect(r.drop_reasons).toEqual([
      { reason: 'NOT_SPECIFIED', function: 'skb_release_data', count: 218 },
      { reason: 'SOCKET_RCVBUFF', function: 'udp_queue_rcv_one_skb', count: 1 },
    ]);
    expect(r.snmp_delta.Udp).toEqual({ InDatagrams: 1, InErrors: 1, RcvbufErrors: 1 });
    // a bigger buffer takes both
    expect(run(frags, { len: 65000, rcvbuf: 1 << 20 }).delivered).toHaveLength(2);
  });
  it('a port without a socket, a header of other bytes, a packet too short for UDP', () => {
    expect(run(THREE, { socket: 'none' }).drop_reasons).toEqual([
      { reason: 'NOT_SPECIFIED', function: 'skb_release_data', count: 2 },
      { reason: 'NO_SOCKET', function: '__udp4_lib_rcv', count: 1 },
    ]);
    expect(
      run([{ ...THREE[0], fill: 'other' } as FragmentSpec, THREE[1], THREE[2]] as FragmentSpec[])
        .drop_reasons,
    ).toEqual([
      { reason: 'NOT_SPECIFIED', function: 'skb_release_data', count: 2 },
      { reason: 'PKT_TOO_SMALL', function: '__udp4_lib_rcv', count: 1 },
    ]);
    expect(run([F(0, 4, false)]).drop_reasons).toEqual([
      { reason: 'NOT_SPECIFIED', function: '__udp4_lib_rcv', count: 1 },
    ]);
  });
  it('over high_thresh: refused in inet_frag_find (NOT_SPECIFIED, ReasmFails)', () => {
    const r = run([F(0, 1480, true, { id: 1 }), F(0, 1480, true, { id: 2 })], {
      sysctl: { high_thresh: 100 },
    });
    expect(r.arrivals.map((a) => a.verdict)).toEqual(['queued', 'no-memory']);
    expect(r.drop_reasons).toEqual([{ reason: 'NOT_SPECIFIED', function: 'ip_defrag', count: 1 }]);
    expect(r.snmp_delta.Ip?.ReasmFails).toBe(1);
  });
  it('refuses bad new inputs with a message', () => {
    for (const bad of [
      { ipfrag_max_dist: -1 },
      { rcvbuf: 10 },
      { socket: 'x' },
      { sender: 'y' },
      { ihl: 22 },
    ])
      expect(reassemble({ family: 'inet', len: 2992, fragments: THREE, ...(bad as object) }).ok).toBe(false);
  });
});

describe('property: nothing vanishes, and the counters agree', () => {
  const frag = fc.record({
    offset: fc.integer({ min: 0, max: 400 }).map((x) => x * 8),
    length: fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.constantFrom(0, 8, 1480)),
    mf: fc.boolean(),
    id: fc.constantFrom(1, 2),
    fill: fc.constantFrom('same' as const, 'other' as const),
  });
  it('every fragment is delivered in a datagram, dropped with a reason, freed with its queue, or still queued', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('inet' as const, 'inet6' as const),
        fc.array(frag, { maxLength: 30 }),
        fc.array(fc.integer({ min: 0, max: 90_000 }), { maxLength: 30 }),
        fc.constantFrom(0, 4, 64),
        fc.constantFrom(2304, 20_000, 212_992),
        (family, frags, ats, maxDist, rcvbuf) => {
          const at = ats.sort((x, y) => x - y);
          const r = reassemble({
            family,
            len: 3200,
            fragments: frags.map((f, i) => ({ ...f, ...(at[i] !== undefined ? { at: at[i] } : {}) })),
            ipfrag_max_dist: maxDist,
            rcvbuf,
            until: 200_000,
          });
          if (!r.ok) return false;
          const count = (reason: string, fn?: string) =>
            r.drop_reasons
              .filter((d) => d.reason === reason && (!fn || d.function === fn))
              .reduce((s, d) => s + d.count, 0);
          const v = (k: string) => r.arrivals.filter((a) => a.verdict === k).length;
          const alone =
            v('duplicate') +
            v('overlap') +
            v('bad-last') +
            v('beyond-last') +
            v('empty') +
            v('no-memory') +
            v('param-problem');
          const inQueues = r.queues.reduce(
            (s, q) => s + q.last.runs.reduce((n, run) => n + run.frags.length, 0),
            0,
          );
          const purgedTooFar = count('FRAG_TOO_FAR');
          // every arrival is accounted for exactly once
          if (v('unfragmented') + alone + inQueues + purgedTooFar !== frags.length) return false;
          // expired queues: every fragment they held is a timeout drop
          const expiredHeld = r.queues
            .filter((q) => q.state === 'expired')
            .reduce((s, q) => s + q.last.runs.reduce((n, run) => n + run.frags.length, 0), 0);
          if (count('FRAG_REASM_TIMEOUT') + count('IP_LOCALNET') !== expiredHeld) return false;
          if (count('DUP_FRAG') !== v('duplicate')) return false;
          // a datagram is read, or dropped at UDP with a reason (and its chained fragments with it)
          const sec = family === 'inet' ? 'Udp' : 'Udp6';
          const udp = r.snmp_delta[sec] ?? {};
          const read = r.datagrams.filter((d) => d.fate === 'queued').length;
          if ((udp.InDatagrams ?? 0) !== read || r.delivered.length !== read) return false;
          if ((udp.RcvbufErrors ?? 0) !== count('SOCKET_RCVBUFF')) return false;
          const droppedAtUdp = r.datagrams.filter((d) => d.fate !== 'queued');
          if (count('NOT_SPECIFIED', 'skb_release_data') !== droppedAtUdp.reduce((s, d) => s + d.chained, 0))
            return false;
          const ip = (family === 'inet' ? r.snmp_delta.Ip : r.snmp_delta.Ip6) ?? {};
          if ((ip.ReasmOKs ?? 0) !== v('completed') + (family === 'inet6' ? v('unfragmented') : 0))
            return false;
          return (
            (ip.InDelivers ?? 0) - (r.icmp.length && family === 'inet6' ? r.icmp.length : 0) ===
            r.datagrams.length
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
