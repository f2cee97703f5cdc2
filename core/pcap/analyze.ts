/**
 * A whole capture in the model's terms: every packet dissected, the IP fragments grouped by
 * the kernel's queue key and replayed through the reassembly model, whole datagrams and
 * netlink frames listed. What the CLI prints and the app's packet list shows.
 */
import { dissectPacket, type PacketView } from './dissect.ts';
import { fragmentGroups, replayGroup, type FragmentGroup, type GroupReplay } from './groups.ts';
import type { PcapCapture } from './types.ts';

export interface AnalyzeOptions {
  /** Replay at most this many fragment groups (default 1,000); the rest are listed only. */
  maxReplays?: number;
}

export interface CaptureAnalysis {
  capture: PcapCapture;
  views: PacketView[];
  groups: FragmentGroup[];
  /** Replays of the first `maxReplays` groups, in group order. */
  replays: GroupReplay[];
  /** Packets that are whole IP datagrams (not fragments). */
  datagrams: number[];
  /** Packets that carry netlink messages. */
  netlink: number[];
}

export const DEFAULT_MAX_REPLAYS = 1000;

export function analyzeCapture(capture: PcapCapture, opts: AnalyzeOptions = {}): CaptureAnalysis {
  const max =
    typeof opts?.maxReplays === 'number' && Number.isInteger(opts.maxReplays) && opts.maxReplays >= 0
      ? opts.maxReplays
      : DEFAULT_MAX_REPLAYS;
  const views = capture.packets.map(dissectPacket);
  const groups = fragmentGroups(views);
  const replays = groups.slice(0, max).map((g) => replayGroup(g, views, capture.packets));
  return {
    capture,
    views,
    groups,
    replays,
    datagrams: views.filter((v) => v.ip && !v.ip.isFragment).map((v) => v.index),
    netlink: views.filter((v) => v.netlink).map((v) => v.index),
  };
}
