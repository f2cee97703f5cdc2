/**
 * Replay through the model, checked against what the kernel did in the same recording: each
 * fragment group's reassembly verdicts end in the deliveries the bound UDP socket saw, and
 * each captured sendto() matches ipSend's wire packets for the same length, MTU and options.
 */
import { describe, expect, it } from 'vitest';
import { analyzeCapture } from './analyze.ts';
import { compareSend, optionsWithoutTime, sendInputFor, unfilledOptions } from './compare.ts';
import { fragmentGroups, groupInput, msBetween } from './groups.ts';
import { readPcap } from './reader.ts';
import { CAPTURES, fixtureBytes } from './fixtures.test-helper.ts';
import type { PacketView } from './dissect.ts';

const analysis = (f: string) => analyzeCapture(readPcap(fixtureBytes(f)));

describe('fragment groups replayed: the model delivers what the kernel delivered', () => {
  for (const file of ['raw-frags-lo.pcap', 'raw-frags-be-spb.pcapng']) {
    it.each(CAPTURES.frag_cases.map((c) => [c.name, c] as const))(`${file}: %s`, (_, c) => {
      const a = analysis(file);
      const r = a.replays.find((x) => x.group.id === c.id);
      expect(r, `group with id ${c.id}`).toBeDefined();
      const res = r!.result;
      if (!res.ok) throw new Error(res.why);
      expect(r!.lenFrom).toBe('udp-header');
      expect(r!.input.len).toBe(c.len);
      expect(res.delivered.map((d) => d.length)).toEqual(c.delivered);
      expect(res.delivered.map((d) => d.equal)).toEqual(c.delivered_equal);
    });
  }

  it('marks a range that comes again with different bytes as fill "other", and only that one', () => {
    const a = analysis('raw-frags-lo.pcap');
    const fills = (id: number) =>
      a.replays.find((r) => r.group.id === id)!.input.fragments.map((f) => f.fill ?? 'same');
    const byName = (n: string) => CAPTURES.frag_cases.find((c) => c.name === n)!.id;
    expect(fills(byName('v4-duplicate-other'))).toEqual(['same', 'other', 'same']);
    expect(fills(byName('v4-duplicate'))).toEqual(['same', 'same', 'same', 'same']);
    expect(fills(byName('v4-overlap'))).toEqual(['same', 'other', 'same']);
    expect(fills(byName('v6-duplicate-other'))).toEqual(['same', 'other', 'same']);
  });

  it('gives the verdicts the kernel rules call for: duplicate dropped alone, overlap drops the queue', () => {
    const a = analysis('raw-frags-lo.pcap');
    const verdicts = (n: string) => {
      const id = CAPTURES.frag_cases.find((c) => c.name === n)!.id;
      const r = a.replays.find((x) => x.group.id === id)!.result;
      return r.ok ? r.arrivals.map((x) => x.verdict) : [];
    };
    expect(verdicts('v4-duplicate')).toEqual(['queued', 'queued', 'duplicate', 'completed']);
    expect(verdicts('v4-overlap')).toEqual(['queued', 'overlap', 'queued']);
    expect(verdicts('v6-overlap')).toEqual(['queued', 'overlap']);
    expect(verdicts('v4-tail-after')).toEqual(['queued', 'completed', 'queued']);
  });

  it('uses capture times as arrival times, relative to the first fragment', () => {
    const cap = readPcap(fixtureBytes('raw-frags-lo.pcap'));
    const a = analyzeCapture(cap);
    for (const r of a.replays) {
      const t0 = cap.packets[r.packets[0]!]!.time;
      expect(r.input.fragments.map((f) => f.at)).toEqual(
        r.packets.map((i) => msBetween(t0, cap.packets[i]!.time)),
      );
      expect(r.input.fragments[0]?.at).toBe(0);
    }
  });

  for (const file of [
    'sendto-lo.pcap',
    'sendto-any.pcap',
    'sendto-sll.pcap',
    'sendto-lo-be.pcap',
    'multi-if.pcapng',
    'veth.pcap',
  ])
    it(`${file}: every sendto() datagram is reassembled and delivered at the length the receiver got`, () => {
      const a = analysis(file);
      const sends = CAPTURES.sends.filter((s) => (file === 'veth.pcap') === s.name.includes('veth'));
      let seen = 0;
      for (const s of sends) {
        const r = a.replays.find((x) => x.packets.some((i) => a.views[i]?.udp?.dstPort === s.dst_port));
        const whole = a.views.find((v) => v.udp?.dstPort === s.dst_port && !v.ip?.isFragment);
        if (r) {
          expect(r.result.ok && r.result.delivered.map((d) => d.length)).toEqual(s.received);
          seen++;
        } else {
          expect(whole?.udp?.length).toBe(s.received[0]! + 8);
          seen++;
        }
      }
      expect(seen).toBe(sends.length);
    });
});

describe('a captured send compared with the model of the same send', () => {
  const cases = CAPTURES.sends.map((s) => [s.name, s] as const);
  it.each(cases)('%s: ipSend agrees packet for packet at the recorded MTU', (_, s) => {
    const a = analysis(s.name.includes('veth') ? 'veth.pcap' : 'sendto-lo.pcap');
    const first = a.views.find((v) => v.udp?.dstPort === s.dst_port)!;
    const views: PacketView[] = first.frag ? a.views.filter((v) => v.frag?.key === first.frag!.key) : [first];
    const input = sendInputFor(views, s.mtu)!;
    expect(input).toMatchObject({ family: s.family, sock: 'udp', sends: [s.len], mtu: s.mtu });
    const c = compareSend(views, input);
    expect(c.rows.map((r) => r.diffs)).toEqual(views.map(() => []));
    expect(c.agree).toBe(true);
    // and without the MTU: the largest packet reproduces the same cut
    expect(compareSend(views, sendInputFor(views)!).agree).toBe(true);
  });

  it('marks what differs: another MTU cuts elsewhere, a missing packet is a whole row', () => {
    const a = analysis('sendto-lo.pcap');
    const g = a.groups.find((x) => x.family === 'inet' && x.packets.length === 3)!;
    const views = g.packets.map((i) => a.views[i]!);
    const other = compareSend(views, { ...sendInputFor(views)!, mtu: 1000 });
    expect(other.agree).toBe(false);
    expect(other.rows[0]?.diffs).toEqual(expect.arrayContaining(['total_length', 'payload_length']));
    expect(other.rows.at(-1)?.model).toBeNull();
    expect(other.notes.join(' ')).toMatch(/the model sends no packet there/);
    const fewer = compareSend(views.slice(0, 2), sendInputFor(views)!);
    expect(fewer.rows[2]).toMatchObject({ captured: null, packet: null });
  });

  it('gives a socket back its record-route and timestamp options unfilled; the clock in a timestamp is free', () => {
    expect(unfilledOptions([7, 11, 8, 127, 0, 0, 1, 0, 0, 0, 0, 0])).toEqual([
      7, 11, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ]);
    expect(unfilledOptions([0x44, 8, 9, 0x10, 1, 2, 3, 4])).toEqual([0x44, 8, 5, 0, 0, 0, 0, 0]);
    expect(unfilledOptions([0x94, 4, 0, 0])).toEqual([0x94, 4, 0, 0]);
    expect(optionsWithoutTime('4408050001020304')).toBe('4408050000000000');
    expect(optionsWithoutTime('94040000')).toBe('94040000');
  });
});

describe('grouping', () => {
  it('keys IPv4 fragments by saddr, daddr, id and protocol, in capture order', () => {
    const a = analysis('raw-frags-lo.pcap');
    expect(a.groups.map((g) => g.id)).toEqual(CAPTURES.frag_cases.map((c) => c.id));
    for (const g of a.groups) {
      expect(g.packets).toEqual([...g.packets].sort((x, y) => x - y));
      for (const i of g.packets) expect(a.views[i]?.frag?.key).toBe(g.key);
    }
    expect(a.datagrams).toEqual([]);
  });

  it('leaves out the outgoing copies of a cooked capture when the arriving copies are there', () => {
    const a = analysis('sendto-sll.pcap');
    const views = a.views.map((v) => ({ ...v, link: v.link && { ...v.link } }));
    const g = fragmentGroups(views)[1]!;
    // the same packets seen leaving as well: duplicate them as PACKET_OUTGOING copies
    const twice: PacketView[] = [];
    for (const v of views) {
      twice.push({ ...v, index: twice.length });
      if (g.packets.includes(v.index))
        twice.push({ ...v, index: twice.length, link: { ...v.link!, pktType: 4 } });
    }
    const g2 = fragmentGroups(twice).find((x) => x.key === g.key)!;
    expect(g2.packets).toHaveLength(g.packets.length);
    expect(g2.outgoing).toHaveLength(g.packets.length);
  });

  it('takes the length from the last fragment when no UDP header was captured, and says so', () => {
    const cap = readPcap(fixtureBytes('raw-frags-lo.pcap'));
    const a = analyzeCapture(cap);
    const id = CAPTURES.frag_cases.find((c) => c.name === 'v4-reversed')!.id;
    const g = a.groups.find((x) => x.id === id)!;
    const noFirst = { ...g, packets: g.packets.filter((i) => a.views[i]?.frag?.offset !== 0) };
    const r = groupInput(noFirst, a.views, cap.packets);
    expect(r.lenFrom).toBe('last-fragment');
    expect(r.input.len).toBe(600 - 8);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['group-len-guessed']);
  });
});

describe('analysis progress', () => {
  it('tells each stage from 0 to its whole, rising, at most every `progressEvery` units', () => {
    const cap = readPcap(fixtureBytes('raw-frags-lo.pcap'));
    const calls: [string, number, number][] = [];
    const a = analyzeCapture(cap, { progressEvery: 2, onProgress: (s, d, t) => calls.push([s, d, t]) });
    const plain = analyzeCapture(cap);
    // Telling progress changes nothing in the result.
    expect(a.groups.map((g) => g.packets)).toEqual(plain.groups.map((g) => g.packets));
    expect(a.replays.length).toBeGreaterThan(1);
    expect(a.replays.map((r) => r.result)).toEqual(plain.replays.map((r) => r.result));
    for (const [stage, total] of [
      ['dissect', cap.packets.length],
      ['replay', a.replays.length],
    ] as const) {
      const seen = calls.filter((c) => c[0] === stage);
      expect(seen.every((c) => c[2] === total)).toBe(true);
      const done = seen.map((c) => c[1]);
      expect(done[0]).toBe(0);
      expect(done.at(-1)).toBe(total);
      expect(done).toEqual([...new Set(done)].sort((x, y) => x - y));
      // Start, end, and one call every 2 units in between.
      expect(done.length).toBe(2 + Math.ceil(total / 2) - 1);
    }
    // Every dissect call comes before the first replay call.
    const firstReplay = calls.findIndex((c) => c[0] === 'replay');
    expect(calls.slice(firstReplay).every((c) => c[0] === 'replay')).toBe(true);
  });

  it('ignores a progress callback or interval that is not one', () => {
    const cap = readPcap(fixtureBytes('raw-frags-lo.pcap'));
    const opts = { onProgress: 42, progressEvery: -3 } as unknown as Parameters<typeof analyzeCapture>[1];
    expect(analyzeCapture(cap, opts).groups.length).toBe(analyzeCapture(cap).groups.length);
  });
});
