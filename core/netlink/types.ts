/**
 * The shapes core/netlink returns: decoded netlink messages with every byte accounted for
 * (header fields, family header, attributes, padding), diagnostics that name the offending
 * bytes, the NLMSG_OK/NLMSG_NEXT walk, and the specs encodeNetlink builds buffers from.
 * The #/netlink lab draws these; it never parses bytes itself.
 */

/** NETLINK_ROUTE, NETLINK_GENERIC, or anything else (only the generic framing is known). */
export type NlFamily = 'route' | 'generic' | 'raw';

/** Byte order of the multi-byte fields: the host's (little-endian on x86-64) or big for teaching. */
export type Endian = 'le' | 'be';

import type { Msg } from '../i18n/index.ts';

/** One field drawn in the byte grid: where it is, what it holds, how to show it. */
export interface NlField {
  name: string;
  /** Byte offset from the start of the whole buffer. */
  offset: number;
  size: number;
  value: number | bigint | string;
  display: string;
  /** `display` as a message when it has words (`N bytes: …`); not in the JSON. */
  readonly displayMsg?: Msg;
  kind: 'len' | 'type' | 'flags' | 'seq' | 'pid' | 'family-header' | 'pad' | 'attr-header' | 'payload';
}

/** A finding about the bytes, never an exception. `offset`/`length` name the offending bytes. */
export interface NlDiagnostic {
  severity: 'error' | 'warning' | 'info';
  /** Stable machine code, e.g. `nlmsg-len-short`, `attr-overrun`, `flag-in-type`. */
  code: string;
  message: string;
  offset: number;
  length: number;
  /** The kernel function whose rule the finding is about (`netlink_rcv_skb`); added field. */
  fn?: string;
  /** Its source file (`net/netlink/af_netlink.c`); added field. */
  file?: string;
  /** The message id of `message` in the diagnostics table (`flag-in-type.echo-len`); added field. */
  id?: string;
  /** The numbers and names the message is made of, for a catalog to format; added field. */
  values?: Record<string, string | number>;
}

/** One attribute (struct nlattr / struct rtattr): 4-byte header, payload, padding to 4. */
export interface NlAttr {
  /** Offset of the attribute header in the whole buffer. */
  offset: number;
  /** nla_len as stored (header + payload, without padding). */
  len: number;
  /** nla_type & NLA_TYPE_MASK. */
  type: number;
  /** nla_type as stored, NLA_F_NESTED / NLA_F_NET_BYTEORDER included; added field. */
  rawType?: number;
  /** Its name in the family's enum (`IFLA_IFNAME`), or `attr N` when unknown. */
  name: string;
  /** NLA_F_NESTED was set, or the family declares it nested. */
  nested?: boolean;
  /** NLA_F_NET_BYTEORDER was set. */
  netByteorder?: boolean;
  value?: string | number | bigint;
  display?: string;
  /** `display` as a message when it has words (`2 nested attribute(s)`); not in the JSON. */
  readonly displayMsg?: Msg;
  children?: NlAttr[];
  /** Alignment bytes after the payload (NLA_ALIGN(len) - len, clipped to the buffer). */
  padding: number;
  fields: NlField[];
  /** The value's kind in the family's policy (`u32`, `string`, `nested`, `binary`…); added field. */
  kind?: string;
  /** The enum the type was looked up in (`IFLA`, `IFLA_INFO`, `CTRL_ATTR_OP`…), when one applies. */
  enum?: string;
}

export interface NlMessage {
  /** Offset of the nlmsghdr in the buffer. */
  offset: number;
  /** nlmsg_len as stored. */
  len: number;
  type: number;
  typeName: string;
  flags: number;
  flagNames: string[];
  seq: number;
  pid: number;
  header: NlField[];
  familyHeader?: { name: string; offset: number; size: number; fields: NlField[] };
  error?: { errno: number; name: string; strerror: string; echoed?: NlMessage; extack: NlAttr[] };
  attributes: NlAttr[];
  diagnostics: NlDiagnostic[];
  /** Alignment bytes after this message (NLMSG_ALIGN(len) - len, clipped to the buffer). */
  padding: number;
}

/** One step of `for (nlh = buf; NLMSG_OK(nlh, len); nlh = NLMSG_NEXT(nlh, len))`. */
export interface NlWalkStep {
  offset: number;
  remaining: number;
  nlmsgOk: boolean;
  nlmsgLen: number;
  /** Offset NLMSG_NEXT moves to (offset + NLMSG_ALIGN(nlmsg_len)). */
  next: number;
  /** The macro this step evaluates (`NLMSG_OK`) and its header; added fields. */
  fn?: string;
  file?: string;
}

/** The decoder's resource bounds; reaching one is a `limit-*` diagnostic, never an exception. */
export interface NlDecodeLimits {
  /** Messages walked in one buffer (default 100,000). */
  messages: number;
  /** Attributes walked in one buffer, nested ones included (default 1,000,000). */
  attributes: number;
  /** Nesting depth of attributes the decoder follows (default 32). */
  depth: number;
}

/**
 * What decodeNetlink returns. Messages, attributes and fields are built the first time they are
 * read and values rendered when asked for, so the objects are class instances with getters:
 * read them as properties, or JSON.stringify them (each has toJSON); structuredClone and an
 * object spread copy own fields only (offsets, numbers), not the parts behind getters.
 */
export interface NlDecodeResult {
  messages: NlMessage[];
  walk: NlWalkStep[];
  /** Buffer-level diagnostics (trailing bytes, MSG_TRUNC…); message-level ones sit on messages. */
  diagnostics: NlDiagnostic[];
  truncated: boolean;
}

export type NlAttrValueKind = 'u8' | 'u16' | 'u32' | 'u64' | 's32' | 'str' | 'strz' | 'bytes' | 'flag';

export interface NlAttrSpec {
  /** A number or the attribute's name in the enum of its parent (`IFLA_IFNAME`). */
  type: number | string;
  /** `bytes` takes hex; `str` is stored without NUL, `strz` with one; `flag` has no payload. */
  value?: { kind: NlAttrValueKind; v: string | number };
  nested?: NlAttrSpec[];
  /** Set NLA_F_NESTED / NLA_F_NET_BYTEORDER in nla_type (added field). */
  nlaFlags?: { nested?: boolean; netByteorder?: boolean };
}

export interface NlMessageSpec {
  /** A number or a name (`RTM_GETLINK`, `NLMSG_DONE`, `GENL_ID_CTRL`). */
  type: number | string;
  /** A number or names (`REQUEST`, `NLM_F_DUMP`). */
  flags: number | string[];
  seq: number;
  pid: number;
  /** Family-header fields by name (`ifi_family`, `cmd`…); missing ones are 0. */
  familyHeader?: Record<string, number>;
  attributes: NlAttrSpec[];
  /** Store this nlmsg_len instead of the real length (to build broken messages). */
  lenOverride?: number;
}

export type NlEncodeResult =
  | { ok: true; bytes: Uint8Array }
  | {
      ok: false;
      errno: string;
      why: string;
      /** The message id of `why` and its values (added fields). */
      id?: string;
      values?: Record<string, string | number>;
    };

export interface NlFlagGroup {
  group: string;
  flags: { name: string; bit: number; meaning: string }[];
}

export interface NlSplitMessage {
  offset: number;
  len: number;
  type: number;
  flags: number;
  payload: number;
}

export interface NlSplitResult {
  messages: NlSplitMessage[];
  bytes: Uint8Array;
  diagnostics: NlDiagnostic[];
  joined: { ok: boolean; size: number; why?: string };
}

export interface NlMsghdrLayout {
  structs: {
    name: string;
    offset: number;
    size: number;
    fields: { name: string; offset: number; size: number; value: string }[];
  }[];
  controllen: number;
  cmsgs: { offset: number; len: number; space: number; dataOffset: number }[];
  /** Why the input gave no layout, and the message id of it (added fields). */
  why?: string;
  whyId?: string;
}

export interface NlSample {
  id: string;
  title: string;
  family: NlFamily;
  hex: string;
  what: string;
}
