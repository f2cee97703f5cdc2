/**
 * core/pcap — bring your own packets: read pcap / pcapng captures incrementally (in a Web
 * Worker or the CLI), dissect them into the model's terms (IPv4/IPv6 headers and fragment
 * headers, UDP, netlink through core/netlink), group IP fragments by the kernel's queue key
 * and replay them through core/ip's reassembly model, compare a captured send with ipSend's,
 * and write the labs' own cases as pcapng files Wireshark opens.
 */
export * from './types.ts';
export {
  pcapMessage,
  pcapMsg,
  PCAP_MESSAGE_CODES,
  type PcapMessageCode,
  type MessageValues,
} from './messages.ts';
export { createPcapReader, readPcap, blockName, DEFAULT_LIMITS, type PcapReader } from './reader.ts';
export {
  linkLayer,
  linkTypeName,
  LINKTYPE,
  LINKTYPE_NAMES,
  ARPHRD_NETLINK,
  type LinkLayer,
  type NetProto,
} from './link.ts';
export {
  dissectPacket,
  ipv4String,
  ipv6String,
  optionsHex,
  IPPROTO_UDP,
  type PacketView,
  type IpView,
  type Ipv4View,
  type Ipv6View,
  type Ipv6Ext,
  type Ipv6Frag,
  type UdpView,
  type NetlinkView,
  type NetlinkMessageSummary,
  type FragFacts,
} from './dissect.ts';
export {
  fragmentGroups,
  groupInput,
  replayGroup,
  msBetween,
  GROUP_LIMITS,
  type FragmentGroup,
  type GroupReplay,
} from './groups.ts';
export {
  compareSend,
  sendInputFor,
  capturedWireFacts,
  optionsWithoutTime,
  unfilledOptions,
  type CompareRow,
  type ComparedField,
  type SendComparison,
} from './compare.ts';
export {
  analyzeCapture,
  DEFAULT_MAX_REPLAYS,
  type CaptureAnalysis,
  type AnalyzeOptions,
  type AnalyzeStage,
} from './analyze.ts';
export {
  writePcapng,
  udpDatagram,
  ipv4Header,
  ipv6Header,
  frame,
  netlinkFrame,
  payloadByte,
  timeAfter,
  type PcapngSpec,
  type WriterInterface,
  type WriterPacket,
  type ExportLink,
} from './writer.ts';
export {
  exportSend,
  exportReassembly,
  exportNetlink,
  EXPORT_EPOCH,
  EXPORT_MAX_PACKETS,
  EXPORT_MAX_BYTES,
  type ExportOptions,
  type ExportResult,
  type NetlinkExportFrame,
} from './export.ts';
export { NETLINK_FAMILY_NUMBERS, netlinkFamilyOf } from './netlink-family.ts';
export { fuzzPcap, type FuzzCounts } from './fuzz.ts';
