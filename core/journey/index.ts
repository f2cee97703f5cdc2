/**
 * core/journey — a datagram's whole journey for the animation: the stops (derived from the core
 * traces of core/ip), the UDP receive queue (sk_rcvbuf, drops, MSG_TRUNC), and the timeline
 * (where every packet is at time t).
 */
export * from './types.ts';
export * from './rcvqueue.ts';
export { skbSegments, segmentsLength } from './segments.ts';
export { CAPTION, captionOf, stopKind, type CaptionFacts } from './captions.ts';
export { kernelDefrag } from './defrag-kernel.ts';
export { simpleDefrag, type DefragFn, type DefragOutcome, type FragArrival } from './defrag-verdict.ts';
export {
  journey,
  DEFAULT_JOURNEY_INPUT,
  MAX_DATAGRAMS,
  READ_MODES,
  type Fault,
  type JourneyInput,
  type JourneyResult,
  type ReadMode,
  type DatagramOutcome,
  type DatagramFate,
} from './scenario.ts';
export * from './timeline.ts';
