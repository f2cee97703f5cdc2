import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reassemblyFormat } from './reassembly.ts';
import { formatFor } from './index.ts';

const load = (rel: string): { cases: Record<string, unknown>[] } =>
  JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8'));

describe('reassembly oracle format', () => {
  it('replays every case of the Linux 6.18 fixture: 26/26', () => {
    const doc = load('../fixtures/linux-6.18/reassembly.json');
    expect(reassemblyFormat.detect(doc)).toBe(true);
    const out = reassemblyFormat.run(doc);
    expect(out).toHaveLength(26);
    expect(out.filter((o) => !o.pass)).toEqual([]);
  });

  it('replays the locally recorded extra cases (IPv6, timeouts, memory, runs)', () => {
    const doc = load('../fixtures/local/reassembly-extra.json');
    expect(reassemblyFormat.detect(doc)).toBe(true);
    const out = reassemblyFormat.run(doc);
    expect(out.length).toBeGreaterThanOrEqual(60);
    expect(out.filter((o) => !o.pass)).toEqual([]);
  });

  it('a mutated case fails, naming the field', () => {
    const doc = load('../fixtures/linux-6.18/reassembly.json');
    const c = doc.cases.find((x) => x.name === 'overlap-partial') as Record<string, unknown>;
    c.delivered = 1;
    c.delivered_lengths = [2992];
    c.delivered_equals_expected = [true];
    const bad = reassemblyFormat.run({ cases: [c] })[0];
    expect(bad?.pass).toBe(false);
    expect(bad?.diffs.map((d) => d.field)).toContain('delivered');
  });

  it('is not confused with the other formats', () => {
    expect(reassemblyFormat.detect(load('../fixtures/linux-6.18/fragmentation.json'))).toBe(false);
    expect(formatFor(load('../fixtures/linux-6.18/reassembly.json'))?.name).not.toBe('fragmentation');
    expect(reassemblyFormat.detect({ cases: [] })).toBe(false);
    expect(
      reassemblyFormat.run({ cases: [{ payload_length: 8, fragments: [{ offset: 3 }], delivered: 0 }] })[0]
        ?.pass,
    ).toBe(false);
  });
});
