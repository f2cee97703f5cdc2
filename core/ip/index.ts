/**
 * core/ip — the IPv4/IPv6 output path, as udp_sendmsg / raw_sendmsg and their IPv6
 * counterparts drive it: __ip_append_data → __ip_make_skb → ip_finish_output →
 * ip_fragment → ip_do_fragment (fast or slow path) → the wire.
 */
export * from './types.ts';
export { ipSend, ipSkIgnoreDf, ipSkUsePmtu, ipDontFragment, LOOPBACK } from './send.ts';
export { ipSendWire } from './send-wire.ts';
export { sendSides, type SendSides } from './send-context.ts';
export { sendShapeIssues, validateSendInput, LIMITS } from './validate.ts';
export { appendGeometry, ipAppendData } from './append.ts';
export { ipDoFragment, ip6Fragment, fastPathRefusal } from './fragment.ts';
export {
  ipOptionsGet,
  ipOptionsBuild,
  ipOptionsFragment,
  parseOptionsHex,
  toHex,
  OPTION_NAMES,
  ipoptCopied,
  msSinceMidnightUtc,
} from './options.ts';
export { loopbackReceive, type RxSocket, type ReceiveOutcome } from './receive.ts';
export { payloadRuns, type ByteRun } from './payload-runs.ts';
export { icmpError, type IcmpErrorArgs } from './icmp.ts';
export { inetFragReasmFinish, type ReasmFinish } from './inet-fragment.ts';
export { ip6FragExpire } from './reassembly.ts';
export { wireFacts, type WireFacts } from './wire.ts';
export {
  reassemble,
  defragStepCount,
  ipDefrag,
  ipFragQueue,
  ipv6FragRcv,
  ip6FragQueue,
  ipExpire,
  inetFragQueueInsert,
  validateDefragInput,
  fragmentsFromWire,
  fragmentTruesize,
  defragReturn,
  DEFRAG_DEFAULTS,
  FRAG_QUEUE_SIZE,
  VERDICT_MSG,
  VERDICT_TEXT,
  type DefragSysctl,
  type FragFill,
  type FragmentSpec,
  type DefragInput,
  type ArrivalVerdict,
  type FragPiece,
  type RunSnapshot,
  type QueueFlags,
  type QueueSnapshot,
  type IcmpOut,
  type DefragSnapshot,
  type DefragStep,
  type DefragArrival,
  type DefragDatagram,
  type QueueEnd,
  type QueueOutcome,
  type DefragOk,
  type DefragIssue,
  type DefragFail,
  type DefragResult,
  type InetFragQueue,
  type InsertResult,
  type DefragNet,
} from './defrag.ts';
export { icmpNameMsg } from './defrag-messages.ts';
export { issueListMsg, type InputIssueMsg } from './input-messages.ts';
