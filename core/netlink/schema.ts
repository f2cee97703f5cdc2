/**
 * What the lab's forms and the CLI ask of a family's schema: the message types it knows, the
 * family header a type carries, the attribute enum that applies at a nesting path, and the
 * NLMSG_* macros of a message. Each takes any JavaScript value and answers something empty for
 * what it does not know, never an exception.
 */
import { NLMSG_HDRLEN, nlmsgAlign, nlmsgLength, nlmsgPayload, nlmsgSpace } from './constants.ts';
import { RTM_TYPES, attrSetAt, messageSchema, type AttrKind } from './families.ts';
import type { NlFamily, NlMessage } from './types.ts';

const isFamily = (f: unknown): f is NlFamily => f === 'route' || f === 'generic' || f === 'raw';
const isType = (t: unknown): t is number =>
  typeof t === 'number' && Number.isInteger(t) && t >= 0 && t <= 0xffff;

/**
 * The NLMSG_* macros for a message (its nlmsg_len and offset) or for a payload length:
 * NLMSG_LENGTH, NLMSG_SPACE, NLMSG_ALIGN, NLMSG_PAYLOAD, NLMSG_DATA and NLMSG_NEXT offsets.
 * Anything else gives an empty record.
 */
export function nlmsgMacros(msg: NlMessage | number): Record<string, number> {
  try {
    return macrosOf(msg);
  } catch {
    return {};
  }
}

function macrosOf(msg: NlMessage | number): Record<string, number> {
  let payload: number;
  let offset = 0;
  if (typeof msg === 'number' && Number.isFinite(msg)) payload = msg;
  else if (
    typeof msg === 'object' &&
    msg !== null &&
    typeof msg.len === 'number' &&
    typeof msg.offset === 'number'
  ) {
    payload = msg.len - NLMSG_HDRLEN;
    offset = msg.offset;
  } else return {};
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
  if (!isType(type) || !isFamily(family)) return [];
  const h = messageSchema(type, family).header;
  return h ? h.members.map((m) => ({ name: m.name, size: m.size })) : [];
}

/** The attribute enum that applies to `type` messages at `path` (nested attribute types from the top). */
export function attrNames(
  type: number,
  family: NlFamily,
  path: number[] = [],
): { name: string; value: number; kind: AttrKind | string }[] {
  try {
    return namesAt(type, family, path);
  } catch {
    return []; // a path that throws while being read
  }
}

function namesAt(
  type: number,
  family: NlFamily,
  path: number[],
): { name: string; value: number; kind: AttrKind | string }[] {
  if (!isType(type) || !isFamily(family) || !Array.isArray(path) || !path.every((t) => typeof t === 'number'))
    return [];
  const set = attrSetAt(messageSchema(type, family).attrs, path);
  if (!set) return [];
  if (set.element) return [{ name: `${set.element.name}[n]`, value: 1, kind: set.element.kind }];
  return [...set.attrs].map(([value, d]) => ({ name: d.name, value, kind: d.kind }));
}
