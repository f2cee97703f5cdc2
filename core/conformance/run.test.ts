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

  it('says so when no format recognises a file, or it is not JSON', () => {
    expect(runDocument('x.json', '{"hello": 1}').error).toMatch(/no known oracle format/);
    expect(runDocument('x.json', 'nope').error).toMatch(/not JSON/);
  });
});
