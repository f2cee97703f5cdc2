/**
 * NLMSG_ERROR: struct nlmsgerr as netlink_ack (net/netlink/af_netlink.c) builds it — the error
 * (0 for an ACK), the request it answers (whole, or only its header with NLM_F_CAPPED), then with
 * NLM_F_ACK_TLVS the extended-ack attributes at NLMSG_ALIGN of what was reserved. Offsets are
 * computed in full precision and never leave the message: an echoed nlmsg_len of 2^32 - 1 is a
 * request that overruns its message, not an offset before the buffer.
 */
import { NLMSG_HDRLEN, nlmsgAlign } from './constants.ts';
import { MAX_ECHO_DEPTH, type Ctx } from './decode-context.ts';
import { diag, paddingProblem } from './diagnostics.ts';
import { NLMSGERR_ATTRS } from './families.ts';
import { decodeAttrs } from './attrs.ts';
import { flagInType } from './message-flags.ts';
import { errnoMsg, errnoText } from './names.ts';
import { NumberField, ShownField, type Show } from './lazy.ts';
import { payloadField } from './values.ts';
import type { NlAttr, NlDiagnostic, NlField, NlMessage } from './types.ts';
import { msg } from '../i18n/index.ts';
import { DISPLAY } from './display-messages.ts';

/** What decodeError fills in on the message it decodes. */
export interface ErrorTarget {
  offset: number;
  type: number;
  typeName: string;
  flags: number;
  diagnostics: NlDiagnostic[];
  familyHeader?: NlMessage['familyHeader'];
  error?: NlMessage['error'];
  attributes: NlAttr[];
}

/** Decodes the echoed request (decodeMessage, passed in to keep the modules acyclic). */
export type DecodeEchoed = (ctx: Ctx, off: number, nlmsgLen: number, end: number, cut: boolean) => NlMessage;

const errorDisplay: Show = (v) => {
  const err = Number(v);
  if (err === 0) return msg(DISPLAY.ack);
  return msg(DISPLAY.error, { err, name: errnoText(-err).name, strerror: errnoMsg(-err) });
};

/** struct nlmsgerr in [pStart, pEnd) of message `m`. */
export function decodeError(
  ctx: Ctx,
  m: ErrorTarget,
  pStart: number,
  pEnd: number,
  cut: boolean,
  decodeEchoed: DecodeEchoed,
): void {
  const out = m.diagnostics;
  if (pEnd - pStart < 4) {
    flagInType(m, out, 'flag-in-type.error-short', { n: pEnd - pStart });
    if (pEnd > pStart && ctx.build)
      m.familyHeader = {
        name: 'payload',
        offset: pStart,
        size: pEnd - pStart,
        fields: [payloadField(ctx, pStart, pEnd)],
      };
    return;
  }
  const err = ctx.dv.getInt32(pStart, ctx.le);
  const fields = errorField(ctx, m, pStart, err);
  if (err > 0 || err < -4095) return flagInType(m, out, 'flag-in-type.error-value', { error: err });
  const eStart = pStart + 4;
  if (pEnd - eStart < NLMSG_HDRLEN) {
    if (!cut) flagInType(m, out, 'flag-in-type.error-no-header');
    return;
  }
  const capped = (m.flags & 0x100) !== 0;
  const echoedLen = ctx.dv.getUint32(eStart, ctx.le);
  // netlink_ack copies the whole request unless NLM_F_CAPPED (NETLINK_CAP_ACK, or success), then only its header.
  const copied = capped ? NLMSG_HDRLEN : echoedLen;
  const echoEnd = Math.min(eStart + Math.max(copied, NLMSG_HDRLEN), pEnd);
  if (ctx.echoDepth >= MAX_ECHO_DEPTH) {
    const d = diag(
      'info',
      'limit-depth',
      { depth: ctx.echoDepth },
      eStart,
      echoEnd - eStart,
      'limit-depth.echo',
    );
    out.push(d);
    return;
  }
  const end = capped ? eStart + NLMSG_HDRLEN : echoEnd;
  const echoed = decodeEchoedRequest(ctx, eStart, echoedLen, end, capped || cut, capped, decodeEchoed);
  if (m.error) m.error.echoed = echoed;
  const what = capped ? msg(DISPLAY.echoCapped) : msg(DISPLAY.echoWhole, { n: echoedLen });
  fields.push(new NumberField('msg', eStart, echoEnd - eStart, echoedLen, 'payload', what));
  if (!capped && echoedLen < NLMSG_HDRLEN) flagInType(m, out, 'flag-in-type.echo-len', { len: echoedLen });
  if (!capped && eStart + echoedLen > pEnd && !cut)
    out.push(diag('error', 'echo-overrun', { len: echoedLen, n: pEnd - eStart }, eStart, 4));
  extendedAck(ctx, m, eStart, echoEnd, copied, pEnd, cut);
}

/** The error field (and, when building, the nlmsgerr header and the error object). */
function errorField(ctx: Ctx, m: ErrorTarget, pStart: number, err: number): NlField[] {
  const fields: NlField[] = [];
  if (!ctx.build) return fields;
  const errno = err === 0 ? 0 : -err;
  const t = errnoText(errno);
  fields.push(new ShownField('error', pStart, 4, err, 'payload', errorDisplay));
  m.familyHeader = { name: 'nlmsgerr', offset: pStart, size: 20, fields };
  m.error = { errno, name: t.name, strerror: t.strerror, extack: [] };
  return fields;
}

/**
 * What follows the echoed request: with NLM_F_ACK_TLVS the extended-ack attributes, which start
 * at NLMSG_ALIGN(16 + sizeof(nlmsgerr) - 16 + copied) (nlmsg_put reserved the aligned size);
 * without it, nothing. A request claiming more than the message holds leaves no room at all.
 */
function extendedAck(
  ctx: Ctx,
  m: ErrorTarget,
  eStart: number,
  echoEnd: number,
  copied: number,
  pEnd: number,
  cut: boolean,
): void {
  const out = m.diagnostics;
  const tStart = copied > pEnd - eStart ? pEnd : m.offset + nlmsgAlign(NLMSG_HDRLEN + 4 + copied);
  if (m.flags & 0x200) {
    const ext = decodeAttrs(ctx, Math.min(tStart, pEnd), pEnd, NLMSGERR_ATTRS, out, cut, 0);
    if (m.error) m.error.extack = ext;
    m.attributes = ext;
  } else if (tStart < pEnd)
    out.push(diag('warning', 'unexpected-trailing', { n: pEnd - tStart }, tStart, pEnd - tStart));
  if (tStart > echoEnd && tStart <= pEnd) paddingProblem(ctx.bytes, echoEnd, tStart, out, 'nlmsgerr');
}

/** The request an NLMSG_ERROR echoes; with NLM_F_CAPPED only its header is there. */
function decodeEchoedRequest(
  ctx: Ctx,
  eStart: number,
  echoedLen: number,
  end: number,
  cut: boolean,
  capped: boolean,
  decodeEchoed: DecodeEchoed,
): NlMessage {
  ctx.echoDepth++;
  const echoed = decodeEchoed(ctx, eStart, echoedLen, end, cut);
  ctx.echoDepth--;
  if (capped) {
    if (ctx.build) {
      echoed.attributes = [];
      echoed.familyHeader = undefined;
    }
    echoed.diagnostics = echoed.diagnostics.filter(
      (d) => d.offset < eStart + NLMSG_HDRLEN && d.code !== 'family-header-short',
    );
  }
  return echoed;
}
