import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatReport, runDocument } from './run.ts';

const fixture = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');

describe('conformance runner', () => {
  it('replays the recorded fragmentation cases: every one matches', () => {
    const r = runDocument('fragmentation.json', fixture('linux-6.18/fragmentation.json'));
    expect(r.format).toBe('fragmentation');
    expect(r.outcomes).toHaveLength(124);
    expect(r.outcomes.filter((o) => !o.pass).map((o) => o.name)).toEqual([]);
  });

  it('catches a wrong field, names it, and counts it as failed', () => {
    const doc = JSON.parse(fixture('linux-6.18/fragmentation.json'));
    doc.cases[3].wire[1].offset += 8;
    doc.cases[5].errno = 'EMSGSIZE';
    const report = formatReport([runDocument('mutated.json', JSON.stringify(doc))]);
    expect(report.failed).toBe(2);
    expect(report.text).toMatch(/wire\[1\]\.offset: expected 56, got 48/);
    expect(report.text.split('\n').at(-1)).toBe('122 passed, 2 failed');
  });

  it('compares drop_reasons and snmp_delta field by field in all three drop formats', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed fixture case, mutated in place
    type Case = any;
    const mutate = (file: string, pick: (c: Record<string, unknown>) => boolean, f: (c: Case) => void) => {
      const doc = JSON.parse(fixture(file));
      const i = doc.cases.findIndex(pick);
      f(doc.cases[i]);
      // only the mutated case, so the run stays short
      doc.cases = [doc.cases[i]];
      return formatReport([runDocument(file, JSON.stringify(doc))]);
    };
    const withDrops = (c: Record<string, unknown>) =>
      Array.isArray(c.drop_reasons) && c.drop_reasons.length > 0;
    const frag = mutate(
      'linux-6.18/fragmentation-drops.json',
      withDrops,
      (c) => (c.drop_reasons[0].count += 1),
    );
    expect(frag.failed).toBe(1);
    expect(frag.text).toMatch(/drop_reasons\[0\]\.count: expected \d+, got \d+/);
    const reasm = mutate(
      'linux-6.18/reassembly-drops.json',
      withDrops,
      (c) => (c.snmp_delta.Ip.ReasmFails = 99),
    );
    expect(reasm.failed).toBe(1);
    expect(reasm.text).toMatch(/snmp_delta\.Ip\.ReasmFails: expected 99, got/);
    const udp = mutate('linux-6.18/udp-receive.json', withDrops, (c) => {
      c.drop_reasons[0].function = 'udp_rcv';
      c.snmp_delta.Udp = { ...c.snmp_delta.Udp, NoPorts: 1 };
    });
    expect(udp.failed).toBe(1);
    expect(udp.text).toMatch(/drop_reasons\[0\]\.function: expected udp_rcv, got udp_queue_rcv_one_skb/);
    expect(udp.text).toMatch(/snmp_delta\.Udp\.NoPorts: expected 1, got undefined/);
    // a counter the model moves but the kernel did not is a difference too
    const extra = mutate(
      'linux-6.18/udp-receive.json',
      withDrops,
      (c) => delete c.snmp_delta.Udp.RcvbufErrors,
    );
    expect(extra.text).toMatch(/snmp_delta\.Udp\.RcvbufErrors: expected undefined, got \d+/);
  });

  it('says so when no format recognises a file, or it is not JSON', () => {
    expect(runDocument('x.json', '{"hello": 1}').error).toMatch(/no known oracle format/);
    expect(runDocument('x.json', 'nope').error).toMatch(/not JSON/);
  });
});
