import { describe, expect, it } from 'vitest';
import { runCli } from './commands.ts';

describe('sockscope trace', () => {
  it('lists every step down and back up with sk_buff pointers', () => {
    const r = runCli(['trace', '--len', '4000', '--mtu', '1500']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/↓ __ip_append_data/);
    expect(r.out).toMatch(/↑ eth_type_trans/);
    expect(r.out).toMatch(/skb #1 .*head 0 data 16 tail 1516 end 1728 · len 1500/);
  });
  it('JSON: head/data/tail/end, len, data_len, nr_frags and frag_list per skb', () => {
    const j = JSON.parse(runCli(['trace', '--len', '4000', '--mtu', '1500', '--json']).out);
    const made = j.steps.find((s: { function: string; skbs: unknown[] }) => s.function === '__ip_make_skb');
    expect(made.skbs[0]).toMatchObject({ len: 4028, data_len: 2528, frag_list: 2, nr_frags: 0, head: 0 });
    expect(made.skbs[0].frag_list_skbs.map((k: { len: number }) => k.len)).toEqual([1480, 1048]);
    expect(j.steps.some((s: { dir: string }) => s.dir === 'up')).toBe(true);
  });
});
