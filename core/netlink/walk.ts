/**
 * The buffer walk: `for (nlh = buf; NLMSG_OK(nlh, len); nlh = NLMSG_NEXT(nlh, len))`
 * (include/uapi/linux/netlink.h), as netlink_rcv_skb (net/netlink/af_netlink.c) and every
 * recvmsg() loop walk a buffer. What stops the walk — a tail shorter than a header, an
 * nlmsg_len below 16 or past the end, MSG_TRUNC — becomes a diagnostic on the bytes.
 */
import { NLMSG_DONE, NLMSG_ERROR, NLMSG_HDRLEN, nlmsgAlign, nlmsgOk } from './constants.ts';
import { newCtx, type Ctx, type DecodeInput } from './decode-context.ts';
import { diag, paddingProblem } from './diagnostics.ts';
import { MessageNode, decodeMessage } from './message.ts';
import type { NlDecodeResult, NlDiagnostic, NlMessage, NlWalkStep } from './types.ts';

const MACROS = 'include/uapi/linux/netlink.h';

/** Where the walk stopped: the step whose NLMSG_OK failed (or that a limit refused). */
interface WalkEnd {
  offset: number;
  remaining: number;
  nlmsgLen: number;
  ok: boolean;
}

/**
 * The walk's result. `walk` (one step per NLMSG_OK evaluation) is made when first read, from the
 * messages the walk accepted and the step that ended it.
 */
export class DecodeResult implements NlDecodeResult {
  #walk: NlWalkStep[] | undefined;
  constructor(
    readonly messages: NlMessage[],
    readonly diagnostics: NlDiagnostic[],
    readonly truncated: boolean,
    private readonly accepted: number,
    private readonly end: WalkEnd,
    private readonly size: number,
  ) {}

  get walk(): NlWalkStep[] {
    if (this.#walk) return this.#walk;
    const steps: NlWalkStep[] = [];
    for (let i = 0; i < this.accepted; i++) {
      const m = this.messages[i] as NlMessage;
      const next = m.offset + nlmsgAlign(m.len);
      steps.push({
        offset: m.offset,
        remaining: this.size - m.offset,
        nlmsgOk: true,
        nlmsgLen: m.len,
        next,
        fn: 'NLMSG_OK, NLMSG_NEXT',
        file: MACROS,
      });
    }
    const e = this.end;
    steps.push({
      offset: e.offset,
      remaining: e.remaining,
      nlmsgOk: e.ok,
      nlmsgLen: e.nlmsgLen,
      next: e.ok ? e.offset + nlmsgAlign(e.nlmsgLen) : e.offset,
      fn: e.ok ? 'NLMSG_OK, NLMSG_NEXT' : 'NLMSG_OK',
      file: MACROS,
    });
    this.#walk = steps;
    return steps;
  }
  toJSON(): NlDecodeResult {
    return {
      messages: this.messages,
      walk: this.walk,
      diagnostics: this.diagnostics,
      truncated: this.truncated,
    };
  }
}

/** Walk the whole buffer. `eager`: build every message's fields now instead of when read. */
export function walkBuffer(input: DecodeInput, truncatedIn: boolean, eager: boolean): DecodeResult {
  const ctx = newCtx(input, eager);
  const n = input.bytes.length;
  const messages: NlMessage[] = [];
  const diagnostics: NlDiagnostic[] = [];
  let truncated = truncatedIn;
  let accepted = 0;
  if (n === 0) diagnostics.push(diag('info', 'empty', {}, 0, 0));
  let off = 0;
  let rem = n;
  let end: WalkEnd;
  for (;;) {
    // NLMSG_OK reads nlmsg_len only when len >= sizeof(struct nlmsghdr) (the && short-circuits).
    const nlmsgLen = rem >= 4 ? input.dv.getUint32(off, input.le) : -1;
    const ok = rem >= 4 && nlmsgOk(nlmsgLen, rem);
    end = { offset: off, remaining: rem, nlmsgLen, ok };
    if (ok && accepted >= input.limits.messages) {
      diagnostics.push(diag('warning', 'limit-messages', { limit: input.limits.messages, n: rem }, off, rem));
      break;
    }
    if (!ok) {
      if (rem > 0) truncated = stopWalk(ctx, input, off, rem, nlmsgLen, truncated, messages, diagnostics);
      break;
    }
    const attrBase = ctx.attrs;
    const d = decodeMessage(ctx, off, nlmsgLen, off + nlmsgLen, false);
    // Alignment bytes up to NLMSG_ALIGN(nlmsg_len), as far as the buffer has them.
    const padEnd = Math.min(off + nlmsgAlign(nlmsgLen), n);
    d.padding = padEnd - (off + nlmsgLen);
    if (d.padding > 0) paddingProblem(input.bytes, off + nlmsgLen, padEnd, d.diagnostics, 'message');
    messages.push(eager ? d : new MessageNode(d, input, off + nlmsgLen, false, attrBase));
    accepted++;
    // NLMSG_NEXT: len -= NLMSG_ALIGN(nlmsg_len); nlh += NLMSG_ALIGN(nlmsg_len).
    rem -= nlmsgAlign(nlmsgLen);
    off += nlmsgAlign(nlmsgLen);
  }
  bufferDiagnostics(messages, diagnostics, rem, n, truncated, truncatedIn);
  return new DecodeResult(messages, diagnostics, truncated, accepted, end, n);
}

/**
 * NLMSG_OK failed with bytes left: a tail shorter than a header, an nlmsg_len below 16, or one
 * past the end (MSG_TRUNC on receive). Returns whether the buffer is now known to be truncated.
 */
function stopWalk(
  ctx: Ctx,
  input: DecodeInput,
  off: number,
  rem: number,
  nlmsgLen: number,
  truncated: boolean,
  messages: NlMessage[],
  diagnostics: NlDiagnostic[],
): boolean {
  if (rem < NLMSG_HDRLEN) {
    const code = truncated ? 'msg-trunc' : 'trailing-bytes';
    diagnostics.push(diag(truncated ? 'error' : 'warning', code, { n: rem }, off, rem, 'short-tail'));
    return truncated;
  }
  const short = nlmsgLen < NLMSG_HDRLEN;
  // A header too short to be a message is shown as its 16 bytes; one past the end as what is left.
  const end = short ? off + NLMSG_HDRLEN : input.bytes.length;
  const attrBase = ctx.attrs;
  const m = decodeMessage(ctx, off, nlmsgLen, end, !short);
  m.diagnostics.unshift(
    short
      ? diag('error', 'nlmsg-len-short', { len: nlmsgLen, rem }, off, 4)
      : truncated
        ? diag('error', 'msg-trunc', { len: nlmsgLen, rem, lost: nlmsgLen - rem }, off, rem)
        : diag('error', 'nlmsg-len-beyond', { len: nlmsgLen, over: nlmsgLen - rem, rem }, off, 4),
  );
  messages.push(ctx.build ? m : new MessageNode(m, input, end, !short, attrBase));
  return truncated || !short;
}

/** Findings about the buffer as a whole, after the walk. */
function bufferDiagnostics(
  messages: NlMessage[],
  diagnostics: NlDiagnostic[],
  rem: number,
  n: number,
  truncated: boolean,
  truncatedIn: boolean,
): void {
  if (rem < 0) diagnostics.push(diag('info', 'last-message-unpadded', { rem }, n, 0));
  const last = messages[messages.length - 1];
  if (last && last.flags & 0x02 && last.type !== NLMSG_DONE && last.type !== NLMSG_ERROR && !truncated)
    diagnostics.push(diag('info', 'multipart-continues', {}, n, 0));
  if (
    truncatedIn &&
    !messages.some((m) => m.diagnostics.some((d) => d.code === 'msg-trunc')) &&
    !diagnostics.some((d) => d.code === 'msg-trunc')
  )
    diagnostics.push(diag('error', 'msg-trunc', {}, n, 0, 'msg-trunc.buffer'));
}
