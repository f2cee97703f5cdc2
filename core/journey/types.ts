/** The Journey's vocabulary: where a packet is (side, layer) and what it looks like (header segments). */
import type { DropReason } from '../drops/index.ts';
import type { Msg, Text } from '../i18n/index.ts';
import type { RegionKind } from '../skb/index.ts';

export type Side = 'tx' | 'wire' | 'rx';
export type Layer = 'app' | 'socket' | 'l4' | 'l3' | 'l2' | 'wire';

export const LAYERS: readonly Layer[] = ['app', 'socket', 'l4', 'l3', 'l2', 'wire'];

/**
 * The order a packet passes the places: down the sender (0–4), the wire (5), up the receiver (6–10).
 * A packet's rank never decreases while the steps go forward.
 */
export function placeRank(side: Side, layer: Layer): number {
  if (side === 'wire' || layer === 'wire') return 5;
  const i = LAYERS.indexOf(layer);
  return side === 'tx' ? i : 10 - i;
}

/** A run of bytes of one kind, in buffer order (what the sk_buff model's regions say, merged). */
export interface Segment {
  kind: RegionKind;
  bytes: number;
}

export type PacketStatus =
  /** on its way (an skb or the user's buffer) */
  | 'moving'
  /** a fragment waiting in the defragmentation queue (ip_defrag: -EINPROGRESS) */
  | 'waiting'
  /** a datagram in the socket's receive queue */
  | 'queued'
  /** lost on the wire (the student's choice) */
  | 'lost'
  /** dropped by the kernel (receive queue full, reassembly timed out) */
  | 'dropped'
  /** copied to the application by recvfrom */
  | 'delivered';

export interface PacketState {
  /** Stable across stops: the same sk_buff (by its model id) of the same datagram keeps its key. */
  key: string;
  datagram: number;
  /** Index of the wire packet it is (or becomes), when the datagram is fragmented. */
  fragment: number | null;
  /** A fragment's offset in the datagram's IP payload, in bytes (frag_off × 8); null: not a fragment. */
  offset?: number | null;
  /** Position in the arrival order on the wire (reordering changes it). */
  order: number;
  side: Side;
  layer: Layer;
  status: PacketStatus;
  /** skb->len (or the user's bytes for the buffer at the application). */
  len: number;
  /** skb_headroom(skb): bytes free in front of data (null: not an sk_buff — the user's buffer). */
  headroom: number | null;
  segments: readonly Segment[];
  label: string;
}

export interface RcvQueueView {
  rmem: number;
  rcvbuf: number;
  /** Datagram numbers in the queue, oldest first. */
  queued: readonly number[];
}

/** What kind of thing happens at a stop: it picks the stop's plain-language caption. */
export type StopKind =
  | 'syscall'
  | 'sendmsg'
  | 'append'
  | 'alloc'
  | 'make-skb'
  | 'udp-header'
  | 'ip-out'
  | 'fragment'
  | 'link-out'
  | 'wire'
  | 'link-in'
  | 'ip-in'
  | 'defrag'
  | 'reasm'
  | 'deliver'
  | 'udp-in'
  | 'enqueue'
  | 'rcvbuf-drop'
  | 'expire'
  | 'recv'
  | 'send-failed'
  | 'flush'
  | 'other';

export interface Stop {
  /** What kind of step this is (the caption's choice). */
  kind: StopKind;
  /** "What just happened", in plain words for a first-year student (a catalog message). */
  caption: Msg;
  /** Kernel function this stop models (linked to elixir.bootlin.com). */
  fn: string;
  file: string;
  why: Text;
  dir: 'down' | 'up';
  side: Side;
  layer: Layer;
  datagram: number;
  /**
   * The step of that datagram's core trace (ipSend) this stop replays; null for the steps the
   * journey adds around it: the syscalls, the wire, udp_rcv, ip_expire, each recvfrom.
   */
  traceStep: number | null;
  /** Every packet that exists after this stop, and where. */
  packets: readonly PacketState[];
  rcvq: RcvQueueView;
  counters: Record<string, number>;
  vars: Record<string, number | string | boolean>;
  /** The skbs the kernel freed as drops at this stop (reason, freeing function, count). */
  drops?: readonly DropReason[];
}
