/**
 * Oracle format `reassembly` (reasm_capture.py): fragments of one UDP datagram written onto
 * loopback in a given order, and what the bound UDP socket received. Compared per case: the
 * number of datagrams delivered, their lengths, whether their bytes equal the sender's, and
 * (when the case recorded them) the ICMP errors the kernel sent about its packets, its
 * drop_reasons and snmp_delta field for field. `ipfrag_max_dist` goes to the model as given.
 */
import { reassemble, type FragmentSpec } from '../../ip/defrag.ts';
import { diffFields, type CaseOutcome, type OracleFormat } from '../types.ts';

interface ReasmCase {
  name?: string;
  family?: 'inet' | 'inet6';
  payload_length: number;
  id?: number;
  wait_ms?: number;
  fragments: (FragmentSpec & { fill?: 'same' | 'other' | 'expected' })[];
  delivered: number;
  delivered_lengths: number[];
  delivered_equals_expected: boolean[];
  icmp?: [number, number][];
  ipfrag_max_dist?: number;
  drop_reasons?: unknown;
  snmp_delta?: unknown;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export function runReasmCase(c: ReasmCase, i = 0): CaseOutcome {
  const name = c.name ?? `case ${i + 1}`;
  const frags = Array.isArray(c.fragments) ? c.fragments : [];
  const lastAt = frags.reduce((m, f) => (typeof f.at === 'number' ? Math.max(m, f.at) : m), 0);
  const r = reassemble({
    family: c.family ?? 'inet',
    len: c.payload_length,
    id: c.id ?? 0x4242,
    until: lastAt + (c.wait_ms ?? 100),
    ...(typeof c.ipfrag_max_dist === 'number' ? { ipfrag_max_dist: c.ipfrag_max_dist } : {}),
    fragments: frags.map((f) => ({
      offset: f.offset,
      length: f.length,
      mf: !!f.mf,
      ...(f.id !== undefined ? { id: f.id } : {}),
      ...(f.at !== undefined ? { at: f.at } : {}),
      fill: f.fill === 'other' ? 'other' : 'same',
    })),
  });
  if (!r.ok) return { name, pass: false, diffs: [{ field: 'input', expected: 'a valid case', got: r.why }] };
  const expected: Record<string, unknown> = {
    delivered: c.delivered,
    delivered_lengths: c.delivered_lengths,
    delivered_equals_expected: c.delivered_equals_expected,
  };
  const got: Record<string, unknown> = {
    delivered: r.delivered.length,
    delivered_lengths: r.delivered.map((d) => d.length),
    delivered_equals_expected: r.delivered.map((d) => d.equal),
  };
  if (Array.isArray(c.icmp)) {
    expected.icmp = c.icmp;
    got.icmp = r.icmp.map((m) => [m.type, m.code]);
  }
  if ('drop_reasons' in c) {
    expected.drop_reasons = c.drop_reasons;
    got.drop_reasons = r.drop_reasons;
  }
  if ('snmp_delta' in c) {
    expected.snmp_delta = c.snmp_delta;
    got.snmp_delta = r.snmp_delta;
  }
  const diffs = diffFields(expected, got);
  return { name, pass: diffs.length === 0, diffs };
}

export const reassemblyFormat: OracleFormat = {
  name: 'reassembly',
  detect: (doc) =>
    isObj(doc) &&
    Array.isArray(doc.cases) &&
    doc.cases.length > 0 &&
    doc.cases.every(
      (c) =>
        isObj(c) &&
        typeof c.payload_length === 'number' &&
        Array.isArray(c.fragments) &&
        typeof c.delivered === 'number',
    ),
  run: (doc) => ((doc as { cases: ReasmCase[] }).cases ?? []).map((c, i) => runReasmCase(c, i)),
};
