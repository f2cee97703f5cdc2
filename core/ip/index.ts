/**
 * core/ip — the IPv4/IPv6 output path (udp_sendmsg / raw_sendmsg → __ip_append_data →
 * __ip_make_skb → ip_finish_output → ip_do_fragment, and the IPv6 counterparts).
 * TEMPORARY STUB: replaced by the full model (same signatures).
 */
import type { InputIssue, SendInput, SendResult, WirePacketV4 } from './types.ts';
export * from './types.ts';

export function validateSendInput(input: SendInput): InputIssue[] {
  const issues: InputIssue[] = [];
  const minMtu = input.family === 'inet6' ? 1280 : 68;
  if (!Number.isInteger(input.mtu) || input.mtu < minMtu || input.mtu > 65536)
    issues.push({ field: 'mtu', message: `MTU must be ${minMtu}..65536 for ${input.family}` });
  return issues;
}

export function parseOptionsHex(hex: string): { ok: true; bytes: number[] } | { ok: false; why: string } {
  const clean = hex.replace(/\s+/g, '');
  if (!/^([0-9a-fA-F]{2})*$/.test(clean)) return { ok: false, why: 'hex digits in pairs' };
  const bytes = clean.match(/../g)?.map((b) => parseInt(b, 16)) ?? [];
  return { ok: true, bytes };
}

export function ipSend(input: SendInput): SendResult {
  const len = (input.iov ?? input.sends).reduce((a, b) => a + b, 0);
  const dgram = len + (input.sock === 'udp' ? 8 : 0);
  const hlen = 20 + input.options.length;
  const maxfrag = ((input.mtu - hlen) & ~7) + hlen;
  const wire: WirePacketV4[] = [];
  for (let off = 0, i = 0; off < dgram || i === 0; i++) {
    const n = dgram + hlen <= input.mtu ? dgram : Math.min(maxfrag - hlen, dgram - off);
    wire.push({ family: 'inet', index: i, total_length: n + hlen, ihl: hlen, id: 1, df: dgram + hlen <= input.mtu, mf: off + n < dgram, offset: off, protocol: 17, options: input.options, range: { from: off, to: off + n } });
    off += n;
    if (n === 0) break;
  }
  return { ok: true, input, sent: len, received_length: len, datagramLength: dgram, headerLength: hlen, wire, icmp: [], fragPath: wire.length > 1 ? 'fast' : 'none', fragPathWhy: 'stub', numbers: { maxfraglen: maxfrag }, trace: [{ fn: '__ip_append_data', file: 'net/ipv4/ip_output.c', why: 'stub', dir: 'down', snapshot: { skbs: [], vars: {}, wireCount: wire.length } }] };
}
