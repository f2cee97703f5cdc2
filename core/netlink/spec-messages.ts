/**
 * What encoding and spec checking say (spec-text.ts SPEC_TEXT, the English the JSON keeps) as
 * catalog messages: one message per `spec.*` / `encode.*` id, so the Netlink lab's builder and
 * `sockscope netlink encode --lang zh-CN` say it in the reader's language. The values are those
 * of the SpecFailure; the English words a few of them carry (what was found, what was wanted)
 * become messages of their own here. spec-messages.test.ts checks that the English is SPEC_TEXT's
 * word for word.
 */
import { hexFailMsg } from '../hex/messages.ts';
import { defineMessages, msg, type MessageDescriptor, type Msg, type MsgValue } from '../i18n/index.ts';
import type { SpecFailure } from './spec-text.ts';

const S = defineMessages({
  issue: {
    id: 'netlink.encode.issue',
    defaultMessage: '<code>{errno}</code>: {why}',
    description:
      'errno: EINVAL, ERANGE, EMSGSIZE. why: one of the netlink.spec.* / netlink.encode.* sentences.',
  },
  notArray: {
    id: 'netlink.spec.notArray',
    defaultMessage: 'the specs are a list (a JSON array) of messages, not {got}',
    description: 'got: what was given instead (netlink.spec.got).',
  },
  tooMany: {
    id: 'netlink.spec.tooMany',
    defaultMessage:
      '{path}: more than {limit} {what, select, attributes {attributes} other {messages}} (the limit)',
    description: 'path: where in the spec (message 0 attribute 1…).',
  },
  tooDeep: {
    id: 'netlink.spec.tooDeep',
    defaultMessage: '{path}: attributes nested more than {limit} levels deep (the limit)',
  },
  notObject: {
    id: 'netlink.spec.notObject',
    defaultMessage: '{path}: {what} is an object <code>{shape}</code>, not {got}',
    description: 'what: the thing (netlink.spec.what). shape: its JSON shape. got: what was given.',
  },
  unknownKey: {
    id: 'netlink.spec.unknownKey',
    defaultMessage: '{path}: unknown key "<code>{key}</code>" (known: <code>{known}</code>)',
  },
  missing: { id: 'netlink.spec.missing', defaultMessage: '{path}: "<code>{key}</code>" is missing' },
  badField: {
    id: 'netlink.spec.badField',
    defaultMessage: '{path}: {key} is {want}, not {got}',
    description:
      'key: the JSON key (netlink.spec.key). want: what it takes (netlink.spec.want). got: what it holds.',
  },
  valueAndNested: {
    id: 'netlink.spec.valueAndNested',
    defaultMessage:
      '{path}: both "<code>value</code>" and "<code>nested</code>"; an attribute holds a value or nested attributes, not both',
  },
  path: {
    id: 'netlink.spec.path',
    defaultMessage: '{attr, select, none {message {m}} other {message {m} attribute {attr}}}{rest}',
    description:
      'Where in the spec: the message and attribute indexes (from 0); rest is the path below it as written (/nested[0], /IFLA_LINKINFO[1], .value).',
  },
  got: {
    id: 'netlink.spec.got',
    defaultMessage:
      '{kind, select, null {<code>null</code>} array {an array} bytes {bytes} text {the text "{text}"} nothing {nothing} object {an object} unreadable {a value that cannot be read} type {a {text}} other {{text}}}',
    description:
      'A JavaScript value described: text is the text itself (kind text), its type (kind type: function, symbol) or the value as it prints (other: a number, true, false).',
  },
  what: {
    id: 'netlink.spec.what',
    defaultMessage:
      '{what, select, value {<code>value</code>} attribute {an attribute} message {a message} other {<code>{name}</code>}}',
    description: 'name: a JSON key (nlaFlags).',
  },
  key: {
    id: 'netlink.spec.key',
    defaultMessage: '{key, select, aValue {a value} other {<code>{name}</code>}}',
    description: 'name: a JSON key of the spec (type, flags, seq…).',
  },
  want: {
    id: 'netlink.spec.want',
    defaultMessage:
      '{want, select, kinds {one of <code>{kinds}</code>} numberOrText {a number or text} numberOrAttr {a number or an attribute name} numberOrType {a number or a message type name} attrList {a list of attributes} bool {true or false} headerObject {an object of member = number} number {a number} whole {a whole number} flags {a number or a list of <code>NLM_F_*</code> names} readable {readable} other {{text}}}',
    description: 'kinds: the attribute value kinds (u8 u16 …).',
  },
  badOptions: {
    id: 'netlink.encode.badOptions',
    defaultMessage:
      'options: <code>{option}</code> {option, select, family {is "route", "generic" or "raw"} endian {is "le" or "be"} other {{why}}}',
  },
  unknownType: {
    id: 'netlink.encode.unknownType',
    defaultMessage: '{path}: unknown type "{type}" for the {family} family',
    description: 'path: where in the spec (message 0…). family: route, generic or raw.',
  },
  unknownFlag: { id: 'netlink.encode.unknownFlag', defaultMessage: '{path}: unknown flag in {flags}' },
  notU32: {
    id: 'netlink.encode.notU32',
    defaultMessage: '{path}: {key} = {value} is not a <code>__u32</code>',
  },
  headerRange: {
    id: 'netlink.encode.headerRange',
    defaultMessage: '{path}: {struct}.{member} = {value} does not fit {size} byte(s)',
  },
  headerUnknown: {
    id: 'netlink.encode.headerUnknown',
    defaultMessage: '{path}: struct <code>{struct}</code> has no field {extra} (fields: {fields})',
  },
  noHeader: {
    id: 'netlink.encode.noHeader',
    defaultMessage: '{path}: {type} has no family header in the {family} family',
  },
  lenOverride: {
    id: 'netlink.encode.lenOverride',
    defaultMessage: '{path}: <code>lenOverride</code> {value} is not a <code>__u32</code>',
  },
  tooBig: {
    id: 'netlink.encode.tooBig',
    defaultMessage: 'the buffer would exceed {limit} bytes (the limit)',
  },
  attrType: {
    id: 'netlink.encode.attrType',
    defaultMessage:
      '{path}: unknown attribute type "{type}"{set, select, none {} other { in <code>{set}_*</code>}} (types are 0..16383)',
    description: 'set: the attribute enum looked in (IFLA…), none when there is none.',
  },
  nestTooBig: {
    id: 'netlink.encode.nestTooBig',
    defaultMessage:
      '{path}: {name} would be {size} bytes; <code>nla_len</code> is a <code>__u16</code> (<code>nla_nest_end</code> fails past 65535)',
  },
  attrTooBig: {
    id: 'netlink.encode.attrTooBig',
    defaultMessage: '{path}: {name} would be {size} bytes; <code>nla_len</code> is a <code>__u16</code>',
  },
  attrHex: {
    id: 'netlink.encode.attrHex',
    defaultMessage: '{path}: {name}: {why}',
    description: "why: the hex reader's sentence (hex.*).",
  },
  attrRange: {
    id: 'netlink.encode.attrRange',
    defaultMessage: '{path}: {name}: {value} does not fit a <code>{kind}</code>',
  },
});

/** The message of each `spec.*` / `encode.*` id (spec-text.ts SPEC_TEXT has its English). */
export const SPEC_MESSAGES: Readonly<Record<string, MessageDescriptor>> = {
  'spec.not-array': S.notArray,
  'spec.too-many': S.tooMany,
  'spec.too-deep': S.tooDeep,
  'spec.not-object': S.notObject,
  'spec.unknown-key': S.unknownKey,
  'spec.missing': S.missing,
  'spec.bad-field': S.badField,
  'spec.value-and-nested': S.valueAndNested,
  'encode.bad-options': S.badOptions,
  'encode.unknown-type': S.unknownType,
  'encode.unknown-flag': S.unknownFlag,
  'encode.not-u32': S.notU32,
  'encode.header-range': S.headerRange,
  'encode.header-unknown': S.headerUnknown,
  'encode.no-header': S.noHeader,
  'encode.len-override': S.lenOverride,
  'encode.too-big': S.tooBig,
  'encode.attr-type': S.attrType,
  'encode.nest-too-big': S.nestTooBig,
  'encode.attr-too-big': S.attrTooBig,
  'encode.attr-hex': S.attrHex,
  'encode.attr-range': S.attrRange,
};

/** describe()'s words (spec-text.ts) for the kinds of value that print as a fixed phrase. */
const GOT_KIND: Readonly<Record<string, string>> = {
  null: 'null',
  'an array': 'array',
  bytes: 'bytes',
  nothing: 'nothing',
  'an object': 'object',
  'a value that cannot be read': 'unreadable',
};

/** What describe() said of a value, as a message. */
function gotMsg(got: string): Msg {
  const text = /^the text "(.*)"$/su.exec(got);
  if (text) return msg(S.got, { kind: 'text', text: text[1] as string });
  const kind = GOT_KIND[got];
  if (kind) return msg(S.got, { kind, text: '' });
  const type = /^a (function|symbol)$/.exec(got);
  if (type) return msg(S.got, { kind: 'type', text: type[1] as string });
  return msg(S.got, { kind: 'other', text: got }); // a number, true, false, or a getter's own words
}

/** spec-check.ts's `what` (the thing that must be an object). */
const WHAT: Readonly<Record<string, string>> = {
  value: 'value',
  'an attribute': 'attribute',
  'a message': 'message',
};

/** spec-check.ts's `want` (what a key takes). */
const WANT: Readonly<Record<string, string>> = {
  'a number or text': 'numberOrText',
  'a number or an attribute name': 'numberOrAttr',
  'a number or a message type name': 'numberOrType',
  'a list of attributes': 'attrList',
  'true or false': 'bool',
  'an object of member = number': 'headerObject',
  'a number': 'number',
  'a whole number': 'whole',
  'a number or a list of NLM_F_* names': 'flags',
  readable: 'readable',
};

function wantMsg(want: string): Msg {
  const kinds = /^one of (.*)$/s.exec(want);
  if (kinds) return msg(S.want, { want: 'kinds', kinds: kinds[1] as string, text: '' });
  return msg(S.want, { want: WANT[want] ?? 'other', kinds: '', text: want });
}

/** spec-check.ts's and encode.ts's `message 0 attribute 1…` as a message; any other path as written. */
function pathMsg(path: string): MsgValue {
  const p = /^message (\d+)(?: attribute (\d+))?(.*)$/su.exec(path);
  if (!p) return path;
  return msg(S.path, { m: p[1] as string, attr: p[2] ?? 'none', rest: p[3] ?? '' });
}

/** A failure's values as its message takes them. */
function specValues(id: string, v: Readonly<Record<string, string | number>>): Record<string, MsgValue> {
  const out: Record<string, MsgValue> = { ...v };
  const str = (k: string): string => String(v[k] ?? '');
  if ('got' in v) out.got = gotMsg(str('got'));
  if ('path' in v) out.path = pathMsg(str('path'));
  if (id === 'spec.not-object')
    out.what = msg(S.what, { what: WHAT[str('what')] ?? 'other', name: str('what') });
  if (id === 'spec.bad-field') {
    out.key = msg(S.key, { key: str('key') === 'a value' ? 'aValue' : 'other', name: str('key') });
    out.want = wantMsg(str('want'));
  }
  if (id === 'encode.attr-type' && !v.set) out.set = 'none';
  if (id === 'encode.attr-hex' && (v.hex === 'not-text' || v.hex === 'char' || v.hex === 'odd'))
    out.why = hexFailMsg({ code: v.hex, at: v.at ?? '' });
  if (id === 'encode.bad-options' && !('why' in v)) out.why = '';
  return out;
}

/** What a failure that cannot be read says (a hostile value handed to the functions below). */
const UNREADABLE: Msg = msg(S.got, { kind: 'unreadable', text: '' });

/** A spec or encode failure's sentence as a message (an unknown id renders as itself). Never throws. */
export function specMsg(f: Pick<SpecFailure, 'id' | 'values'>): Msg {
  try {
    const id = f.id;
    const v = f.values;
    if (typeof id !== 'string' || typeof v !== 'object' || v === null) return UNREADABLE;
    const d = Object.hasOwn(SPEC_MESSAGES, id) ? SPEC_MESSAGES[id] : undefined;
    return d ? msg(d, specValues(id, v)) : { id };
  } catch {
    return UNREADABLE;
  }
}

/**
 * `EINVAL: <the sentence>`: a failed encode as the CLI and the builder show it (a failure
 * without an id keeps its English `why`). Never throws.
 */
export function encodeIssueMsg(
  f: Pick<SpecFailure, 'errno'> & Partial<Pick<SpecFailure, 'id' | 'values' | 'why'>>,
): Msg {
  try {
    const why = f.id ? specMsg({ id: f.id, values: f.values ?? {} }) : String(f.why ?? '');
    return msg(S.issue, { errno: String(f.errno), why });
  } catch {
    return msg(S.issue, { errno: '?', why: UNREADABLE });
  }
}
