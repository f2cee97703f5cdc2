/**
 * The URL adapter fuzzers: a few queries of each lab pass, and what they found stays fixed.
 */
import { describe, expect, it } from 'vitest';
import { URL_ADAPTERS, URL_FUZZERS } from './urls.ts';

describe('the URL adapter fuzzers', () => {
  it.each(URL_FUZZERS.map((f) => [f.name, f] as const))(
    '%s: 200 queries, no exception, fixed points',
    (_n, f) => {
      const r = f.run(11, 200);
      expect(r.inputs).toBe(200);
      expect(r.failures).toEqual([]);
      expect(r.exceptions + r.outside + r.mismatches).toBe(0);
    },
  );

  it('a netlink hex whose dropped separator makes a new one writes a fixed point (url-netlink, seed 1, input 5056)', () => {
    const netlink = URL_ADAPTERS.find((a) => a.name === 'netlink')!;
    for (const hex of ['\\0xx41', '00x0xx1', 'zz\\0xx=', '0\\xx']) {
      const first = netlink.roundTrip(`hex=${encodeURIComponent(hex)}`).written;
      expect(netlink.roundTrip(first).written).toBe(first);
    }
    expect(URL_FUZZERS.find((f) => f.name === 'url-netlink')!.run(1, 1, 5056).mismatches).toBe(0);
  });

  it('a replay of the sk_buff lab keeps its step (url-skb, seed 1, input 2413)', () => {
    const skb = URL_ADAPTERS.find((a) => a.name === 'skb')!;
    const first = skb.roundTrip('preset=fragmented&step=3&ops=put%3A1').written;
    expect(first).toBe('preset=fragmented&step=3');
  });
});
