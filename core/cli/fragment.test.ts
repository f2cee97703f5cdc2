import { describe, expect, it } from 'vitest';
import { runCli } from './commands.ts';

describe('sockscope fragment', () => {
  it('prints the wire table', () => {
    const r = runCli(['fragment', '--len', '4000', '--mtu', '1500']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/sent 4000 bytes in 3 packets/);
    expect(r.out).toMatch(/^3\s+2960\s+1048\s+1068\s*$/m);
  });
  it('JSON with the conformance field names', () => {
    const r = runCli(['fragment', '--len', '3000', '--mtu', '1280', '--family', 'inet6', '--json']);
    const j = JSON.parse(r.out);
    expect(j.sent).toBe(3000);
    expect(j.wire.map((w: { offset: number }) => w.offset)).toEqual([0, 1232, 2464]);
  });
  it('an errno exits 1 and names the function', () => {
    const r = runCli(['fragment', '--len', '4000', '--pmtu', 'do']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/EMSGSIZE \(90, Message too long\) from __ip_append_data/);
  });
  it('bad input is a usage error, not a crash', () => {
    expect(runCli(['fragment', '--len', 'lots']).code).toBe(2);
    expect(runCli(['fragment', '--len', '10', '--mtu', '20']).out).toMatch(/MTU must be/);
    expect(runCli(['nonsense']).out).toMatch(/unknown command/);
  });
});
