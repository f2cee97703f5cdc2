/**
 * The send up to the wire: udp_sendmsg / udpv6_sendmsg / raw_sendmsg / rawv6_sendmsg and
 * everything after them down to ip_finish_output2, on a loopback device of the chosen MTU — the
 * setup the fixtures were recorded in (a private netns, 127.0.0.1 / ::1, a bound UDP receiver).
 *
 * One function per kernel stage, in the order the kernel runs them:
 * setsockopt(IP_OPTIONS) → (IP_HDRINCL: raw_send_hdrinc, send-hdrincl.ts) →
 * ip_setup_cork (cork.ts) → each sendto() appending (sendmsg.ts) → __ip_make_skb (fragment.ts) →
 * ip_finish_output / ip6_finish_output (finish-output.ts). What comes after the wire — the shared
 * finish and the loopback receiver (send-finish.ts, receive.ts) — is send.ts's: this module
 * imports none of the receive side, so a page that only cuts a datagram (the Reassembly lab)
 * loads none of it.
 */
import { msg } from '../i18n/index.ts';
import { resetSkbIds } from '../skb/skb.ts';
import { ipSetupCork } from './cork.ts';
import { ipFinishOutput, ip6FinishOutput } from './finish-output.ts';
import { ipMakeSkb, type FragmentResult } from './fragment.ts';
import { ipOptionsGet, type CompiledOptions } from './options.ts';
import { rawSendHdrinc, type HdrinclWired } from './send-hdrincl.ts';
import { IP_SOCKGLUE_C, sendContext, sendFail, type SendContext } from './send-context.ts';
import { flushQueue, ipSendmsgs, rawv6ChecksumOffset, rawv6ChecksumSlips } from './sendmsg.ts';
import { RM } from './raw-messages.ts';
import { firstByte, payloadRuns, type ByteRun } from './payload-runs.ts';
import { countMib } from '../drops/tally.ts';
import { M, sentencesMsg } from './send-messages.ts';
import { pushStep } from './step.ts';
import type { RxSocket } from './receive.ts';
import {
  DEFAULT_SEND_INPUT,
  type InputIssue,
  type SendFail,
  type SendInput,
  type WirePacket,
} from './types.ts';
import { sendShapeIssues, validateSendInput } from './validate.ts';

/** setsockopt(IP_OPTIONS): compiled once, at setsockopt time (ip_options_get). */
function setIpOptions(ctx: SendContext): { opt: CompiledOptions | undefined } | SendFail {
  const { input, trace } = ctx;
  if (ctx.v6 || !input.options.length) return { opt: undefined };
  const r = ipOptionsGet(input.options, {
    capNetRaw: true,
    isUnicast: (a) => a[0] !== 127 && a[0] !== 0 && (a[0] ?? 0) < 224,
  });
  if (!r.ok) {
    pushStep(
      trace,
      'ip_options_compile',
      'net/ipv4/ip_options.c',
      msg(M.optionsStepFail, { why: r.why, offset: r.offset }),
    );
    return sendFail(
      ctx,
      'EINVAL',
      'ip_options_compile',
      'net/ipv4/ip_options.c',
      msg(M.optionsRefused, { why: r.why, offset: r.offset }),
    );
  }
  const opt = r.opt;
  pushStep(
    trace,
    'do_ip_setsockopt',
    IP_SOCKGLUE_C,
    msg(M.optionsCompiled, {
      len: input.options.length,
      padded: opt.bytes.length,
      rr: opt.rr_needaddr ? 'yes' : 'no',
      ts: opt.ts_needtime ? 'yes' : 'no',
    }),
    undefined,
    { optlen: opt.bytes.length },
  );
  return { opt };
}

const RAW6_C = 'net/ipv6/raw.c';

/**
 * __ip_make_skb / __ip6_make_skb count the ICMP message a raw socket sends: OutMsgs and
 * OutType<type>, the type raw_probe_proto_opt read — for IPv4 from the send that pushes the
 * datagram (the last), for IPv6 from the flow corked with the first.
 */
function icmpOutCount(ctx: SendContext): void {
  const runs = payloadRuns(ctx.input);
  const type = ctx.v6 ? firstByte(runs) : (runs[runs.length - 1] as ByteRun).byte;
  const sec = ctx.v6 ? 'Icmp6' : 'Icmp';
  countMib(ctx.tx, sec, 'OutMsgs');
  countMib(ctx.tx, ctx.v6 ? 'Icmp6' : 'IcmpMsg', `OutType${type}`);
  pushStep(
    ctx.trace,
    ctx.v6 ? '__ip6_make_skb' : '__ip_make_skb',
    ctx.v6 ? 'net/ipv6/ip6_output.c' : 'net/ipv4/ip_output.c',
    msg(RM.icmpOut, { fn: ctx.v6 ? '__ip6_make_skb' : '__ip_make_skb', v6: ctx.v6 ? 'yes' : 'no', type }),
  );
}

/** Everything before the loopback device: the wire and what sendFinish needs, or the send's failure. */
export type Wired = {
  ctx: SendContext;
  frag: FragmentResult;
  sent: number;
  opt: CompiledOptions | undefined;
};

/**
 * The send up to the wire: the packets and what sendFinish needs (an IP_HDRINCL packet: what
 * hdrinclFinish needs), or the send's failure. `quiet`: record no steps (step.ts NO_TRACE).
 */
export function sendToWire(
  input: SendInput,
  socket: RxSocket,
  quiet = false,
): Wired | HdrinclWired | SendFail {
  resetSkbIds();
  const shape = sendShapeIssues(input);
  if (shape.length) {
    // Nothing of `input` can be read safely: the failure is built on an empty send.
    const ctx = sendContext({ ...DEFAULT_SEND_INPUT, sends: [] }, 'fresh');
    return sendFail(ctx, 'EINVAL', 'sockscope', '', msg(M.input, { issues: sentencesMsg(shape) }));
  }
  const ctx = sendContext(input, socket === 'none' || socket === 'external' ? socket : 'fresh', quiet);
  const issues: InputIssue[] = validateSendInput(input);
  if (issues.length)
    return sendFail(ctx, 'EINVAL', 'sockscope', '', msg(M.input, { issues: sentencesMsg(issues) }));

  const options = setIpOptions(ctx);
  if ('ok' in options) return options;
  const { opt } = options;
  if (ctx.hdrincl) return rawSendHdrinc(ctx, opt);

  const setup = ipSetupCork(ctx);
  if ('ok' in setup) return setup;
  const appended = ipSendmsgs(ctx, setup);
  if ('ok' in appended) return appended;

  const csumOffset = rawv6ChecksumOffset(ctx);
  if (csumOffset >= 0 && appended.sent <= csumOffset + 1) {
    const what = ctx.protocol === 58 ? 'icmp' : 'mh';
    const why = msg(RM.csumOffset, { what, offset: csumOffset, len: appended.sent });
    pushStep(ctx.trace, 'rawv6_push_pending_frames', RAW6_C, why);
    flushQueue(ctx, appended.queue.length, 'push', ctx.sends.length - 1);
    return sendFail(ctx, 'EINVAL', 'rawv6_push_pending_frames', RAW6_C, why);
  }

  if (csumOffset >= 0 && appended.misparity.length) {
    const runs = payloadRuns(ctx.input);
    if (rawv6ChecksumSlips(appended.misparity, runs)) {
      ctx.rawCsumBad = true;
      let bytes = 0;
      for (const r of appended.misparity) bytes += r.to - r.from;
      const hlen = ctx.protocol === 58 ? 2 : 4;
      pushStep(ctx.trace, 'rawv6_push_pending_frames', RAW6_C, msg(RM.csumSlip, { hlen, bytes }));
    }
  }

  // __ip_make_skb / __ip6_make_skb chain the queue; then each family's output tail.
  const head = ipMakeSkb(appended.queue, input.family, ctx.trace);
  if (!ctx.udp && ctx.protocol === (ctx.v6 ? 58 : 1)) icmpOutCount(ctx);
  const frag = ctx.v6
    ? ip6FinishOutput(ctx, head)
    : ipFinishOutput(ctx, head, appended.queue.length, setup.cork.fragsize, opt);
  if ('ok' in frag) return frag;
  return { ctx, frag, sent: appended.sent, opt };
}

/**
 * The packets a send puts on the wire, as ipSend's `wire` (the same pipeline, stopped at
 * ip_finish_output2: no loopback receive), or ipSend's failure. For a caller that needs only the
 * fragments, e.g. the Reassembly lab cutting a datagram as the sender does: the send records no
 * trace (step.ts NO_TRACE), most of its work; a failure, which carries its trace, is sent again
 * with one. Never throws.
 */
export function ipSendWire(input: SendInput): { ok: true; wire: WirePacket[] } | SendFail {
  const quiet = sendToWire(input, 'fresh', true);
  const failed = failureOf(quiet);
  if (failed === undefined) return { ok: true, wire: wireOf(quiet as Wired | HdrinclWired) };
  // The same input fails the same way: sent again with a trace, it fails with the steps shown.
  return failureOf(sendToWire(input, 'fresh')) ?? failed;
}

/** The packets of a send that reached the wire. */
const wireOf = (w: Wired | HdrinclWired): WirePacket[] => ('hdrincl' in w ? w.wire : w.frag.wire);

/**
 * How a send that stopped at the wire failed, as ipSend reports it; undefined when it did not.
 * An IPv6 protocol-255 send can fail at a later sendto() after earlier packets left (send-hdrincl.ts).
 */
function failureOf(w: Wired | HdrinclWired | SendFail): SendFail | undefined {
  if ('ok' in w) return w;
  if ('hdrincl' in w && w.fail)
    return sendFail(w.ctx, w.fail.errno, w.fail.fn, w.fail.file, w.fail.why, w.wire);
  return undefined;
}
