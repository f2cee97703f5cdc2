/**
 * core/netlink — the netlink wire format as the kernel and its UAPI headers define it:
 * NLMSG_* / NLA_* / RTA_* / CMSG_* macros, decoding and encoding buffers of messages
 * (rtnetlink, generic netlink, NLMSG_ERROR with extended ack), diagnostics that name the
 * offending bytes, multipart splitting, and the msghdr/iovec/cmsghdr layout on x86-64.
 */
import { NLMSG_HDRLEN, nlmsgAlign, nlmsgLength, nlmsgPayload, nlmsgSpace } from './constants.ts';
import { RTM_TYPES, attrSetAt, messageSchema, type AttrKind } from './families.ts';
import type { NlFamily, NlMessage } from './types.ts';

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
  messageToSpec,
  typeValue,
  flagsValue,
  defaultValueKind,
  CTRL_CMD_VALUES,
} from './encode.ts';
export { flagGroups, flagNamesFor, errnoText } from './names.ts';
export { splitMultipart, joinMultipart, MAX_FRAME } from './multipart.ts';
export { msghdrLayout } from './msghdr.ts';
export { parseHex, toHex, hexDump, hexSpaced, hexPreview, byteHex, hexNumber } from '../hex/index.ts';
export { NETLINK_SAMPLES, TRUNCATED_SAMPLES } from './samples.ts';
export { CTRL_CMDS, RTM_TYPES, messageTypeName } from './families.ts';

/**
 * The NLMSG_* macros for a message (its nlmsg_len and offset) or for a payload length:
 * NLMSG_LENGTH, NLMSG_SPACE, NLMSG_ALIGN, NLMSG_PAYLOAD, NLMSG_DATA and NLMSG_NEXT offsets.
 */
export function nlmsgMacros(msg: NlMessage | number): Record<string, number> {
  const payload = typeof msg === 'number' ? msg : msg.len - NLMSG_HDRLEN;
  const offset = typeof msg === 'number' ? 0 : msg.offset;
  const len = nlmsgLength(payload);
  return {
    NLMSG_HDRLEN,
    payloadLen: payload,
    NLMSG_LENGTH: len,
    NLMSG_SPACE: nlmsgSpace(payload),
    NLMSG_ALIGN: nlmsgAlign(len),
    /** NLMSG_PAYLOAD(nlh, 0) = nlmsg_len - NLMSG_SPACE(0). */
    NLMSG_PAYLOAD: nlmsgPayload(len, 0),
    NLMSG_DATA: offset + NLMSG_HDRLEN,
    NLMSG_NEXT: offset + nlmsgAlign(len),
    padding: nlmsgAlign(len) - len,
  };
}

/** The message types a family knows, control messages first. */
export function typeNames(family: NlFamily): { name: string; value: number }[] {
  const control = [
    { name: 'NLMSG_NOOP', value: 1 },
    { name: 'NLMSG_ERROR', value: 2 },
    { name: 'NLMSG_DONE', value: 3 },
    { name: 'NLMSG_OVERRUN', value: 4 },
  ];
  if (family === 'route') return [...control, ...RTM_TYPES];
  if (family === 'generic') return [...control, { name: 'GENL_ID_CTRL', value: 0x10 }];
  return control;
}

/** The family header (struct members and sizes) a message type carries. */
export function familyHeaderFields(type: number, family: NlFamily): { name: string; size: number }[] {
  const h = messageSchema(type, family).header;
  return h ? h.members.map((m) => ({ name: m.name, size: m.size })) : [];
}

/** The attribute enum that applies to `type` messages at `path` (nested attribute types from the top). */
export function attrNames(
  type: number,
  family: NlFamily,
  path: number[] = [],
): { name: string; value: number; kind: AttrKind | string }[] {
  const set = attrSetAt(messageSchema(type, family).attrs, path);
  if (!set) return [];
  if (set.element) return [{ name: `${set.element.name}[n]`, value: 1, kind: set.element.kind }];
  return [...set.attrs].map(([value, d]) => ({ name: d.name, value, kind: d.kind }));
}
