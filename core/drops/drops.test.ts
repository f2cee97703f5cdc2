import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import {
  DROP_FUNCTION_FILE,
  DROP_REASON_TEXT,
  SNMP_SECTIONS,
  counterEntry,
  countDrop,
  countMib,
  counterOrder,
  dropSentence,
  knownCounters,
  mergeTally,
  newTally,
  nstatName,
  tallyFrom,
  tallyResult,
  type SnmpSection,
} from './index.ts';

const dir = new URL('../conformance/fixtures/', import.meta.url);
interface Recorded {
  drop_reasons: { reason: string; function: string }[];
  snmp_delta: Record<string, Record<string, number>>;
}
/** Every case of every fixture that records drops and counters. */
function recordedCases(): Recorded[] {
  const out: Recorded[] = [];
  for (const sub of ['linux-6.18', 'local'])
    for (const f of readdirSync(new URL(`${sub}/`, dir))) {
      const doc = JSON.parse(readFileSync(new URL(`${sub}/${f}`, dir), 'utf8')) as { cases?: unknown[] };
      for (const c of doc.cases ?? [])
        if (c && typeof c === 'object' && 'drop_reasons' in c) out.push(c as Recorded);
    }
  return out;
}

describe('the tally', () => {
  it('sorts drops by reason, then function, in code-unit order as the oracle does', () => {
    const t = newTally();
    countDrop(t, 'SOCKET_RCVBUFF', 'udp_queue_rcv_one_skb');
    countDrop(t, 'NOT_SPECIFIED', 'skb_release_data', 3);
    countDrop(t, 'NOT_SPECIFIED', '__ip_flush_pending_frames', 2);
    countDrop(t, 'NOT_SPECIFIED', 'skb_release_data', 2);
    expect(tallyResult(t).drop_reasons).toEqual([
      { reason: 'NOT_SPECIFIED', function: '__ip_flush_pending_frames', count: 2 },
      { reason: 'NOT_SPECIFIED', function: 'skb_release_data', count: 5 },
      { reason: 'SOCKET_RCVBUFF', function: 'udp_queue_rcv_one_skb', count: 1 },
    ]);
  });
  it('keeps non-zero counters only, sections and counters in file order', () => {
    const t = newTally();
    countMib(t, 'IpExt', 'OutOctets', 1500);
    countMib(t, 'Udp', 'OutDatagrams');
    countMib(t, 'Ip', 'OutTransmits');
    countMib(t, 'Ip', 'InReceives');
    countMib(t, 'Ip', 'ReasmFails', 1);
    countMib(t, 'Ip', 'ReasmFails', -1);
    const d = tallyResult(t).snmp_delta;
    expect(Object.keys(d)).toEqual(['Ip', 'Udp', 'IpExt']);
    expect(Object.keys(d.Ip ?? {})).toEqual(['InReceives', 'OutTransmits']);
  });
  it('merges n times, and tallyFrom(tallyResult(t)) gives t back', () => {
    const t = newTally();
    countDrop(t, 'DUP_FRAG', 'ip_defrag');
    countMib(t, 'Ip', 'ReasmReqds', 3);
    const all = newTally();
    mergeTally(all, t, 4);
    expect(tallyResult(all)).toEqual({
      drop_reasons: [{ reason: 'DUP_FRAG', function: 'ip_defrag', count: 4 }],
      snmp_delta: { Ip: { ReasmReqds: 12 } },
    });
    expect(tallyResult(tallyFrom(tallyResult(all)))).toEqual(tallyResult(all));
  });
});

/** What tallyResult's snmp_delta must be, computed the plain way: sums by name, zeros left out, file order. */
function referenceDelta(counts: [SnmpSection, string, number][]): Record<string, Record<string, number>> {
  const sums = new Map<string, [SnmpSection, string, number]>();
  for (const [s, c, n] of counts) {
    const k = `${s} ${c}`;
    const old = sums.get(k);
    sums.set(k, [s, c, (old?.[2] ?? 0) + n]);
  }
  const moved = [...sums.values()].filter(([, , n]) => n !== 0);
  moved.sort(
    ([s1, c1], [s2, c2]) =>
      SNMP_SECTIONS.indexOf(s1) - SNMP_SECTIONS.indexOf(s2) ||
      counterOrder(s1, c1) - counterOrder(s2, c2) ||
      (c1 < c2 ? -1 : c1 > c2 ? 1 : 0),
  );
  const out: Record<string, Record<string, number>> = {};
  for (const [s, c, n] of moved) (out[s] ??= {})[c] = n;
  return out;
}

describe('tallyResult against the plain computation', () => {
  const counter = fc.constantFrom(
    ...SNMP_SECTIONS.flatMap((s) => knownCounters(s).map((c) => [s, c] as [SnmpSection, string])),
  );
  // A few counters moved by small deltas (zeros and cancelling moves included), in one to three tallies.
  const tallies = fc.array(fc.array(fc.tuple(counter, fc.integer({ min: -2, max: 5 })), { maxLength: 12 }), {
    minLength: 1,
    maxLength: 3,
  });
  it('the same counters, sums, sections and order (JSON text, so key order counts), every time it is asked', () => {
    fc.assert(
      fc.property(tallies, (lists) => {
        const ts = lists.map((l) => {
          const t = newTally();
          for (const [[s, c], n] of l) countMib(t, s, c, n);
          return t;
        });
        const want = JSON.stringify(referenceDelta(lists.flat().map(([[s, c], n]) => [s, c, n])));
        const first = tallyResult(...ts).snmp_delta;
        expect(JSON.stringify(first)).toBe(want);
        // A report is the caller's to keep: the next one shares no object with it, and writing
        // into one changes neither the other nor a later report.
        const second = tallyResult(...ts).snmp_delta;
        expect(JSON.stringify(second)).toBe(want);
        for (const sec of Object.keys(second) as SnmpSection[]) {
          expect(second[sec]).not.toBe(first[sec]);
          for (const k of Object.keys(second[sec] ?? {})) (second[sec] as Record<string, number>)[k] = -99;
        }
        expect(JSON.stringify(first)).toBe(want);
        expect(JSON.stringify(tallyResult(...ts).snmp_delta)).toBe(want);
      }),
      { numRuns: 400 },
    );
  });
});

describe('one sentence per reason and per counter', () => {
  const cases = recordedCases();
  it('there are recorded cases to check against', () => expect(cases.length).toBeGreaterThan(300));
  it('every drop reason and freeing function a real kernel recorded has its sentence and its file', () => {
    for (const c of cases)
      for (const d of c.drop_reasons) {
        expect(DROP_REASON_TEXT[d.reason], d.reason).toBeTruthy();
        expect(DROP_FUNCTION_FILE[d.function], d.function).toMatch(/^(net|include)\//);
      }
  });
  it('every counter a real kernel moved has its MIB name and sentence', () => {
    for (const c of cases)
      for (const [s, counters] of Object.entries(c.snmp_delta))
        for (const k of Object.keys(counters)) {
          expect(SNMP_SECTIONS).toContain(s);
          const e = counterEntry(s as SnmpSection, k);
          expect(e, `${s} ${k}`).not.toBeNull();
          expect(e?.text.length).toBeGreaterThan(10);
        }
  });
  it('nstat names: section + counter', () => {
    expect(nstatName('IpExt', 'InOctets')).toBe('IpExtInOctets');
    expect(nstatName('Udp6', 'RcvbufErrors')).toBe('Udp6RcvbufErrors');
    expect(counterEntry('IcmpMsg', 'OutType3')?.text).toBe(
      'ICMP messages of type 3 (Destination Unreachable) sent',
    );
    expect(counterEntry('Icmp6', 'InType4')?.mib).toBe('ICMP6MSG_MIB_INTYPE4');
  });
  it('a drop sentence names the count, the reason and the function', () => {
    expect(dropSentence({ reason: 'SOCKET_RCVBUFF', function: 'udp_queue_rcv_one_skb', count: 3 })).toMatch(
      /^3 × SOCKET_RCVBUFF in udp_queue_rcv_one_skb: .*receive queue is full/,
    );
  });
});
