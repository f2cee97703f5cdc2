/**
 * Every sentence core/pcap produces, in one table: a stable code plus values, rendered to
 * English here (and, later, from the ICU catalogs). Kernel and format identifiers (EPB,
 * if_tsresol, LINKTYPE_*) are never translated.
 */
export type PcapMessageCode =
  // the file and its blocks (reader.ts)
  | 'empty-file'
  | 'bad-magic'
  | 'bad-version'
  | 'truncated'
  | 'bad-block-length'
  | 'block-too-long'
  | 'length-mismatch'
  | 'bad-byte-order-magic'
  | 'caplen-over-block'
  | 'caplen-over-snaplen'
  | 'caplen-over-limit'
  | 'caplen-over-origlen'
  | 'no-interface'
  | 'bad-tsresol'
  | 'bad-option'
  | 'block-skipped'
  | 'limit-bytes'
  | 'limit-packets'
  | 'after-stop'
  | 'bad-chunk'
  | 'internal'
  | 'more-findings'
  // link and network layers (link.ts, dissect.ts)
  | 'link-unsupported'
  | 'link-short'
  | 'vlan-depth'
  | 'ethertype-other'
  | 'ip-short'
  | 'ip-version'
  | 'ip-bad-ihl'
  | 'ip-bad-total'
  | 'ip-captured-short'
  | 'ip-bad-checksum'
  | 'ip6-ext-short'
  | 'ip6-ext-depth'
  | 'udp-short'
  | 'netlink-diagnostics'
  // groups and replay (groups.ts, compare.ts)
  | 'group-too-many'
  | 'group-len-guessed'
  | 'group-time-back'
  | 'group-len-clamped'
  | 'group-captured-short'
  | 'compare-missing-captured'
  | 'compare-missing-model'
  | 'compare-model-failed'
  // writer and exports (writer.ts, export.ts)
  | 'export-too-big'
  | 'export-bad-input';

export type MessageValues = Record<string, string | number>;

const n = (v: string | number | undefined): string =>
  typeof v === 'number' ? v.toLocaleString('en-US') : String(v ?? '?');

const TEXT: Record<PcapMessageCode, (v: MessageValues) => string> = {
  'empty-file': () => 'The file is empty: no capture to read.',
  'bad-magic': (v) =>
    `Not a pcap or pcapng file: the first 4 bytes are ${v.hex}, not a pcap magic (a1b2c3d4, a1b23c4d) or the pcapng Section Header Block type (0a0d0d0a).`,
  'bad-version': (v) =>
    `${v.block} at byte ${n(v.offset)}: version ${v.major}.${v.minor} is not one this reader knows (${v.want}).`,
  truncated: (v) =>
    `${v.block} at byte ${n(v.offset)} is cut short: it needs ${n(v.need)} bytes, the file ends after ${n(v.have)}.`,
  'bad-block-length': (v) =>
    `${v.block} at byte ${n(v.offset)}: block total length ${n(v.length)} is not a multiple of 4 of at least ${n(v.min)}.`,
  'block-too-long': (v) =>
    `${v.block} at byte ${n(v.offset)}: block total length ${n(v.length)} exceeds the ${n(v.limit)}-byte limit for one block.`,
  'length-mismatch': (v) =>
    `${v.block} at byte ${n(v.offset)}: the trailing block total length ${n(v.trailing)} differs from the leading ${n(v.length)}.`,
  'bad-byte-order-magic': (v) =>
    `SHB at byte ${n(v.offset)}: byte-order magic ${v.hex} is neither 1a2b3c4d nor 4d3c2b1a.`,
  'caplen-over-block': (v) =>
    `${v.block} at byte ${n(v.offset)}: captured length ${n(v.caplen)} does not fit in the block (${n(v.room)} bytes of packet data).`,
  'caplen-over-snaplen': (v) =>
    `${v.block} at byte ${n(v.offset)}: captured length ${n(v.caplen)} exceeds the snapshot length ${n(v.snaplen)}; read anyway.`,
  'caplen-over-limit': (v) =>
    `${v.block} at byte ${n(v.offset)}: captured length ${n(v.caplen)} exceeds the ${n(v.limit)}-byte limit for one packet (libpcap's MAXIMUM_SNAPLEN).`,
  'caplen-over-origlen': (v) =>
    `${v.block} at byte ${n(v.offset)}: captured length ${n(v.caplen)} exceeds the original length ${n(v.origlen)}; read anyway.`,
  'no-interface': (v) =>
    `${v.block} at byte ${n(v.offset)} names interface ${n(v.interface)}, but this section declares ${n(v.count)} (IDB) — packet skipped.`,
  'bad-tsresol': (v) =>
    `IDB at byte ${n(v.offset)}: if_tsresol ${v.hex} is out of range; microseconds assumed.`,
  'bad-option': (v) =>
    `${v.block} at byte ${n(v.offset)}: option ${n(v.code)} at byte ${n(v.at)} runs past the block; options ignored from there.`,
  'block-skipped': (v) => `${v.block} at byte ${n(v.offset)} skipped (${n(v.count)} such block(s) in all).`,
  'limit-bytes': (v) =>
    `Stopped at byte ${n(v.offset)}: the file is larger than the ${n(v.limit)}-byte limit; what was read before stays usable.`,
  'limit-packets': (v) =>
    `Stopped at byte ${n(v.offset)}: more than ${n(v.limit)} packets; what was read before stays usable.`,
  'bad-chunk': (v) => `push() takes bytes (a Uint8Array or an ArrayBuffer), not ${v.what}; ignored.`,
  'after-stop': () => 'Reading had already stopped; further bytes are ignored.',
  'more-findings': (v) => `${n(v.count)} more "${v.what}" finding(s) not listed.`,
  internal: (v) => `Reader failure at byte ${n(v.offset)}: ${v.what}. What was read before stays usable.`,
  'link-unsupported': (v) => `Link type ${n(v.linktype)} (${v.name}) is not dissected.`,
  'link-short': (v) => `${v.name} header needs ${n(v.need)} bytes; the packet has ${n(v.have)}.`,
  'vlan-depth': (v) => `More than ${n(v.limit)} stacked 802.1Q/802.1ad tags; not dissected further.`,
  'ethertype-other': (v) => `EtherType 0x${v.hex} is not IPv4 or IPv6.`,
  'ip-short': (v) => `${v.name}: header needs ${n(v.need)} bytes; ${n(v.have)} were captured.`,
  'ip-version': (v) => `IP version ${n(v.version)} where ${v.want} was expected.`,
  'ip-bad-ihl': (v) => `IPv4 ihl ${n(v.ihl)} (${n(v.bytes)} bytes) is below 5 or past the captured bytes.`,
  'ip-bad-total': (v) => `${v.name} length ${n(v.total)} is shorter than its header (${n(v.header)} bytes).`,
  'ip-captured-short': (v) =>
    `Only ${n(v.have)} of the packet's ${n(v.total)} IP bytes were captured (snapshot length); facts from the header.`,
  'ip-bad-checksum': (v) => `IPv4 header checksum 0x${v.got} is wrong (should be 0x${v.want}).`,
  'ip6-ext-short': (v) =>
    `IPv6 extension header ${n(v.type)} at byte ${n(v.offset)} runs past the captured bytes.`,
  'ip6-ext-depth': (v) => `More than ${n(v.limit)} IPv6 extension headers; chain not walked further.`,
  'udp-short': (v) => `UDP header needs 8 bytes; ${n(v.have)} were captured.`,
  'netlink-diagnostics': (v) => `The netlink decoder reported ${n(v.count)} finding(s) in this frame.`,
  'group-too-many': (v) =>
    `Fragment group ${v.key} has ${n(v.count)} fragments; the first ${n(v.limit)} are replayed.`,
  'group-len-guessed': (v) =>
    `Fragment group ${v.key}: no UDP header captured, so the datagram length is taken from ${v.from} (${n(v.len)} bytes).`,
  'group-time-back': (v) =>
    `Fragment group ${v.key}: packet ${n(v.packet)} was captured before the one preceding it; its arrival time is held at ${v.at} ms.`,
  'group-len-clamped': (v) =>
    `Fragment group ${v.key}: datagram length ${n(v.len)} clamped to the model's ${n(v.limit)}.`,
  'group-captured-short': (v) =>
    `Fragment group ${v.key}: packet ${n(v.packet)} was not captured whole, so its bytes were not compared.`,
  'compare-missing-captured': (v) => `The model sends packet ${n(v.index)}; the capture has no packet there.`,
  'compare-missing-model': (v) => `The capture has packet ${n(v.index)}; the model sends no packet there.`,
  'compare-model-failed': (v) => `The model refuses this send: ${v.errno} from ${v.fn} — ${v.why}`,
  'export-too-big': (v) => `The export would hold ${n(v.count)} ${v.what}; the limit is ${n(v.limit)}.`,
  'export-bad-input': (v) => `Cannot export: ${v.why}`,
};

/** The English sentence for a message code and its values. */
export function pcapMessage(code: PcapMessageCode, values: MessageValues = {}): string {
  const f = TEXT[code];
  return f ? f(values) : code;
}
