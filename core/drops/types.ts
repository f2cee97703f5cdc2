/**
 * What the kernel threw away and what it counted, in the shapes the oracle records
 * (tools/drops_capture.py): `drop_reasons` as the skb:kfree_skb tracepoint reports them and
 * `snmp_delta` as /proc/net/snmp, /proc/net/snmp6 and the IpExt line of /proc/net/netstat move.
 */

/** One kind of drop: SKB_DROP_REASON_<reason> freed by kfree_skb_reason() in `function`, `count` times. */
export interface DropReason {
  /** The SKB_DROP_REASON_* name without its prefix, e.g. `SOCKET_RCVBUFF`. */
  reason: string;
  /** The function that called kfree_skb_reason() (an inlined helper shows as its caller). */
  function: string;
  count: number;
}

/** The sections of the counter files, in the order the oracle lists them. */
export const SNMP_SECTIONS = [
  'Ip',
  'Icmp',
  'IcmpMsg',
  'Udp',
  'UdpLite',
  'Ip6',
  'Icmp6',
  'Udp6',
  'UdpLite6',
  'IpExt',
] as const;
export type SnmpSection = (typeof SNMP_SECTIONS)[number];

/** Counters that moved, after minus before, non-zero only: `{ Ip: { InReceives: 3 }, ... }`. */
export type SnmpDelta = { [S in SnmpSection]?: Record<string, number> };

/** What a pipeline reports: every drop (sorted by reason, then function) and every counter that moved. */
export interface MibResult {
  drop_reasons: DropReason[];
  snmp_delta: SnmpDelta;
}
