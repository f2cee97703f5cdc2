/**
 * The decoder's findings as data: each diagnostic is a stable `code` (what is wrong), a message
 * `id` with `values` (which sentence says it, with what numbers), the bytes it names, and the
 * kernel function whose rule it is about. The English sentences live in this one table, so a
 * catalog (FormatJS) can take them over; kernel identifiers stay as they are.
 */
import type { NlDiagnostic } from './types.ts';

type Values = Record<string, string | number>;

const AF = 'net/netlink/af_netlink.c';
const NLATTR = 'lib/nlattr.c';
const RTNL = 'net/core/rtnetlink.c';
const UAPI = 'include/uapi/linux/netlink.h';
const SELF = { fn: 'decodeNetlink', file: 'core/netlink/decode.ts' };

/** The kernel function (and file) whose rule each diagnostic is about. */
export const DIAGNOSTIC_SOURCES: Record<string, { fn: string; file: string }> = {
  empty: { fn: 'NLMSG_OK', file: UAPI },
  'msg-trunc': { fn: 'netlink_recvmsg', file: AF },
  'trailing-bytes': { fn: 'netlink_rcv_skb', file: AF },
  'nlmsg-len-short': { fn: 'netlink_rcv_skb', file: AF },
  'nlmsg-len-beyond': { fn: 'netlink_rcv_skb', file: AF },
  'last-message-unpadded': { fn: 'NLMSG_NEXT', file: UAPI },
  'multipart-continues': { fn: 'netlink_dump', file: AF },
  'nonzero-padding': { fn: '__nla_reserve', file: NLATTR },
  'family-header-short': { fn: '__nlmsg_parse', file: 'include/net/netlink.h' },
  'flag-in-type': { fn: 'netlink_rcv_skb', file: AF },
  'reserved-control-type': { fn: 'netlink_rcv_skb', file: AF },
  'request-without-request-flag': { fn: 'netlink_rcv_skb', file: AF },
  'unknown-type': { fn: 'rtnetlink_rcv_msg', file: RTNL },
  'flag-unknown': { fn: 'netlink_rcv_skb', file: AF },
  'flag-meaningless': { fn: 'rtnetlink_rcv_msg', file: RTNL },
  'partial-dump-flag': { fn: 'rtnetlink_rcv_msg', file: RTNL },
  'dump-interrupted': { fn: 'nl_dump_check_consistent', file: 'include/net/netlink.h' },
  'echo-overrun': { fn: 'netlink_ack', file: AF },
  'unexpected-trailing': { fn: 'netlink_ack', file: AF },
  'attr-len-short': { fn: '__nla_validate_parse', file: NLATTR },
  'attr-overrun': { fn: '__nla_validate_parse', file: NLATTR },
  'attr-truncated': { fn: '__nla_validate_parse', file: NLATTR },
  'attr-trailing': { fn: '__nla_validate_parse', file: NLATTR },
  'attr-size': { fn: 'validate_nla', file: NLATTR },
  'nla-flags-exclusive': { fn: 'nla_type', file: UAPI },
  'nested-not-attrs': { fn: 'nla_validate_nested', file: 'include/net/netlink.h' },
  'limit-messages': SELF,
  'limit-attributes': SELF,
  'limit-depth': SELF,
  'bad-input': SELF,
  internal: SELF,
};

const s = (n: string | number | undefined): string => String(n ?? '');

/** What `flag-in-type` found the message to be, by message id. */
const FLAG_IN_TYPE_WHY: Record<string, (v: Values) => string> = {
  'flag-in-type.done-payload': (v) => `${s(v.n)} bytes of payload is more than NLMSG_DONE's int`,
  'flag-in-type.control-payload': (v) => `a ${s(v.typeName)} with ${s(v.n)} bytes of payload`,
  'flag-in-type.error-short': (v) =>
    `a message with ${s(v.n)} byte(s) of payload, too short for struct nlmsgerr (20)`,
  'flag-in-type.error-value': (v) => `an error value of ${s(v.error)}, which is no -errno`,
  'flag-in-type.error-no-header': () => 'an NLMSG_ERROR without the 16-byte header of the request it answers',
  'flag-in-type.echo-len': (v) => `an echoed request with nlmsg_len ${s(v.len)}`,
};

/** The English sentence of every message id. */
export const DIAGNOSTIC_TEXT: Record<string, (v: Values) => string> = {
  empty: () => 'The buffer is empty: NLMSG_OK(nlh, 0) is false at once.',
  'short-tail': (v) =>
    `${s(v.n)} byte(s) left: fewer than the 16 of a struct nlmsghdr, so NLMSG_OK fails; netlink_rcv_skb (net/netlink/af_netlink.c) ignores them the same way.`,
  'nlmsg-len-short': (v) =>
    `nlmsg_len = ${s(v.len)} is smaller than the 16-byte header: NLMSG_OK fails and the walk stops; netlink_rcv_skb returns without an error or an ack and the rest of the buffer (${s(v.rem)} bytes) is ignored.`,
  'msg-trunc': (v) =>
    `Truncated (MSG_TRUNC): nlmsg_len says ${s(v.len)} bytes but only ${s(v.rem)} arrived; recvmsg's buffer was too small and netlink_recvmsg (net/netlink/af_netlink.c) dropped the remaining ${s(v.lost)} bytes of the datagram.`,
  'msg-trunc.buffer': () =>
    'recvmsg reported MSG_TRUNC: the datagram was longer than the buffer and its end was dropped.',
  'nlmsg-len-beyond': (v) =>
    `nlmsg_len = ${s(v.len)} runs ${s(v.over)} byte(s) past the end of the buffer (${s(v.rem)} left): NLMSG_OK fails. The kernel's netlink_rcv_skb drops such a message silently; on receive it means the buffer was truncated.`,
  'last-message-unpadded': (v) =>
    `The last message is not padded to NLMSG_ALIGN: NLMSG_NEXT leaves len = ${s(v.rem)}, which ends the walk all the same.`,
  'multipart-continues': () =>
    'The buffer ends inside a multipart reply (NLM_F_MULTI without NLMSG_DONE): the dump continues in the next recvmsg() (netlink_dump fills one skb per call).',
  'nonzero-padding': (v) =>
    `Non-zero ${s(v.what)} padding: the kernel zeroes alignment bytes (nlmsg_put / __nla_reserve in lib/nlattr.c); these bytes belong to nobody.`,
  ...Object.fromEntries(
    Object.entries(FLAG_IN_TYPE_WHY).map(([id, why]) => [
      id,
      (v: Values) =>
        `nlmsg_type = ${s(v.type)} is ${s(v.typeName)} to the receiver, but this is ${why(v)}: looks like a flag (NLM_F_* = ${s(v.type)}) was stored in nlmsg_type instead of nlmsg_flags.`,
    ]),
  ),
  'reserved-control-type': (v) =>
    `Type ${s(v.type)} is below NLMSG_MIN_TYPE (0x10): a reserved control message. netlink_rcv_skb skips it (acking only with NLM_F_ACK). Was a flag stored in nlmsg_type?`,
  'family-header-short': (v) =>
    `The payload has ${s(v.n)} byte(s), less than struct ${s(v.struct)} (${s(v.size)}); nlmsg_parse (include/net/netlink.h) rejects such a request with -EINVAL (old dump requests sending only a 1-byte rtgenmsg are tolerated).`,
  'unknown-type': (v) =>
    `nlmsg_type ${s(v.type)} is no RTM_* message type${
      Number(v.type) > Number(v.max)
        ? ` (RTM_MAX is ${s(v.max)}: rtnetlink_rcv_msg answers -EOPNOTSUPP)`
        : ' (no handler is registered for it: -EOPNOTSUPP)'
    }${v.asFlag ? `; it equals ${s(v.asFlag)} — was a flag stored in nlmsg_type?` : ''}.`,
  'flag-unknown': (v) =>
    `Bit(s) ${s(v.bits)} of nlmsg_flags are no NLM_F_* flag (include/uapi/linux/netlink.h defines 0x01–0x20 and 0x100–0x800); the kernel ignores them.`,
  'request-without-request-flag': (v) =>
    `${s(v.typeName)} is a request but NLM_F_REQUEST is not set: netlink_rcv_skb (net/netlink/af_netlink.c) skips it without calling the family (err = 0, an ack only if NLM_F_ACK).`,
  'dump-interrupted': () =>
    'NLM_F_DUMP_INTR: the table changed during the dump (nl_dump_check_consistent); repeat the dump for a consistent view.',
  'flag-meaningless.multi-on-request': () =>
    'NLM_F_MULTI on a request: it marks the parts of a multipart reply; the kernel ignores it here.',
  'flag-meaningless.dump-flags-on-request': () =>
    'NLM_F_DUMP_INTR/NLM_F_DUMP_FILTERED are set by the kernel on dump replies, not by requests.',
  'flag-meaningless.append-on-get': () => '0x800 (NLM_F_APPEND) means nothing on a GET request.',
  'flag-meaningless.replace-excl': () =>
    'NLM_F_REPLACE|NLM_F_EXCL on a NEW request (the bits of NLM_F_DUMP): "replace it" and "fail if it exists" contradict each other.',
  'flag-meaningless.create-append-on-del': () =>
    '0x400/0x800 (CREATE/APPEND) mean nothing on a DELETE request.',
  'flag-meaningless.ack-bits': () =>
    'Only NLM_F_CAPPED and NLM_F_ACK_TLVS (0x100, 0x200) are defined for an ACK.',
  'partial-dump-flag': () =>
    'Only one of NLM_F_ROOT/NLM_F_MATCH: rtnetlink_rcv_msg (net/core/rtnetlink.c) tests `flags & NLM_F_DUMP`, so either bit alone starts a full dump.',
  'echo-overrun': (v) =>
    `The echoed request claims ${s(v.len)} bytes but only ${s(v.n)} follow (NLM_F_CAPPED not set).`,
  'unexpected-trailing': (v) => `${s(v.n)} byte(s) after the echoed request, but NLM_F_ACK_TLVS is not set.`,
  'attr-len-short': (v) =>
    `${s(v.name)}: nla_len = ${s(v.len)} is smaller than the 4-byte attribute header; nla_ok fails and the walk stops here (nla_parse returns -EINVAL with strict validation).`,
  'attr-truncated': (v) =>
    `${s(v.name)}: nla_len = ${s(v.len)} but the buffer ends after ${s(v.rem)} byte(s) (truncated message).`,
  'attr-overrun': (v) =>
    `${s(v.name)}: nla_len = ${s(v.len)} runs ${s(v.over)} byte(s) past the end of its container (${s(v.rem)} left); nla_ok fails and the walk stops here.`,
  'attr-trailing': (v) =>
    `${s(v.n)} byte(s) left after the last attribute: fewer than an attribute header; __nla_validate_parse (lib/nlattr.c) warns "bytes leftover after parsing attributes" and strict validation rejects them.`,
  'attr-size.nest-header': (v) =>
    `${s(v.name)} holds struct ${s(v.struct)} (${s(v.size)} bytes) before its attributes but has ${s(v.len)}; rtnl_nla_parse_ifinfomsg (net/core/rtnetlink.c) rejects it with -EINVAL.`,
  'attr-size.int': (v) =>
    `${s(v.name)} holds a ${s(v.kind)} (${s(v.size)} bytes) but has ${s(v.len)}; validate_nla (lib/nlattr.c) rejects a shorter one and warns about a longer one.`,
  'attr-size.flag': (v) =>
    `${s(v.name)} is a flag attribute and carries no payload, but has ${s(v.len)} byte(s).`,
  'attr-size.struct': (v) =>
    `${s(v.name)} holds struct ${s(v.struct)} (${s(v.size)} bytes) but has ${s(v.len)}.`,
  'nla-flags-exclusive': (v) =>
    `${s(v.name)}: NLA_F_NESTED and NLA_F_NET_BYTEORDER are both set; include/uapi/linux/netlink.h declares them mutually exclusive (a nest holds attributes, not a number in network byte order).`,
  'nested-not-attrs': (v) =>
    `${s(v.name)} has NLA_F_NESTED but its payload does not split into attributes from its first byte; without the family's policy it is shown as bytes.`,
  'limit-messages': (v) =>
    `The decoder stops after ${s(v.limit)} messages (its limit; raise limits.messages): the remaining ${s(v.n)} byte(s) were not walked.`,
  'limit-attributes': (v) =>
    `The decoder stops after ${s(v.limit)} attributes (its limit; raise limits.attributes): the remaining ${s(v.n)} byte(s) here were not walked.`,
  'limit-depth': (v) =>
    `${s(v.name)} is nested ${s(v.depth)} levels deep, the decoder's limit (limits.depth): its payload is shown as bytes, not walked.`,
  'limit-depth.echo': (v) =>
    `An NLMSG_ERROR echoed inside ${s(v.depth)} others: the decoder does not follow the echo further.`,
  'bad-input': (v) => `decodeNetlink takes the bytes as a Uint8Array, not ${s(v.got)}.`,
  'bad-input.option': (v) => `Decode option ${s(v.option)}: ${s(v.why)}.`,
  internal: (v) => `decoder failure: ${s(v.why)}`,
};

/** The English text of a message id (the id itself when the table has no entry). */
export function diagnosticText(id: string, values: Values = {}): string {
  if (typeof id !== 'string') return '';
  const t = Object.hasOwn(DIAGNOSTIC_TEXT, id) ? DIAGNOSTIC_TEXT[id] : undefined;
  try {
    return t ? t(values) : id;
  } catch {
    return id; // values that cannot be read
  }
}

/** A diagnostic: `code` and `id` (defaults to the code), the values, the bytes, the kernel source. */
export function diag(
  severity: NlDiagnostic['severity'],
  code: string,
  values: Values,
  offset: number,
  length: number,
  id: string = code,
): NlDiagnostic {
  const src = DIAGNOSTIC_SOURCES[code];
  const d: NlDiagnostic = {
    severity,
    code,
    message: diagnosticText(id, values),
    offset,
    length,
    id,
    values,
  };
  if (src) {
    d.fn = src.fn;
    d.file = src.file;
  }
  return d;
}

/** Whether any byte in [start, end) is not zero. */
export function nonZero(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i] !== 0) return true;
  return false;
}

/** __nla_reserve / nlmsg_put zero their alignment bytes: report non-zero ones in [start, end). */
export function paddingProblem(
  bytes: Uint8Array,
  start: number,
  end: number,
  out: NlDiagnostic[],
  what: string,
): void {
  for (let i = start; i < end; i++)
    if (bytes[i] !== 0) {
      out.push(diag('warning', 'nonzero-padding', { what }, start, end - start));
      return;
    }
}
