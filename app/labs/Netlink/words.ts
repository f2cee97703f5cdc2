/**
 * The Netlink lab's words, in the catalogs (ids `lab.netlink.<area>.<name>`). Kernel identifiers
 * sit in `<code>`; numbers come in as they print (`num()`), counts through ICU plurals.
 * `useNlWords()` gives the two ways to say one: `t` as React nodes, `s` as a plain string
 * (attributes, titles, SVG text).
 */
import { useIntl } from 'react-intl';
import type { MessageDescriptor } from 'react-intl';
import { useCallback, type ReactNode } from 'react';
import { defineMessages, renderText, type Msg } from '../../../core/i18n/index.ts';
import { codeChunks, fmtNode } from '../../i18n/format.tsx';

type Values = Record<string, string | number>;

export function useNlWords() {
  const intl = useIntl();
  const locale = intl.locale;
  // Stable per language: layouts measured with it are memoised on it.
  const shown = useCallback(
    (f: { display?: string; displayMsg?: Msg }): string =>
      f.displayMsg ? renderText(f.displayMsg, locale) : (f.display ?? ''),
    [locale],
  );
  // Stable per language too: a memoised component given `s` or `t` skips a render that changed nothing.
  const t = useCallback(
    (d: MessageDescriptor, v?: Record<string, ReactNode>): ReactNode =>
      fmtNode(intl, d, { ...v, code: codeChunks }),
    [intl],
  );
  const s = useCallback(
    (d: MessageDescriptor, v?: Values): string => {
      // `<code>` spans keep their text in a plain string.
      const r = fmtNode(intl, d, { ...v, code: (chunks: ReactNode[]) => chunks.join('') });
      return Array.isArray(r) ? r.join('') : String(r);
    },
    [intl],
  );
  const said = useCallback((m: Msg): string => renderText(m, locale), [locale]);
  return {
    t,
    s,
    /** A decoded field's display in the page's language (core's displayMsg when it has words). */
    shown,
    /** A core message as a plain string in the page's language. */
    said,
  };
}

export type NlWords = ReturnType<typeof useNlWords>;

export const W = defineMessages({
  // ---- the page ----
  eyebrow: {
    id: 'lab.netlink.intro.eyebrow',
    defaultMessage: 'Lab · <code>include/uapi/linux/netlink.h</code>',
  },
  lede: {
    id: 'lab.netlink.intro.lede',
    defaultMessage:
      'A netlink buffer is a run of messages: each a 16-byte <code>nlmsghdr</code>, a family header such as <code>ifinfomsg</code>, then attributes, each padded to 4 bytes. Build one or load what a real kernel sent, and see every bit — in host byte order, exactly as it sits in memory.',
  },
  bannerModel: {
    id: 'lab.netlink.banner.model',
    defaultMessage: 'The model stopped on this input; showing the last good buffer.',
  },
  bannerUrl: {
    id: 'lab.netlink.banner.url',
    defaultMessage:
      '{n, plural, one {A URL parameter was not used.} other {# URL parameters were not used.}}',
  },
  staleHex: {
    id: 'lab.netlink.banner.staleHex',
    defaultMessage: 'The hex does not parse — showing the last good buffer.',
  },
  staleBuilder: {
    id: 'lab.netlink.banner.staleBuilder',
    defaultMessage: 'A builder field needs fixing — showing the last good buffer.',
  },
  resultTitle: { id: 'lab.netlink.result.title', defaultMessage: 'What the buffer holds' },
  summary: {
    id: 'lab.netlink.result.summary',
    defaultMessage:
      '{bytes, plural, one {# byte} other {# bytes}}, {messages, plural, one {# message} other {# messages}}',
  },
  typeCount: { id: 'lab.netlink.result.typeCount', defaultMessage: '{n} × {type}' },
  errors: {
    id: 'lab.netlink.result.errors',
    defaultMessage: '{n, plural, one {# error} other {# errors}} in the buffer.',
  },
  messageOf: {
    id: 'lab.netlink.message.of',
    defaultMessage: 'Message {n} of {total}: <code>{type}</code>',
  },
  noMessage: { id: 'lab.netlink.message.none', defaultMessage: 'No message' },
  chooseMessage: { id: 'lab.netlink.message.choose', defaultMessage: 'Choose the message' },
  prevMessage: { id: 'lab.netlink.message.prev', defaultMessage: '← Previous message' },
  nextMessage: { id: 'lab.netlink.message.next', defaultMessage: 'Next message →' },
  ack: {
    id: 'lab.netlink.message.ack',
    defaultMessage: 'ACK: <code>error = 0</code>, the request succeeded.',
  },
  errno: {
    id: 'lab.netlink.message.errno',
    defaultMessage: '<code>error = -{errno}</code>: <code>-{name}</code> ({strerror})',
  },
  bitLayout: { id: 'lab.netlink.figure.layout', defaultMessage: 'Bit layout' },
  nothingToDraw: { id: 'lab.netlink.figure.nothing', defaultMessage: 'Nothing to draw.' },
  bytesInMemory: {
    id: 'lab.netlink.figure.bytes',
    defaultMessage: 'Bytes in memory ({endian, select, le {little-endian} other {big-endian}})',
  },
  colourKey: { id: 'lab.netlink.legend.label', defaultMessage: 'Colour key' },
  everyMessage: { id: 'lab.netlink.messages.title', defaultMessage: 'Every message' },
  macrosTitle: {
    id: 'lab.netlink.macros.title',
    defaultMessage: 'Macros and the <code>NLMSG_NEXT</code> walk',
  },
  forMessage: { id: 'lab.netlink.macros.forMessage', defaultMessage: 'For message {n}' },
  noMessageShort: { id: 'lab.netlink.macros.noMessage', defaultMessage: 'No message.' },
  walking: { id: 'lab.netlink.walk.title', defaultMessage: 'Walking the buffer' },
  builderTitle: { id: 'lab.netlink.builder.title', defaultMessage: 'Builder' },
  splitTitle: { id: 'lab.netlink.split.title', defaultMessage: 'Multipart: splitting a large reply' },
  msghdrTitle: {
    id: 'lab.netlink.msghdr.title',
    defaultMessage:
      '<code>sendmsg</code>: <code>msghdr</code> → <code>iovec[]</code> and <code>cmsghdr</code>',
  },

  // ---- the inputs ----
  inputsLabel: { id: 'lab.netlink.inputs.label', defaultMessage: 'Netlink buffer' },
  samplesTitle: { id: 'lab.netlink.inputs.samples', defaultMessage: 'Captured from Linux 6.18' },
  noSamples: { id: 'lab.netlink.inputs.noSamples', defaultMessage: 'No samples in this build.' },
  bufferTitle: { id: 'lab.netlink.inputs.buffer', defaultMessage: 'The buffer' },
  family: { id: 'lab.netlink.inputs.family', defaultMessage: 'Netlink family' },
  familyRaw: { id: 'lab.netlink.inputs.familyRaw', defaultMessage: 'framing only' },
  byteOrder: { id: 'lab.netlink.inputs.byteOrder', defaultMessage: 'Byte order' },
  byteOrderHint: {
    id: 'lab.netlink.inputs.byteOrderHint',
    defaultMessage: 'Switching re-encodes the builder’s messages in that order.',
  },
  little: { id: 'lab.netlink.inputs.little', defaultMessage: 'little' },
  big: { id: 'lab.netlink.inputs.big', defaultMessage: 'big' },
  trunc: {
    id: 'lab.netlink.inputs.trunc',
    defaultMessage: '<code>MSG_TRUNC</code>: <code>recvmsg</code> cut this buffer short',
  },
  hex: { id: 'lab.netlink.inputs.hex', defaultMessage: 'Bytes (hex)' },
  hexHint: {
    id: 'lab.netlink.inputs.hexHint',
    defaultMessage:
      '{n, plural, one {# byte} other {# bytes}}. Spaces, 0x and colons are ignored; edits rebuild the builder.',
  },
  hexPageShown: {
    id: 'lab.netlink.inputs.hexPageShown',
    defaultMessage: 'The box shows page {page} of {pages}: bytes {from, number}–{to, number}.',
    description:
      'A buffer longer than 4 KiB is edited a page at a time; {from} and {to} are byte offsets (from 0).',
  },
  hexPages: {
    id: 'lab.netlink.inputs.hexPages',
    defaultMessage: 'Pages of the buffer',
    description: 'The group of controls that open another page of a long buffer in the hex editor.',
  },
  hexPagePick: { id: 'lab.netlink.inputs.hexPagePick', defaultMessage: 'Page' },
  hexPageOption: {
    id: 'lab.netlink.inputs.hexPageOption',
    defaultMessage: '{page}: bytes {from, number}–{to, number}',
    description: 'One page in the page list; {from} and {to} are byte offsets (from 0).',
  },
  hexPagePrev: { id: 'lab.netlink.inputs.hexPagePrev', defaultMessage: 'Previous page' },
  hexPageNext: { id: 'lab.netlink.inputs.hexPageNext', defaultMessage: 'Next page' },

  // ---- the bit layout ----
  paintHdr: { id: 'lab.netlink.paint.hdr', defaultMessage: '<code>nlmsghdr</code>' },
  paintFam: { id: 'lab.netlink.paint.fam', defaultMessage: 'Family header' },
  paintErr: { id: 'lab.netlink.paint.err', defaultMessage: '<code>nlmsgerr.error</code>' },
  paintEcho: { id: 'lab.netlink.paint.echo', defaultMessage: 'Echoed request' },
  paintAttr: { id: 'lab.netlink.paint.attr', defaultMessage: 'Attribute header' },
  paintPayload: { id: 'lab.netlink.paint.payload', defaultMessage: 'Payload' },
  paintPad: { id: 'lab.netlink.paint.pad', defaultMessage: 'Padding' },
  layoutLabel: {
    id: 'lab.netlink.layout.label',
    defaultMessage:
      'Bit layout of message {type}: {bytes, plural, one {# byte} other {# bytes}} in 32-bit rows, {fields, plural, one {# field} other {# fields}}; arrow keys move from field to field.',
  },
  layoutCursor: {
    id: 'lab.netlink.layout.cursor',
    defaultMessage: 'Field {n} of {total}: {group} · {name} = {value}, bytes {from}–{to}',
  },
  segTitle: {
    id: 'lab.netlink.layout.segTitle',
    defaultMessage: '{group} · {name} = {value} (bytes {from}–{to})',
  },
  elided: {
    id: 'lab.netlink.layout.elided',
    defaultMessage: '⋮ {n, plural, one {# more byte} other {# more bytes}} of {name}',
  },
  rulerByte: { id: 'lab.netlink.layout.byte', defaultMessage: 'byte {n}' },
  rulerBit: { id: 'lab.netlink.layout.bit', defaultMessage: 'bit' },
  drawn: {
    id: 'lab.netlink.layout.drawn',
    defaultMessage: 'Drawn: the first {drawn} of {total} bytes; the fields table lists them all.',
  },
  drawAll: { id: 'lab.netlink.layout.drawAll', defaultMessage: 'Draw all {total} bytes' },

  // ---- the byte grid ----
  gridLabel: {
    id: 'lab.netlink.grid.label',
    defaultMessage:
      'Bytes in memory order, {n, plural, one {# byte} other {# bytes}}: arrow keys move, Enter selects the message',
  },
  gridOffset: { id: 'lab.netlink.grid.offset', defaultMessage: 'offset' },
  gridCursor: {
    id: 'lab.netlink.grid.cursor',
    defaultMessage: 'Byte {n} (0x{hexOffset}) = 0x{value}',
  },
  gridCursorField: {
    id: 'lab.netlink.grid.cursorField',
    defaultMessage: 'Byte {n} (0x{hexOffset}) = 0x{value}: {group} · {name} = {display}',
  },
  gridLit: { id: 'lab.netlink.grid.lit', defaultMessage: 'Bytes {from}–{to} lit' },
  gridHint: {
    id: 'lab.netlink.grid.hint',
    defaultMessage: 'Point at a byte or a field to light its partner.',
  },

  // ---- findings ----
  sevError: { id: 'lab.netlink.finding.error', defaultMessage: 'Error' },
  sevWarning: { id: 'lab.netlink.finding.warning', defaultMessage: 'Warning' },
  sevInfo: { id: 'lab.netlink.finding.info', defaultMessage: 'Note' },
  clean: { id: 'lab.netlink.finding.clean', defaultMessage: 'No findings: every message is well framed.' },
  findings: { id: 'lab.netlink.finding.label', defaultMessage: 'Findings' },
  bytesRange: { id: 'lab.netlink.finding.bytes', defaultMessage: 'bytes {from}–{to}' },
  byteAt: { id: 'lab.netlink.finding.byte', defaultMessage: 'byte {n}' },
  more: { id: 'lab.netlink.finding.more', defaultMessage: '… and {n} more.' },

  // ---- tables ----
  messagesRegion: { id: 'lab.netlink.table.messagesRegion', defaultMessage: 'Messages, scrollable' },
  messagesCaption: { id: 'lab.netlink.table.messagesCaption', defaultMessage: 'Messages in the buffer' },
  messagesNote: {
    id: 'lab.netlink.table.messagesNote',
    defaultMessage: '{n, plural, one {# message} other {# messages}}; pick one to draw it',
  },
  colOffset: { id: 'lab.netlink.table.offset', defaultMessage: 'Offset' },
  colType: { id: 'lab.netlink.table.type', defaultMessage: 'Type' },
  colFlags: { id: 'lab.netlink.table.flags', defaultMessage: 'Flags' },
  colFindings: { id: 'lab.netlink.table.findings', defaultMessage: 'Findings' },
  findingCount: {
    id: 'lab.netlink.table.findingCount',
    defaultMessage: '{n, plural, one {# finding} other {# findings}}',
  },
  prev50: { id: 'lab.netlink.table.prev', defaultMessage: '← Previous 50' },
  next50: { id: 'lab.netlink.table.next', defaultMessage: 'Next 50 →' },
  page: { id: 'lab.netlink.table.page', defaultMessage: 'Page {n} of {total}' },
  fieldsRegion: { id: 'lab.netlink.table.fieldsRegion', defaultMessage: 'Fields, scrollable' },
  fieldsCaption: {
    id: 'lab.netlink.table.fieldsCaption',
    defaultMessage: 'Fields of message {n} ({type})',
  },
  fieldsNote: {
    id: 'lab.netlink.table.fieldsNote',
    defaultMessage: '{n, plural, one {# field} other {# fields}}, {bytes} bytes',
  },
  colField: { id: 'lab.netlink.table.field', defaultMessage: 'Field' },
  colSize: { id: 'lab.netlink.table.size', defaultMessage: 'Size' },
  colBytes: { id: 'lab.netlink.table.bytes', defaultMessage: 'Bytes' },
  colValue: { id: 'lab.netlink.table.value', defaultMessage: 'Value' },
  fieldPos: { id: 'lab.netlink.table.pos', defaultMessage: '+{offset} · {size} B' },
  showFirst: { id: 'lab.netlink.table.showFirst', defaultMessage: 'Show the first {n}' },
  showAll: { id: 'lab.netlink.table.showAll', defaultMessage: 'Show all {n} fields' },

  // ---- macros and the walk ----
  macrosLabel: {
    id: 'lab.netlink.macros.label',
    defaultMessage: 'NLMSG macros for the {type} message',
  },
  noMacros: { id: 'lab.netlink.macros.none', defaultMessage: 'No macro values for this message.' },
  macrosNote: {
    id: 'lab.netlink.macros.note',
    defaultMessage:
      '<code>nlh</code> = buf + {offset}; payload = <code>nlmsg_len</code> − 16 = {payload} bytes{padding, plural, =0 {} one {, then # byte of <code>NLMSG_ALIGN</code> padding} other {, then # bytes of <code>NLMSG_ALIGN</code> padding}}.',
  },
  walkNav: { id: 'lab.netlink.walk.nav', defaultMessage: 'Step through the NLMSG_NEXT walk' },
  walkPrev: { id: 'lab.netlink.walk.prev', defaultMessage: '← Previous' },
  walkSteps: { id: 'lab.netlink.walk.steps', defaultMessage: '{n, plural, one {# step} other {# steps}}' },
  walkStep: { id: 'lab.netlink.walk.step', defaultMessage: 'Step {n} of {total}' },
  walkStart: { id: 'lab.netlink.walk.start', defaultMessage: 'Start →' },
  walkOk: {
    id: 'lab.netlink.walk.ok',
    description: 'The walk step on show when NLMSG_OK holds; ok: true (C), drawn green.',
    defaultMessage:
      '<code>nlh</code> = buf + {offset}, <code>len</code> = {remaining}: <code>NLMSG_OK</code> is {ok} (<code>nlmsg_len</code> {len} ≤ {remaining}); <code>NLMSG_NEXT</code> moves to {next} and leaves <code>len</code> = {left}.',
  },
  walkEnd: {
    id: 'lab.netlink.walk.end',
    description: 'The walk step on show when NLMSG_OK fails; ok: false (C), drawn red; unread: bytes left.',
    defaultMessage:
      '<code>nlh</code> = buf + {offset}, <code>len</code> = {remaining}: <code>NLMSG_OK</code> is {ok} — the loop ends here{unread, plural, =0 {} one {, # byte unread} other {, # bytes unread}}.',
  },
  walkRegion: { id: 'lab.netlink.walk.region', defaultMessage: 'NLMSG_NEXT walk, scrollable' },
  walkCaption: { id: 'lab.netlink.walk.caption', defaultMessage: '<code>NLMSG_NEXT</code> walk' },
  colStep: { id: 'lab.netlink.walk.colStep', defaultMessage: 'Step' },
  colNlh: { id: 'lab.netlink.walk.colNlh', defaultMessage: 'nlh (offset)' },
  colLen: { id: 'lab.netlink.walk.colLen', defaultMessage: 'len (remaining)' },
  colNext: { id: 'lab.netlink.walk.colNext', defaultMessage: 'next' },
  walkWindow: {
    id: 'lab.netlink.walk.window',
    defaultMessage: 'Steps {from}–{to} of {total} listed around the cursor.',
  },

  // ---- the splitter ----
  splitForm: { id: 'lab.netlink.split.form', defaultMessage: 'Split a frame' },
  frame: { id: 'lab.netlink.split.frame', defaultMessage: 'Frame size (bytes)' },
  max: { id: 'lab.netlink.split.max', defaultMessage: 'Largest payload per message' },
  mode: { id: 'lab.netlink.split.mode', defaultMessage: 'Mode' },
  correct: { id: 'lab.netlink.split.correct', defaultMessage: 'Correct' },
  mistakes: { id: 'lab.netlink.split.mistakes', defaultMessage: 'Common mistakes' },
  splitJoined: {
    id: 'lab.netlink.split.joined',
    defaultMessage:
      '{messages, plural, one {# message} other {# messages}}, {bytes} bytes. The receiver joins them back into {size} bytes.',
  },
  splitBroken: {
    id: 'lab.netlink.split.broken',
    defaultMessage:
      '{messages, plural, one {# message} other {# messages}}, {bytes} bytes. The receiver cannot join them: {why}.',
  },
  splitBrokenDefault: { id: 'lab.netlink.split.brokenDefault', defaultMessage: 'the sequence is broken' },
  splitFindings: { id: 'lab.netlink.split.findings', defaultMessage: 'Splitter findings' },
  splitRegion: { id: 'lab.netlink.split.region', defaultMessage: 'Multipart messages, scrollable' },
  splitCaption: { id: 'lab.netlink.split.caption', defaultMessage: 'Multipart messages' },
  splitFirst: { id: 'lab.netlink.split.first', defaultMessage: 'first {n} of {total}' },
  colPayload: { id: 'lab.netlink.split.payload', defaultMessage: 'Payload' },
  openSplit: { id: 'lab.netlink.split.open', defaultMessage: 'Open these bytes in the byte view ↑' },

  // ---- msghdr ----
  msghdrForm: { id: 'lab.netlink.msghdr.form', defaultMessage: 'msghdr inputs' },
  iov: { id: 'lab.netlink.msghdr.iov', defaultMessage: 'iovec lengths' },
  iovPlaceholder: { id: 'lab.netlink.msghdr.iovPlaceholder', defaultMessage: 'the whole buffer' },
  iovHint: {
    id: 'lab.netlink.msghdr.iovHint',
    defaultMessage: 'Comma-separated, e.g. 16, 24 (empty: one iovec over the buffer above).',
  },
  cmsgs: { id: 'lab.netlink.msghdr.cmsgs', defaultMessage: 'Control messages' },
  msghdrDiagram: {
    id: 'lab.netlink.msghdr.diagram',
    defaultMessage: 'msghdr, iovec array and control buffer',
  },
  controlLen: {
    id: 'lab.netlink.msghdr.controlLen',
    defaultMessage: '<code>msg_control</code> → {n} bytes',
  },
  controlBuffer: { id: 'lab.netlink.msghdr.control', defaultMessage: 'Control buffer' },
  cmsgData: { id: 'lab.netlink.msghdr.data', defaultMessage: 'data' },
  cmsgPad: { id: 'lab.netlink.msghdr.pad', defaultMessage: 'pad {n}' },
  noCmsgs: {
    id: 'lab.netlink.msghdr.noCmsgs',
    defaultMessage: 'No control messages: <code>msg_control = NULL</code>.',
  },
  sizeB: { id: 'lab.netlink.msghdr.size', defaultMessage: '{n} B' },
  // ---- the builder ----
  bItems: { id: 'lab.netlink.builder.items', defaultMessage: 'Messages in the builder' },
  bWindow: {
    id: 'lab.netlink.builder.window',
    defaultMessage: '{n} items; the ones around #{at} are listed (Previous/Next message moves).',
  },
  bRawChip: { id: 'lab.netlink.builder.rawChip', defaultMessage: 'raw {n} B' },
  bAddMessage: { id: 'lab.netlink.builder.addMessage', defaultMessage: '+ Message' },
  bRemoveItem: { id: 'lab.netlink.builder.removeItem', defaultMessage: 'Remove #{n}' },
  bRemove: { id: 'lab.netlink.builder.remove', defaultMessage: 'Remove' },
  bEmpty: {
    id: 'lab.netlink.builder.empty',
    defaultMessage: 'The buffer is empty: add a message or load a sample.',
  },
  bRawNote: {
    id: 'lab.netlink.builder.rawNote',
    defaultMessage: 'Bytes kept as they are ({why}). Edit them in the hex editor above, or remove them.',
  },
  bRawError: {
    id: 'lab.netlink.builder.raw.error',
    defaultMessage: '{typeName}: edit its bytes in the hex editor',
  },
  bRawLen: {
    id: 'lab.netlink.builder.raw.len',
    defaultMessage: '<code>nlmsg_len</code> does not fit: kept as bytes',
  },
  bRawInexact: {
    id: 'lab.netlink.builder.raw.inexact',
    defaultMessage: 'the builder cannot rebuild these bytes exactly: kept as bytes',
  },
  bRawBetween: { id: 'lab.netlink.builder.raw.between', defaultMessage: 'bytes between messages' },
  bRawAfter: { id: 'lab.netlink.builder.raw.after', defaultMessage: 'bytes after the last message' },
  bRawNotNetlink: { id: 'lab.netlink.builder.raw.notNetlink', defaultMessage: 'not a netlink message' },
  bMessage: { id: 'lab.netlink.builder.message', defaultMessage: 'Message {n}: {type}' },
  bLenHint: {
    id: 'lab.netlink.builder.lenHint',
    defaultMessage: 'Computed: 16 + family header + attributes.',
  },
  bPidHint: { id: 'lab.netlink.builder.pidHint', defaultMessage: '0: to or from the kernel.' },
  bGroupStandard: { id: 'lab.netlink.builder.group.standard', defaultMessage: 'standard' },
  bGroupGet: { id: 'lab.netlink.builder.group.get', defaultMessage: 'GET modifiers' },
  bGroupNew: { id: 'lab.netlink.builder.group.new', defaultMessage: 'NEW modifiers' },
  bGroupDelete: { id: 'lab.netlink.builder.group.delete', defaultMessage: 'DELETE modifiers' },
  bGroupAck: { id: 'lab.netlink.builder.group.ack', defaultMessage: 'ACK flags' },
  bReadFor: { id: 'lab.netlink.builder.readFor', defaultMessage: '· read for {type}' },
  bPickType: { id: 'lab.netlink.builder.pickType', defaultMessage: 'Pick a known type to see its flags.' },
  bFlagsApply: {
    id: 'lab.netlink.builder.flagsApply',
    defaultMessage:
      'Bits 0x100–0x800 mean different things by message kind (<code>include/uapi/linux/netlink.h</code>): for {type} the kernel reads them as {group}; the greyed groups name the same bits for other kinds.',
  },
  bFlagsNone: {
    id: 'lab.netlink.builder.flagsNone',
    defaultMessage:
      'Bits 0x100–0x800 mean different things by message kind (<code>include/uapi/linux/netlink.h</code>): no group applies to this type, so the kernel gives them no meaning here.',
  },
  bFamilyHeader: { id: 'lab.netlink.builder.familyHeader', defaultMessage: 'Family header' },
  bAttributes: { id: 'lab.netlink.builder.attributes', defaultMessage: 'Attributes' },
  bAddAttr: { id: 'lab.netlink.builder.addAttr', defaultMessage: '+ Attribute' },
  bAddAttrNested: { id: 'lab.netlink.builder.addAttrNested', defaultMessage: '+ Attribute (nested)' },
  bKind: { id: 'lab.netlink.builder.kind', defaultMessage: 'Kind' },
  bValue: { id: 'lab.netlink.builder.value', defaultMessage: 'Value' },
  bHex: { id: 'lab.netlink.builder.hex', defaultMessage: 'hex' },
  bRemoveAttr: { id: 'lab.netlink.builder.removeAttr', defaultMessage: 'Remove attribute {type}' },
  flag_NLM_F_REQUEST: {
    id: 'lab.netlink.builder.flag.NLM_F_REQUEST',
    defaultMessage:
      'It is a request message (<code>netlink_rcv_skb</code> only hands requests to the family)',
  },
  flag_NLM_F_MULTI: {
    id: 'lab.netlink.builder.flag.NLM_F_MULTI',
    defaultMessage: 'Part of a multipart message, terminated by <code>NLMSG_DONE</code>',
  },
  flag_NLM_F_ACK: {
    id: 'lab.netlink.builder.flag.NLM_F_ACK',
    defaultMessage: 'Reply with an acknowledgment (<code>NLMSG_ERROR</code> with error 0) on success',
  },
  flag_NLM_F_ECHO: {
    id: 'lab.netlink.builder.flag.NLM_F_ECHO',
    defaultMessage: 'Echo this request back (to the sender, as a notification)',
  },
  flag_NLM_F_DUMP_INTR: {
    id: 'lab.netlink.builder.flag.NLM_F_DUMP_INTR',
    defaultMessage: 'The dump was inconsistent because its data changed during the dump',
  },
  flag_NLM_F_DUMP_FILTERED: {
    id: 'lab.netlink.builder.flag.NLM_F_DUMP_FILTERED',
    defaultMessage: 'The dump was filtered as the request asked',
  },
  flag_NLM_F_ROOT: {
    id: 'lab.netlink.builder.flag.NLM_F_ROOT',
    defaultMessage: 'Return the complete table instead of a single entry',
  },
  flag_NLM_F_MATCH: {
    id: 'lab.netlink.builder.flag.NLM_F_MATCH',
    defaultMessage: 'Return all entries matching criteria passed in the message content',
  },
  flag_NLM_F_ATOMIC: {
    id: 'lab.netlink.builder.flag.NLM_F_ATOMIC',
    defaultMessage: 'Return an atomic snapshot of the table (unused by rtnetlink)',
  },
  flag_NLM_F_DUMP: {
    id: 'lab.netlink.builder.flag.NLM_F_DUMP',
    defaultMessage: '<code>NLM_F_ROOT|NLM_F_MATCH</code>: dump everything',
  },
  flag_NLM_F_REPLACE: {
    id: 'lab.netlink.builder.flag.NLM_F_REPLACE',
    defaultMessage: 'Replace an existing matching object',
  },
  flag_NLM_F_EXCL: {
    id: 'lab.netlink.builder.flag.NLM_F_EXCL',
    defaultMessage: 'Do not touch the object if it already exists (<code>-EEXIST</code>)',
  },
  flag_NLM_F_CREATE: {
    id: 'lab.netlink.builder.flag.NLM_F_CREATE',
    defaultMessage: 'Create the object if it does not exist',
  },
  flag_NLM_F_APPEND: {
    id: 'lab.netlink.builder.flag.NLM_F_APPEND',
    defaultMessage: 'Add to the end of the object list',
  },
  flag_NLM_F_NONREC: {
    id: 'lab.netlink.builder.flag.NLM_F_NONREC',
    defaultMessage: 'Do not delete recursively',
  },
  flag_NLM_F_BULK: {
    id: 'lab.netlink.builder.flag.NLM_F_BULK',
    defaultMessage: 'Delete multiple objects',
  },
  flag_NLM_F_CAPPED: {
    id: 'lab.netlink.builder.flag.NLM_F_CAPPED',
    defaultMessage: 'The request was capped: only its header is echoed',
  },
  flag_NLM_F_ACK_TLVS: {
    id: 'lab.netlink.builder.flag.NLM_F_ACK_TLVS',
    defaultMessage: 'Extended-ack TLVs follow the echoed request',
  },
  iEmpty: { id: 'lab.netlink.builder.issue.empty', defaultMessage: 'Enter a number.' },
  iNotANumber: {
    id: 'lab.netlink.builder.issue.notANumber',
    defaultMessage: '“{text}” is not a number (decimal or 0x hex).',
  },
  iTooBig: {
    id: 'lab.netlink.builder.issue.tooBig',
    defaultMessage: '{text} does not fit in {bits} bits (max {max}).',
  },
  iTooNegative: {
    id: 'lab.netlink.builder.issue.tooNegative',
    defaultMessage: '{text} does not fit in {bits} bits.',
  },
  iUnknownName: {
    id: 'lab.netlink.builder.issue.unknownName',
    defaultMessage: 'Unknown name “{text}”: pick one from the list or give a number.',
  },
  iTypeBits: {
    id: 'lab.netlink.builder.issue.typeBits',
    defaultMessage: '<code>nla_type</code> keeps 14 bits for the type (max 16383).',
  },
  iBytesNotHex: {
    id: 'lab.netlink.builder.issue.bytesNotHex',
    defaultMessage: 'Bytes are hex digits (e.g. 0a 00 00 01).',
  },
  iBytesOdd: {
    id: 'lab.netlink.builder.issue.bytesOdd',
    defaultMessage: 'Odd number of hex digits ({n}): each byte is two.',
  },

  // ---- the samples (the bytes stay in core/netlink/samples.ts) ----
  sGetlinkDump: {
    id: 'lab.netlink.sample.getlinkDump.title',
    defaultMessage: '<code>RTM_GETLINK</code> dump reply (lo)',
  },
  sGetlinkDumpWhat: {
    id: 'lab.netlink.sample.getlinkDump.what',
    defaultMessage:
      'The first <code>recvmsg()</code> of an <code>RTM_GETLINK</code> dump: <code>RTM_NEWLINK</code> for lo and veth1 with <code>NLM_F_MULTI</code>, <code>ifinfomsg</code>, and every <code>IFLA_*</code> attribute <code>rtnl_fill_ifinfo</code> puts (stats, nested <code>IFLA_AF_SPEC</code>, <code>IFLA_XDP</code>…).',
  },
  sGetlinkDone: {
    id: 'lab.netlink.sample.getlinkDone.title',
    defaultMessage: '<code>NLMSG_DONE</code> ending the link dump',
  },
  sGetlinkDoneWhat: {
    id: 'lab.netlink.sample.getlinkDone.what',
    defaultMessage:
      'The last <code>recvmsg()</code> of the dump: <code>NLMSG_DONE</code> with <code>NLM_F_MULTI</code> and an int 0 (<code>netlink_dump_done</code>).',
  },
  sGetaddrDump: {
    id: 'lab.netlink.sample.getaddrDump.title',
    defaultMessage: '<code>RTM_GETADDR</code> dump reply',
  },
  sGetaddrDumpWhat: {
    id: 'lab.netlink.sample.getaddrDump.what',
    defaultMessage:
      '<code>RTM_NEWADDR</code> for 127.0.0.1/8 on lo and 10.9.0.1/24 on veth0: <code>ifaddrmsg</code>, <code>IFA_ADDRESS</code>, <code>IFA_LOCAL</code>, <code>IFA_LABEL</code>, <code>IFA_FLAGS</code>, <code>IFA_CACHEINFO</code>.',
  },
  sGetrouteDump: {
    id: 'lab.netlink.sample.getrouteDump.title',
    defaultMessage: '<code>RTM_GETROUTE</code> dump reply',
  },
  sGetrouteDumpWhat: {
    id: 'lab.netlink.sample.getrouteDump.what',
    defaultMessage:
      'Seven <code>RTM_NEWROUTE</code> messages from the main and local tables: <code>rtmsg</code>, <code>RTA_TABLE</code>, <code>RTA_DST</code>, <code>RTA_GATEWAY</code> / <code>RTA_PREFSRC</code>, <code>RTA_OIF</code>.',
  },
  sNewaddrAck: {
    id: 'lab.netlink.sample.newaddrAck.title',
    defaultMessage: 'ACK (<code>NLMSG_ERROR</code> with error 0)',
  },
  sNewaddrAckWhat: {
    id: 'lab.netlink.sample.newaddrAck.what',
    defaultMessage:
      "<code>RTM_NEWADDR</code> with <code>NLM_F_ACK</code> succeeded: an <code>NLMSG_ERROR</code> with error 0 and the request's header only (<code>NLM_F_CAPPED</code>): 36 bytes.",
  },
  sNewaddrEexist: {
    id: 'lab.netlink.sample.newaddrEexist.title',
    defaultMessage: '<code>-EEXIST</code> with the request echoed',
  },
  sNewaddrEexistWhat: {
    id: 'lab.netlink.sample.newaddrEexist.what',
    defaultMessage:
      'The same <code>RTM_NEWADDR</code> with <code>NLM_F_EXCL</code> again: error -17 (<code>EEXIST</code>) and the whole 40-byte request copied back after it.',
  },
  sNewlinkExtack: {
    id: 'lab.netlink.sample.newlinkExtack.title',
    defaultMessage: '<code>-EOPNOTSUPP</code> with an extended-ack message',
  },
  sNewlinkExtackWhat: {
    id: 'lab.netlink.sample.newlinkExtack.what',
    defaultMessage:
      '<code>RTM_NEWLINK</code> of an unknown link kind with <code>NETLINK_EXT_ACK</code> and <code>NETLINK_CAP_ACK</code>: error -95, <code>NLM_F_CAPPED|NLM_F_ACK_TLVS</code>, <code>NLMSGERR_ATTR_MSG</code> "Unknown device type".',
  },
  sGenlCtrl: {
    id: 'lab.netlink.sample.genlCtrlGetfamily.title',
    defaultMessage: 'Generic netlink: nlctrl family reply',
  },
  sGenlCtrlWhat: {
    id: 'lab.netlink.sample.genlCtrlGetfamily.what',
    defaultMessage:
      '<code>CTRL_CMD_NEWFAMILY</code> answering <code>CTRL_CMD_GETFAMILY</code> "nlctrl": <code>genlmsghdr</code>, <code>CTRL_ATTR_FAMILY_ID</code> 0x10, version, nested <code>CTRL_ATTR_OPS</code> and <code>CTRL_ATTR_MCAST_GROUPS</code>.',
  },
  sSmallBuffer: {
    id: 'lab.netlink.sample.getlinkDumpSmallBuffer.title',
    defaultMessage: 'Truncated dump (256-byte buffer, <code>MSG_TRUNC</code>)',
  },
  sSmallBufferWhat: {
    id: 'lab.netlink.sample.getlinkDumpSmallBuffer.what',
    defaultMessage:
      'The link dump read with a 256-byte buffer: <code>recvmsg()</code> sets <code>MSG_TRUNC</code> and the first 1,468-byte message is cut after 256 bytes.',
  },
});

/** A sample's title and what it shows, by sample id (a sample without words keeps its English). */
export const SAMPLE_WORDS: Readonly<Record<string, { title: MessageDescriptor; what: MessageDescriptor }>> = {
  'getlink-dump': { title: W.sGetlinkDump, what: W.sGetlinkDumpWhat },
  'getlink-done': { title: W.sGetlinkDone, what: W.sGetlinkDoneWhat },
  'getaddr-dump': { title: W.sGetaddrDump, what: W.sGetaddrDumpWhat },
  'getroute-dump': { title: W.sGetrouteDump, what: W.sGetrouteDumpWhat },
  'newaddr-ack': { title: W.sNewaddrAck, what: W.sNewaddrAckWhat },
  'newaddr-eexist': { title: W.sNewaddrEexist, what: W.sNewaddrEexistWhat },
  'newlink-extack': { title: W.sNewlinkExtack, what: W.sNewlinkExtackWhat },
  'genl-ctrl-getfamily': { title: W.sGenlCtrl, what: W.sGenlCtrlWhat },
  'getlink-dump-small-buffer': { title: W.sSmallBuffer, what: W.sSmallBufferWhat },
};

/** A raw builder item's reason, by core's `row.raw.*` id. */
export const RAW_WHY: Readonly<Record<string, MessageDescriptor>> = {
  'row.raw.error': W.bRawError,
  'row.raw.len': W.bRawLen,
  'row.raw.inexact': W.bRawInexact,
  'row.raw.between': W.bRawBetween,
  'row.raw.after': W.bRawAfter,
  'row.raw.not-netlink': W.bRawNotNetlink,
};

/**
 * A builder field's problem, by core's `row.*` id (spec-rows.ts ROW_TEXT has the same English);
 * `row.encode` (an errno and the encoder's sentence) is core's encodeIssueMsg (spec-messages.ts).
 */
export const ISSUE_TEXT: Readonly<Record<string, MessageDescriptor>> = {
  'row.empty': W.iEmpty,
  'row.not-a-number': W.iNotANumber,
  'row.too-big': W.iTooBig,
  'row.too-negative': W.iTooNegative,
  'row.unknown-name': W.iUnknownName,
  'row.type-bits': W.iTypeBits,
  'row.bytes-not-hex': W.iBytesNotHex,
  'row.bytes-odd': W.iBytesOdd,
};

/** What a flag means (core/netlink/names.ts has the same English), by its name. */
export const FLAG_MEANING: Readonly<Record<string, MessageDescriptor>> = {
  NLM_F_REQUEST: W.flag_NLM_F_REQUEST,
  NLM_F_MULTI: W.flag_NLM_F_MULTI,
  NLM_F_ACK: W.flag_NLM_F_ACK,
  NLM_F_ECHO: W.flag_NLM_F_ECHO,
  NLM_F_DUMP_INTR: W.flag_NLM_F_DUMP_INTR,
  NLM_F_DUMP_FILTERED: W.flag_NLM_F_DUMP_FILTERED,
  NLM_F_ROOT: W.flag_NLM_F_ROOT,
  NLM_F_MATCH: W.flag_NLM_F_MATCH,
  NLM_F_ATOMIC: W.flag_NLM_F_ATOMIC,
  NLM_F_DUMP: W.flag_NLM_F_DUMP,
  NLM_F_REPLACE: W.flag_NLM_F_REPLACE,
  NLM_F_EXCL: W.flag_NLM_F_EXCL,
  NLM_F_CREATE: W.flag_NLM_F_CREATE,
  NLM_F_APPEND: W.flag_NLM_F_APPEND,
  NLM_F_NONREC: W.flag_NLM_F_NONREC,
  NLM_F_BULK: W.flag_NLM_F_BULK,
  NLM_F_CAPPED: W.flag_NLM_F_CAPPED,
  NLM_F_ACK_TLVS: W.flag_NLM_F_ACK_TLVS,
};

/** The name of a flag group (core/netlink/names.ts), by its English. */
export const FLAG_GROUP: Readonly<Record<string, MessageDescriptor>> = {
  standard: W.bGroupStandard,
  'GET modifiers': W.bGroupGet,
  'NEW modifiers': W.bGroupNew,
  'DELETE modifiers': W.bGroupDelete,
  'ACK flags': W.bGroupAck,
};
