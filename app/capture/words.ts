/** The capture page's and the capture actions' words (en.json / zh-CN.json). */
import { defineMessages } from '../../core/i18n/index.ts';

export const W = defineMessages({
  title: { id: 'app.capture.title', defaultMessage: 'Open a capture' },
  lede: {
    id: 'app.capture.lede',
    defaultMessage:
      'Open a pcap or pcapng file (from <code>tcpdump -w</code> or Wireshark) and see what the kernel does with it: IP fragments grouped into datagrams and replayed through the reassembly model, netlink messages decoded. The file never leaves your browser.',
  },
  choose: { id: 'app.capture.choose', defaultMessage: 'Choose a capture file' },
  dropHint: {
    id: 'app.capture.dropHint',
    defaultMessage: 'or drag a <code>.pcap</code> or <code>.pcapng</code> file onto the page',
  },
  dropHere: { id: 'app.capture.dropHere', defaultMessage: 'Let go to open the capture' },
  dropAnnounce: {
    id: 'app.capture.dropAnnounce',
    defaultMessage: 'A file is being dragged over the page: let go of it to open it as a capture.',
  },
  openCapture: { id: 'app.capture.openCapture', defaultMessage: 'Open capture' },
  exportPcapng: { id: 'app.capture.exportPcapng', defaultMessage: 'Export pcapng' },
  exported: {
    id: 'app.capture.exported',
    defaultMessage: 'Saved {name} ({packets, plural, one {# packet} other {# packets}}).',
  },
  exportNothing: {
    id: 'app.capture.exportNothing',
    defaultMessage: 'This lab shows no packets to export right now.',
  },
  exportFailed: { id: 'app.capture.exportFailed', defaultMessage: 'Could not write the capture: {why}' },
  reading: {
    id: 'app.capture.reading',
    defaultMessage:
      '{phase, select, analyse {Taking apart the packets of {name}: {done, number} of {total, number}} replay {Replaying the fragment groups of {name} through the reassembly model: {done, number} of {total, number}} other {Reading {name}: {done, number} of {total, number} bytes, {packets, plural, one {# packet} other {# packets}}}}',
  },
  progressLabel: {
    id: 'app.capture.progressLabel',
    defaultMessage:
      '{phase, select, analyse {Taking the capture apart} replay {Replaying the fragment groups} other {Reading the capture}}',
  },
  failedTitle: { id: 'app.capture.failedTitle', defaultMessage: '{name} could not be opened' },
  stillShowing: { id: 'app.capture.stillShowing', defaultMessage: 'Still showing {name}, opened before.' },
  fileHead: {
    id: 'app.capture.fileHead',
    defaultMessage:
      '{format}{endian, select, le {, little-endian} be {, big-endian} other {}}{nsec, select, yes {, nanosecond} other {}}: {packets, plural, one {# packet} other {# packets}}, {interfaces}',
  },
  unknownFormat: { id: 'app.capture.unknownFormat', defaultMessage: 'not a capture' },
  notACapture: {
    id: 'app.capture.notACapture',
    defaultMessage:
      'This is not a pcap or pcapng file: there are no packets to list. The finding below says why.',
  },
  partial: {
    id: 'app.capture.partial',
    defaultMessage:
      'Reading stopped at byte {bytes, number} of {size, number}: the packets before that point are listed below.',
  },
  findings: {
    id: 'app.capture.findings',
    defaultMessage: 'Findings ({count, plural, one {# finding} other {# findings}})',
  },
  groupsTitle: { id: 'app.capture.groupsTitle', defaultMessage: 'Fragment groups' },
  groupsNone: {
    id: 'app.capture.groupsNone',
    defaultMessage:
      'No IP fragments in this capture ({count, plural, one {# whole datagram} other {# whole datagrams}}).',
  },
  groupsLeftOut: {
    id: 'app.capture.groupsLeftOut',
    defaultMessage:
      '{count, plural, one {# more group is} other {# more groups are}} not listed (at most {limit, number}).',
  },
  groupHead: {
    id: 'app.capture.groupHead',
    defaultMessage:
      'Group {serial}: {src} → {dst}, id {id}{family, select, inet {, protocol {protocol}} other {}} — {count, plural, one {# fragment} other {# fragments}}',
    description: 'The kernel key of a fragment queue: source, destination, IP id, protocol (IPv4 only).',
  },
  groupCaption: {
    id: 'app.capture.groupCaption',
    defaultMessage:
      'The fragments of group {serial} in capture order, with the reassembly model’s verdict for each',
  },
  delivered: {
    id: 'app.capture.delivered',
    defaultMessage: 'The model reassembles the datagram and delivers {bytes, number} bytes.',
  },
  notDelivered: {
    id: 'app.capture.notDelivered',
    defaultMessage: 'The model delivers nothing from this group.',
  },
  notReplayed: { id: 'app.capture.notReplayed', defaultMessage: 'Not replayed (past the replay bound).' },
  cannotReplay: { id: 'app.capture.cannotReplay', defaultMessage: 'The model cannot replay it: {why}' },
  openReassembly: {
    id: 'app.capture.openReassembly',
    defaultMessage: 'Replay group {serial} in the Reassembly lab',
  },
  compare: {
    id: 'app.capture.compare',
    defaultMessage: 'Compare group {serial} with the Fragmentation model',
  },
  colPacket: { id: 'app.capture.col.packet', defaultMessage: 'Packet' },
  colTime: { id: 'app.capture.col.time', defaultMessage: 'Time (ms)' },
  colBytes: { id: 'app.capture.col.bytes', defaultMessage: 'Bytes' },
  colProto: { id: 'app.capture.col.proto', defaultMessage: 'Protocol' },
  colFromTo: { id: 'app.capture.col.fromTo', defaultMessage: 'Source → destination' },
  colInfo: { id: 'app.capture.col.info', defaultMessage: 'Details' },
  colRange: { id: 'app.capture.col.range', defaultMessage: 'Bytes of the datagram' },
  colMf: { id: 'app.capture.col.mf', defaultMessage: 'MF' },
  colVerdict: { id: 'app.capture.col.verdict', defaultMessage: 'Verdict' },
  colFunction: { id: 'app.capture.col.function', defaultMessage: 'Kernel function' },
  colFamily: { id: 'app.capture.col.family', defaultMessage: 'Family' },
  colMessages: { id: 'app.capture.col.messages', defaultMessage: 'Messages' },
  colOpen: { id: 'app.capture.col.open', defaultMessage: 'Open' },
  infoFrag: {
    id: 'app.capture.infoFrag',
    defaultMessage:
      'fragment [{from}, {to}){mf, select, yes { MF} other {}}, id {id}{group, select, none {} other {, group {group}}}',
  },
  infoUdp: { id: 'app.capture.infoUdp', defaultMessage: 'UDP {src} → {dst}, length {length}' },
  infoNetlink: {
    id: 'app.capture.infoNetlink',
    defaultMessage: '{count, plural, one {# message} other {# messages}}: {types}',
  },
  infoIssues: {
    id: 'app.capture.infoIssues',
    defaultMessage: '{count, plural, one {# finding} other {# findings}}',
  },
  mfYes: { id: 'app.capture.mfYes', defaultMessage: 'MF' },
  netlinkTitle: { id: 'app.capture.netlinkTitle', defaultMessage: 'Netlink frames' },
  netlinkCaption: {
    id: 'app.capture.netlinkCaption',
    defaultMessage: 'Netlink frames, each decoded by the Netlink lab’s walk of <code>NLMSG_NEXT</code>',
  },
  netlinkLeftOut: {
    id: 'app.capture.netlinkLeftOut',
    defaultMessage: '{count, plural, one {# more frame is} other {# more frames are}} not listed.',
  },
  openNetlink: { id: 'app.capture.openNetlink', defaultMessage: 'Open packet {packet} in the Netlink lab' },
  netlinkTooBig: { id: 'app.capture.netlinkTooBig', defaultMessage: 'over the lab’s 256 KiB' },
  packetsTitle: { id: 'app.capture.packetsTitle', defaultMessage: 'Packets' },
  packetsCaption: {
    id: 'app.capture.packetsCaption',
    defaultMessage: 'Packets {from, number}–{to, number} of {count, number}',
  },
  groupsCaption: {
    id: 'app.capture.groupsCaption',
    defaultMessage: 'Groups {from, number}–{to, number} of {count, number}',
  },
  prevGroups: { id: 'app.capture.prevGroups', defaultMessage: 'Previous groups' },
  nextGroups: { id: 'app.capture.nextGroups', defaultMessage: 'Next groups' },
  groupsNav: { id: 'app.capture.groupsNav', defaultMessage: 'Pages of the fragment groups' },
  prevPage: { id: 'app.capture.prevPage', defaultMessage: 'Previous packets' },
  nextPage: { id: 'app.capture.nextPage', defaultMessage: 'Next packets' },
  pageNav: { id: 'app.capture.pageNav', defaultMessage: 'Pages of the packet list' },
  compareTitle: {
    id: 'app.capture.compareTitle',
    defaultMessage: 'Group {serial} side by side with the model’s send',
  },
  compareInput: {
    id: 'app.capture.compareInput',
    defaultMessage:
      'The Fragmentation model sends {len, number} bytes over {family, select, inet6 {IPv6} other {IPv4}} {sock} at MTU {mtu, number}{opts, select, none {} other {, options {opts}}}.',
  },
  compareMtu: { id: 'app.capture.compareMtu', defaultMessage: 'MTU for the model' },
  compareAgain: { id: 'app.capture.compareAgain', defaultMessage: 'Compare at this MTU' },
  compareAgree: {
    id: 'app.capture.compareAgree',
    defaultMessage: 'The model agrees, packet for packet (IP ids and times are free).',
  },
  compareDisagree: {
    id: 'app.capture.compareDisagree',
    defaultMessage:
      '{count, plural, one {# wire packet differs} other {# wire packets differ}}: the differing fields are marked ≠.',
  },
  compareCaption: {
    id: 'app.capture.compareCaption',
    defaultMessage: 'Each wire packet: the captured value, then the model’s; ≠ marks a difference',
  },
  compareClose: { id: 'app.capture.compareClose', defaultMessage: 'Close the comparison' },
  compareOpen: { id: 'app.capture.compareOpen', defaultMessage: 'Open this send in the Fragmentation lab' },
  colWire: { id: 'app.capture.col.wire', defaultMessage: 'Wire packet' },
  colField: { id: 'app.capture.col.field', defaultMessage: 'Field' },
  colCaptured: { id: 'app.capture.col.captured', defaultMessage: 'Captured' },
  colModel: { id: 'app.capture.col.model', defaultMessage: 'Model' },
  missing: { id: 'app.capture.missing', defaultMessage: 'none' },
  differs: { id: 'app.capture.differs', defaultMessage: 'differs' },
  comparing: { id: 'app.capture.comparing', defaultMessage: 'Comparing…' },
  exercise: {
    id: 'app.capture.exercise',
    defaultMessage:
      'Exercise: capture your own <code>sendto()</code> with <code>tcpdump -i lo -w send.pcap</code>, open it here, and compare it with the model.',
  },
});
