import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHash } from '../../lab-kit/index.ts';
import { DEFAULT_FIELDS, canonicalFields, parseFragmentQuery, serialiseFragmentQuery } from './params.ts';
import type { FragmentFields } from './params.ts';
import { roundTrips } from '../../lab-kit/testing.ts';

describe('fragment URL', () => {
  it('parses the DESIGN.md example', () => {
    const { fields, step, issues } = parseFragmentQuery('len=4000&mtu=1500&family=inet&sock=udp&pmtu=want');
    expect(fields).toEqual({ ...DEFAULT_FIELDS, len: '4000', mtu: '1500' });
    expect(step).toBe(0);
    expect(issues).toEqual([]);
  });

  it('serialises the defaults to the canonical example', () => {
    expect(serialiseFragmentQuery(DEFAULT_FIELDS, 0)).toBe(
      'len=4000&mtu=1500&family=inet&sock=udp&pmtu=want',
    );
  });

  it.each([
    'len=4000&mtu=1500&family=inet&sock=udp&pmtu=want',
    'sends=1000,1000&mtu=1500&family=inet&sock=udp&pmtu=want',
    'iov=500,500&mtu=68&family=inet&sock=udp&pmtu=do&opts=94040000&sg=0&step=3',
    'len=65507&mtu=68&family=inet&sock=udp&pmtu=want&sndbufcheck=0',
    'len=100&mtu=576&family=inet&sock=raw&proto=17&pmtu=want&sndbuf=4096',
    'len=3000&mtu=1500&family=inet&sock=raw-hdrincl&pmtu=want&df=1',
    'len=3000&mtu=1280&family=inet6&sock=udp&pmtu=probe',
    'len=lots&mtu=20&family=inet7&sock=udp&pmtu=maybe',
  ])('round-trips %s', roundTrips(parseFragmentQuery, serialiseFragmentQuery));

  it('keeps invalid values as typed and reports a bad step', () => {
    const r = parseFragmentQuery('len=abc&mtu=1500&step=x');
    expect(r.fields.len).toBe('abc');
    expect(r.step).toBe(0);
    expect(r.issues).toEqual([{ field: 'step', message: expect.stringContaining('step=x') }]);
  });

  it('property: parse(serialise(fields)) keeps every field a canonical URL carries', () => {
    const text = fc.oneof(
      fc.constantFrom('0', '68', '1500', '65535', '1,2', 'x y', '', 'a&b=c', '%', '#?'),
      fc.string(),
    );
    const arb = fc.record({
      mode: fc.constantFrom('len', 'sends', 'iov'),
      len: text,
      sends: text,
      iov: text,
      mtu: text,
      family: fc.constantFrom('inet', 'inet6', 'bogus'),
      sock: fc.constantFrom('udp', 'raw', 'raw-hdrincl'),
      proto: text,
      pmtu: fc.constantFrom('dont', 'want', 'do', 'probe', 'interface', 'omit'),
      opts: text,
      sg: fc.constantFrom('0', '1'),
      sndbuf: text,
      sndbufcheck: fc.constantFrom('0', '1'),
      df: fc.constantFrom('0', '1'),
    }) as fc.Arbitrary<FragmentFields>;
    fc.assert(
      fc.property(arb, fc.nat(5000), (fields, step) => {
        const back = parseFragmentQuery(serialiseFragmentQuery(fields, step));
        expect(back.fields).toEqual(canonicalFields(fields));
        expect(back.step).toBe(step);
      }),
    );
  });

  it('splits the hash into lab path and query', () => {
    expect(parseHash('#/fragment?len=1&mtu=2')).toEqual({ path: 'fragment', query: 'len=1&mtu=2' });
    expect(parseHash('#/socket')).toEqual({ path: 'socket', query: '' });
    expect(parseHash('')).toEqual({ path: '', query: '' });
  });
});
