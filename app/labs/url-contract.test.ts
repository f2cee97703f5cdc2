/**
 * The URL contract, property-tested for every lab in LABS: reading any query never throws; what a
 * lab writes after reading a query is a fixed point (read it into a fresh store and the lab writes
 * it again, letter for letter); a parameter the lab does not have is named among its issues.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Issue, LabDefinition } from '../lab-kit/index.ts';
import { LABS } from './index.ts';

/** Values worth trying: the lab's own defaults, small numbers, lists, words, and junk. */
function values(defaults: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(
      ...defaults,
      '',
      '0',
      '1',
      '2',
      '8',
      '1280',
      '1500',
      'inet6',
      'x',
      '1,2',
      '0:8:1',
      '%',
      '&',
      '=',
      '#?',
    ),
    fc.nat(3000).map(String),
    fc.string({ maxLength: 12 }),
  );
}

function queryArb(lab: LabDefinition): fc.Arbitrary<string> {
  const first = lab.instantiate();
  const defaults = [...new URLSearchParams(first.write()).values()];
  const key = fc.constantFrom(...lab.keys, 'foo', 'embed');
  return fc
    .array(fc.tuple(key, values(defaults)), { maxLength: 6 })
    .map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&'));
}

const issuesOf = (s: unknown): Issue[] => {
  const st = s as { issues?: Issue[]; netlink?: { issues: Issue[] } };
  return st.issues ?? st.netlink?.issues ?? [];
};

describe.each(LABS.map((l) => [l.path, l] as const))('the %s lab’s URL', (path, entry) => {
  // The list holds names; the declaration (params, store) is the lab's own chunk.
  let lab: LabDefinition;
  beforeAll(async () => {
    lab = await entry.load();
  });

  it('is the lab the list names, with the same names', () => {
    expect(lab.path).toBe(path);
    expect(lab.words).toBe(entry.words);
    expect([lab.title, lab.short]).toEqual([entry.title, entry.short]);
  });

  it('reads any query without throwing, and what it writes is a fixed point', () => {
    fc.assert(
      fc.property(queryArb(lab), (q) => {
        const a = lab.instantiate();
        a.read(q);
        const written = a.write();
        const b = lab.instantiate();
        b.read(written);
        expect(b.write()).toBe(written);
        // Reading the canonical query back into the same store changes nothing either.
        a.read(written);
        expect(a.write()).toBe(written);
      }),
      { numRuns: Number(process.env.URL_CONTRACT_RUNS ?? 60) },
    );
  });

  it('names a parameter it does not have', () => {
    const a = lab.instantiate();
    a.read('colour=red');
    expect(issuesOf(a.store.getState())).toContainEqual(
      expect.objectContaining({ field: 'url', param: 'colour' }),
    );
    expect(a.write()).not.toContain('colour');
  });
});
