/**
 * The Journey lab's words, in the message catalogs (ids `lab.journey.*`; the kit's shared words
 * are in lab-kit/words.ts). Kernel identifiers sit in `<code>` and are never translated.
 */
import { defineMessages } from '../../../core/i18n/index.ts';

export const W = defineMessages({
  eyebrow: {
    id: 'lab.journey.intro.eyebrow',
    defaultMessage: 'Lab · the output and input paths, animated',
    description: 'Small line above the lab title.',
  },
  lede: {
    id: 'lab.journey.intro.lede',
    defaultMessage:
      'Follow <code>sendto()</code> down the sender’s stack — UDP header, IP header, fragments, Ethernet header — across the wire and up the receiver’s, through the defragmentation queue and the socket’s receive queue to <code>recvfrom()</code>. Every stop is a step of the kernel model.',
    description: 'The lab’s introduction.',
  },
  scenario: {
    id: 'lab.journey.inputs.scenario',
    defaultMessage: 'Scenario',
    description: 'Name of the inputs form.',
  },
  sender: {
    id: 'lab.journey.inputs.sender',
    defaultMessage: 'Sender',
    description: 'Group heading of inputs.',
  },
  wire: {
    id: 'lab.journey.inputs.wire',
    defaultMessage: 'Wire',
    description: 'Group heading of inputs (the link).',
  },
  receiver: {
    id: 'lab.journey.inputs.receiver',
    defaultMessage: 'Receiver',
    description: 'Group heading of inputs.',
  },
  fieldNamed: {
    id: 'lab.journey.inputs.fieldNamed',
    defaultMessage: '{field}:',
    description: 'The banner names a field by its label: {field} is the label as the form shows it.',
  },
  len: {
    id: 'lab.journey.inputs.len',
    defaultMessage: 'Payload length (bytes)',
    description: 'Input label.',
  },
  lenHint: {
    id: 'lab.journey.inputs.len.hint',
    defaultMessage: 'Largest over IPv4: {max, number}',
    description: 'Hint under the payload length.',
  },
  mtu: { id: 'lab.journey.inputs.mtu', defaultMessage: 'MTU (bytes)', description: 'Input label.' },
  family: {
    id: 'lab.journey.inputs.family',
    defaultMessage: 'Family',
    description: 'Input label: address family.',
  },
  inet: { id: 'lab.journey.inputs.family.inet', defaultMessage: 'IPv4 (AF_INET)', description: 'Option.' },
  inet6: { id: 'lab.journey.inputs.family.inet6', defaultMessage: 'IPv6 (AF_INET6)', description: 'Option.' },
  n: {
    id: 'lab.journey.inputs.n',
    defaultMessage: 'Datagrams (<code>sendto</code> calls)',
    description: 'Input label: how many datagrams are sent.',
  },
  fault: {
    id: 'lab.journey.inputs.fault',
    defaultMessage: 'Fault',
    description: 'Input label: what goes wrong on the wire.',
  },
  faultNone: { id: 'lab.journey.inputs.fault.none', defaultMessage: 'none', description: 'Fault option.' },
  faultLose: {
    id: 'lab.journey.inputs.fault.lose',
    defaultMessage: 'lose a fragment',
    description: 'Fault option.',
  },
  faultReorder: {
    id: 'lab.journey.inputs.fault.reorder',
    defaultMessage: 'reorder a fragment (arrives last)',
    description: 'Fault option.',
  },
  frag: {
    id: 'lab.journey.inputs.frag',
    defaultMessage: 'Fragment #',
    description: 'Input label: which fragment.',
  },
  dg: {
    id: 'lab.journey.inputs.dg',
    defaultMessage: 'Of datagram #',
    description: 'Input label: of which datagram.',
  },
  rcvbuf: {
    id: 'lab.journey.inputs.rcvbuf',
    defaultMessage: '<code>sk_rcvbuf</code> (bytes)',
    description: 'Input label.',
  },
  rcvbufHint: {
    id: 'lab.journey.inputs.rcvbuf.hint',
    defaultMessage:
      'Default <code>net.core.rmem_default</code> = {def, number}; <code>SO_RCVBUF</code> doubles what you pass.',
    description: 'Hint under sk_rcvbuf.',
  },
  read: {
    id: 'lab.journey.inputs.read',
    defaultMessage: 'The application reads',
    description: 'Input label.',
  },
  readEach: {
    id: 'lab.journey.inputs.read.each',
    defaultMessage: 'each datagram at once',
    description: 'Option.',
  },
  readSlow: {
    id: 'lab.journey.inputs.read.slow',
    defaultMessage: 'slowly (one per two datagrams)',
    description: 'Option.',
  },
  readEnd: {
    id: 'lab.journey.inputs.read.end',
    defaultMessage: 'only after all were sent',
    description: 'Option.',
  },
  buf: {
    id: 'lab.journey.inputs.buf',
    defaultMessage: '<code>recvfrom</code> buffer (bytes)',
    description: 'Input label: the size of the buffer passed to recvfrom.',
  },
  // the issues of the form
  needRange: {
    id: 'lab.journey.issue.range',
    defaultMessage: '{what} must be a whole number from {lo, number} to {hi, number}.',
    description: 'An input out of range; {what} is the input’s name (lab.journey.issue.what.*).',
  },
  whatLen: {
    id: 'lab.journey.issue.what.len',
    defaultMessage: 'Payload length',
    description: 'Name in an issue.',
  },
  whatMtu: { id: 'lab.journey.issue.what.mtu', defaultMessage: 'MTU', description: 'Name in an issue.' },
  whatN: { id: 'lab.journey.issue.what.n', defaultMessage: 'Datagrams', description: 'Name in an issue.' },
  whatRcvbuf: {
    id: 'lab.journey.issue.what.rcvbuf',
    defaultMessage: '<code>sk_rcvbuf</code>',
    description: 'Name.',
  },
  whatBuf: {
    id: 'lab.journey.issue.what.buf',
    defaultMessage: '<code>recvfrom</code> buffer',
    description: 'Name in an issue.',
  },
  whatFrag: {
    id: 'lab.journey.issue.what.frag',
    defaultMessage: 'Fragment',
    description: 'Name in an issue.',
  },
  whatDg: { id: 'lab.journey.issue.what.dg', defaultMessage: 'Datagram', description: 'Name in an issue.' },
  badFamily: {
    id: 'lab.journey.issue.family',
    defaultMessage: 'Family is <code>inet</code> (IPv4) or <code>inet6</code> (IPv6).',
    description: 'Bad family= value.',
  },
  badRead: {
    id: 'lab.journey.issue.read',
    defaultMessage: 'Read mode is <code>each</code>, <code>slow</code> or <code>end</code>.',
    description: 'Bad read= value.',
  },
  badFault: {
    id: 'lab.journey.issue.fault',
    defaultMessage: 'Fault is <code>none</code>, <code>lose</code> or <code>reorder</code>.',
    description: 'Bad fault= value.',
  },
  // the stage
  journey: {
    id: 'lab.journey.stage.title',
    defaultMessage: 'The journey',
    description: 'Panel title of the animation.',
  },
  playback: { id: 'lab.journey.play.label', defaultMessage: 'Playback', description: 'Toolbar name.' },
  first: { id: 'lab.journey.play.first', defaultMessage: 'First step', description: 'Button name.' },
  firstTitle: {
    id: 'lab.journey.play.first.title',
    defaultMessage: 'First step (Home)',
    description: 'Tooltip.',
  },
  back: { id: 'lab.journey.play.back', defaultMessage: 'Step back', description: 'Button name.' },
  backTitle: { id: 'lab.journey.play.back.title', defaultMessage: 'Step back (←)', description: 'Tooltip.' },
  play: { id: 'lab.journey.play.play', defaultMessage: 'Play', description: 'Button name.' },
  pause: { id: 'lab.journey.play.pause', defaultMessage: 'Pause', description: 'Button name.' },
  playTitle: {
    id: 'lab.journey.play.title',
    defaultMessage: 'Play / pause (space)',
    description: 'Tooltip.',
  },
  forward: { id: 'lab.journey.play.forward', defaultMessage: 'Step forward', description: 'Button name.' },
  forwardTitle: {
    id: 'lab.journey.play.forward.title',
    defaultMessage: 'Step forward (→)',
    description: 'Tooltip.',
  },
  last: { id: 'lab.journey.play.last', defaultMessage: 'Last step', description: 'Button name.' },
  lastTitle: {
    id: 'lab.journey.play.last.title',
    defaultMessage: 'Last step (End)',
    description: 'Tooltip.',
  },
  speed: { id: 'lab.journey.play.speed', defaultMessage: 'Speed', description: 'Label of the speed select.' },
  timeline: {
    id: 'lab.journey.play.timeline',
    defaultMessage: 'Timeline',
    description: 'Name of the scrubber.',
  },
  reduced: {
    id: 'lab.journey.play.reduced',
    defaultMessage: 'Reduced motion: playback jumps from step to step.',
    description: 'Note under the animation with prefers-reduced-motion.',
  },
  // where a stop is
  placeWire: { id: 'lab.journey.place.wire', defaultMessage: 'wire', description: 'Where a packet is.' },
  place: {
    id: 'lab.journey.place',
    defaultMessage:
      '{side, select, tx {sender} other {receiver}} · {layer, select, app {application} socket {socket} l4 {L4 UDP} l3 {L3 IP} l2 {L2} other {wire}}',
    description: 'Where a stop or a packet is: the host, then the layer.',
  },
  placeOf: {
    id: 'lab.journey.place.datagram',
    defaultMessage: 'd{d, number} · {place}',
    description: 'A stop of one datagram of several (d1, d2…) and where it is.',
  },
  // the steps and the results
  steps: { id: 'lab.journey.steps.title', defaultMessage: 'Kernel steps', description: 'Panel title.' },
  stepsList: {
    id: 'lab.journey.steps.list',
    defaultMessage: 'Journey steps',
    description: 'Name of the step list.',
  },
  got: { id: 'lab.journey.out.title', defaultMessage: 'What the receiver got', description: 'Panel title.' },
  datagrams: { id: 'lab.journey.out.datagrams', defaultMessage: 'Datagrams', description: 'Table name.' },
  datagramsScroll: {
    id: 'lab.journey.out.datagrams.scroll',
    defaultMessage: 'Datagrams, scrollable',
    description: 'Name of the box the table scrolls in.',
  },
  colSendto: {
    id: 'lab.journey.out.col.sendto',
    defaultMessage: '<code>sendto</code>',
    description: 'Column.',
  },
  colFate: {
    id: 'lab.journey.out.col.fate',
    defaultMessage: 'fate',
    description: 'Column: what became of it.',
  },
  colRecvfrom: {
    id: 'lab.journey.out.col.recvfrom',
    defaultMessage: '<code>recvfrom</code>',
    description: 'Column.',
  },
  colTruesize: {
    id: 'lab.journey.out.col.truesize',
    defaultMessage: '<code>truesize</code>',
    description: 'Column.',
  },
  fate: {
    id: 'lab.journey.out.fate',
    defaultMessage:
      '{fate, select, delivered {delivered whole} truncated {delivered, truncated (<code>MSG_TRUNC</code>)} dropped_rcvbuf {dropped: receive queue full} lost {lost on the wire} expired {never reassembled (<code>ip_expire</code>)} send_failed {<code>sendto()</code> failed} other {{fate}}}',
    description: 'What became of a datagram.',
  },
  received: {
    id: 'lab.journey.out.received',
    defaultMessage: '{returned, number} of {len, number}, <code>MSG_TRUNC</code>',
    description: 'recvfrom returned fewer bytes than the datagram had.',
  },
  counters: {
    id: 'lab.journey.out.counters',
    defaultMessage: 'Receiver counters',
    description: 'Table name.',
  },
  countersScroll: {
    id: 'lab.journey.out.counters.scroll',
    defaultMessage: 'Receiver counters, scrollable',
    description: 'Name of the box the table scrolls in.',
  },
  sockDrops: {
    id: 'lab.journey.out.sockDrops',
    defaultMessage: 'socket drops (<code>sk_drops</code>)',
    description: 'Row: the socket’s drop counter.',
  },
  packetsAt: {
    id: 'lab.journey.out.packetsAt',
    defaultMessage: 'Packets at step {step, number}',
    description: 'Heading of the table of packets at the selected step.',
  },
  packetsTable: {
    id: 'lab.journey.out.packets',
    defaultMessage: 'Packets at this step',
    description: 'Table name.',
  },
  packetsScroll: {
    id: 'lab.journey.out.packets.scroll',
    defaultMessage: 'Packets at this step, scrollable',
    description: 'Name of the box the table scrolls in.',
  },
  colPacket: { id: 'lab.journey.out.col.packet', defaultMessage: 'packet', description: 'Column.' },
  colWhere: { id: 'lab.journey.out.col.where', defaultMessage: 'where', description: 'Column.' },
  colState: { id: 'lab.journey.out.col.state', defaultMessage: 'state', description: 'Column.' },
  colBytes: {
    id: 'lab.journey.out.col.bytes',
    defaultMessage: 'bytes (headers + payload)',
    description: 'Column: the bytes of each part.',
  },
  state: {
    id: 'lab.journey.out.state',
    defaultMessage:
      '{status, select, moving {moving} waiting {waiting} queued {queued} delivered {delivered} dropped {dropped} lost {lost} other {{status}}}',
    description: 'The state of a packet at a step.',
  },
  lblUserBuffer: {
    id: 'lab.journey.out.label.userBuffer',
    defaultMessage: 'user buffer',
    description: 'A packet label: the payload still in the sending application’s buffer.',
  },
  lblFrag: {
    id: 'lab.journey.out.label.frag',
    defaultMessage: 'frag {n}',
    description: 'A fragment the sender made.',
  },
  lblRxFrag: {
    id: 'lab.journey.out.label.rxFrag',
    defaultMessage: 'received frag {n}',
    description: 'A fragment as the receiver has it.',
  },
  lblDatagram: {
    id: 'lab.journey.out.label.datagram',
    defaultMessage: '{v6, select, yes {IPv6} other {IP}} datagram',
    description: 'The whole datagram before it is cut.',
  },
  lblReassembled: {
    id: 'lab.journey.out.label.reassembled',
    defaultMessage: 'reassembled',
    description: 'The datagram put back together by the receiver.',
  },
  lblDatagramN: { id: 'lab.journey.out.label.datagramN', defaultMessage: 'datagram {n}' },
  lblFragments: {
    id: 'lab.journey.out.label.fragments',
    defaultMessage: '{n, plural, one {# fragment} other {# fragments}}',
  },
  packetName: {
    id: 'lab.journey.out.packetName',
    defaultMessage: 'd{d, number} {label}',
    description: 'A packet: its datagram (d1, d2…) and what it is.',
  },
  more: {
    id: 'lab.journey.out.more',
    defaultMessage: '… and {n, number} more packets.',
    description: 'After the first 60 packets.',
  },
  // the diagram (SVG text: kernel names stay as they are)
  col: {
    id: 'lab.journey.diagram.col',
    defaultMessage: '{side, select, tx {Sender} other {Receiver}} · {addr}',
    description: 'Column heading of the diagram: the host and its address.',
  },
  layer: {
    id: 'lab.journey.diagram.layer',
    defaultMessage:
      '{layer, select, app {Application} socket {Socket} l4 {L4 · UDP} l3 {L3 · IP} l2 {L2 · Ethernet (lo)} other {Wire}}',
    description: 'A layer of the stack in the diagram.',
  },
  part: {
    id: 'lab.journey.diagram.part',
    defaultMessage:
      '{kind, select, eth {Ethernet} ip {IP} ipopt {IP options} ip6 {IPv6} frag6 {Frag} udp {UDP} other {payload}} {bytes, number}',
    description: 'Inside a packet of the diagram: one part (a header or the payload) and its size in bytes.',
  },
  partShort: {
    id: 'lab.journey.diagram.partShort',
    defaultMessage: '{bytes, number}',
    description: 'A packet part’s size when its name does not fit (the colour key names it).',
  },
  tagFrag: {
    id: 'lab.journey.diagram.tagFrag',
    defaultMessage: 'fragment {n, number} · offset {offset, number}',
    description: 'Beside a fragment: its number and its offset in the datagram, in bytes.',
  },
  tagFragShort: {
    id: 'lab.journey.diagram.tagFragShort',
    defaultMessage: '#{n, number} @{offset, number}',
    description: 'Short form of tagFrag: fragment number and offset.',
  },
  tagLost: {
    id: 'lab.journey.diagram.tagLost',
    defaultMessage: '{long, select, yes {✕ lost on the wire} other {✕ lost}}',
    description: 'Beside a fragment lost on the wire.',
  },
  tagDropped: {
    id: 'lab.journey.diagram.tagDropped',
    defaultMessage: '✕ dropped',
    description: 'Beside a packet the kernel threw away.',
  },
  tagDeck: {
    id: 'lab.journey.diagram.tagDeck',
    defaultMessage: '{n, plural, one {# packet} other {# packets}}',
    description: 'On the top card of a pile of packets: how many there are.',
  },
  tagGroup: {
    id: 'lab.journey.diagram.tagGroup',
    defaultMessage: '×{n, number}',
    description: 'A mark that stands for n packets.',
  },
  tagRead: {
    id: 'lab.journey.diagram.tagRead',
    defaultMessage: '<code>recvfrom</code> → {n, number}',
    description: 'Beside the data the program has read: what recvfrom returned.',
  },
  tagQueued: {
    id: 'lab.journey.diagram.tagQueued',
    defaultMessage: 'datagram {n, number}',
    description: 'Beside a datagram waiting in the receive queue.',
  },
  skb: {
    id: 'lab.journey.diagram.skb',
    defaultMessage: '<code>len</code> {len, number} · headroom {headroom, number}',
    description: 'In a layer box: the sk_buff there, its len and headroom (bytes).',
  },
  skbShort: {
    id: 'lab.journey.diagram.skbShort',
    defaultMessage: '<code>len</code> {len, number}',
    description: 'Short form of skb.',
  },
  skbs: {
    id: 'lab.journey.diagram.skbs',
    defaultMessage: '{n, number} <code>skb</code>s · headroom {headroom, number}',
    description: 'In a layer box: n sk_buffs there, and the headroom of the first.',
  },
  skbsShort: {
    id: 'lab.journey.diagram.skbsShort',
    defaultMessage: '{n, number} <code>skb</code>s',
    description: 'Short form of skbs.',
  },
  userMemory: {
    id: 'lab.journey.diagram.userMemory',
    defaultMessage: 'in the program’s memory',
    description: 'In the Application box: the data is in the program’s own buffer, not in an sk_buff.',
  },
  rmem: {
    id: 'lab.journey.diagram.rmem',
    defaultMessage: '<code>sk_rmem_alloc</code> {rmem, number} / {rcvbuf, number}',
    description: 'The receiver’s socket box: memory charged to the receive queue, out of sk_rcvbuf.',
  },
  rmemShort: {
    id: 'lab.journey.diagram.rmemShort',
    defaultMessage: '{rmem, number} / {rcvbuf, number}',
    description: 'Short form of rmem.',
  },
  inFlight: {
    id: 'lab.journey.diagram.inFlight',
    defaultMessage:
      '{n, plural, one {# packet in flight} other {# packets in flight}}{lost, plural, =0 {} one {, # lost} other {, # lost}}',
    description: 'The wire box while packets cross it.',
  },
  wireIdle: {
    id: 'lab.journey.diagram.wireIdle',
    defaultMessage: '<code>lo</code> · MTU {mtu, number}',
    description: 'The wire box when nothing crosses it: the loopback device and its MTU.',
  },
  diagramLabel: {
    id: 'lab.journey.diagram.label',
    defaultMessage: 'Sender and receiver stacks; step {step, number}: <code>{fn}</code>, {place}',
    description: 'Accessible name of the diagram.',
  },
  grouped: {
    id: 'lab.journey.diagram.grouped',
    defaultMessage: '{n, number} packets drawn as groups (×k)',
    description: 'Note when many packets are drawn as stacked groups.',
  },
});

/**
 * A packet's label as the page's language says it: core/journey labels its skbs in English
 * (`user buffer`, `frag 2`, `rx frag 2`); the kernel names among them (`recvfrom → 4000`,
 * `MSG_TRUNC`) stay as they are. A label it does not know is shown as it is.
 */
export function packetLabel(
  say: (d: (typeof W)[keyof typeof W], v?: Record<string, string | number>) => string,
  label: string,
): string {
  let m: RegExpExecArray | null;
  if (label === 'user buffer') return say(W.lblUserBuffer);
  if (label === 'reassembled') return say(W.lblReassembled);
  if (label === 'ip datagram' || label === 'ip6 datagram')
    return say(W.lblDatagram, { v6: label === 'ip6 datagram' ? 'yes' : 'no' });
  if ((m = /^frag (\d+)$/.exec(label))) return say(W.lblFrag, { n: m[1]! });
  if ((m = /^rx frag (\d+)$/.exec(label))) return say(W.lblRxFrag, { n: m[1]! });
  if ((m = /^datagram (\d+)$/.exec(label))) return say(W.lblDatagramN, { n: m[1]! });
  if ((m = /^(\d+) fragments$/.exec(label))) return say(W.lblFragments, { n: Number(m[1]) });
  return label;
}
