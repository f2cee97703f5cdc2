import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { socketMatrixFormat } from './socket-matrix.ts';

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/linux-6.18/socket-matrix.json', import.meta.url), 'utf8'),
) as { meta: { kernel: string }; records: unknown[] };

describe('socket-matrix oracle format', () => {
  it('recognises the socket matrix and nothing else', () => {
    expect(socketMatrixFormat.detect(fixture)).toBe(true);
    expect(socketMatrixFormat.detect({ cases: [] })).toBe(false);
    expect(socketMatrixFormat.detect({ records: [] })).toBe(false);
    expect(socketMatrixFormat.detect(null)).toBe(false);
  });

  it('replays every record of the linux-6.18 fixture with 0 failures', () => {
    const outcomes = socketMatrixFormat.run(fixture);
    expect(outcomes).toHaveLength(fixture.records.length);
    const failures = outcomes.filter((o) => !o.pass);
    expect(failures.map((f) => `${f.name}: ${JSON.stringify(f.diffs)}`)).toEqual([]);
  });

  it('reports a wrong expectation as a failing case with the field that differs', () => {
    const doc = {
      records: [
        {
          privilege: 'root',
          domain: 'AF_INET',
          domain_value: 2,
          type: 'SOCK_DGRAM',
          type_value: 2,
          protocol: '0',
          protocol_value: 0,
          ok: true,
          so_domain: 2,
          so_type: 2,
          so_protocol: 6,
        },
        { privilege: 'root', domain: 'x' },
      ],
    };
    const [a, b] = socketMatrixFormat.run(doc);
    expect(a!.pass).toBe(false);
    expect(a!.diffs).toEqual([{ field: 'so_protocol', expected: 6, got: 17 }]);
    expect(b!.pass).toBe(false);
  });

  it('never throws on malformed documents', () => {
    expect(socketMatrixFormat.run({})).toEqual([]);
    expect(socketMatrixFormat.run({ records: [1, 'x', null] })).toHaveLength(3);
  });
});
