/**
 * core/netlink — the netlink wire format as the kernel and its UAPI headers define it:
 * NLMSG_* / NLA_* / RTA_* / CMSG_* macros, decoding and encoding buffers of messages
 * (rtnetlink, generic netlink, NLMSG_ERROR with extended ack), diagnostics that name the
 * offending bytes, multipart splitting, and the msghdr/iovec/cmsghdr layout on x86-64.
 */

export * from './types.ts';
export {
  NLM_F,
  NLMSG_TYPES,
  NLA_F,
  NLMSGERR_ATTR,
  NLMSG_ALIGNTO,
  NLMSG_HDRLEN,
  NLMSG_NOOP,
  NLMSG_ERROR,
  NLMSG_DONE,
  NLMSG_OVERRUN,
  NLMSG_MIN_TYPE,
  NLA_HDRLEN,
  NLA_F_NESTED,
  NLA_F_NET_BYTEORDER,
  NLA_TYPE_MASK,
  GENL_ID_CTRL,
  STRUCT_SIZES,
  STRUCT_OFFSETS,
  SIZEOF_CMSGHDR,
  alignU32,
  nlmsgAlign,
  nlmsgLength,
  nlmsgSpace,
  nlmsgData,
  nlmsgNext,
  nlmsgOk,
  nlmsgPayload,
  nlaAlign,
  nlaOk,
  rtaAlign,
  rtaOk,
  rtaLength,
  rtaSpace,
  rtaData,
  rtaPayload,
  rtaNext,
  cmsgAlign,
  cmsgLen,
  cmsgSpace,
  cmsgData,
  cmsgFirstHdr,
  cmsgNxtHdr,
  cmsgOk,
  RTM_MAX,
} from './constants.ts';
export { decodeNetlink, DIAGNOSTIC_SOURCES, DECODE_LIMITS, type DecodeOptions } from './decode.ts';
export { DIAGNOSTIC_TEXT, diagnosticText } from './diagnostics.ts';
export {
  encodeNetlink,
  typeValue,
  flagsValue,
  defaultValueKind,
  CTRL_CMD_VALUES,
  MAX_ENCODE_BYTES,
} from './encode.ts';
export { messageToSpec } from './spec.ts';
export { flagGroups, flagNamesFor, errnoText, errnoMsg } from './names.ts';
export { splitMultipart, joinMultipart, MAX_FRAME } from './multipart.ts';
export { msghdrLayout } from './msghdr.ts';
export { parseHex, toHex, hexDump, hexSpaced, hexPreview, byteHex, hexNumber } from '../hex/index.ts';
export { NETLINK_SAMPLES, TRUNCATED_SAMPLES } from './samples.ts';
export { CTRL_CMDS, RTM_TYPES, messageTypeName } from './families.ts';

export { nlmsgMacros, typeNames, familyHeaderFields, attrNames } from './schema.ts';
export { attrToSpec, specToMessage, rawTypeOf, type SpecToMessage } from './spec.ts';
export { checkSpecs, SPEC_LIMITS, VALUE_KINDS } from './spec-check.ts';
export { SPEC_TEXT } from './spec-text.ts';
export { SPEC_MESSAGES, specMsg, encodeIssueMsg } from './spec-messages.ts';
export {
  parseNumberText,
  rowToSpec,
  rowToBytes,
  rowsToBytes,
  messageToRow,
  rowsFromBytes,
  type ReuseRow,
  ROW_KINDS,
  ROW_TEXT,
  type NlAttrRow,
  type NlHeaderRow,
  type NlMessageRow,
  type NlRawRow,
  type NlRowIssue,
  type NlRowKind,
  type NumberText,
} from './spec-rows.ts';
export { diagnosticMsg } from './diagnostic-messages.ts';
