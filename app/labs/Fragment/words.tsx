/**
 * The Fragmentation lab's words (its own; the kit's shared words are in lab-kit/words.ts), in the
 * message catalogs: ids `lab.fragment.<area>.<name>`, kernel identifiers in `<code>`. `useWords()`
 * formats them: `t` as plain text (attributes, SVG text, option labels), `r` as React nodes (code
 * font for `<code>`).
 */
import { useIntl } from 'react-intl';
import type { IntlShape } from 'react-intl';
import type { MessageDescriptor } from 'react-intl';
import type { ReactNode } from 'react';
import { defineMessages } from '../../../core/i18n/index.ts';
import { codeChunks, fmtNode } from '../../i18n/format.tsx';
import type { LabIntro } from '../../lab-kit/index.ts';
import { LAB_NAMES } from '../names.ts';

export const W = defineMessages({
  eyebrow: {
    id: 'lab.fragment.intro.eyebrow',
    defaultMessage: 'Lab · IPv4 and IPv6 output path',
    description: 'Above the lab title.',
  },
  lede: {
    id: 'lab.fragment.intro.lede',
    defaultMessage:
      'Send a datagram bigger than the MTU and watch <code>__ip_append_data</code> cut it into <code>sk_buff</code>s, <code>ip_do_fragment</code> turn them into packets — or the kernel refuse with an errno.',
    description: 'The lab’s opening paragraph.',
  },

  // ---- presets: a chip's name and what it shows (its title) ----
  presetEthernet: {
    id: 'lab.fragment.preset.ethernet',
    defaultMessage: '4000 B over Ethernet',
    description: 'Preset chip.',
  },
  presetEthernetWhat: {
    id: 'lab.fragment.preset.ethernet.what',
    defaultMessage: 'UDP, MTU 1500: three fragments',
    description: 'What the preset shows.',
  },
  presetFits: { id: 'lab.fragment.preset.fits', defaultMessage: 'Just fits', description: 'Preset chip.' },
  presetFitsWhat: {
    id: 'lab.fragment.preset.fits.what',
    defaultMessage: '1472 B: one packet, DF set',
    description: 'What the preset shows.',
  },
  presetDf: {
    id: 'lab.fragment.preset.df',
    defaultMessage: 'DF → <code>EMSGSIZE</code>',
    description: 'Preset chip.',
  },
  presetDfWhat: {
    id: 'lab.fragment.preset.df.what',
    defaultMessage: '<code>IP_PMTUDISC_DO</code> and 4000 B',
    description: 'What the preset shows.',
  },
  presetMtu68: {
    id: 'lab.fragment.preset.mtu68',
    defaultMessage: 'MTU 68 worst case',
    description: 'Preset chip.',
  },
  presetMtu68What: {
    id: 'lab.fragment.preset.mtu68.what',
    defaultMessage: '65,507 B in 1,366 fragments (send-buffer check off)',
    description: 'What the preset shows.',
  },
  presetRr: {
    id: 'lab.fragment.preset.rr',
    defaultMessage: 'Record-route option',
    description: 'Preset chip.',
  },
  presetRrWhat: {
    id: 'lab.fragment.preset.rr.what',
    defaultMessage: 'Not copied: NOOPs after fragment 1',
    description: 'What the preset shows.',
  },
  presetRa: { id: 'lab.fragment.preset.ra', defaultMessage: 'Router alert', description: 'Preset chip.' },
  presetRaWhat: {
    id: 'lab.fragment.preset.ra.what',
    defaultMessage: 'A copied option',
    description: 'What the preset shows.',
  },
  presetV6: { id: 'lab.fragment.preset.v6', defaultMessage: 'IPv6 1280', description: 'Preset chip.' },
  presetV6What: {
    id: 'lab.fragment.preset.v6.what',
    defaultMessage: 'Minimum IPv6 MTU, fragment header',
    description: 'What the preset shows.',
  },
  presetMore: {
    id: 'lab.fragment.preset.more',
    defaultMessage: '<code>MSG_MORE</code> sends',
    description: 'Preset chip.',
  },
  presetMoreWhat: {
    id: 'lab.fragment.preset.more.what',
    defaultMessage: '7 + 1473 + 1480 + 9 glued into one datagram',
    description: 'What the preset shows.',
  },
  presetIov: {
    id: 'lab.fragment.preset.iov',
    defaultMessage: '<code>iovec</code>',
    description: 'Preset chip.',
  },
  presetIovWhat: {
    id: 'lab.fragment.preset.iov.what',
    defaultMessage: '<code>sendmsg()</code> with two buffers',
    description: 'What the preset shows.',
  },
  presetHdrincl: {
    id: 'lab.fragment.preset.hdrincl',
    defaultMessage: 'Raw, <code>IP_HDRINCL</code>',
    description: 'Preset chip.',
  },
  presetHdrinclWhat: {
    id: 'lab.fragment.preset.hdrincl.what',
    defaultMessage: 'You write the IP header',
    description: 'What the preset shows.',
  },

  // ---- the form ----
  form: { id: 'lab.fragment.form.label', defaultMessage: 'Send parameters', description: 'The form’s name.' },
  presets: { id: 'lab.fragment.form.presets', defaultMessage: 'Presets', description: 'Heading.' },
  payload: { id: 'lab.fragment.form.payload', defaultMessage: 'Payload', description: 'Fieldset legend.' },
  payloadMode: {
    id: 'lab.fragment.form.payloadMode',
    defaultMessage: 'How the payload is sent',
    description: 'Name of the one send / MSG_MORE / iovec switch.',
  },
  modeLen: { id: 'lab.fragment.form.mode.len', defaultMessage: 'One send', description: 'Payload mode.' },
  modeSends: {
    id: 'lab.fragment.form.mode.sends',
    defaultMessage: '<code>MSG_MORE</code>',
    description: 'Payload mode: several sends glued by MSG_MORE.',
  },
  modeIov: {
    id: 'lab.fragment.form.mode.iov',
    defaultMessage: '<code>iovec</code>',
    description: 'Payload mode: one sendmsg() with an iovec.',
  },
  hintLen: {
    id: 'lab.fragment.form.hint.len',
    defaultMessage:
      'One <code>sendto()</code> of this many payload bytes, 0..1,048,576 (past 65,535 the kernel answers <code>EMSGSIZE</code>).',
    description: 'Hint of the payload length.',
  },
  hintSends: {
    id: 'lab.fragment.form.hint.sends',
    defaultMessage:
      'Several <code>sendto()</code>s glued into one datagram: every send but the last carries <code>MSG_MORE</code>.',
    description: 'Hint of the MSG_MORE sends.',
  },
  hintIov: {
    id: 'lab.fragment.form.hint.iov',
    defaultMessage: 'One <code>sendmsg()</code> whose <code>iovec</code> has these buffers, in order.',
    description: 'Hint of the iovec buffers.',
  },
  lenLabel: {
    id: 'lab.fragment.form.len',
    defaultMessage: 'Payload length (bytes)',
    description: 'Input label.',
  },
  sendsLabel: {
    id: 'lab.fragment.form.sends',
    defaultMessage: '<code>MSG_MORE</code> sends (bytes, comma-separated)',
    description: 'Input label.',
  },
  iovLabel: {
    id: 'lab.fragment.form.iov',
    defaultMessage: '<code>iovec</code> buffers (bytes, comma-separated)',
    description: 'Input label.',
  },
  socketRoute: {
    id: 'lab.fragment.form.socketRoute',
    defaultMessage: 'Socket and route',
    description: 'Fieldset legend.',
  },
  family: { id: 'lab.fragment.form.family', defaultMessage: 'Family', description: 'Address family switch.' },
  mtu: { id: 'lab.fragment.form.mtu', defaultMessage: 'MTU (bytes)', description: 'Input label.' },
  mtuHint: {
    id: 'lab.fragment.form.mtu.hint',
    defaultMessage: 'Device MTU, {min, number}..{max, number} for {family}.',
    description: 'Hint of the MTU; {family} is IPv4 or IPv6.',
  },
  socket: { id: 'lab.fragment.form.sock', defaultMessage: 'Socket', description: 'Socket kind select.' },
  sockUdp: {
    id: 'lab.fragment.form.sock.udp',
    defaultMessage: 'UDP — <code>SOCK_DGRAM</code>',
    description: 'Socket kind option.',
  },
  sockRaw: {
    id: 'lab.fragment.form.sock.raw',
    defaultMessage: 'raw — <code>SOCK_RAW</code>, protocol',
    description: 'Socket kind option: a raw socket of a protocol.',
  },
  sockHdrincl: {
    id: 'lab.fragment.form.sock.hdrincl',
    defaultMessage: 'raw — <code>IP_HDRINCL</code> (you write the IP header)',
    description: 'Socket kind option.',
  },
  proto: { id: 'lab.fragment.form.proto', defaultMessage: 'Raw protocol', description: 'Input label.' },
  protoHint: {
    id: 'lab.fragment.form.proto.hint',
    defaultMessage: 'The IP header’s protocol byte; 253 is reserved for experiments, 255 is IP_HDRINCL.',
    description: 'Hint of the raw protocol.',
  },
  dfWrite: {
    id: 'lab.fragment.form.df',
    defaultMessage: 'DF in the header you write',
    description: 'Checkbox for IP_HDRINCL sockets.',
  },
  pmtu: { id: 'lab.fragment.form.pmtu', defaultMessage: 'Path MTU discovery', description: 'Select label.' },
  pmtuDefault: {
    id: 'lab.fragment.form.pmtu.default',
    defaultMessage: '{mode} (default)',
    description: 'The default IP_MTU_DISCOVER mode in the select.',
  },
  pmtuDont: {
    id: 'lab.fragment.form.pmtu.dont',
    defaultMessage:
      '<code>IP_PMTUDISC_DONT</code>: never set DF; datagrams larger than the path MTU are fragmented here.',
    description: 'What the mode means.',
  },
  pmtuWant: {
    id: 'lab.fragment.form.pmtu.want',
    defaultMessage:
      '<code>IP_PMTUDISC_WANT</code> (the default): DF only on datagrams that fit the path MTU; larger ones are fragmented here.',
    description: 'What the mode means.',
  },
  pmtuDo: {
    id: 'lab.fragment.form.pmtu.do',
    defaultMessage:
      '<code>IP_PMTUDISC_DO</code>: always DF; a datagram larger than the path MTU fails with <code>EMSGSIZE</code>.',
    description: 'What the mode means.',
  },
  pmtuProbe: {
    id: 'lab.fragment.form.pmtu.probe',
    defaultMessage:
      '<code>IP_PMTUDISC_PROBE</code>: always DF, sized by the device MTU, ignoring any learned path MTU.',
    description: 'What the mode means.',
  },
  pmtuInterface: {
    id: 'lab.fragment.form.pmtu.interface',
    defaultMessage:
      '<code>IP_PMTUDISC_INTERFACE</code>: sized by the device MTU, never DF; larger sends fail.',
    description: 'What the mode means.',
  },
  pmtuOmit: {
    id: 'lab.fragment.form.pmtu.omit',
    defaultMessage:
      '<code>IP_PMTUDISC_OMIT</code>: sized by the device MTU, never DF; larger datagrams are fragmented here.',
    description: 'What the mode means.',
  },
  opts: { id: 'lab.fragment.form.opts', defaultMessage: 'IPv4 options (hex)', description: 'Input label.' },
  optsHint: {
    id: 'lab.fragment.form.opts.hint',
    defaultMessage:
      'As given to <code>setsockopt(IP_OPTIONS)</code>, at most 40 bytes — e.g. 94040000 (router alert).',
    description: 'Hint of the IPv4 options.',
  },
  optsHint6: {
    id: 'lab.fragment.form.opts.hint6',
    defaultMessage: 'IPv6 carries options in extension headers, not here.',
    description: 'Hint of the disabled IPv4 options field for IPv6.',
  },
  optsNone: {
    id: 'lab.fragment.form.opts.none',
    defaultMessage: 'none',
    description: 'Placeholder of the empty options field.',
  },
  device: {
    id: 'lab.fragment.form.device',
    defaultMessage: 'Device and socket buffer',
    description: 'Fieldset legend.',
  },
  sg: {
    id: 'lab.fragment.form.sg',
    defaultMessage: 'Scatter-gather (<code>NETIF_F_SG</code>)',
    description: 'Checkbox label.',
  },
  sgHint: {
    id: 'lab.fragment.form.sg.hint',
    defaultMessage: 'Loopback has it: later appends go to page frags instead of the linear area.',
    description: 'Hint of scatter-gather.',
  },
  sndbufCheck: {
    id: 'lab.fragment.form.sndbufcheck',
    defaultMessage: 'Send-buffer check',
    description: 'Checkbox label.',
  },
  sndbufCheckHint: {
    id: 'lab.fragment.form.sndbufcheck.hint',
    defaultMessage:
      '<code>__ip_append_data</code> stops with <code>ENOBUFS</code> when queued fragments pass 2 × <code>sk_sndbuf</code>. Switch off to see the whole fragment train.',
    description: 'Hint of the send-buffer check.',
  },
  sndbuf: {
    id: 'lab.fragment.form.sndbuf',
    defaultMessage: '<code>sk_sndbuf</code> (bytes)',
    description: 'Input label.',
  },
  sndbufHint: {
    id: 'lab.fragment.form.sndbuf.hint',
    defaultMessage: '<code>SO_SNDBUF</code> as the kernel stores it; 212,992 by default.',
    description: 'Hint of sk_sndbuf.',
  },

  // ---- how the issues banner names each field ----
  fieldLen: { id: 'lab.fragment.field.len', defaultMessage: 'Payload length', description: 'Banner.' },
  fieldSends: {
    id: 'lab.fragment.field.sends',
    defaultMessage: '<code>MSG_MORE</code> sends',
    description: 'Banner.',
  },
  fieldIov: { id: 'lab.fragment.field.iov', defaultMessage: '<code>iovec</code>', description: 'Banner.' },
  fieldMtu: { id: 'lab.fragment.field.mtu', defaultMessage: 'MTU', description: 'Banner.' },
  fieldFamily: { id: 'lab.fragment.field.family', defaultMessage: 'Family', description: 'Banner.' },
  fieldSock: { id: 'lab.fragment.field.sock', defaultMessage: 'Socket', description: 'Banner.' },
  fieldProto: { id: 'lab.fragment.field.proto', defaultMessage: 'Raw protocol', description: 'Banner.' },
  fieldPmtu: { id: 'lab.fragment.field.pmtu', defaultMessage: 'PMTU mode', description: 'Banner.' },
  fieldOpts: { id: 'lab.fragment.field.opts', defaultMessage: 'IPv4 options', description: 'Banner.' },
  fieldSg: { id: 'lab.fragment.field.sg', defaultMessage: 'Scatter-gather', description: 'Banner.' },
  fieldSndbuf: {
    id: 'lab.fragment.field.sndbuf',
    defaultMessage: '<code>sk_sndbuf</code>',
    description: 'Banner.',
  },
  fieldSndbufCheck: {
    id: 'lab.fragment.field.sndbufcheck',
    defaultMessage: 'Send-buffer check',
    description: 'Banner.',
  },
  fieldDf: { id: 'lab.fragment.field.df', defaultMessage: 'DF', description: 'Banner.' },
  fieldStep: { id: 'lab.fragment.field.step', defaultMessage: 'Step', description: 'Banner.' },
  fieldNamed: {
    id: 'lab.fragment.field.named',
    defaultMessage: '{name}:',
    description: 'A field named before its problem in the banner.',
  },

  // ---- the page ----
  result: { id: 'lab.fragment.result.title', defaultMessage: 'Result', description: 'Panel heading.' },
  wire: { id: 'lab.fragment.wire.title', defaultMessage: 'On the wire', description: 'Panel heading.' },
  trace: {
    id: 'lab.fragment.trace.title',
    defaultMessage: 'Through the kernel',
    description: 'Panel heading of the trace.',
  },
  upNote: {
    id: 'lab.fragment.trace.upNote',
    defaultMessage: '↑ back up the receiver’s stack (loopback)',
    description:
      'Above the first step of the way back up the receiving side (CSS draws it from data-up-note).',
  },
  skbAt: {
    id: 'lab.fragment.trace.skbAt',
    defaultMessage: '<code>sk_buff</code>s at step {n, number}',
    description: 'Heading of the sk_buff panel.',
  },
  skbAtFn: {
    id: 'lab.fragment.trace.skbAtFn',
    defaultMessage: '<code>sk_buff</code>s at step {n, number}: <code>{fn}</code>',
    description: 'Heading of the sk_buff panel, with the step’s kernel function.',
  },
  noResult: {
    id: 'lab.fragment.result.none',
    defaultMessage: 'Enter a valid send to see its fragments.',
    description: 'Shown when no send has a result yet.',
  },

  // ---- the result ----
  pathNone: { id: 'lab.fragment.result.path.none', defaultMessage: 'no fragmentation', description: 'Path.' },
  pathFast: { id: 'lab.fragment.result.path.fast', defaultMessage: 'the fast path', description: 'Path.' },
  pathSlow: { id: 'lab.fragment.result.path.slow', defaultMessage: 'the slow path', description: 'Path.' },
  callSendmsg: {
    id: 'lab.fragment.result.call.sendmsg',
    defaultMessage: '<code>sendmsg()</code>',
    description: 'The call that sent.',
  },
  callSendto: {
    id: 'lab.fragment.result.call.sendto',
    defaultMessage: '<code>sendto()</code>',
    description: 'The call that sent.',
  },
  callMore: {
    id: 'lab.fragment.result.call.more',
    defaultMessage: 'the {n, number} <code>MSG_MORE</code> <code>sendto()</code> calls',
    description: 'The calls that sent (several sends glued by MSG_MORE).',
  },
  kindUdp: {
    id: 'lab.fragment.result.kind.udp',
    defaultMessage: 'UDP datagram',
    description: 'What was sent.',
  },
  kindRaw: {
    id: 'lab.fragment.result.kind.raw',
    defaultMessage: 'raw datagram',
    description: 'What was sent.',
  },
  kindHdrincl: {
    id: 'lab.fragment.result.kind.hdrincl',
    defaultMessage: 'IP packet (your header included)',
    description: 'What was sent by an IP_HDRINCL socket.',
  },
  summary: {
    id: 'lab.fragment.result.summary',
    defaultMessage:
      '{call} {more, select, yes {sent {sent} bytes in all} other {returned {sent}}}: a {len, number}-byte {kind} left in {packets} via {path}.',
    description:
      'The outcome. {sent}, {packets} and {path} are shown in bold: {sent} a number, {packets} “3 packets”, {path} “the fast path”.',
  },
  packets: {
    id: 'lab.fragment.result.packets',
    defaultMessage: '{n, plural, one {# packet} other {# packets}}',
    description: 'A count of packets.',
  },
  received: {
    id: 'lab.fragment.result.received',
    defaultMessage: 'A UDP/raw receiver bound on loopback gets {n, number} bytes from <code>recv()</code>.',
    description: 'What a receiver reads.',
  },
  keyNumbers: { id: 'lab.fragment.result.numbers', defaultMessage: 'Key numbers', description: 'List name.' },
  sendError: {
    id: 'lab.fragment.error.title',
    defaultMessage: 'Send error',
    description: 'Errno card heading.',
  },
  errnoLine: {
    id: 'lab.fragment.error.errno',
    defaultMessage: 'errno {n} · {text}',
    description: 'The errno number and its strerror() text.',
  },
  failsIn: {
    id: 'lab.fragment.error.failsIn',
    defaultMessage: '{call} fails in {fn} {file}',
    description: '{call} is the send call, {fn} a link to the kernel function, {file} its file.',
  },
  theSend: {
    id: 'lab.fragment.error.theSend',
    defaultMessage: 'The send',
    description: 'The failing call when several sends were made.',
  },
  icmpList: { id: 'lab.fragment.error.icmp', defaultMessage: 'ICMP messages', description: 'List name.' },
  icmpItem: {
    id: 'lab.fragment.error.icmpItem',
    defaultMessage: 'ICMP type {type} code {code}: {why}',
    description: 'An ICMP message the send caused.',
  },

  // ---- the wire table ----
  wireRegion: {
    id: 'lab.fragment.wire.region',
    defaultMessage: 'Wire packets, scrollable',
    description: 'Name of the table’s scroll region.',
  },
  wireCaption: { id: 'lab.fragment.wire.caption', defaultMessage: 'Wire packets', description: 'Caption.' },
  wireNone: {
    id: 'lab.fragment.wire.none',
    defaultMessage: '— none left the host',
    description: 'After the caption: no packet.',
  },
  wireCount: {
    id: 'lab.fragment.wire.count',
    defaultMessage:
      '— {n, plural, one {# packet} other {# packets}}{paged, select, yes {, rows {from, number}–{to, number}} other {}}',
    description: 'After the caption: the count, and the rows of this page when paged.',
  },
  colOffset: { id: 'lab.fragment.wire.col.offset', defaultMessage: 'offset', description: 'Column.' },
  colPayload: {
    id: 'lab.fragment.wire.col.payload',
    defaultMessage: 'payload length',
    description: 'Column: bytes of the datagram in the packet.',
  },
  colTotal: {
    id: 'lab.fragment.wire.col.total',
    defaultMessage: 'total length',
    description: 'Column: the IP total length.',
  },
  colOptions: { id: 'lab.fragment.wire.col.options', defaultMessage: 'options', description: 'Column.' },
  flagSet: { id: 'lab.fragment.wire.flag.set', defaultMessage: '{name} set', description: 'Flag tooltip.' },
  flagClear: {
    id: 'lab.fragment.wire.flag.clear',
    defaultMessage: '{name} clear',
    description: 'Flag tooltip.',
  },
  na: { id: 'lab.fragment.wire.na', defaultMessage: 'n/a', description: 'DF cell of an IPv6 packet.' },
  noDf6: {
    id: 'lab.fragment.wire.noDf6',
    defaultMessage: 'IPv6 has no DF bit: only the sender fragments',
    description: 'Tooltip of n/a.',
  },
  fragHdr: {
    id: 'lab.fragment.wire.fragHdr',
    defaultMessage: 'frag hdr, id {id}',
    description: 'Options cell of an IPv6 fragment: its fragment header and identification.',
  },
  noteLen: {
    id: 'lab.fragment.wire.note',
    defaultMessage: 'payload length: bytes of the datagram a packet carries.',
    description: 'Under the table.',
  },
  note6: {
    id: 'lab.fragment.wire.note6',
    defaultMessage:
      'IPv6: offset and MF are the fragment header’s offset and M flag; <code>payload_len</code> in the header also counts its 8 bytes.',
    description: 'Under the table, IPv6.',
  },
  note4: {
    id: 'lab.fragment.wire.note4',
    defaultMessage: 'total length is <code>iph->tot_len</code>, header included.',
    description: 'Under the table, IPv4.',
  },
  pages: { id: 'lab.fragment.wire.pages', defaultMessage: 'Wire packets pages', description: 'Pager name.' },
  first: { id: 'lab.fragment.wire.first', defaultMessage: 'First', description: 'Pager button.' },
  firstPage: {
    id: 'lab.fragment.wire.firstPage',
    defaultMessage: 'First page',
    description: 'Pager button.',
  },
  previous: { id: 'lab.fragment.wire.previous', defaultMessage: 'Previous', description: 'Pager button.' },
  previousPage: {
    id: 'lab.fragment.wire.previousPage',
    defaultMessage: 'Previous page',
    description: 'Pager button.',
  },
  next: { id: 'lab.fragment.wire.next', defaultMessage: 'Next', description: 'Pager button.' },
  nextPage: { id: 'lab.fragment.wire.nextPage', defaultMessage: 'Next page', description: 'Pager button.' },
  last: { id: 'lab.fragment.wire.last', defaultMessage: 'Last', description: 'Pager button.' },
  lastPage: { id: 'lab.fragment.wire.lastPage', defaultMessage: 'Last page', description: 'Pager button.' },
  pageOf: {
    id: 'lab.fragment.wire.pageOf',
    defaultMessage: 'Page {n, number} of {count, number}',
    description: 'Pager status.',
  },

  // ---- the diagram ----
  scopeZoomed: {
    id: 'lab.fragment.diagram.scopeZoomed',
    defaultMessage: 'Bytes {from, number}–{to, number} of {total, number}',
    description: 'Above the zoomed diagram.',
  },
  scopeAll: {
    id: 'lab.fragment.diagram.scopeAll',
    defaultMessage: 'All {total, number} bytes of the datagram',
    description: 'Above the diagram.',
  },
  zoomGroup: {
    id: 'lab.fragment.diagram.zoom',
    defaultMessage: 'Zoom the diagram',
    description: 'Name of the zoom buttons.',
  },
  zoomIn: { id: 'lab.fragment.diagram.zoomIn', defaultMessage: 'Zoom in', description: 'Button.' },
  zoomOut: { id: 'lab.fragment.diagram.zoomOut', defaultMessage: 'Zoom out', description: 'Button.' },
  zoomReset: { id: 'lab.fragment.diagram.reset', defaultMessage: 'Reset', description: 'Button: unzoom.' },
  figure: {
    id: 'lab.fragment.diagram.label',
    defaultMessage:
      'Fragment boundaries: {len, number}-byte datagram cut into {n, plural, one {# packet} other {# packets}} at offsets {offsets}.',
    description: 'The diagram described for screen readers; {offsets} a list of numbers.',
  },
  figureNone: {
    id: 'lab.fragment.diagram.labelNone',
    defaultMessage: 'Fragment boundaries: {len, number}-byte datagram; no packet left the host.',
    description: 'The diagram described for screen readers when no packet was sent.',
  },
  noPacket: {
    id: 'lab.fragment.diagram.noPacket',
    defaultMessage: 'No packet left the host',
    description: 'In the diagram.',
  },
  capOne: {
    id: 'lab.fragment.diagram.capOne',
    defaultMessage: '#{n} · {size, number} B',
    description: 'Label of one packet above the bar: number and data bytes (B = bytes).',
  },
  capRun: {
    id: 'lab.fragment.diagram.capRun',
    defaultMessage: '#{from}–{to} · {count, plural, one {# packet} other {# packets}} × {size, number} B',
    description: 'Label of a run of identical packets.',
  },
  capTitle: {
    id: 'lab.fragment.diagram.capTitle',
    defaultMessage:
      '{name}: {count, plural, one {} other {# packets, each }}{hdr}-byte header ({parts}) + {size, number} B of data{flags, select, none {} other {, {flags}}}',
    description: 'Tooltip of a packet or run; {parts} e.g. “ip 20”, {flags} “DF”, “MF” or none.',
  },
  runZoom: {
    id: 'lab.fragment.diagram.runZoom',
    defaultMessage:
      'Zoom into packets #{from}–{to} ({count, plural, one {# packet} other {# packets}} × {size, number} B)',
    description: 'Button over a run of identical packets.',
  },
  capHdr: {
    id: 'lab.fragment.diagram.capHdr',
    defaultMessage:
      '{family, select, none {} other {{family} }}{hdr, number} B{flags, select, none {} other { {flags}}}',
    description:
      'Inside a packet’s header bar: IPv4/IPv6 when there is room, the header bytes (B = bytes), DF/MF flags.',
  },
  help: {
    id: 'lab.fragment.diagram.help',
    defaultMessage:
      'Offsets are bytes of the datagram; header bars above each slice are not to scale. Drag to pan; Ctrl + wheel, pinch or the buttons zoom; click a group of fragments (or Tab to it and press Enter) to zoom into it.',
    description: 'Under the diagram.',
  },
});

/**
 * Marks that are the same in every language (symbols, bit values, the C call parentheses): named
 * here so the page's JSX holds no literal text.
 */
export const SYM = {
  plus: '+',
  minus: '−',
  check: '✓',
  dash: '—',
  set: '1',
  clear: '0',
  neg: '-',
  call: '()',
  space: ' ',
  MF: 'MF',
  DF: 'DF',
} as const;

/** Each field named in the banner. */
const FIELD_NAMES: Record<string, MessageDescriptor> = {
  len: W.fieldLen,
  sends: W.fieldSends,
  iov: W.fieldIov,
  mtu: W.fieldMtu,
  family: W.fieldFamily,
  sock: W.fieldSock,
  proto: W.fieldProto,
  pmtu: W.fieldPmtu,
  opts: W.fieldOpts,
  sg: W.fieldSg,
  sndbuf: W.fieldSndbuf,
  sndbufcheck: W.fieldSndbufCheck,
  df: W.fieldDf,
  step: W.fieldStep,
};

type Values = Record<string, ReactNode>;

/** `<code>` chunks as their text (for attributes and SVG text). */
const plainCode = (chunks: ReactNode[]) => chunks.join('');

/**
 * Formatted messages by language (the IntlShape: a new one comes with each language or catalog),
 * message and values, for messages whose values are all plain (text, numbers): an edit re-renders
 * the form's labels, hints and presets and the diagram's words with the same values, and
 * formatting one costs more than the rest of its render (issue 17). Bounded: emptied when full.
 */
const formatted = new WeakMap<IntlShape, Map<string, ReactNode>>();
const FORMATTED_MAX = 1000;

/** The cache key of a message with plain values (null: a value is a node or a function). */
export function plainKey(kind: string, d: MessageDescriptor, v?: Values): string | null {
  let key = `${kind}\u0000${String(d.id)}`;
  if (v)
    for (const k of Object.keys(v)) {
      const x = v[k];
      if (typeof x === 'string') key += `\u0000${k}\u0001s${x}`;
      else if (typeof x === 'number') key += `\u0000${k}\u0001n${x}`;
      else if (x !== undefined) return null;
    }
  return key;
}

function cached(intl: IntlShape, key: string | null, format: () => ReactNode): ReactNode {
  if (key === null) return format();
  let map = formatted.get(intl);
  if (!map) formatted.set(intl, (map = new Map()));
  if (map.has(key)) return map.get(key);
  const out = format();
  if (map.size >= FORMATTED_MAX) map.clear();
  map.set(key, out);
  return out;
}

/** The lab's formatters: `t` → plain text, `r` → React nodes, `field` → a field's banner name. */
export function useWords() {
  const intl = useIntl();
  const t = (d: MessageDescriptor, v?: Values): string =>
    cached(intl, plainKey('t', d, v), () => {
      const out = fmtNode(intl, d, { code: plainCode, ...v });
      return Array.isArray(out) ? out.join('') : String(out);
    }) as string;
  const r = (d: MessageDescriptor, v?: Values): ReactNode =>
    cached(intl, plainKey('r', d, v), () => fmtNode(intl, d, { code: codeChunks, ...v }));
  const field = (f: string): ReactNode => {
    const d = FIELD_NAMES[f];
    return r(W.fieldNamed, { name: d ? r(d) : f });
  };
  return { t, r, field, locale: intl.locale };
}

/** A message of the lab as React nodes. */
export function Words({ m, v }: { m: MessageDescriptor; v?: Values }) {
  return <>{useWords().r(m, v)}</>;
}

export const INTRO: LabIntro = {
  eyebrow: <Words m={W.eyebrow} />,
  title: <Words m={LAB_NAMES.fragment.title} />,
  lede: <Words m={W.lede} />,
};
