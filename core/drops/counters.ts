/**
 * Every SNMP counter the model moves: its place in its file, the kernel's MIB constant, and one
 * plain sentence saying what it counts. One table, data-shaped (section → counter → entry), so
 * the sentences can move into message catalogs; `nstat` names a counter section + name
 * (`IpExtInOctets`, `Udp6RcvbufErrors`, `IcmpMsgOutType3`).
 */
import type { SnmpSection } from './types.ts';

export interface CounterEntry {
  /** The kernel's MIB item (include/uapi/linux/snmp.h). */
  mib: string;
  /** What it counts, in plain words. */
  text: string;
}

type Table = Partial<Record<SnmpSection, readonly (readonly [string, string, string])[]>>;

/** [counter, MIB constant, sentence], in the order the counter file lists them. */
const IP_COMMON: readonly (readonly [string, string, string])[] = [
  [
    'InReceives',
    'IPSTATS_MIB_INPKTS',
    'packets handed to IP by the device (ip_rcv), fragments counted one by one',
  ],
  [
    'InHdrErrors',
    'IPSTATS_MIB_INHDRERRORS',
    'packets refused for a bad header (IPv6: also bad fragment headers answered with Parameter Problem)',
  ],
  ['InTooBigErrors', 'IPSTATS_MIB_INTOOBIGERRORS', 'packets too big to forward'],
  ['InNoRoutes', 'IPSTATS_MIB_INNOROUTES', 'packets without a route'],
  ['InAddrErrors', 'IPSTATS_MIB_INADDRERRORS', 'packets for an address this host does not accept'],
  ['ForwDatagrams', 'IPSTATS_MIB_OUTFORWDATAGRAMS', 'packets forwarded'],
  [
    'InUnknownProtos',
    'IPSTATS_MIB_INUNKNOWNPROTOS',
    'datagrams for a protocol no socket and no kernel handler takes',
  ],
  ['InTruncatedPkts', 'IPSTATS_MIB_INTRUNCATEDPKTS', 'packets shorter than their header says'],
  ['InDiscards', 'IPSTATS_MIB_INDISCARDS', 'good packets discarded on the way in'],
  [
    'InDelivers',
    'IPSTATS_MIB_INDELIVERS',
    'whole datagrams handed to a transport protocol or raw socket (after reassembly: once per datagram)',
  ],
  ['OutForwDatagrams', 'IPSTATS_MIB_OUTFORWDATAGRAMS', 'packets forwarded'],
  [
    'OutRequests',
    'IPSTATS_MIB_OUTREQUESTS',
    'datagrams this host sent (ip_local_out), before any fragmentation; raw IP_HDRINCL sends on IPv4 skip it',
  ],
  [
    'OutDiscards',
    'IPSTATS_MIB_OUTDISCARDS',
    'datagrams given up on the way out: __ip_append_data failed (ENOBUFS)',
  ],
  ['OutNoRoutes', 'IPSTATS_MIB_OUTNOROUTES', 'sends without a route'],
  [
    'ReasmTimeout',
    'IPSTATS_MIB_REASMTIMEOUT',
    'fragment queues whose timer fired before the datagram was complete',
  ],
  ['ReasmReqds', 'IPSTATS_MIB_REASMREQDS', 'fragments that reached reassembly (ip_defrag / ipv6_frag_rcv)'],
  ['ReasmOKs', 'IPSTATS_MIB_REASMOKS', 'datagrams put back together'],
  [
    'ReasmFails',
    'IPSTATS_MIB_REASMFAILS',
    'reassemblies given up: overlaps, corrupt ends, timeouts, too far, too big, no memory',
  ],
  ['FragOKs', 'IPSTATS_MIB_FRAGOKS', 'datagrams this host fragmented'],
  ['FragFails', 'IPSTATS_MIB_FRAGFAILS', 'datagrams that needed fragmenting but could not be (DF set)'],
  ['FragCreates', 'IPSTATS_MIB_FRAGCREATES', 'fragments this host made'],
];
const IP6_TAIL: readonly (readonly [string, string, string])[] = [
  ['InMcastPkts', 'IPSTATS_MIB_INMCASTPKTS', 'multicast packets received'],
  ['OutMcastPkts', 'IPSTATS_MIB_OUTMCASTPKTS', 'multicast packets sent'],
  ['InOctets', 'IPSTATS_MIB_INOCTETS', 'bytes of the packets received, IP headers included'],
  [
    'OutOctets',
    'IPSTATS_MIB_OUTOCTETS',
    'bytes of the packets sent, IP headers included, counted per fragment',
  ],
  ['InMcastOctets', 'IPSTATS_MIB_INMCASTOCTETS', 'bytes of multicast packets received'],
  ['OutMcastOctets', 'IPSTATS_MIB_OUTMCASTOCTETS', 'bytes of multicast packets sent'],
  ['InBcastOctets', 'IPSTATS_MIB_INBCASTOCTETS', 'bytes of broadcast packets received'],
  ['OutBcastOctets', 'IPSTATS_MIB_OUTBCASTOCTETS', 'bytes of broadcast packets sent'],
  ['InNoECTPkts', 'IPSTATS_MIB_NOECTPKTS', 'packets received without ECN'],
  ['InECT1Pkts', 'IPSTATS_MIB_ECT1PKTS', 'packets received with ECT(1)'],
  ['InECT0Pkts', 'IPSTATS_MIB_ECT0PKTS', 'packets received with ECT(0)'],
  ['InCEPkts', 'IPSTATS_MIB_CEPKTS', 'packets received with Congestion Experienced'],
];
const OUT_TRANSMITS = [
  'OutTransmits',
  'IPSTATS_MIB_OUTPKTS',
  'packets that left (ip_finish_output2): every fragment counts',
] as const;
const UDP: readonly (readonly [string, string, string])[] = [
  [
    'InDatagrams',
    'UDP_MIB_INDATAGRAMS',
    'datagrams the application read (counted at recvmsg, not when queued)',
  ],
  ['NoPorts', 'UDP_MIB_NOPORTS', 'datagrams for a port with no socket (answered with ICMP port unreachable)'],
  [
    'InErrors',
    'UDP_MIB_INERRORS',
    'datagrams dropped on the way in: receive buffer full, short packet, bad checksum',
  ],
  ['OutDatagrams', 'UDP_MIB_OUTDATAGRAMS', 'datagrams sent'],
  [
    'RcvbufErrors',
    'UDP_MIB_RCVBUFERRORS',
    'datagrams dropped because the socket receive buffer (sk_rcvbuf) was full',
  ],
  ['SndbufErrors', 'UDP_MIB_SNDBUFERRORS', 'sends that failed for lack of send-buffer memory (ENOBUFS)'],
  ['InCsumErrors', 'UDP_MIB_CSUMERRORS', 'datagrams with a bad checksum'],
  ['IgnoredMulti', 'UDP_MIB_IGNOREDMULTI', 'broadcast/multicast datagrams no socket wanted'],
  ['MemErrors', 'UDP_MIB_MEMERRORS', 'datagrams dropped because UDP ran out of memory'],
];

const TABLE: Table = {
  Ip: [
    ['Forwarding', 'IPSTATS_MIB_FORWARDING', 'whether this host forwards packets (1) or not (2)'],
    ['DefaultTTL', 'IPSTATS_MIB_DEFAULTTTL', 'the default TTL'],
    ...IP_COMMON.filter(
      ([c]) => !['InTooBigErrors', 'InNoRoutes', 'InTruncatedPkts', 'OutForwDatagrams'].includes(c),
    ),
    OUT_TRANSMITS,
  ],
  Icmp: [
    ['InMsgs', 'ICMP_MIB_INMSGS', 'ICMP messages received'],
    ['InErrors', 'ICMP_MIB_INERRORS', 'ICMP messages received but bad'],
    ['InCsumErrors', 'ICMP_MIB_CSUMERRORS', 'ICMP messages with a bad checksum'],
    ['InDestUnreachs', 'ICMP_MIB_INDESTUNREACHS', 'Destination Unreachable messages received'],
    ['InTimeExcds', 'ICMP_MIB_INTIMEEXCDS', 'Time Exceeded messages received'],
    ['InParmProbs', 'ICMP_MIB_INPARMPROBS', 'Parameter Problem messages received'],
    ['OutMsgs', 'ICMP_MIB_OUTMSGS', 'ICMP messages sent'],
    ['OutErrors', 'ICMP_MIB_OUTERRORS', 'ICMP messages not sent because of an error'],
    [
      'OutRateLimitGlobal',
      'ICMP_MIB_RATELIMITGLOBAL',
      'ICMP errors not sent: the host-wide rate limit (icmp_msgs_per_sec, icmp_msgs_burst) ran out',
    ],
    ['OutRateLimitHost', 'ICMP_MIB_RATELIMITHOST', 'ICMP errors not sent: the per-destination rate limit'],
    ['OutDestUnreachs', 'ICMP_MIB_OUTDESTUNREACHS', 'Destination Unreachable messages sent'],
    ['OutTimeExcds', 'ICMP_MIB_OUTTIMEEXCDS', 'Time Exceeded messages sent'],
    ['OutParmProbs', 'ICMP_MIB_OUTPARMPROBS', 'Parameter Problem messages sent'],
  ],
  Udp: UDP,
  UdpLite: UDP,
  Ip6: [...IP_COMMON, ...IP6_TAIL, OUT_TRANSMITS],
  Icmp6: [
    ['InMsgs', 'ICMP6_MIB_INMSGS', 'ICMPv6 messages received'],
    [
      'InErrors',
      'ICMP6_MIB_INERRORS',
      'ICMPv6 messages received that could not be used: too short, or an error about a datagram whose socket is gone',
    ],
    ['OutMsgs', 'ICMP6_MIB_OUTMSGS', 'ICMPv6 messages sent'],
    ['OutErrors', 'ICMP6_MIB_OUTERRORS', 'ICMPv6 messages not sent because of an error'],
    ['InCsumErrors', 'ICMP6_MIB_CSUMERRORS', 'ICMPv6 messages with a bad checksum'],
    ['OutRateLimitHost', 'ICMP6_MIB_RATELIMITHOST', 'ICMPv6 errors not sent: the per-destination rate limit'],
    ['InDestUnreachs', 'ICMP6_MIB_INDESTUNREACHS', 'Destination Unreachable messages received'],
    ['InPktTooBigs', 'ICMP6_MIB_INPKTTOOBIGS', 'Packet Too Big messages received'],
    ['InTimeExcds', 'ICMP6_MIB_INTIMEEXCDS', 'Time Exceeded messages received'],
    ['InParmProblems', 'ICMP6_MIB_INPARMPROBLEMS', 'Parameter Problem messages received'],
    ['OutDestUnreachs', 'ICMP6_MIB_OUTDESTUNREACHS', 'Destination Unreachable messages sent'],
    ['OutPktTooBigs', 'ICMP6_MIB_OUTPKTTOOBIGS', 'Packet Too Big messages sent'],
    ['OutTimeExcds', 'ICMP6_MIB_OUTTIMEEXCDS', 'Time Exceeded messages sent'],
    ['OutParmProblems', 'ICMP6_MIB_OUTPARMPROBLEMS', 'Parameter Problem messages sent'],
  ],
  Udp6: UDP,
  UdpLite6: UDP,
  IpExt: [
    ['InNoRoutes', 'IPSTATS_MIB_INNOROUTES', 'packets without a route'],
    ['InTruncatedPkts', 'IPSTATS_MIB_INTRUNCATEDPKTS', 'packets shorter than their header says'],
    ['InMcastPkts', 'IPSTATS_MIB_INMCASTPKTS', 'multicast packets received'],
    ['OutMcastPkts', 'IPSTATS_MIB_OUTMCASTPKTS', 'multicast packets sent'],
    ['InBcastPkts', 'IPSTATS_MIB_INBCASTPKTS', 'broadcast packets received'],
    ['OutBcastPkts', 'IPSTATS_MIB_OUTBCASTPKTS', 'broadcast packets sent'],
    ...IP6_TAIL.filter(([c]) => c.endsWith('Octets') || c.endsWith('Pkts')).filter(
      ([c]) => !['InMcastPkts', 'OutMcastPkts'].includes(c),
    ),
    [
      'ReasmOverlaps',
      'IPSTATS_MIB_REASM_OVERLAPS',
      'IPv4 fragments that overlapped ones already queued (the whole queue is dropped)',
    ],
  ],
};

/** ICMP type names for the per-type counters (IcmpMsg InTypeN, Icmp6 InTypeN). */
export const ICMP_TYPE_NAMES: Record<4 | 6, Record<number, string>> = {
  4: {
    0: 'Echo Reply',
    3: 'Destination Unreachable',
    8: 'Echo Request',
    11: 'Time Exceeded',
    12: 'Parameter Problem',
  },
  6: {
    1: 'Destination Unreachable',
    2: 'Packet Too Big',
    3: 'Time Exceeded',
    4: 'Parameter Problem',
    128: 'Echo Request',
    129: 'Echo Reply',
  },
};

/** Sentence templates of the per-type counters; `{type}` and `{name}` are filled in. */
export const ICMP_TYPE_COUNTER_TEXT = {
  In: 'messages of type {type} ({name}) received',
  Out: 'messages of type {type} ({name}) sent',
} as const;

const INDEX = new Map<string, Map<string, number>>();
for (const [s, rows] of Object.entries(TABLE)) INDEX.set(s, new Map(rows.map(([c], i) => [c, i])));

/** The counter's place in its file (per-type ICMP counters after the fixed ones, by type). */
export function counterOrder(section: SnmpSection, counter: string): number {
  const i = INDEX.get(section)?.get(counter);
  if (i !== undefined) return i;
  const m = /^(In|Out)Type(\d+)$/.exec(counter);
  if (m) return 1000 + (m[1] === 'Out' ? 1000 : 0) + Number(m[2]);
  return 10_000;
}

/** What `nstat` calls a counter. */
export function nstatName(section: SnmpSection, counter: string): string {
  return `${section}${counter}`;
}

/** The table entry of a counter (per-type ICMP counters are built from their template). */
export function counterEntry(section: SnmpSection, counter: string): CounterEntry | null {
  const row = TABLE[section]?.find(([c]) => c === counter);
  if (row) return { mib: row[1], text: row[2] };
  const m = /^(In|Out)Type(\d+)$/.exec(counter);
  if (m && (section === 'IcmpMsg' || section === 'Icmp6')) {
    const fam = section === 'Icmp6' ? 6 : 4;
    const type = Number(m[2]);
    const dir = m[1] as 'In' | 'Out';
    return {
      mib: `${fam === 6 ? 'ICMP6MSG' : 'ICMPMSG'}_MIB_${dir.toUpperCase()}TYPE${type}`,
      text: `${fam === 6 ? 'ICMPv6' : 'ICMP'} ${ICMP_TYPE_COUNTER_TEXT[dir]
        .replace('{type}', String(type))
        .replace('{name}', ICMP_TYPE_NAMES[fam][type] ?? 'other')}`,
    };
  }
  return null;
}

/** Every counter the table knows, by section (for documentation and tests). */
export function knownCounters(section: SnmpSection): string[] {
  return (TABLE[section] ?? []).map(([c]) => c);
}
