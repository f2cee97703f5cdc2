/**
 * Where a capture's pieces open in the labs, as the labs' own URLs: a fragment group in the
 * Reassembly lab (one card per arrival, in capture order, at its capture time), a netlink frame
 * in the Netlink lab (its bytes as `hex=`), a captured send in the Fragmentation lab (the same
 * length, MTU, family and options).
 */
import type { DefragInput, SendInput } from '../../core/ip/index.ts';
import { formatFragItem, fragItemOfSpec } from '../../core/params/index.ts';
import { encodeQuery } from '../lab-kit/url.ts';
import type { NetlinkRow } from './protocol.ts';

/** Milliseconds to the microsecond, without trailing zeros (`0.011`, `302`). */
export const msText = (ms: number): string => String(Math.round(ms * 1000) / 1000);

/**
 * `#/reassemble?len=…&family=…&frags=…&order=0,1,…&at=…`: every arrival its own card, in capture
 * order, with its capture time; what the lab replays is exactly the model's input for the group.
 */
export function reassembleHref(input: DefragInput): string {
  const parts: [string, string][] = [
    ['len', String(input.len)],
    ['family', input.family],
    ['frags', input.fragments.map((f) => formatFragItem(fragItemOfSpec(f))).join(',')],
    ['order', input.fragments.map((_, i) => i).join(',')],
  ];
  if (input.fragments.some((f) => f.at !== undefined))
    parts.push(['at', input.fragments.map((f) => (f.at === undefined ? '' : msText(f.at))).join(',')]);
  if (input.until !== undefined) parts.push(['until', msText(input.until)]);
  if (input.source === 'remote') parts.push(['source', 'remote']);
  return `#/reassemble?${encodeQuery(parts, ',:')}`;
}

/** `#/netlink?hex=…&family=…` (and `endian=be` for a big-endian capture); null over the lab's bound. */
export function netlinkHref(row: NetlinkRow): string | null {
  if (row.hex === null) return null;
  const parts: [string, string][] = [
    ['hex', row.hex],
    ['family', row.family],
  ];
  if (row.endian === 'be') parts.push(['endian', 'be']);
  return `#/netlink?${encodeQuery(parts)}`;
}

/** `#/fragment?len=…&mtu=…&family=…&sock=…`: the Fragmentation lab's model of the same send. */
export function fragmentHref(input: SendInput): string {
  const parts: [string, string][] = [
    ['len', String(input.sends[0] ?? 0)],
    ['mtu', String(input.mtu)],
    ['family', input.family],
    ['sock', input.sock],
  ];
  if (input.sock === 'raw') parts.push(['proto', String(input.protocol)]);
  parts.push(['pmtu', input.pmtu]);
  if (input.options.length)
    parts.push(['opts', input.options.map((b) => b.toString(16).padStart(2, '0')).join('')]);
  return `#/fragment?${encodeQuery(parts)}`;
}
