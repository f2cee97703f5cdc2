/**
 * The netlink decoder's diagnostics as catalog messages (core/i18n). A diagnostic keeps its
 * English `message` (the JSON contract, DIAGNOSTIC_TEXT); `diagnosticMsg` gives the same sentence
 * as a Msg from its `id` and `values`, for the labs and the CLI in the reader's language.
 */
import { defineMessages, msg, type Msg } from '../i18n/index.ts';
import type { NlDiagnostic } from './types.ts';

const FLAG_IN_TYPE = defineMessages({
  'flag-in-type.done-payload': {
    id: 'netlink.diag.flagInType.donePayload',
    defaultMessage:
      '<code>nlmsg_type</code> = {type} is <code>{typeName}</code> to the receiver, but this is {n} bytes of payload is more than <code>NLMSG_DONE</code>’s int: looks like a flag (<code>NLM_F_*</code> = {type}) was stored in <code>nlmsg_type</code> instead of <code>nlmsg_flags</code>.',
  },
  'flag-in-type.control-payload': {
    id: 'netlink.diag.flagInType.controlPayload',
    defaultMessage:
      '<code>nlmsg_type</code> = {type} is <code>{typeName}</code> to the receiver, but this is a <code>{typeName}</code> with {n} bytes of payload: looks like a flag (<code>NLM_F_*</code> = {type}) was stored in <code>nlmsg_type</code> instead of <code>nlmsg_flags</code>.',
  },
  'flag-in-type.error-short': {
    id: 'netlink.diag.flagInType.errorShort',
    defaultMessage:
      '<code>nlmsg_type</code> = {type} is <code>{typeName}</code> to the receiver, but this is a message with {n} byte(s) of payload, too short for <code>struct nlmsgerr</code> (20): looks like a flag (<code>NLM_F_*</code> = {type}) was stored in <code>nlmsg_type</code> instead of <code>nlmsg_flags</code>.',
  },
  'flag-in-type.error-value': {
    id: 'netlink.diag.flagInType.errorValue',
    defaultMessage:
      '<code>nlmsg_type</code> = {type} is <code>{typeName}</code> to the receiver, but this is an error value of {error}, which is no -errno: looks like a flag (<code>NLM_F_*</code> = {type}) was stored in <code>nlmsg_type</code> instead of <code>nlmsg_flags</code>.',
  },
  'flag-in-type.error-no-header': {
    id: 'netlink.diag.flagInType.errorNoHeader',
    defaultMessage:
      '<code>nlmsg_type</code> = {type} is <code>{typeName}</code> to the receiver, but this is an <code>NLMSG_ERROR</code> without the 16-byte header of the request it answers: looks like a flag (<code>NLM_F_*</code> = {type}) was stored in <code>nlmsg_type</code> instead of <code>nlmsg_flags</code>.',
  },
  'flag-in-type.echo-len': {
    id: 'netlink.diag.flagInType.echoLen',
    defaultMessage:
      '<code>nlmsg_type</code> = {type} is <code>{typeName}</code> to the receiver, but this is an echoed request with <code>nlmsg_len</code> {len}: looks like a flag (<code>NLM_F_*</code> = {type}) was stored in <code>nlmsg_type</code> instead of <code>nlmsg_flags</code>.',
  },
});

const D = defineMessages({
  empty: { id: 'netlink.diag.empty', defaultMessage: 'The buffer is empty: <code>NLMSG_OK(nlh, 0)</code> is false at once.' },
  'short-tail': {
    id: 'netlink.diag.shortTail',
    defaultMessage:
      '{n} byte(s) left: fewer than the 16 of a <code>struct nlmsghdr</code>, so <code>NLMSG_OK</code> fails; <code>netlink_rcv_skb</code> (<code>net/netlink/af_netlink.c</code>) ignores them the same way.',
  },
  'nlmsg-len-short': {
    id: 'netlink.diag.nlmsgLenShort',
    defaultMessage:
      '<code>nlmsg_len</code> = {len} is smaller than the 16-byte header: <code>NLMSG_OK</code> fails and the walk stops; <code>netlink_rcv_skb</code> returns without an error or an ack and the rest of the buffer ({rem} bytes) is ignored.',
  },
  'msg-trunc': {
    id: 'netlink.diag.msgTrunc',
    defaultMessage:
      'Truncated (<code>MSG_TRUNC</code>): <code>nlmsg_len</code> says {len} bytes but only {rem} arrived; <code>recvmsg</code>’s buffer was too small and <code>netlink_recvmsg</code> (<code>net/netlink/af_netlink.c</code>) dropped the remaining {lost} bytes of the datagram.',
  },
  'msg-trunc.buffer': {
    id: 'netlink.diag.msgTruncBuffer',
    defaultMessage:
      '<code>recvmsg</code> reported <code>MSG_TRUNC</code>: the datagram was longer than the buffer and its end was dropped.',
  },
  'nlmsg-len-beyond': {
    id: 'netlink.diag.nlmsgLenBeyond',
    defaultMessage:
      '<code>nlmsg_len</code> = {len} runs {over} byte(s) past the end of the buffer ({rem} left): <code>NLMSG_OK</code> fails. The kernel’s <code>netlink_rcv_skb</code> drops such a message silently; on receive it means the buffer was truncated.',
  },
  'last-message-unpadded': {
    id: 'netlink.diag.lastMessageUnpadded',
    defaultMessage:
      'The last message is not padded to <code>NLMSG_ALIGN</code>: <code>NLMSG_NEXT</code> leaves len = {rem}, which ends the walk all the same.',
  },
  'multipart-continues': {
    id: 'netlink.diag.multipartContinues',
    defaultMessage:
      'The buffer ends inside a multipart reply (<code>NLM_F_MULTI</code> without <code>NLMSG_DONE</code>): the dump continues in the next <code>recvmsg()</code> (<code>netlink_dump</code> fills one skb per call).',
  },
  'nonzero-padding': {
    id: 'netlink.diag.nonzeroPadding',
    defaultMessage:
      'Non-zero <code>{what}</code> padding: the kernel zeroes alignment bytes (<code>nlmsg_put</code> / <code>__nla_reserve</code> in <code>lib/nlattr.c</code>); these bytes belong to nobody.',
  },
  'reserved-control-type': {
    id: 'netlink.diag.reservedControlType',
    defaultMessage:
      'Type {type} is below <code>NLMSG_MIN_TYPE</code> (0x10): a reserved control message. <code>netlink_rcv_skb</code> skips it (acking only with <code>NLM_F_ACK</code>). Was a flag stored in <code>nlmsg_type</code>?',
  },
  'family-header-short': {
    id: 'netlink.diag.familyHeaderShort',
    defaultMessage:
      'The payload has {n} byte(s), less than <code>struct {struct}</code> ({size}); <code>nlmsg_parse</code> (<code>include/net/netlink.h</code>) rejects such a request with <code>-EINVAL</code> (old dump requests sending only a 1-byte <code>rtgenmsg</code> are tolerated).',
  },
  'unknown-type': {
    id: 'netlink.diag.unknownType',
    defaultMessage:
      '<code>nlmsg_type</code> {type} is no <code>RTM_*</code> message type{over, select, yes { (<code>RTM_MAX</code> is {max}: <code>rtnetlink_rcv_msg</code> answers <code>-EOPNOTSUPP</code>)} other { (no handler is registered for it: <code>-EOPNOTSUPP</code>)}}{asFlag, select, none {} other {; it equals <code>{asFlag}</code> — was a flag stored in <code>nlmsg_type</code>?}}.',
  },
  'flag-unknown': {
    id: 'netlink.diag.flagUnknown',
    defaultMessage:
      'Bit(s) {bits} of <code>nlmsg_flags</code> are no <code>NLM_F_*</code> flag (<code>include/uapi/linux/netlink.h</code> defines 0x01–0x20 and 0x100–0x800); the kernel ignores them.',
  },
  'request-without-request-flag': {
    id: 'netlink.diag.requestWithoutRequestFlag',
    defaultMessage:
      '<code>{typeName}</code> is a request but <code>NLM_F_REQUEST</code> is not set: <code>netlink_rcv_skb</code> (<code>net/netlink/af_netlink.c</code>) skips it without calling the family (err = 0, an ack only if <code>NLM_F_ACK</code>).',
  },
  'dump-interrupted': {
    id: 'netlink.diag.dumpInterrupted',
    defaultMessage:
      '<code>NLM_F_DUMP_INTR</code>: the table changed during the dump (<code>nl_dump_check_consistent</code>); repeat the dump for a consistent view.',
  },
  'flag-meaningless.multi-on-request': {
    id: 'netlink.diag.flagMeaningless.multiOnRequest',
    defaultMessage:
      '<code>NLM_F_MULTI</code> on a request: it marks the parts of a multipart reply; the kernel ignores it here.',
  },
  'flag-meaningless.dump-flags-on-request': {
    id: 'netlink.diag.flagMeaningless.dumpFlagsOnRequest',
    defaultMessage:
      '<code>NLM_F_DUMP_INTR</code>/<code>NLM_F_DUMP_FILTERED</code> are set by the kernel on dump replies, not by requests.',
  },
  'flag-meaningless.append-on-get': {
    id: 'netlink.diag.flagMeaningless.appendOnGet',
    defaultMessage: '0x800 (<code>NLM_F_APPEND</code>) means nothing on a GET request.',
  },
  'flag-meaningless.replace-excl': {
    id: 'netlink.diag.flagMeaningless.replaceExcl',
    defaultMessage:
      '<code>NLM_F_REPLACE|NLM_F_EXCL</code> on a NEW request (the bits of <code>NLM_F_DUMP</code>): “replace it” and “fail if it exists” contradict each other.',
  },
  'flag-meaningless.create-append-on-del': {
    id: 'netlink.diag.flagMeaningless.createAppendOnDel',
    defaultMessage: '0x400/0x800 (CREATE/APPEND) mean nothing on a DELETE request.',
  },
  'flag-meaningless.ack-bits': {
    id: 'netlink.diag.flagMeaningless.ackBits',
    defaultMessage:
      'Only <code>NLM_F_CAPPED</code> and <code>NLM_F_ACK_TLVS</code> (0x100, 0x200) are defined for an ACK.',
  },
  'partial-dump-flag': {
    id: 'netlink.diag.partialDumpFlag',
    defaultMessage:
      'Only one of <code>NLM_F_ROOT</code>/<code>NLM_F_MATCH</code>: <code>rtnetlink_rcv_msg</code> (<code>net/core/rtnetlink.c</code>) tests <code>flags & NLM_F_DUMP</code>, so either bit alone starts a full dump.',
  },
  'echo-overrun': {
    id: 'netlink.diag.echoOverrun',
    defaultMessage:
      'The echoed request claims {len} bytes but only {n} follow (<code>NLM_F_CAPPED</code> not set).',
  },
  'unexpected-trailing': {
    id: 'netlink.diag.unexpectedTrailing',
    defaultMessage: '{n} byte(s) after the echoed request, but <code>NLM_F_ACK_TLVS</code> is not set.',
  },
  'attr-len-short': {
    id: 'netlink.diag.attrLenShort',
    defaultMessage:
      '<code>{name}</code>: <code>nla_len</code> = {len} is smaller than the 4-byte attribute header; <code>nla_ok</code> fails and the walk stops here (<code>nla_parse</code> returns <code>-EINVAL</code> with strict validation).',
  },
  'attr-truncated': {
    id: 'netlink.diag.attrTruncated',
    defaultMessage:
      '<code>{name}</code>: <code>nla_len</code> = {len} but the buffer ends after {rem} byte(s) (truncated message).',
  },
  'attr-overrun': {
    id: 'netlink.diag.attrOverrun',
    defaultMessage:
      '<code>{name}</code>: <code>nla_len</code> = {len} runs {over} byte(s) past the end of its container ({rem} left); <code>nla_ok</code> fails and the walk stops here.',
  },
  'attr-trailing': {
    id: 'netlink.diag.attrTrailing',
    defaultMessage:
      '{n} byte(s) left after the last attribute: fewer than an attribute header; <code>__nla_validate_parse</code> (<code>lib/nlattr.c</code>) warns “bytes leftover after parsing attributes” and strict validation rejects them.',
  },
  'attr-size.nest-header': {
    id: 'netlink.diag.attrSize.nestHeader',
    defaultMessage:
      '<code>{name}</code> holds <code>struct {struct}</code> ({size} bytes) before its attributes but has {len}; <code>rtnl_nla_parse_ifinfomsg</code> (<code>net/core/rtnetlink.c</code>) rejects it with <code>-EINVAL</code>.',
  },
  'attr-size.int': {
    id: 'netlink.diag.attrSize.int',
    defaultMessage:
      '<code>{name}</code> holds a <code>{kind}</code> ({size} bytes) but has {len}; <code>validate_nla</code> (<code>lib/nlattr.c</code>) rejects a shorter one and warns about a longer one.',
  },
  'attr-size.flag': {
    id: 'netlink.diag.attrSize.flag',
    defaultMessage: '<code>{name}</code> is a flag attribute and carries no payload, but has {len} byte(s).',
  },
  'attr-size.struct': {
    id: 'netlink.diag.attrSize.struct',
    defaultMessage: '<code>{name}</code> holds <code>struct {struct}</code> ({size} bytes) but has {len}.',
  },
  'nla-flags-exclusive': {
    id: 'netlink.diag.nlaFlagsExclusive',
    defaultMessage:
      '<code>{name}</code>: <code>NLA_F_NESTED</code> and <code>NLA_F_NET_BYTEORDER</code> are both set; <code>include/uapi/linux/netlink.h</code> declares them mutually exclusive (a nest holds attributes, not a number in network byte order).',
  },
  'nested-not-attrs': {
    id: 'netlink.diag.nestedNotAttrs',
    defaultMessage:
      '<code>{name}</code> has <code>NLA_F_NESTED</code> but its payload does not split into attributes from its first byte; without the family’s policy it is shown as bytes.',
  },
  'limit-messages': {
    id: 'netlink.diag.limitMessages',
    defaultMessage:
      'The decoder stops after {limit} messages (its limit; raise <code>limits.messages</code>): the remaining {n} byte(s) were not walked.',
  },
  'limit-attributes': {
    id: 'netlink.diag.limitAttributes',
    defaultMessage:
      'The decoder stops after {limit} attributes (its limit; raise <code>limits.attributes</code>): the remaining {n} byte(s) here were not walked.',
  },
  'limit-depth': {
    id: 'netlink.diag.limitDepth',
    defaultMessage:
      '<code>{name}</code> is nested {depth} levels deep, the decoder’s limit (<code>limits.depth</code>): its payload is shown as bytes, not walked.',
  },
  'limit-depth.echo': {
    id: 'netlink.diag.limitDepthEcho',
    defaultMessage:
      'An <code>NLMSG_ERROR</code> echoed inside {depth} others: the decoder does not follow the echo further.',
  },
  'bad-input': {
    id: 'netlink.diag.badInput',
    defaultMessage: '<code>decodeNetlink</code> takes the bytes as a <code>Uint8Array</code>, not {got}.',
  },
  'bad-input.option': {
    id: 'netlink.diag.badInputOption',
    defaultMessage: 'Decode option <code>{option}</code>: {why}.',
  },
  internal: { id: 'netlink.diag.internal', defaultMessage: 'decoder failure: {why}' },
});

const ALL: Record<string, { id: string }> = { ...FLAG_IN_TYPE, ...D };

/**
 * A diagnostic's sentence as a Msg (from its `id` and `values`); a diagnostic whose id has no
 * catalog message keeps its English text (`message`).
 */
export function diagnosticMsg(d: Pick<NlDiagnostic, 'id' | 'code' | 'values' | 'message'>): Msg | string {
  try {
    const id = d.id ?? d.code;
    const m = typeof id === 'string' && Object.hasOwn(ALL, id) ? ALL[id] : undefined;
    if (!m) return typeof d.message === 'string' ? d.message : '';
    const v: Record<string, string | number> = {};
    for (const [k, x] of Object.entries(d.values ?? {}))
      if (typeof x === 'string' || typeof x === 'number') v[k] = x;
    if (id === 'unknown-type') {
      v.over = Number(v.type) > Number(v.max) ? 'yes' : 'no';
      v.asFlag = v.asFlag ? String(v.asFlag) : 'none';
    }
    return msg(m, v);
  } catch {
    return ''; // values that cannot be read (a hostile object): nothing to say
  }
}
