/**
 * Every sentence core/pcap produces, in one table: a stable code plus values. The code names a
 * message (`pcap.*`, declared here, rendered in English or Chinese from core/i18n's catalogs).
 * Format identifiers (SHB, IDB, if_tsresol, MAXIMUM_SNAPLEN) are code and never translated.
 */
import { defineMessages, formatMsg, msg, type Locale, type Msg, type MsgValue } from '../i18n/index.ts';

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

export type MessageValues = Record<string, MsgValue>;

const M = defineMessages({
  emptyFile: { id: 'pcap.emptyFile', defaultMessage: 'The file is empty: no capture to read.' },
  badMagic: {
    id: 'pcap.badMagic',
    defaultMessage:
      'Not a pcap or pcapng file: the first 4 bytes are {hex}, not a pcap magic (a1b2c3d4, a1b23c4d) or the pcapng Section Header Block type (0a0d0d0a).',
  },
  badVersion: {
    id: 'pcap.badVersion',
    defaultMessage:
      '{block} at byte {offset, number}: version {major}.{minor} is not one this reader knows ({want}).',
  },
  truncated: {
    id: 'pcap.truncated',
    defaultMessage:
      '{block} at byte {offset, number} is cut short: it needs {need, number} bytes, the file ends after {have, number}.',
  },
  badBlockLength: {
    id: 'pcap.badBlockLength',
    defaultMessage:
      '{block} at byte {offset, number}: block total length {length, number} is not a multiple of 4 of at least {min, number}.',
  },
  blockTooLong: {
    id: 'pcap.blockTooLong',
    defaultMessage:
      '{block} at byte {offset, number}: block total length {length, number} exceeds the {limit, number}-byte limit for one block.',
  },
  lengthMismatch: {
    id: 'pcap.lengthMismatch',
    defaultMessage:
      '{block} at byte {offset, number}: the trailing block total length {trailing, number} differs from the leading {length, number}.',
  },
  badByteOrderMagic: {
    id: 'pcap.badByteOrderMagic',
    defaultMessage:
      '<code>SHB</code> at byte {offset, number}: byte-order magic {hex} is neither 1a2b3c4d nor 4d3c2b1a.',
  },
  caplenOverBlock: {
    id: 'pcap.caplenOverBlock',
    defaultMessage:
      '{block} at byte {offset, number}: captured length {caplen, number} does not fit in the block ({room, number} bytes of packet data).',
  },
  caplenOverSnaplen: {
    id: 'pcap.caplenOverSnaplen',
    defaultMessage:
      '{block} at byte {offset, number}: captured length {caplen, number} exceeds the snapshot length {snaplen, number}; read anyway.',
  },
  caplenOverLimit: {
    id: 'pcap.caplenOverLimit',
    defaultMessage:
      "{block} at byte {offset, number}: captured length {caplen, number} exceeds the {limit, number}-byte limit for one packet (libpcap's <code>MAXIMUM_SNAPLEN</code>).",
  },
  caplenOverOriglen: {
    id: 'pcap.caplenOverOriglen',
    defaultMessage:
      '{block} at byte {offset, number}: captured length {caplen, number} exceeds the original length {origlen, number}; read anyway.',
  },
  noInterface: {
    id: 'pcap.noInterface',
    defaultMessage:
      '{block} at byte {offset, number} names interface {interface, number}, but this section declares {count, number} (<code>IDB</code>) — packet skipped.',
  },
  badTsresol: {
    id: 'pcap.badTsresol',
    defaultMessage:
      '<code>IDB</code> at byte {offset, number}: <code>if_tsresol</code> {hex} is out of range; microseconds assumed.',
  },
  badOption: {
    id: 'pcap.badOption',
    defaultMessage:
      '{block} at byte {offset, number}: option {option, number} at byte {at, number} runs past the block; options ignored from there.',
  },
  blockSkipped: {
    id: 'pcap.blockSkipped',
    defaultMessage:
      '{block} at byte {offset, number} skipped ({count, plural, one {# such block} other {# such blocks}} in all).',
  },
  limitBytes: {
    id: 'pcap.limitBytes',
    defaultMessage:
      'Stopped at byte {offset, number}: the file is larger than the {limit, number}-byte limit; what was read before stays usable.',
  },
  limitPackets: {
    id: 'pcap.limitPackets',
    defaultMessage:
      'Stopped at byte {offset, number}: more than {limit, number} packets; what was read before stays usable.',
  },
  afterStop: {
    id: 'pcap.afterStop',
    defaultMessage: 'Reading had already stopped; further bytes are ignored.',
  },
  badChunk: {
    id: 'pcap.badChunk',
    defaultMessage:
      '<code>push()</code> takes bytes (a <code>Uint8Array</code> or an <code>ArrayBuffer</code>), not {what}; ignored.',
  },
  internal: {
    id: 'pcap.internal',
    defaultMessage: 'Reader failure at byte {offset, number}: {what}. What was read before stays usable.',
  },
  moreFindings: {
    id: 'pcap.moreFindings',
    defaultMessage:
      '{count, plural, one {# more "{what}" finding} other {# more "{what}" findings}} not listed.',
  },
  linkUnsupported: {
    id: 'pcap.linkUnsupported',
    defaultMessage: 'Link type {linktype, number} (<code>{name}</code>) is not dissected.',
  },
  linkShort: {
    id: 'pcap.linkShort',
    defaultMessage: '{name} header needs {need, number} bytes; the packet has {have, number}.',
  },
  vlanDepth: {
    id: 'pcap.vlanDepth',
    defaultMessage: 'More than {limit, number} stacked 802.1Q/802.1ad tags; not dissected further.',
  },
  ethertypeOther: { id: 'pcap.ethertypeOther', defaultMessage: 'EtherType 0x{hex} is not IPv4 or IPv6.' },
  ipShort: {
    id: 'pcap.ipShort',
    defaultMessage: '{name}: header needs {need, number} bytes; {have, number} were captured.',
  },
  ipVersion: {
    id: 'pcap.ipVersion',
    defaultMessage: 'IP version {version, number} where {want} was expected.',
  },
  ipBadIhl: {
    id: 'pcap.ipBadIhl',
    defaultMessage:
      'IPv4 <code>ihl</code> {ihl, number} ({bytes, number} bytes) is below 5 or past the captured bytes.',
  },
  ipBadTotal: {
    id: 'pcap.ipBadTotal',
    defaultMessage: '{name} length {total, number} is shorter than its header ({header, number} bytes).',
  },
  ipCapturedShort: {
    id: 'pcap.ipCapturedShort',
    defaultMessage:
      "Only {have, number} of the packet's {total, number} IP bytes were captured (snapshot length); facts from the header.",
  },
  ipBadChecksum: {
    id: 'pcap.ipBadChecksum',
    defaultMessage: 'IPv4 header checksum 0x{got} is wrong (should be 0x{want}).',
  },
  ip6ExtShort: {
    id: 'pcap.ip6ExtShort',
    defaultMessage:
      'IPv6 extension header {type, number} at byte {offset, number} runs past the captured bytes.',
  },
  ip6ExtDepth: {
    id: 'pcap.ip6ExtDepth',
    defaultMessage: 'More than {limit, number} IPv6 extension headers; chain not walked further.',
  },
  udpShort: {
    id: 'pcap.udpShort',
    defaultMessage: 'UDP header needs 8 bytes; {have, number} were captured.',
  },
  netlinkDiagnostics: {
    id: 'pcap.netlinkDiagnostics',
    defaultMessage:
      'The netlink decoder reported {count, plural, one {# finding} other {# findings}} in this frame.',
  },
  groupTooMany: {
    id: 'pcap.groupTooMany',
    defaultMessage:
      'Fragment group {key} has {count, number} fragments; the first {limit, number} are replayed.',
  },
  groupLenGuessed: {
    id: 'pcap.groupLenGuessed',
    defaultMessage:
      'Fragment group {key}: no UDP header captured, so the datagram length is taken from {from, select, last {the last fragment} other {the largest fragment end}} ({len, number} bytes).',
  },
  groupTimeBack: {
    id: 'pcap.groupTimeBack',
    defaultMessage:
      'Fragment group {key}: packet {packet, number} was captured before the one preceding it; its arrival time is held at {at} ms.',
  },
  groupLenClamped: {
    id: 'pcap.groupLenClamped',
    defaultMessage:
      "Fragment group {key}: datagram length {len, number} clamped to the model's {limit, number}.",
  },
  groupCapturedShort: {
    id: 'pcap.groupCapturedShort',
    defaultMessage:
      'Fragment group {key}: packet {packet, number} was not captured whole, so its bytes were not compared.',
  },
  compareMissingCaptured: {
    id: 'pcap.compareMissingCaptured',
    defaultMessage: 'The model sends packet {index, number}; the capture has no packet there.',
  },
  compareMissingModel: {
    id: 'pcap.compareMissingModel',
    defaultMessage: 'The capture has packet {index, number}; the model sends no packet there.',
  },
  compareModelFailed: {
    id: 'pcap.compareModelFailed',
    defaultMessage: 'The model refuses this send: <code>{errno}</code> from <code>{fn}</code> — {why}',
  },
  exportTooBig: {
    id: 'pcap.exportTooBig',
    defaultMessage:
      'The export would hold {count, number} {what, select, packets {packets} frames {frames} bytes {bytes} other {{what}}}; the limit is {limit, number}.',
  },
  exportBadInput: { id: 'pcap.exportBadInput', defaultMessage: 'Cannot export: {why}' },
});

/** The message of each code. */
const MESSAGES: Record<PcapMessageCode, { id: string }> = {
  'empty-file': M.emptyFile,
  'bad-magic': M.badMagic,
  'bad-version': M.badVersion,
  truncated: M.truncated,
  'bad-block-length': M.badBlockLength,
  'block-too-long': M.blockTooLong,
  'length-mismatch': M.lengthMismatch,
  'bad-byte-order-magic': M.badByteOrderMagic,
  'caplen-over-block': M.caplenOverBlock,
  'caplen-over-snaplen': M.caplenOverSnaplen,
  'caplen-over-limit': M.caplenOverLimit,
  'caplen-over-origlen': M.caplenOverOriglen,
  'no-interface': M.noInterface,
  'bad-tsresol': M.badTsresol,
  'bad-option': M.badOption,
  'block-skipped': M.blockSkipped,
  'limit-bytes': M.limitBytes,
  'limit-packets': M.limitPackets,
  'after-stop': M.afterStop,
  'bad-chunk': M.badChunk,
  internal: M.internal,
  'more-findings': M.moreFindings,
  'link-unsupported': M.linkUnsupported,
  'link-short': M.linkShort,
  'vlan-depth': M.vlanDepth,
  'ethertype-other': M.ethertypeOther,
  'ip-short': M.ipShort,
  'ip-version': M.ipVersion,
  'ip-bad-ihl': M.ipBadIhl,
  'ip-bad-total': M.ipBadTotal,
  'ip-captured-short': M.ipCapturedShort,
  'ip-bad-checksum': M.ipBadChecksum,
  'ip6-ext-short': M.ip6ExtShort,
  'ip6-ext-depth': M.ip6ExtDepth,
  'udp-short': M.udpShort,
  'netlink-diagnostics': M.netlinkDiagnostics,
  'group-too-many': M.groupTooMany,
  'group-len-guessed': M.groupLenGuessed,
  'group-time-back': M.groupTimeBack,
  'group-len-clamped': M.groupLenClamped,
  'group-captured-short': M.groupCapturedShort,
  'compare-missing-captured': M.compareMissingCaptured,
  'compare-missing-model': M.compareMissingModel,
  'compare-model-failed': M.compareModelFailed,
  'export-too-big': M.exportTooBig,
  'export-bad-input': M.exportBadInput,
};

/** The message for a code and its values (numbers are grouped as the reader's language does). */
export function pcapMsg(code: PcapMessageCode, values: MessageValues = {}): Msg {
  const d = Object.hasOwn(MESSAGES, code) ? MESSAGES[code] : undefined;
  return d ? msg(d, values) : { id: String(code) };
}

/** The sentence for a code and its values, in `locale` (English by default: the `message` fields). */
export function pcapMessage(
  code: PcapMessageCode,
  values: MessageValues = {},
  locale: Locale = 'en',
): string {
  return formatMsg(pcapMsg(code, values), locale);
}

/** Every code with a message. */
export const PCAP_MESSAGE_CODES = Object.keys(MESSAGES) as PcapMessageCode[];
