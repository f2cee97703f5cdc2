/**
 * decodeNetlink: a buffer of netlink messages as recvmsg() returns it (or as sendmsg() hands it
 * to netlink_rcv_skb), walked the way `for (nlh = buf; NLMSG_OK(nlh, len); nlh = NLMSG_NEXT(nlh, len))`
 * walks it (include/uapi/linux/netlink.h), each message's attributes walked with nla_ok/nla_next
 * (include/net/netlink.h, lib/nlattr.c). Every byte is accounted for as a field or as padding;
 * anything odd becomes a diagnostic naming the bytes. Reads through one DataView; never copies.
 */
import {
  NLM_F,
  RTM_MAX,
  NLA_F_NESTED,
  NLA_F_NET_BYTEORDER,
  NLMSG_DONE,
  NLMSG_ERROR,
  NLMSG_HDRLEN,
  NLMSG_NOOP,
  NLMSG_OVERRUN,
  nlaAlign,
  nlmsgAlign,
  nlmsgOk,
} from './constants.ts';
import {
  GENL_UNKNOWN,
  NLMSGERR_ATTRS,
  RTM_TYPES,
  childSet,
  lookupAttr,
  messageSchema,
  messageTypeName,
  requestKind,
  structSize,
  type AttrDef,
  type AttrSet,
  type StructDef,
} from './families.ts';
import { errnoText, flagKind, flagNamesFor, genlCmdName, headerValueDisplay } from './names.ts';
import type {
  Endian,
  NlAttr,
  NlDecodeResult,
  NlDiagnostic,
  NlFamily,
  NlField,
  NlMessage,
  NlWalkStep,
} from './types.ts';

export interface DecodeOptions {
  family: NlFamily;
  endian?: Endian;
  /** recvmsg() reported MSG_TRUNC: the kernel dropped the end of the datagram. */
  truncated?: boolean;
  /** For `raw`: read the payload after nlmsghdr as attributes (no family header). */
  rawAttrs?: boolean;
}

interface Ctx {
  dv: DataView;
  bytes: Uint8Array;
  le: boolean;
  family: NlFamily;
  rawAttrs: boolean;
  /** Address family of the message being decoded (ifa_family, rtm_family…) for IP addresses. */
  af: number;
  /** How many nlmsgerr echoes deep we are (an ACK of an NLMSG_ERROR echoes an NLMSG_ERROR…). */
  echoDepth: number;
}

const hex2 = (n: number): string => (n < 16 ? '0' : '') + n.toString(16);
function hexOf(b: Uint8Array, start: number, end: number, max = Infinity): string {
  let s = '';
  const stop = Math.min(end, start + max);
  for (let i = start; i < stop; i++) s += hex2(b[i] as number);
  return stop < end ? `${s}…` : s;
}

function diag(
  severity: NlDiagnostic['severity'],
  code: string,
  message: string,
  offset: number,
  length: number,
): NlDiagnostic {
  return { severity, code, message, offset, length };
}

const AF = 'net/netlink/af_netlink.c';
const NLATTR = 'lib/nlattr.c';
const RTNL = 'net/core/rtnetlink.c';
/** The kernel function (and file) whose rule each diagnostic is about. */
export const DIAGNOSTIC_SOURCES: Record<string, { fn: string; file: string }> = {
  empty: { fn: 'NLMSG_OK', file: 'include/uapi/linux/netlink.h' },
  'msg-trunc': { fn: 'netlink_recvmsg', file: AF },
  'trailing-bytes': { fn: 'netlink_rcv_skb', file: AF },
  'nlmsg-len-short': { fn: 'netlink_rcv_skb', file: AF },
  'nlmsg-len-beyond': { fn: 'netlink_rcv_skb', file: AF },
  'last-message-unpadded': { fn: 'NLMSG_NEXT', file: 'include/uapi/linux/netlink.h' },
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
  'nla-flags-exclusive': { fn: 'nla_type', file: 'include/uapi/linux/netlink.h' },
  'nested-not-attrs': { fn: 'nla_validate_nested', file: 'include/net/netlink.h' },
  internal: { fn: 'decodeNetlink', file: 'core/netlink/decode.ts' },
};

function withSource(d: NlDiagnostic): void {
  const s = DIAGNOSTIC_SOURCES[d.code];
  if (s && d.fn === undefined) {
    d.fn = s.fn;
    d.file = s.file;
  }
}

/** Decode a buffer of netlink messages. Never throws: bad bytes become diagnostics. */
export function decodeNetlink(bytes: Uint8Array, opts: DecodeOptions): NlDecodeResult {
  try {
    const r = decodeBuffer(bytes, opts);
    r.diagnostics.forEach(withSource);
    const visit = (m: NlMessage) => {
      m.diagnostics.forEach(withSource);
      if (m.error?.echoed) visit(m.error.echoed);
    };
    r.messages.forEach(visit);
    return r;
  } catch (e) {
    return {
      messages: [],
      walk: [],
      diagnostics: [
        {
          ...diag('error', 'internal', `decoder failure: ${(e as Error).message}`, 0, bytes.length),
          ...DIAGNOSTIC_SOURCES.internal,
        },
      ],
      truncated: !!opts.truncated,
    };
  }
}

function decodeBuffer(bytes: Uint8Array, opts: DecodeOptions): NlDecodeResult {
  const ctx: Ctx = {
    dv: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    bytes,
    le: (opts.endian ?? 'le') === 'le',
    family: opts.family,
    rawAttrs: !!opts.rawAttrs,
    af: 0,
    echoDepth: 0,
  };
  const messages: NlMessage[] = [];
  const walk: NlWalkStep[] = [];
  const diagnostics: NlDiagnostic[] = [];
  let truncated = !!opts.truncated;
  const n = bytes.length;
  if (n === 0)
    diagnostics.push(diag('info', 'empty', 'The buffer is empty: NLMSG_OK(nlh, 0) is false at once.', 0, 0));

  let off = 0;
  let rem = n;
  for (;;) {
    // NLMSG_OK reads nlmsg_len only when len >= sizeof(struct nlmsghdr) (the && short-circuits).
    const readable = rem >= 4;
    const nlmsgLen = readable ? ctx.dv.getUint32(off, ctx.le) : -1;
    const ok = readable && nlmsgOk(nlmsgLen, rem);
    walk.push({
      offset: off,
      remaining: rem,
      nlmsgOk: ok,
      nlmsgLen,
      next: ok ? off + nlmsgAlign(nlmsgLen) : off,
      fn: ok ? 'NLMSG_OK, NLMSG_NEXT' : 'NLMSG_OK',
      file: 'include/uapi/linux/netlink.h',
    });
    if (!ok) {
      if (rem <= 0) break;
      if (rem < NLMSG_HDRLEN) {
        diagnostics.push(
          diag(
            truncated ? 'error' : 'warning',
            truncated ? 'msg-trunc' : 'trailing-bytes',
            `${rem} byte(s) left: fewer than the 16 of a struct nlmsghdr, so NLMSG_OK fails; netlink_rcv_skb (net/netlink/af_netlink.c) ignores them the same way.`,
            off,
            rem,
          ),
        );
        break;
      }
      if (nlmsgLen < NLMSG_HDRLEN) {
        const m = decodeMessage(ctx, off, nlmsgLen, off + NLMSG_HDRLEN, false);
        m.diagnostics.unshift(
          diag(
            'error',
            'nlmsg-len-short',
            `nlmsg_len = ${nlmsgLen} is smaller than the 16-byte header: NLMSG_OK fails and the walk stops; netlink_rcv_skb returns without an error or an ack and the rest of the buffer (${rem} bytes) is ignored.`,
            off,
            4,
          ),
        );
        messages.push(m);
        break;
      }
      // nlmsg_len > remaining: a message cut short.
      if (truncated || opts.truncated) {
        truncated = true;
        const m = decodeMessage(ctx, off, nlmsgLen, n, true);
        m.diagnostics.unshift(
          diag(
            'error',
            'msg-trunc',
            `Truncated (MSG_TRUNC): nlmsg_len says ${nlmsgLen} bytes but only ${rem} arrived; recvmsg's buffer was too small and netlink_recvmsg (net/netlink/af_netlink.c) dropped the remaining ${nlmsgLen - rem} bytes of the datagram.`,
            off,
            rem,
          ),
        );
        messages.push(m);
      } else {
        truncated = true;
        const m = decodeMessage(ctx, off, nlmsgLen, n, true);
        m.diagnostics.unshift(
          diag(
            'error',
            'nlmsg-len-beyond',
            `nlmsg_len = ${nlmsgLen} runs ${nlmsgLen - rem} byte(s) past the end of the buffer (${rem} left): NLMSG_OK fails. The kernel's netlink_rcv_skb drops such a message silently; on receive it means the buffer was truncated.`,
            off,
            4,
          ),
        );
        messages.push(m);
      }
      break;
    }
    const m = decodeMessage(ctx, off, nlmsgLen, off + nlmsgLen, false);
    // Alignment bytes up to NLMSG_ALIGN(nlmsg_len), as far as the buffer has them.
    const padEnd = Math.min(off + nlmsgAlign(nlmsgLen), n);
    m.padding = padEnd - (off + nlmsgLen);
    if (m.padding > 0) checkPadding(ctx, off + nlmsgLen, padEnd, m.diagnostics, 'message');
    messages.push(m);
    // NLMSG_NEXT: len -= NLMSG_ALIGN(nlmsg_len); nlh += NLMSG_ALIGN(nlmsg_len).
    rem -= nlmsgAlign(nlmsgLen);
    off += nlmsgAlign(nlmsgLen);
  }
  if (rem < 0)
    diagnostics.push(
      diag(
        'info',
        'last-message-unpadded',
        `The last message is not padded to NLMSG_ALIGN: NLMSG_NEXT leaves len = ${rem}, which ends the walk all the same.`,
        n,
        0,
      ),
    );
  const last = messages[messages.length - 1];
  if (last && last.flags & 0x02 && last.type !== NLMSG_DONE && last.type !== NLMSG_ERROR && !truncated)
    diagnostics.push(
      diag(
        'info',
        'multipart-continues',
        'The buffer ends inside a multipart reply (NLM_F_MULTI without NLMSG_DONE): the dump continues in the next recvmsg() (netlink_dump fills one skb per call).',
        n,
        0,
      ),
    );
  if (
    opts.truncated &&
    !messages.some((m) => m.diagnostics.some((d) => d.code === 'msg-trunc')) &&
    !diagnostics.some((d) => d.code === 'msg-trunc')
  )
    diagnostics.push(
      diag(
        'error',
        'msg-trunc',
        'recvmsg reported MSG_TRUNC: the datagram was longer than the buffer and its end was dropped.',
        n,
        0,
      ),
    );
  return { messages, walk, diagnostics, truncated };
}

function checkPadding(ctx: Ctx, start: number, end: number, out: NlDiagnostic[], what: string): void {
  for (let i = start; i < end; i++)
    if (ctx.bytes[i] !== 0) {
      out.push(
        diag(
          'warning',
          'nonzero-padding',
          `Non-zero ${what} padding: the kernel zeroes alignment bytes (nlmsg_put / __nla_reserve in lib/nlattr.c); these bytes belong to nobody.`,
          start,
          end - start,
        ),
      );
      return;
    }
}

function field(
  name: string,
  offset: number,
  size: number,
  value: NlField['value'],
  display: string,
  kind: NlField['kind'],
): NlField {
  return { name, offset, size, value, display, kind };
}

/**
 * One message: header, then by type nlmsgerr (netlink_ack), the NLMSG_DONE int (netlink_dump_done),
 * or the family header and attributes (nlmsg_attrdata = NLMSG_DATA + NLMSG_ALIGN(hdrlen),
 * include/net/netlink.h). `end` is where this message's bytes stop in the buffer.
 */
function decodeMessage(ctx: Ctx, off: number, nlmsgLen: number, end: number, cut: boolean): NlMessage {
  const { dv, le } = ctx;
  const diagnostics: NlDiagnostic[] = [];
  const have = ctx.bytes.length - off;
  const type = have >= 6 ? dv.getUint16(off + 4, le) : 0;
  const flags = have >= 8 ? dv.getUint16(off + 6, le) : 0;
  const seq = have >= 12 ? dv.getUint32(off + 8, le) : 0;
  const pid = have >= 16 ? dv.getUint32(off + 12, le) : 0;
  const family = ctx.family;
  const schema = messageSchema(type, family);
  const genlCmd = family === 'generic' && type >= 0x10 && end - off > 16 ? ctx.bytes[off + 16] : undefined;
  const flagNames = flagNamesFor(type, flags, family, genlCmd);
  const typeName = messageTypeName(type, family);
  const header: NlField[] = [
    field('nlmsg_len', off, 4, nlmsgLen, `${nlmsgLen}`, 'len'),
    field('nlmsg_type', off + 4, 2, type, `${type} (${typeName})`, 'type'),
    field(
      'nlmsg_flags',
      off + 6,
      2,
      flags,
      `0x${flags.toString(16)}${flagNames.length ? ` (${flagNames.join('|')})` : ''}`,
      'flags',
    ),
    field('nlmsg_seq', off + 8, 4, seq, `${seq}`, 'seq'),
    field('nlmsg_pid', off + 12, 4, pid, `${pid}`, 'pid'),
  ].filter((f) => f.offset + f.size <= ctx.bytes.length);
  const msg: NlMessage = {
    offset: off,
    len: nlmsgLen,
    type,
    typeName,
    flags,
    flagNames,
    seq,
    pid,
    header,
    attributes: [],
    diagnostics,
    padding: 0,
  };
  if (nlmsgLen < NLMSG_HDRLEN) return msg;
  const pStart = off + NLMSG_HDRLEN;
  const pEnd = Math.min(end, ctx.bytes.length);
  flagDiagnostics(msg, family, genlCmd, diagnostics);

  if (type === NLMSG_ERROR) {
    decodeError(ctx, msg, pStart, pEnd, cut);
    return msg;
  }
  if (type === NLMSG_DONE) {
    // netlink_dump_done (net/netlink/af_netlink.c): an int, the dump's final status, then maybe extack TLVs.
    if (pEnd - pStart >= 4) {
      const st = dv.getInt32(pStart, le);
      msg.familyHeader = {
        name: 'int (dump status)',
        offset: pStart,
        size: 4,
        fields: [
          field(
            'dump_done_errno',
            pStart,
            4,
            st,
            st === 0 ? '0 (complete)' : `${st} (${errnoText(-st).name})`,
            'payload',
          ),
        ],
      };
      if (flags & 0x200) {
        msg.attributes = decodeAttrs(ctx, pStart + 4, pEnd, NLMSGERR_ATTRS, diagnostics, cut, 0);
      } else if (pEnd - pStart > 4) {
        flagInType(msg, diagnostics, `${pEnd - pStart} bytes of payload is more than NLMSG_DONE's int`);
        msg.familyHeader.fields.push(payloadField(ctx, pStart + 4, pEnd));
      }
    } else if (pEnd > pStart)
      msg.familyHeader = {
        name: 'payload',
        offset: pStart,
        size: pEnd - pStart,
        fields: [payloadField(ctx, pStart, pEnd)],
      };
    return msg;
  }
  if (type < 0x10) {
    if (type === NLMSG_NOOP || type === NLMSG_OVERRUN) {
      if (pEnd > pStart) flagInType(msg, diagnostics, `a ${typeName} with ${pEnd - pStart} bytes of payload`);
    } else
      diagnostics.push(
        diag(
          'warning',
          'reserved-control-type',
          `Type ${type} is below NLMSG_MIN_TYPE (0x10): a reserved control message. netlink_rcv_skb skips it (acking only with NLM_F_ACK). Was a flag stored in nlmsg_type?`,
          off + 4,
          2,
        ),
      );
    if (pEnd > pStart)
      msg.familyHeader = {
        name: 'payload',
        offset: pStart,
        size: pEnd - pStart,
        fields: [payloadField(ctx, pStart, pEnd)],
      };
    return msg;
  }

  let aStart = pStart;
  if (schema.header) {
    const h = schema.header;
    const size = structSize(h);
    const fields = structFields(ctx, h, pStart, pEnd, 'family-header');
    msg.familyHeader = { name: h.name, offset: pStart, size, fields };
    const famField = fields[0];
    ctx.af = typeof famField?.value === 'number' && h.name !== 'genlmsghdr' ? famField.value : 0;
    if (h.name === 'genlmsghdr' && fields[0])
      fields[0].display = `${fields[0].value} (${genlCmdName(type, Number(fields[0].value))})`;
    if (pEnd - pStart < size) {
      diagnostics.push(
        diag(
          cut ? 'info' : 'warning',
          'family-header-short',
          `The payload has ${pEnd - pStart} byte(s), less than struct ${h.name} (${size}); nlmsg_parse (include/net/netlink.h) rejects such a request with -EINVAL (old dump requests sending only a 1-byte rtgenmsg are tolerated).`,
          pStart,
          pEnd - pStart,
        ),
      );
      return msg;
    }
    aStart = pStart + nlmsgAlign(size);
    if (aStart > pEnd) aStart = pEnd;
    if (aStart > pStart + size) {
      fields.push(
        field(
          '(header padding)',
          pStart + size,
          aStart - pStart - size,
          aStart - pStart - size,
          'NLMSG_ALIGN padding',
          'pad',
        ),
      );
      checkPadding(ctx, pStart + size, aStart, diagnostics, 'family-header');
    }
  }
  if (schema.attrs || (family === 'raw' && ctx.rawAttrs)) {
    msg.attributes = decodeAttrs(ctx, aStart, pEnd, schema.attrs, diagnostics, cut, 0);
  } else if (pEnd > aStart) {
    msg.familyHeader ??= { name: 'payload', offset: aStart, size: pEnd - aStart, fields: [] };
    msg.familyHeader.fields.push(payloadField(ctx, aStart, pEnd));
  }
  return msg;
}

function payloadField(ctx: Ctx, start: number, end: number): NlField {
  return field(
    'payload',
    start,
    end - start,
    hexOf(ctx.bytes, start, end),
    `${end - start} bytes: ${hexOf(ctx.bytes, start, end, 32)}`,
    'payload',
  );
}

function flagInType(msg: NlMessage, out: NlDiagnostic[], why: string): void {
  out.push(
    diag(
      'error',
      'flag-in-type',
      `nlmsg_type = ${msg.type} is ${msg.typeName} to the receiver, but this is ${why}: looks like a flag (NLM_F_* = ${msg.type}) was stored in nlmsg_type instead of nlmsg_flags.`,
      msg.offset + 4,
      2,
    ),
  );
}

/** Flags that make no sense for the message's kind (the kernel ignores or misreads them). */
function flagDiagnostics(
  msg: NlMessage,
  family: NlFamily,
  genlCmd: number | undefined,
  out: NlDiagnostic[],
): void {
  const { flags, type, offset } = msg;
  const at = (sev: NlDiagnostic['severity'], code: string, m: string) =>
    out.push(diag(sev, code, m, offset + 6, 2));
  const isReq = (flags & 0x01) !== 0;
  const kind = flagKind(type, flags, family, genlCmd);
  if (family === 'route' && type >= 0x10 && !RTM_TYPES.some((t) => t.value === type)) {
    const asFlag = Object.entries(NLM_F).find(([, v]) => v === type)?.[0];
    out.push(
      diag(
        'warning',
        'unknown-type',
        `nlmsg_type ${type} is no RTM_* message type${type > RTM_MAX ? ` (RTM_MAX is ${RTM_MAX}: rtnetlink_rcv_msg answers -EOPNOTSUPP)` : ' (no handler is registered for it: -EOPNOTSUPP)'}${asFlag ? `; it equals ${asFlag} — was a flag stored in nlmsg_type?` : ''}.`,
        offset + 4,
        2,
      ),
    );
  }
  const unknownBits = flags & ~0x0f3f;
  if (unknownBits)
    at(
      'warning',
      'flag-unknown',
      `Bit(s) 0x${unknownBits.toString(16)} of nlmsg_flags are no NLM_F_* flag (include/uapi/linux/netlink.h defines 0x01–0x20 and 0x100–0x800); the kernel ignores them.`,
    );
  // GET and SET types are only ever requests (the kernel answers and notifies with NEW/DEL types).
  const reqOnly = family === 'route' && ['get', 'set'].includes(requestKind(type, family));
  if (type >= 0x10 && !isReq && (kind === 'get' || reqOnly)) {
    out.push(
      diag(
        'error',
        'request-without-request-flag',
        `${msg.typeName} is a request but NLM_F_REQUEST is not set: netlink_rcv_skb (net/netlink/af_netlink.c) skips it without calling the family (err = 0, an ack only if NLM_F_ACK).`,
        offset + 6,
        2,
      ),
    );
  }
  if (flags & 0x10)
    at(
      'info',
      'dump-interrupted',
      'NLM_F_DUMP_INTR: the table changed during the dump (nl_dump_check_consistent); repeat the dump for a consistent view.',
    );
  if (isReq) {
    if (flags & 0x02)
      at(
        'warning',
        'flag-meaningless',
        'NLM_F_MULTI on a request: it marks the parts of a multipart reply; the kernel ignores it here.',
      );
    if (flags & 0x30)
      at(
        'warning',
        'flag-meaningless',
        'NLM_F_DUMP_INTR/NLM_F_DUMP_FILTERED are set by the kernel on dump replies, not by requests.',
      );
    if (kind === 'get') {
      if (flags & 0x800)
        at('warning', 'flag-meaningless', '0x800 (NLM_F_APPEND) means nothing on a GET request.');
      if ((flags & 0x300) !== 0 && (flags & 0x300) !== 0x300 && family === 'route')
        at(
          'info',
          'partial-dump-flag',
          'Only one of NLM_F_ROOT/NLM_F_MATCH: rtnetlink_rcv_msg (net/core/rtnetlink.c) tests `flags & NLM_F_DUMP`, so either bit alone starts a full dump.',
        );
    } else if (kind === 'new' || kind === 'set') {
      if ((flags & 0x300) === 0x300)
        at(
          'warning',
          'flag-meaningless',
          'NLM_F_REPLACE|NLM_F_EXCL on a NEW request (the bits of NLM_F_DUMP): "replace it" and "fail if it exists" contradict each other.',
        );
    } else if (kind === 'del') {
      if (flags & 0xc00)
        at('warning', 'flag-meaningless', '0x400/0x800 (CREATE/APPEND) mean nothing on a DELETE request.');
    }
  } else if (type === NLMSG_ERROR) {
    if (flags & 0xc00)
      at(
        'warning',
        'flag-meaningless',
        'Only NLM_F_CAPPED and NLM_F_ACK_TLVS (0x100, 0x200) are defined for an ACK.',
      );
  }
}

/** struct nlmsgerr as netlink_ack (net/netlink/af_netlink.c) builds it. */
function decodeError(ctx: Ctx, msg: NlMessage, pStart: number, pEnd: number, cut: boolean): void {
  const { dv, le } = ctx;
  const out = msg.diagnostics;
  if (pEnd - pStart < 4) {
    flagInType(
      msg,
      out,
      `a message with ${pEnd - pStart} byte(s) of payload, too short for struct nlmsgerr (20)`,
    );
    if (pEnd > pStart)
      msg.familyHeader = {
        name: 'payload',
        offset: pStart,
        size: pEnd - pStart,
        fields: [payloadField(ctx, pStart, pEnd)],
      };
    return;
  }
  const err = dv.getInt32(pStart, le);
  const errno = err === 0 ? 0 : -err;
  const t = errnoText(errno);
  const fields: NlField[] = [
    field(
      'error',
      pStart,
      4,
      err,
      err === 0 ? '0 (ACK: success)' : `${err} (-${t.name}: ${t.strerror})`,
      'payload',
    ),
  ];
  msg.familyHeader = { name: 'nlmsgerr', offset: pStart, size: 20, fields };
  msg.error = { errno, name: t.name, strerror: t.strerror, extack: [] };
  if (err > 0 || err < -4095) {
    flagInType(msg, out, `an error value of ${err}, which is no -errno`);
    return;
  }
  const eStart = pStart + 4;
  if (pEnd - eStart < NLMSG_HDRLEN) {
    if (!cut) flagInType(msg, out, `an NLMSG_ERROR without the 16-byte header of the request it answers`);
    return;
  }
  const capped = (msg.flags & 0x100) !== 0;
  const echoedLen = dv.getUint32(eStart, le);
  // netlink_ack copies the whole request unless NLM_F_CAPPED (NETLINK_CAP_ACK, or success), then only its header.
  const copied = capped ? NLMSG_HDRLEN : echoedLen;
  const echoEnd = Math.min(eStart + Math.max(copied, NLMSG_HDRLEN), pEnd);
  const saveAf = ctx.af;
  if (ctx.echoDepth >= 4) return;
  ctx.echoDepth++;
  const echoed = decodeMessage(
    ctx,
    eStart,
    echoedLen,
    capped ? eStart + NLMSG_HDRLEN : echoEnd,
    capped || cut,
  );
  ctx.af = saveAf;
  ctx.echoDepth--;
  if (capped) {
    echoed.attributes = [];
    echoed.familyHeader = undefined;
    echoed.diagnostics = echoed.diagnostics.filter(
      (d) => d.offset < eStart + NLMSG_HDRLEN && d.code !== 'family-header-short',
    );
  }
  msg.error.echoed = echoed;
  fields.push(
    field(
      'msg',
      eStart,
      echoEnd - eStart,
      echoedLen,
      capped ? "the request's header (NLM_F_CAPPED)" : `the whole request (${echoedLen} bytes)`,
      'payload',
    ),
  );
  if (!capped && echoedLen < NLMSG_HDRLEN)
    flagInType(msg, out, `an echoed request with nlmsg_len ${echoedLen}`);
  if (!capped && eStart + echoedLen > pEnd && !cut)
    out.push(
      diag(
        'error',
        'echo-overrun',
        `The echoed request claims ${echoedLen} bytes but only ${pEnd - eStart} follow (NLM_F_CAPPED not set).`,
        eStart,
        4,
      ),
    );
  // TLVs start at NLMSG_ALIGN(16 + sizeof(nlmsgerr) - 16 + copied): nlmsg_put reserved the aligned size.
  const tStart = msg.offset + nlmsgAlign(NLMSG_HDRLEN + 4 + copied);
  if (msg.flags & 0x200) {
    const ext = decodeAttrs(ctx, Math.min(tStart, pEnd), pEnd, NLMSGERR_ATTRS, out, cut, 0);
    msg.error.extack = ext;
    msg.attributes = ext;
  } else if (tStart < pEnd) {
    out.push(
      diag(
        'warning',
        'unexpected-trailing',
        `${pEnd - tStart} byte(s) after the echoed request, but NLM_F_ACK_TLVS is not set.`,
        tStart,
        pEnd - tStart,
      ),
    );
  }
  if (tStart > echoEnd && tStart <= pEnd) checkPadding(ctx, echoEnd, tStart, out, 'nlmsgerr');
}

function readInt(ctx: Ctx, at: number, size: number, signed: boolean, le: boolean): number | bigint {
  const dv = ctx.dv;
  switch (size) {
    case 1:
      return signed ? dv.getInt8(at) : dv.getUint8(at);
    case 2:
      return signed ? dv.getInt16(at, le) : dv.getUint16(at, le);
    case 4:
      return signed ? dv.getInt32(at, le) : dv.getUint32(at, le);
    default:
      return signed ? dv.getBigInt64(at, le) : dv.getBigUint64(at, le);
  }
}

function structFields(ctx: Ctx, s: StructDef, start: number, end: number, kind: NlField['kind']): NlField[] {
  const out: NlField[] = [];
  let at = start;
  for (const m of s.members) {
    if (at + m.size > end) break;
    const v = readInt(ctx, at, m.size, !!m.signed, ctx.le);
    out.push(
      field(
        m.name,
        at,
        m.size,
        v,
        kind === 'family-header' ? headerValueDisplay(m.name, Number(v)) : String(v),
        m.name === '(padding)' ? 'pad' : kind,
      ),
    );
    at += m.size;
  }
  return out;
}

/** True when [start, end) is exactly a sequence of well-formed attributes (a nested guess). */
function tilesAsAttrs(ctx: Ctx, start: number, end: number, depth: number): boolean {
  if (end - start < 4 || depth > 8) return false;
  let off = start;
  while (end - off >= 4) {
    const l = ctx.dv.getUint16(off, ctx.le);
    if (l < 4 || l > end - off) return false;
    off += nlaAlign(l);
  }
  return off >= end && off - end < 4;
}

const MAX_DEPTH = 32;

/**
 * nla_for_each_attr (include/net/netlink.h): while nla_ok(nla, rem) — rem >= 4, nla_len >= 4,
 * nla_len <= rem — take the attribute and move NLA_ALIGN(nla_len) on. Leftover bytes are what
 * __nla_validate_parse (lib/nlattr.c) warns about ("bytes leftover after parsing attributes").
 */
function decodeAttrs(
  ctx: Ctx,
  start: number,
  end: number,
  set: AttrSet | null,
  out: NlDiagnostic[],
  cut: boolean,
  depth: number,
): NlAttr[] {
  const attrs: NlAttr[] = [];
  const { dv, le, bytes } = ctx;
  // String values of this level's attributes, for siblings whose layout they select (IFLA_INFO_KIND).
  const selected = new Map<string, string>();
  let off = start;
  while (end - off >= 4) {
    const rem = end - off;
    const nlaLen = dv.getUint16(off, le);
    const rawType = dv.getUint16(off + 2, le);
    const type = rawType & ~(NLA_F_NESTED | NLA_F_NET_BYTEORDER);
    const flagNested = (rawType & NLA_F_NESTED) !== 0;
    const netByteorder = (rawType & NLA_F_NET_BYTEORDER) !== 0;
    const def = set ? lookupAttr(set, type) : undefined;
    const name = def ? (set?.element ? `${def.name}[${type}]` : def.name) : `attr ${type}`;
    const typeDisplay = `${rawType} (${name}${flagNested ? ' | NLA_F_NESTED' : ''}${netByteorder ? ' | NLA_F_NET_BYTEORDER' : ''})`;
    const a: NlAttr = {
      offset: off,
      len: nlaLen,
      type,
      name,
      padding: 0,
      fields: [
        field('nla_len', off, 2, nlaLen, String(nlaLen), 'attr-header'),
        field('nla_type', off + 2, 2, rawType, typeDisplay, 'attr-header'),
      ],
    };
    if (flagNested && netByteorder)
      out.push(
        diag(
          'warning',
          'nla-flags-exclusive',
          `${name}: NLA_F_NESTED and NLA_F_NET_BYTEORDER are both set; include/uapi/linux/netlink.h declares them mutually exclusive (a nest holds attributes, not a number in network byte order).`,
          off + 2,
          2,
        ),
      );
    if (def) a.kind = def.kind;
    if (set && !set.element && set !== GENL_UNKNOWN) a.enum = set.name;
    if (flagNested) a.nested = true;
    if (netByteorder) a.netByteorder = true;
    attrs.push(a);
    if (nlaLen < 4) {
      out.push(
        diag(
          'error',
          'attr-len-short',
          `${name}: nla_len = ${nlaLen} is smaller than the 4-byte attribute header; nla_ok fails and the walk stops here (nla_parse returns -EINVAL with strict validation).`,
          off,
          2,
        ),
      );
      return attrs;
    }
    if (nlaLen > rem) {
      out.push(
        cut
          ? diag(
              'info',
              'attr-truncated',
              `${name}: nla_len = ${nlaLen} but the buffer ends after ${rem} byte(s) (truncated message).`,
              off,
              rem,
            )
          : diag(
              'error',
              'attr-overrun',
              `${name}: nla_len = ${nlaLen} runs ${nlaLen - rem} byte(s) past the end of its container (${rem} left); nla_ok fails and the walk stops here.`,
              off,
              nlaLen > rem ? rem : nlaLen,
            ),
      );
      a.fields.push(
        field(
          'payload',
          off + 4,
          rem - 4,
          hexOf(bytes, off + 4, end),
          `${rem - 4} of ${nlaLen - 4} bytes`,
          'payload',
        ),
      );
      return attrs;
    }
    const pStart = off + 4;
    const pEnd = off + nlaLen;
    decodeValue(
      ctx,
      a,
      resolveByKind(def, selected),
      pStart,
      pEnd,
      flagNested,
      netByteorder,
      out,
      cut,
      depth,
    );
    if (typeof a.value === 'string' && def) selected.set(def.name, a.value);
    const padEnd = Math.min(off + nlaAlign(nlaLen), end);
    a.padding = padEnd - pEnd;
    if (a.padding > 0) {
      a.fields.push(field('(padding)', pEnd, a.padding, a.padding, 'NLA_ALIGN padding', 'pad'));
      checkPadding(ctx, pEnd, padEnd, out, `${name}`);
    }
    off += nlaAlign(nlaLen);
  }
  if (off < end)
    out.push(
      diag(
        cut ? 'info' : 'warning',
        'attr-trailing',
        `${end - off} byte(s) left after the last attribute: fewer than an attribute header; __nla_validate_parse (lib/nlattr.c) warns "bytes leftover after parsing attributes" and strict validation rejects them.`,
        off,
        end - off,
      ),
    );
  return attrs;
}

/**
 * IFLA_INFO_DATA's children follow the policy of the link kind named by IFLA_INFO_KIND, as
 * rtnl_newlink (net/core/rtnetlink.c) finds it with rtnl_link_ops_get; kinds we do not know stay
 * a nested guess.
 */
function resolveByKind(def: AttrDef | undefined, selected: Map<string, string>): AttrDef | undefined {
  if (!def?.byKind) return def;
  const kind = selected.get(def.byKind.selector);
  const s = kind === undefined ? undefined : def.byKind.sets[kind];
  return s ? { ...def, kind: 'nested', set: s } : def;
}

const INT_SIZES: Record<string, number> = { u8: 1, u16: 2, u32: 4, u64: 8, s32: 4 };

function decodeValue(
  ctx: Ctx,
  a: NlAttr,
  def: AttrDef | undefined,
  pStart: number,
  pEnd: number,
  flagNested: boolean,
  netByteorder: boolean,
  out: NlDiagnostic[],
  cut: boolean,
  depth: number,
): void {
  const { bytes } = ctx;
  const len = pEnd - pStart;
  const kind = def?.kind;
  const payload = (display: string, value: NlField['value']) => {
    a.value = value;
    a.display = display;
    if (len > 0) a.fields.push(field('payload', pStart, len, value, display, 'payload'));
  };
  const nestedSet = def ? childSet(def) : flagNested ? null : undefined;
  const wantNested =
    depth < MAX_DEPTH &&
    (kind === 'nested' ||
      kind === 'nested-array' ||
      (flagNested && !def) ||
      (flagNested && kind !== undefined) ||
      (kind === 'nested-guess' && tilesAsAttrs(ctx, pStart, pEnd, depth)));
  if (wantNested && def?.header) {
    // A struct, NLA_ALIGNed, then attributes (rtnl_nla_parse_ifinfomsg skips sizeof(struct ifinfomsg)).
    const h = def.header;
    const size = structSize(h);
    a.nested = true;
    a.fields.push(...structFields(ctx, h, pStart, pEnd, 'family-header'));
    if (len < size) {
      out.push(
        diag(
          cut ? 'info' : 'error',
          'attr-size',
          `${a.name} holds struct ${h.name} (${size} bytes) before its attributes but has ${len}; rtnl_nla_parse_ifinfomsg (net/core/rtnetlink.c) rejects it with -EINVAL.`,
          a.offset,
          a.len,
        ),
      );
      a.children = [];
      return;
    }
    a.children = decodeAttrs(ctx, pStart + nlaAlign(size), pEnd, def.set ?? null, out, cut, depth + 1);
    a.display = `struct ${h.name} + ${a.children.length} nested attribute(s)`;
    return;
  }
  if (wantNested && flagNested && !def && len > 0 && !tilesAsAttrs(ctx, pStart, pEnd, depth)) {
    // NLA_F_NESTED on an attribute whose policy we do not know, and the payload is no list of
    // attributes: keep the bytes (a struct before the attributes, as in VETH_INFO_PEER, looks so).
    out.push(
      diag(
        'info',
        'nested-not-attrs',
        `${a.name} has NLA_F_NESTED but its payload does not split into attributes from its first byte; without the family's policy it is shown as bytes.`,
        pStart,
        len,
      ),
    );
    payload(`${len} bytes: ${hexOf(bytes, pStart, pEnd, 32)}`, hexOf(bytes, pStart, pEnd));
    return;
  }
  if (wantNested) {
    a.nested = true;
    a.children = decodeAttrs(ctx, pStart, pEnd, nestedSet ?? null, out, cut, depth + 1);
    a.display = `${a.children.length} nested attribute(s)`;
    return;
  }
  if (kind && kind in INT_SIZES) {
    const size = INT_SIZES[kind] as number;
    if (len === size) {
      const v = readInt(ctx, pStart, size, kind === 's32', netByteorder ? false : ctx.le);
      payload(typeof v === 'bigint' ? v.toString() : String(v), v);
      return;
    }
    out.push(
      diag(
        'warning',
        'attr-size',
        `${a.name} holds a ${kind} (${size} bytes) but has ${len}; validate_nla (lib/nlattr.c) rejects a shorter one and warns about a longer one.`,
        a.offset,
        a.len,
      ),
    );
    payload(`${len} bytes: ${hexOf(bytes, pStart, pEnd, 32)}`, hexOf(bytes, pStart, pEnd));
    return;
  }
  switch (kind) {
    case 'string': {
      let s = '';
      let i = pStart;
      for (; i < pEnd && bytes[i] !== 0; i++) s += String.fromCharCode(bytes[i] as number);
      payload(JSON.stringify(s) + (i === pEnd ? ' (no NUL)' : ''), s);
      return;
    }
    case 'mac': {
      const parts: string[] = [];
      for (let i = pStart; i < pEnd; i++) parts.push(hex2(bytes[i] as number));
      payload(parts.join(':'), parts.join(':'));
      return;
    }
    case 'ipaddr': {
      payload(ipText(bytes, pStart, pEnd), ipText(bytes, pStart, pEnd));
      return;
    }
    case 'flag': {
      if (len !== 0)
        out.push(
          diag(
            'warning',
            'attr-size',
            `${a.name} is a flag attribute and carries no payload, but has ${len} byte(s).`,
            a.offset,
            a.len,
          ),
        );
      payload('(flag)', len === 0 ? 1 : hexOf(bytes, pStart, pEnd));
      return;
    }
    case 'struct': {
      const s = def?.struct as StructDef;
      const size = structSize(s);
      a.fields.push(...structFields(ctx, s, pStart, pEnd, 'payload'));
      if (len < size)
        out.push(
          diag(
            'warning',
            'attr-size',
            `${a.name} holds struct ${s.name} (${size} bytes) but has ${len}.`,
            a.offset,
            a.len,
          ),
        );
      a.value = hexOf(bytes, pStart, pEnd);
      a.display = `struct ${s.name} (${len} bytes)`;
      if (len > size)
        a.fields.push(
          field(
            '(beyond struct)',
            pStart + size,
            len - size,
            hexOf(bytes, pStart + size, pEnd),
            `${len - size} bytes (newer kernel fields)`,
            'payload',
          ),
        );
      return;
    }
    case 'u32-array':
    case 'u64-array': {
      const w = kind === 'u32-array' ? 4 : 8;
      const base = def?.itemsBase ?? 1;
      let at = pStart;
      let i = 0;
      for (; at + w <= pEnd; at += w, i++) {
        const v = readInt(ctx, at, w, false, ctx.le);
        a.fields.push(field(def?.items?.[i] ?? `[${i + base}]`, at, w, v, String(v), 'payload'));
      }
      if (at < pEnd)
        a.fields.push(
          field('(rest)', at, pEnd - at, hexOf(bytes, at, pEnd), 'not a whole element', 'payload'),
        );
      a.value = hexOf(bytes, pStart, pEnd);
      a.display = `${i} × ${kind === 'u32-array' ? '__u32' : '__u64'}`;
      return;
    }
    default:
      payload(
        len ? `${len} bytes: ${hexOf(bytes, pStart, pEnd, 32)}` : '(empty)',
        hexOf(bytes, pStart, pEnd),
      );
  }
}

function ipText(b: Uint8Array, s: number, e: number): string {
  if (e - s === 4) return `${b[s]}.${b[s + 1]}.${b[s + 2]}.${b[s + 3]}`;
  if (e - s === 16) {
    const g: string[] = [];
    for (let i = s; i < e; i += 2) g.push((((b[i] as number) << 8) | (b[i + 1] as number)).toString(16));
    // Collapse the longest run of zero groups (RFC 5952).
    let best = -1;
    let bestLen = 1;
    for (let i = 0; i < 8;) {
      let j = i;
      while (j < 8 && g[j] === '0') j++;
      if (j - i > bestLen) {
        best = i;
        bestLen = j - i;
      }
      i = j > i ? j : i + 1;
    }
    if (best < 0) return g.join(':');
    return `${g.slice(0, best).join(':')}::${g.slice(best + bestLen).join(':')}`;
  }
  return hexOf(b, s, e);
}
