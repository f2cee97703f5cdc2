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
  /**
   * Told how far the analysis has come: `dissect` counts packets taken apart, `replay` counts
   * fragment groups run through the reassembly model. Called at the start and end of each stage
   * and about every `progressEvery` units in between (default 5,000), never more often.
   */
  onProgress?: (stage: AnalyzeStage, done: number, total: number) => void;
  progressEvery?: number;
}

export type AnalyzeStage = 'dissect' | 'replay';

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
export const DEFAULT_PROGRESS_EVERY = 5000;

export function analyzeCapture(capture: PcapCapture, opts: AnalyzeOptions = {}): CaptureAnalysis {
  const max =
    typeof opts?.maxReplays === 'number' && Number.isInteger(opts.maxReplays) && opts.maxReplays >= 0
      ? opts.maxReplays
      : DEFAULT_MAX_REPLAYS;
  const tell = typeof opts?.onProgress === 'function' ? opts.onProgress : null;
  const every =
    typeof opts?.progressEvery === 'number' && Number.isInteger(opts.progressEvery) && opts.progressEvery > 0
      ? opts.progressEvery
      : DEFAULT_PROGRESS_EVERY;
  /** Runs `f` over `items`, telling `tell` at the start, every `every` items and at the end. */
  const staged = <T, R>(stage: AnalyzeStage, items: readonly T[], f: (x: T) => R): R[] => {
    const out: R[] = new Array<R>(items.length);
    tell?.(stage, 0, items.length);
    for (let i = 0; i < items.length; i++) {
      out[i] = f(items[i] as T);
      if (tell && (i + 1) % every === 0 && i + 1 < items.length) tell(stage, i + 1, items.length);
    }
    if (items.length > 0) tell?.(stage, items.length, items.length);
    return out;
  };
  const views = staged('dissect', capture.packets, dissectPacket);
  const groups = fragmentGroups(views);
  const replays = staged('replay', groups.slice(0, max), (g) => replayGroup(g, views, capture.packets));
  return {
    capture,
    views,
    groups,
    replays,
    datagrams: views.filter((v) => v.ip && !v.ip.isFragment).map((v) => v.index),
    netlink: views.filter((v) => v.netlink).map((v) => v.index),
  };
}
